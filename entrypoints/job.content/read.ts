import { readPageWithSource, type PageSource } from '../../src/sites/registry.ts';
import { annotatePosting, type PostingHead } from '../../src/messaging/reader-client.ts';

/**
 * The page's posting, or null when this page is not one (a board index, an odd page).
 * The page is read here; the background interprets what was read (`posting.annotate`),
 * so the parsers are not injected into every posting page. The posting is checked in full
 * by the overlay, which renders it.
 *
 * `onRead` is called once the page has been read as a posting, before the background is
 * asked to annotate it: the caller can ask for the panel then, so the panel's script
 * loads while the background works rather than after it.
 */
export async function readPosting(
  doc: Document,
  href: string,
  onRead?: () => void,
): Promise<{ posting: PostingHead; via: PageSource } | null> {
  try {
    const reading = readPageWithSource(doc, new URL(href));
    if (!reading) return null;
    onRead?.();
    return { posting: await annotatePosting(reading.raw), via: reading.via };
  } catch (error) {
    // A page we misread must never break: log it and leave the page alone.
    console.warn('[JobLens] could not read this page', error);
    return null;
  }
}
