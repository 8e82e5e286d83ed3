import { vi } from 'vitest';

/**
 * A full disk, or an origin over its quota, as Chromium shows it: every `put` of a
 * readwrite transaction succeeds, then the transaction aborts when it commits, with
 * `tx.error` a QuotaExceededError (observed in Chromium with the DevTools protocol's
 * Storage.overrideQuotaForOrigin: "put success", then "abort QuotaExceededError"). Nothing
 * throws from `put`, so a test that throws there cannot fail the way browsers fail.
 *
 * fake-indexeddb commits a transaction in FDBTransaction#_start, on the turn where no
 * request is left to run; this wraps that step so that a transaction which put or added
 * anything aborts there instead, undoing its writes and firing the abort event with the
 * error, as the browser does. As in Chromium, which checks the space a transaction's puts
 * need (BucketContext::CheckCanUseDiskSpace) and nothing else, a transaction that only read
 * or deleted commits.
 */

interface FakeTransaction {
  mode: IDBTransactionMode;
  _state: string;
  _requests: { request: { readyState: string } }[];
  _start(): void;
  _abort(errorName: string | null): void;
}

export interface FullDisk {
  /** Readwrite transactions that were aborted at commit so far. */
  readonly aborted: number;
}

export interface FullDiskOptions {
  /**
   * 'commit' (Chromium's way, the default): every request succeeds, the commit fails.
   * 'while-writing': the browser gives up on the transaction once it has written something
   * and requests are still waiting; those fail with a plain AbortError, and only `tx.error`
   * says the disk is full.
   */
  at?: 'commit' | 'while-writing';
}

/**
 * From now on, until vi.restoreAllMocks(), every transaction that stores data aborts with
 * QuotaExceededError, at commit unless told otherwise.
 */
export function fillTheDisk({ at = 'commit' }: FullDiskOptions = {}): FullDisk {
  const prototype = IDBTransaction.prototype as unknown as FakeTransaction;
  const start = prototype._start;
  if (typeof start !== 'function') throw new Error('fillTheDisk needs fake-indexeddb (its FDBTransaction#_start)');
  const state = { aborted: 0 };
  // Transactions that asked to store data, as Chromium counts them.
  const storing = new WeakSet<object>();
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args) {
      storing.add(this.transaction);
      return original.apply(this, args);
    });
  }
  vi.spyOn(prototype, '_start').mockImplementation(function (this: FakeTransaction) {
    const pending = this._requests.some((r) => r.request.readyState !== 'done');
    const due = this._state !== 'finished' && (at === 'commit' ? !pending : pending);
    if (due && storing.has(this)) {
      state.aborted++;
      this._abort('QuotaExceededError');
      return;
    }
    start.call(this);
  });
  return state;
}
