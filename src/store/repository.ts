import { z } from 'zod/mini';
import {
  ApplicationStatus,
  EXPORT_FORMAT,
  ExportFile,
  Posting,
  SavedPosting,
} from '../model/index.ts';
import { POSTINGS_STORE, type JobLensDB } from './db.ts';

/**
 * Repository functions take the database handle as their first argument, so the
 * background passes its one connection and tests pass a fresh fake-indexeddb database.
 */

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

function field<T>(raw: unknown, key: string, schema: z.ZodMiniType<T>): T | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const parsed = schema.safeParse((raw as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The user's own part of an existing record, field by field, so that a record which no
 * longer validates as a whole still gives back the notes, tags and status it holds.
 */
function userPart(raw: unknown, nowIso: string): Pick<SavedPosting, 'savedAt' | 'notes' | 'tags' | 'status'> {
  return {
    savedAt: field(raw, 'savedAt', z.iso.datetime()) ?? nowIso,
    notes: field(raw, 'notes', z.string()) ?? '',
    tags: field(raw, 'tags', z.array(z.string())) ?? [],
    status: field(raw, 'status', ApplicationStatus) ?? 'saved',
  };
}

/**
 * Saves a posting, or refreshes a saved one: the parsed fields and updatedAt are replaced,
 * the user's savedAt, notes, tags and status are kept. One record per posting id.
 */
export async function savePosting(db: JobLensDB, posting: Posting, now: Date = new Date()): Promise<SavedPosting> {
  const fresh = Posting.parse(posting);
  const nowIso = now.toISOString();
  const tx = db.transaction(POSTINGS_STORE, 'readwrite');
  const existing: unknown = await tx.store.get(fresh.id);
  const record = SavedPosting.parse({ ...fresh, ...userPart(existing, nowIso), updatedAt: nowIso });
  await tx.store.put(record);
  await tx.done;
  return record;
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
  // The whole store rather than the savedAt index: a corrupt record without a savedAt
  // would be missing from the index, and it must still be reported.
  const raws: unknown[] = await db.getAll(POSTINGS_STORE);
  const postings: SavedPosting[] = [];
  for (const raw of raws) {
    const record = readRecord(raw, report);
    if (record) postings.push(record);
  }
  return postings.sort(
    (a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * Deletes a saved posting and returns it, so the caller can offer undo through
 * restoreSaved. Returns null when nothing is saved under the id. A record that does not
 * validate is refused rather than deleted: it could not be restored.
 */
export async function deleteSaved(db: JobLensDB, id: string): Promise<SavedPosting | null> {
  const tx = db.transaction(POSTINGS_STORE, 'readwrite');
  const raw: unknown = await tx.store.get(id);
  if (raw === undefined) {
    await tx.done;
    return null;
  }
  const parsed = SavedPosting.safeParse(raw);
  if (!parsed.success) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new Error(`Saved posting ${id} is not valid, so it was kept rather than deleted.`);
  }
  await tx.store.delete(id);
  await tx.done;
  return parsed.data;
}

/** Puts back a record returned by deleteSaved, as it was. */
export async function restoreSaved(db: JobLensDB, record: SavedPosting): Promise<SavedPosting> {
  const valid = SavedPosting.parse(record);
  await db.put(POSTINGS_STORE, valid);
  return valid;
}

/**
 * Everything saved, as an export file. Records that fail validation are left out (the
 * file must validate as a whole) and reported; they stay in the database.
 */
export async function exportAll(
  db: JobLensDB,
  now: Date = new Date(),
  report: InvalidRecordReporter = logInvalidRecord,
): Promise<ExportFile> {
  const postings = await listSaved(db, report);
  return ExportFile.parse({
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    postings,
  });
}
