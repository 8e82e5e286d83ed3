import type { RawPosting } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { firstText } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';

/*
 * Wellfound (formerly AngelList Talent) posting pages: wellfound.com/jobs/{id}-{slug} and
 * wellfound.com/company/{company}/jobs/{id}-{slug}. The page's own markup uses hashed class
 * names that change with each build, so the posting is read from its JobPosting JSON-LD
 * (title, hiringOrganization, jobLocation, jobLocationType, baseSalary, description).
 * test/fixtures/wellfound/ says what was and was not checked.
 */

const HOSTS = new Set(['wellfound.com']);

const POSTING_PATHS = [/^\/jobs\/(\d+)(?:-[^/]*)?\/?$/, /^\/company\/[^/]+\/jobs\/(\d+)(?:-[^/]*)?\/?$/];

/** Named so a selector report can say which of them a page still carries. */
export const SELECTORS = {
  jsonLd: 'script[type="application/ld+json"]',
  heading: 'h1',
} as const;

/** The numeric job id of a Wellfound posting page URL; null for any other URL. */
export function wellfoundJobId(url: URL): string | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  for (const path of POSTING_PATHS) {
    const match = path.exec(url.pathname);
    if (match) return match[1]!;
  }
  return null;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const ld = readJsonLdPosting(doc);
  if (!ld) return null;
  const title = ld.title ?? firstText(doc, [SELECTORS.heading]);
  if (!title) return null;
  const id = wellfoundJobId(url);
  return {
    site: 'wellfound',
    jobId: id ?? ld.jobId,
    url: id ? `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` : url.href,
    title,
    // Not og:site_name: on Wellfound that names the board, not the employer.
    company: ld.company,
    location: ld.location,
    department: null,
    commitment: ld.commitment,
    workplace: ld.workplace,
    payText: [],
    payStructured: ld.payStructured,
    experienceMonths: ld.experienceMonths,
    sections: ld.sections,
  };
}

export const wellfoundAdapter: SiteAdapter = {
  id: 'wellfound',
  name: 'Wellfound',
  hosts: [...HOSTS],
  matches: (url) => wellfoundJobId(url) !== null,
  jobIdFromUrl: (url) => wellfoundJobId(url),
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};
