import type { IDBPObjectStore } from 'idb';
import { z } from 'zod/mini';
import { ImportOutcome, interruptedImport } from '../model/index.ts';
import { SETTINGS_STORE, type JobLensDB, type JobLensSchema } from './db.ts';
import { write, type StoreList } from './transaction.ts';

/**
 * The outcome of the last import, until a popup has shown it: kept in the settings store so
 * that a popup opened after the background was stopped (Chrome stops an idle service worker
 * after 30 s) still says how the import ended. An outcome that cannot be written (the disk
 * is full: often the very reason the import failed) is kept only in the background's memory.
 */
export const LAST_IMPORT_KEY = 'lastImport';

/**
 * Written before an import writes anything, and dropped in the transaction that keeps its
 * outcome (for an import that succeeds, the import's own transaction). A mark left by a
 * background that is no longer running means the browser stopped it mid-import: its
 * transaction was undone, and the next background says so (takeUnseenImport).
 */
export const IMPORT_RUNNING_KEY = 'importRunning';

export const ImportRunning = z.object({
  fileName: z.string(),
  startedAt: z.iso.datetime(),
  /** Which background wrote it (a new id each time the service worker starts). */
  by: z.string(),
});
export type ImportRunning = z.infer<typeof ImportRunning>;

export type SettingsStoreInWrite = IDBPObjectStore<JobLensSchema, StoreList, typeof SETTINGS_STORE, 'readwrite'>;

const sameMark = (a: ImportRunning, b: ImportRunning) => a.by === b.by && a.startedAt === b.startedAt;

function outcomeIn(raw: unknown): ImportOutcome | null {
  const parsed = ImportOutcome.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function getUnseenImport(db: JobLensDB): Promise<ImportOutcome | null> {
  return outcomeIn(await db.get(SETTINGS_STORE, LAST_IMPORT_KEY));
}

/** Null: shown, so no longer kept. An outcome: kept (a running import's mark is left alone). */
export async function setUnseenImport(db: JobLensDB, outcome: ImportOutcome | null): Promise<void> {
  if (outcome === null) await db.delete(SETTINGS_STORE, LAST_IMPORT_KEY);
  else await db.put(SETTINGS_STORE, ImportOutcome.parse(outcome), LAST_IMPORT_KEY);
}

export async function markImportRunning(db: JobLensDB, mark: ImportRunning): Promise<void> {
  await db.put(SETTINGS_STORE, ImportRunning.parse(mark), IMPORT_RUNNING_KEY);
}

export async function getImportMark(db: JobLensDB): Promise<ImportRunning | null> {
  const parsed = ImportRunning.safeParse(await db.get(SETTINGS_STORE, IMPORT_RUNNING_KEY));
  return parsed.success ? parsed.data : null;
}

/**
 * Keeps the outcome of the import `mark` stands for and drops that mark, in the transaction
 * `store` belongs to. A mark since written by another import stays.
 */
export async function keepImportOutcome(store: SettingsStoreInWrite, outcome: ImportOutcome, mark: ImportRunning): Promise<void> {
  const stored = ImportRunning.safeParse(await store.get(IMPORT_RUNNING_KEY));
  const dropMark = stored.success && sameMark(stored.data, mark);
  await Promise.all([store.put(ImportOutcome.parse(outcome), LAST_IMPORT_KEY), ...(dropMark ? [store.delete(IMPORT_RUNNING_KEY)] : [])]);
}

/** keepImportOutcome in a transaction of its own: for an import that failed, so wrote nothing. */
export async function keepFailedImport(db: JobLensDB, outcome: ImportOutcome, mark: ImportRunning): Promise<void> {
  await write(db, [SETTINGS_STORE], (tx) => keepImportOutcome(tx.objectStore(SETTINGS_STORE), outcome, mark));
}

/**
 * The outcome no popup has shown yet, as the background `runner` finds it: the one kept; or,
 * when another background left its mark (it was stopped mid-import, so nothing of that
 * import was written), that the import was interrupted: kept in the mark's place, so it is
 * said once, by this popup or the next. The mark is newer than any outcome kept with it,
 * since keeping an outcome drops its mark.
 */
export async function takeUnseenImport(db: JobLensDB, runner: string, now: Date): Promise<ImportOutcome | null> {
  const read = db.transaction(SETTINGS_STORE, 'readonly');
  const [kept, rawMark] = await Promise.all([read.store.get(LAST_IMPORT_KEY), read.store.get(IMPORT_RUNNING_KEY)]);
  const mark = ImportRunning.safeParse(rawMark);
  if (!mark.success || mark.data.by === runner) return outcomeIn(kept);
  return write(db, [SETTINGS_STORE], async (tx) => {
    const store = tx.objectStore(SETTINGS_STORE);
    // Read again where it is changed: this background may have begun an import meanwhile.
    const still = ImportRunning.safeParse(await store.get(IMPORT_RUNNING_KEY));
    if (!still.success || !sameMark(still.data, mark.data)) return outcomeIn(await store.get(LAST_IMPORT_KEY));
    const outcome = interruptedImport(mark.data.fileName, now);
    await keepImportOutcome(store, outcome, mark.data);
    return outcome;
  });
}
