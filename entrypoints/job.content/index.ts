import { defineContentScript } from 'wxt/utils/define-content-script';
import { ON_REQUEST_FLAG, READER_INSTANCE_KEY } from '../../src/extension/on-request-flag.ts';
import { overlayBridge } from '../../src/extension/overlay-bridge.ts';
import { reportClosed, requestOverlay } from '../../src/messaging/reader-client.ts';
import { createPageReader } from '../../src/reader/page-reader.ts';
import { closedEvidence, saysNoMoreApplications } from '../../src/sites/closed.ts';
import { adapterFor, isKnownPostingUrl, mayHoldPosting, postingKeyFor } from '../../src/sites/registry.ts';
import { readPosting } from './read.ts';

// Glue only: read the page and hand what it holds to the overlay. This script is injected by
// the background: on a board's page that may hold a posting (asked for by the small script
// declared there, entrypoints/board.content), on any page on request, and on the sites the
// user always runs JobLens on. It carries the readers and nothing else: the panel is a
// separate script (entrypoints/overlay.content) that the background injects into this tab
// only when there is something to show. Both run in this tab's isolated world and meet on the
// overlay bridge. Reading lives in src/sites; when to read and what the panel is told, in
// src/reader/page-reader.ts; interpreting (src/annotate.ts) and storage live in the background.

const PANE_QUIET_MS = 400;

export default defineContentScript({
  // Injected with scripting.executeScript({ files: ['/content-scripts/job.js'] }), or registered
  // for a site the user always runs JobLens on (src/extension/on-request.ts).
  registration: 'runtime',
  // WXT's old-style "script started" window.postMessage is seen by the page's own message
  // listeners, and capturing its source location makes V8 reparse this whole script (~5 ms
  // on every board page). Newer copies are told apart by WXT's custom event instead.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const scope = globalThis as Record<string, unknown>;
    const requested = scope[ON_REQUEST_FLAG] === true;
    scope[ON_REQUEST_FLAG] = false;
    // Injected again on request where JobLens already runs: the running copy reads again.
    // Own properties only: a page element with this id or name shows through as
    // `window[name]` in this world too (DOM clobbering) and must not pass for a running copy.
    const running = Object.hasOwn(scope, READER_INSTANCE_KEY) ? (scope[READER_INSTANCE_KEY] as { request(): void }) : undefined;
    if (running) {
      if (requested) running.request();
      return;
    }

    // This copy is the running one from here on; a request that comes while it waits for the
    // page's HTML is kept for when it reads.
    let onRequest: (() => void) | null = null;
    let requestedMeanwhile = false;
    scope[READER_INSTANCE_KEY] = { request: () => (onRequest ? onRequest() : (requestedMeanwhile = true)) };
    ctx.onInvalidated(() => {
      delete scope[READER_INSTANCE_KEY];
    });
    // Injected as early as the page allows: its HTML is read once it is all there.
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
    }
    if (ctx.isInvalid) return;

    const bridge = overlayBridge();
    let injecting: Promise<void> | null = null;

    /** The overlay script is injected once per page; later postings travel over the bridge. */
    const ensureOverlay = async () => {
      if (bridge.hasOverlay()) return;
      injecting ??= requestOverlay()
        .catch((error: unknown) => console.warn('[JobLens] could not show the panel', error))
        .finally(() => {
          injecting = null;
        });
      await injecting;
    };

    /**
     * A saved posting whose page is gone or says it is closed is marked closed (never
     * deleted). A page that shows no posting at a posting's address may say so in any
     * words boards use; a page that still shows the posting counts only when it says it
     * takes no more applications, so a sentence like "once the role is filled" does not.
     */
    const noteIfClosed = (readId: string | null) => {
      const key = postingKeyFor(location.href);
      const id = readId ?? (key ? `${key.site}:${key.jobId}` : null);
      const evidence = id ? closedEvidence(document) : null;
      if (!id || !evidence || (readId && !saysNoMoreApplications(evidence))) return;
      reportClosed(id, evidence).catch((error: unknown) => console.warn('[JobLens] could not mark the posting closed', error));
    };

    // What to read when, and what the panel is told: src/reader/page-reader.ts.
    const reader = createPageReader({
      href: () => location.href,
      isInvalid: () => ctx.isInvalid,
      mayHoldPosting,
      isKnownPostingUrl,
      read: (onRead) => readPosting(document, location.href, onRead),
      send: (command) => bridge.send(command),
      hasOverlay: () => bridge.hasOverlay(),
      ensureOverlay,
      noteIfClosed,
      watchPane: () => watchPane(),
      setTimeout: (fn, ms) => void ctx.setTimeout(fn, ms),
    });
    const refresh = (onRequest: boolean) => reader.refresh(onRequest);

    /**
     * On a single-page board, the selected job's pane may fill in after the retries are
     * over (a slow network). The reader watches that one element, never the whole page,
     * and reads again once it has been quiet for a moment.
     */
    let paneObserver: MutationObserver | null = null;
    let watchedPane: Element | null = null;
    let paneQuiet: number | undefined;
    const watchPane = () => {
      let pane: Element | null = null;
      try {
        const selectors = adapterFor(new URL(location.href))?.paneSelectors ?? [];
        pane = selectors.map((selector) => document.querySelector(selector)).find((el) => el !== null) ?? null;
      } catch {
        pane = null;
      }
      if (pane === watchedPane) return;
      paneObserver?.disconnect();
      paneObserver = null;
      watchedPane = pane;
      if (!pane) return;
      paneObserver = new MutationObserver(() => {
        clearTimeout(paneQuiet);
        paneQuiet = ctx.setTimeout(() => void refresh(false), PANE_QUIET_MS);
      });
      paneObserver.observe(pane, { childList: true, subtree: true, characterData: true });
    };

    onRequest = () => void refresh(true);
    const stopHearingClose = bridge.onClosed(() => reader.closedByUser());
    // Try again, after a failed reading: the user asked, so "no posting" is said if it comes to that.
    const stopHearingRetry = bridge.onRetry(() => void refresh(true));
    ctx.onInvalidated(() => {
      paneObserver?.disconnect();
      stopHearingClose();
      stopHearingRetry();
    });
    // Single-page boards (LinkedIn, Indeed, Ashby) change postings without a page load. WXT
    // fires this from the Navigation API's navigate event, before history.pushState has
    // changed location.href: read once the navigation has happened, not during it.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(() => void refresh(false), 0);
    });
    await refresh(requested || requestedMeanwhile);
  },
});
