import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT, summaryOf } from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, SUMMARIES_STORE, type JobLensDB } from '../../src/store/db.ts';
import {
  STORAGE_FULL_MESSAGE,
  deleteMany,
  deleteSaved,
  getSaved,
  getSavedMany,
  importExport,
  listSaved,
  listSummaries,
  markClosed,
  newestSummaries,
  restoreSaved,
  savePosting,
  updateSaved,
  type InvalidRecord,
} from '../../src/store/repository.ts';
import { SUMMARY_CHUNKS, chunkOf } from '../../src/store/summary-chunks.ts';
import { hourlyPosting, musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';
import { fillTheDisk } from '../helpers/full-disk.ts';
import {
  allSummaries,
  chunkEntries,
  deleteSummaryDirectly,
  expectSummariesInStep,
  putSummaryDirectly,
  summaryIn,
} from './summaries-in-step.ts';

/**
 * The summaries store (what the saved list reads) against the postings store: after every
 * write, summaries = summaryOf of every valid posting; listSummaries reads it, and repairs
 * it when some other path let it drift.
 */

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

const JUNE_1 = new Date('2026-06-01T10:00:00.000Z');
const JUNE_2 = new Date('2026-06-02T10:00:00.000Z');
const JUNE_3 = new Date('2026-06-03T10:00:00.000Z');
const JUNE_4 = new Date('2026-06-04T10:00:00.000Z');

/** A record no write path would produce: kept, never summarised. */
const CORRUPT = { id: 'lever:corrupt', title: 7, savedAt: 'yesterday', notes: 'still mine' };

/** A database holding three saved postings and one corrupt record, summaries in step. */
async function seeded(): Promise<JobLensDB> {
  const db = await freshDb();
  await savePosting(db, musicUnderstandingPosting(), JUNE_1);
  await savePosting(db, sambaPosting(), JUNE_2);
  await savePosting(db, storytellingPosting(), JUNE_3);
  await db.put(POSTINGS_STORE, CORRUPT);
  return db;
}

function exportText(postings: unknown[]): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: JUNE_4.toISOString(), postings });
}

const silent = () => undefined;

describe('every write keeps the summaries in step with the postings', () => {
  it('a new save', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    expect(await summaryIn(db, saved.id)).toEqual(summaryOf(saved));
    await expectSummariesInStep(db);
  });

  it('a re-save that changes the title and pay', async () => {
    const db = await seeded();
    const original = sambaPosting();
    await savePosting(db, sambaPosting({ title: 'Staff ML Engineer', salary: { ...original.salary!, min: 150000 } }), JUNE_4);
    expect(await summaryIn(db, original.id)).toMatchObject({
      title: 'Staff ML Engineer',
      salary: { min: 150000 },
      updatedAt: JUNE_4.toISOString(),
    });
    await expectSummariesInStep(db);
  });

  it('a re-save over a stored record that no longer validates gives it a summary again', async () => {
    const db = await freshDb();
    await db.put(POSTINGS_STORE, { id: sambaPosting().id, notes: 'keep me' });
    await savePosting(db, sambaPosting(), JUNE_1);
    expect(await summaryIn(db, sambaPosting().id)).toMatchObject({ notes: 'keep me' });
    await expectSummariesInStep(db);
  });

  it('an update of status, notes, tags, rating and corrections', async () => {
    const db = await seeded();
    const updated = await updateSaved(
      db,
      sambaPosting().id,
      { status: 'applied', notes: 'sent', tags: ['ml'], rating: 5, corrections: { location: 'Remote' } },
      JUNE_4,
    );
    expect(await summaryIn(db, updated.id)).toEqual(summaryOf(updated));
    await expectSummariesInStep(db);
  });

  it('marking closed, closed again, and open', async () => {
    const db = await seeded();
    const id = sambaPosting().id;
    await markClosed(db, id, true, JUNE_3);
    expect(await summaryIn(db, id)).toMatchObject({ closedAt: JUNE_3.toISOString() });
    await expectSummariesInStep(db);
    await markClosed(db, id, true, JUNE_4);
    await expectSummariesInStep(db);
    await markClosed(db, id, false, JUNE_4);
    expect(await summaryIn(db, id)).toMatchObject({ closedAt: null });
    await expectSummariesInStep(db);
  });

  it('a delete, and a restore of what was deleted', async () => {
    const db = await seeded();
    const deleted = await deleteSaved(db, sambaPosting().id);
    expect(await summaryIn(db, sambaPosting().id)).toBeUndefined();
    await expectSummariesInStep(db);
    await restoreSaved(db, deleted!);
    expect(await summaryIn(db, sambaPosting().id)).toEqual(summaryOf(deleted!));
    await expectSummariesInStep(db);
  });

  it('a delete of several, unknown ids among them', async () => {
    const db = await seeded();
    const deleted = await deleteMany(db, [sambaPosting().id, 'lever:nothing', musicUnderstandingPosting().id]);
    expect(deleted.map((p) => p.id)).toEqual([sambaPosting().id, musicUnderstandingPosting().id]);
    expect((await allSummaries(db)).map((s) => (s as { id: string }).id)).toEqual([storytellingPosting().id]);
    await expectSummariesInStep(db);
  });

  it('a delete of several refused because one is corrupt: nothing deleted from either store', async () => {
    const db = await seeded();
    const summaries = await db.getAll(SUMMARIES_STORE);
    await expect(deleteMany(db, [sambaPosting().id, CORRUPT.id])).rejects.toThrow(/kept/);
    expect(await db.getAll(SUMMARIES_STORE)).toEqual(summaries);
    expect(await db.count(POSTINGS_STORE)).toBe(4);
    await expectSummariesInStep(db);
  });

  it('an import that adds, replaces, merges and leaves unchanged', async () => {
    const db = await seeded();
    const stored = (await getSaved(db, musicUnderstandingPosting().id))!;
    const at = JUNE_4.toISOString();
    const newer = { ...stored, updatedAt: at, notes: 'from my laptop', rating: 3, edits: { at: { notes: at, rating: at }, tags: {} } };
    // An older read of samba with a tag ours lacks: the tag comes, our reading stays.
    const samba = (await getSaved(db, sambaPosting().id))!;
    const tagged = { ...samba, title: 'Old title', parsedAt: JUNE_1.toISOString(), tags: ['remote'], edits: { at: {}, tags: { remote: { at, removed: false } } } };
    const same = (await getSaved(db, storytellingPosting().id))!;
    const added = savedFrom(hourlyPosting(), JUNE_2.toISOString(), { tags: ['hourly'] });

    expect(await importExport(db, exportText([newer, tagged, same, added]))).toEqual({
      added: 1,
      merged: 1,
      replaced: 1,
      unchanged: 1,
      overwritten: [],
    });

    expect(await summaryIn(db, stored.id)).toMatchObject({ notes: 'from my laptop', rating: 3 });
    expect(await summaryIn(db, samba.id)).toMatchObject({ title: samba.title, tags: ['remote'] });
    expect(await summaryIn(db, added.id)).toEqual(summaryOf(added));
    await expectSummariesInStep(db);
  });

  it('an import of one id whose stored record is corrupt leaves it, unsummarised', async () => {
    const db = await seeded();
    const incoming = savedFrom(sambaPosting({ id: CORRUPT.id }), JUNE_4.toISOString());
    expect(await importExport(db, exportText([incoming]))).toEqual({ added: 0, merged: 0, replaced: 0, unchanged: 1, overwritten: [] });
    expect(await summaryIn(db, CORRUPT.id)).toBeUndefined();
    await expectSummariesInStep(db);
  });

  it('an import refused for an invalid record writes no summary', async () => {
    const db = await seeded();
    const summaries = await db.getAll(SUMMARIES_STORE);
    const good = savedFrom(hourlyPosting(), JUNE_2.toISOString());
    await expect(importExport(db, exportText([good, { ...good, id: 'lever:bad', rating: 0 }]))).rejects.toThrow();
    expect(await db.getAll(SUMMARIES_STORE)).toEqual(summaries);
    await expectSummariesInStep(db);
  });

  it('a write aborted at commit (a full disk) rolls back the posting and its summary together', async () => {
    const db = await seeded();
    const before = await db.getAll(POSTINGS_STORE);
    const summaries = await db.getAll(SUMMARIES_STORE);
    const disk = fillTheDisk();

    await expect(savePosting(db, hourlyPosting(), JUNE_4)).rejects.toThrow(STORAGE_FULL_MESSAGE);
    await expect(updateSaved(db, sambaPosting().id, { notes: 'lost?' }, JUNE_4)).rejects.toThrow(STORAGE_FULL_MESSAGE);
    await expect(
      importExport(
        db,
        exportText([
          savedFrom(hourlyPosting(), JUNE_2.toISOString()),
          savedFrom(hourlyPosting({ id: 'lever:h2' }), JUNE_2.toISOString()),
        ]),
      ),
    ).rejects.toThrow(STORAGE_FULL_MESSAGE);

    expect(disk.aborted).toBe(3);
    vi.restoreAllMocks();
    expect(await db.getAll(POSTINGS_STORE)).toEqual(before);
    expect(await db.getAll(SUMMARIES_STORE)).toEqual(summaries);
    await expectSummariesInStep(db);
  });

  it('an import of many records, all summarised, in one go', async () => {
    const db = await freshDb();
    const records = Array.from({ length: 500 }, (_, i) =>
      savedFrom(
        sambaPosting({ id: `lever:${String(i).padStart(4, '0')}` }),
        new Date(JUNE_1.getTime() + i * 60_000).toISOString(),
      ),
    );
    const requests = watchRequests(['get', 'put', 'delete']);
    expect(await importExport(db, exportText(records))).toEqual({ added: 500, merged: 0, replaced: 0, unchanged: 0, overwritten: [] });
    // A put per posting, and a get and a put per chunk, not per summary.
    expect(requests.filter((r) => r === `${POSTINGS_STORE}.put`)).toHaveLength(500);
    const chunkPuts = requests.filter((r) => r === `${SUMMARIES_STORE}.put`).length;
    expect(chunkPuts).toBeLessThanOrEqual(SUMMARY_CHUNKS);
    expect(requests.filter((r) => r === `${SUMMARIES_STORE}.get`)).toHaveLength(chunkPuts);
    vi.restoreAllMocks();
    expect(await allSummaries(db)).toHaveLength(500);
    await expectSummariesInStep(db);
  });

  it('a write to one posting reads and writes its chunk only', async () => {
    const db = await seeded();
    const requests = watchRequests(['get', 'put', 'delete']);
    await savePosting(db, hourlyPosting(), JUNE_4);
    await updateSaved(db, sambaPosting().id, { notes: 'one chunk' }, JUNE_4);
    await markClosed(db, sambaPosting().id, true, JUNE_4);
    const deleted = await deleteSaved(db, sambaPosting().id);
    await restoreSaved(db, deleted!);
    const chunkRequests = requests.filter((r) => r.startsWith(`${SUMMARIES_STORE}.`));
    // savePosting, updateSaved, markClosed, restoreSaved: a get and a put; deleteSaved: a get and a put (or a delete).
    expect(chunkRequests.filter((r) => r === `${SUMMARIES_STORE}.get`)).toHaveLength(5);
    expect(chunkRequests.filter((r) => r !== `${SUMMARIES_STORE}.get`)).toHaveLength(5);
    vi.restoreAllMocks();
    await expectSummariesInStep(db);
  });

  it('a delete of several reads and writes each affected chunk once', async () => {
    const db = await freshDb();
    // Ten postings in each of two chunks.
    const ids = sameChunkIds(2, 10);
    for (const id of ids) await savePosting(db, hourlyPosting({ id }), JUNE_1);
    const requests = watchRequests(['get', 'put', 'delete']);
    // Five from one chunk, all ten of the other: that chunk is left empty, and removed.
    const gone = [...ids.slice(0, 5), ...ids.slice(10)];
    expect(await deleteMany(db, gone)).toHaveLength(15);
    expect(requests.filter((r) => r === `${SUMMARIES_STORE}.get`)).toHaveLength(2);
    expect(requests.filter((r) => r === `${SUMMARIES_STORE}.put`)).toHaveLength(1);
    expect(requests.filter((r) => r === `${SUMMARIES_STORE}.delete`)).toHaveLength(1);
    expect(requests.filter((r) => r === `${POSTINGS_STORE}.delete`)).toHaveLength(15);
    vi.restoreAllMocks();
    expect(await chunkEntries(db, chunkOf(ids[10]!))).toBeUndefined();
    await expectSummariesInStep(db);
  });

  it('a write leaves the other summaries of its chunk as they were, sorted by id', async () => {
    const db = await freshDb();
    const ids = sameChunkIds(1, 4);
    for (const id of [...ids].reverse()) await savePosting(db, hourlyPosting({ id }), JUNE_1);
    await updateSaved(db, ids[2]!, { notes: 'only this one' }, JUNE_2);
    const entries = (await chunkEntries(db, chunkOf(ids[0]!)))!;
    expect(entries.map((e) => (e as { id: string }).id)).toEqual(ids);
    expect(entries.map((e) => (e as { notes: string }).notes)).toEqual(['', '', 'only this one', '']);
    await expectSummariesInStep(db);
  });
});

/**
 * `perChunk` ids in each of `chunks` chunks, sorted within each chunk: tests that need
 * postings to share a chunk.
 */
function sameChunkIds(chunks: number, perChunk: number): string[] {
  const found = new Map<number, string[]>();
  for (let i = 0; found.size < chunks || [...found.values()].some((g) => g.length < perChunk); i++) {
    const id = `lever:same-${i}`;
    const chunk = chunkOf(id);
    const group = found.get(chunk);
    if (group) {
      if (group.length < perChunk) group.push(id);
    } else if (found.size < chunks) {
      found.set(chunk, [id]);
    }
  }
  return [...found.values()].flatMap((group) => group.sort());
}

/** Each request of these kinds, as `store.method`, in the order made. */
function watchRequests(methods: readonly ('get' | 'put' | 'delete')[]): string[] {
  const requests: string[] = [];
  for (const method of methods) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      requests.push(`${this.name}.${method}`);
      return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
    });
  }
  return requests;
}

/** The names of the stores each read of full records touched: get, getAll. */
function watchReads(): string[] {
  const reads: string[] = [];
  for (const method of ['get', 'getAll'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: unknown[]) {
      reads.push(`${this.name}.${method}`);
      return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
    });
  }
  return reads;
}

function watchWriteTransactions(): string[][] {
  const writes: string[][] = [];
  const transaction = IDBDatabase.prototype.transaction;
  vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
    this: IDBDatabase,
    ...args: Parameters<IDBDatabase['transaction']>
  ) {
    if (args[1] === 'readwrite') writes.push(typeof args[0] === 'string' ? [args[0]] : [...args[0]]);
    return transaction.apply(this, args);
  });
  return writes;
}

describe('listSummaries', () => {
  it('lists the summary of every valid posting, newest saved first, in the order of listSaved', async () => {
    const db = await freshDb();
    await savePosting(db, sambaPosting(), JUNE_2);
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, storytellingPosting(), JUNE_3);
    // Re-saving the oldest does not move it: order is by savedAt, not updatedAt.
    await savePosting(db, musicUnderstandingPosting(), JUNE_4);
    // The same savedAt: by id.
    await savePosting(db, hourlyPosting({ id: 'lever:0000' }), JUNE_2);

    const listed = await listSummaries(db);

    expect(listed.map((s) => s.id)).toEqual([
      storytellingPosting().id,
      'lever:0000',
      sambaPosting().id,
      musicUnderstandingPosting().id,
    ]);
    expect(listed).toEqual((await listSaved(db)).map(summaryOf));
  });

  it('is empty for an empty database', async () => {
    const db = await freshDb();
    expect(await listSummaries(db)).toEqual([]);
  });

  it('reads no full record: only summaries, and the postings store by key', async () => {
    const db = await seeded();
    await db.delete(POSTINGS_STORE, CORRUPT.id);
    const reads = watchReads();
    expect(await listSummaries(db)).toHaveLength(3);
    expect(reads).toEqual([`${SUMMARIES_STORE}.getAll`]);
  });

  it('reports a corrupt posting and skips it, reading that one record, without rewriting anything', async () => {
    const db = await seeded();
    const reads = watchReads();
    const writes = watchWriteTransactions();
    const reported: InvalidRecord[] = [];

    const listed = await listSummaries(db, (r) => reported.push(r));
    await listSummaries(db, silent);

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
    expect(reported.map((r) => r.id)).toEqual([CORRUPT.id]);
    expect(reported[0]!.error).toBeTruthy();
    // The corrupt record is the only full record read, on each open; no repair is written.
    expect(reads.filter((r) => r.startsWith(POSTINGS_STORE))).toEqual([`${POSTINGS_STORE}.get`, `${POSTINGS_STORE}.get`]);
    expect(writes).toEqual([]);
    expect(await db.get(POSTINGS_STORE, CORRUPT.id)).toEqual(CORRUPT);
  });

  it('reports an invalid summary and skips it', async () => {
    const db = await seeded();
    const samba = (await getSaved(db, sambaPosting().id))!;
    await putSummaryDirectly(db, { ...summaryOf(samba), rating: 9 });
    const reported: InvalidRecord[] = [];

    const listed = await listSummaries(db, (r) => reported.push(r));

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, musicUnderstandingPosting().id]);
    expect(reported.map((r) => r.id).sort()).toEqual([CORRUPT.id, samba.id].sort());
    expect(reported.find((r) => r.id === samba.id)!.error).toMatch(/summary/);
    // The posting itself is untouched.
    expect(await getSaved(db, samba.id)).toEqual(samba);
  });

  it('logs invalid records by default', async () => {
    const db = await seeded();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await listSummaries(db)).toHaveLength(3);
    expect(warn).toHaveBeenCalledOnce();
  });

  it('heals a missing summary: lists the posting and writes its summary', async () => {
    const db = await seeded();
    await deleteSummaryDirectly(db, sambaPosting().id);
    // A posting written by a path that forgot its summary.
    const forgotten = savedFrom(hourlyPosting(), JUNE_4.toISOString(), { notes: 'written elsewhere' });
    await db.put(POSTINGS_STORE, forgotten);

    const listed = await listSummaries(db, silent);

    expect(listed).toEqual((await listSaved(db, silent)).map(summaryOf));
    expect(listed.map((s) => s.id)).toContain(forgotten.id);
    await expectSummariesInStep(db);
    // Healed once: the next open writes nothing.
    const writes = watchWriteTransactions();
    expect(await listSummaries(db, silent)).toEqual(listed);
    expect(writes).toEqual([]);
  });

  it('heals a summary whose posting is gone: not listed, and deleted', async () => {
    const db = await seeded();
    await db.delete(POSTINGS_STORE, sambaPosting().id);
    const never = savedFrom(hourlyPosting(), JUNE_4.toISOString());
    await putSummaryDirectly(db, summaryOf(never));

    const listed = await listSummaries(db, silent);

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, musicUnderstandingPosting().id]);
    expect(await summaryIn(db, sambaPosting().id)).toBeUndefined();
    expect(await summaryIn(db, never.id)).toBeUndefined();
    await expectSummariesInStep(db);
  });

  it('heals a database whose summaries store was emptied', async () => {
    const db = await seeded();
    await db.clear(SUMMARIES_STORE);
    const listed = await listSummaries(db, silent);
    expect(listed).toEqual((await listSaved(db, silent)).map(summaryOf));
    await expectSummariesInStep(db);
  });

  it('still lists everything when the repair cannot be written, and repairs on the next open', async () => {
    const db = await seeded();
    await deleteSummaryDirectly(db, sambaPosting().id);
    fillTheDisk();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);

    const listed = await listSummaries(db, silent);

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
    expect(error).toHaveBeenCalledOnce();
    expect(await summaryIn(db, sambaPosting().id)).toBeUndefined();

    vi.restoreAllMocks();
    expect(await listSummaries(db, silent)).toEqual(listed);
    await expectSummariesInStep(db);
  });

});

describe('listSummaries heals chunks another path left wrong', () => {
  /** A chunk other than `id`'s own. */
  function wrongChunkOf(id: string): number {
    return (chunkOf(id) + 1) % SUMMARY_CHUNKS;
  }

  it('a summary in the wrong chunk is an orphan: listed once, from its posting, and moved into its own chunk', async () => {
    const db = await seeded();
    const samba = (await getSaved(db, sambaPosting().id))!;
    await deleteSummaryDirectly(db, samba.id);
    await putSummaryDirectly(db, { ...summaryOf(samba), notes: 'stale copy' }, wrongChunkOf(samba.id));

    const listed = await listSummaries(db, silent);

    expect(listed).toEqual((await listSaved(db, silent)).map(summaryOf));
    expect(listed.find((s) => s.id === samba.id)).toEqual(summaryOf(samba));
    expect(await summaryIn(db, samba.id)).toEqual(summaryOf(samba));
    await expectSummariesInStep(db);
  });

  it('a summary both in its own chunk and in another: listed once, the stray copy removed', async () => {
    const db = await seeded();
    const samba = (await getSaved(db, sambaPosting().id))!;
    await putSummaryDirectly(db, summaryOf(samba), wrongChunkOf(samba.id));

    const listed = await listSummaries(db, silent);

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
    await expectSummariesInStep(db);
  });

  it('an id twice in its own chunk: listed once, kept once', async () => {
    const db = await seeded();
    const samba = (await getSaved(db, sambaPosting().id))!;
    const chunk = chunkOf(samba.id);
    await db.put(SUMMARIES_STORE, { summaries: [...(await chunkEntries(db, chunk))!, summaryOf(samba)] }, chunk);

    const listed = await listSummaries(db, silent);

    expect(listed.filter((s) => s.id === samba.id)).toHaveLength(1);
    await expectSummariesInStep(db);
  });

  it('a chunk that is not { summaries: [...] }: reported once, its postings listed from their records, and rebuilt', async () => {
    const db = await seeded();
    const chunk = chunkOf(sambaPosting().id);
    await db.put(SUMMARIES_STORE, { summaries: 'garbled' }, chunk);
    const reported: InvalidRecord[] = [];

    const listed = await listSummaries(db, (r) => reported.push(r));

    expect(listed).toEqual((await listSaved(db, silent)).map(summaryOf));
    const chunkReports = reported.filter((r) => r.id === chunk);
    expect(chunkReports).toHaveLength(1);
    expect(chunkReports[0]!.error).toMatch(/^summary/);
    await expectSummariesInStep(db);
    // Rebuilt: the next open reports only the corrupt posting, and writes nothing.
    const writes = watchWriteTransactions();
    const again: InvalidRecord[] = [];
    expect(await listSummaries(db, (r) => again.push(r))).toEqual(listed);
    expect(again.map((r) => r.id)).toEqual([CORRUPT.id]);
    expect(writes).toEqual([]);
  });

  it('a record under a key that is no chunk number, and an entry without an id: not listed, and removed', async () => {
    const db = await seeded();
    const never = savedFrom(hourlyPosting(), JUNE_4.toISOString());
    await db.put(SUMMARIES_STORE, { summaries: [summaryOf(never)] }, SUMMARY_CHUNKS + 7);
    const chunk = chunkOf(sambaPosting().id);
    await db.put(SUMMARIES_STORE, { summaries: [...(await chunkEntries(db, chunk))!, { title: 'no id' }] }, chunk);

    const listed = await listSummaries(db, silent);

    expect(listed.map((s) => s.id)).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
    expect(await db.get(SUMMARIES_STORE, SUMMARY_CHUNKS + 7)).toBeUndefined();
    await expectSummariesInStep(db);
  });

  it('the repair reads and rewrites only the chunks concerned', async () => {
    const db = await freshDb();
    const ids = sameChunkIds(6, 3);
    for (const id of ids) await savePosting(db, hourlyPosting({ id }), JUNE_1);
    const [first, second] = [ids[0]!, ids[3]!];
    await deleteSummaryDirectly(db, first);
    const gone = savedFrom(hourlyPosting({ id: ids[4]! }), JUNE_1.toISOString());
    await db.delete(POSTINGS_STORE, gone.id);
    const requests = watchRequests(['get', 'put', 'delete']);

    await listSummaries(db, silent);

    const chunkRequests = requests.filter((r) => r.startsWith(`${SUMMARIES_STORE}.`));
    expect(chunkRequests.sort()).toEqual([
      `${SUMMARIES_STORE}.get`,
      `${SUMMARIES_STORE}.get`,
      `${SUMMARIES_STORE}.put`,
      `${SUMMARIES_STORE}.put`,
    ]);
    // The posting with no summary is read (once to list, once to repair); no other full record.
    expect(requests.filter((r) => r === `${POSTINGS_STORE}.get`)).toHaveLength(2);
    vi.restoreAllMocks();
    expect(chunkOf(first)).not.toBe(chunkOf(second));
    await expectSummariesInStep(db);
  });
});

describe('newestSummaries', () => {
  it('gives the newest `count` summaries, newest first, with any saved at the same moment as the last', async () => {
    const db = await seeded();
    await savePosting(db, hourlyPosting({ id: 'lever:tie-b' }), JUNE_3);
    await savePosting(db, hourlyPosting({ id: 'lever:tie-a' }), JUNE_3);
    await savePosting(db, hourlyPosting({ id: 'lever:newest' }), JUNE_4);

    const two = await newestSummaries(db, 2);
    // The second is one of the three saved on 3 June: all three come, the same savedAt by id.
    expect(two.map((s) => s.id)).toEqual(['lever:newest', storytellingPosting().id, 'lever:tie-a', 'lever:tie-b']);
    expect(two).toEqual((await listSummaries(db, silent)).slice(0, 4));

    const one = await newestSummaries(db, 1);
    expect(one.map((s) => s.id)).toEqual(['lever:newest']);

    const all = await newestSummaries(db, 50);
    expect(all).toEqual(await listSummaries(db, silent));
    expect(await newestSummaries(db, 0)).toEqual([]);
  });

  it('reads them in one request where the browser has getAllRecords, and with a cursor where it has not', async () => {
    const db = await seeded();
    await savePosting(db, hourlyPosting({ id: 'lever:tie-b' }), JUNE_3);
    await savePosting(db, hourlyPosting({ id: 'lever:tie-a' }), JUNE_3);
    await savePosting(db, hourlyPosting({ id: 'lever:newest' }), JUNE_4);
    const cursor = vi.spyOn(IDBIndex.prototype, 'openCursor');
    const oneRequest = await newestSummaries(db, 2);
    expect(cursor).not.toHaveBeenCalled();

    const getAllRecords = Object.getOwnPropertyDescriptor(IDBIndex.prototype, 'getAllRecords');
    expect(getAllRecords).toBeDefined();
    delete (IDBIndex.prototype as Partial<{ getAllRecords: unknown }>).getAllRecords;
    try {
      for (const count of [0, 1, 2, 50]) expect(await newestSummaries(db, count), `count ${count}`).toEqual(await withGetAllRecords(count));
      expect(cursor).toHaveBeenCalled();
      expect(await newestSummaries(db, 2)).toEqual(oneRequest);
    } finally {
      Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords!);
    }

    async function withGetAllRecords(count: number) {
      Object.defineProperty(IDBIndex.prototype, 'getAllRecords', getAllRecords!);
      try {
        return await newestSummaries(db, count);
      } finally {
        delete (IDBIndex.prototype as Partial<{ getAllRecords: unknown }>).getAllRecords;
      }
    }
  });

  it('skips invalid records silently, and counts nothing (a count is a read of the whole store)', async () => {
    const db = await seeded();
    // CORRUPT's savedAt ('yesterday') sorts after every ISO date: the newest by the index.
    const reported = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const counted = vi.spyOn(IDBObjectStore.prototype, 'count');
    const first = await newestSummaries(db, 2);
    expect(counted).not.toHaveBeenCalled();
    expect(first.map((s) => s.id)).toEqual([storytellingPosting().id, sambaPosting().id]);
    expect(reported).not.toHaveBeenCalled();
  });

  it('is empty for an empty database', async () => {
    const db = await freshDb();
    expect(await newestSummaries(db, 50)).toEqual([]);
  });

  it('reads no summaries chunk: the postings store only', async () => {
    const db = await seeded();
    const stores: string[][] = [];
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      stores.push(typeof args[0] === 'string' ? [args[0]] : [...args[0]]);
      return transaction.apply(this, args);
    });
    const first = await newestSummaries(db, 2);
    expect(stores).toEqual([[POSTINGS_STORE]]);
    vi.restoreAllMocks();
    // And so it does not depend on them.
    await db.clear(SUMMARIES_STORE);
    expect(await newestSummaries(db, 2)).toEqual(first);
  });
});

describe('getSavedMany', () => {
  it('returns the full records for the ids, in the order given, each once; unknown ids are skipped', async () => {
    const db = await seeded();
    const music = (await getSaved(db, musicUnderstandingPosting().id))!;
    const samba = (await getSaved(db, sambaPosting().id))!;
    const story = (await getSaved(db, storytellingPosting().id))!;
    const got = await getSavedMany(db, [samba.id, 'lever:nothing', story.id, music.id, samba.id]);
    expect(got).toEqual([samba, story, music]);
    expect(await getSavedMany(db, [])).toEqual([]);
  });

  it('reports and skips an invalid record', async () => {
    const db = await seeded();
    const reported: InvalidRecord[] = [];
    const got = await getSavedMany(db, [CORRUPT.id, sambaPosting().id], (r) => reported.push(r));
    expect(got.map((p) => p.id)).toEqual([sambaPosting().id]);
    expect(reported.map((r) => r.id)).toEqual([CORRUPT.id]);
    expect(await db.get(POSTINGS_STORE, CORRUPT.id)).toEqual(CORRUPT);
  });
});
