import { textFinder } from '../../src/sites/find-text.ts';

/**
 * Points at an evidence sentence on the page without touching the page: the boxes are
 * drawn in `layer` (inside our shadow root, fixed over the viewport, pointer-events none)
 * from the sentence's client rects, and follow it on scroll and resize. The page gets no
 * element, class, style or selection from us; only its scroll position changes.
 */
export interface EvidenceHighlighter {
  /** Scrolls to `text` and highlights it, replacing any earlier highlight; false when it is not on the page. */
  show(text: string): boolean;
  /** Whether `text` is on the page, without scrolling or highlighting. */
  has(text: string): boolean;
  /** Removes the highlight and its listeners. */
  clear(): void;
}

/** Rects below this size are empty line fragments (a trailing space, a collapsed node). */
const MIN_SIZE = 1;
/** A little air around the text, so the box does not touch the glyphs. */
const PAD = 2;

function sameOrInside(inner: DOMRect, outer: DOMRect): boolean {
  return (
    inner.left >= outer.left - 0.5 &&
    inner.top >= outer.top - 0.5 &&
    inner.right <= outer.right + 0.5 &&
    inner.bottom <= outer.bottom + 0.5
  );
}

/**
 * One rect per line fragment. A range's client rects also hold the boxes of elements it
 * wholly contains (a link inside the sentence), which overlap the text's own: those inside
 * another are dropped, so no area is tinted twice.
 */
function lineRects(range: Range): DOMRect[] {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width >= MIN_SIZE && r.height >= MIN_SIZE);
  return rects.filter((r, i) => !rects.some((other, j) => j !== i && sameOrInside(r, other) && (!sameOrInside(other, r) || j < i)));
}

export function createEvidenceHighlighter(layer: HTMLElement, host: Element): EvidenceHighlighter {
  const doc = layer.ownerDocument;
  const win = doc.defaultView ?? window;
  let range: Range | null = null;
  let frame = 0;

  // One index of the page's text for all the searches of one task (the panel asks about
  // each value while it renders); the page may change before the next.
  let finder: ((text: string) => Range | null) | null = null;
  const find = (text: string) => {
    if (!finder) {
      finder = textFinder(doc.body ?? doc, host);
      queueMicrotask(() => {
        finder = null;
      });
    }
    return finder(text);
  };

  const draw = () => {
    frame = 0;
    if (!range) return;
    const rects = lineRects(range);
    while (layer.childElementCount > rects.length) layer.lastElementChild?.remove();
    while (layer.childElementCount < rects.length) {
      const box = doc.createElement('div');
      box.className = 'jl-highlight-box';
      layer.append(box);
    }
    rects.forEach((rect, i) => {
      const box = layer.children[i] as HTMLElement;
      box.style.left = `${rect.left - PAD}px`;
      box.style.top = `${rect.top - PAD}px`;
      box.style.width = `${rect.width + 2 * PAD}px`;
      box.style.height = `${rect.height + 2 * PAD}px`;
    });
  };

  // One redraw per frame however many scroll events arrive; capture sees scrolling
  // inside the page's own scroll containers too, not only the window's.
  const schedule = () => {
    if (!frame) frame = win.requestAnimationFrame(draw);
  };
  // Capture on the window: the overlay's shadow root stops key events from leaving it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    // Pressed in the panel: this Escape is spent on the highlight, so the panel does not
    // also fold away (it checks defaultPrevented). The page never sees keys from the panel.
    if (event.composedPath().includes(host)) event.preventDefault();
    clear();
  };

  const listen = () => {
    win.addEventListener('scroll', schedule, { capture: true, passive: true });
    win.addEventListener('resize', schedule, { passive: true });
    win.addEventListener('keydown', onKeyDown, { capture: true });
  };
  const unlisten = () => {
    win.removeEventListener('scroll', schedule, { capture: true });
    win.removeEventListener('resize', schedule);
    win.removeEventListener('keydown', onKeyDown, { capture: true });
  };

  const scrollTo = (target: Range) => {
    const reduced = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // 'instant', not 'auto': 'auto' follows the page's own CSS scroll-behavior, which may be smooth.
    const behavior: ScrollBehavior = reduced ? 'instant' : 'smooth';
    const element = target.startContainer.parentElement;
    if (!element) return;
    const box = element.getBoundingClientRect();
    if (box.height <= win.innerHeight) {
      element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
      return;
    }
    // An element taller than the window (a long block of prose): centring it could leave
    // the sentence off screen, so centre the sentence itself in the window instead.
    const rect = target.getBoundingClientRect();
    win.scrollBy({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior });
  };

  function clear(): void {
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (range) unlisten();
    range = null;
    layer.replaceChildren();
  }

  function show(text: string): boolean {
    const found = find(text);
    clear();
    if (!found) return false;
    range = found;
    listen();
    scrollTo(found);
    draw();
    return true;
  }

  return { show, has: (text) => find(text) !== null, clear };
}
