import { afterEach, describe, expect, it, vi } from 'vitest';
import { FieldChange, Posting, SavedPosting, type RawPosting } from '../../src/model/index.ts';
import { createHandler, createLazyHandler, toMessageListener, type Handler } from '../../src/messaging/handlers.ts';
import { MESSAGE_TYPES, protocol, responseSchema } from '../../src/messaging/protocol.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import { STORAGE_FULL_MESSAGE } from '../../src/store/repository.ts';
import { fillTheDisk } from '../helpers/full-disk.ts';
import { musicUnderstandingPosting, sambaPosting } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function setup(): Promise<{ db: JobLensDB; handle: Handler }> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return { db, handle: createHandler(db, { injectOverlay: async () => undefined, injectReader: async () => true }) };
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
  it("names the messages the content scripts need, and no more", () => {
    expect(MESSAGE_TYPES.sort()).toEqual(
      ['reader.inject', 'posting.annotate', 'overlay.inject', 'posting.save', 'posting.status', 'saved.update', 'saved.markClosed', 'posting.seenClosed'].sort(),
    );
  });

  it('does not hand a content script the whole list, an export, an import or a deletion', async () => {
    const { db, handle } = await setup();
    const posting = musicUnderstandingPosting();
    await ok(handle({ type: 'posting.save', payload: { posting } }));
    // What the popup asked the background for before it opened the database itself.
    for (const message of [
      { type: 'saved.list', payload: {} },
      { type: 'saved.export', payload: {} },
      { type: 'saved.exportCsv', payload: {} },
      { type: 'saved.delete', payload: { id: posting.id } },
      { type: 'saved.deleteMany', payload: { ids: [posting.id] } },
      { type: 'saved.import', payload: { text: '{}' } },
      { type: 'settings.set', payload: { settings: { exchangeRates: null } } },
    ]) {
      expect(await handle(message, { tab: { id: 1 }, frameId: 0 }), message.type).toEqual({
        ok: false,
        error: `JobLens does not know the message type "${message.type}".`,
      });
    }
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });
});

describe('createHandler: valid round trips', () => {
  it('saves and reports status', async () => {
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

  });

  it('answers every message with a response its schema accepts', async () => {
    const { handle } = await setup();
    const posting = musicUnderstandingPosting();
    await ok(handle({ type: 'posting.save', payload: { posting } }));
    const payloads = {
      'posting.annotate': { raw: rawPosting() },
      'overlay.inject': {},
      'reader.inject': {},
      'posting.save': { posting },
      'posting.status': { id: posting.id },
      'saved.update': { id: posting.id, patch: { status: 'applied', rating: 3 } },
      'saved.markClosed': { id: posting.id, closed: true },
      'posting.seenClosed': { id: posting.id, evidence: 'No longer accepting applications' },
    } as const;
    expect(Object.keys(payloads).sort()).toEqual([...MESSAGE_TYPES].sort());
    for (const type of Object.keys(payloads) as (keyof typeof payloads)[]) {
      // As a content script in a tab's top frame sends them (overlay.inject needs the tab).
      const response = await handle({ type, payload: payloads[type] }, { tab: { id: 1 }, frameId: 0, url: posting.url });
      expect(response, type).toMatchObject({ ok: true });
      expect(responseSchema(type).safeParse(response).success, type).toBe(true);
      expect(protocol[type].response.safeParse((response as { data: unknown }).data).success, type).toBe(true);
    }
  });

  it('marks a saved posting closed when its page says so, keeps it, and leaves unsaved ones alone', async () => {
    const { db, handle } = await setup();
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
    const unsaved = await ok<{ saved: SavedPosting | null }>(handle({ type: 'posting.status', payload: { id: 'lever:not-saved' } }));
    expect(unsaved.saved).toBeNull();
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });

  it('reads no more than the first 200 KB of a posting\'s text, whatever a content script sends', async () => {
    const { handle } = await setup();
    const raw = rawPosting();
    // 300,000 characters of text, then a pay range the limit leaves unread.
    const long = { ...raw, payText: [], payStructured: [], sections: [...raw.sections, { heading: 'More', paragraphs: ['Filler text here. '.repeat(16_667)], items: [] }, { heading: 'Pay', paragraphs: ['Salary: $900,000 - $950,000 a year'], items: [] }] };
    const { posting } = await ok<{ posting: unknown }>(handle({ type: 'posting.annotate', payload: { raw: long } }));
    const read = Posting.parse(posting);
    expect(read.salaries.some((r) => r.min === 900_000)).toBe(false);
    expect(read.description.length).toBeLessThanOrEqual(200_000);
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

  it("says the browser's storage is full, and leaves the stored record as it was", async () => {
    const { db, handle } = await setup();
    const samba = sambaPosting();
    const { saved } = await ok<{ saved: SavedPosting }>(handle({ type: 'posting.save', payload: { posting: samba } }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fillTheDisk();
    const answer = await handle({ type: 'saved.update', payload: { id: samba.id, patch: { notes: 'lost?' } } });
    expect(answer).toEqual({ ok: false, error: STORAGE_FULL_MESSAGE });
    expect(STORAGE_FULL_MESSAGE).toBe(
      "Your browser's storage is full: nothing was saved. Free some disk space or delete saved jobs, then try again.",
    );
    expect(error).not.toHaveBeenCalled();
    vi.restoreAllMocks();
    expect(await db.get(POSTINGS_STORE, samba.id)).toEqual(saved);
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
    ['an extra payload field', { type: 'posting.status', payload: { id: 'lever:x', all: true } }],
    ['a numeric id', { type: 'posting.status', payload: { id: 42 } }],
    ['evidence of a closed page that is not text', { type: 'posting.seenClosed', payload: { id: 'lever:x', evidence: 42 } }],
    ['a status outside the pipeline', { type: 'saved.update', payload: { id: 'lever:x', patch: { status: 'ghosted' } } }],
    ['a rating of 6', { type: 'saved.update', payload: { id: 'lever:x', patch: { rating: 6 } } }],
    ['an unknown patch field', { type: 'saved.update', payload: { id: 'lever:x', patch: { savedAt: '2020-01-01T00:00:00.000Z' } } }],
    ['an update without a patch', { type: 'saved.update', payload: { id: 'lever:x' } }],
    ['closed as text', { type: 'saved.markClosed', payload: { id: 'lever:x', closed: 'yes' } }],
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

  it('a refused update leaves the saved record as it was', async () => {
    const { db, handle } = await setup();
    const { saved } = await ok<{ saved: SavedPosting }>(handle({ type: 'posting.save', payload: { posting } }));
    expect((await handle({ type: 'saved.update', payload: { id: posting.id, patch: { rating: 6 } } })).ok).toBe(false);
    expect(await db.get(POSTINGS_STORE, posting.id)).toEqual(saved);
  });

  it('turns a repository failure into an error response', async () => {
    const { db, handle } = await setup();
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await handle({ type: 'saved.update', payload: { id: 'lever:corrupt', patch: { notes: 'x' } } });
    expect(response).toMatchObject({ ok: false });
    expect(await db.get(POSTINGS_STORE, 'lever:corrupt')).toEqual({ id: 'lever:corrupt' });
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
    await ok(handle({ type: 'posting.status', payload: { id: 'lever:x' } }));
    await ok(handle({ type: 'posting.status', payload: { id: 'lever:x' } }));
    expect(open).toHaveBeenCalledOnce();
    close();
    await ok(handle({ type: 'posting.status', payload: { id: 'lever:x' } }));
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
    expect(await handle({ type: 'posting.status', payload: { id: 'lever:x' } })).toEqual({
      ok: false,
      error: 'JobLens could not open its database: quota exceeded',
    });
    await ok(handle({ type: 'posting.status', payload: { id: 'lever:x' } }));
  });
});

describe('reader.inject', () => {
  const PAGE = { tab: { id: 7 }, frameId: 3, url: 'https://jobs.lever.co/northwind/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34' };
  const noDatabase = async (): Promise<JobLensDB> => {
    throw new Error('not needed');
  };

  it("runs the reader in the sender's own tab and frame, for the sender's URL, and says whether it did", async () => {
    const injectReader = vi.fn(async ({ url }: { url: string }) => !url.endsWith('/northwind'));
    const handle = createLazyHandler(noDatabase, { injectReader });
    expect(await handle({ type: 'reader.inject', payload: {} }, PAGE)).toEqual({ ok: true, data: { injected: true } });
    expect(injectReader).toHaveBeenCalledExactlyOnceWith({ tabId: 7, frameId: 3, url: PAGE.url });
    expect(await handle({ type: 'reader.inject', payload: {} }, { ...PAGE, url: 'https://jobs.lever.co/northwind' })).toEqual({
      ok: true,
      data: { injected: false },
    });
  });

  it('takes no tab, frame or URL from the payload, and refuses a sender that is not a page', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const injectReader = vi.fn(async () => true);
    const handle = createLazyHandler(noDatabase, { injectReader });
    expect((await handle({ type: 'reader.inject', payload: { url: 'https://example.org/' } }, PAGE)).ok).toBe(false);
    expect(await handle({ type: 'reader.inject', payload: {} }, {})).toEqual({ ok: false, error: 'JobLens reads only a page that asks for it.' });
    expect(await handle({ type: 'reader.inject', payload: {} }, { tab: { id: 7 }, frameId: 0 })).toEqual({
      ok: false,
      error: 'JobLens reads only a page that asks for it.',
    });
    expect(injectReader).not.toHaveBeenCalled();
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
