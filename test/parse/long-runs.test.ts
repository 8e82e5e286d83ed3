import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { MAX_POSTING_TEXT_CHARS } from '../../src/model/text-limit.ts';
import { parseSalaryRanges } from '../../src/parse/index.ts';
import { readPastedText } from '../../src/read-pasted.ts';

/*
 * Long runs of money-like and list-like tokens (issue 11 §4): the answers, not the time (the
 * time is `npm run bench`'s hostile-text section). A run of thousands of amounts or items is
 * read as what it says: no range made of amounts that are not there, one item per line.
 */

const NOW = new Date('2026-01-01T00:00:00.000Z');
const RUNS = { numRuns: 20 };
/** No time is asserted; a run of thousands of items takes seconds on a loaded machine, more than vitest's default 5 s allows. */
const TIMEOUT = { timeout: 60_000 };

/** Amounts as written, and the one amount and currency each states. */
const AMOUNTS = [
  { written: '$1k', value: 1_000, currency: 'USD' },
  { written: '₹ 1,04,000', value: 104_000, currency: 'INR' },
  { written: '$1,000 -', value: 1_000, currency: 'USD' },
  { written: '€2.500', value: 2_500, currency: 'EUR' },
  { written: '£40,000', value: 40_000, currency: 'GBP' },
] as const;

const amountRun = fc.record({
  amount: fc.constantFrom(...AMOUNTS),
  count: fc.integer({ min: 1, max: 3_000 }),
  separator: fc.constantFrom(' ', '  ', '\n', '; ', ' and '),
  label: fc.constantFrom('', 'Salary: ', 'Pay range: '),
});

describe('long runs of amounts', TIMEOUT, () => {
  it('read no range but of the amount written, in its currency, however many times it is written', () => {
    fc.assert(
      fc.property(amountRun, ({ amount, count, separator, label }) => {
        const text = label + Array.from({ length: count }, () => amount.written).join(separator);
        for (const range of parseSalaryRanges(text)) {
          expect([range.min, range.max, range.currency]).toEqual([amount.value, amount.value, amount.currency]);
          expect(text).toContain(range.evidence);
        }
      }),
      RUNS,
    );
  });

  it('give a posting at most the one pay the run states', () => {
    fc.assert(
      fc.property(amountRun, ({ amount, count, separator, label }) => {
        const posting = annotateText(`Engineer\n${label}${Array.from({ length: count }, () => amount.written).join(separator)}`, undefined, NOW);
        expect(posting.salaries.length).toBeLessThanOrEqual(1);
        if (posting.salary) expect([posting.salary.min, posting.salary.max, posting.salary.currency]).toEqual([amount.value, amount.value, amount.currency]);
      }),
      RUNS,
    );
  });
});

describe('long runs of list items and headings', TIMEOUT, () => {
  it('read one requirement per item under a requirements heading, in order, however many there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.constantFrom('- ', '• ', '* '), (count, bullet) => {
        const items = Array.from({ length: count }, (_, i) => `Experience with system ${i + 1}`);
        const posting = annotateText(`Engineer\nRequirements:\n${items.map((item) => `${bullet}${item}`).join('\n')}`, undefined, NOW);
        expect(posting.requirements.required).toEqual(items);
        expect(posting.requirements.preferred).toEqual([]);
      }),
      RUNS,
    );
  });

  it('read the same item written many times once, and headings alone as no requirement', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5_000 }), (count) => {
        expect(annotateText(`Engineer\nRequirements:\n${'- a\n'.repeat(count)}`, undefined, NOW).requirements.required).toEqual(['a']);
        const headings = annotateText(`Engineer\n${'Requirements:\n'.repeat(count)}`, undefined, NOW);
        expect(headings.requirements).toEqual({ required: [], preferred: [] });
        expect(headings.salaries).toEqual([]);
      }),
      RUNS,
    );
  });

  it('read a requirement thousands of words long as one item, required though its last clause is preferred', () => {
    // "Go, Go, Go, Kubernetes and Rust strongly preferred": the preference is the last clause's, as in
    // "Excellent communication skills, experience with clients strongly preferred"; the item is required.
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 4_000 }), (count) => {
        const item = `${'Go, '.repeat(count)}Kubernetes and Rust strongly preferred`;
        expect(annotateText(`Engineer\nRequirements:\n- ${item}`, undefined, NOW).requirements).toEqual({ required: [item], preferred: [] });
      }),
      RUNS,
    );
  });

  it('read the items of a pasted text up to the 200 KB limit, and none after it', () => {
    // 20-character lines: 400 KB of items, of which the first 200,000 characters are read.
    const items = Array.from({ length: 20_000 }, (_, i) => `Requirement ${String(i).padStart(5, '0')}.`);
    const text = `Engineer\nRequirements:\n${items.map((item) => `- ${item}`).join('\n')}`;
    const { required } = readPastedText({ text }, NOW).requirements;
    const wholeItemsRead = Math.floor((MAX_POSTING_TEXT_CHARS - 'Engineer\nRequirements:\n'.length) / 21);
    expect(required.slice(0, wholeItemsRead)).toEqual(items.slice(0, wholeItemsRead));
    // The item the limit cuts is read as far as it goes; nothing after it is read.
    expect(required.length).toBe(wholeItemsRead + 1);
    expect(items[wholeItemsRead]!.startsWith(required.at(-1)!)).toBe(true);
  });
});
