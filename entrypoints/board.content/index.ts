import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { READER_INSTANCE_KEY } from '../../src/extension/on-request-flag.ts';
// Types only: the message is checked against the protocol here without bundling its schemas.
import type { Message } from '../../src/messaging/protocol.ts';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';

// Glue only, and small on purpose: this is the one script declared on every page of the
// boards' hosts, most of which are not postings (indexes, search, apply forms). It asks the
// background for the page reader (entrypoints/job.content), which the background runs in
// this frame only when the frame's URL may hold a posting. A page that is not one never
// compiles the reader (README, "Budgets").
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  // As early as possible: the reader is injected while the page's HTML still loads, and
  // waits for it.
  runAt: 'document_start',
  // No WXT "script started" window.postMessage: the page would see it.
  noScriptStartedPostMessage: true,
  main(ctx) {
    let asked: string | null = null;
    const ask = () => {
      // Once the reader runs in this frame it follows the page's navigations itself. Own
      // property only: a page element with this id shows through as window[name] here too.
      if (Object.hasOwn(globalThis, READER_INSTANCE_KEY) || asked === location.href || ctx.isInvalid) return;
      asked = location.href;
      browser.runtime
        .sendMessage({ type: 'reader.inject', payload: {} } satisfies Message<'reader.inject'>)
        .catch((error: unknown) => console.warn('[JobLens] could not read this page', error));
    };
    ask();
    // Single-page boards (LinkedIn, Indeed) move from a search page to a posting without a
    // page load: ask again once the navigation has happened.
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      ctx.setTimeout(ask, 0);
    });
  },
});
