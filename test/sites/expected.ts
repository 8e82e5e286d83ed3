import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Posting } from '../../src/model/index.ts';
import { at, expectStillAGap, gapsOf, without } from './gap-check.ts';
import { parsePage } from './page.ts';

/*
 * Fixtures of any board (test/fixtures/<board>/) and their `.expected.json`: the Lever
 * fixtures' format, plus `via` (which reader must understand the page) and `parserGaps`
 * (paths under `posting.` the parsers get wrong today, checked by gap-check.ts as every
 * board's are).
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export function boardFixture(board: string, name: string): string {
  return readFileSync(join(ROOT, board, name), 'utf8');
}

export function boardJson<T = unknown>(board: string, name: string): T {
  return JSON.parse(boardFixture(board, name)) as T;
}

export interface Expected {
  url: string;
  via: string;
  posting: Record<string, unknown>;
  salaryCount: number;
  salaryEvidenceIncludes?: string;
  requirements: { requiredCount: number; requiredFirst: string; preferredCount: number; preferredFirst?: string };
  descriptionIncludes: string[];
  descriptionExcludes: string[];
  /** `{ "posting.remote.officeDaysMin": "why" }`: where the parsers disagree with the reading today. */
  parserGaps?: Record<string, string>;
}

/** Everything the expected file says; at each known gap, that the parsers still disagree. */
export function checkAgainst(posting: Posting, expected: Expected): void {
  const gaps = gapsOf(expected);
  let want = expected.posting;
  for (const gap of gaps) {
    const [root, ...rest] = gap.split('.');
    // This format states the posting only; the other counts are not gaps it can name.
    expect(root, `parser gap "${gap}" names a path under posting.`).toBe('posting');
    expectStillAGap(at(posting, rest.join('.')), at(expected.posting, rest.join('.')), gap);
    want = without(want, rest);
  }
  expect(posting).toMatchObject(want);
  expect(posting.salaries).toHaveLength(expected.salaryCount);
  if (expected.salaryEvidenceIncludes) expect(posting.salary?.evidence).toContain(expected.salaryEvidenceIncludes);
  else expect(posting.salary).toBeNull();
  expect(posting.requirements.required).toHaveLength(expected.requirements.requiredCount);
  expect(posting.requirements.required[0]).toBe(expected.requirements.requiredFirst);
  expect(posting.requirements.preferred).toHaveLength(expected.requirements.preferredCount);
  if (expected.requirements.preferredFirst) expect(posting.requirements.preferred[0]).toBe(expected.requirements.preferredFirst);
  for (const text of expected.descriptionIncludes) expect(posting.description).toContain(text);
  for (const text of expected.descriptionExcludes) expect(posting.description).not.toContain(text);
}

/** Which of `selectors` match on each page: `{ page: { name: matched } }`. */
export type SelectorReport = Record<string, Record<string, boolean>>;

export async function selectorReport(
  selectors: Readonly<Record<string, string>>,
  pages: ReadonlyArray<{ name: string; html: string; url: string }>,
): Promise<SelectorReport> {
  const report: SelectorReport = {};
  for (const page of pages) {
    const { doc, close } = parsePage(page.html, page.url);
    try {
      report[page.name] = Object.fromEntries(
        Object.entries(selectors).map(([name, selector]) => [name, doc.querySelector(selector) !== null]),
      );
    } finally {
      await close();
    }
  }
  return report;
}

/** Names among `required` that match on no page of the report. */
export function neverMatched(report: SelectorReport, required: readonly string[]): string[] {
  return required.filter((name) => !Object.values(report).some((page) => page[name]));
}

/** The report as lines a person can read: one line per selector, the pages it matched on. */
export function formatReport(report: SelectorReport): string {
  const pages = Object.keys(report);
  const names = pages.length ? Object.keys(report[pages[0]!]!) : [];
  return names
    .map((name) => {
      const hits = pages.filter((page) => report[page]![name]);
      return `${name}: ${hits.length}/${pages.length}${hits.length < pages.length ? ` (missing on ${pages.filter((p) => !report[p]![name]).join(', ')})` : ''}`;
    })
    .join('\n');
}
