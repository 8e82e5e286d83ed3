import { browser } from 'wxt/browser';
import { mayHoldPosting } from '../sites/registry.ts';
import { ON_REQUEST_FLAG } from './on-request-flag.ts';

/*
 * "Any page, on request": JobLens declares only the known boards' hosts. Anywhere else it
 * runs when the user asks: the toolbar popup's "Read this page" or the keyboard shortcut
 * (both grant `activeTab` for that tab), or on a site the user chose to "always run on"
 * (an optional host permission for that one origin, plus a registered content script).
 */

/**
 * The page reader's file in the built extension (WXT names it after the entrypoint): injected
 * on a board's possible posting, on request, and on the sites the user always runs it on.
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/job.js';
/** The panel's script (entrypoints/overlay.content), injected by the background only; not in the manifest. */
export const OVERLAY_SCRIPT_FILE = '/content-scripts/overlay.js';
const REGISTERED_PREFIX = 'joblens-site:';

/** `https://example.com` for an http(s) page, else null (browser pages, files, the Web Store). */
export function webOrigin(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : null;
}

function originPattern(origin: string): string {
  return `${origin}/*`;
}

/** Runs the reader on a tab the user invoked JobLens on. Throws with a clear message when the page cannot be read. */
export async function readTab(tabId: number): Promise<void> {
  await browser.scripting.executeScript({
    target: { tabId },
    func: (flag: string) => {
      (globalThis as Record<string, unknown>)[flag] = true;
    },
    args: [ON_REQUEST_FLAG],
  });
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
}

/**
 * Runs the overlay script in the frame whose page reader asked for it. Allowed by the same
 * grant that let the reader run there: the boards' host permissions, `activeTab` for a page
 * read on request, or the optional permission of a site the user chose to always run on.
 */
export async function injectOverlay({ tabId, frameId }: { tabId: number; frameId: number }): Promise<void> {
  // At once, not held back until the page is idle: the reader asks for the panel while it reads.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_SCRIPT_FILE], injectImmediately: true });
}

/**
 * Runs the page reader in the frame of a board's page that asked for it (the small script
 * declared there, entrypoints/board.content), when the frame's URL may hold a posting; a
 * board's index or apply form never loads the reader. At once: the reader waits for the
 * page's HTML itself, and compiles meanwhile.
 */
export async function injectReader({ tabId, frameId, url }: { tabId: number; frameId: number; url: string }): Promise<boolean> {
  if (!mayHoldPosting(url)) return false;
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT_FILE], injectImmediately: true });
  return true;
}

/** The sites the user asked JobLens to always run on, as origins. */
export async function listAlwaysOn(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .filter((s) => s.id.startsWith(REGISTERED_PREFIX))
    .map((s) => s.id.slice(REGISTERED_PREFIX.length))
    .sort();
}

/**
 * Asks for this one origin (must be called from a click in an extension page) and, when
 * granted, registers the content script there. Resolves to false when the user says no.
 */
export async function alwaysRunOn(origin: string): Promise<boolean> {
  const granted = await browser.permissions.request({ origins: [originPattern(origin)] });
  if (!granted) return false;
  const id = REGISTERED_PREFIX + origin;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [originPattern(origin)], js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  return true;
}

/**
 * Asks for several origins in one prompt (from a click in an extension page: an imported
 * backup's sites) and registers the content script on each when granted. False when the
 * user says no; nothing is registered then.
 */
export async function alwaysRunOnMany(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  // Asked first, while the click still counts as the user's gesture.
  const granted = await browser.permissions.request({ origins: origins.map(originPattern) });
  if (!granted) return false;
  const ids = origins.map((origin) => REGISTERED_PREFIX + origin);
  const existing = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  const missing = origins.filter((origin) => !existing.has(REGISTERED_PREFIX + origin));
  if (missing.length > 0) {
    await browser.scripting.registerContentScripts(
      missing.map((origin) => ({
        id: REGISTERED_PREFIX + origin,
        matches: [originPattern(origin)],
        js: [CONTENT_SCRIPT_FILE],
        runAt: 'document_idle' as const,
        persistAcrossSessions: true,
      })),
    );
  }
  return true;
}

/** Stops running on a site and gives its permission back. */
export async function stopRunningOn(origin: string): Promise<void> {
  const id = REGISTERED_PREFIX + origin;
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await browser.permissions.remove({ origins: [originPattern(origin)] });
}
