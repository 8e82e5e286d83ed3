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
 * Opens (creating or upgrading) the extension's database. The background and the extension's
 * own pages call this, never a content script: a database opened there would belong to the
 * job site's origin.
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

/** The database could not be opened; the message says so for the user. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/**
 * The database, opened on first use rather than at startup, and opened again after the
 * connection closes (a newer version asked for it, or the browser dropped it) or after a
 * failed open. A failed open is logged and becomes a DatabaseUnavailableError.
 */
export function lazyDatabase(open: (onClose: () => void) => Promise<JobLensDB>): () => Promise<JobLensDB> {
  let ready: Promise<JobLensDB> | null = null;
  const forget = () => {
    ready = null;
  };
  return async () => {
    ready ??= open(forget).catch((error: unknown) => {
      forget();
      throw error;
    });
    try {
      return await ready;
    } catch (error) {
      console.error('JobLens: could not open the database', error);
      throw new DatabaseUnavailableError(
        `JobLens could not open its database: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  };
}
