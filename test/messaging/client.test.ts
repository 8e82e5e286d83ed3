import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../src/messaging/client.ts';
import { createHandler, toMessageListener } from '../../src/messaging/handlers.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import { musicUnderstandingPosting } from '../helpers/postings.ts';

let db: JobLensDB;

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
});
afterEach(() => db.close());

describe('sendMessage through the background listener', () => {
  beforeEach(() => {
    browser.runtime.onMessage.addListener(toMessageListener(createHandler(db)));
  });

  it('round-trips typed requests and validated responses', async () => {
    const posting = musicUnderstandingPosting();
    const { saved } = await sendMessage('posting.save', { posting });
    expect(saved.id).toBe(posting.id);
    expect((await sendMessage('posting.status', { id: posting.id })).saved?.savedAt).toBe(saved.savedAt);
    const updated = await sendMessage('saved.update', { id: posting.id, patch: { notes: 'Call on Thursday' } });
    expect(updated.saved.notes).toBe('Call on Thursday');
    const closed = await sendMessage('saved.markClosed', { id: posting.id, closed: true });
    expect(closed.saved.closedAt).not.toBeNull();
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });

  it('refuses to send an invalid request', async () => {
    await expect(sendMessage('posting.status', { id: '' })).rejects.toThrow(/refusing to send/);
  });

  it("throws the background's own message when it refuses", async () => {
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await expect(sendMessage('saved.update', { id: 'lever:corrupt', patch: { notes: 'x' } })).rejects.toThrow(
        'Saved posting lever:corrupt is not valid, so it was kept as it is rather than changed.',
      );
    } finally {
      console.error = quiet;
    }
  });
});

describe('sendMessage against a misbehaving background', () => {
  it('rejects a response that does not match the schema', async () => {
    browser.runtime.onMessage.addListener((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: true, data: { saved: { id: 'not a posting' } } });
      return true;
    });
    await expect(sendMessage('posting.status', { id: 'lever:1' })).rejects.toThrow(/unexpected answer to posting.status/);
  });

  it('rejects no answer at all', async () => {
    browser.runtime.onMessage.addListener(() => undefined);
    await expect(sendMessage('posting.status', { id: 'lever:1' })).rejects.toThrow(/no answer/);
  });
});
