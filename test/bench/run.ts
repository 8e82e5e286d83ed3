// `npm run bench`: builds the extension (the npm script), then prints each figure beside its
// budget and a table for README.md ("Budgets"). Benchmarks assert nothing: a figure over its
// budget is printed as such and the run still succeeds (exit code 0), unless a measure
// could not be taken at all.
//
// Measures, one module each: sizes.ts (content scripts, gzipped), node.ts (annotate() over
// every fixture), hostile.ts (annotateText() on text built to be slow, 50–400 KB), browser.ts (Chromium with the built extension: the overlay on a posting,
// the reader on a page that is not one, the popup, search, export and import).
// The build is copied first, so another build of .output mid-run cannot change what is measured;
// JOBLENS_EXTENSION_DIR names a built extension to measure instead.
// BENCH_ONLY=sizes,node,hostile,overlay,not-a-posting,saved runs some of them.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { hostileTextBench } from './hostile.ts';
import { annotateBench, annotatedFixtures, readFixtures } from './node.ts';
import { contentScriptSizes } from './sizes.ts';
import { figureLine, figuresTable, withinBudget, type Figure } from './stats.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const started = performance.now();
const log = (line: string) => console.log(line);
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const wanted = (name: string) => !only || only.includes(name);

let copy: string | null = null;
let extensionDir = process.env.JOBLENS_EXTENSION_DIR;
if (!extensionDir) {
  copy = mkdtempSync(join(tmpdir(), 'joblens-bench-ext-'));
  extensionDir = join(copy, 'chrome-mv3');
  cpSync(join(ROOT, '.output/chrome-mv3'), extensionDir, { recursive: true });
  process.env.JOBLENS_EXTENSION_DIR = extensionDir;
}

const figures: Figure[] = [];
const section = async (name: string, title: string, measure: () => Figure[] | Promise<Figure[]>) => {
  if (!wanted(name)) return;
  log(`\n== ${title}`);
  const t0 = performance.now();
  try {
    const got = await measure();
    for (const f of got) log(figureLine(f));
    figures.push(...got);
  } catch (error) {
    process.exitCode = 1;
    log(`!! ${title} could not be measured: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
  log(`   (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
};

try {
  log(`JobLens benchmarks: extension ${extensionDir}; Node ${process.version}; load average ${load()} (figures rise with it); figures are medians unless a line says otherwise`);
  await section('sizes', 'content script sizes', () => contentScriptSizes(extensionDir, log));
  await section('node', 'annotating a posting in Node', () => annotateBench(log));
  await section('hostile', 'hostile text: annotate time as the text doubles', () => hostileTextBench(log));
  // Imported here, after JOBLENS_EXTENSION_DIR is set: the e2e helper reads it on import.
  const browser = await import('./browser.ts');
  await section('overlay', 'posting page: overlay', () => browser.overlayBench(log));
  await section('not-a-posting', 'page that is not a posting: content script cost', () => browser.notAPostingBench(log));
  await section('saved', 'saved postings: popup, search, export, import', () => browser.savedBench(log, annotatedFixtures(readFixtures().fixtures)));

  log('\n== summary (for README.md "Budgets")\n');
  log(figuresTable(figures));
  const over = figures.filter((f) => !withinBudget(f));
  log(`\n${over.length === 0 ? 'every figure is within its budget' : `over budget: ${over.map((f) => f.measure).join('; ')}`}; ${((performance.now() - started) / 1000).toFixed(0)} s in all; load average now ${load()}`);
} finally {
  if (copy) rmSync(copy, { recursive: true, force: true });
}
