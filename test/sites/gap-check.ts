import { expect } from 'vitest';
import { Posting } from '../../src/model/index.ts';

/*
 * Known parser gaps, the one way every fixture test checks them: an expected file's
 * `parserGaps` maps a path ("posting.remote.officeDaysMin", "requirements.requiredCount") to
 * why the parsers (not the adapter) still disagree with a careful reader there. Each gap must
 * still be a gap, checked inside the fixture's own test, so the fix that closes it fails that
 * test and the entry gets removed. Used here (checkAgainstWithGaps) and by expected.ts.
 */

export interface GapExpected {
  item?: number;
  url: string;
  /** Fields where the parsers (not the adapter) still disagree with the reading; each must still disagree. */
  parserGaps?: Record<string, string>;
  posting: Record<string, unknown>;
  salaryCount: number;
  salaryEvidenceIncludes: string | null;
  /** Whether the primary range is the board's estimate (LinkedIn, Indeed). */
  salaryEstimated?: boolean;
  requirements: { requiredCount: number; requiredFirst?: string; preferredCount: number; preferredFirst?: string };
  descriptionIncludes: string[];
  descriptionExcludes: string[];
}

/** The paths an expected file's `parserGaps` names (its `$comment` aside). */
export function gapsOf(expected: { parserGaps?: Record<string, string> }): string[] {
  return Object.keys(expected.parserGaps ?? {}).filter((key) => key !== '$comment');
}

/**
 * Fails when the gap at `path` is closed: `got` matches what the expected file states there.
 * An object is compared field by field (the expected file names only the fields it checks):
 * compared whole, a partial object never equals the reading, and the gap would pass for ever.
 */
export function expectStillAGap(got: unknown, want: unknown, path: string): void {
  // A gap names a value the expected file states; else "not equal to undefined" would pass for ever.
  expect(want, `parser gap "${path}" is in the expected file`).not.toBeUndefined();
  let closed = true;
  try {
    if (want !== null && typeof want === 'object') expect(got).toMatchObject(want as object);
    else expect(got).toEqual(want);
  } catch {
    closed = false;
  }
  expect(closed, `parser gap "${path}" is fixed: remove it from parserGaps`).toBe(false);
}

export function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

export function without(value: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!head || !(head in value)) return value;
  const copy = { ...value };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head] as Record<string, unknown>, rest);
  return copy;
}

/** The posting against what a reader of it says; a known parser gap must still be a gap, so its fix fails here. */
export function checkAgainstWithGaps(posting: Posting, expected: GapExpected): void {
  const gaps = gapsOf(expected);
  const actual = {
    posting,
    salaryCount: posting.salaries.length,
    requirements: {
      requiredCount: posting.requirements.required.length,
      requiredFirst: posting.requirements.required[0],
      preferredCount: posting.requirements.preferred.length,
      preferredFirst: posting.requirements.preferred[0],
    },
  };
  for (const gap of gaps) expectStillAGap(at(actual, gap), at(expected, gap), gap);
  const has = (path: string) => !gaps.includes(path);
  let want = expected.posting;
  for (const gap of gaps.filter((g) => g.startsWith('posting.'))) want = without(want, gap.split('.').slice(1));
  expect(posting).toMatchObject(want);
  if (has('salaryCount')) expect(posting.salaries).toHaveLength(expected.salaryCount);
  if (has('posting.salary')) {
    if (expected.salaryEvidenceIncludes === null) expect(posting.salary).toBeNull();
    else expect(posting.salary?.evidence).toContain(expected.salaryEvidenceIncludes);
    if (expected.salaryEstimated !== undefined) expect(posting.salary?.estimated === true).toBe(expected.salaryEstimated);
  }
  for (const key of ['requiredCount', 'requiredFirst', 'preferredCount', 'preferredFirst'] as const) {
    if (has(`requirements.${key}`) && expected.requirements[key] !== undefined) {
      expect(actual.requirements[key]).toEqual(expected.requirements[key]);
    }
  }
  for (const text of expected.descriptionIncludes) expect(posting.description).toContain(text);
  for (const text of expected.descriptionExcludes) expect(posting.description).not.toContain(text);
}
