import { expect } from 'vitest';
import { SavedPosting, SavedSummary, summaryOf } from '../../src/model/index.ts';
import { POSTINGS_STORE, SUMMARIES_STORE } from '../../src/store/upgrades.ts';

/** A database with the postings and summaries stores (the repository's, or an upgrade step's). */
interface Stores {
  getAll(store: typeof POSTINGS_STORE | typeof SUMMARIES_STORE): Promise<unknown[]>;
}

/**
 * The invariant the repository keeps: the summaries store holds exactly summaryOf of every
 * posting that validates, under the same key, and nothing else. A posting that does not
 * validate has no summary.
 */
export async function expectSummariesInStep(db: Stores): Promise<void> {
  const postings = await db.getAll(POSTINGS_STORE);
  const summaries = await db.getAll(SUMMARIES_STORE);
  const expected = postings.flatMap((raw) => {
    const parsed = SavedPosting.safeParse(raw);
    return parsed.success ? [summaryOf(parsed.data)] : [];
  });
  // Both stores are read in key order, so the lists line up one to one.
  expect(summaries).toEqual(expected);
  for (const summary of summaries) expect(SavedSummary.safeParse(summary).success).toBe(true);
}
