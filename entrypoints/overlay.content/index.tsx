import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Posting } from '../../src/model/index.ts';
import { overlayBridge, type OverlayCommand } from '../../src/extension/overlay-bridge.ts';
import { NotFound } from '../../src/ui/overlay/NotFound.tsx';
import { ReadFailed } from '../../src/ui/overlay/ReadFailed.tsx';
import { OverlayRoot } from './OverlayRoot.tsx';
import { createEvidenceHighlighter, type EvidenceHighlighter } from './highlight.ts';
import overlayCss from '../../src/ui/overlay/overlay.css?inline';

// The panel over a posting, in a shadow root. Not in the manifest: the background injects
// it (`overlay.inject`) into a tab whose page reader (entrypoints/job.content) found
// something to show, so pages that are not postings never load the UI. It shows what the
// reader sends over the overlay bridge; the posting is validated here, before rendering.

interface Mounted {
  app: HTMLElement;
  highlighter: EvidenceHighlighter;
  /** The panel's shadow root and its host: a test case leaves the host out of the page and downloads from the root. */
  shadow: ShadowRoot;
  host: HTMLElement;
}

export default defineContentScript({
  // Injected with scripting.executeScript({ files: ['/content-scripts/overlay.js'] }) only.
  registration: 'runtime',
  // As in the page reader: no "script started" window.postMessage (the page would see it, and
  // capturing its source location makes V8 reparse this whole script before the panel shows).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const bridge = overlayBridge();
    let ui: ShadowRootContentScriptUi<Mounted> | null = null;

    const hide = () => {
      ui?.remove();
    };

    // Where the keyboard was on the page before it went into the panel: closing the panel
    // from the keyboard returns focus there instead of dropping it on the page's body.
    // Only listened to; the page's DOM is not touched.
    let pageFocus: WeakRef<HTMLElement> | null = null;
    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        if (event.target instanceof HTMLElement && event.target !== ui?.shadowHost) pageFocus = new WeakRef(event.target);
      },
      { capture: true, passive: true },
    );

    // The user closed the panel: the reader hears of it, so the next posting is shown again.
    const close = () => {
      const hadFocus = ui?.mounted != null && document.activeElement === ui.shadowHost;
      hide();
      bridge.closed();
      const back = pageFocus?.deref();
      if (hadFocus && back?.isConnected) back.focus({ preventScroll: true });
    };

    const mount = async (): Promise<Mounted> => {
      ui ??= await createShadowRootUi<Mounted>(ctx, {
        name: 'joblens-overlay',
        position: 'inline',
        // After <body>, not in it: a child of body would change which of the page's elements
        // match `body > :last-child`, `.x:last-child` or `~` rules, and so the page's layout.
        anchor: () => document.documentElement,
        append: 'last',
        css: overlayCss,
        isolateEvents: true,
        onMount(container, shadow, host) {
          // The host sits outside the flow so the page's layout is untouched.
          host.style.setProperty('position', 'fixed', 'important');
          host.style.setProperty('top', '0', 'important');
          host.style.setProperty('right', '0', 'important');
          host.style.setProperty('width', '0', 'important');
          host.style.setProperty('height', '0', 'important');
          host.style.setProperty('z-index', '2147483647', 'important');
          // A page can paint over any z-index (a full-screen layer in body::after, an element
          // after ours): the top layer is above all of it. A manual popover is not dismissed by
          // Escape or by clicks elsewhere; the shadow root's `:host { all: initial }` keeps the
          // UA's popover box styles (and the page's) off the host.
          if (typeof host.showPopover === 'function') {
            host.setAttribute('popover', 'manual');
            try {
              host.showPopover();
            } catch {
              // Not in the top layer (an older browser, a detached host): z-index still applies.
            }
          }
          // Two siblings in the container: the highlight layer (drawn by hand) and the panel
          // (rendered by Preact, which must not see the layer's boxes as its own children).
          const layer = document.createElement('div');
          layer.className = 'jl-highlight-layer';
          layer.setAttribute('aria-hidden', 'true');
          const app = document.createElement('div');
          container.append(layer, app);
          return { app, highlighter: createEvidenceHighlighter(layer, host), shadow, host };
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

    // Each command the reader sends; a failure shown again after Try again is a new answer.
    let commands = 0;
    const apply = async (command: OverlayCommand) => {
      commands++;
      if (command.kind === 'close') {
        hide();
        return;
      }
      let posting: Posting | null = null;
      if (command.kind === 'posting') {
        // zod at the boundary: what crossed the bridge came from the background through the page's world.
        const parsed = Posting.safeParse(command.posting);
        if (!parsed.success) {
          console.warn('[JobLens] not showing a posting that does not match the model', parsed.error);
          close();
          return;
        }
        posting = parsed.data;
      }
      const { app, highlighter, shadow, host } = await mount();
      highlighter.clear();
      // Loaded on the first press: the panel need not carry the sanitiser's setup until then.
      const saveTestCase = async (reading: Posting) =>
        (await import('../../src/extension/test-case-capture.ts')).saveTestCase({
          doc: document,
          reading,
          extension: browser.runtime.getManifest().version,
          panelHost: host,
          into: shadow,
        });
      render(
        posting ? (
          <OverlayRoot
            key={posting.id}
            posting={posting}
            onClose={close}
            onShowEvidence={highlighter.show}
            isEvidenceOnPage={highlighter.has}
            readVia={command.kind === 'posting' ? command.via : undefined}
            textClipped={command.kind === 'posting' && command.clipped === true}
            onSaveTestCase={() => saveTestCase(posting)}
          />
        ) : command.kind === 'failed' ? (
          <ReadFailed reason={command.reason} attempt={commands} onRetry={() => bridge.retry()} onClose={close} />
        ) : (
          <NotFound onClose={close} />
        ),
        app,
      );
    };

    // Commands are applied one after another: mounting is asynchronous, and a "close" must
    // not overtake the posting it closes.
    let queue = Promise.resolve();
    const detach = bridge.attach({
      show: (command) => {
        queue = queue.then(() => apply(command)).catch((error: unknown) => console.warn('[JobLens] could not show the panel', error));
      },
      // A second copy of this script took over (injected twice): this one leaves the page.
      dispose: hide,
      isAlive: () => ctx.isValid,
    });
    ctx.onInvalidated(detach);
  },
});
