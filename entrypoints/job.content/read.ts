import type { Posting } from '../../src/model/index.ts';
import { readPage } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';

/** The page's posting, or null when this page is not one (a board index, an odd page). */
export function readPosting(doc: Document, href: string): Posting | null {
  try {
    const raw = readPage(doc, new URL(href));
    return raw ? annotate(raw) : null;
  } catch (error) {
    // A page we misread must never break: log it and leave the page alone.
    console.warn('[JobLens] could not read this page', error);
    return null;
  }
}
