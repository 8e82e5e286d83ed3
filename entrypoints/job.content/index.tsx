import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { Posting } from '../../src/model/index.ts';
import { ON_REQUEST_FLAG } from '../../src/extension/on-request-flag.ts';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { isKnownPostingUrl } from '../../src/sites/registry.ts';
import { NotFound } from '../../src/ui/overlay/NotFound.tsx';
import { readPosting } from './read.ts';
import { OverlayRoot } from './OverlayRoot.tsx';
import { createEvidenceHighlighter, type EvidenceHighlighter } from './highlight.ts';
import overlayCss from '../../src/ui/overlay/overlay.css?inline';

// Glue only: read the page, then show the overlay in a shadow root. Reading lives in
// src/sites; interpreting (src/annotate.ts) and storage live in the background.

interface Mounted {
  app: HTMLElement;
  highlighter: EvidenceHighlighter;
}
type Shown = { kind: 'posting'; posting: Posting } | { kind: 'not-found' } | null;

/** Single-page boards fill the posting in after the URL changes: look again a few times, then give up. */
const RETRY_MS = [0, 250, 600, 1200, 2500];
const INSTANCE_KEY = '__joblensInstance';

export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const scope = globalThis as Record<string, unknown>;
    const requested = scope[ON_REQUEST_FLAG] === true;
    scope[ON_REQUEST_FLAG] = false;
    // Injected again on request where JobLens already runs: the running copy reads again.
    const running = scope[INSTANCE_KEY] as { request(): void } | undefined;
    if (running) {
      if (requested) running.request();
      return;
    }

    let ui: ShadowRootContentScriptUi<Mounted> | null = null;
    let shown: Shown = null;
    let generation = 0;

    const close = () => {
      shown = null;
      ui?.remove();
    };

    const mount = async (): Promise<Mounted> => {
      ui ??= await createShadowRootUi<Mounted>(ctx, {
        name: 'joblens-overlay',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        css: overlayCss,
        isolateEvents: true,
        onMount(container, _shadow, host) {
          // The host sits outside the flow so the page's layout is untouched.
          host.style.setProperty('position', 'fixed', 'important');
          host.style.setProperty('top', '0', 'important');
          host.style.setProperty('right', '0', 'important');
          host.style.setProperty('width', '0', 'important');
          host.style.setProperty('height', '0', 'important');
          host.style.setProperty('z-index', '2147483647', 'important');
          // Two siblings in the container: the highlight layer (drawn by hand) and the panel
          // (rendered by Preact, which must not see the layer's boxes as its own children).
          const layer = document.createElement('div');
          layer.className = 'jl-highlight-layer';
          layer.setAttribute('aria-hidden', 'true');
          const app = document.createElement('div');
          container.append(layer, app);
          return { app, highlighter: createEvidenceHighlighter(layer, host) };
        },
        onRemove(mounted) {
          if (!mounted) return;
          mounted.highlighter.clear();
          render(null, mounted.app);
        },
      });
      if (!ui.mounted) ui.mount();
      return ui.mounted!;
    };

    const show = async (next: Exclude<Shown, null>) => {
      shown = next;
      const { app, highlighter } = await mount();
      highlighter.clear();
      render(
        next.kind === 'posting' ? (
          <OverlayRoot
            key={next.posting.id}
            posting={next.posting}
            onClose={close}
            onShowEvidence={highlighter.show}
            isEvidenceOnPage={highlighter.has}
          />
        ) : (
          <NotFound onClose={close} />
        ),
        app,
      );
    };

    /** Reads the page; on a known board's posting URL, waits for a single-page board to render it. */
    const refresh = async (onRequest: boolean) => {
      const run = ++generation;
      const previous = shown?.kind === 'posting' ? shown.posting : null;
      const delays = isKnownPostingUrl(location.href) ? RETRY_MS : [0];
      for (const [attempt, delay] of delays.entries()) {
        if (delay) await new Promise<void>((resolve) => ctx.setTimeout(() => resolve(), delay));
        if (run !== generation || ctx.isInvalid) return;
        const posting = await readPosting(document, location.href);
        if (run !== generation) return;
        // The URL already names the next job while the pane still shows the last one.
        const stale =
          posting && previous && posting.id !== previous.id && posting.title === previous.title && attempt < delays.length - 1;
        if (posting && !stale) {
          if (!onRequest && ui?.mounted && previous?.id === posting.id) return;
          await show({ kind: 'posting', posting });
          return;
        }
      }
      if (run !== generation) return;
      if (onRequest) await show({ kind: 'not-found' });
      else if (shown) close();
    };

    scope[INSTANCE_KEY] = { request: () => void refresh(true) };
    ctx.onInvalidated(() => {
      delete scope[INSTANCE_KEY];
    });
    // Single-page boards (LinkedIn, Indeed, Ashby) change postings without a page load.
    ctx.addEventListener(window, 'wxt:locationchange', () => void refresh(false));
    await refresh(requested);
  },
});
