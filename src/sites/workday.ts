import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { optionalText } from './schemas.ts';
import type { FieldValue, RawPosting, RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import type { PayloadReader } from './payloads.ts';
import { cleanText, firstText, sectionsOf, sectionsOfHtml } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';

/*
 * Workday career sites ({tenant}.wd{N}.myworkdayjobs.com) and their job detail JSON
 * (/wday/cxs/{tenant}/{site}/job/...). The page is a React app whose fields carry
 * `data-automation-id`s; test/fixtures/workday/README.md says where each was checked.
 */

/** `{tenant}.wd{N}.myworkdayjobs.com`; the tenant names the employer's Workday instance. */
const HOST = /^([a-z0-9][a-z0-9-]*)\.wd\d+\.myworkdayjobs\.com$/;

/**
 * `/{locale}?/{site}/job/{location}?/{title}_{reqId}`, or `/details/` in place of `/job/`.
 * `/apply` below a posting is the application flow, not the posting.
 */
const POSTING_PATH =
  /^\/(?:([a-z]{2}(?:-[A-Za-z]{2})?)\/)?([^/]+)\/(?:job|details)\/(?:[^/]+\/)?([^/]*_([A-Za-z0-9][A-Za-z0-9.-]*))\/?$/;

/** The page's selectors, by field: the board's own `data-automation-id`s. */
export const SELECTORS = {
  /** The posting's own part of the page; the "Similar Jobs" cards around it have `locations` too. */
  root: '[data-automation-id="jobPostingPage"]',
  title: ['[data-automation-id="jobPostingHeader"]'],
  locations: '[data-automation-id="locations"] dd',
  remoteType: '[data-automation-id="remoteType"] dd',
  timeType: '[data-automation-id="time"] dd',
  requisitionId: '[data-automation-id="requisitionId"] dd',
  description: '[data-automation-id="jobPostingDescription"]',
} as const;

export interface WorkdayPostingKey {
  tenant: string;
  /** The career site's name, as in the URL (`Bega_Careers`). */
  site: string;
  /** The id ending the posting's URL (`JR-7309`), which is its requisition id or a repost of it. */
  id: string;
}

/** The tenant, site and posting id of a Workday posting page URL; null for any other URL. */
export function workdayPostingKey(url: URL): WorkdayPostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = HOST.exec(url.hostname.toLowerCase());
  const tenant = host?.[1];
  if (!tenant) return null;
  const match = POSTING_PATH.exec(url.pathname);
  if (!match) return null;
  try {
    return { tenant, site: decodeURIComponent(match[2]!), id: decodeURIComponent(match[4]!) };
  } catch {
    return null;
  }
}

function jobIdOf(key: WorkdayPostingKey): string {
  // Requisition ids ("JR-7309") repeat across employers: the tenant makes them one job's.
  return `${key.tenant}:${key.id}`;
}

function texts(root: ParentNode, selector: string): string[] {
  const values = Array.from(root.querySelectorAll(selector)).map((el) => cleanText(el.textContent ?? ''));
  return [...new Set(values.filter(Boolean))];
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = workdayPostingKey(url);
  const ld = readJsonLdPosting(doc);
  const root: ParentNode = doc.querySelector(SELECTORS.root) ?? doc;
  const title = firstText(root, SELECTORS.title) ?? ld?.title ?? null;
  if (!title) return null;

  const locations = texts(root, SELECTORS.locations);
  const workplace: FieldValue[] = texts(root, SELECTORS.remoteType).map((value) => ({
    value,
    source: 'board',
    field: 'Workday remote type',
  }));
  workplace.push(...(ld?.workplace ?? []));

  const description = root.querySelector(SELECTORS.description);
  const pageSections: RawSection[] = description ? sectionsOf(description) : [];
  const requisition = texts(root, SELECTORS.requisitionId)[0] ?? null;

  return {
    site: 'workday',
    jobId: key ? jobIdOf(key) : (requisition ?? ld?.jobId ?? null),
    url: key ? `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}` : url.href,
    title,
    // The page itself names no employer; JSON-LD's hiringOrganization does, else the tenant.
    company: ld?.company ?? key?.tenant ?? null,
    location: locations.length ? locations.join(' / ') : (ld?.location ?? null),
    department: null,
    commitment: texts(root, SELECTORS.timeType)[0] ?? ld?.commitment ?? null,
    workplace,
    payText: [],
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections: pageSections.length ? pageSections : (ld?.sections ?? []),
  };
}

export const workdayAdapter: SiteAdapter = {
  id: 'workday',
  name: 'Workday',
  // Tenants are countless: the host test is the pattern in `workdayPostingKey`, so no list here.
  ownsHost: (host) => host === 'myworkdayjobs.com' || host.endsWith('.myworkdayjobs.com'),
  matches: (url) => workdayPostingKey(url) !== null,
  jobIdFromUrl: (url) => {
    const key = workdayPostingKey(url);
    return key ? jobIdOf(key) : null;
  },
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};

// ---------------------------------------------------------------------------------------
// The job detail JSON: GET https://{host}/wday/cxs/{tenant}/{site}/job/{location}/{title}_{id}


export const workdayApiPostingSchema = lazy(() =>
  z.looseObject({
    jobPostingInfo: z.looseObject({
      title: z.string().check(z.minLength(1)),
      jobDescription: optionalText(),
      location: optionalText(),
      additionalLocations: z.catch(z.nullish(z.array(z.string())), null),
      timeType: optionalText(),
      remoteType: optionalText(),
      jobReqId: optionalText(),
      jobPostingId: optionalText(),
      externalUrl: optionalText(),
      startDate: optionalText(),
    }),
    hiringOrganization: z.catch(z.nullish(z.union([z.string(), z.looseObject({ name: optionalText() })])), null),
  }),
);
export type WorkdayApiPosting = z.infer<ReturnType<typeof workdayApiPostingSchema>>;

/** Text of an HTML string when no DOMParser exists: paragraphs and list items, one per line. */
function plainSections(html: string): RawSection[] {
  const lines = html
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map(cleanText)
    .filter(Boolean);
  return lines.length ? [{ heading: null, paragraphs: lines, items: [] }] : [];
}

export interface WorkdayApiOptions {
  /** A document whose window's DOMParser reads `jobDescription` (the CLI passes happy-dom's). */
  doc?: Document | null;
}

/**
 * A posting from Workday's job detail JSON, validated with zod. Throws when the payload is
 * not one (no `jobPostingInfo.title`) or gives no usable URL (no `externalUrl` and no `url`).
 */
export function workdayFromApi(json: unknown, url?: string, options: WorkdayApiOptions = {}): RawPosting {
  const parsed = workdayApiPostingSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'payload';
    throw new Error(`not a Workday job detail: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const info = parsed.data.jobPostingInfo;
  const href = [info.externalUrl, url].find((u) => u && URL.canParse(u) && /^https?:/.test(u));
  if (!href) throw new Error('not a Workday job detail: no externalUrl and no --url');
  const key = workdayPostingKey(new URL(href));

  const org = parsed.data.hiringOrganization;
  const orgName = cleanText((typeof org === 'string' ? org : org?.name) ?? '');
  const locations = [info.location, ...(info.additionalLocations ?? [])]
    .map((l) => cleanText(l ?? ''))
    .filter((l, i, all) => l !== '' && all.indexOf(l) === i);
  const remoteType = cleanText(info.remoteType ?? '');
  const timeType = cleanText(info.timeType ?? '');
  const html = info.jobDescription ?? '';

  return {
    site: 'workday',
    jobId: key ? jobIdOf(key) : info.jobReqId ? cleanText(info.jobReqId) : null,
    url: key ? href.replace(/[?#].*$/, '').replace(/\/+$/, '') : href,
    title: cleanText(info.title),
    company: orgName || key?.tenant || null,
    location: locations.length ? locations.join(' / ') : null,
    department: null,
    commitment: timeType || null,
    workplace: remoteType ? [{ value: remoteType, source: 'board', field: 'Workday API remoteType' }] : [],
    payText: [],
    payStructured: [],
    experienceMonths: null,
    sections: html ? (sectionsOfHtml(html, options.doc ?? null) ?? plainSections(html)) : [],
  };
}

/** The job detail JSON for the CLI, recognised by its `jobPostingInfo`; one posting per payload. */
export const workdayPayloadReader: PayloadReader = {
  id: 'workday',
  name: 'Workday job detail JSON',
  detect: (json) => workdayApiPostingSchema().safeParse(json).success,
  items: (json) => [json],
  readItem: (item, { url, doc }) => workdayFromApi(item, url, { doc }),
};
