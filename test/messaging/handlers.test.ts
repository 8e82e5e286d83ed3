import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FORMAT, ExportFile, FieldChange, Posting, SavedPosting, type RawPosting } from '../../src/model/index.ts';
import { CSV_COLUMNS } from '../../src/io/export-csv.ts';
import { createHandler, createLazyHandler, toMessageListener, type Handler } from '../../src/messaging/handlers.ts';
import { MESSAGE_TYPES, protocol, responseSchema } from '../../src/messaging/protocol.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import { STORAGE_FULL_MESSAGE } from '../../src/store/repository.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function setup(): Promise<{ db: JobLensDB; handle: Handler }> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return { db, handle: createHandler(db, { injectOverlay: async () => undefined }) };
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
      [
        'posting.annotate',
        'overlay.inject',
        'posting.save',
        'posting.status',
        'saved.update',
        'saved.markClosed',
        'posting.seenClosed',
        'saved.list',
        'saved.delete',
        'saved.restore',
        'saved.deleteMany',
        'saved.export',
        'saved.exportCsv',
        'saved.import',
        'settings.get',
        'settings.set',
      ].sort(),
    );
  });
});

describe('createHandler: valid round trips', () => {
  it('saves, reports status, lists, deletes, restores and exports', async () => {
    const { handle } = await setup();
    const music = musicUnderstandingPosting();
    const samba = sambaPosting();

    const { saved, changes } = await ok<{ saved: SavedPosting; changes: FieldChange[] }>(
      handle({ type: 'posting.save', payload: { posting: music } }),
    );
    expect(SavedPosting.parse(saved).id).toBe(music.id);
    expect(changes).toEqual([]);
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
    const exported = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 2,
      exportedAt: '2026-06-06T12:00:00.000Z',
      postings: [savedFrom(storytellingPosting(), '2026-06-01T10:00:00.000Z')],
    });
    const payloads = {
      'posting.annotate': { raw: rawPosting() },
      'overlay.inject': {},
      'posting.save': { posting },
      'posting.status': { id: posting.id },
      'saved.update': { id: posting.id, patch: { status: 'applied', rating: 3 } },
      'saved.markClosed': { id: posting.id, closed: true },
      'posting.seenClosed': { id: posting.id, evidence: 'No longer accepting applications' },
      'saved.list': {},
      'saved.export': {},
      'saved.exportCsv': { ids: [posting.id] },
      'saved.import': { text: exported },
      'settings.get': {},
      'settings.set': { settings: { exchangeRates: null } },
      'saved.delete': { id: posting.id },
      'saved.restore': { posting: saved.saved },
      'saved.deleteMany': { ids: [posting.id] },
    } as const;
    expect(Object.keys(payloads).sort()).toEqual([...MESSAGE_TYPES].sort());
    for (const type of Object.keys(payloads) as (keyof typeof payloads)[]) {
      // As a content script in a tab's top frame sends them (overlay.inject needs the tab).
      const response = await handle({ type, payload: payloads[type] }, { tab: { id: 1 }, frameId: 0 });
      expect(response, type).toMatchObject({ ok: true });
      expect(responseSchema(type).safeParse(response).success, type).toBe(true);
      expect(protocol[type].response.safeParse((response as { data: unknown }).data).success, type).toBe(true);
    }
  });

  it('marks a saved posting closed when its page says so, keeps it, and leaves unsaved ones alone', async () => {
    const { handle } = await setup();
    const posting = musicUnderstandingPosting();
    await ok(handle({ type: 'posting.save', payload: { posting } }));
    const seen = await ok<{ marked: boolean }>(
      handle({ type: 'posting.seenClosed', payload: { id: posting.id, evidence: 'No longer accepting applications' } }),
    );
    expect(seen.marked).toBe(true);
    const { saved } = await ok<{ saved: SavedPosting | null }>(handle({ type: 'posting.status', payload: { id: posting.id } }));
    expect(saved?.closedAt).not.toBeNull();
    expect(saved?.title).toBe(posting.title);

    const other = await ok<{ marked: boolean }>(
      handle({ type: 'posting.seenClosed', payload: { id: 'lever:not-saved', evidence: 'Page not found' } }),
    );
    expect(other.marked).toBe(false);
    const list = await ok<{ postings: SavedPosting[] }>(handle({ type: 'saved.list', payload: {} }));
    expect(list.postings.map((p) => p.id)).toEqual([posting.id]);
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

describe('createHandler: the messages for working with saved jobs', () => {
  it('updates the user part, marks closed, and reports changes on a re-save', async () => {
    const { handle } = await setup();
    const samba = sambaPosting();
    await ok(handle({ type: 'posting.save', payload: { posting: samba } }));

    const { saved } = await ok<{ saved: SavedPosting }>(
      handle({
        type: 'saved.update',
        payload: { id: samba.id, patch: { status: 'applying', notes: 'n', tags: [' a ', 'A'], rating: 2, corrections: { yearsMin: 3 } } },
      }),
    );
    expect(saved).toMatchObject({ status: 'applying', notes: 'n', tags: ['a'], rating: 2, corrections: { yearsMin: 3 } });
    expect(saved.statusHistory.map((s) => s.status)).toEqual(['saved', 'applying']);

    const closed = await ok<{ saved: SavedPosting }>(handle({ type: 'saved.markClosed', payload: { id: samba.id, closed: true } }));
    expect(closed.saved.closedAt).not.toBeNull();

    const resaved = await ok<{ saved: SavedPosting; changes: FieldChange[] }>(
      handle({ type: 'posting.save', payload: { posting: { ...samba, title: 'Renamed' } } }),
    );
    expect(resaved.changes).toMatchObject([{ field: 'title', before: samba.title, after: 'Renamed' }]);
    expect(resaved.saved).toMatchObject({ status: 'applying', rating: 2, corrections: { yearsMin: 3 } });
  });

  it('deletes several, exports a selection as JSON and CSV, and imports', async () => {
    const { db, handle } = await setup();
    const music = musicUnderstandingPosting();
    const samba = sambaPosting();
    await ok(handle({ type: 'posting.save', payload: { posting: music } }));
    await ok(handle({ type: 'posting.save', payload: { posting: samba } }));

    const { file } = await ok<{ file: ExportFile }>(handle({ type: 'saved.export', payload: { ids: [samba.id] } }));
    expect(file.postings.map((p) => p.id)).toEqual([samba.id]);
    const { csv } = await ok<{ csv: string }>(handle({ type: 'saved.exportCsv', payload: {} }));
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(3);

    const { deleted } = await ok<{ deleted: SavedPosting[] }>(
      handle({ type: 'saved.deleteMany', payload: { ids: [music.id, samba.id] } }),
    );
    expect(deleted.map((p) => p.id).sort()).toEqual([music.id, samba.id].sort());
    expect(await db.count(POSTINGS_STORE)).toBe(0);

    expect(await handle({ type: 'saved.import', payload: { text: JSON.stringify(file) } })).toEqual({
      ok: true,
      data: { added: 1, updated: 0, unchanged: 0 },
    });
  });

  it('answers a refused import with the clear message, writes nothing, and does not log it as a fault', async () => {
    const { db, handle } = await setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const bad = { ...savedFrom(sambaPosting(), '2026-06-01T10:00:00.000Z'), rating: 'five' };
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: '2026-06-06T12:00:00.000Z', postings: [bad] });
    expect(await handle({ type: 'saved.import', payload: { text } })).toEqual({
      ok: false,
      error: `Nothing was imported: 1 record is not valid.\nRecord 1 (${bad.id}): rating: expected number, received string`,
    });
    expect(await handle({ type: 'saved.import', payload: { text: 'hello' } })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^This file is not JSON: /),
    });
    expect(await db.count(POSTINGS_STORE)).toBe(0);
    expect(error).not.toHaveBeenCalled();
  });

  it('keeps settings', async () => {
    const { handle } = await setup();
    expect(await ok(handle({ type: 'settings.get', payload: {} }))).toEqual({ settings: { exchangeRates: null } });
    const settings = { exchangeRates: { base: 'EUR', rates: { USD: 1.08 }, updatedAt: '2026-06-01T10:00:00.000Z' } };
    await ok(handle({ type: 'settings.set', payload: { settings } }));
    expect(await ok(handle({ type: 'settings.get', payload: {} }))).toEqual({ settings });
  });

  it("says the browser's storage is full, and leaves the stored record as it was", async () => {
    const { db, handle } = await setup();
    const samba = sambaPosting();
    const { saved } = await ok<{ saved: SavedPosting }>(handle({ type: 'posting.save', payload: { posting: samba } }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const answer = await handle({ type: 'saved.update', payload: { id: samba.id, patch: { notes: 'lost?' } } });
    expect(answer).toEqual({ ok: false, error: STORAGE_FULL_MESSAGE });
    expect(STORAGE_FULL_MESSAGE).toBe(
      "Your browser's storage is full: nothing was saved. Free some disk space or delete saved jobs, then try again.",
    );
    vi.mocked(IDBObjectStore.prototype.put).mockRestore();
    expect(await db.get(POSTINGS_STORE, samba.id)).toEqual(saved);
    expect(error).not.toHaveBeenCalled();
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
    ['a status outside the pipeline', { type: 'saved.update', payload: { id: 'lever:x', patch: { status: 'ghosted' } } }],
    ['a rating of 6', { type: 'saved.update', payload: { id: 'lever:x', patch: { rating: 6 } } }],
    ['an unknown patch field', { type: 'saved.update', payload: { id: 'lever:x', patch: { savedAt: '2020-01-01T00:00:00.000Z' } } }],
    ['an update without a patch', { type: 'saved.update', payload: { id: 'lever:x' } }],
    ['closed as text', { type: 'saved.markClosed', payload: { id: 'lever:x', closed: 'yes' } }],
    ['ids that are not a list', { type: 'saved.deleteMany', payload: { ids: 'lever:x' } }],
    ['an empty id in a selection', { type: 'saved.export', payload: { ids: [''] } }],
    ['an unknown export field', { type: 'saved.exportCsv', payload: { ids: [], all: true } }],
    ['an import that is not text', { type: 'saved.import', payload: { text: { format: 'joblens/export' } } }],
    ['settings with a bad currency', { type: 'settings.set', payload: { settings: { exchangeRates: { base: 'usd', rates: {}, updatedAt: '2026-06-01T10:00:00.000Z' } } } }],
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

describe('overlay.inject', () => {
  const PAGE = { tab: { id: 7 }, frameId: 3 };

  it("injects into the sender's own tab and frame", async () => {
    const injectOverlay = vi.fn(async () => undefined);
    const handle = createLazyHandler(async () => {
      throw new Error('not needed');
    }, { injectOverlay });
    expect(await handle({ type: 'overlay.inject', payload: {} }, PAGE)).toEqual({ ok: true, data: {} });
    expect(injectOverlay).toHaveBeenCalledExactlyOnceWith({ tabId: 7, frameId: 3 });
  });

  it('takes no tab or frame from the payload', async () => {
    const injectOverlay = vi.fn(async () => undefined);
    const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
    dbs.push(db);
    const handle = createHandler(db, { injectOverlay });
    const response = await handle({ type: 'overlay.inject', payload: { tabId: 1, frameId: 0 } }, PAGE);
    expect(response.ok).toBe(false);
    expect(injectOverlay).not.toHaveBeenCalled();
  });

  it('refuses a sender that is not a page (the popup), and a background that cannot inject', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const injectOverlay = vi.fn(async () => undefined);
    const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
    dbs.push(db);
    const handle = createHandler(db, { injectOverlay });
    expect(await handle({ type: 'overlay.inject', payload: {} }, {})).toEqual({
      ok: false,
      error: 'JobLens shows its panel only in a page that asks for it.',
    });
    expect(await handle({ type: 'overlay.inject', payload: {} })).toMatchObject({ ok: false });
    expect(injectOverlay).not.toHaveBeenCalled();
    expect(await createHandler(db)({ type: 'overlay.inject', payload: {} }, PAGE)).toEqual({
      ok: false,
      error: 'JobLens cannot show its panel from here.',
    });
  });

  it('answers with the injection error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
    dbs.push(db);
    const handle = createHandler(db, {
      injectOverlay: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    });
    expect(await handle({ type: 'overlay.inject', payload: {} }, PAGE)).toEqual({ ok: false, error: 'Cannot access contents of the page.' });
  });
});

describe('toMessageListener', () => {
  it("hands the handler the message's sender", async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: {} }));
    const sendResponse = vi.fn();
    toMessageListener(handler)({ type: 'overlay.inject', payload: {} }, { tab: { id: 4 }, frameId: 0 }, sendResponse);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalled());
    expect(handler).toHaveBeenCalledWith({ type: 'overlay.inject', payload: {} }, { tab: { id: 4 }, frameId: 0 });
  });

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
