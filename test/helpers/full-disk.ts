import { vi } from 'vitest';

/**
 * A full disk, or an origin over its quota, as Chromium shows it: every `put` of a
 * readwrite transaction succeeds, then the transaction aborts when it commits, with
 * `tx.error` a QuotaExceededError (observed in Chromium with the DevTools protocol's
 * Storage.overrideQuotaForOrigin: "put success", then "abort QuotaExceededError"). Nothing
 * throws from `put`, so a test that throws there cannot fail the way browsers fail.
 *
 * fake-indexeddb commits a transaction in FDBTransaction#_start, on the turn where no
 * request is left to run; this wraps that step so that a transaction which wrote anything
 * (its rollback log is not empty) aborts there instead, undoing its writes and firing the
 * abort event with the error, as the browser does. A transaction that only read commits.
 */

interface FakeTransaction {
  mode: IDBTransactionMode;
  _state: string;
  _requests: { request: { readyState: string } }[];
  _rollbackLog: unknown[];
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
  /** Only transactions over these stores (all by default). */
  when?: (storeNames: readonly string[]) => boolean;
}

/**
 * From now on, until vi.restoreAllMocks(), every transaction that writes aborts with
 * QuotaExceededError, at commit unless told otherwise.
 */
export function fillTheDisk({ at = 'commit', when = () => true }: FullDiskOptions = {}): FullDisk {
  const prototype = IDBTransaction.prototype as unknown as FakeTransaction;
  const start = prototype._start;
  if (typeof start !== 'function') throw new Error('fillTheDisk needs fake-indexeddb (its FDBTransaction#_start)');
  const state = { aborted: 0 };
  vi.spyOn(prototype, '_start').mockImplementation(function (this: FakeTransaction) {
    const pending = this._requests.some((r) => r.request.readyState !== 'done');
    const due = this._state !== 'finished' && (at === 'commit' ? !pending : pending);
    const names = [...(this as unknown as IDBTransaction).objectStoreNames];
    if (due && this.mode === 'readwrite' && this._rollbackLog.length > 0 && when(names)) {
      state.aborted++;
      this._abort('QuotaExceededError');
      return;
    }
    start.call(this);
  });
  return state;
}
