import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFile, SavedPosting } from '../../src/model/index.ts';
import { CSV_COLUMNS } from '../../src/io/export-csv.ts';
import { openJobLensDB, POSTINGS_STORE, SETTINGS_STORE, SUMMARIES_STORE, type JobLensDB } from '../../src/store/db.ts';
import {
  STORAGE_FULL_MESSAGE,
  SETTINGS_KEY,
  StorageFullError,
  deleteMany,
  deleteSaved,
  eachSaved,
  exportPostingParts,
  exportPostingsCsv,
  getSaved,
  getSettings,
  listSaved,
  listSummaries,
  markClosed,
  normalizeTags,
  restoreSaved,
  savePosting,
  setSettings,
  updateSaved,
  type InvalidRecord,
} from '../../src/store/repository.ts';
import { chunkOf } from '../../src/store/summary-chunks.ts';
import { fillTheDisk } from '../helpers/full-disk.ts';
import { expectSummariesInStep } from './summaries-in-step.ts';
import { hourlyPosting, musicUnderstandingPosting, sambaPosting, storytellingPosting } from '../helpers/postings.ts';

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

describe('savePosting', () => {
  it('saves a posting with the user part initialised', async () => {
    const db = await freshDb();
    const { saved, changes } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    expect(SavedPosting.safeParse(saved).success).toBe(true);
    expect(saved).toMatchObject({
      savedAt: JUNE_1.toISOString(),
      updatedAt: JUNE_1.toISOString(),
      notes: '',
      tags: [],
      status: 'saved',
      statusHistory: [{ status: 'saved', at: JUNE_1.toISOString() }],
      rating: null,
      corrections: {},
      changes: [],
      closedAt: null,
    });
    expect(changes).toEqual([]);
    expect(await getSaved(db, saved.id)).toEqual(saved);
  });

  it('saving again updates the parsed fields and updatedAt, keeps savedAt and the whole user part, never duplicates', async () => {
    const db = await freshDb();
    const { saved: first } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await updateSaved(
      db,
      first.id,
      { notes: 'Ask about the NY office', tags: ['ml'], status: 'applied', rating: 4, corrections: { remotePolicy: 'remote' } },
      JUNE_2,
    );
    const worked = (await getSaved(db, first.id))!;

    const reparsed = musicUnderstandingPosting({ parserVersion: 2 });
    const { saved: second, changes } = await savePosting(db, reparsed, JUNE_3);

    expect(second.parserVersion).toBe(2);
    expect(second.savedAt).toBe(JUNE_1.toISOString());
    expect(second.updatedAt).toBe(JUNE_3.toISOString());
    expect(second).toMatchObject({
      notes: worked.notes,
      tags: worked.tags,
      status: worked.status,
      statusHistory: worked.statusHistory,
      rating: 4,
      corrections: worked.corrections,
      closedAt: null,
    });
    // A revisit is no edit: every edit time is the one the user's edit gave.
    expect(second.edits).toEqual(worked.edits);
    expect(worked.edits.at.notes).toBe(JUNE_2.toISOString());
    expect(changes).toEqual([]);
    const all = await listSaved(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(second);
  });

  it('records what changed on a re-read, with the old value kept as the user saw it', async () => {
    const db = await freshDb();
    await savePosting(db, sambaPosting(), JUNE_1);
    const original = sambaPosting();
    const moved = sambaPosting({
      title: 'Senior Machine Learning Engineer, Personalization, Samba',
      salary: { ...original.salary!, min: 160000, max: 225000, annual: { min: 160000, max: 225000 } },
      remote: { ...original.remote, policy: 'hybrid', regions: [] },
      requirements: { required: [...original.requirements.required, 'You have led a team'], preferred: [] },
    });

    const { saved, changes } = await savePosting(db, moved, JUNE_2);

    const at = JUNE_2.toISOString();
    expect(changes).toEqual([
      {
        field: 'title',
        before: 'Machine Learning Engineer, Personalization, Samba',
        after: 'Senior Machine Learning Engineer, Personalization, Samba',
        at,
      },
      { field: 'salary', before: '$148,901–$212,716 USD / year', after: '$160,000–$225,000 USD / year', at },
      { field: 'remote', before: 'Remote (North America)', after: 'Hybrid', at },
      expect.objectContaining({ field: 'requirements', at }),
    ]);
    expect(changes[3]!.after).toContain('- You have led a team');
    expect(changes[3]!.before).not.toContain('led a team');
    expect(saved.changes).toEqual(changes);
    expect(saved.salary?.min).toBe(160000);
  });

  it('keeps earlier changes, oldest first, and records nothing when a re-read reads the same', async () => {
    const db = await freshDb();
    await savePosting(db, storytellingPosting(), JUNE_1);
    await savePosting(db, storytellingPosting({ title: 'ML Engineer' }), JUNE_2);
    // The same figures from a different sentence: not a change the user would see.
    const again = await savePosting(db, storytellingPosting({ title: 'ML Engineer', description: 'Reworded.' }), JUNE_3);
    expect(again.changes).toEqual([]);
    const { saved } = await savePosting(db, storytellingPosting({ title: 'Staff ML Engineer' }), JUNE_4);
    expect(saved.changes.map((c) => [c.before, c.after, c.at])).toEqual([
      ['Machine Learning Engineer', 'ML Engineer', JUNE_2.toISOString()],
      ['ML Engineer', 'Staff ML Engineer', JUNE_4.toISOString()],
    ]);
  });

  it("the user's corrections survive a re-read that changes the parsed value", async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, hourlyPosting(), JUNE_1);
    const corrections = {
      salary: { min: 30, max: 45, currency: 'USD', period: 'hour' as const },
      location: 'Remote, US',
      yearsMin: 1,
      yearsMax: 3,
    };
    await updateSaved(db, saved.id, { corrections }, JUNE_2);

    const reread = hourlyPosting({ location: 'Dallas, TX', experience: null, salary: null, salaries: [] });
    const { saved: after } = await savePosting(db, reread, JUNE_3);

    expect(after.location).toBe('Dallas, TX');
    expect(after.salary).toBeNull();
    expect(after.corrections).toEqual({ ...corrections, correctedAt: JUNE_2.toISOString() });
    expect(after.changes.find((c) => c.field === 'salary')).toMatchObject({
      before: '$28–$47 USD / hour',
      after: 'Not stated',
    });
  });

  it('a closed posting stays closed when saved again', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await markClosed(db, saved.id, true, JUNE_2);
    const { saved: again } = await savePosting(db, sambaPosting(), JUNE_3);
    expect(again.closedAt).toBe(JUNE_2.toISOString());
  });

  it('refuses an invalid posting and writes nothing', async () => {
    const db = await freshDb();
    const broken = { ...musicUnderstandingPosting(), url: 'not a url' };
    await expect(savePosting(db, broken, JUNE_1)).rejects.toThrow();
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });

  it('keeps what it can of the user part when the stored record no longer validates', async () => {
    const db = await freshDb();
    const p = musicUnderstandingPosting();
    await db.put(POSTINGS_STORE, {
      id: p.id,
      savedAt: JUNE_1.toISOString(),
      notes: 'keep me',
      tags: 'oops',
      title: 42,
      status: 'interviewing',
      rating: 5,
      corrections: { location: 'Brooklyn' },
      statusHistory: 'garbled',
    });
    const { saved, changes } = await savePosting(db, p, JUNE_2);
    expect(saved).toMatchObject({
      savedAt: JUNE_1.toISOString(),
      notes: 'keep me',
      tags: [],
      status: 'interviewing',
      rating: 5,
      corrections: { location: 'Brooklyn' },
      // The history could not be read: it starts again from the status at savedAt.
      statusHistory: [{ status: 'interviewing', at: JUNE_1.toISOString() }],
    });
    expect(changes).toEqual([]);
  });
});

describe('updateSaved', () => {
  it('appends each status change to the history with its date; the same status again is not a change', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await updateSaved(db, saved.id, { status: 'applying' }, JUNE_2);
    await updateSaved(db, saved.id, { status: 'applying', notes: 'cover letter drafted' }, JUNE_3);
    const applied = await updateSaved(db, saved.id, { status: 'applied' }, JUNE_4);
    expect(applied.status).toBe('applied');
    expect(applied.statusHistory).toEqual([
      { status: 'saved', at: JUNE_1.toISOString() },
      { status: 'applying', at: JUNE_2.toISOString() },
      { status: 'applied', at: JUNE_4.toISOString() },
    ]);
    expect(applied).toMatchObject({ notes: 'cover letter drafted', savedAt: JUNE_1.toISOString(), updatedAt: JUNE_4.toISOString() });
    expect(await getSaved(db, saved.id)).toEqual(applied);
  });

  it('gives each field it changes the edit time, and none to a field sent again unchanged', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    expect(saved.edits).toEqual({ at: {}, tags: {} });
    const at = (date: Date) => date.toISOString();

    await updateSaved(db, saved.id, { notes: 'first', tags: ['ml', 'nyc'], rating: 3, corrections: { yearsMin: 4 } }, JUNE_2);
    // The form sends every field again; only the tags and the correction changed.
    const next = await updateSaved(db, saved.id, { notes: 'first', tags: ['ml'], rating: 3, corrections: { yearsMin: 4, location: 'NYC' } }, JUNE_3);

    expect(next.edits).toEqual({
      at: { notes: at(JUNE_2), rating: at(JUNE_2), 'corrections.yearsMin': at(JUNE_2), 'corrections.location': at(JUNE_3) },
      tags: { ml: { at: at(JUNE_2), removed: false }, nyc: { at: at(JUNE_3), removed: true } },
    });
    // Clearing is an edit too.
    const cleared = await updateSaved(db, saved.id, { notes: '', rating: null }, JUNE_4);
    expect(cleared.edits.at).toMatchObject({ notes: at(JUNE_4), rating: at(JUNE_4) });
  });

  it('trims and deduplicates tags, and rates 1–5 or not at all', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    const tagged = await updateSaved(db, saved.id, { tags: ['  ML ', 'ml', '', 'remote  first', 'Remote first'], rating: 5 });
    expect(tagged.tags).toEqual(['ML', 'remote first']);
    expect(tagged.rating).toBe(5);
    expect((await updateSaved(db, saved.id, { rating: null })).rating).toBeNull();
  });

  it.each([0, 6, 3.5, '4'])('refuses a rating of %j and changes nothing', async (rating) => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await expect(updateSaved(db, saved.id, { rating } as never)).rejects.toThrow();
    expect(await getSaved(db, saved.id)).toEqual(saved);
  });

  it('stamps corrections when they change, keeps the stamp when they do not, and clears them when emptied', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    const first = await updateSaved(db, saved.id, { corrections: { remotePolicy: 'hybrid', location: null } }, JUNE_2);
    expect(first.corrections).toEqual({ remotePolicy: 'hybrid', location: null, correctedAt: JUNE_2.toISOString() });
    // The parsed values are untouched: the correction is kept apart.
    expect(first.remote.policy).toBe('hybrid');
    expect(first.location).toBe('New York, NY');

    const same = await updateSaved(db, saved.id, { corrections: { location: null, remotePolicy: 'hybrid' } }, JUNE_3);
    expect(same.corrections.correctedAt).toBe(JUNE_2.toISOString());
    expect((await updateSaved(db, saved.id, { corrections: {} }, JUNE_4)).corrections).toEqual({});
  });

  it('refuses a correction whose max is below its min', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    const bad = { corrections: { salary: { min: 200000, max: 100000, currency: 'USD', period: 'year' as const } } };
    await expect(updateSaved(db, saved.id, bad)).rejects.toThrow();
    expect(await getSaved(db, saved.id)).toEqual(saved);
  });

  it('says when there is nothing to update, and keeps a corrupt record as it is', async () => {
    const db = await freshDb();
    await expect(updateSaved(db, 'lever:nothing', { notes: 'x' })).rejects.toThrow('No saved posting has the id lever:nothing.');
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt', notes: 'old' });
    await expect(updateSaved(db, 'lever:corrupt', { notes: 'new' })).rejects.toThrow(/not valid/);
    expect(await db.get(POSTINGS_STORE, 'lever:corrupt')).toEqual({ id: 'lever:corrupt', notes: 'old' });
  });
});

describe('normalizeTags', () => {
  it('keeps the first spelling of each tag, in order', () => {
    expect(normalizeTags(['b', 'A', 'a', ' b ', 'c\td'])).toEqual(['b', 'A', 'c d']);
    expect(normalizeTags([' ', ''])).toEqual([]);
  });
});

describe('markClosed', () => {
  it('marks a posting closed without deleting it, keeps the first date, and can reopen it', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await updateSaved(db, saved.id, { notes: 'applied via referral', status: 'applied' }, JUNE_1);

    const closed = await markClosed(db, saved.id, true, JUNE_2);
    expect(closed.closedAt).toBe(JUNE_2.toISOString());
    expect(closed).toMatchObject({ notes: 'applied via referral', status: 'applied', title: saved.title });
    expect((await listSaved(db)).map((p) => p.id)).toEqual([saved.id]);

    expect((await markClosed(db, saved.id, true, JUNE_3)).closedAt).toBe(JUNE_2.toISOString());
    const reopened = await markClosed(db, saved.id, false, JUNE_4);
    expect(reopened).toMatchObject({ closedAt: null, updatedAt: JUNE_4.toISOString() });
  });

  it('stamps closing and reopening as an edit of "closed"', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    expect((await markClosed(db, saved.id, true, JUNE_2)).edits.at.closed).toBe(JUNE_2.toISOString());
    expect((await markClosed(db, saved.id, false, JUNE_3)).edits.at.closed).toBe(JUNE_3.toISOString());
  });

  it('refuses an unknown id', async () => {
    const db = await freshDb();
    await expect(markClosed(db, 'lever:nothing', true)).rejects.toThrow(/No saved posting/);
  });
});

describe('listSaved', () => {
  it('lists newest saved first', async () => {
    const db = await freshDb();
    await savePosting(db, sambaPosting(), JUNE_2);
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, storytellingPosting(), JUNE_3);
    // Re-saving the oldest does not move it: order is by savedAt, not updatedAt.
    await savePosting(db, musicUnderstandingPosting(), JUNE_3);
    const ids = (await listSaved(db)).map((p) => p.id);
    expect(ids).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
  });

  it('reports and skips a corrupt record without losing it', async () => {
    const db = await freshDb();
    await savePosting(db, sambaPosting(), JUNE_1);
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt', title: 7, savedAt: 'yesterday' });
    await db.put(POSTINGS_STORE, { id: 'lever:no-saved-at' });
    const reported: InvalidRecord[] = [];

    const listed = await listSaved(db, (r) => reported.push(r));

    expect(listed.map((p) => p.id)).toEqual([sambaPosting().id]);
    expect(reported.map((r) => r.id).sort()).toEqual(['lever:corrupt', 'lever:no-saved-at']);
    expect(reported[0]?.error).toBeTruthy();
    expect(await db.count(POSTINGS_STORE)).toBe(3);
  });

  it('logs invalid records by default', async () => {
    const db = await freshDb();
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await listSaved(db)).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
  });
});

describe('getSaved', () => {
  it('returns null for an unknown id and for an invalid record', async () => {
    const db = await freshDb();
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    expect(await getSaved(db, 'lever:nothing')).toBeNull();
    const reported: InvalidRecord[] = [];
    expect(await getSaved(db, 'lever:corrupt', (r) => reported.push(r))).toBeNull();
    expect(reported).toHaveLength(1);
  });
});

describe('deleteSaved, deleteMany and restoreSaved', () => {
  it('deletes and returns the record, which restore puts back unchanged', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await updateSaved(db, saved.id, { notes: 'note', status: 'interviewing', rating: 3 }, JUNE_2);
    const before = await getSaved(db, saved.id);

    const deleted = await deleteSaved(db, saved.id);
    expect(deleted).toEqual(before);
    expect(await getSaved(db, saved.id)).toBeNull();

    await restoreSaved(db, deleted!);
    expect(await getSaved(db, saved.id)).toEqual(before);
  });

  it('returns null when nothing is saved under the id', async () => {
    const db = await freshDb();
    expect(await deleteSaved(db, 'lever:nothing')).toBeNull();
  });

  it('keeps a corrupt record rather than deleting what it could not restore', async () => {
    const db = await freshDb();
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    await expect(deleteSaved(db, 'lever:corrupt')).rejects.toThrow(/kept/);
    expect(await db.get(POSTINGS_STORE, 'lever:corrupt')).toEqual({ id: 'lever:corrupt' });
  });

  it('refuses to restore an invalid record', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await expect(restoreSaved(db, { ...saved, savedAt: 'yesterday' })).rejects.toThrow();
    expect((await getSaved(db, saved.id))?.savedAt).toBe(JUNE_1.toISOString());
  });

  it('deletes several at once and returns them; unknown ids are skipped', async () => {
    const db = await freshDb();
    const { saved: music } = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    const { saved: samba } = await savePosting(db, sambaPosting(), JUNE_2);
    await savePosting(db, storytellingPosting(), JUNE_3);
    const deleted = await deleteMany(db, [music.id, 'lever:nothing', samba.id, music.id]);
    expect(deleted).toEqual([music, samba]);
    expect((await listSaved(db)).map((p) => p.id)).toEqual([storytellingPosting().id]);
  });

  it('deletes nothing when one of the selection is corrupt', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    await expect(deleteMany(db, [musicUnderstandingPosting().id, 'lever:corrupt'])).rejects.toThrow(/kept/);
    expect(await db.count(POSTINGS_STORE)).toBe(2);
  });
});

/** The export file the popup downloads, read back. */
async function exportPostings(...args: Parameters<typeof exportPostingParts>): Promise<ExportFile> {
  return ExportFile.parse(JSON.parse((await exportPostingParts(...args)).join('')));
}

describe('exportPostingParts: the export file', () => {
  it('exports every saved posting as a valid version 4 ExportFile, newest first', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, sambaPosting(), JUNE_2);
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });

    const file = await exportPostings(db, undefined, JUNE_3, () => undefined);

    expect(ExportFile.safeParse(file).success).toBe(true);
    expect(file.format).toBe('joblens/export');
    expect(file.version).toBe(4);
    expect(file.exportedAt).toBe(JUNE_3.toISOString());
    expect(file.postings.map((p) => p.id)).toEqual([sambaPosting().id, musicUnderstandingPosting().id]);
    expect(ExportFile.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('exports only the selected postings', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, sambaPosting(), JUNE_2);
    await savePosting(db, storytellingPosting(), JUNE_3);
    const file = await exportPostings(db, [musicUnderstandingPosting().id, storytellingPosting().id, 'lever:gone'], JUNE_4);
    expect(file.postings.map((p) => p.id)).toEqual([storytellingPosting().id, musicUnderstandingPosting().id]);
    expect((await exportPostings(db, [], JUNE_4)).postings).toEqual([]);
  });

  it('exports an empty database as an empty, valid file', async () => {
    const db = await freshDb();
    const file = await exportPostings(db, undefined, JUNE_3);
    expect(ExportFile.parse(file).postings).toEqual([]);
  });
});

describe('exportPostingsCsv', () => {
  it('writes a header and a row per saved posting, newest first; a selection by its ids only', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, sambaPosting(), JUNE_2);
    await savePosting(db, storytellingPosting(), JUNE_3);
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    const reported: InvalidRecord[] = [];
    const ids = (csv: string) => csv.split('\r\n').slice(1).filter(Boolean).map((row) => row.split(',')[0]);

    const all = await exportPostingsCsv(db, undefined, (r) => reported.push(r));
    expect(all.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(ids(all)).toEqual([storytellingPosting().id, sambaPosting().id, musicUnderstandingPosting().id]);
    expect(reported.map((r) => r.id)).toEqual(['lever:corrupt']);

    const some = await exportPostingsCsv(db, [musicUnderstandingPosting().id, 'lever:gone', storytellingPosting().id, 'lever:corrupt'], () => undefined);
    expect(ids(some)).toEqual([storytellingPosting().id, musicUnderstandingPosting().id]);
    expect(ids(await exportPostingsCsv(db, []))).toEqual([]);
  });
});

describe('eachSaved', () => {
  it('reads past one batch: every valid record once, the invalid ones reported and kept', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    // 1,203 records: more than two batches of 500, with corrupt ones among them.
    const ids = Array.from({ length: 1200 }, (_, i) => `lever:bulk-${String(i).padStart(4, '0')}`);
    const tx = db.transaction(POSTINGS_STORE, 'readwrite');
    await Promise.all([
      ...ids.map((id) => tx.store.put({ ...saved, id })),
      tx.store.put({ id: 'lever:bulk-0500x', title: 'no more than this' }),
      tx.store.put({ id: 'lever:bulk-9999', savedAt: 'yesterday' }),
      tx.done,
    ]);
    const seen: string[] = [];
    const reported: InvalidRecord[] = [];
    await eachSaved(db, (record) => seen.push(record.id), (r) => reported.push(r));
    expect(seen).toEqual([...ids, saved.id].sort());
    expect(reported.map((r) => r.id)).toEqual(['lever:bulk-0500x', 'lever:bulk-9999']);
    expect(await db.count(POSTINGS_STORE)).toBe(1203);
  });
});

describe('saves from two tabs at once', () => {
  it('both land when they are different postings', async () => {
    const db = await freshDb();
    await Promise.all([savePosting(db, musicUnderstandingPosting(), JUNE_1), savePosting(db, sambaPosting(), JUNE_1)]);
    expect((await listSaved(db)).map((p) => p.id).sort()).toEqual([musicUnderstandingPosting().id, sambaPosting().id].sort());
  });

  it('both land, in order, when they are the same posting: one record, the second read a change of the first', async () => {
    const db = await freshDb();
    const [first, second] = await Promise.all([
      savePosting(db, sambaPosting(), JUNE_1),
      savePosting(db, sambaPosting({ title: 'ML Engineer, Samba' }), JUNE_2),
    ]);
    expect(await db.count(POSTINGS_STORE)).toBe(1);
    const stored = (await getSaved(db, sambaPosting().id))!;
    expect(stored).toEqual(second.saved);
    expect(stored.savedAt).toBe(first.saved.savedAt);
    expect(stored.changes).toEqual([
      { field: 'title', before: sambaPosting().title, after: 'ML Engineer, Samba', at: JUNE_2.toISOString() },
    ]);
  });

  it('a re-read and a note typed in the popup at the same moment both land', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await Promise.all([
      savePosting(db, sambaPosting({ title: 'ML Engineer, Samba' }), JUNE_2),
      updateSaved(db, saved.id, { notes: 'Great team', status: 'applying' }, JUNE_2),
    ]);
    expect(await getSaved(db, saved.id)).toMatchObject({ title: 'ML Engineer, Samba', notes: 'Great team', status: 'applying' });
  });
});

describe('a full disk (the transaction aborts at commit, as in Chromium)', () => {
  /** Everything the database holds, store by store, to compare before and after. */
  async function everything(db: JobLensDB): Promise<unknown> {
    return {
      postings: await db.getAll(POSTINGS_STORE),
      summaries: await db.getAll(SUMMARIES_STORE),
      settings: await db.getAll(SETTINGS_STORE),
    };
  }

  async function seeded(): Promise<{ db: JobLensDB; edited: SavedPosting }> {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    const edited = await updateSaved(db, saved.id, { notes: 'keep', rating: 4, tags: ['ml'] }, JUNE_2);
    await setSettings(db, { exchangeRates: { base: 'USD', rates: { EUR: 0.92 }, updatedAt: JUNE_1.toISOString() } });
    return { db, edited };
  }

  it('a new save fails with the message and stores nothing', async () => {
    const db = await freshDb();
    const disk = fillTheDisk();
    const failure = savePosting(db, sambaPosting(), JUNE_1);
    await expect(failure).rejects.toThrow(StorageFullError);
    await expect(failure).rejects.toThrow(STORAGE_FULL_MESSAGE);
    expect(disk.aborted).toBe(1);
    vi.restoreAllMocks();
    expect(await db.count(POSTINGS_STORE)).toBe(0);
    expect(await db.count(SUMMARIES_STORE)).toBe(0);
  });

  it('every write path refuses with the message and leaves every record as it was', async () => {
    const { db, edited } = await seeded();
    const before = await everything(db);
    const disk = fillTheDisk();

    const attempts: [string, () => Promise<unknown>][] = [
      ['re-save', () => savePosting(db, sambaPosting({ title: 'Changed' }), JUNE_3)],
      ['edit', () => updateSaved(db, edited.id, { notes: 'lost?', tags: ['gone'] }, JUNE_3)],
      ['status', () => updateSaved(db, edited.id, { status: 'applied' }, JUNE_3)],
      ['mark closed', () => markClosed(db, edited.id, true, JUNE_3)],
      ['restore', () => restoreSaved(db, { ...edited, notes: 'other' })],
      ['settings', () => setSettings(db, { exchangeRates: null })],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toThrow(STORAGE_FULL_MESSAGE);
    }
    expect(disk.aborted).toBe(attempts.length);

    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
    expect(await getSaved(db, edited.id)).toEqual(edited);
  });

  it('the error keeps the browser\'s own as its cause', async () => {
    const { db, edited } = await seeded();
    fillTheDisk();
    const error: unknown = await updateSaved(db, edited.id, { notes: 'x' }, JUNE_3).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect((error as Error).cause).toMatchObject({ name: 'QuotaExceededError' });
  });

  it('a transaction the browser aborts while requests wait is a full disk too, not an AbortError', async () => {
    const { db, edited } = await seeded();
    const before = await everything(db);
    const disk = fillTheDisk({ at: 'while-writing' });
    await expect(updateSaved(db, edited.id, { notes: 'lost?' }, JUNE_3)).rejects.toThrow(STORAGE_FULL_MESSAGE);
    await expect(savePosting(db, hourlyPosting(), JUNE_3)).rejects.toThrow(STORAGE_FULL_MESSAGE);
    expect(disk.aborted).toBe(2);
    vi.restoreAllMocks();
    expect(await everything(db)).toEqual(before);
  });

  it('deleting still works, as the message advises: it only removes, and the list heals once there is room', async () => {
    const db = await freshDb();
    // Enough postings that the deleted ones share their summaries chunks with others.
    const ids = Array.from({ length: 200 }, (_, i) => `lever:${String(i).padStart(4, '0')}`);
    for (const id of ids) await savePosting(db, sambaPosting({ id }), JUNE_1);
    const gone = ids.filter((id, i) => i % 50 === 0);
    const sharing = ids.filter((id) => !gone.includes(id) && gone.some((g) => chunkOf(g) === chunkOf(id)));
    expect(sharing.length).toBeGreaterThan(0);
    const disk = fillTheDisk();

    expect((await deleteMany(db, gone)).map((p) => p.id)).toEqual(gone);
    expect((await deleteSaved(db, ids[1]!))?.id).toBe(ids[1]);

    // The normal deletion (rewriting the chunks) was refused; removing them went through.
    expect(disk.aborted).toBe(2);
    expect(await db.count(POSTINGS_STORE)).toBe(200 - gone.length - 1);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const listed = (await listSummaries(db, () => undefined)).map((s) => s.id);
    expect(listed.sort()).toEqual(ids.filter((id) => !gone.includes(id) && id !== ids[1]));
    // The repair is a put: refused while the disk is full, and tried again at the next open.
    expect(error).toHaveBeenCalled();
    vi.restoreAllMocks();
    expect((await listSummaries(db, () => undefined)).map((s) => s.id).sort()).toEqual(listed);
    await expectSummariesInStep(db);
  });

  it('a write that changes nothing still succeeds on a full disk', async () => {
    const { db, edited } = await seeded();
    await markClosed(db, edited.id, true, JUNE_3);
    fillTheDisk();
    // Already closed: nothing to write, so nothing for the browser to refuse.
    expect((await markClosed(db, edited.id, true, JUNE_4)).closedAt).toBe(JUNE_3.toISOString());
  });

  it('once space is free again the same write goes through', async () => {
    const { db, edited } = await seeded();
    fillTheDisk();
    await expect(updateSaved(db, edited.id, { notes: 'later' }, JUNE_3)).rejects.toThrow(StorageFullError);
    vi.restoreAllMocks();
    expect((await updateSaved(db, edited.id, { notes: 'later' }, JUNE_3)).notes).toBe('later');
  });

  it('other errors pass through unchanged', async () => {
    const db = await freshDb();
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('cannot clone', 'DataCloneError');
    });
    await expect(savePosting(db, sambaPosting(), JUNE_1)).rejects.toThrow('cannot clone');
  });
});

describe('settings', () => {
  it('starts with no exchange rates, and keeps what is set', async () => {
    const db = await freshDb();
    expect(await getSettings(db)).toEqual({ exchangeRates: null });
    const settings = {
      exchangeRates: { base: 'USD', rates: { EUR: 0.92, GBP: 0.79, CAD: 1.37 }, updatedAt: JUNE_2.toISOString() },
    };
    expect(await setSettings(db, settings)).toEqual(settings);
    expect(await getSettings(db)).toEqual(settings);
  });

  it('refuses invalid settings and keeps the old ones', async () => {
    const db = await freshDb();
    await expect(
      setSettings(db, { exchangeRates: { base: 'usd', rates: { EUR: -1 }, updatedAt: 'today' } }),
    ).rejects.toThrow();
    expect(await db.count(SETTINGS_STORE)).toBe(0);
  });

  it('reads defaults over an invalid stored record, and keeps that record', async () => {
    const db = await freshDb();
    await db.put(SETTINGS_STORE, { exchangeRates: 'broken' }, SETTINGS_KEY);
    const reported: InvalidRecord[] = [];
    expect(await getSettings(db, (r) => reported.push(r))).toEqual({ exchangeRates: null });
    expect(reported).toHaveLength(1);
    expect(await db.get(SETTINGS_STORE, SETTINGS_KEY)).toEqual({ exchangeRates: 'broken' });
  });
});
