import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../src/io/import-json.ts';
import { EXPORT_FORMAT, type SavedPosting } from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import {
  STORAGE_FULL_MESSAGE,
  StorageFullError,
  exportPostingParts,
  getSaved,
  importExport,
  listSaved,
  markClosed,
  restoreSaved,
  savePosting,
  updateSaved,
} from '../../src/store/repository.ts';
import {
  HOSTILE_TITLE,
  hourlyPosting,
  musicUnderstandingPosting,
  sambaPosting,
  savedFrom,
  savedV1From,
  storytellingPosting,
  withoutEdits,
} from '../helpers/postings.ts';
import { fillTheDisk } from '../helpers/full-disk.ts';

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

const JUNE_1 = '2026-06-01T10:00:00.000Z';
const JUNE_2 = '2026-06-02T10:00:00.000Z';
const JUNE_3 = '2026-06-03T10:00:00.000Z';
/** A revisit: later than the helpers' postings were read (parsedAt 6 June). */
const JUNE_7 = '2026-06-07T10:00:00.000Z';

function exportText(postings: unknown[], version = 3): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version, exportedAt: JUNE_3, postings });
}

/** Every record exactly as stored, by id. */
async function snapshot(db: JobLensDB): Promise<unknown[]> {
  return db.getAll(POSTINGS_STORE);
}

function noted(notes: string, at: string): Partial<SavedPosting> {
  return { notes, edits: { at: { notes: at }, tags: {} } };
}

describe('importExport: merging by id, field by field', () => {
  it('adds new postings, takes newer edits, keeps ours where newer, and counts each kind', async () => {
    const db = await freshDb();
    const musicStored = savedFrom(musicUnderstandingPosting(), JUNE_1, { updatedAt: JUNE_1, ...noted('stored', JUNE_1) });
    const sambaStored = savedFrom(sambaPosting(), JUNE_1, { updatedAt: JUNE_2, ...noted('stored, newer', JUNE_2) });
    const hourlyStored = savedFrom(hourlyPosting(), JUNE_1, { updatedAt: JUNE_2, ...noted('same time', JUNE_2) });
    for (const record of [musicStored, sambaStored, hourlyStored]) await restoreSaved(db, record);

    // The file's music is ours edited further: a newer note and a new status.
    const musicNewer = {
      ...musicStored,
      updatedAt: JUNE_3,
      ...noted('from the file, newer', JUNE_3),
      status: 'offer' as const,
      statusHistory: [...musicStored.statusHistory, { status: 'offer' as const, at: JUNE_3 }],
    };
    // The file's samba has an older note but a tag ours lacks.
    const sambaOlder = {
      ...sambaStored,
      updatedAt: JUNE_3,
      notes: 'from the file, older',
      tags: ['remote'],
      edits: { at: { notes: JUNE_1 }, tags: { remote: { at: JUNE_3, removed: false } } },
    };
    const story = savedFrom(storytellingPosting(), JUNE_2, { tags: ['new'] });

    const result = await importExport(db, exportText([musicNewer, sambaOlder, hourlyStored, story]));

    expect(result).toEqual({
      added: 1,
      merged: 1,
      replaced: 1,
      unchanged: 1,
      overwritten: [{ id: musicStored.id, title: musicStored.title, fields: ['notes'] }],
    });
    expect(await getSaved(db, musicStored.id)).toEqual(musicNewer);
    expect(await getSaved(db, sambaStored.id)).toMatchObject({ notes: 'stored, newer', tags: ['remote'], updatedAt: JUNE_3 });
    expect(await getSaved(db, hourlyStored.id)).toEqual(hourlyStored);
    expect(await getSaved(db, story.id)).toEqual(story);
  });

  it("the issue's case: B adds a note, A only revisits, A imports B's export and keeps the note; and the other way", async () => {
    const a = await freshDb();
    const b = await freshDb();
    // Both profiles hold the same saved posting (one exported to the other long ago).
    await savePosting(a, musicUnderstandingPosting(), new Date(JUNE_1));
    await importExport(b, (await exportPostingParts(a, undefined, new Date(JUNE_1))).join(''));
    await updateSaved(b, musicUnderstandingPosting().id, { notes: 'Ask about the in-person meetings.' }, new Date(JUNE_2));
    // A revisits the page: a newer read, updatedAt moved, no edit.
    await savePosting(a, musicUnderstandingPosting({ parsedAt: JUNE_7 }), new Date(JUNE_7));
    const fromA = (await exportPostingParts(a, undefined, new Date(JUNE_3))).join('');
    const fromB = (await exportPostingParts(b, undefined, new Date(JUNE_3))).join('');

    const intoA = await importExport(a, fromB);
    const intoB = await importExport(b, fromA);

    // Neither profile set any settings: the files carry none to merge.
    const noSettings = { exchangeRates: 'none', sitesToOffer: [] };
    expect(intoA).toEqual({ added: 0, merged: 1, replaced: 0, unchanged: 0, overwritten: [], settings: noSettings });
    expect(intoB).toEqual({ added: 0, merged: 1, replaced: 0, unchanged: 0, overwritten: [], settings: noSettings });
    for (const db of [a, b]) {
      const saved = await getSaved(db, musicUnderstandingPosting().id);
      expect(saved).toMatchObject({ notes: 'Ask about the in-person meetings.', parsedAt: JUNE_7 });
    }
    // Both profiles now hold the same record, and a second exchange changes nothing.
    const again = await importExport(a, (await exportPostingParts(b, undefined, new Date(JUNE_3))).join(''));
    expect(again).toMatchObject({ merged: 0, replaced: 0, unchanged: 1 });
  });

  it('leaves a stored record that does not validate, rather than lose what is in it', async () => {
    const db = await freshDb();
    const music = savedFrom(musicUnderstandingPosting(), JUNE_1);
    await db.put(POSTINGS_STORE, { id: music.id, notes: 'only copy of these notes' });
    expect(await importExport(db, exportText([music]))).toEqual({ added: 0, merged: 0, replaced: 0, unchanged: 1, overwritten: [] });
    expect(await db.get(POSTINGS_STORE, music.id)).toEqual({ id: music.id, notes: 'only copy of these notes' });
  });

  it('imports a version 1 export, migrated', async () => {
    const db = await freshDb();
    const v1 = savedV1From(sambaPosting(), JUNE_1, { status: 'applied', notes: 'from JobLens 1', tags: ['ml'] });
    expect(await importExport(db, exportText([v1], 1))).toEqual({ added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] });
    expect(await getSaved(db, v1.id)).toEqual({
      ...v1,
      statusHistory: [{ status: 'applied', at: JUNE_1 }],
      rating: null,
      corrections: {},
      changes: [],
      closedAt: null,
      edits: { at: { notes: JUNE_1 }, tags: { ml: { at: JUNE_1, removed: false } } },
    });
  });

  it('merges a version 2 export (no edit times) into an upgraded profile without losing its note', async () => {
    const db = await freshDb();
    // Ours: saved, never annotated, revisited on the 3rd (so updatedAt is the newest).
    await savePosting(db, musicUnderstandingPosting(), new Date(JUNE_1));
    await savePosting(db, musicUnderstandingPosting({ parsedAt: JUNE_7 }), new Date(JUNE_7));
    // The file, written by the previous version: a note and a tag added on the 2nd.
    const v2 = withoutEdits(savedFrom(musicUnderstandingPosting(), JUNE_1, { updatedAt: JUNE_2, notes: 'Written in B', tags: ['ml'] }));

    expect(await importExport(db, exportText([v2], 2))).toMatchObject({ merged: 1, overwritten: [] });
    expect(await getSaved(db, v2.id)).toMatchObject({ notes: 'Written in B', tags: ['ml'], parsedAt: JUNE_7 });
  });
});

describe('importExport: nothing is written unless the whole file is valid', () => {
  const bad: [string, (valid: unknown[]) => string, RegExp][] = [
    ['not JSON', () => 'not json', /^This file is not JSON/],
    ['not an export', (valid) => JSON.stringify({ postings: valid }), /not a JobLens export/],
    [
      'a newer version',
      (valid) => JSON.stringify({ format: EXPORT_FORMAT, version: 5, exportedAt: JUNE_3, postings: valid }),
      /version 5; this JobLens reads versions 1–4/,
    ],
    [
      'one invalid record among valid ones',
      (valid) => exportText([...valid, { ...(valid[0] as object), id: 'lever:bad', rating: 0 }]),
      /Record 3 \(lever:bad\): rating: must be at least 1, received 0/,
    ],
    [
      'the same id twice',
      (valid) => exportText([...valid, valid[0]]),
      /Record 3 \(lever:[^)]+\): id: the same id as record 1/,
    ],
  ];

  it.each(bad)('%s', async (_label, makeText, message) => {
    const db = await freshDb();
    const { saved: stored } = await savePosting(db, musicUnderstandingPosting(), new Date(JUNE_1));
    const before = await snapshot(db);
    const valid = [
      { ...stored, updatedAt: JUNE_3, notes: 'would update', edits: { at: { notes: JUNE_3 }, tags: {} } },
      savedFrom(sambaPosting(), JUNE_2),
    ];

    const attempt = importExport(db, makeText(valid));

    await expect(attempt).rejects.toThrow(ImportError);
    await expect(attempt).rejects.toThrow(message);
    expect(await snapshot(db)).toEqual(before);
  });

  it('a full disk (the transaction aborts at commit) leaves the stored data as it was', async () => {
    const db = await freshDb();
    const { saved: stored } = await savePosting(db, musicUnderstandingPosting(), new Date(JUNE_1));
    const before = await snapshot(db);
    const text = exportText([
      savedFrom(sambaPosting(), JUNE_2),
      { ...stored, updatedAt: JUNE_3, notes: 'would update', edits: { at: { notes: JUNE_3 }, tags: {} } },
      savedFrom(storytellingPosting(), JUNE_2),
    ]);
    const disk = fillTheDisk();

    const attempt = importExport(db, text);

    await expect(attempt).rejects.toThrow(StorageFullError);
    await expect(attempt).rejects.toThrow(STORAGE_FULL_MESSAGE);
    expect(disk.aborted).toBe(1);
    vi.restoreAllMocks();
    expect(await snapshot(db)).toEqual(before);
  });

});

describe('export then import into an empty profile', () => {
  it('gives back the same data, field for field', async () => {
    const source = await freshDb();
    await savePosting(source, musicUnderstandingPosting(), new Date(JUNE_1));
    await savePosting(source, sambaPosting(), new Date(JUNE_1));
    await savePosting(source, storytellingPosting({ title: HOSTILE_TITLE }), new Date(JUNE_2));
    await savePosting(source, hourlyPosting(), new Date(JUNE_2));
    // The user's part, in every shape it takes.
    await updateSaved(source, musicUnderstandingPosting().id, {
      status: 'applied',
      notes: 'Referral from Ana — “ask about NY”.\nSecond line, with "quotes", commas.',
      tags: ['ml', 'nyc'],
      rating: 5,
      corrections: { remotePolicy: 'hybrid', location: 'Brooklyn, NY', yearsMin: 5, yearsMax: 8 },
    }, new Date(JUNE_2));
    await updateSaved(source, musicUnderstandingPosting().id, { status: 'interviewing' }, new Date(JUNE_3));
    await updateSaved(source, hourlyPosting().id, {
      corrections: { salary: { min: 30.5, max: 45, currency: 'USD', period: 'hour' }, location: null },
      rating: 1,
    }, new Date(JUNE_2));
    await savePosting(source, sambaPosting({ title: 'Senior ML Engineer, Samba', salary: null, salaries: [] }), new Date(JUNE_3));
    await markClosed(source, sambaPosting().id, true, new Date(JUNE_3));
    const original = await listSaved(source);
    expect(original.find((p) => p.id === sambaPosting().id)?.changes).toHaveLength(2);

    const text = (await exportPostingParts(source, undefined, new Date(JUNE_3))).join('');
    const target = await freshDb();
    const result = await importExport(target, text);

    expect(result).toEqual({ added: 4, merged: 0, replaced: 0, unchanged: 0, overwritten: [], settings: { exchangeRates: 'none', sitesToOffer: [] } });
    expect(await listSaved(target)).toStrictEqual(original);
    const byId = (records: unknown[]) =>
      [...records].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    expect(byId(await snapshot(target))).toStrictEqual(byId(await snapshot(source)));
    // Importing the same file again changes nothing.
    expect(await importExport(target, text)).toEqual({ added: 0, merged: 0, replaced: 0, unchanged: 4, overwritten: [], settings: { exchangeRates: 'none', sitesToOffer: [] } });
  });
});
