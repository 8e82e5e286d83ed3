import { afterEach, describe, expect, it, vi } from 'vitest';
import { importClient } from '../../src/extension/import-client.ts';
import { createImportRunner, type ImportRunner } from '../../src/extension/import-runner.ts';
import type { ImportEvent } from '../../src/messaging/import-port.ts';
import { EXPORT_FORMAT, IMPORT_INTERRUPTED_MESSAGE, type ImportOutcome } from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, SETTINGS_STORE, SUMMARIES_STORE, type JobLensDB } from '../../src/store/db.ts';
import { getImportMark, getUnseenImport, IMPORT_RUNNING_KEY } from '../../src/store/last-import.ts';
import { savePosting } from '../../src/store/repository.ts';
import { PAGES_URL, POPUP_URL, portPair, type PortPair } from '../helpers/import-ports.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom } from '../helpers/postings.ts';

/**
 * The background stopped by the browser in the middle of an import, with the real runner and
 * a (fake-indexeddb) database: the stopped background's transaction is aborted where it
 * stands and its code runs no further (its database calls never return, its ports close), as
 * when Chrome stops a service worker. The next connection reaches a new background.
 */

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

const SAVED_AT = '2026-06-01T10:00:00.000Z';
const COUNT = 3000;

function exportOf(count: number): string {
  const postings = Array.from({ length: count }, (_, i) => savedFrom(sambaPosting({ id: `lever:${String(i).padStart(5, '0')}` }), SAVED_AT));
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: SAVED_AT, postings });
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2000 && !(await condition()); i++) await tick();
  expect(await condition()).toBe(true);
}

/** A browser's worth of backgrounds over one database: `stop()` ends the current one, and the next connection starts another. */
async function extensionOn() {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  let generation = 0;
  let runner: ImportRunner;
  let pairs: PortPair[] = [];
  const start = () => {
    const mine = ++generation;
    // A stopped background's database calls never come back.
    const database = () => (generation === mine ? Promise.resolve(db) : new Promise<JobLensDB>(() => undefined));
    runner = createImportRunner({ db: database, pagesUrl: PAGES_URL, runnerId: `background-${mine}` });
    pairs = [];
  };
  start();
  const stop = () => {
    const closing = pairs;
    start();
    for (const pair of closing) pair.background.disconnect();
  };
  const popup = () => {
    const events: ImportEvent[] = [];
    const mine: PortPair[] = [];
    const client = importClient((name) => {
      const pair = portPair(name, POPUP_URL);
      pairs.push(pair);
      mine.push(pair);
      runner.connect(pair.background);
      return pair.page;
    });
    client.watchImport((event) => events.push(event));
    const outcomes = () => events.flatMap((e): ImportOutcome[] => (e.type === 'finished' ? [e.outcome] : []));
    /** The popup window closes: its ports close from its side. */
    const close = () => mine.forEach((pair) => pair.page.disconnect());
    return { client, events, outcomes, close };
  };
  return { db, stop, popup, settled: () => runner.settled() };
}

/**
 * Stops the background at the `at`-th posting the import writes, inside its transaction:
 * the transaction is aborted there (as a stopped worker's is), before anything commits.
 */
function stopWhileWriting(stop: () => void, at: number): { stopped: () => boolean } {
  let puts = 0;
  let stopped = false;
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    if (!stopped && this.name === POSTINGS_STORE && ++puts === at) {
      stopped = true;
      this.transaction.abort();
      stop();
    }
    return put.apply(this, args);
  });
  return { stopped: () => stopped };
}

async function contents(db: JobLensDB) {
  return { postings: await db.getAll(POSTINGS_STORE), summaries: await db.getAll(SUMMARIES_STORE) };
}

describe('an import whose background is stopped while it writes', () => {
  it('writes nothing; the open popup says it was interrupted, once; importing again succeeds', async () => {
    const { db, stop, popup } = await extensionOn();
    await savePosting(db, musicUnderstandingPosting(), new Date(SAVED_AT));
    const before = await contents(db);
    const open = popup();
    await until(() => open.events.length > 0);
    const fault = stopWhileWriting(stop, 1200);

    await open.client.importFile('jobs.json', exportOf(COUNT));
    await until(() => open.outcomes().length > 0);

    expect(fault.stopped()).toBe(true);
    // It was writing when stopped: the popup had shown its progress.
    expect(open.events.some((e) => e.type === 'progress' && e.phase === 'writing' && e.done >= 500)).toBe(true);
    expect(open.outcomes()).toEqual([expect.objectContaining({ fileName: 'jobs.json', result: null, error: IMPORT_INTERRUPTED_MESSAGE, interrupted: true })]);
    expect(open.events.at(-1)?.type).toBe('finished');
    expect(await contents(db)).toEqual(before);
    // Shown, so no longer kept: a popup opened now has nothing to say.
    await until(async () => (await getUnseenImport(db)) === null);
    expect(await getImportMark(db)).toBeNull();
    const later = popup();
    await until(() => later.events.length > 0);
    expect(later.events).toEqual([{ type: 'idle' }]);

    vi.restoreAllMocks();
    await open.client.importFile('jobs.json', exportOf(COUNT));
    await until(() => open.outcomes().length === 2);
    expect(open.outcomes()[1]?.result?.added).toBe(COUNT);
    expect(await db.count(POSTINGS_STORE)).toBe(COUNT + 1);
  });

  it('with no popup open then, the next popup says it was interrupted, and only that one', async () => {
    const { db, stop, popup, settled } = await extensionOn();
    const starter = popup();
    await until(() => starter.events.length > 0);
    const fault = stopWhileWriting(stop, 2000);
    await starter.client.importFile('jobs.json', exportOf(COUNT));
    // Handed over; the popup that started it closes, and the background goes on alone until it is stopped.
    starter.close();
    await until(() => fault.stopped());
    expect(starter.outcomes()).toEqual([]);
    // The mark the stopped background left, with nothing written.
    expect((await getImportMark(db))?.fileName).toBe('jobs.json');
    expect(await db.count(POSTINGS_STORE)).toBe(0);

    const reopened = popup();
    await until(() => reopened.outcomes().length > 0);
    expect(reopened.outcomes().map((o) => o.error)).toEqual([IMPORT_INTERRUPTED_MESSAGE]);
    await settled();
    await until(async () => (await db.get(SETTINGS_STORE, IMPORT_RUNNING_KEY)) === undefined && (await getUnseenImport(db)) === null);
    const after = popup();
    await until(() => after.events.length > 0);
    expect(after.events).toEqual([{ type: 'idle' }]);
  });

  it('stopped after its transaction committed but before it said so: the next background shows the outcome, not "interrupted"', async () => {
    const { db, stop, popup } = await extensionOn();
    const open = popup();
    await until(() => open.events.length > 0);
    // Stopped the moment the import's transaction commits, before its code goes on.
    const transaction = IDBDatabase.prototype.transaction;
    let stopped = false;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, ...args) {
      const tx = transaction.apply(this, args);
      if (tx.mode === 'readwrite' && tx.objectStoreNames.contains(POSTINGS_STORE)) {
        tx.addEventListener('complete', () => {
          stopped = true;
          stop();
        });
      }
      return tx;
    });
    await open.client.importFile('jobs.json', exportOf(COUNT));
    await until(() => open.outcomes().length > 0);
    expect(stopped).toBe(true);
    expect(open.outcomes().map((o) => [o.error, o.result?.added])).toEqual([[null, COUNT]]);
    expect(await db.count(POSTINGS_STORE)).toBe(COUNT);
  });
});
