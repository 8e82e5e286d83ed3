import { readPageWithSource } from '../../src/sites/registry.ts';
import { annotatePosting } from '../../src/messaging/reader-client.ts';
import { clipRawPosting } from '../../src/model/text-limit.ts';
import type { Reading } from '../../src/reader/page-reader.ts';

/**
 * The page's posting, or `none` when this page is not one (a board index, an odd page), or
 * `failed` when the page reads as a posting but the background did not interpret it.
 * The page is read here; the background interprets what was read (`posting.annotate`),
 * so the parsers are not injected into every posting page. The posting is checked in full
 * by the overlay, which renders it.
 *
 * `onRead` is called once the page has been read as a posting, before the background is
 * asked to annotate it: the caller can ask for the panel then, so the panel's script
 * loads while the background works rather than after it.
 */
export async function readPosting(doc: Document, href: string, onRead?: () => void): Promise<Reading> {
  let reading: ReturnType<typeof readPageWithSource>;
  try {
    reading = readPageWithSource(doc, new URL(href));
  } catch (error) {
    // A page we misread must never break: log it and leave the page alone.
    console.warn('[JobLens] could not read this page', error);
    return { kind: 'none' };
  }
  if (!reading) return { kind: 'none' };
  onRead?.();
  // The background reads every tab's posting in turn: it is sent the first 200 KB of text, no more.
  const { raw, clipped } = clipRawPosting(reading.raw);
  try {
    return { kind: 'posting', posting: await annotatePosting(raw), via: reading.via, ...(clipped ? { clipped } : {}) };
  } catch (error) {
    // The page holds a posting: a background that failed is no reason to say it does not.
    console.warn('[JobLens] the background could not read this page', error);
    return { kind: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
