import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import {
  POSTINGS_STORE,
  SETTINGS_STORE,
  SUMMARIES_STORE,
  runUpgrades,
  upgrades,
  type UpgradeDatabase,
  type UpgradeTransaction,
} from './upgrades.ts';

export const DB_NAME = 'joblens';
/** One version per upgrade step, so adding a step is what bumps the version. */
export const DB_VERSION = upgrades.length;

export interface JobLensSchema extends DBSchema {
  postings: {
    key: string;
    /** Stored records are read as unknown and validated with SavedPosting before use. */
    value: unknown;
    /** The newest saved first (newestSummaries). Step 3 deleted the updatedAt and status indexes. */
    indexes: { savedAt: string };
  };
  summaries: {
    /** A chunk number, 0..SUMMARY_CHUNKS - 1 (summary-chunks.ts). */
    key: number;
    /**
     * A SummaryChunk: the SavedSummary of every valid saved posting whose id falls in this
     * chunk, sorted by id, rewritten in the same transaction as any of its postings. Read as
     * unknown; the shape is checked by summariesIn and each entry validated with SavedSummary.
     */
    value: unknown;
  };
  settings: {
    /** One record per setting, keyed by its name (SETTINGS_KEY for the Settings object). */
    key: string;
    value: unknown;
  };
}

export type JobLensDB = IDBPDatabase<JobLensSchema>;

export { POSTINGS_STORE, SETTINGS_STORE, SUMMARIES_STORE };

export interface OpenOptions {
  /** Called when this connection goes away (a newer version wants in, or the browser dropped it). */
  onClose?: () => void;
}

/**
 * Opens (creating or upgrading) the extension's database. Only the background calls this:
 * a database opened from a content script would belong to the job site's origin.
 */
export function openJobLensDB(name: string = DB_NAME, options: OpenOptions = {}): Promise<JobLensDB> {
  return openDB<JobLensSchema>(name, DB_VERSION, {
    upgrade(db, oldVersion, newVersion, tx) {
      runUpgrades(
        db as unknown as UpgradeDatabase,
        tx as unknown as UpgradeTransaction,
        oldVersion,
        newVersion ?? DB_VERSION,
      ).catch((error: unknown) => {
        // runUpgrades has aborted the transaction, so openDB rejects and the old data stays.
        console.error('JobLens: database upgrade failed', error);
      });
    },
    blocking(_currentVersion, _blockedVersion, event) {
      // Let a newer version of the extension upgrade the database; we reopen on next use.
      (event.target as IDBDatabase | null)?.close();
      options.onClose?.();
    },
    terminated() {
      options.onClose?.();
    },
  });
}
