import { openDB, type IDBPDatabase } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SavedPosting, summaryOf } from '../../src/model/index.ts';
import { DB_VERSION, openJobLensDB } from '../../src/store/db.ts';
import { getSaved, getSettings, importExport, listSaved, listSummaries, savePosting } from '../../src/store/repository.ts';
import {
  POSTINGS_STORE,
  SAVED_AT_INDEX,
  SETTINGS_STORE,
  STATUS_INDEX,
  SUMMARIES_STORE,
  UPDATED_AT_INDEX,
  addAnnotations,
  addEditTimes,
  addSummaryChunks,
  createPostingsStore,
  withV2Fields,
  upgrades,
  runUpgrades,
  type UpgradeDatabase,
  type UpgradeStep,
  type UpgradeTransaction,
} from '../../src/store/upgrades.ts';
import {
  hourlyPosting,
  musicUnderstandingPosting,
  sambaPosting,
  savedFrom,
  savedV1From,
  storytellingPosting,
  withoutEdits,
  type SavedPostingV1,
  type SavedPostingV2,
} from '../helpers/postings.ts';
import { SUMMARY_CHUNKS, byChunk, chunkOf, withSummaries } from '../../src/store/summary-chunks.ts';
import { allSummaries, expectSummariesInStep, summaryIn } from './summaries-in-step.ts';

const open: IDBPDatabase<unknown>[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
});

function freshName(): string {
  return `joblens-test-${crypto.randomUUID()}`;
}

/** Opens `name` at `version`, running only `step` in the upgrade: a step's test in isolation. */
async function openWithStep(name: string, version: number, step: UpgradeStep): Promise<IDBPDatabase<unknown>> {
  const db = await openDB(name, version, {
    upgrade(database, _old, _new, tx) {
      void step(database as UpgradeDatabase, tx as unknown as UpgradeTransaction);
    },
  });
  open.push(db);
  return db;
}

describe('upgrade steps', () => {
  describe('upgrades[0]: v0 -> v1, createPostingsStore', () => {
    it('creates the postings store keyed by id, with a savedAt index', async () => {
      // v0 is "no database": nothing to seed.
      const db = await openWithStep(freshName(), 1, createPostingsStore);
      expect([...db.objectStoreNames]).toEqual([POSTINGS_STORE]);
      const store = db.transaction(POSTINGS_STORE).objectStore(POSTINGS_STORE);
      expect(store.keyPath).toBe('id');
      expect([...store.indexNames]).toEqual([SAVED_AT_INDEX]);
      expect(store.index(SAVED_AT_INDEX).keyPath).toBe('savedAt');
      expect(store.index(SAVED_AT_INDEX).unique).toBe(false);
    });

    it('stores a saved posting under its id and orders the index by savedAt', async () => {
      const db = await openWithStep(freshName(), 1, createPostingsStore);
      const older = savedFrom(musicUnderstandingPosting({ id: 'lever:a' }), '2026-06-01T10:00:00.000Z');
      const newer = savedFrom(musicUnderstandingPosting({ id: 'lever:b' }), '2026-06-02T10:00:00.000Z');
      await db.put(POSTINGS_STORE, newer);
      await db.put(POSTINGS_STORE, older);
      expect(await db.get(POSTINGS_STORE, 'lever:a')).toEqual(older);
      const byDate = (await db.getAllFromIndex(POSTINGS_STORE, SAVED_AT_INDEX)) as { id: string }[];
      expect(byDate.map((r) => r.id)).toEqual(['lever:a', 'lever:b']);
    });
  });
});

/** What a user of JobLens 1 had saved: the four seed postings at different stages, with notes and tags. */
function v1Records(): SavedPostingV1[] {
  return [
    savedV1From(musicUnderstandingPosting(), '2026-05-20T09:15:00.000Z', {
      updatedAt: '2026-05-28T17:40:00.000Z',
      notes: 'Referred by Ana. Ask whether NY hybrid means 2 or 3 days.',
      tags: ['ml', 'nyc', 'referral'],
      status: 'applied',
    }),
    savedV1From(sambaPosting(), '2026-05-22T12:00:00.000Z', { tags: ['ml', 'remote'] }),
    savedV1From(storytellingPosting(), '2026-05-25T08:30:00.000Z', {
      updatedAt: '2026-06-01T11:00:00.000Z',
      notes: 'Recruiter call on 3 June — “audio discovery”, LLM fine-tuning.',
      status: 'interviewing',
    }),
    savedV1From(hourlyPosting(), '2026-06-01T19:05:00.000Z', { status: 'archived', notes: 'Pay too low.' }),
  ];
}

/** A v1 database as JobLens 1 left it: created by step 0 only, holding `records`. */
async function seedV1(name: string, records: readonly unknown[]): Promise<void> {
  const v1 = await openWithStep(name, 1, createPostingsStore);
  for (const record of records) await v1.put(POSTINGS_STORE, record);
  v1.close();
  open.splice(open.indexOf(v1), 1);
}

function expectedV2(record: SavedPostingV1): SavedPostingV2 {
  return {
    ...record,
    statusHistory: [{ status: record.status, at: record.savedAt }],
    rating: null,
    corrections: {},
    changes: [],
    closedAt: null,
  };
}

/** Stored before the upgrade and unreadable already: the upgrade must keep it, not drop it. */
const CORRUPT_V1 = { id: 'lever:corrupt', title: 7, savedAt: 'yesterday', notes: 'still mine' };

describe('upgrades[1]: v1 -> v2, addAnnotations', () => {
  it('fills the new fields on every saved posting and loses nothing', async () => {
    const name = freshName();
    const before = v1Records();
    await seedV1(name, [...before, CORRUPT_V1]);

    const db = await openWithStep(name, 2, addAnnotations);

    expect(await db.count(POSTINGS_STORE)).toBe(before.length + 1);
    for (const record of before) {
      const stored = await db.get(POSTINGS_STORE, record.id);
      // Every v1 field as it was, and the new ones filled.
      expect(stored).toEqual(expectedV2(record));
      // Valid as today's shape but for the edit times, which step 4 adds.
      expect(SavedPosting.safeParse({ ...(stored as object), edits: { at: {}, tags: {} } }).success, record.id).toBe(true);
    }
    expect(await db.get(POSTINGS_STORE, CORRUPT_V1.id)).toEqual({
      ...CORRUPT_V1,
      statusHistory: [],
      rating: null,
      corrections: {},
      changes: [],
      closedAt: null,
    });
  });

  it('adds the updatedAt and status indexes and an empty settings store', async () => {
    const name = freshName();
    await seedV1(name, v1Records());
    const db = await openWithStep(name, 2, addAnnotations);

    expect([...db.objectStoreNames].sort()).toEqual([POSTINGS_STORE, SETTINGS_STORE].sort());
    const store = db.transaction(POSTINGS_STORE).objectStore(POSTINGS_STORE);
    expect([...store.indexNames].sort()).toEqual([SAVED_AT_INDEX, STATUS_INDEX, UPDATED_AT_INDEX].sort());
    expect(store.index(UPDATED_AT_INDEX).keyPath).toBe('updatedAt');
    expect(store.index(STATUS_INDEX).keyPath).toBe('status');
    // The indexes cover the records that were there before the step.
    const applied = (await db.getAllFromIndex(POSTINGS_STORE, STATUS_INDEX, 'applied')) as { id: string }[];
    expect(applied.map((r) => r.id)).toEqual([musicUnderstandingPosting().id]);
    const byUpdate = (await db.getAllFromIndex(POSTINGS_STORE, UPDATED_AT_INDEX)) as { id: string }[];
    expect(byUpdate.map((r) => r.id)).toEqual([
      sambaPosting().id,
      musicUnderstandingPosting().id,
      storytellingPosting().id,
      hourlyPosting().id,
    ]);
    expect(await db.count(SETTINGS_STORE)).toBe(0);
  });

  it('openJobLensDB upgrades a v1 database in place: the repository reads every posting back', async () => {
    const name = freshName();
    const before = v1Records();
    await seedV1(name, before);

    const db = await openJobLensDB(name);
    open.push(db as unknown as IDBPDatabase<unknown>);

    expect(db.version).toBe(DB_VERSION);
    const listed = await listSaved(db);
    expect(listed.map((p) => p.id).sort()).toEqual(before.map((r) => r.id).sort());
    for (const record of before) expect(withoutEdits(listed.find((p) => p.id === record.id)!)).toEqual(expectedV2(record));
    expect(await listSummaries(db)).toEqual(listed.map(summaryOf));
    expect(await getSettings(db)).toEqual({ exchangeRates: null });
    // And an upgraded record takes a re-save like any other: the user's part stays.
    const { saved } = await savePosting(db, musicUnderstandingPosting(), new Date('2026-06-05T10:00:00.000Z'));
    expect(saved).toMatchObject({ status: 'applied', tags: ['ml', 'nyc', 'referral'], savedAt: before[0]!.savedAt });
  });
});

/** A v2 database as JobLens 2 left it: created by steps 0 and 1, holding `records`. */
async function seedV2(name: string, records: readonly unknown[]): Promise<void> {
  const v2 = await openDB(name, 2, {
    upgrade(database, oldVersion, newVersion, tx) {
      void runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 2);
    },
  });
  for (const record of records) await v2.put(POSTINGS_STORE, record);
  v2.close();
}

/**
 * What a user of JobLens 2 had saved: postings at different stages, one rated and corrected,
 * one closed, one stating only on-target earnings (its summary's pay is that range).
 */
function v2Records(): SavedPostingV2[] {
  const hourly = hourlyPosting();
  const oteOnly = { ...hourly.salaries[0]!, kind: 'ote' as const };
  return [
    savedFrom(musicUnderstandingPosting(), '2026-05-20T09:15:00.000Z', {
      updatedAt: '2026-06-02T17:40:00.000Z',
      notes: 'Referred by Ana.',
      tags: ['ml', 'nyc'],
      status: 'applied',
      statusHistory: [
        { status: 'saved', at: '2026-05-20T09:15:00.000Z' },
        { status: 'applied', at: '2026-05-28T17:40:00.000Z' },
      ],
      rating: 4,
      corrections: { remotePolicy: 'remote', correctedAt: '2026-06-01T10:00:00.000Z' },
      changes: [{ field: 'title', before: 'ML Engineer', after: 'Senior ML Engineer', at: '2026-06-02T17:40:00.000Z' }],
    }),
    savedFrom(sambaPosting(), '2026-05-22T12:00:00.000Z', { tags: ['remote'], closedAt: '2026-06-03T08:00:00.000Z' }),
    savedFrom(storytellingPosting(), '2026-05-25T08:30:00.000Z', { status: 'interviewing' }),
    savedFrom(hourlyPosting({ salary: null, salaries: [oteOnly] }), '2026-06-01T19:05:00.000Z'),
  ].map(withoutEdits);
}

/** The summary of a record of before edit times: SavedSummary has none, so it is the same. */
function summaryOfV2(record: SavedPostingV2) {
  return summaryOf({ ...record, edits: { at: {}, tags: {} } });
}

/** Stored before the upgrade and unreadable already: it gets no summary, and must be kept as it is. */
const CORRUPT_V2 = { ...CORRUPT_V1, statusHistory: [], rating: null, corrections: {}, changes: [], closedAt: null };
/** The same after step 4: edit times added, none known (it has no updatedAt to give them). */
const CORRUPT_V4 = { ...CORRUPT_V2, edits: { at: {}, tags: {} } };
/** A record that validated once and lost a field: no summary either. */
function halfCorruptV2(): unknown {
  const { description: _gone, ...rest } = savedFrom(sambaPosting({ id: 'lever:half' }), '2026-05-23T12:00:00.000Z');
  return rest;
}

function byId<T extends { id: unknown }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}

describe('upgrades[2]: v2 -> v3, addSummaryChunks', () => {
  it('writes exactly the summary of every valid saved posting, and keeps every posting as it was', async () => {
    const name = freshName();
    const valid = v2Records();
    const half = halfCorruptV2();
    await seedV2(name, [...valid, CORRUPT_V2, half]);

    const db = await openWithStep(name, 3, addSummaryChunks);

    // Nothing lost or changed in postings, the corrupt records included.
    const seeded = [...valid, CORRUPT_V2, half] as { id: string }[];
    expect(byId((await db.getAll(POSTINGS_STORE)) as { id: string }[])).toEqual(byId(seeded));
    // One summary per valid posting, in its chunk, and none for the corrupt ones.
    expect(await allSummaries(db)).toEqual(byId(valid).map(summaryOfV2));
    expect(await summaryIn(db, CORRUPT_V2.id)).toBeUndefined();
    expect(await summaryIn(db, 'lever:half')).toBeUndefined();
    await expectSummariesInStep(db);
    // The on-target-only posting's summary shows that range, as its full record would.
    const hourly = (await summaryIn(db, hourlyPosting().id)) as { salary: { kind?: string } | null };
    expect(hourly.salary).toMatchObject({ kind: 'ote', min: hourlyPosting().salaries[0]!.min });
  });

  it('creates the summaries store with out-of-line keys and no index, and leaves the settings store alone', async () => {
    const name = freshName();
    await seedV2(name, v2Records());
    const db = await openWithStep(name, 3, addSummaryChunks);

    expect([...db.objectStoreNames].sort()).toEqual([POSTINGS_STORE, SETTINGS_STORE, SUMMARIES_STORE].sort());
    const store = db.transaction(SUMMARIES_STORE).objectStore(SUMMARIES_STORE);
    expect(store.keyPath).toBeNull();
    expect(store.autoIncrement).toBe(false);
    expect([...store.indexNames]).toEqual([]);
    // Chunk numbers as keys, each the chunk of the ids it holds.
    const keys = await db.getAllKeys(SUMMARIES_STORE);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(Number.isInteger(key) && (key as number) < SUMMARY_CHUNKS).toBe(true);
    expect(await db.count(SETTINGS_STORE)).toBe(0);
  });

  it('deletes the postings store\'s unused updatedAt and status indexes, and keeps savedAt with every record in it', async () => {
    const name = freshName();
    await seedV2(name, [...v2Records(), CORRUPT_V2]);
    const db = await openWithStep(name, 3, addSummaryChunks);

    const postings = db.transaction(POSTINGS_STORE).objectStore(POSTINGS_STORE);
    expect([...postings.indexNames]).toEqual([SAVED_AT_INDEX]);
    expect(postings.index(SAVED_AT_INDEX).keyPath).toBe('savedAt');
    const bySaved = (await db.getAllFromIndex(POSTINGS_STORE, SAVED_AT_INDEX)) as { id: string }[];
    expect(bySaved.map((s) => s.id)).toEqual([
      musicUnderstandingPosting().id,
      sambaPosting().id,
      storytellingPosting().id,
      hourlyPosting().id,
      // 'yesterday' sorts after the ISO dates: the index holds what the record holds.
      CORRUPT_V2.id,
    ]);
    // An index is not user data: every record is still there.
    expect(await db.count(POSTINGS_STORE)).toBe(5);
  });

  it('puts each non-empty chunk once', async () => {
    const name = freshName();
    const records = Array.from({ length: 300 }, (_, i) =>
      savedFrom(sambaPosting({ id: `lever:${crypto.randomUUID()}` }), new Date(Date.UTC(2026, 4, 1, 0, i)).toISOString()),
    );
    await seedV2(name, records);
    const put = IDBObjectStore.prototype.put;
    const chunkPuts: unknown[] = [];
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === SUMMARIES_STORE) chunkPuts.push(args[1]);
      return put.apply(this, args);
    });

    const db = await openWithStep(name, 3, addSummaryChunks);

    const chunks = new Set(records.map((r) => chunkOf(r.id)));
    expect(chunkPuts).toHaveLength(chunks.size);
    expect(new Set(chunkPuts)).toEqual(chunks);
    vi.restoreAllMocks();
    await expectSummariesInStep(db);
  });

  it('upgrades an empty v2 database', async () => {
    const name = freshName();
    await seedV2(name, []);
    const db = await openWithStep(name, 3, addSummaryChunks);
    expect(await db.count(SUMMARIES_STORE)).toBe(0);
    await expectSummariesInStep(db);
  });

  it('openJobLensDB takes a v1 database all the way: every posting kept, every valid one summarised', async () => {
    const name = freshName();
    const before = v1Records();
    await seedV1(name, [...before, CORRUPT_V1]);

    const db = await openJobLensDB(name);
    open.push(db as unknown as IDBPDatabase<unknown>);

    expect(db.version).toBe(4);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count(POSTINGS_STORE)).toBe(before.length + 1);
    expect(await db.get(POSTINGS_STORE, CORRUPT_V1.id)).toEqual(CORRUPT_V4);
    expect(await allSummaries(db)).toEqual(byId(before.map(expectedV2)).map(summaryOfV2));
    await expectSummariesInStep(db);
    expect([...db.transaction(POSTINGS_STORE).store.indexNames]).toEqual([SAVED_AT_INDEX]);
    const listed = await listSummaries(db, () => undefined);
    expect(listed.map((s) => s.id)).toEqual((await listSaved(db, () => undefined)).map((p) => p.id));
  });

  it('openJobLensDB upgrades a v2 database in place, and the repository keeps the summaries in step after it', async () => {
    const name = freshName();
    const valid = v2Records();
    await seedV2(name, [...valid, CORRUPT_V2]);

    const db = await openJobLensDB(name);
    open.push(db as unknown as IDBPDatabase<unknown>);

    expect(db.version).toBe(DB_VERSION);
    await expectSummariesInStep(db);
    expect([...db.transaction(POSTINGS_STORE).store.indexNames]).toEqual([SAVED_AT_INDEX]);
    const { saved } = await savePosting(db, sambaPosting({ title: 'Staff ML Engineer' }), new Date('2026-06-05T10:00:00.000Z'));
    expect(saved).toMatchObject({ tags: ['remote'], closedAt: '2026-06-03T08:00:00.000Z' });
    await expectSummariesInStep(db);
    expect(await db.get(POSTINGS_STORE, CORRUPT_V2.id)).toEqual(CORRUPT_V4);
    expect(await listSummaries(db, () => undefined)).toEqual((await listSaved(db, () => undefined)).map(summaryOf));
  });
});

/** A v3 database as JobLens 3 left it: created by steps 0–2, holding `records`. */
async function seedV3(name: string, records: readonly unknown[]): Promise<void> {
  const v3 = await openDB(name, 3, {
    upgrade(database, oldVersion, newVersion, tx) {
      void runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 3);
    },
  });
  for (const record of records) await v3.put(POSTINGS_STORE, record);
  // And their summaries, as JobLens 3's repository wrote them beside each posting.
  // A corrupt record had none.
  const valid = records.filter((record) => SavedPosting.safeParse({ ...(record as object), edits: { at: {}, tags: {} } }).success);
  const summaries = valid.map((record) => summaryOfV2(record as SavedPostingV2));
  for (const [chunk, group] of byChunk(summaries, (summary) => summary.id)) {
    await v3.put(SUMMARIES_STORE, withSummaries(undefined, group), chunk);
  }
  v3.close();
}

/**
 * Saved postings as JobLens 3 stored them, written out (not built from today's schema):
 * one worked on (notes, tags, applied, rated, two corrections, closed), then revisited on
 * 9 June, which moved updatedAt; one saved and never touched.
 */
const V3_READING = {
  url: 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a',
  site: 'lever',
  title: 'Senior Machine Learning Engineer, Personalization, Music Understanding',
  company: 'Spotify',
  location: 'New York, NY',
  department: null,
  commitment: null,
  salary: null,
  salaries: [],
  remote: { policy: 'hybrid', regions: [], timezones: [], officeDaysMin: null, evidence: 'Hybrid in New York.', source: 'prose', conflict: null },
  requirements: { required: ['Five years of ML'], preferred: [] },
  experience: null,
  description: 'The Personalization team.',
  parsedAt: '2026-06-09T08:00:00.000Z',
  parserVersion: 1,
};
const V3_WORKED = {
  ...V3_READING,
  id: 'lever:d7c43743-2240-45b6-bc31-33e50cbaba4a',
  savedAt: '2026-06-01T10:00:00.000Z',
  updatedAt: '2026-06-09T08:00:00.000Z',
  notes: 'Referred by Ana.',
  tags: ['ML', 'New  York'],
  status: 'applied',
  statusHistory: [
    { status: 'saved', at: '2026-06-01T10:00:00.000Z' },
    { status: 'applied', at: '2026-06-03T10:00:00.000Z' },
  ],
  rating: 4,
  corrections: { salary: null, remotePolicy: 'remote', correctedAt: '2026-06-04T10:00:00.000Z' },
  changes: [{ field: 'title', before: 'ML Engineer', after: 'Senior Machine Learning Engineer, Personalization, Music Understanding', at: '2026-06-09T08:00:00.000Z' }],
  closedAt: '2026-06-05T10:00:00.000Z',
};
const V3_UNTOUCHED = {
  ...V3_READING,
  id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
  url: 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  savedAt: '2026-06-02T10:00:00.000Z',
  updatedAt: '2026-06-09T08:00:00.000Z',
  notes: '',
  tags: [],
  status: 'saved',
  statusHistory: [{ status: 'saved', at: '2026-06-02T10:00:00.000Z' }],
  rating: null,
  corrections: {},
  changes: [],
  closedAt: null,
};

describe('upgrades[3]: v3 -> v4, addEditTimes', () => {
  it("gives each of the user's fields its best known edit time, and a field never set none; nothing else changes", async () => {
    const name = freshName();
    await seedV3(name, [V3_WORKED, V3_UNTOUCHED, CORRUPT_V2]);

    const db = await openWithStep(name, 4, addEditTimes);

    expect(await db.get(POSTINGS_STORE, V3_WORKED.id)).toEqual({
      ...V3_WORKED,
      edits: {
        at: {
          // Notes and rating: the record's last change (the revisit) is the latest they can date from.
          notes: '2026-06-09T08:00:00.000Z',
          rating: '2026-06-09T08:00:00.000Z',
          closed: '2026-06-05T10:00:00.000Z',
          'corrections.salary': '2026-06-04T10:00:00.000Z',
          'corrections.remotePolicy': '2026-06-04T10:00:00.000Z',
        },
        tags: {
          ml: { at: '2026-06-09T08:00:00.000Z', removed: false },
          'new york': { at: '2026-06-09T08:00:00.000Z', removed: false },
        },
      },
    });
    // Never annotated: no time, so whatever the user wrote in another profile wins on import.
    expect(await db.get(POSTINGS_STORE, V3_UNTOUCHED.id)).toEqual({ ...V3_UNTOUCHED, edits: { at: {}, tags: {} } });
    // Kept, still corrupt.
    expect(await db.get(POSTINGS_STORE, CORRUPT_V2.id)).toEqual(CORRUPT_V4);
    for (const id of [V3_WORKED.id, V3_UNTOUCHED.id]) expect(SavedPosting.safeParse(await db.get(POSTINGS_STORE, id)).success).toBe(true);
  });

  it('leaves the summaries as they were, and in step', async () => {
    const name = freshName();
    await seedV3(name, [V3_WORKED, V3_UNTOUCHED]);
    const before = await (async () => {
      const v3 = await openDB(name, 3);
      const summaries = await v3.getAll(SUMMARIES_STORE);
      v3.close();
      return summaries;
    })();

    const db = await openWithStep(name, 4, addEditTimes);

    expect(await db.getAll(SUMMARIES_STORE)).toEqual(before);
    await expectSummariesInStep(db);
  });

  it('openJobLensDB upgrades a v3 database in place; an import of a note written elsewhere then lands on the untouched posting', async () => {
    const name = freshName();
    await seedV3(name, [V3_WORKED, V3_UNTOUCHED]);

    const db = await openJobLensDB(name);
    open.push(db as unknown as IDBPDatabase<unknown>);

    expect(db.version).toBe(DB_VERSION);
    expect((await listSaved(db)).map((p) => p.id).sort()).toEqual([V3_WORKED.id, V3_UNTOUCHED.id].sort());
    // A version 2 export from another profile: the same posting with a note, dated before the revisit here.
    const other = { ...V3_UNTOUCHED, parsedAt: '2026-06-02T10:00:00.000Z', updatedAt: '2026-06-06T10:00:00.000Z', notes: 'Written on my laptop' };
    const text = JSON.stringify({ format: 'joblens/export', version: 2, exportedAt: '2026-06-10T10:00:00.000Z', postings: [other] });
    expect(await importExport(db, text)).toMatchObject({ merged: 1, overwritten: [] });
    expect(await getSaved(db, V3_UNTOUCHED.id)).toMatchObject({ notes: 'Written on my laptop', parsedAt: V3_READING.parsedAt });
  });
});

describe('withV2Fields', () => {
  it('fills only absent fields: a record that already has them is left as it was', () => {
    const v2 = savedFrom(sambaPosting(), '2026-06-01T10:00:00.000Z', {
      status: 'offer',
      statusHistory: [
        { status: 'saved', at: '2026-06-01T10:00:00.000Z' },
        { status: 'offer', at: '2026-06-04T10:00:00.000Z' },
      ],
      rating: 4,
      corrections: { remotePolicy: 'hybrid' },
      closedAt: '2026-06-05T10:00:00.000Z',
    });
    expect(withV2Fields(v2)).toEqual(v2);
  });

  it('does not change its input, and passes through what is not an object', () => {
    const v1 = savedV1From(sambaPosting(), '2026-06-01T10:00:00.000Z');
    const copy = structuredClone(v1);
    withV2Fields(v1);
    expect(v1).toEqual(copy);
    expect(withV2Fields('text')).toBe('text');
    expect(withV2Fields(null)).toBeNull();
    expect(withV2Fields([1])).toEqual([1]);
  });
});

describe('runUpgrades', () => {
  it('runs the steps from the old version to the new one, in order', async () => {
    const ran: number[] = [];
    const steps: UpgradeStep[] = [() => void ran.push(0), () => void ran.push(1), () => void ran.push(2)];
    const db = await openDB(freshName(), 3, {
      upgrade(database, oldVersion, newVersion, tx) {
        void runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 3, steps);
      },
    });
    open.push(db);
    expect(ran).toEqual([0, 1, 2]);
  });

  it('aborts the upgrade when a step fails, leaving the old version and its data', async () => {
    const name = freshName();
    const v1 = await openJobLensDB(name);
    const record = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z');
    await v1.put(POSTINGS_STORE, record);
    v1.close();

    const failing: UpgradeStep[] = [
      ...upgrades,
      (db) => {
        db.deleteObjectStore(POSTINGS_STORE);
        throw new Error('step failed');
      },
    ];
    let failure: unknown;
    await expect(
      openDB(name, failing.length, {
        upgrade(database, oldVersion, newVersion, tx) {
          runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 0, failing).catch(
            (error: unknown) => {
              failure = error;
            },
          );
        },
      }),
    ).rejects.toThrow();
    expect(String(failure)).toContain('step failed');

    const again = await openJobLensDB(name);
    open.push(again as unknown as IDBPDatabase<unknown>);
    expect(again.version).toBe(DB_VERSION);
    expect(await again.get(POSTINGS_STORE, record.id)).toEqual(record);
  });

  it('refuses a version it has no step for', async () => {
    let failure: unknown;
    await expect(
      openDB(freshName(), upgrades.length + 1, {
        upgrade(database, oldVersion, newVersion, tx) {
          runUpgrades(database as UpgradeDatabase, tx as unknown as UpgradeTransaction, oldVersion, newVersion ?? 0).catch(
            (error: unknown) => {
              failure = error;
            },
          );
        },
      }),
    ).rejects.toThrow();
    expect(String(failure)).toMatch(/No database upgrade step/);
  });
});

describe('openJobLensDB', () => {
  it('creates the current schema and keeps saved data across reopening', async () => {
    const name = freshName();
    const first = await openJobLensDB(name);
    expect(first.version).toBe(DB_VERSION);
    const record = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z');
    await first.put(POSTINGS_STORE, record);
    first.close();

    const second = await openJobLensDB(name);
    open.push(second as unknown as IDBPDatabase<unknown>);
    expect(await second.get(POSTINGS_STORE, record.id)).toEqual(record);
  });
});
