import type { IDBPDatabase, IDBPTransaction } from 'idb';

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

/** v0 -> v1: saved postings keyed by their stable id, with an index to list them by save time. */
export function createPostingsStore(db: UpgradeDatabase): void {
  const store = db.createObjectStore(POSTINGS_STORE, { keyPath: 'id' });
  store.createIndex(SAVED_AT_INDEX, 'savedAt');
}

export const upgrades: readonly UpgradeStep[] = [createPostingsStore];

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
