import { afterEach, describe, expect, it, vi } from 'vitest';
import { importClient } from '../../src/extension/import-client.ts';
import { createImportRunner, type ImportRunner } from '../../src/extension/import-runner.ts';
import { IMPORT_PIECE_CHARS, IMPORT_PORT, type ImportEvent } from '../../src/messaging/import-port.ts';
import { EXPORT_FORMAT, type ImportOutcome } from '../../src/model/index.ts';
import { lazyDatabase, openJobLensDB, POSTINGS_STORE, SUMMARIES_STORE, type JobLensDB } from '../../src/store/db.ts';
import { getUnseenImport } from '../../src/store/last-import.ts';
import { STORAGE_FULL_MESSAGE, savePosting } from '../../src/store/repository.ts';
import { fillTheDisk } from '../helpers/full-disk.ts';
import { PAGES_URL, POPUP_URL, portPair, type PortPair } from '../helpers/import-ports.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function freshDb(): Promise<JobLensDB> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

const SAVED_AT = '2026-06-01T10:00:00.000Z';
const FINISHED = new Date('2026-06-02T10:00:00.000Z');

/** An export of `count` postings, each with a note long enough that the text goes in several pieces. */
function exportOf(count: number, note = ''): string {
  const postings = Array.from({ length: count }, (_, i) =>
    savedFrom(sambaPosting({ id: `lever:${String(i).padStart(5, '0')}` }), SAVED_AT, { notes: note }),
  );
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: SAVED_AT, postings });
}

interface Popup {
  pair: PortPair;
  events: ImportEvent[];
  client: ReturnType<typeof importClient>;
}

/** A popup connected to `runner` (its port opened on first use, as importClient does). */
function popup(runner: ImportRunner, url = POPUP_URL): Popup {
  const events: ImportEvent[] = [];
  const opened: { pair?: PortPair } = {};
  const client = importClient((name) => {
    const pair = portPair(name, url);
    opened.pair = pair;
    runner.connect(pair.background);
    return pair.page;
  });
  client.watchImport((event) => events.push(event));
  return { pair: opened.pair!, events, client };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500 && !(await condition()); i++) await tick();
  expect(await condition()).toBe(true);
}

function runnerOn(db: JobLensDB): ImportRunner {
  return createImportRunner({ db: lazyDatabase(async () => db), pagesUrl: PAGES_URL, now: () => FINISHED });
}

const finished = (events: ImportEvent[]) =>
  events.flatMap((e) => (e.type === 'finished' ? [e.outcome] : []));

describe('an import in the background', () => {
  it('takes the text in pieces, says how far it is, and says how it ended', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const page = popup(runner);
    const text = exportOf(1200, 'n'.repeat(4000));
    expect(text.length).toBeGreaterThan(IMPORT_PIECE_CHARS);
    // Answered first, so the answer to `watch` cannot be a progress report of this import.
    await until(() => page.events.length > 0);

    await page.client.importFile('jobs.json', text);
    await until(() => finished(page.events).length === 1);

    const progress = page.events.flatMap((e) => (e.type === 'progress' ? [`${e.phase} ${e.done}/${e.total}`] : []));
    expect(progress).toEqual(['checking 0/0', 'writing 0/1200', 'writing 500/1200', 'writing 1000/1200', 'writing 1200/1200']);
    expect(finished(page.events)).toEqual([
      {
        fileName: 'jobs.json',
        finishedAt: FINISHED.toISOString(),
        result: { added: 1200, merged: 0, replaced: 0, unchanged: 0, overwritten: [] },
        error: null,
      },
    ]);
    expect(await db.count(POSTINGS_STORE)).toBe(1200);
    // Shown: not kept for the next popup.
    await until(async () => (await getUnseenImport(db)) === null);
    const next = popup(runner);
    await until(() => next.events.length > 0);
    expect(next.events).toEqual([{ type: 'idle' }]);
  });

  it('goes on when the popup closes, and the next popup shows the summary once', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const first = popup(runner);
    await first.client.importFile('jobs.json', exportOf(1500));
    first.pair.page.disconnect();
    await runner.settled();

    expect(await db.count(POSTINGS_STORE)).toBe(1500);
    const reopened = popup(runner);
    await until(() => reopened.events.length > 0);
    expect(finished(reopened.events).map((o) => o.result?.added)).toEqual([1500]);
    // Seen: a popup opened after that has nothing to say.
    await tick();
    await tick();
    const later = popup(runner);
    await until(() => later.events.length > 0);
    expect(later.events).toEqual([{ type: 'idle' }]);
  });

  it('keeps the unseen summary in the database, for a popup opened after the background restarted', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const starter = popup(runner);
    await starter.client.importFile('jobs.json', exportOf(3));
    starter.pair.page.disconnect();
    await runner.settled();

    // A new runner: the service worker was stopped and started again.
    const restarted = popup(runnerOn(db));
    await until(() => restarted.events.length > 0);
    expect(finished(restarted.events).map((o) => [o.fileName, o.result?.added])).toEqual([['jobs.json', 3]]);
    await until(async () => (await getUnseenImport(db)) === null);
  });

  it('a popup that opens while it runs sees its progress, then its outcome', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const starter = popup(runner);
    await starter.client.importFile('jobs.json', exportOf(2000));
    starter.pair.page.disconnect();
    const watcher = popup(runner);
    await runner.settled();
    await until(() => finished(watcher.events).length === 1);
    expect(watcher.events[0]).toMatchObject({ type: 'progress', fileName: 'jobs.json' });
    expect(finished(watcher.events)[0]?.result?.added).toBe(2000);
  });

  it('imports nothing when the popup closes before the whole text arrived', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const events: unknown[] = [];
    const { page, background } = portPair(IMPORT_PORT, POPUP_URL);
    runner.connect(background);
    page.onMessage.addListener((m) => events.push(m));
    const text = exportOf(50);
    page.postMessage({ type: 'piece', text: text.slice(0, 100) });
    page.disconnect();
    await tick();
    await tick();
    await runner.settled();
    expect(await db.count(POSTINGS_STORE)).toBe(0);
    const next = popup(runner);
    await until(() => next.events.length > 0);
    expect(next.events).toEqual([{ type: 'idle' }]);
  });

  it('refuses a text with a piece missing, and a second import while one runs', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const events: ImportEvent[] = [];
    const { page, background } = portPair(IMPORT_PORT, POPUP_URL);
    runner.connect(background);
    page.onMessage.addListener((m) => events.push(m as ImportEvent));
    const text = exportOf(800);
    page.postMessage({ type: 'piece', text: text.slice(0, 1000) });
    page.postMessage({ type: 'start', fileName: 'cut.json', length: text.length });
    await until(() => events.length === 1);
    expect(events[0]).toEqual({ type: 'refused', error: expect.stringContaining('did not arrive whole') });

    const other = popup(runner);
    await other.client.importFile('a.json', text);
    await expect(popup(runner).client.importFile('b.json', exportOf(2))).rejects.toThrow('Another import is still running');
    await runner.settled();
    expect(await db.count(POSTINGS_STORE)).toBe(800);
  });

  it('takes no import from a page that is not the extension’s (a content script)', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const page = popup(runner, 'https://jobs.lever.co/acme/123');
    await expect(page.client.importFile('jobs.json', exportOf(2))).rejects.toThrow('nothing was imported');
    await runner.settled();
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });
});

describe('an import that fails in the background', () => {
  it('on a full disk writes nothing and says so, to this popup or the next', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), new Date(SAVED_AT));
    const before = { postings: await db.getAll(POSTINGS_STORE), summaries: await db.getAll(SUMMARIES_STORE) };
    const runner = runnerOn(db);
    const starter = popup(runner);
    const disk = fillTheDisk();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await starter.client.importFile('jobs.json', exportOf(700));
    starter.pair.page.disconnect();
    await runner.settled();
    // Marking the import as running, the import, then keeping its outcome: all refused for lack of space.
    expect(disk.aborted).toBe(3);

    // The outcome could not be written either: the background still has it.
    const reopened = popup(runner);
    await until(() => reopened.events.length > 0);
    const expected: ImportOutcome = { fileName: 'jobs.json', finishedAt: FINISHED.toISOString(), result: null, error: STORAGE_FULL_MESSAGE };
    expect(finished(reopened.events)).toEqual([expected]);
    vi.restoreAllMocks();
    expect({ postings: await db.getAll(POSTINGS_STORE), summaries: await db.getAll(SUMMARIES_STORE) }).toEqual(before);
  });

  it('with an over-long field names the record and the field, and writes nothing', async () => {
    const db = await freshDb();
    const runner = runnerOn(db);
    const page = popup(runner);
    const postings = [savedFrom(sambaPosting(), SAVED_AT), savedFrom(musicUnderstandingPosting(), SAVED_AT, { notes: 'x'.repeat(300_000) })];
    await page.client.importFile('big.json', JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: SAVED_AT, postings }));
    await until(() => finished(page.events).length === 1);
    expect(finished(page.events)[0]?.error).toBe(
      `Nothing was imported: 1 record is not valid.\nRecord 2 (${musicUnderstandingPosting().id}): notes: is 300,000 characters long; JobLens keeps up to 200,000`,
    );
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });
});
