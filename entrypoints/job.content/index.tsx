import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { readPosting } from './read.ts';
import { OverlayRoot } from './OverlayRoot.tsx';
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
        render(<OverlayRoot posting={posting} onClose={() => ui.remove()} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.mount();
  },
});
