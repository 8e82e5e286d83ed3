import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RETRY_MS, createPageReader, type PageReaderDeps, type PostingHead, type Reading } from '../../src/reader/page-reader.ts';

const POSTING_URL = 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a';
const INDEX_URL = 'https://jobs.lever.co/spotify';
const OTHER_URL = 'https://careers.example.test/jobs/1';

function head(id: string, title = 'Senior ML Engineer', extra: Record<string, unknown> = {}): PostingHead {
  return { id, title, parsedAt: new Date().toISOString(), ...extra };
}
const posting = (p: PostingHead): Reading => ({ kind: 'posting', posting: p, via: 'adapter' });
const none: Reading = { kind: 'none' };
const failed = (reason: string): Reading => ({ kind: 'failed', reason });

/** A page whose readings come from `readings` in turn (the last one repeats), at `href`. */
function harness(href: string, readings: Reading[], known = href === POSTING_URL) {
  let overlay = false;
  const sent: Array<{ at: number; command: unknown }> = [];
  const reads: number[] = [];
  const start = Date.now();
  const deps: PageReaderDeps = {
    href: () => href,
    isInvalid: () => false,
    mayHoldPosting: (url) => url !== INDEX_URL,
    isKnownPostingUrl: () => known,
    read: vi.fn(async (onRead: () => void) => {
      reads.push(Date.now() - start);
      const next = readings.length > 1 ? readings.shift()! : readings[0]!;
      if (next.kind !== 'none') onRead();
      return next;
    }),
    send: (command) => sent.push({ at: Date.now() - start, command }),
    hasOverlay: () => overlay,
    ensureOverlay: vi.fn(async () => {
      overlay = true;
    }),
    noteIfClosed: vi.fn(),
    watchPane: vi.fn(),
    setTimeout: (fn, ms) => void setTimeout(fn, ms),
  };
  const reader = createPageReader(deps);
  return { reader, deps, sent, reads, kinds: () => sent.map((s) => (s.command as { kind: string }).kind) };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the page reader: a posting', () => {
  it('shows a posting read at once, asks for the panel, and looks for "closed" after the panel has it', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:a'))]);
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['posting']);
    expect(h.reader.shown()).toMatchObject({ kind: 'posting', posting: { id: 'lever:a' } });
    expect(h.deps.ensureOverlay).toHaveBeenCalled();
    expect(h.deps.noteIfClosed).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.deps.noteIfClosed).toHaveBeenCalledWith('lever:a');
  });

  it('tells the panel when only the first part of the posting\'s text was sent to be read', async () => {
    const h = harness(POSTING_URL, [{ kind: 'posting', posting: head('lever:a'), via: 'adapter', clipped: true }]);
    await h.reader.refresh(false);
    expect(h.sent.map((s) => s.command)).toEqual([{ kind: 'posting', posting: expect.objectContaining({ id: 'lever:a' }), via: 'adapter', clipped: true }]);
    const whole = harness(POSTING_URL, [posting(head('lever:b'))]);
    await whole.reader.refresh(false);
    expect(whole.sent.map((s) => s.command)).toEqual([{ kind: 'posting', posting: expect.objectContaining({ id: 'lever:b' }), via: 'adapter' }]);
  });

  it('on a known posting address, reads again on the single-page schedule until the pane has the posting', async () => {
    const h = harness(POSTING_URL, [none, none, none, posting(head('lever:a'))]);
    const done = h.reader.refresh(false);
    await vi.runAllTimersAsync();
    await done;
    expect(h.reads).toEqual([0, 250, 850, 2050]);
    expect(h.kinds()).toEqual(['posting']);
  });

  it('gives up silently after the last retry when no posting shows (not asked): nothing is shown', async () => {
    const h = harness(POSTING_URL, [none]);
    const done = h.reader.refresh(false);
    await vi.runAllTimersAsync();
    await done;
    expect(h.reads).toHaveLength(RETRY_MS.length);
    expect(h.sent).toEqual([]);
    expect(h.deps.noteIfClosed).toHaveBeenCalledWith(null);
  });

  it('says "no posting" when the user asked and the page has none, after one reading elsewhere', async () => {
    const h = harness(OTHER_URL, [none]);
    await h.reader.refresh(true);
    expect(h.reads).toEqual([0]);
    expect(h.kinds()).toEqual(['not-found']);
  });

  it('skips a pane that still shows the last job under the next job\'s address, and shows the next once it renders', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:a', 'Data Engineer'))]);
    await h.reader.refresh(false);
    // The URL moved on (new id) but the pane still has the old title: stale until it changes.
    (h.deps.read as ReturnType<typeof vi.fn>).mockResolvedValueOnce(posting(head('lever:b', 'Data Engineer')));
    (h.deps.read as ReturnType<typeof vi.fn>).mockResolvedValueOnce(posting(head('lever:b', 'Platform Engineer')));
    const done = h.reader.refresh(false);
    await vi.runAllTimersAsync();
    await done;
    expect(h.sent.map((s) => (s.command as { posting?: PostingHead }).posting?.title)).toEqual(['Data Engineer', 'Platform Engineer']);
  });

  it('does not show the same reading again (a settled pane), but shows a changed one', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:a'))]);
    await h.reader.refresh(false);
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['posting']);
    (h.deps.read as ReturnType<typeof vi.fn>).mockResolvedValueOnce(posting(head('lever:a', 'Senior ML Engineer', { company: 'Spotify' })));
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['posting', 'posting']);
  });

  it('closes the panel on a board page that is not a posting, without reading it', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:a'))]);
    await h.reader.refresh(false);
    (h.deps as { href: () => string }).href = () => INDEX_URL;
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['posting', 'close']);
    expect(h.reader.shown()).toBeNull();
    expect(h.deps.read).toHaveBeenCalledTimes(1);
  });

  it('a newer read wins: an older one that finishes later shows nothing', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:new'))]);
    let finishOld!: (reading: Reading) => void;
    (h.deps.read as ReturnType<typeof vi.fn>).mockImplementationOnce(() => new Promise<Reading>((resolve) => (finishOld = resolve)));
    const first = h.reader.refresh(false);
    await vi.advanceTimersByTimeAsync(0);
    await h.reader.refresh(false);
    finishOld(posting(head('lever:old')));
    await first;
    expect(h.sent.map((s) => (s.command as { posting?: PostingHead }).posting?.id)).toEqual(['lever:new']);
    expect(h.reader.shown()).toMatchObject({ posting: { id: 'lever:new' } });
  });
});

describe('the page reader: a failure is not "no posting"', () => {
  it('shows the failure and its reason as soon as the background fails, not after 4.6 s of retries', async () => {
    const h = harness(POSTING_URL, [failed("JobLens's background stopped before it answered.")]);
    const done = h.reader.refresh(false);
    await vi.runAllTimersAsync();
    await done;
    expect(h.sent).toEqual([{ at: 0, command: { kind: 'failed', reason: "JobLens's background stopped before it answered." } }]);
    expect(h.reads).toEqual([0]);
    expect(h.reader.shown()).toEqual({ kind: 'failed', reason: "JobLens's background stopped before it answered." });
  });

  it('never says "no posting" for a failure, asked or not, on a known address or elsewhere', async () => {
    for (const [url, asked] of [
      [POSTING_URL, false],
      [POSTING_URL, true],
      [OTHER_URL, true],
    ] as const) {
      const h = harness(url, [failed('gave no answer')]);
      const done = h.reader.refresh(asked);
      await vi.runAllTimersAsync();
      await done;
      expect(h.kinds()).toEqual(['failed']);
    }
  });

  it('a failure after the pane was still empty is shown when it happens', async () => {
    const h = harness(POSTING_URL, [none, none, failed('gave no answer')]);
    const done = h.reader.refresh(false);
    await vi.runAllTimersAsync();
    await done;
    expect(h.sent).toEqual([{ at: 850, command: { kind: 'failed', reason: 'gave no answer' } }]);
  });

  it('Try again (a request) replaces the failure with the posting once the background answers', async () => {
    const h = harness(POSTING_URL, [failed('gave no answer'), posting(head('lever:a'))]);
    await h.reader.refresh(false);
    await h.reader.refresh(true);
    expect(h.kinds()).toEqual(['failed', 'posting']);
  });

  it('Try again that fails again says so again (the panel hears a new answer)', async () => {
    const h = harness(POSTING_URL, [failed('first'), failed('second')]);
    await h.reader.refresh(false);
    await h.reader.refresh(true);
    expect(h.sent.map((s) => s.command)).toEqual([
      { kind: 'failed', reason: 'first' },
      { kind: 'failed', reason: 'second' },
    ]);
  });

  it('a pane change after a failure reads again and shows the posting', async () => {
    const h = harness(POSTING_URL, [failed('gave no answer'), posting(head('lever:a'))]);
    await h.reader.refresh(false);
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['failed', 'posting']);
  });
});

describe('the page reader: the user closing the panel', () => {
  it('shows the same posting again after the user closed it', async () => {
    const h = harness(POSTING_URL, [posting(head('lever:a'))]);
    await h.reader.refresh(false);
    h.reader.closedByUser();
    expect(h.reader.shown()).toBeNull();
    await h.reader.refresh(false);
    expect(h.kinds()).toEqual(['posting', 'posting']);
  });
});
