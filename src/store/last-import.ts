import { ImportOutcome } from '../model/index.ts';
import { SETTINGS_STORE, type JobLensDB } from './db.ts';

/**
 * The outcome of the last import, until a popup has shown it: kept in the settings store so
 * that a popup opened after the background was stopped (Chrome stops an idle service worker
 * after 30 s) still says how the import ended. An outcome that cannot be written (the disk
 * is full: often the very reason the import failed) is kept only in the background's memory.
 */
export const LAST_IMPORT_KEY = 'lastImport';

export async function getUnseenImport(db: JobLensDB): Promise<ImportOutcome | null> {
  const parsed = ImportOutcome.safeParse(await db.get(SETTINGS_STORE, LAST_IMPORT_KEY));
  return parsed.success ? parsed.data : null;
}

export async function setUnseenImport(db: JobLensDB, outcome: ImportOutcome | null): Promise<void> {
  if (outcome === null) await db.delete(SETTINGS_STORE, LAST_IMPORT_KEY);
  else await db.put(SETTINGS_STORE, ImportOutcome.parse(outcome), LAST_IMPORT_KEY);
}
