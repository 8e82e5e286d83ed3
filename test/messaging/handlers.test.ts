import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportFile, Posting, SavedPosting, type RawPosting } from '../../src/model/index.ts';
import { createHandler, createLazyHandler, toMessageListener, type Handler } from '../../src/messaging/handlers.ts';
import { MESSAGE_TYPES, protocol, responseSchema } from '../../src/messaging/protocol.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import { musicUnderstandingPosting, sambaPosting } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function setup(): Promise<{ db: JobLensDB; handle: Handler }> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return { db, handle: createHandler(db) };
}

/** What the Lever adapter hands over for a short posting with pay, a remote field and a list. */
function rawPosting(): RawPosting {
  return {
    site: 'lever',
    jobId: '3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
    url: 'https://jobs.lever.co/northwind/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
    title: 'Senior Data Platform Engineer',
    company: 'Northwind',
    location: 'Denver, CO',
    department: 'Engineering',
    commitment: 'Full-time',
    workplace: [{ value: 'Remote', source: 'board', field: 'Lever workplace type' }],
    payText: [{ value: '$150,000 - $190,000 a year', source: 'board', field: 'Lever pay block' }],
    payStructured: [],
    experienceMonths: null,
    sections: [{ heading: 'What you bring', paragraphs: [], items: ['5+ years of experience with Python'] }],
  };
}

async function ok<T>(response: Promise<unknown>): Promise<T> {
  const r = (await response) as { ok: boolean; data?: T; error?: string };
  expect(r).toMatchObject({ ok: true });
  return r.data as T;
}

describe('protocol', () => {
  it('names every message the brief asks for', () => {
    expect(MESSAGE_TYPES.sort()).toEqual(
      ['posting.annotate', 'posting.save', 'posting.status', 'saved.delete', 'saved.export', 'saved.list', 'saved.restore'].sort(),
    );
  });
});

describe('createHandler: valid round trips', () => {
  it('saves, reports status, lists, deletes, restores and exports', async () => {
    const { handle } = await setup();
    const music = musicUnderstandingPosting();
    const samba = sambaPosting();

    const { saved } = await ok<{ saved: SavedPosting }>(handle({ type: 'posting.save', payload: { posting: music } }));
    expect(SavedPosting.parse(saved).id).toBe(music.id);
    await ok(handle({ type: 'posting.save', payload: { posting: samba } }));

    const status = await ok<{ saved: SavedPosting | null }>(handle({ type: 'posting.status', payload: { id: music.id } }));
    expect(status.saved).toEqual(saved);
    const none = await ok<{ saved: SavedPosting | null }>(handle({ type: 'posting.status', payload: { id: 'lever:none' } }));
    expect(none.saved).toBeNull();

    const { postings } = await ok<{ postings: SavedPosting[] }>(handle({ type: 'saved.list', payload: {} }));
    expect(postings.map((p) => p.id).sort()).toEqual([music.id, samba.id].sort());

    const { deleted } = await ok<{ deleted: SavedPosting | null }>(
      handle({ type: 'saved.delete', payload: { id: music.id } }),
    );
    expect(deleted).toEqual(saved);
    const afterDelete = await ok<{ postings: SavedPosting[] }>(handle({ type: 'saved.list', payload: {} }));
    expect(afterDelete.postings.map((p) => p.id)).toEqual([samba.id]);

    await ok(handle({ type: 'saved.restore', payload: { posting: deleted } }));
    const restored = await ok<{ saved: SavedPosting | null }>(handle({ type: 'posting.status', payload: { id: music.id } }));
    expect(restored.saved).toEqual(saved);

    const { file } = await ok<{ file: unknown }>(handle({ type: 'saved.export', payload: {} }));
    expect(ExportFile.parse(file).postings).toHaveLength(2);
  });

  it('answers every message with a response its schema accepts', async () => {
    const { handle } = await setup();
    const posting = musicUnderstandingPosting();
    const saved = await ok<{ saved: SavedPosting }>(handle({ type: 'posting.save', payload: { posting } }));
    const payloads = {
      'posting.annotate': { raw: rawPosting() },
      'posting.save': { posting },
      'posting.status': { id: posting.id },
      'saved.list': {},
      'saved.export': {},
      'saved.delete': { id: posting.id },
      'saved.restore': { posting: saved.saved },
    } as const;
    for (const type of MESSAGE_TYPES) {
      const response = await handle({ type, payload: payloads[type] });
      expect(responseSchema(type).safeParse(response).success, type).toBe(true);
      expect(protocol[type].response.safeParse((response as { data: unknown }).data).success, type).toBe(true);
    }
  });

  it('annotates what the content script read, and writes nothing', async () => {
    const { db, handle } = await setup();
    const { posting } = await ok<{ posting: unknown }>(handle({ type: 'posting.annotate', payload: { raw: rawPosting() } }));
    expect(Posting.parse(posting)).toMatchObject({
      id: 'lever:3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
      title: 'Senior Data Platform Engineer',
      salary: { min: 150000, max: 190000, currency: 'USD', period: 'year' },
    });
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });

  it('deleting an unknown id answers null', async () => {
    const { handle } = await setup();
    expect(await handle({ type: 'saved.delete', payload: { id: 'lever:none' } })).toEqual({
      ok: true,
      data: { deleted: null },
    });
  });
});

describe('createHandler: malformed messages are refused and write nothing', () => {
  const posting = musicUnderstandingPosting();
  const malformed: [string, unknown][] = [
    ['not an object', 'posting.save'],
    ['null', null],
    ['no type', { payload: { posting } }],
    ['no payload', { type: 'posting.save' }],
    ['an extra envelope field', { type: 'posting.save', payload: { posting }, extra: 1 }],
    ['an unknown type', { type: 'posting.delete-everything', payload: {} }],
    ['an inherited property as type', { type: 'toString', payload: {} }],
    ['a posting without an id', { type: 'posting.save', payload: { posting: { ...posting, id: '' } } }],
    ['a posting with a bad url', { type: 'posting.save', payload: { posting: { ...posting, url: 'nope' } } }],
    ['a posting missing fields', { type: 'posting.save', payload: { posting: { id: 'lever:x', title: 'x' } } }],
    ['a misspelt payload field', { type: 'posting.save', payload: { postng: posting } }],
    ['an extra payload field', { type: 'saved.list', payload: { all: true } }],
    ['a restore of a bare posting', { type: 'saved.restore', payload: { posting } }],
    ['a numeric id', { type: 'saved.delete', payload: { id: 42 } }],
    ['a raw posting without a title', { type: 'posting.annotate', payload: { raw: { site: 'lever', url: 'https://jobs.lever.co/x' } } }],
  ];

  it.each(malformed)('refuses %s', async (_label, message) => {
    const { db, handle } = await setup();
    const response = await handle(message);
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error).toMatch(/JobLens (refused|does not know)/);
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });

  it('says which field is wrong', async () => {
    const { handle } = await setup();
    const response = await handle({ type: 'posting.save', payload: { posting: { ...posting, url: 'nope' } } });
    expect(response).toMatchObject({ ok: false });
    expect(!response.ok && response.error).toContain('url');
  });

  it('a refused delete leaves the saved record in place', async () => {
    const { db, handle } = await setup();
    await ok(handle({ type: 'posting.save', payload: { posting } }));
    expect((await handle({ type: 'saved.delete', payload: { id: '' } })).ok).toBe(false);
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });

  it('turns a repository failure into an error response', async () => {
    const { db, handle } = await setup();
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await handle({ type: 'saved.delete', payload: { id: 'lever:corrupt' } });
    expect(response).toMatchObject({ ok: false });
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });
});

describe('createLazyHandler', () => {
  it('opens the database on the first message only, and again after it closes', async () => {
    let close: () => void = () => undefined;
    const open = vi.fn(async (onClose: () => void) => {
      close = onClose;
      const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
      dbs.push(db);
      return db;
    });
    const handle = createLazyHandler(open);
    expect(open).not.toHaveBeenCalled();
    await ok(handle({ type: 'saved.list', payload: {} }));
    await ok(handle({ type: 'saved.list', payload: {} }));
    expect(open).toHaveBeenCalledOnce();
    close();
    await ok(handle({ type: 'saved.list', payload: {} }));
    expect(open).toHaveBeenCalledTimes(2);
  });

  it('annotates without opening the database, even when it cannot be opened', async () => {
    const open = vi.fn(async (): Promise<JobLensDB> => {
      throw new Error('quota exceeded');
    });
    const handle = createLazyHandler(open);
    await ok(handle({ type: 'posting.annotate', payload: { raw: rawPosting() } }));
    expect(open).not.toHaveBeenCalled();
  });

  it('answers with an error when the database cannot be opened, and tries again next time', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const open = vi
      .fn<(onClose: () => void) => Promise<JobLensDB>>()
      .mockRejectedValueOnce(new Error('quota exceeded'))
      .mockImplementation(async () => {
        const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
        dbs.push(db);
        return db;
      });
    const handle = createLazyHandler(open);
    expect(await handle({ type: 'saved.list', payload: {} })).toEqual({
      ok: false,
      error: 'JobLens could not open its database: quota exceeded',
    });
    await ok(handle({ type: 'saved.list', payload: {} }));
  });
});

describe('toMessageListener', () => {
  it('answers through sendResponse and keeps the channel open', async () => {
    const listener = toMessageListener(async () => ({ ok: true, data: { postings: [] } }));
    const sendResponse = vi.fn();
    expect(listener({ type: 'saved.list', payload: {} }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, data: { postings: [] } }));
  });

  it('answers with an error when the handler throws', async () => {
    const listener = toMessageListener(async () => {
      throw new Error('boom');
    });
    const sendResponse = vi.fn();
    listener({}, {}, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: false, error: 'boom' }));
  });
});
