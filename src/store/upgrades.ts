import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { SavedPosting, summaryOf, type SavedSummary } from '../model/index.ts';
import { byChunk, withSummaries } from './summary-chunks.ts';

/**
 * Numbered schema steps: `upgrades[n]` takes a database at version n to version n + 1.
 * Steps see the database untyped because each one meets the shape of its own time, not
 * today's schema. A step never deletes what a user saved: it reshapes or copies.
 * Add a step by appending a function (and its own test); DB_VERSION follows.
 */
export type UpgradeDatabase = IDBPDatabase<unknown>;
export type UpgradeTransaction = IDBPTransaction<unknown, string[], 'versionchange'>;
export type UpgradeStep = (db: UpgradeDatabase, tx: UpgradeTransaction) => void | Promise<void>;

export const POSTINGS_STORE = 'postings';
export const SAVED_AT_INDEX = 'savedAt';
/** Created by step 2, deleted by step 3 (read by nothing, and each index costs every put). */
export const UPDATED_AT_INDEX = 'updatedAt';
export const STATUS_INDEX = 'status';
export const SETTINGS_STORE = 'settings';
export const SUMMARIES_STORE = 'summaries';

/** v0 -> v1: saved postings keyed by their stable id, with an index to list them by save time. */
export function createPostingsStore(db: UpgradeDatabase): void {
  const store = db.createObjectStore(POSTINGS_STORE, { keyPath: 'id' });
  store.createIndex(SAVED_AT_INDEX, 'savedAt');
}

type RecordObject = Record<string, unknown>;

function isRecordObject(value: unknown): value is RecordObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A v1 saved posting with the fields v2 added: the status history starts with the current
 * status at savedAt, unrated, uncorrected, no changes seen, not closed. Only absent fields
 * are filled and nothing is removed, so a record that was corrupt stays as it was otherwise
 * (still reported, still kept). Pure; also migrates the records of a version 1 export.
 */
export function withV2Fields(record: unknown): unknown {
  if (!isRecordObject(record)) return record;
  const filled: RecordObject = { ...record };
  if (!('statusHistory' in filled)) {
    const { status, savedAt } = filled;
    filled.statusHistory = typeof status === 'string' && typeof savedAt === 'string' ? [{ status, at: savedAt }] : [];
  }
  if (!('rating' in filled)) filled.rating = null;
  if (!('corrections' in filled)) filled.corrections = {};
  if (!('changes' in filled)) filled.changes = [];
  if (!('closedAt' in filled)) filled.closedAt = null;
  return filled;
}

/**
 * v1 -> v2: the annotations of issue 5 (status history, rating, corrections, changes seen
 * on re-reads, closedAt) on every saved posting; indexes to list by last change and by
 * status; a settings store (one record per setting key, out-of-line keys).
 */
export async function addAnnotations(db: UpgradeDatabase, tx: UpgradeTransaction): Promise<void> {
  // Structure first and synchronously: the transaction must not go inactive before it.
  const postings = tx.objectStore(POSTINGS_STORE);
  postings.createIndex(UPDATED_AT_INDEX, 'updatedAt');
  postings.createIndex(STATUS_INDEX, 'status');
  db.createObjectStore(SETTINGS_STORE);

  let cursor = await postings.openCursor();
  while (cursor) {
    await cursor.update(withV2Fields(cursor.value));
    cursor = await cursor.continue();
  }
}

/**
 * v2 -> v3: the saved list's summaries, and a cheaper postings store.
 *
 * A summary of every saved posting (SavedSummary: what the saved list shows, without the
 * description and history), so the list of 10,000 opens without reading every full
 * record. The summaries store holds them in chunks (out-of-line keys 0..SUMMARY_CHUNKS - 1,
 * each `{ summaries: [...] }` sorted by id; chunkOf(id) says which): see summary-chunks.ts
 * for why, and for what a change of the chunking needs. From here on the repository writes
 * a posting and its chunk in one transaction.
 *
 * The postings store's `updatedAt` and `status` indexes (step 2) go: no code reads them
 * (every list reads whole stores), and each index costs every put (an import of 10,000
 * into postings with 3 indexes: ~1.8 s; with 1: ~1.5 s, in Chromium). An index is derived
 * from the records, so nothing saved is lost. The `savedAt` index stays: newestSummaries
 * reads the newest saved through it.
 *
 * Unlike the steps before it, this one reads records with today's SavedPosting: a summary
 * is defined by today's shape (summaryOf), so there is no honest way to derive one from a
 * record that does not validate. Such a record gets no summary and stays in postings as it
 * was (nothing is deleted); listSummaries reports it, and writes the summary of any valid
 * posting that lacks one, so a record this step could not summarise (one a later step
 * reshapes into validity, say) is picked up then. A later step that changes SavedPosting
 * or SavedSummary must rewrite the summaries itself, after its own reshaping, or (when its
 * reshaping is pure and leaves the summary as it was, as step 4's does) be applied to the
 * record here before it is validated, so a database upgraded past both gets its summaries.
 */
export async function addSummaryChunks(db: UpgradeDatabase, tx: UpgradeTransaction): Promise<void> {
  // Structure first and synchronously: the transaction must not go inactive before it.
  const postings = tx.objectStore(POSTINGS_STORE);
  for (const index of [UPDATED_AT_INDEX, STATUS_INDEX]) {
    if (postings.indexNames.contains(index)) postings.deleteIndex(index);
  }
  const summaries = db.createObjectStore(SUMMARIES_STORE);

  // One read, then one put per non-empty chunk, issued together.
  const records: unknown[] = await postings.getAll();
  const valid: SavedSummary[] = [];
  for (const record of records) {
    const parsed = SavedPosting.safeParse(withEditTimes(record));
    if (parsed.success) valid.push(summaryOf(parsed.data));
  }
  const puts: Promise<unknown>[] = [];
  for (const [chunk, group] of byChunk(valid, (s) => s.id)) {
    const request = summaries.put(withSummaries(undefined, group), chunk);
    // Seen here, so that when one write fails the others' rejections are not left unhandled.
    request.catch(() => undefined);
    puts.push(request);
  }
  await Promise.all(puts);
}

/** Written out here rather than imported: a step keeps the rules of its own time. */
const CORRECTION_NAMES = ['salary', 'remotePolicy', 'location', 'yearsMin', 'yearsMax'];

function isTime(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/**
 * A v3 saved posting (or a version 1–2 export's, after withV2Fields) with the edit time of
 * each of the user's fields (UserEdits), from what the record can tell:
 * - corrections: `correctedAt`, the time they were last changed;
 * - closed: `closedAt`;
 * - notes, rating, each tag: `updatedAt`, the last change of any kind (a revisit moved it
 *   too, so it is the latest the edit can have been);
 * - an empty note, no rating, an absent correction: no time. Nothing says the user ever set
 *   them, and a time would let an empty value here win over what the user wrote in the
 *   other copy: the bug this shape fixes.
 * Status needs none: its history has the time of every change. Only a record without
 * `edits` is changed, and nothing is removed; a corrupt record stays corrupt. Pure.
 */
export function withEditTimes(record: unknown): unknown {
  if (!isRecordObject(record) || 'edits' in record) return record;
  const { updatedAt, notes, rating, closedAt, corrections, tags } = record;
  const at: Record<string, string> = {};
  const edited: RecordObject = { at, tags: {} };
  if (isTime(updatedAt) && typeof notes === 'string' && notes !== '') at.notes = updatedAt;
  if (isTime(updatedAt) && typeof rating === 'number') at.rating = updatedAt;
  if (isTime(closedAt)) at.closed = closedAt;
  if (isRecordObject(corrections)) {
    const correctedAt = isTime(corrections.correctedAt) ? corrections.correctedAt : updatedAt;
    for (const name of CORRECTION_NAMES) {
      if (name in corrections && isTime(correctedAt)) at[`corrections.${name}`] = correctedAt;
    }
  }
  if (Array.isArray(tags) && isTime(updatedAt)) {
    const tagTimes: RecordObject = {};
    for (const tag of tags) {
      if (typeof tag === 'string') tagTimes[tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase()] = { at: updatedAt, removed: false };
    }
    edited.tags = tagTimes;
  }
  return { ...record, edits: edited };
}

/**
 * v3 -> v4: each saved posting gets the edit times of the user's fields (withEditTimes), so
 * that an import merges field by field instead of keeping whole records by updatedAt. The
 * summaries are not rewritten: SavedSummary has no edit times, and a record valid before
 * has the same summary after.
 */
export async function addEditTimes(_db: UpgradeDatabase, tx: UpgradeTransaction): Promise<void> {
  const postings = tx.objectStore(POSTINGS_STORE);
  let cursor = await postings.openCursor();
  while (cursor) {
    if (isRecordObject(cursor.value) && !('edits' in cursor.value)) await cursor.update(withEditTimes(cursor.value));
    cursor = await cursor.continue();
  }
}

export const upgrades: readonly UpgradeStep[] = [createPostingsStore, addAnnotations, addSummaryChunks, addEditTimes];

/**
 * Runs the steps from `oldVersion` up to `newVersion` inside the versionchange transaction.
 * Synchronous steps run synchronously (the transaction must not go inactive between them);
 * an asynchronous step may await only requests on `tx`. A failing step aborts the whole
 * upgrade, so the database stays at its old version with its data intact.
 */
export async function runUpgrades(
  db: UpgradeDatabase,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  steps: readonly UpgradeStep[] = upgrades,
): Promise<void> {
  try {
    for (let version = oldVersion; version < newVersion; version++) {
      const step = steps[version];
      if (!step) throw new Error(`No database upgrade step from version ${version} to ${version + 1}`);
      const pending = step(db, tx);
      if (pending) await pending;
    }
  } catch (error) {
    // The abort rejects tx.done; openDB's own rejection is what reports the failure.
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // Already finished or aborted; the original error is what matters.
    }
    throw error;
  }
}
