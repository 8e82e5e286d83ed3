import type { OverlayCommand } from '../extension/overlay-bridge.ts';

/*
 * What the page reader decides, apart from the browser: when to read the page, how long to
 * wait for a single-page board to render a posting, when a pane still shows the last job,
 * and what the panel is told (a posting, "no posting", a failure, or to close). The entry
 * point (entrypoints/job.content) supplies the page, the background and the bridge.
 *
 * A failure is not "no posting": when the page reads as a posting but the background could
 * not interpret it (stopped, silent, refusing), the panel says JobLens could not read the
 * page, with the reason, and offers Try again, at once, instead of waiting out the
 * single-page retries and then showing nothing.
 *
 * No imports but types: this is bundled into the reader, which every board page may load.
 */

/** What the reader needs of an annotated posting: which one it is (the rest goes to the overlay as is). */
export interface PostingHead {
  id: string;
  title: string;
  [key: string]: unknown;
}

export type ReadVia = NonNullable<Extract<OverlayCommand, { kind: 'posting' }>['via']>;

/** One reading of the page. */
export type Reading =
  | { kind: 'posting'; posting: PostingHead; via: ReadVia; clipped?: boolean }
  /** The page holds no posting this reader recognises (or misread it). */
  | { kind: 'none' }
  /** The page read as a posting, but the background did not interpret it: `reason` says why, in plain words. */
  | { kind: 'failed'; reason: string };

/** What the panel shows now, as far as the reader knows. */
export type Shown =
  | { kind: 'posting'; posting: PostingHead; via: ReadVia; clipped?: boolean }
  | { kind: 'not-found' }
  | { kind: 'failed'; reason: string }
  | null;

export interface PageReaderDeps {
  href(): string;
  /** The content script's context is gone (the extension was reloaded, the page left). */
  isInvalid(): boolean;
  /** The URL may hold a posting (src/sites/registry.ts). */
  mayHoldPosting(href: string): boolean;
  /** The URL is a known board's posting address: a single-page board may render it late. */
  isKnownPostingUrl(href: string): boolean;
  /** Reads the page; `onRead` is called once it reads as a posting, before the background is asked. */
  read(onRead: () => void): Promise<Reading>;
  /** Sends the panel a command (the overlay bridge). */
  send(command: Exclude<OverlayCommand, { kind: 'close' }> | { kind: 'close' }): void;
  /** A live panel is attached to the bridge. */
  hasOverlay(): boolean;
  /** Asks the background for the panel's script, if it is not there yet. */
  ensureOverlay(): Promise<void>;
  /** Looks at the page for signs the posting is closed (readId: the posting read, if any). */
  noteIfClosed(readId: string | null): void;
  /** Starts watching a single-page board's pane for late changes. */
  watchPane(): void;
  setTimeout(fn: () => void, ms: number): void;
}

/** Single-page boards fill the posting in after the URL changes: look again a few times, then give up. */
export const RETRY_MS = [0, 250, 600, 1200, 2500];

/** Two readings of one posting that say the same (when it was read aside). */
export function sameReading(a: PostingHead, b: PostingHead): boolean {
  return a.id === b.id && JSON.stringify({ ...a, parsedAt: null }) === JSON.stringify({ ...b, parsedAt: null });
}

export interface PageReader {
  /** Reads the page; `onRequest` when the user asked (the toolbar, the shortcut, Try again). */
  refresh(onRequest: boolean): Promise<void>;
  /** The user closed the panel: the next posting is shown anew. */
  closedByUser(): void;
  /** What the panel was last told to show. */
  shown(): Shown;
}

export function createPageReader(deps: PageReaderDeps): PageReader {
  let shown: Shown = null;
  let generation = 0;

  const close = () => {
    shown = null;
    deps.send({ kind: 'close' });
  };

  const show = async (next: Exclude<Shown, null>) => {
    shown = next;
    deps.send(next);
    await deps.ensureOverlay();
  };

  const refresh = async (onRequest: boolean) => {
    const run = ++generation;
    const href = deps.href();
    if (!onRequest && !deps.mayHoldPosting(href)) {
      // A board's page that is not a posting (its index, its apply form): nothing to read
      // or to mark closed there, whatever it holds. Decided from the URL alone.
      if (deps.isInvalid()) return;
      deps.watchPane();
      if (shown) close();
      return;
    }
    const previous = shown?.kind === 'posting' ? shown.posting : null;
    const knownPosting = deps.isKnownPostingUrl(href);
    // At a board's posting address the panel is asked for before the page is read, so the
    // panel's script travels while this one reads; it shows nothing until it is sent something.
    if (knownPosting && !deps.isInvalid()) void deps.ensureOverlay();
    const delays = knownPosting ? RETRY_MS : [0];
    for (const [attempt, delay] of delays.entries()) {
      if (delay) await new Promise<void>((resolve) => deps.setTimeout(resolve, delay));
      if (run !== generation || deps.isInvalid()) return;
      deps.watchPane();
      // The panel's script is asked for as soon as the page reads as a posting, so it loads
      // while the background annotates.
      const reading = await deps.read(() => void deps.ensureOverlay());
      if (run !== generation) return;
      if (reading.kind === 'failed') {
        // The background was asked (and asked again) and did not interpret the page: waiting
        // for the pane to change would not help, and the user is told now.
        await show({ kind: 'failed', reason: reading.reason });
        return;
      }
      if (reading.kind === 'none') continue;
      const { posting, via, clipped } = reading;
      // The URL already names the next job while the pane still shows the last one.
      const stale = previous && posting.id !== previous.id && posting.title === previous.title && attempt < delays.length - 1;
      if (stale) continue;
      // The same job read the same again (the pane settled, a retry): nothing to show anew.
      // The same job read differently (its pane filled in or changed) is shown again.
      if (!onRequest && deps.hasOverlay() && shown?.kind === 'posting' && sameReading(shown.posting, posting)) {
        deps.noteIfClosed(posting.id);
        return;
      }
      // Whether the page says the posting is closed is looked at in a task of its own, after
      // the panel has been sent the posting: it reads the whole page's text.
      deps.setTimeout(() => {
        if (run === generation) deps.noteIfClosed(posting.id);
      }, 0);
      await show({ kind: 'posting', posting, via, ...(clipped ? { clipped } : {}) });
      return;
    }
    if (run !== generation) return;
    deps.noteIfClosed(null);
    if (onRequest) await show({ kind: 'not-found' });
    else if (shown) close();
  };

  return {
    refresh,
    closedByUser() {
      shown = null;
    },
    shown: () => shown,
  };
}
