import type { FieldValue, RawPosting, RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { blockText, cleanText, sectionsOf } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';

/*
 * Indeed job pages: a posting's own page (/viewjob?jk={key}) and the search pages that show
 * the selected job in a pane beside the results (?vjk={key}). The selectors are Indeed's
 * `data-testid`s and ids; test/fixtures/indeed/README.md says where each was checked.
 */

/**
 * The US site and the English-language country sites, whose pages share its markup and
 * whose text the parsers read. Other country sites are left out until they are tested.
 */
export const INDEED_HOSTS: readonly string[] = [
  'www.indeed.com',
  'indeed.com',
  'uk.indeed.com',
  'ca.indeed.com',
  'au.indeed.com',
  'in.indeed.com',
  'ie.indeed.com',
];
const HOSTS = new Set(INDEED_HOSTS);

/** Indeed's job keys are 16 hex digits. */
const JOB_KEY = /^[0-9a-f]{16}$/i;
/** Search pages that show a selected job: the results (`/jobs`), the home feed (`/`), SEO result pages. */
const LIST_PATH = /^\/(?:jobs|q-[^/]+-jobs\.html)?$/;

/** The page's selectors, by field. */
export const SELECTORS = {
  /** The job's own part of the page (the pane on search pages); the result cards are outside it. */
  pane: ['.jobsearch-JobComponent', '#jobsearch-ViewjobPaneWrapper'],
  title: [
    '[data-testid="jobsearch-JobInfoHeader-title"]',
    'h1.jobsearch-JobInfoHeader-title',
    'h2.jobsearch-JobInfoHeader-title',
  ],
  company: ['[data-testid="inlineHeader-companyName"]', '[data-company-name="true"]'],
  location: [
    '[data-testid="inlineHeader-companyLocation"]',
    '[data-testid="job-location"]',
    '[data-testid="jobsearch-JobInfoHeader-companyLocation"]',
  ],
  /** "$65,000 - $80,000 a year" and " -  Full-time", each in a span of its own. */
  payAndType: ['#salaryInfoAndJobType', '[data-testid="jobsearch-OtherJobDetailsContainer"]'],
  description: '#jobDescriptionText',
} as const;

export interface IndeedPageKey {
  /** The job key (`jk`, or `vjk` on a search page), lower-cased. */
  jk: string;
  selected: boolean;
}

/** The job an Indeed URL shows; null for any other URL (a search with no job selected). */
export function indeedPostingKey(url: URL): IndeedPageKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  if (url.pathname === '/viewjob' || url.pathname === '/viewjob/') {
    const jk = url.searchParams.get('jk') ?? '';
    return JOB_KEY.test(jk) ? { jk: jk.toLowerCase(), selected: false } : null;
  }
  if (!LIST_PATH.test(url.pathname)) return null;
  const vjk = url.searchParams.get('vjk') ?? '';
  return JOB_KEY.test(vjk) ? { jk: vjk.toLowerCase(), selected: true } : null;
}

/**
 * Text of the first element matching one of `selectors`, on one line. Read as rendered text
 * (blockText), since the company link carries an inline <svg> whose <style> is not text.
 */
function textOf(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    const text = el ? cleanText(blockText(el)) : '';
    if (text) return text;
  }
  return null;
}

/** The header appends " - job post" for screen readers. */
function cleanTitle(text: string | null): string | null {
  const title = cleanText((text ?? '').replace(/\s*-\s*job post\s*$/i, ''));
  return title || null;
}

const JOB_TYPE = /^(?:full-time|part-time|contract|temporary|permanent|internship|apprenticeship|fixed term(?: contract)?|casual|freelance|volunteer|seasonal|graduate)(?:\s*,\s*.+)?$/i;

interface PayAndType {
  pay: string | null;
  jobType: string | null;
}

/** The header's pay line, and the job type written after it (" -  Full-time"). */
function readPayAndType(root: ParentNode): PayAndType {
  for (const selector of SELECTORS.payAndType) {
    const block = root.querySelector(selector);
    if (!block) continue;
    const spans = Array.from(block.querySelectorAll('span'))
      .filter((span) => !span.querySelector('span'))
      .map((span) => cleanText(span.textContent ?? '').replace(/^[-–—]\s*/, ''))
      .filter(Boolean);
    const parts = spans.length ? spans : [blockText(block)];
    const pay = parts.filter((part) => /\d/.test(part) && !JOB_TYPE.test(part));
    const jobType = parts.find((part) => JOB_TYPE.test(part)) ?? null;
    if (pay.length || jobType) return { pay: pay.length ? pay.join('\n') : null, jobType };
  }
  return { pay: null, jobType: null };
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = indeedPostingKey(url);
  let root: ParentNode = doc;
  for (const selector of SELECTORS.pane) {
    const pane = doc.querySelector(selector);
    if (pane) {
      root = pane;
      break;
    }
  }
  // A search page's JSON-LD, if any, is not about the selected job.
  const ld = key?.selected ? null : readJsonLdPosting(doc);
  const title = cleanTitle(textOf(root, SELECTORS.title)) ?? ld?.title ?? null;
  if (!title) return null;

  const { pay, jobType } = readPayAndType(root);
  const payText: FieldValue[] = pay ? [{ value: pay, source: 'board', field: 'Indeed pay line' }] : [];

  const description = root.querySelector(SELECTORS.description);
  const pageSections: RawSection[] = description ? sectionsOf(description) : [];

  return {
    site: 'indeed',
    jobId: key?.jk ?? ld?.jobId ?? null,
    url: key ? `https://${url.hostname.toLowerCase().replace(/^indeed\.com$/, 'www.indeed.com')}/viewjob?jk=${key.jk}` : url.href,
    title,
    company: textOf(root, SELECTORS.company) ?? ld?.company ?? null,
    location: textOf(root, SELECTORS.location) ?? ld?.location ?? null,
    department: null,
    commitment: jobType ?? ld?.commitment ?? null,
    workplace: ld?.workplace ?? [],
    payText,
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections: pageSections.length ? pageSections : (ld?.sections ?? []),
  };
}

export const indeedAdapter: SiteAdapter = {
  id: 'indeed',
  name: 'Indeed',
  hosts: INDEED_HOSTS,
  singlePage: true,
  paneSelectors: SELECTORS.pane,
  matches: (url) => indeedPostingKey(url) !== null,
  jobIdFromUrl: (url) => indeedPostingKey(url)?.jk ?? null,
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};
