import type { IDBPTransaction, StoreNames } from 'idb';
import type { JobLensDB, JobLensSchema } from './db.ts';

/**
 * One readwrite transaction that either commits whole or leaves the database as it was, with a
 * full disk told apart (StorageFullError). Every repository write goes through `write`.
 */

export const STORAGE_FULL_MESSAGE =
  "Your browser's storage is full: nothing was saved. Free some disk space or delete saved jobs, then try again.";

/** The browser refused a write for lack of space; the transaction was rolled back. */
export class StorageFullError extends Error {
  override name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(STORAGE_FULL_MESSAGE, options);
  }
}

/** Chrome and Safari say QuotaExceededError; older Firefox NS_ERROR_DOM_QUOTA_REACHED. */
export function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const name = (error as { name?: unknown }).name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

export type StoreList = ArrayLike<StoreNames<JobLensSchema>>;
export type WriteTransaction<Names extends StoreList> = IDBPTransaction<JobLensSchema, Names, 'readwrite'>;

/**
 * Runs `work` in one readwrite transaction over `stores` and waits for it to commit. On
 * any error the transaction is aborted (requests already made are undone) and a quota
 * error becomes a StorageFullError. `work` may await only requests on `tx`, or the
 * transaction commits early.
 *
 * A full disk or quota does not show as a failed `put`: Chromium lets every request
 * succeed and then aborts the whole transaction when it commits, with `tx.error` a
 * QuotaExceededError (seen in Chromium with Storage.overrideQuotaForOrigin). `done` then
 * rejects with that error; a request still pending when the browser aborts fails with a
 * plain AbortError, so the reason is read from `tx.error`, not from what `work` threw.
 */
export async function write<const Names extends StoreList, T>(
  db: JobLensDB,
  stores: Names,
  work: (tx: WriteTransaction<Names>) => Promise<T>,
): Promise<T> {
  const tx = db.transaction(stores, 'readwrite');
  const done = tx.done;
  done.catch(() => undefined);
  try {
    const result = await work(tx);
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted (the browser aborts on a quota error itself).
    }
    // Settled once the abort event has fired; tx.error is the browser's reason, if it had one.
    await done.catch(() => undefined);
    const reason: unknown = isQuotaError(tx.error) ? tx.error : error;
    throw isQuotaError(reason) ? new StorageFullError({ cause: reason }) : error;
  }
}
