import { RawPosting } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { cleanText } from './dom.ts';
import { jsonLdAdapter, readJsonLdPosting } from './jsonld.ts';
import { leverAdapter } from './lever.ts';

/** Board adapters, chosen by URL. Pages no adapter claims fall back to their JSON-LD. */
export const adapters: readonly SiteAdapter[] = [leverAdapter];

function toUrl(url: URL | string): URL | null {
  if (typeof url !== 'string') return url;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The adapter whose posting pages include `url`, or null. */
export function adapterFor(url: URL): SiteAdapter | null {
  for (const adapter of adapters) {
    try {
      if (adapter.matches(url)) return adapter;
    } catch {
      // A detector that throws does not match.
    }
  }
  return null;
}

/** True when `url` is a posting page of a board JobLens has an adapter for. */
export function isKnownPostingUrl(url: URL | string): boolean {
  const parsed = toUrl(url);
  return parsed !== null && adapterFor(parsed) !== null;
}

/** `{ site, jobId }` for a known board's posting URL, so text pasted with that URL gets the page's id. */
export function postingKeyFor(url: URL | string): { site: string; jobId: string } | null {
  const parsed = toUrl(url);
  const adapter = parsed ? adapterFor(parsed) : null;
  const jobId = parsed && adapter?.jobIdFromUrl ? adapter.jobIdFromUrl(parsed) : null;
  return adapter && jobId ? { site: adapter.id, jobId } : null;
}

function tryExtract(adapter: SiteAdapter, doc: Document, url: URL): RawPosting | null {
  try {
    const raw = adapter.extract(doc, url);
    // The contract is checked here, so a page read wrongly falls back instead of failing later.
    return raw && RawPosting.safeParse(raw).success ? raw : null;
  } catch {
    return null;
  }
}

/**
 * The page's posting: its board's adapter first, else whatever JobPosting JSON-LD it
 * carries; null when it is not a posting. Never throws.
 */
export function readPage(doc: Document, url: URL): RawPosting | null {
  const adapter = adapterFor(url);
  if (adapter) return tryExtract(adapter, doc, url) ?? tryExtract(jsonLdAdapter, doc, url);
  // A known board's other pages (its index, its apply form) are not postings, whatever JSON-LD they carry.
  const host = url.hostname.toLowerCase();
  if (adapters.some((a) => a.hosts?.includes(host))) return null;
  return tryExtract(jsonLdAdapter, doc, url);
}

/** Where a saved page says it lives: its canonical link, og:url, or its JSON-LD url (http(s) only). */
export function urlOfPage(doc: Document): string | null {
  try {
    const candidates = [
      doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
      doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
      readJsonLdPosting(doc)?.url,
    ];
    for (const candidate of candidates) {
      const href = cleanText(candidate ?? '');
      if (URL.canParse(href) && /^https?:$/.test(new URL(href).protocol)) return href;
    }
  } catch {
    // An odd page has no URL to offer.
  }
  return null;
}
