/*
 * The page reader (entrypoints/job.content, declared on every board page) and the overlay
 * (entrypoints/overlay.content, injected only when there is something to show) are two
 * scripts in the same isolated world of the tab. They meet here: a small object on
 * globalThis, created by whichever script runs first, so the order they start in does not
 * matter. No imports: this is bundled into both, and the reader must stay small.
 */

/** What the reader asks the overlay to show. The posting is checked by the overlay (zod) before it is rendered. */
export type OverlayCommand =
  | {
      kind: 'posting';
      posting: unknown;
      /** Which reader understood the page: the board's adapter, or a fallback (the panel says so). */
      via?: 'adapter' | 'apply-page' | 'jsonld' | 'aggregator' | 'microdata' | 'generic';
      /** Only the first 200 KB of the posting's text was read (src/model/text-limit.ts): the panel says so. */
      clipped?: boolean;
    }
  | { kind: 'not-found' }
  /** The page read as a posting but the background could not interpret it; `reason` is for the user, in plain words. */
  | { kind: 'failed'; reason: string }
  | { kind: 'close' };

/** The overlay's side of the bridge. */
export interface OverlayEndpoint {
  /** Shows what the command says (replacing what is shown). */
  show(command: OverlayCommand): void;
  /** Removes this overlay from the page: a newer overlay took its place. */
  dispose(): void;
  /** False once this overlay's script is gone (its context invalidated: a reload, a newer copy). */
  isAlive(): boolean;
}

export interface OverlayBridge {
  readonly version: number;
  /**
   * Reader to overlay. Only the last command matters (each replaces what is shown), so the
   * queue is one deep: a command sent before the overlay is there waits for it.
   */
  send(command: OverlayCommand): void;
  /** Whether a live overlay is attached; when not, the reader asks the background to inject one. */
  hasOverlay(): boolean;
  /**
   * The overlay attaches: it is shown the waiting command at once, and every later one.
   * A second overlay (injected twice) replaces the first, which is disposed. Returns detach.
   */
  attach(endpoint: OverlayEndpoint): () => void;
  /** Overlay to reader: the user closed the panel. */
  closed(): void;
  /** The reader hears about the user closing the panel. Returns unsubscribe. */
  onClosed(listener: () => void): () => void;
  /** Overlay to reader: the user pressed Try again after a failed reading. */
  retry(): void;
  /** The reader hears Try again. Returns unsubscribe. */
  onRetry(listener: () => void): () => void;
}

export const OVERLAY_BRIDGE_KEY = '__joblensOverlayBridge';
/** Raised when the bridge's shape changes, so a script never talks to an older build's bridge. */
const BRIDGE_VERSION = 2;

export function createOverlayBridge(): OverlayBridge {
  let pending: OverlayCommand | null = null;
  let endpoint: OverlayEndpoint | null = null;
  const closedListeners = new Set<() => void>();
  const retryListeners = new Set<() => void>();

  const live = () => {
    try {
      return endpoint !== null && endpoint.isAlive();
    } catch {
      return false;
    }
  };

  return {
    version: BRIDGE_VERSION,
    send(command) {
      pending = command;
      if (live()) endpoint!.show(command);
    },
    hasOverlay: live,
    attach(next) {
      const previous = endpoint;
      endpoint = next;
      if (previous && previous !== next) {
        try {
          previous.dispose();
        } catch {
          // An overlay whose script is gone may fail to clean up; the new one is in place regardless.
        }
      }
      if (pending) next.show(pending);
      return () => {
        if (endpoint === next) endpoint = null;
      };
    },
    closed() {
      pending = { kind: 'close' };
      for (const listener of [...closedListeners]) listener();
    },
    onClosed(listener) {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
    retry() {
      for (const listener of [...retryListeners]) listener();
    },
    onRetry(listener) {
      retryListeners.add(listener);
      return () => retryListeners.delete(listener);
    },
  };
}

/** The bridge in this isolated world, created on first use. */
export function overlayBridge(scope: object = globalThis): OverlayBridge {
  const slots = scope as Record<string, unknown>;
  const existing = slots[OVERLAY_BRIDGE_KEY] as Partial<OverlayBridge> | undefined;
  if (existing && existing.version === BRIDGE_VERSION) return existing as OverlayBridge;
  const bridge = createOverlayBridge();
  slots[OVERLAY_BRIDGE_KEY] = bridge;
  return bridge;
}
