import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { readPosting } from './read.ts';
import { OverlayRoot } from './OverlayRoot.tsx';
import { createEvidenceHighlighter } from './highlight.ts';
import overlayCss from '../../src/ui/overlay/overlay.css?inline';

// Glue only: read the page, then mount the overlay in a shadow root. Reading lives in
// src/sites; interpreting (src/annotate.ts) and storage live in the background.
export default defineContentScript({
  matches: [...CONTENT_SCRIPT_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    const posting = await readPosting(document, location.href);
    if (!posting) return;

    const ui = await createShadowRootUi(ctx, {
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
        const highlighter = createEvidenceHighlighter(layer, host);
        render(
          <OverlayRoot
            posting={posting}
            onClose={() => ui.remove()}
            onShowEvidence={highlighter.show}
            isEvidenceOnPage={highlighter.has}
          />,
          app,
        );
        return { app, highlighter };
      },
      onRemove(mounted) {
        if (!mounted) return;
        mounted.highlighter.clear();
        render(null, mounted.app);
      },
    });
    ui.mount();
  },
});
