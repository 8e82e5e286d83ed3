import { rawPostingSchema, type RawPosting } from '../model/raw.ts';
import type { RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { cleanText, sectionsOf } from './dom.ts';
import { classifyHeading } from '../parse/requirement-headings.ts';
import { jsonLdAdapter, readJsonLdPosting } from './jsonld.ts';
import { leverAdapter } from './lever.ts';
import { smartRecruitersAdapter } from './smartrecruiters.ts';
import { workableAdapter } from './workable.ts';
import { wellfoundAdapter } from './wellfound.ts';
import { aggregatorAdapter } from './aggregator.ts';
import { microdataAdapter } from './microdata.ts';
import { genericAdapter } from './generic.ts';
import { greenhouseAdapter } from './greenhouse.ts';
import { ashbyAdapter } from './ashby.ts';
import { workdayAdapter } from './workday.ts';
import { linkedinAdapter } from './linkedin.ts';
import { indeedAdapter } from './indeed.ts';

/** Board adapters, chosen by URL. Pages no adapter claims fall back to their JSON-LD. */
// Greenhouse after the others: it also claims any employer page with `?gh_jid=`.
export const adapters: readonly SiteAdapter[] = [leverAdapter, smartRecruitersAdapter, workableAdapter, wellfoundAdapter, workdayAdapter, linkedinAdapter, indeedAdapter, greenhouseAdapter, ashbyAdapter];

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

/**
 * False where reading can find no posting whatever the page holds: a known board's page that
 * is not one of its postings (its index, its apply form). URL only, so the page reader can
 * leave such pages at once, before it reads or builds anything.
 */
export function mayHoldPosting(url: URL | string): boolean {
  const parsed = toUrl(url);
  return parsed !== null && (adapterFor(parsed) !== null || applyPageOf(parsed) !== null || !isBoardHost(parsed));
}

/** The board and posting address of an apply or application page (Lever's `/apply`, Ashby's `/application`), or null. */
export function applyPageOf(url: URL): { adapter: SiteAdapter; postingUrl: URL } | null {
  for (const adapter of adapters) {
    try {
      const postingUrl = adapter.postingUrlOfApplyPage?.(url) ?? null;
      if (postingUrl) return { adapter, postingUrl };
    } catch {
      // A detector that throws does not match.
    }
  }
  return null;
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
    return raw && rawPostingSchema().safeParse(raw).success ? raw : null;
  } catch {
    return null;
  }
}

/** Which reader understood the page: its board's adapter, or one of the fallbacks in order. */
export type PageSource = 'adapter' | 'apply-page' | 'jsonld' | 'aggregator' | 'microdata' | 'generic';

export interface PageReading {
  raw: RawPosting;
  via: PageSource;
}

/** Readers for any page, most structured first: JSON-LD, an aggregator's facts, microdata, prose. */
const FALLBACKS: ReadonlyArray<readonly [Exclude<PageSource, 'adapter'>, SiteAdapter]> = [
  ['jsonld', jsonLdAdapter],
  ['aggregator', aggregatorAdapter],
  ['microdata', microdataAdapter],
  ['generic', genericAdapter],
];

/** A fallback's reading of a known board's posting page keeps the board's name and job id, so it stays one record. */
function asBoardPosting(raw: RawPosting, adapter: SiteAdapter, url: URL): RawPosting {
  let jobId: string | null = null;
  try {
    jobId = adapter.jobIdFromUrl?.(url) ?? null;
  } catch {
    // A detector that throws names no job.
  }
  return { ...raw, site: adapter.id, jobId: jobId ?? raw.jobId };
}

/**
 * The page's posting and the reader that understood it: its board's adapter first, then
 * JSON-LD, an aggregator's facts table or embedded posting JSON, microdata, and last the
 * page's prose. Null when the page is not a posting. Never throws.
 */
export function readPageWithSource(doc: Document, url: URL): PageReading | null {
  const adapter = adapterFor(url);
  if (adapter) {
    const raw = tryExtract(adapter, doc, url);
    if (raw) return { raw, via: 'adapter' };
    // The page's structured data names another job of this board: it still shows the
    // previously selected one (a single-page board mid-navigation). Nothing to read yet.
    const wanted = jobIdOf(adapter, url.href);
    const named = jobIdOf(adapter, jsonLdUrl(doc));
    if (wanted && named && named !== wanted) return null;
    if (adapter.singlePage) {
      if (!wanted || named !== wanted) return null;
      const ld = tryExtract(jsonLdAdapter, doc, url);
      return ld ? { raw: asBoardPosting(ld, adapter, url), via: 'jsonld' } : null;
    }
  } else if (isBoardHost(url)) {
    // An apply page shows its posting's headline, place and workplace type: read as at the posting's address.
    const apply = applyPageOf(url);
    const raw = apply ? tryExtract(apply.adapter, doc, apply.postingUrl) : null;
    // A known board's other pages (its index) are not postings, whatever they carry.
    return raw ? { raw, via: 'apply-page' } : null;
  }
  for (const [via, fallback] of FALLBACKS) {
    const found = tryExtract(fallback, doc, url);
    const raw = found && via === 'jsonld' ? withRequirementsOnPage(found, doc) : found;
    if (raw) return { raw: adapter ? asBoardPosting(raw, adapter, url) : raw, via };
  }
  return null;
}

/**
 * A JobPosting whose description stops before the candidate's part (Welcome to the Jungle's
 * JSON-LD leaves out "Ton profil", which the page shows): the page's own sections headed as
 * requirements are read beside it. Only those: the rest of a page (similar jobs, their pay,
 * menus) is not this posting's.
 */
function withRequirementsOnPage(raw: RawPosting, doc: Document): RawPosting {
  // Headings only (the requirement reader itself stays out of the page reader's bundle); items the
  // page repeats from the description are counted once where they are read.
  if (raw.sections.some((s) => s.heading !== null && classifyHeading(s.heading) !== null)) return raw;
  let sections: RawSection[] = [];
  try {
    sections = doc.body ? sectionsOf(doc.body) : [];
  } catch {
    // A page the section reader cannot walk adds nothing.
  }
  const asked = sections.filter((s) => s.heading !== null && classifyHeading(s.heading) !== null && s.items.length + s.paragraphs.length > 0);
  return asked.length > 0 ? { ...raw, sections: [...raw.sections, ...asked] } : raw;
}

function jsonLdUrl(doc: Document): string | null {
  try {
    return readJsonLdPosting(doc)?.url ?? null;
  } catch {
    return null;
  }
}

function isBoardHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  return adapters.some((a) => {
    try {
      return a.hosts?.includes(host) || a.ownsHost?.(host) === true;
    } catch {
      return false;
    }
  });
}

function jobIdOf(adapter: SiteAdapter, href: string | null | undefined): string | null {
  try {
    return href && URL.canParse(href) ? (adapter.jobIdFromUrl?.(new URL(href)) ?? null) : null;
  } catch {
    return null;
  }
}


/** The page's posting (see readPageWithSource); null when it is not a posting. Never throws. */
export function readPage(doc: Document, url: URL): RawPosting | null {
  return readPageWithSource(doc, url)?.raw ?? null;
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
