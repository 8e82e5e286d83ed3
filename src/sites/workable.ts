import type { FieldValue, RawPosting } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { cleanText, firstText, sectionsOfAll } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';
import { postingUrlBelow } from './apply-page.ts';

/*
 * Workable's hosted posting pages: apply.workable.com/{account}/j/{shortcode}/ (and the
 * account-less short link apply.workable.com/j/{shortcode}). The page is a single-page app;
 * the rendered posting carries Workable's `data-ui` hooks (job-title, job-location,
 * job-workplace, job-type, job-department, job-description, job-requirements, job-benefits).
 * A JobPosting in JSON-LD, when the page has one, is read first for the fields it states.
 * test/fixtures/workable/ says where each hook was checked.
 */

const HOSTS = new Set(['apply.workable.com']);

/** `/{account}/j/{shortcode}` or `/j/{shortcode}`; `/apply` below it is the form, not the posting. */
const POSTING_PATH = /^\/(?:([^/]+)\/)?j\/([A-Za-z0-9]{4,})\/?$/;

const NOT_ACCOUNTS = new Set(['api', 'j']);

/** Named so a selector report can say which of them a page still carries. */
export const SELECTORS = {
  title: '[data-ui="job-title"]',
  location: '[data-ui="job-location"]',
  workplace: '[data-ui="job-workplace"]',
  type: '[data-ui="job-type"]',
  department: '[data-ui="job-department"]',
  description: '[data-ui="job-description"]',
  requirements: '[data-ui="job-requirements"]',
  benefits: '[data-ui="job-benefits"]',
} as const;

export interface WorkablePostingKey {
  /** The account's slug, when the URL names it. */
  account: string | null;
  /** The posting's shortcode, upper-cased (`81B46579FE`). */
  id: string;
}

/** The account and shortcode of a Workable posting page URL; null for any other URL. */
export function workablePostingKey(url: URL): WorkablePostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = POSTING_PATH.exec(url.pathname);
  if (!match) return null;
  let account: string | null = null;
  if (match[1] !== undefined) {
    try {
      account = decodeURIComponent(match[1]);
    } catch {
      return null;
    }
    if (NOT_ACCOUNTS.has(account.toLowerCase())) return null;
  }
  return { account, id: match[2]!.toUpperCase() };
}

/** "Job title - Company": what follows the job's title in the page title, last part first. */
function companyFromTitle(doc: Document, title: string): string | null {
  const pageTitle = cleanText(doc.title ?? '');
  const prefix = `${title} - `;
  if (!pageTitle.startsWith(prefix)) return null;
  return cleanText(pageTitle.slice(prefix.length).split(' - ').pop() ?? '') || null;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = workablePostingKey(url);
  const ld = readJsonLdPosting(doc);
  const title = ld?.title ?? firstText(doc, [SELECTORS.title]) ?? null;
  if (!title) return null;

  const blocks = [SELECTORS.description, SELECTORS.requirements, SELECTORS.benefits]
    .map((selector) => doc.querySelector(selector))
    .filter((el): el is Element => el !== null);
  const pageSections = sectionsOfAll(blocks);
  const sections = pageSections.length ? pageSections : (ld?.sections ?? []);
  if (sections.length === 0) return null;

  const workplace: FieldValue[] = [...(ld?.workplace ?? [])];
  const workplaceText = firstText(doc, [SELECTORS.workplace]);
  if (workplaceText) workplace.push({ value: workplaceText, source: 'board', field: 'Workable workplace' });

  return {
    site: 'workable',
    jobId: key?.id ?? ld?.jobId ?? null,
    url: key
      ? `${url.protocol}//${url.host}/${key.account ? `${encodeURIComponent(key.account)}/` : ''}j/${key.id}/`
      : url.href,
    title,
    company: ld?.company ?? companyFromTitle(doc, title) ?? key?.account ?? null,
    location: ld?.location ?? firstText(doc, [SELECTORS.location]),
    department: firstText(doc, [SELECTORS.department]),
    commitment: ld?.commitment ?? firstText(doc, [SELECTORS.type]),
    workplace,
    payText: [],
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections,
  };
}

export const workableAdapter: SiteAdapter = {
  id: 'workable',
  name: 'Workable',
  hosts: [...HOSTS],
  matches: (url) => workablePostingKey(url) !== null,
  jobIdFromUrl: (url) => workablePostingKey(url)?.id ?? null,
  postingUrlOfApplyPage: (url) => postingUrlBelow(url, /\/apply\/?$/, workablePostingKey),
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};
