// The two content scripts, gzipped: the page reader (job.js), declared on every page of the
// boards' hosts, which the budget is for; and the overlay (overlay.js), injected by the
// background only into a tab whose reader found something to show.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats.ts';

export const BUDGET_READER_KB = 30;

export function contentScriptSizes(extensionDir: string, log: (line: string) => void): Figure[] {
  const dir = join(extensionDir, 'content-scripts');
  const kb = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`content script ${name} is missing from the build (${dir})`);
    const bytes = readFileSync(path);
    return { raw: bytes.length / 1024, gz: gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const reader = kb('job.js');
  const overlay = kb('overlay.js');
  log(`content scripts (gzip -9): job.js, the page reader on every board page, ${reader.gz.toFixed(1)} KB (${reader.raw.toFixed(1)} KB raw); overlay.js, injected only where there is something to show, ${overlay.gz.toFixed(1)} KB (${overlay.raw.toFixed(1)} KB raw, no budget)`);
  return [
    {
      measure: 'page reader content script, gzipped',
      value: reader.gz,
      unit: 'KB',
      budget: BUDGET_READER_KB,
      strict: false,
      what: `content-scripts/job.js, declared on every page of the boards' hosts (${reader.raw.toFixed(1)} KB raw); overlay.js ${overlay.gz.toFixed(1)} KB gz, not budgeted`,
    },
  ];
}
