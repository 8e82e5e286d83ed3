import { unwrap, type IDBPObjectStore } from 'idb';
import { z } from 'zod/mini';
import { toCsv } from '../io/export-csv.ts';
import { buildExportFile, exportPartsOf } from '../io/export-json.ts';
import { parseExport } from '../io/import-json.ts';
import {
  ApplicationStatus,
  Corrections,
  FieldChange,
  Posting,
  SavedPatch,
  SavedPosting,
  SavedSummary,
  Settings,
  assertWithinLimits,
  StatusChange,
  UserEdits,
  defaultSettings,
  noEdits,
  summaryOf,
} from '../model/index.ts';
import { POSTINGS_STORE, SETTINGS_STORE, SUMMARIES_STORE, type JobLensDB, type JobLensSchema } from './db.ts';
import { diffPostings } from './diff.ts';
import { mergeSaved } from './merge.ts';
import { applyPatch, stamped } from './user-edits.ts';
import { byChunk, chunkOf, entryId, summariesIn, withSummaries, withoutIds, type SummaryChunk } from './summary-chunks.ts';
import { SAVED_AT_INDEX, withEditTimes } from './upgrades.ts';
import { StorageFullError, write, type StoreList, type WriteTransaction } from './transaction.ts';
import { exportedSettings, importSettings, type SettingsImport } from './settings.ts';
import type { SettingsStoreInWrite } from './last-import.ts';

export { applyPatch, normalizeTags } from './user-edits.ts';
export { STORAGE_FULL_MESSAGE, StorageFullError, isQuotaError } from './transaction.ts';
export { SETTINGS_KEY, getSettings, setSettings } from './settings.ts';

/**
 * Repository functions take the database handle as their first argument, so the
 * background passes its one connection and tests pass a fresh fake-indexeddb database.
 * Every write runs in one transaction that is aborted on any error, so a failed write
 * (a refused record, a full disk) leaves the stored data exactly as it was.
 */

/**
 * A saved posting and its summary are always written together: every write to postings
 * goes through a transaction over both stores, and rewrites the summary's chunk
 * (summary-chunks.ts) in it.
 */
const SAVED_STORES = [POSTINGS_STORE, SUMMARIES_STORE] as const;
type SavedStores = typeof SAVED_STORES;
/** An import writes postings, their summaries and the file's settings in one transaction. */
const IMPORT_STORES = [POSTINGS_STORE, SUMMARIES_STORE, SETTINGS_STORE] as const;

export interface InvalidRecord {
  /** The record's key when it has one; corrupt records may not. */
  id: unknown;
  error: string;
}

/** Told about each stored record that fails validation; the record itself stays in the database. */
export type InvalidRecordReporter = (record: InvalidRecord) => void;

export const logInvalidRecord: InvalidRecordReporter = ({ id, error }) => {
  console.warn(`JobLens: skipped an invalid saved posting (id ${String(id)}); it is kept in the database.`, error);
};

function recordId(raw: unknown): unknown {
  return typeof raw === 'object' && raw !== null && 'id' in raw ? (raw as { id: unknown }).id : undefined;
}

function readRecord(raw: unknown, report: InvalidRecordReporter): SavedPosting | null {
  if (raw === undefined) return null;
  const parsed = SavedPosting.safeParse(raw);
  if (parsed.success) return parsed.data;
  report({ id: recordId(raw), error: z.prettifyError(parsed.error) });
  return null;
}

/**
 * A request of a batch issued together, its rejection seen as soon as it is made: when a
 * later request of the batch throws (a full disk) the transaction aborts, and the requests
 * already made must not then reject unhandled. The caller awaits the batch to see a failure.
 */
function issued<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

type SummariesStore = IDBPObjectStore<JobLensSchema, StoreList, typeof SUMMARIES_STORE, 'readwrite'>;

/** Writes a chunk back: put, or deleted when it holds nothing (an empty chunk is not kept). */
function putChunk(summaries: SummariesStore, chunk: number, value: SummaryChunk): Promise<unknown> {
  return value.summaries.length > 0 ? issued(summaries.put(value, chunk)) : issued(summaries.delete(chunk));
}

/**
 * Puts these summaries into their chunks, in place of any with the same id, and takes the
 * summaries with `removed` ids out: one get per affected chunk, issued together, then one
 * put (or delete, when the chunk is left empty) per chunk, issued together.
 */
async function updateChunks(
  summaries: SummariesStore,
  written: readonly SavedSummary[],
  removed: readonly string[] = [],
): Promise<void> {
  const puts = byChunk(written, (s) => s.id);
  const deletes = byChunk(removed, (id) => id);
  const chunks = [...new Set([...puts.keys(), ...deletes.keys()])];
  const current: unknown[] = await Promise.all(chunks.map((chunk) => issued(summaries.get(chunk))));
  await Promise.all(
    chunks.map((chunk, i) =>
      putChunk(summaries, chunk, withSummaries(withoutIds(current[i], deletes.get(chunk) ?? []), puts.get(chunk) ?? [])),
    ),
  );
}

/** Puts a valid saved posting and rewrites its chunk with its summary; the requests overlap. */
async function putSaved(tx: WriteTransaction<SavedStores>, saved: SavedPosting): Promise<void> {
  const posting = issued(tx.objectStore(POSTINGS_STORE).put(saved));
  await Promise.all([posting, updateChunks(tx.objectStore(SUMMARIES_STORE), [summaryOf(saved)])]);
}

function field<T>(raw: unknown, key: string, schema: z.ZodMiniType<T>): T | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : undefined;
}

type UserPart = Pick<
  SavedPosting,
  'savedAt' | 'notes' | 'tags' | 'status' | 'statusHistory' | 'rating' | 'corrections' | 'changes' | 'closedAt' | 'edits'
>;

const Rating = SavedPosting.shape.rating;

/**
 * The user's own part of an existing record, field by field, so that a record which no
 * longer validates as a whole still gives back the notes, tags, status, history, rating
 * and corrections it holds.
 */
function userPart(raw: unknown, nowIso: string): UserPart {
  const savedAt = field(raw, 'savedAt', z.iso.datetime()) ?? nowIso;
  const status = field(raw, 'status', ApplicationStatus) ?? 'saved';
  return {
    savedAt,
    notes: field(raw, 'notes', z.string()) ?? '',
    tags: field(raw, 'tags', z.array(z.string())) ?? [],
    status,
    statusHistory: field(raw, 'statusHistory', z.array(StatusChange)) ?? [{ status, at: savedAt }],
    rating: field(raw, 'rating', Rating) ?? null,
    corrections: field(raw, 'corrections', Corrections) ?? {},
    changes: field(raw, 'changes', z.array(FieldChange)) ?? [],
    closedAt: field(raw, 'closedAt', z.nullable(z.iso.datetime())) ?? null,
    // A record from before edit times gets them as the upgrade would have given them.
    edits: field(withEditTimes(raw), 'edits', UserEdits) ?? noEdits(),
  };
}

function requireSaved(raw: unknown, id: string, action: string): SavedPosting {
  if (raw === undefined) throw new Error(`No saved posting has the id ${id}.`);
  const parsed = SavedPosting.safeParse(raw);
  if (!parsed.success) throw new Error(`Saved posting ${id} is not valid, so it was kept as it is rather than ${action}.`);
  return parsed.data;
}

export interface SaveResult {
  saved: SavedPosting;
  /** What this read found changed since the stored one (also appended to `saved.changes`). */
  changes: FieldChange[];
}

/**
 * Saves a posting, or refreshes a saved one: the parsed fields and updatedAt are replaced;
 * the user's part (savedAt, notes, tags, status and its history, rating, corrections,
 * closedAt, and the edit time of each) is kept as it was, since a revisit is no edit; a changed title, pay, remote policy or requirements is appended to
 * `changes` with the old and new text. One record per posting id.
 */
export async function savePosting(db: JobLensDB, posting: Posting, now: Date = new Date()): Promise<SaveResult> {
  const fresh = Posting.parse(posting);
  // What was read, not the user's part kept from before: a record stored before the limits
  // must stay revisitable.
  assertWithinLimits(fresh);
  const nowIso = now.toISOString();
  return write(db, SAVED_STORES, async (tx) => {
    const existing: unknown = await tx.objectStore(POSTINGS_STORE).get(fresh.id);
    const previous = existing === undefined ? null : Posting.safeParse(existing);
    const changes = previous?.success ? diffPostings(previous.data, fresh, nowIso) : [];
    const user = userPart(existing, nowIso);
    const saved = SavedPosting.parse({ ...fresh, ...user, changes: [...user.changes, ...changes], updatedAt: nowIso });
    await putSaved(tx, saved);
    return { saved, changes };
  });
}

/**
 * Changes the user's part of a saved posting: status (kept in the history with its date),
 * notes, tags (trimmed, deduplicated), rating (1–5 or null), corrections (the whole set).
 * A field over its limit (model/limits.ts) is refused with FieldTooLongError, nothing written.
 */
export async function updateSaved(
  db: JobLensDB,
  id: string,
  patch: SavedPatch,
  now: Date = new Date(),
): Promise<SavedPosting> {
  const valid = SavedPatch.parse(patch);
  assertWithinLimits(valid);
  const nowIso = now.toISOString();
  return write(db, SAVED_STORES, async (tx) => {
    const current = requireSaved(await tx.objectStore(POSTINGS_STORE).get(id), id, 'changed');
    const saved = SavedPosting.parse(applyPatch(current, valid, nowIso));
    await putSaved(tx, saved);
    return saved;
  });
}

/**
 * Marks a saved posting closed (its page is gone or says so) or open again. The record is
 * kept either way; marking a closed posting closed again keeps the first date.
 */
export async function markClosed(db: JobLensDB, id: string, closed: boolean, now: Date = new Date()): Promise<SavedPosting> {
  const nowIso = now.toISOString();
  return write(db, SAVED_STORES, async (tx) => {
    const current = requireSaved(await tx.objectStore(POSTINGS_STORE).get(id), id, closed ? 'marked closed' : 'marked open');
    if (closed === (current.closedAt !== null)) return current;
    const edits = stamped(current.edits, ['closed'], nowIso);
    const saved = SavedPosting.parse({ ...current, closedAt: closed ? nowIso : null, edits, updatedAt: nowIso });
    await putSaved(tx, saved);
    return saved;
  });
}

export async function getSaved(
  db: JobLensDB,
  id: string,
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<SavedPosting | null> {
  const raw: unknown = await db.get(POSTINGS_STORE, id);
  return readRecord(raw, report);
}

/** Every valid saved posting, newest saved first. Invalid records are reported and skipped, never deleted. */
export async function listSaved(
  db: JobLensDB,
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<SavedPosting[]> {
  const records: SavedPosting[] = [];
  await eachSaved(db, (record) => records.push(record), report);
  return newestSavedFirst(records);
}

/** Records read per request by eachSaved: large enough to be few requests, small enough to overlap. */
const BATCH = 500;

/**
 * Hands every valid saved posting to `each`, in key order, batch by batch as they are read:
 * the next batch is asked for before `each` runs on this one, so the database reading from
 * disk and the caller's work (validating, writing JSON) overlap rather than take turns (an
 * export of 10,000: ~0.3 s less, measured in Chromium). Invalid records are reported and
 * skipped, never deleted. The whole store rather than the savedAt index: a corrupt record
 * without a savedAt would be missing from the index, and it must still be reported.
 */
export async function eachSaved(
  db: JobLensDB,
  each: (record: SavedPosting) => void,
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<void> {
  const store = db.transaction(POSTINGS_STORE, 'readonly').store;
  let pending: Promise<unknown[]> | null = store.getAll(null, BATCH);
  while (pending) {
    const raws: unknown[] = await pending;
    // Every stored record has its key at `id` (the store's key path).
    const last: string | null = raws.length === BATCH ? (raws[raws.length - 1] as { id: string }).id : null;
    pending = last === null ? null : store.getAll(IDBKeyRange.lowerBound(last, true), BATCH);
    for (const raw of raws) {
      const record = readRecord(raw, report);
      if (record) each(record);
    }
  }
}

/** Newest saved first; the same savedAt by id. The order of listSaved and listSummaries. */
function newestSavedFirst<T extends { id: string; savedAt: string }>(records: readonly T[]): T[] {
  // Each date parsed once, not twice per comparison (10,000 records: ~270,000 comparisons).
  const keyed = records.map((record) => ({ record, savedMs: Date.parse(record.savedAt) }));
  keyed.sort((a, b) => b.savedMs - a.savedMs || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return keyed.map((k) => k.record);
}

/**
 * The newest saved postings' summaries, newest first: at most `count`, plus any saved at the
 * same moment as the last. What the popup shows while listSummaries reads the rest; not how
 * many there are, since IndexedDB counts a store by reading it (about 70–150 ms at 10,000 in
 * Chromium, measured), which was most of the time to the first rows. Read from the postings store's savedAt index, newest first,
 * full records for `count` postings (a chunk of summaries is ordered by id, not by date, so
 * finding the newest there would mean reading every chunk). Records that do not validate
 * are skipped without a report here; listSummaries, which follows, reports them. The index
 * orders savedAt as text, which is time order for the ISO dates the schema allows except
 * between dates written to different precisions; the full list, sorted by time, then
 * replaces these.
 */
export async function newestSummaries(db: JobLensDB, count: number): Promise<SavedSummary[]> {
  const index = db.transaction(POSTINGS_STORE, 'readonly').store.index(SAVED_AT_INDEX);
  const bulk = unwrap(index) as IDBIndex & Partial<GetAllRecords>;
  const summaries = await (typeof bulk.getAllRecords === 'function'
      ? newestInOneRequest(bulk as IDBIndex & GetAllRecords, count)
      : (async () => {
          // Where getAllRecords is missing, a cursor: a round trip to the database per record.
          const found: SavedSummary[] = [];
          let last: unknown;
          let cursor = await index.openCursor(null, 'prev');
          while (cursor && (found.length < count || cursor.key === last)) {
            const parsed = SavedPosting.safeParse(cursor.value);
            if (parsed.success) {
              found.push(summaryOf(parsed.data));
              last = cursor.key;
            }
            cursor = await cursor.continue();
          }
          return found;
        })());
  return newestSavedFirst(summaries);
}

/** IDBIndex.getAllRecords (Chrome 141): records in either direction, in one request. */
interface GetAllRecords {
  getAllRecords(options: { count?: number; direction?: IDBCursorDirection }): IDBRequest<{ key: IDBValidKey; value: unknown }[]>;
}

/**
 * newestSummaries' records in one request: twice as many as asked for, newest first, so that
 * invalid records and those saved at the same moment as the last one asked for fit (as
 * with the cursor). Asked again for twice as many when they did not.
 */
async function newestInOneRequest(index: IDBIndex & GetAllRecords, count: number): Promise<SavedSummary[]> {
  for (let asked = Math.max(1, count * 2); ; asked *= 2) {
    const records = await new Promise<{ key: IDBValidKey; value: unknown }[]>((resolve, reject) => {
      const request = index.getAllRecords({ count: asked, direction: 'prev' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const found: SavedSummary[] = [];
    let last: unknown;
    let complete = records.length < asked;
    for (const { key, value } of records) {
      if (found.length >= count && key !== last) {
        complete = true;
        break;
      }
      const parsed = SavedPosting.safeParse(value);
      if (parsed.success) {
        found.push(summaryOf(parsed.data));
        last = key;
      }
    }
    if (complete) return found;
  }
}

/**
 * The valid saved postings with these ids, in the order of `ids` (each once); ids with
 * nothing saved are skipped, invalid records reported and skipped. One transaction, the
 * reads issued together.
 */
export async function getSavedMany(
  db: JobLensDB,
  ids: readonly string[],
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<SavedPosting[]> {
  const unique = [...new Set(ids)];
  const store = db.transaction(POSTINGS_STORE).store;
  const raws: unknown[] = await Promise.all(unique.map((id) => store.get(id)));
  const records: SavedPosting[] = [];
  for (const raw of raws) {
    const record = readRecord(raw, report);
    if (record) records.push(record);
  }
  return records;
}

/** A summary found in its own chunk under the id of a saved posting; not validated yet. */
interface PlacedSummary {
  id: string;
  raw: unknown;
}

/** How the summaries store stands against the postings store, by id. */
interface SummaryCheck {
  /** The first entry for each saved posting's id in chunkOf(id): that posting is summarised. */
  placed: PlacedSummary[];
  /** Valid postings with no summary. */
  unsummarised: SavedPosting[];
  /** Postings with no summary that do not validate: by design they have none. */
  invalid: InvalidRecord[];
  /** Chunks (their keys) that do not have the expected shape. */
  malformed: unknown[];
  /**
   * Chunks to rewrite: those holding an entry that is not a placed summary (its posting is
   * gone, it sits in the wrong chunk, repeats an id or has none) and those an unsummarised
   * valid posting belongs in, and malformed ones.
   */
  stale: Set<unknown>;
}

/**
 * Compares the ids in the chunks with the postings store's keys (keys only: cheap) and
 * reads the postings that have no summary, which are normally none, or the few corrupt
 * ones. A summary counts only in its own chunk (chunkOf its id) and once: anything else
 * is an orphan. Works on chunks already read (keys and values lined up) in the caller's
 * transaction, which must cover the postings store.
 */
async function checkSummaries(
  postings: { get(key: string): Promise<unknown> },
  postingKeys: readonly string[],
  chunkKeys: readonly unknown[],
  chunkValues: readonly unknown[],
): Promise<SummaryCheck> {
  const saved = new Set(postingKeys);
  const check: SummaryCheck = { placed: [], unsummarised: [], invalid: [], malformed: [], stale: new Set() };
  const summarised = new Set<string>();
  for (const [i, chunk] of chunkKeys.entries()) {
    const entries = summariesIn(chunkValues[i]);
    if (entries === null) {
      check.malformed.push(chunk);
      check.stale.add(chunk);
      continue;
    }
    for (const raw of entries) {
      const id = entryId(raw);
      if (id !== undefined && chunkOf(id) === chunk && saved.has(id) && !summarised.has(id)) {
        summarised.add(id);
        check.placed.push({ id, raw });
      } else {
        check.stale.add(chunk);
      }
    }
  }
  const missing = postingKeys.filter((key) => !summarised.has(key));
  const raws: unknown[] = await Promise.all(missing.map((key) => postings.get(key)));
  for (const [i, raw] of raws.entries()) {
    const parsed = SavedPosting.safeParse(raw);
    if (parsed.success) {
      check.unsummarised.push(parsed.data);
      check.stale.add(chunkOf(parsed.data.id));
    } else {
      check.invalid.push({ id: missing[i], error: z.prettifyError(parsed.error) });
    }
  }
  return check;
}

/**
 * Rewrites these chunks from what is stored now, checking afresh inside its own
 * transaction (a write may have landed since the caller looked), and reading and writing
 * only these chunks: each keeps its placed summaries as they are (an invalid one included:
 * whether a summary is up to date is not looked for), drops the rest, and gains the
 * summary of each valid posting of its own that has none. A summary is derived data:
 * dropping one loses nothing. A chunk left empty (or one under a key that is no chunk
 * number) is deleted.
 */
async function repairSummaries(db: JobLensDB, chunks: readonly unknown[]): Promise<void> {
  await write(db, SAVED_STORES, async (tx) => {
    const postings = tx.objectStore(POSTINGS_STORE);
    const summaries = tx.objectStore(SUMMARIES_STORE);
    // Keys as stored: a stray one may be no number at all; get, put and delete take any key.
    const keys = chunks as number[];
    const [postingKeys, values] = await Promise.all([
      postings.getAllKeys(),
      Promise.all(keys.map((key) => issued(summaries.get(key)))),
    ]);
    const wanted = new Set<unknown>(keys);
    // The postings of these chunks only: the check reads no posting of another chunk.
    const own = postingKeys.filter((key) => wanted.has(chunkOf(key)));
    const check = await checkSummaries(postings, own, keys, values);
    const placed = byChunk(check.placed, (p) => p.id);
    const added = byChunk(check.unsummarised.map(summaryOf), (s) => s.id);
    await Promise.all(
      keys.map((key) => {
        const kept = (placed.get(key) ?? []).map((p) => p.raw);
        return putChunk(summaries, key, withSummaries({ summaries: kept }, added.get(key) ?? []));
      }),
    );
  });
}

/**
 * What the saved list shows: the summary of every valid saved posting, newest saved first
 * (the order of listSaved). Reads the summaries store's chunks, never the full records. A
 * summary that does not validate is reported (`summary:`) and skipped, as is a posting that
 * does not (it has no summary by design; reported as listSaved would), and a chunk that is
 * not `{ summaries: [...] }` (reported once; its postings are then seen as unsummarised).
 *
 * Every repository write keeps the two stores in step, but the list must not depend on
 * it: a record written by some other path (an older build, a future bug) would otherwise
 * vanish from the list, or a deleted one linger. So each call compares the ids in the
 * chunks with the postings store's keys in the transaction that reads the chunks, and
 * reads the postings that have no summary. Normally those are none, or the few corrupt
 * ones, which stay without a summary and cost a read each, never a rewrite: comparing
 * counts instead would find a corrupt posting's missing summary on every open and rebuild
 * for nothing. The list is built from that snapshot; when it found a valid posting without
 * a summary, or a summary without a posting (or in the wrong chunk, or twice), or a
 * malformed chunk, the chunks concerned are rewritten before returning, so the next open
 * is cheap again. A summary that is present but out of date cannot be seen by ids, and is
 * not looked for: that would mean reading every full record.
 */
export async function listSummaries(
  db: JobLensDB,
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<SavedSummary[]> {
  // The chunks and the postings' keys from one snapshot: all issued in the same transaction.
  // getAllKeys and getAll of one store in one transaction line up, both in key order.
  const tx = db.transaction(SAVED_STORES, 'readonly');
  const postings = tx.objectStore(POSTINGS_STORE);
  const chunks = tx.objectStore(SUMMARIES_STORE);
  const [chunkKeys, chunkValues, postingKeys] = await Promise.all([
    chunks.getAllKeys(),
    chunks.getAll() as Promise<unknown[]>,
    postings.getAllKeys(),
  ]);
  const check = await checkSummaries(postings, postingKeys, chunkKeys, chunkValues);
  if (check.stale.size > 0) {
    try {
      await repairSummaries(db, [...check.stale]);
    } catch (error) {
      // The list below does not depend on the repair; the next open tries again.
      console.error('JobLens: could not repair the saved list', error);
    }
  }
  for (const chunk of check.malformed) {
    const error = `summary: chunk ${String(chunk)} is not { summaries: [...] }; its postings are listed from their full records.`;
    report({ id: chunk, error });
  }
  for (const invalid of check.invalid) report(invalid);
  const summaries = check.unsummarised.map(summaryOf);
  for (const { id, raw } of check.placed) {
    const parsed = SavedSummary.safeParse(raw);
    if (parsed.success) summaries.push(parsed.data);
    else report({ id, error: `summary: ${z.prettifyError(parsed.error)}` });
  }
  return newestSavedFirst(summaries);
}


/**
 * Deletes a saved posting and returns it, so the caller can offer undo through
 * restoreSaved. Returns null when nothing is saved under the id. A record that does not
 * validate is refused rather than deleted: it could not be restored.
 */
export async function deleteSaved(db: JobLensDB, id: string): Promise<SavedPosting | null> {
  const [deleted] = await deleteMany(db, [id]);
  return deleted ?? null;
}

/**
 * Deletes several saved postings in one transaction and returns them for undo. Unknown ids
 * are skipped; if any of the records does not validate, nothing at all is deleted.
 *
 * On a full disk a deletion must still go through: it is how the user makes room, and the
 * storage-full message says so. But Chromium refuses at commit any transaction that puts
 * data, whatever it frees (measured with Storage.overrideQuotaForOrigin: a deletion that
 * rewrote its posting's summaries chunk was refused), and a deletion normally rewrites the
 * chunk without the summary. So when that is refused for lack of space, the postings are
 * deleted with their whole chunks, which only removes. The other postings of those chunks
 * lose nothing but their summaries: listSummaries reads them from their full records, and
 * writes their summaries back once there is room (a summary is derived data).
 */
export async function deleteMany(db: JobLensDB, ids: readonly string[]): Promise<SavedPosting[]> {
  try {
    return await deleteRecords(db, ids, 'rewrite chunks');
  } catch (error) {
    if (!(error instanceof StorageFullError)) throw error;
    return deleteRecords(db, ids, 'drop chunks');
  }
}

async function deleteRecords(db: JobLensDB, ids: readonly string[], chunks: 'rewrite chunks' | 'drop chunks'): Promise<SavedPosting[]> {
  return write(db, SAVED_STORES, async (tx) => {
    const postings = tx.objectStore(POSTINGS_STORE);
    const unique = [...new Set(ids)];
    // Every record is read and checked before anything is deleted; requests are issued
    // together (one round trip for the lot, not one per record).
    const raws: unknown[] = await Promise.all(unique.map((id) => postings.get(id)));
    const deleted: SavedPosting[] = [];
    for (const [i, raw] of raws.entries()) {
      if (raw === undefined) continue;
      const parsed = SavedPosting.safeParse(raw);
      if (!parsed.success) throw new Error(`Saved posting ${unique[i]!} is not valid, so it was kept rather than deleted.`);
      deleted.push(parsed.data);
    }
    const deletes = deleted.map((record) => issued(postings.delete(record.id)));
    const removed = deleted.map((record) => record.id);
    const summaries = tx.objectStore(SUMMARIES_STORE);
    const summaryWrites =
      chunks === 'rewrite chunks'
        ? [updateChunks(summaries, [], removed)]
        : [...new Set(removed.map(chunkOf))].map((chunk) => issued(summaries.delete(chunk)));
    await Promise.all([...deletes, ...summaryWrites]);
    return deleted;
  });
}

/** Puts back a record returned by deleteSaved, as it was. */
export async function restoreSaved(db: JobLensDB, record: SavedPosting): Promise<SavedPosting> {
  const valid = SavedPosting.parse(record);
  await write(db, SAVED_STORES, (tx) => putSaved(tx, valid));
  return valid;
}

/**
 * The settings (with `alwaysRunOn`, the sites the browser lets JobLens always run on) and the
 * saved postings (all, or those with `ids`) as an export file's text in pieces
 * (exportParts), newest saved first: each posting is written as JSON as it is read, while
 * the database reads the next ones. Records that fail validation are left out (the file
 * must validate as a whole) and reported; they stay in the database.
 */
export async function exportPostingParts(
  db: JobLensDB,
  ids?: readonly string[],
  now: Date = new Date(),
  report: InvalidRecordReporter = logInvalidRecord,
  alwaysRunOn: readonly string[] = [],
): Promise<string[]> {
  const settings = await exportedSettings(db, alwaysRunOn);
  const wanted = ids === undefined ? null : new Set(ids);
  const written: { id: string; savedAt: string; json: string }[] = [];
  await eachSaved(
    db,
    (record) => {
      if (!wanted || wanted.has(record.id)) written.push({ id: record.id, savedAt: record.savedAt, json: JSON.stringify(record) });
    },
    report,
  );
  const { postings: _none, ...head } = buildExportFile([], now, settings);
  return exportPartsOf(head, newestSavedFirst(written).map((w) => w.json));
}

/** The same selection as exportPostingParts, as CSV text. */
export async function exportPostingsCsv(
  db: JobLensDB,
  ids?: readonly string[],
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<string> {
  // A selection is read by its ids, not out of every saved posting.
  return toCsv(ids === undefined ? await listSaved(db, report) : newestSavedFirst(await getSavedMany(db, ids, report)));
}

export interface ImportResult {
  /** Not saved before. */
  added: number;
  /** Saved before, and each copy had edits the other lacked: both kept (merge.ts). */
  merged: number;
  /** Saved before, and the file's copy had all of ours and more: ours became the file's. */
  replaced: number;
  /** Saved before, and the file had nothing newer: left as it was. */
  unchanged: number;
  /** Postings where an edit of ours gave way to a newer edit of the same field in the file, and which fields. */
  overwritten: { id: string; title: string; fields: string[] }[];
  /** What became of the file's settings; absent when the file has none (version 1–3). */
  settings?: SettingsImport;
}

/** How far an import is: the file checked whole first, then `done` of `total` postings written. */
export type ImportProgress = { phase: 'checking' } | { phase: 'writing'; done: number; total: number };

/** Postings written between two progress reports: a few hundred milliseconds' worth in Chromium. */
const PROGRESS_EVERY = 500;

/**
 * Imports the text of a JobLens export (any version up to this one). The whole file is
 * validated first (ImportError names each bad record and field) and written in one
 * transaction: either every record lands or none does. A posting already saved is merged
 * with the file's copy field by field (mergeSaved: the newer edit of each field wins,
 * histories and tags are joined); a stored record that does not validate is left as it is,
 * since replacing it could lose what the user had in it. `onProgress` hears how far it is,
 * every PROGRESS_EVERY postings; the writes are still one transaction, so what it counts is
 * undone with the rest if the commit fails. The file's settings are merged key by key in the
 * same transaction (settings.ts). `alsoWrite` adds writes to the settings store that must land
 * with the import or not at all (the background keeps the import's outcome so: last-import.ts).
 */
export async function importExport(
  db: JobLensDB,
  text: string,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  alsoWrite: (settings: SettingsStoreInWrite, result: ImportResult) => Promise<void> = async () => undefined,
): Promise<ImportResult> {
  onProgress({ phase: 'checking' });
  const file = parseExport(text);
  const total = file.postings.length;
  return write(db, IMPORT_STORES, async (tx) => {
    const postings = tx.objectStore(POSTINGS_STORE);
    const result: ImportResult = { added: 0, merged: 0, replaced: 0, unchanged: 0, overwritten: [] };
    if (file.settings) result.settings = await importSettings(tx.objectStore(SETTINGS_STORE), file.settings);
    // Requests are issued together and awaited together: awaiting each one in turn costs a
    // round trip to the database per record (10,000 records: seconds). One request finds
    // which ids are stored; only those records are read.
    const storedIds = new Set(await postings.getAllKeys());
    const clashing = file.postings.filter((p) => storedIds.has(p.id));
    const stored = new Map(
      (await Promise.all(clashing.map((p) => postings.get(p.id)))).map((raw, i) => [clashing[i]!.id, raw as unknown]),
    );
    // The postings go to the store itself, without idb's promise per request: a failed
    // write aborts the transaction, which `write` then reports. 20,000 promises and their
    // listeners cost about half a second in an import of 10,000 (measured in Chromium).
    // Their summaries are written after, a get and a put per chunk (at most SUMMARY_CHUNKS).
    const rawPostings = unwrap(postings);
    const written: SavedSummary[] = [];
    let lastPut: IDBRequest | null = null;
    const put = (record: SavedPosting) => {
      lastPut = rawPostings.put(record);
      written.push(summaryOf(record));
    };
    onProgress({ phase: 'writing', done: 0, total });
    for (const [i, incoming] of file.postings.entries()) {
      if (i > 0 && i % PROGRESS_EVERY === 0) {
        // Waiting for the batch's last put (a request of this transaction, so it stays open)
        // lets the count follow the writes rather than run ahead of them.
        if (lastPut) await settled(lastPut);
        lastPut = null;
        onProgress({ phase: 'writing', done: i, total });
      }
      const existing = stored.get(incoming.id);
      if (existing === undefined) {
        put(incoming);
        result.added++;
        continue;
      }
      const ours = SavedPosting.safeParse(existing);
      if (!ours.success) {
        result.unchanged++;
        continue;
      }
      const { saved, kind, replaced } = mergeSaved(ours.data, incoming);
      result[kind]++;
      if (kind === 'unchanged') continue;
      put(SavedPosting.parse(saved));
      if (replaced.length > 0) result.overwritten.push({ id: saved.id, title: saved.title, fields: replaced });
    }
    await updateChunks(tx.objectStore(SUMMARIES_STORE), written);
    await alsoWrite(tx.objectStore(SETTINGS_STORE), result);
    onProgress({ phase: 'writing', done: total, total });
    return result;
  });
}

/** A raw request's outcome as a promise (its failure also aborts the transaction). */
function settled(request: IDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error ?? new Error('A write to the database failed.')));
  });
}
