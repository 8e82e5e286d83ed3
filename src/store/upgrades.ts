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
export const UPDATED_AT_INDEX = 'updatedAt';
export const STATUS_INDEX = 'status';
export const SETTINGS_STORE = 'settings';

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

export const upgrades: readonly UpgradeStep[] = [createPostingsStore, addAnnotations];

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
