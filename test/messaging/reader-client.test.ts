import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createHandler, toMessageListener, type BackgroundServices, type MessageSender } from '../../src/messaging/handlers.ts';
import { annotatePosting, requestOverlay } from '../../src/messaging/reader-client.ts';
import { Posting, type RawPosting } from '../../src/model/index.ts';
import { openJobLensDB, type JobLensDB } from '../../src/store/db.ts';

let db: JobLensDB;
beforeEach(async () => {
  fakeBrowser.reset();
  db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/** The background's listener, as a content script in tab 7's top frame reaches it. */
function listen(services: Partial<BackgroundServices> = {}, sender: MessageSender = { tab: { id: 7 }, frameId: 0 }) {
  const listener = toMessageListener(createHandler(db, services));
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => listener(message, sender, sendResponse));
}

const raw: RawPosting = {
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

describe("the page reader's client", () => {
  it('hands back the whole annotated posting, for the overlay to validate', async () => {
    listen();
    const posting = await annotatePosting(raw);
    expect(posting.id).toBe('lever:3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34');
    expect(posting.title).toBe('Senior Data Platform Engineer');
    expect(Posting.safeParse(posting).success).toBe(true);
  });

  it("throws the background's refusal", async () => {
    listen();
    await expect(annotatePosting({ ...raw, title: undefined } as unknown as RawPosting)).rejects.toThrow(/JobLens refused posting.annotate/);
  });

  it('refuses an answer without the posting it needs', async () => {
    browser.runtime.onMessage.addListener((_m, _s, sendResponse) => {
      sendResponse({ ok: true, data: { posting: { title: 'no id' } } });
      return true;
    });
    await expect(annotatePosting(raw)).rejects.toThrow('JobLens: unexpected answer to posting.annotate.');
  });

  it("asks for the overlay in its own tab and frame, and reports when that fails", async () => {
    const injectOverlay = vi.fn(async () => undefined);
    listen({ injectOverlay }, { tab: { id: 7 }, frameId: 2 });
    await requestOverlay();
    expect(injectOverlay).toHaveBeenCalledExactlyOnceWith({ tabId: 7, frameId: 2 });

    fakeBrowser.reset();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    listen({
      injectOverlay: async () => {
        throw new Error('Cannot access contents of the page.');
      },
    });
    await expect(requestOverlay()).rejects.toThrow('Cannot access contents of the page.');
  });
});
