// Annotating a posting in Node: `annotate()` over every fixture with expected JSON, in every
// board's folder (test/fixtures/<board>/<name>.expected.json beside a page or an API payload),
// each read first exactly as the CLI and the eval read it. Only annotate() is timed: reading
// the page is the content script's part and is timed in the browser.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { annotate } from '../../src/annotate.ts';
import type { Posting, RawPosting } from '../../src/model/index.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage, urlOfPage } from '../../src/sites/registry.ts';
import { findFixtures } from '../eval/eval.ts';
import { max, median, ms, type Figure } from './stats.ts';

export const BUDGET_ANNOTATE_MEDIAN_MS = 2;
export const BUDGET_ANNOTATE_SLOWEST_MS = 20;
/** Warm runs per fixture, after its first (cold) one. */
const WARM_RUNS = 100;
const NOW = new Date('2026-01-01T00:00:00.000Z');

export interface ReadFixture {
  /** `<board>/<name>` */
  name: string;
  board: string;
  kind: 'page' | 'payload';
  raw: RawPosting;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every fixture with expected JSON, read to a RawPosting (as test/eval reads them); unreadable ones are listed. */
export function readFixtures(): { fixtures: ReadFixture[]; skipped: string[] } {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const fixtures: ReadFixture[] = [];
  const skipped: string[] = [];
  try {
    for (const fixture of findFixtures()) {
      const expected: unknown = JSON.parse(readFileSync(fixture.expectedPath, 'utf8'));
      if (!isRecord(expected) || !fixture.pagePath) {
        skipped.push(`${fixture.name} (no page beside the expected JSON)`);
        continue;
      }
      const stated = isRecord(expected.posting) ? expected.posting : {};
      const url = [expected.url, stated.url].find((u): u is string => typeof u === 'string' && URL.canParse(u)) ?? null;
      const text = readFileSync(fixture.pagePath, 'utf8');
      const board = fixture.name.split('/')[0]!;
      try {
        if (fixture.pagePath.endsWith('.json')) {
          const data: unknown = JSON.parse(text);
          const reader = payloadReaderFor(data);
          if (!reader) throw new Error('no payload reader');
          const items = reader.items(data);
          const item = typeof expected.item === 'number' ? expected.item : 0;
          const raw = reader.readItem(items[item], { url: url ?? undefined, doc: window.document as unknown as Document, single: items.length === 1 });
          fixtures.push({ name: fixture.name, board, kind: 'payload', raw });
        } else {
          const doc = new window.DOMParser().parseFromString(text, 'text/html') as unknown as Document;
          const href = url ?? urlOfPage(doc);
          if (!href) throw new Error('no URL');
          window.happyDOM.setURL(href);
          const raw = readPage(doc, new URL(href));
          if (!raw) throw new Error('not read as a posting');
          // Detached from happy-dom: what crosses to the background is plain data.
          fixtures.push({ name: fixture.name, board, kind: 'page', raw: JSON.parse(JSON.stringify(raw)) as RawPosting });
        }
      } catch (error) {
        skipped.push(`${fixture.name} (${error instanceof Error ? error.message : String(error)})`);
      }
    }
  } finally {
    void window.happyDOM.close();
  }
  return { fixtures, skipped };
}

/** The postings the fixtures annotate to: realistic records for the browser measures to multiply. */
export function annotatedFixtures(fixtures: readonly ReadFixture[]): Posting[] {
  return fixtures.map((f) => annotate(f.raw, NOW));
}

export function annotateBench(log: (line: string) => void): Figure[] {
  const { fixtures, skipped } = readFixtures();
  if (fixtures.length === 0) throw new Error('no fixtures with expected JSON could be read');
  // Round 1: the first annotate() of each fixture. The very first call of the process is the
  // cold one (code not yet compiled, regular expressions not yet built); it is reported apart.
  const first = new Map<string, number>();
  for (const f of fixtures) {
    const t0 = performance.now();
    annotate(f.raw, NOW);
    first.set(f.name, performance.now() - t0);
  }
  const coldName = fixtures[0]!.name;
  const cold = first.get(coldName)!;
  const warm = new Map<string, number[]>();
  for (const f of fixtures) {
    const runs: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const t0 = performance.now();
      annotate(f.raw, NOW);
      runs.push(performance.now() - t0);
    }
    warm.set(f.name, runs);
  }

  log(`annotate() in Node over ${fixtures.length} fixtures with expected JSON (${fixtures.filter((f) => f.kind === 'payload').length} of them API payloads); page already read; ${WARM_RUNS} warm runs each after a first run`);
  if (skipped.length) log(`  not timed (could not be read): ${skipped.join('; ')}`);
  log(`  cold: the process's first annotate() (${coldName}) took ${ms(cold)}; first run of every other fixture: median ${ms(median([...first.entries()].filter(([n]) => n !== coldName).map(([, v]) => v)))}, slowest ${ms(max([...first.entries()].filter(([n]) => n !== coldName).map(([, v]) => v)))}`);
  const boards = [...new Set(fixtures.map((f) => f.board))];
  for (const board of boards) {
    const names = fixtures.filter((f) => f.board === board).map((f) => f.name);
    const all = names.flatMap((n) => warm.get(n)!);
    const slowestFixture = names.reduce((a, b) => (median(warm.get(a)!) >= median(warm.get(b)!) ? a : b));
    log(
      `  ${board.padEnd(16)} ${String(names.length).padStart(2)} fixtures: warm median ${ms(median(all))}, slowest warm run ${ms(max(all))}, ` +
        `first runs ${ms(Math.min(...names.map((n) => first.get(n)!)))}–${ms(max(names.map((n) => first.get(n)!)))}; slowest fixture ${slowestFixture.split('/')[1]} (median ${ms(median(warm.get(slowestFixture)!))})`,
    );
  }
  const allWarm = [...warm.values()].flat();
  const firstOthers = [...first.entries()].filter(([n]) => n !== coldName).map(([, v]) => v);
  const medians = fixtures.map((f) => ({ name: f.name, median: median(warm.get(f.name)!) }));
  const slowest = medians.reduce((a, b) => (b.median > a.median ? b : a));
  const sortedWarm = [...allWarm].sort((a, b) => a - b);
  const p99 = sortedWarm[Math.floor(sortedWarm.length * 0.99)]!;
  log(
    `  overall: warm median ${ms(median(allWarm))}; slowest fixture ${slowest.name} (median ${ms(slowest.median)}); ` +
      `99th percentile of the ${allWarm.length} warm runs ${ms(p99)}, slowest single run ${ms(max(allWarm))} (single runs include garbage collection and ` +
      `whatever else the machine was doing: load average ${loadavg().map((n) => n.toFixed(1)).join(' ')})`,
  );
  return [
    {
      measure: 'annotate a posting (Node), median',
      value: median(allWarm),
      unit: 'ms',
      budget: BUDGET_ANNOTATE_MEDIAN_MS,
      strict: true,
      what: `annotate() on all ${fixtures.length} fixtures with expected JSON (every board), ${WARM_RUNS} warm runs each; page already read; first runs apart`,
    },
    {
      measure: 'annotate a posting (Node), slowest posting',
      value: slowest.median,
      unit: 'ms',
      budget: BUDGET_ANNOTATE_SLOWEST_MS,
      strict: true,
      what: `the slowest fixture's median (${slowest.name}); the 99th percentile of every fixture's warm runs ${ms(p99)}`,
    },
    {
      measure: 'annotate a posting (Node), slowest first run',
      value: max(firstOthers),
      unit: 'ms',
      budget: BUDGET_ANNOTATE_SLOWEST_MS,
      strict: true,
      what: `each fixture's first annotate(), the process's very first (cold: ${ms(cold)}, compiling the parsers) left out`,
    },
  ];
}

