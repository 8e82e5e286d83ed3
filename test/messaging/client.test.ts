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
    expect((await sendMessage('saved.list', {})).postings).toHaveLength(1);
    const { file } = await sendMessage('saved.export', {});
    expect(file.postings[0]?.id).toBe(posting.id);
    const { deleted } = await sendMessage('saved.delete', { id: posting.id });
    expect(deleted).toEqual(saved);
    await sendMessage('saved.restore', { posting: deleted! });
    expect(await db.count(POSTINGS_STORE)).toBe(1);
  });

  it('refuses to send an invalid request', async () => {
    await expect(sendMessage('saved.delete', { id: '' })).rejects.toThrow(/refusing to send/);
  });

  it("throws the background's own message when it refuses", async () => {
    await db.put(POSTINGS_STORE, { id: 'lever:corrupt' });
    const quiet = console.error;
    console.error = () => undefined;
    try {
      await expect(sendMessage('saved.delete', { id: 'lever:corrupt' })).rejects.toThrow(
        'Saved posting lever:corrupt is not valid, so it was kept rather than deleted.',
      );
    } finally {
      console.error = quiet;
    }
  });
});

describe('sendMessage against a misbehaving background', () => {
  it('rejects a response that does not match the schema', async () => {
    browser.runtime.onMessage.addListener((_m: unknown, _s: unknown, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: true, data: { postings: [{ id: 'not a posting' }] } });
      return true;
    });
    await expect(sendMessage('saved.list', {})).rejects.toThrow(/unexpected answer to saved.list/);
  });

  it('rejects no answer at all', async () => {
    browser.runtime.onMessage.addListener(() => undefined);
    await expect(sendMessage('saved.list', {})).rejects.toThrow(/no answer/);
  });
});
