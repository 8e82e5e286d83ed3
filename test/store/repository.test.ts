import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFile, SavedPosting } from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import {
  deleteSaved,
  exportAll,
  getSaved,
  listSaved,
  restoreSaved,
  savePosting,
  type InvalidRecord,
} from '../../src/store/repository.ts';
import { musicUnderstandingPosting, sambaPosting, storytellingPosting } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function freshDb(): Promise<JobLensDB> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

const JUNE_1 = new Date('2026-06-01T10:00:00.000Z');
const JUNE_2 = new Date('2026-06-02T10:00:00.000Z');
const JUNE_3 = new Date('2026-06-03T10:00:00.000Z');

describe('savePosting', () => {
  it('saves a posting with the user part initialised', async () => {
    const db = await freshDb();
    const saved = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    expect(SavedPosting.safeParse(saved).success).toBe(true);
    expect(saved).toMatchObject({
      savedAt: JUNE_1.toISOString(),
      updatedAt: JUNE_1.toISOString(),
      notes: '',
      tags: [],
      status: 'saved',
    });
    expect(await getSaved(db, saved.id)).toEqual(saved);
  });

  it('saving again updates the parsed fields and updatedAt, keeps savedAt and the user part, never duplicates', async () => {
    const db = await freshDb();
    const first = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    // The user has worked on the record since.
    await restoreSaved(db, { ...first, notes: 'Ask about the NY office', tags: ['ml'], status: 'applied' });

    const reparsed = musicUnderstandingPosting({ title: 'Senior ML Engineer, Music Understanding', parserVersion: 2 });
    const second = await savePosting(db, reparsed, JUNE_2);

    expect(second.title).toBe('Senior ML Engineer, Music Understanding');
    expect(second.parserVersion).toBe(2);
    expect(second.savedAt).toBe(JUNE_1.toISOString());
    expect(second.updatedAt).toBe(JUNE_2.toISOString());
    expect(second).toMatchObject({ notes: 'Ask about the NY office', tags: ['ml'], status: 'applied' });
    const all = await listSaved(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toEqual(second);
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
    await db.put(POSTINGS_STORE, { id: p.id, savedAt: JUNE_1.toISOString(), notes: 'keep me', tags: 'oops', title: 42 });
    const saved = await savePosting(db, p, JUNE_2);
    expect(saved).toMatchObject({ savedAt: JUNE_1.toISOString(), notes: 'keep me', tags: [], status: 'saved' });
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
    warn.mockRestore();
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

describe('deleteSaved and restoreSaved', () => {
  it('deletes and returns the record, which restore puts back unchanged', async () => {
    const db = await freshDb();
    const saved = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await restoreSaved(db, { ...saved, notes: 'note', status: 'interviewing' });
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
    const saved = await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await expect(restoreSaved(db, { ...saved, savedAt: 'yesterday' })).rejects.toThrow();
    expect((await getSaved(db, saved.id))?.savedAt).toBe(JUNE_1.toISOString());
  });
});

describe('exportAll', () => {
  it('exports every saved posting as a valid ExportFile, newest first', async () => {
    const db = await freshDb();
    await savePosting(db, musicUnderstandingPosting(), JUNE_1);
    await savePosting(db, sambaPosting(), JUNE_2);
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });

    const file = await exportAll(db, JUNE_3, () => undefined);

    expect(ExportFile.safeParse(file).success).toBe(true);
    expect(file.format).toBe('joblens/export');
    expect(file.version).toBe(1);
    expect(file.exportedAt).toBe(JUNE_3.toISOString());
    expect(file.postings.map((p) => p.id)).toEqual([sambaPosting().id, musicUnderstandingPosting().id]);
    // Round trip through JSON, as the downloaded file will be read back.
    expect(ExportFile.parse(JSON.parse(JSON.stringify(file)))).toEqual(file);
  });

  it('exports an empty database as an empty, valid file', async () => {
    const db = await freshDb();
    const file = await exportAll(db, JUNE_3);
    expect(ExportFile.parse(file).postings).toEqual([]);
  });
});
