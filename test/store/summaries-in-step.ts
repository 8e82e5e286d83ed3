import type { IDBPDatabase } from 'idb';
import { expect } from 'vitest';
import { SavedPosting, SavedSummary, summaryOf } from '../../src/model/index.ts';
import type { JobLensDB } from '../../src/store/db.ts';
import { SUMMARY_CHUNKS, chunkOf, entryId, summariesIn } from '../../src/store/summary-chunks.ts';
import { POSTINGS_STORE, SUMMARIES_STORE, withEditTimes } from '../../src/store/upgrades.ts';

/**
 * The summaries store as tests want to see it: by posting id, as if one summary were
 * stored per posting, while it is kept in chunks (src/store/summary-chunks.ts). These read
 * and write the store directly, the way another path (an older build, a bug) could.
 */

/** The repository's database, or one an upgrade step left (untyped). */
export type AnyDB = JobLensDB | IDBPDatabase<unknown>;

function untyped(db: AnyDB): IDBPDatabase<unknown> {
  return db as unknown as IDBPDatabase<unknown>;
}

/** The entries of chunk `chunk` as stored (undefined when there is no such chunk). */
export async function chunkEntries(db: AnyDB, chunk: number): Promise<unknown[] | undefined> {
  const value: unknown = await untyped(db).get(SUMMARIES_STORE, chunk);
  return value === undefined ? undefined : (summariesIn(value) ?? undefined);
}

/** The summary stored for `id` in its chunk, or undefined. */
export async function summaryIn(db: AnyDB, id: string): Promise<unknown> {
  return (await chunkEntries(db, chunkOf(id)))?.find((entry) => entryId(entry) === id);
}

/** Every entry of every chunk, sorted by id (the order of the postings store's keys). */
export async function allSummaries(db: AnyDB): Promise<unknown[]> {
  const values: unknown[] = await untyped(db).getAll(SUMMARIES_STORE);
  const entries = values.flatMap((value) => summariesIn(value) ?? []);
  return entries.sort((a, b) => {
    const x = entryId(a) ?? '';
    const y = entryId(b) ?? '';
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Puts `entry` (any value with an id) into chunk `chunk` (its own by default) in place of one with the same id. */
export async function putSummaryDirectly(db: AnyDB, entry: unknown, chunk?: number): Promise<void> {
  const id = entryId(entry);
  const target = chunk ?? chunkOf(id!);
  const entries = ((await chunkEntries(db, target)) ?? []).filter((e) => id === undefined || entryId(e) !== id);
  await untyped(db).put(SUMMARIES_STORE, { summaries: [...entries, entry] }, target);
}

/** Takes the summary of `id` out of its chunk. */
export async function deleteSummaryDirectly(db: AnyDB, id: string): Promise<void> {
  const chunk = chunkOf(id);
  const entries = (await chunkEntries(db, chunk)) ?? [];
  await untyped(db).put(SUMMARIES_STORE, { summaries: entries.filter((e) => entryId(e) !== id) }, chunk);
}

/**
 * The invariant the repository keeps: the summaries store holds exactly summaryOf of every
 * posting that validates, each in chunkOf(its id), each once, and nothing else. A posting
 * that does not validate has no summary. Every chunk is a chunk number holding
 * `{ summaries: [...] }`, sorted by id, and not empty.
 */
export async function expectSummariesInStep(db: AnyDB): Promise<void> {
  const raw = untyped(db);
  const postings = await raw.getAll(POSTINGS_STORE);
  const tx = raw.transaction(SUMMARIES_STORE);
  const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
  const seen = new Set<string>();
  for (const [i, key] of keys.entries()) {
    expect(Number.isInteger(key) && (key as number) >= 0 && (key as number) < SUMMARY_CHUNKS, `chunk key ${String(key)}`).toBe(true);
    const entries = summariesIn(values[i]);
    expect(entries, `chunk ${String(key)} has the shape { summaries: [...] }`).not.toBeNull();
    expect(entries!.length, `chunk ${String(key)} is not empty`).toBeGreaterThan(0);
    const ids = entries!.map((entry) => entryId(entry)!);
    expect(ids, `chunk ${String(key)} sorted by id`).toEqual([...ids].sort());
    for (const id of ids) {
      expect(chunkOf(id), `${id} in chunk ${String(key)}`).toBe(key);
      expect(seen.has(id), `${id} once`).toBe(false);
      seen.add(id);
    }
  }
  const expected = postings.flatMap((record) => {
    // A database a step's test left at version 3 holds records step 4 has yet to give edit times.
    const parsed = SavedPosting.safeParse(withEditTimes(record));
    return parsed.success ? [summaryOf(parsed.data)] : [];
  });
  // Postings are read in key order, summaries sorted by id: the lists line up one to one.
  const summaries = await allSummaries(db);
  expect(summaries).toEqual(expected);
  for (const summary of summaries) expect(SavedSummary.safeParse(summary).success).toBe(true);
}
