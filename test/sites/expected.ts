import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { Posting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';

/*
 * Fixtures of any board (test/fixtures/<board>/) and their `.expected.json`: the Lever
 * fixtures' format, plus `via` (which reader must understand the page) and
 * `knownParserGaps` (expectations the parsers do not meet yet, checked as expected failures).
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
  /** "remote.officeDaysMin: why": a path into `posting` the parsers get wrong today. */
  knownParserGaps?: string[];
}

/** The `posting` paths `knownParserGaps` names ("remote.officeDaysMin", "experience"). */
export function gapPaths(expected: Expected): string[] {
  return (expected.knownParserGaps ?? []).map((gap) => gap.split(':')[0]!.trim());
}

/**
 * The value at `path` in the posting matches the expected one: field by field for an object
 * (the expected JSON names only the fields it checks), equal otherwise. A known gap's test
 * runs this as an expected failure, so it fails, and says so, once the gap is closed.
 */
export function expectAt(posting: unknown, expected: Expected, path: string): void {
  const want = valueAt(expected.posting, path);
  expect(want, `${path} is in the expected posting`).not.toBeUndefined();
  const got = valueAt(posting, path);
  if (want && typeof want === 'object') expect(got).toMatchObject(want);
  else expect(got).toEqual(want);
}

export function valueAt(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

function withoutPaths(posting: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(posting);
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = valueAt(copy, keys.join('.')) ?? (keys.length === 0 ? copy : undefined);
    if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
  }
  return copy;
}

/** Everything the expected file says, except its known gaps (those are checked on their own). */
export function checkAgainst(posting: Posting, expected: Expected): void {
  expect(posting).toMatchObject(withoutPaths(expected.posting, gapPaths(expected)));
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
