import type { FieldValue, RawPosting } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { cleanText, firstText, sectionsOfAll } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';

/*
 * SmartRecruiters' hosted posting pages: jobs.smartrecruiters.com/{company}/{postingId}-{slug}.
 * The page is server-rendered with schema.org microdata on its own markup (h1.job-title
 * [itemprop=title], ul.job-details, <spl-job-location formattedAddress workplaceType>,
 * section.job-section#st-… with h2.title and div.wysiwyg). test/fixtures/smartrecruiters/
 * says where each selector was checked.
 */

const HOSTS = new Set(['jobs.smartrecruiters.com']);

/** First path segments on jobs.smartrecruiters.com that are not a company (apply flow, candidate area, assets). */
const RESERVED = new Set(['oneclick-ui', 'my-applications', 'sr-jobs', 'api', 'static', 'ni', 'public']);

/** `/{company}/{postingId}` or `/{company}/{postingId}-{slug}`; posting ids are long numbers (744000153868469). */
const POSTING_PATH = /^\/([^/]+)\/(\d{6,})(?:-[^/]*)?\/?$/;

/** Named so a selector report can say which of them a page still carries. */
export const SELECTORS = {
  title: 'h1.job-title',
  titleMicrodata: 'h1[itemprop="title"]',
  company: '[itemprop="hiringOrganization"] meta[itemprop="name"]',
  details: 'ul.job-details',
  location: 'spl-job-location',
  addressLocality: '[itemprop="jobLocation"] meta[itemprop="addressLocality"]',
  addressRegion: '[itemprop="jobLocation"] meta[itemprop="addressRegion"]',
  addressCountry: '[itemprop="jobLocation"] meta[itemprop="addressCountry"]',
  employmentType: '[itemprop="employmentType"]',
  detail: 'ul.job-details .job-detail',
  sections: 'section.job-section',
  sectionTitle: 'section.job-section h2.title',
  sectionBody: 'section.job-section .wysiwyg',
} as const;

export interface SmartRecruitersPostingKey {
  /** The company identifier as written in the URL (`WesternDigital`). */
  company: string;
  /** The posting id (`744000153868469`). */
  id: string;
}

/** The company and posting id of a SmartRecruiters posting page URL; null for any other URL. */
export function smartRecruitersPostingKey(url: URL): SmartRecruitersPostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = POSTING_PATH.exec(url.pathname);
  if (!match) return null;
  let company: string;
  try {
    company = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  if (RESERVED.has(company.toLowerCase())) return null;
  return { company, id: match[2]! };
}

function attr(el: Element | null, name: string): string | null {
  const value = cleanText(el?.getAttribute(name) ?? '');
  return value || null;
}

function metaContent(doc: Document, selector: string): string | null {
  return attr(doc.querySelector(selector), 'content');
}

/** "City, Region, Country" from the address microdata, each part once. */
function addressFromMicrodata(doc: Document): string | null {
  const parts = [SELECTORS.addressLocality, SELECTORS.addressRegion, SELECTORS.addressCountry]
    .map((selector) => metaContent(doc, selector))
    .filter((p, i, all): p is string => p !== null && all.indexOf(p) === i);
  return parts.length ? parts.join(', ') : null;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = smartRecruitersPostingKey(url);
  const ld = readJsonLdPosting(doc);
  const title = firstText(doc, [SELECTORS.title, SELECTORS.titleMicrodata]) ?? ld?.title ?? null;
  if (!title) return null;

  const sections = sectionsOfAll(Array.from(doc.querySelectorAll(SELECTORS.sections)));
  const allSections = sections.length ? sections : (ld?.sections ?? []);
  // A title with no description is not a page this adapter understands; the fallbacks may.
  if (allSections.length === 0) return null;

  const locationEl = doc.querySelector(SELECTORS.location);

  const workplace: FieldValue[] = [];
  const workplaceType = attr(locationEl, 'workplacetype');
  if (workplaceType) {
    // The attribute is an enum token ("on_site"); the parsers read words, so "on-site".
    workplace.push({ value: workplaceType.replace(/_/g, '-'), source: 'board', field: 'SmartRecruiters workplace type' });
  }
  workplace.push(...(ld?.workplace ?? []));

  // "Salary Range: 124,000.00-165,300.00" is one of the page's job details when the company sets it.
  const payText: FieldValue[] = Array.from(doc.querySelectorAll(SELECTORS.detail))
    .map((el) => cleanText(el.textContent ?? ''))
    .filter((text) => /\b(?:salary|pay|compensation)\b/i.test(text))
    .map((value) => ({ value, source: 'board', field: 'SmartRecruiters job details' }));

  return {
    site: 'smartrecruiters',
    jobId: key?.id ?? ld?.jobId ?? null,
    url: key ? `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` : url.href,
    title,
    company: metaContent(doc, SELECTORS.company) ?? ld?.company ?? key?.company ?? null,
    location: attr(locationEl, 'formattedaddress') ?? addressFromMicrodata(doc) ?? ld?.location ?? null,
    department: null,
    commitment: firstText(doc, [SELECTORS.employmentType]) ?? ld?.commitment ?? null,
    workplace,
    payText,
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections: allSections,
  };
}

export const smartRecruitersAdapter: SiteAdapter = {
  id: 'smartrecruiters',
  name: 'SmartRecruiters',
  hosts: [...HOSTS],
  matches: (url) => smartRecruitersPostingKey(url) !== null,
  jobIdFromUrl: (url) => smartRecruitersPostingKey(url)?.id ?? null,
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};
