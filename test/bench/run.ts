// Benchmarks print figures; they assert nothing. `npm run bench` builds first.
// Figures go in README.md ("Budgets"); re-run and update them when you change what they measure.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { readPage } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The page reader is declared on every page of the boards' hosts, postings or not. */
const BUDGET_READER_KB = 30;
const BUDGET_ANNOTATE_MS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The two content scripts, gzipped: the page reader (job.js), declared on every page of the
 * boards' hosts, which the budget is for; and the overlay (overlay.js), injected by the
 * background only into a tab whose reader found something to show.
 */
function contentScriptSizes(): void {
  const dir = join(ROOT, '.output/chrome-mv3/content-scripts');
  const roles: Record<string, string> = {
    'job.js': 'page reader, on every board page',
    'overlay.js': 'overlay, injected only where there is something to show',
  };
  const names = readdirSync(dir).filter((f) => f.endsWith('.js'));
  for (const name of ['job.js', 'overlay.js']) {
    if (!names.includes(name)) console.log(`content script ${name}: MISSING from the build`);
  }
  for (const name of names.sort((a, b) => Object.keys(roles).indexOf(a) - Object.keys(roles).indexOf(b))) {
    const bytes = readFileSync(join(dir, name));
    const gz = gzipSync(bytes, { level: 9 }).length / 1024;
    const budget = name === 'job.js' ? ` (budget ${BUDGET_READER_KB} KB) ${gz <= BUDGET_READER_KB ? 'ok' : 'OVER BUDGET'}` : '';
    console.log(
      `content script ${name} (${roles[name] ?? 'other'}): ${(statSync(join(dir, name)).size / 1024).toFixed(1)} KB, ` +
        `${gz.toFixed(1)} KB gzipped${budget}`,
    );
  }
}

function annotateTimings(): void {
  const dir = join(ROOT, 'test/fixtures/lever');
  const pages = readdirSync(dir).filter((f) => f.endsWith('.html'));
  const runs = 200;
  for (const name of pages) {
    const html = readFileSync(join(dir, name), 'utf8');
    const url = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? 'https://jobs.lever.co/example/00000000-0000-0000-0000-000000000000';
    const window = new Window({ url });
    window.document.write(html);
    const doc = window.document as unknown as Document;
    const readMs: number[] = [];
    const annotateMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const raw = readPage(doc, new URL(url));
      const t1 = performance.now();
      if (!raw) throw new Error(`${name}: not read as a posting`);
      annotate(raw);
      const t2 = performance.now();
      readMs.push(t1 - t0);
      annotateMs.push(t2 - t1);
    }
    const m = median(annotateMs);
    console.log(
      `${name}: annotate median ${m.toFixed(3)} ms, max ${Math.max(...annotateMs).toFixed(3)} ms ` +
        `(budget ${BUDGET_ANNOTATE_MS} ms) ${m < BUDGET_ANNOTATE_MS ? 'ok' : 'OVER BUDGET'}; ` +
        `page read (happy-dom) median ${median(readMs).toFixed(3)} ms; ${runs} runs`,
    );
    void window.happyDOM.close();
  }
}

contentScriptSizes();
annotateTimings();
