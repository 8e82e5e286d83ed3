import { defineContentScript } from 'wxt/utils/define-content-script';
import { ON_REQUEST_FLAG, READER_INSTANCE_KEY } from '../../src/extension/on-request-flag.ts';
import { overlayBridge } from '../../src/extension/overlay-bridge.ts';
import { reportClosed, requestOverlay, type PostingHead } from '../../src/messaging/reader-client.ts';
import { closedEvidence, saysNoMoreApplications } from '../../src/sites/closed.ts';
import { adapterFor, isKnownPostingUrl, mayHoldPosting, postingKeyFor, type PageSource } from '../../src/sites/registry.ts';
import { readPosting } from './read.ts';

// Glue only: read the page and hand what it holds to the overlay. This script is injected by
// the background: on a board's page that may hold a posting (asked for by the small script
// declared there, entrypoints/board.content), on any page on request, and on the sites the
// user always runs JobLens on. It carries the readers and nothing else: the panel is a
// separate script (entrypoints/overlay.content) that the background injects into this tab
// only when there is something to show. Both run in this tab's isolated world and meet on the
// overlay bridge. Reading lives in src/sites; interpreting (src/annotate.ts) and storage
// live in the background.

type Shown = { kind: 'posting'; posting: PostingHead; via: PageSource } | { kind: 'not-found' } | null;

/** Single-page boards fill the posting in after the URL changes: look again a few times, then give up. */
const RETRY_MS = [0, 250, 600, 1200, 2500];
const PANE_QUIET_MS = 400;

/** Two readings of one posting that say the same (when it was read aside). */
function sameReading(a: PostingHead, b: PostingHead): boolean {
  return a.id === b.id && JSON.stringify({ ...a, parsedAt: null }) === JSON.stringify({ ...b, parsedAt: null });
}

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
    let shown: Shown = null;
    let generation = 0;
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

    const close = () => {
      shown = null;
      bridge.send({ kind: 'close' });
    };

    const show = async (next: Exclude<Shown, null>) => {
      shown = next;
      bridge.send(next);
      await ensureOverlay();
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

    /** Reads the page; on a known board's posting URL, waits for a single-page board to render it. */
    const refresh = async (onRequest: boolean) => {
      const run = ++generation;
      if (!onRequest && !mayHoldPosting(location.href)) {
        // A board's page that is not a posting (its index, its apply form): nothing to read
        // or to mark closed there, whatever it holds. Decided from the URL alone, so most
        // pages this script is declared on cost it next to nothing.
        if (ctx.isInvalid) return;
        watchPane();
        if (shown) close();
        return;
      }
      const previous = shown?.kind === 'posting' ? shown.posting : null;
      const knownPosting = isKnownPostingUrl(location.href);
      // At a board's posting address the panel is asked for before the page is read, so the
      // panel's script travels while this one reads; it shows nothing until it is sent
      // something (elsewhere it is asked for once the page reads as a posting, below).
      if (knownPosting && !ctx.isInvalid) void ensureOverlay();
      const delays = knownPosting ? RETRY_MS : [0];
      for (const [attempt, delay] of delays.entries()) {
        if (delay) await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), delay));
        if (run !== generation || ctx.isInvalid) return;
        watchPane();
        // The panel's script is asked for as soon as the page reads as a posting, so it
        // loads while the background annotates; it shows nothing until it is sent something.
        const reading = await readPosting(document, location.href, () => void ensureOverlay());
        if (run !== generation) return;
        const posting = reading?.posting ?? null;
        // The URL already names the next job while the pane still shows the last one.
        const stale =
          posting && previous && posting.id !== previous.id && posting.title === previous.title && attempt < delays.length - 1;
        if (reading && posting && !stale) {
          // The same job read the same again (the pane settled, a retry): nothing to show anew.
          // The same job read differently (its pane filled in or changed) is shown again.
          if (!onRequest && bridge.hasOverlay() && shown?.kind === 'posting' && sameReading(shown.posting, posting)) {
            noteIfClosed(posting.id);
            return;
          }
          // Whether the page says the posting is closed is looked at in a task of its own, after
          // the panel has been sent the posting: it reads the whole page's text, and the panel
          // need not wait for that.
          ctx.setTimeout(() => {
            if (run === generation) noteIfClosed(posting.id);
          }, 0);
          await show({ kind: 'posting', posting, via: reading.via });
          return;
        }
      }
      if (run !== generation) return;
      noteIfClosed(null);
      if (onRequest) await show({ kind: 'not-found' });
      else if (shown) close();
    };

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
    const stopHearingClose = bridge.onClosed(() => {
      shown = null;
    });
    ctx.onInvalidated(() => {
      paneObserver?.disconnect();
      stopHearingClose();
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
