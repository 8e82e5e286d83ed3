import { expect } from 'vitest';
import { Posting } from '../../src/model/index.ts';

/*
 * The fixture check of the boards whose expected JSON lists `parserGaps`: fields where the
 * parsers (not the adapter) still disagree with a careful reader. Each gap must still be a
 * gap, so the fix that closes it fails here and the entry gets removed.
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

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
}

function without(value: Record<string, unknown>, path: string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (!head || !(head in value)) return value;
  const copy = { ...value };
  if (rest.length === 0) delete copy[head];
  else copy[head] = without(copy[head] as Record<string, unknown>, rest);
  return copy;
}

/** The posting against what a reader of it says; a known parser gap must still be a gap, so its fix fails here. */
export function checkAgainstWithGaps(posting: Posting, expected: GapExpected): void {
  const gaps = Object.keys(expected.parserGaps ?? {}).filter((key) => key !== '$comment');
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
  for (const gap of gaps) {
    // A gap names a value the expected file states; else "not equal to undefined" would pass for ever.
    expect(at(expected, gap), `parser gap "${gap}" is in the expected file`).not.toBeUndefined();
    expect(at(actual, gap), `parser gap "${gap}" is fixed: remove it from parserGaps`).not.toEqual(at(expected, gap));
  }
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
