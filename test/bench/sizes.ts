// The content scripts, gzipped: board.js, the one script declared on every page of the boards'
// hosts, which the budget is for; job.js, the page reader, which the background injects only
// where the URL may hold a posting (and on request); overlay.js, the panel, injected only into a
// tab whose reader found something to show. The reader is held to the same budget: it is what
// every posting page loads.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Figure } from './stats.ts';

export const BUDGET_CONTENT_SCRIPT_KB = 30;

export function contentScriptSizes(extensionDir: string, log: (line: string) => void): Figure[] {
  const dir = join(extensionDir, 'content-scripts');
  const kb = (name: string) => {
    const path = join(dir, name);
    if (!existsSync(path)) throw new Error(`content script ${name} is missing from the build (${dir})`);
    const bytes = readFileSync(path);
    return { raw: bytes.length / 1024, gz: gzipSync(bytes, { level: 9 }).length / 1024 };
  };
  const declared = kb('board.js');
  const reader = kb('job.js');
  const overlay = kb('overlay.js');
  log(
    `content scripts (gzip -9): board.js, declared on every board page, ${declared.gz.toFixed(1)} KB (${declared.raw.toFixed(1)} KB raw); ` +
      `job.js, the page reader, injected where the URL may hold a posting, ${reader.gz.toFixed(1)} KB (${reader.raw.toFixed(1)} KB raw); ` +
      `overlay.js, injected only where there is something to show, ${overlay.gz.toFixed(1)} KB (${overlay.raw.toFixed(1)} KB raw, no budget)`,
  );
  return [
    {
      measure: 'declared content script, gzipped',
      value: declared.gz,
      unit: 'KB',
      budget: BUDGET_CONTENT_SCRIPT_KB,
      strict: false,
      what: `content-scripts/board.js, declared on every page of the boards' hosts (${declared.raw.toFixed(1)} KB raw): asks for the reader where the URL may hold a posting`,
    },
    {
      measure: 'page reader, gzipped',
      value: reader.gz,
      unit: 'KB',
      budget: BUDGET_CONTENT_SCRIPT_KB,
      strict: false,
      what: `content-scripts/job.js (${reader.raw.toFixed(1)} KB raw), injected on a board's possible posting and on request; overlay.js ${overlay.gz.toFixed(1)} KB gz, not budgeted`,
    },
  ];
}
