import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { entriesOf, optionalText } from './schemas.ts';
import type { FieldValue, RawPosting, RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import type { PayloadReader } from './payloads.ts';
import { cleanText, firstText, metaContent, sectionsOf, sectionsOfHtml } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';

/*
 * Greenhouse's hosted posting pages, in both of their markups: the job-boards app
 * (job-boards.greenhouse.io, job-boards.eu.greenhouse.io; `.job__title`, `.job__location`,
 * `.job__description`) and the older boards.greenhouse.io page (`#header .app-title`,
 * `.location`, `#content`), which both carry the same pay-transparency block
 * (`.content-pay-transparency .pay-input` > `.title` + `.pay-range`). Also the public
 * job board API (boards-api.greenhouse.io/v1/boards/{token}/jobs/{id}). Employer pages
 * that embed a board (`?gh_jid=`) are recognised by URL, but their posting sits in a
 * cross-origin iframe: only their own JSON-LD, if any, can be read from the top page.
 * test/fixtures/greenhouse/README.md says where each selector and field was checked.
 */

const HOSTS = new Set(['boards.greenhouse.io', 'job-boards.greenhouse.io', 'job-boards.eu.greenhouse.io']);

/** `/{token}/jobs/{id}`, optionally with a trailing slash; the board index and the embed paths are not postings. */
const POSTING_PATH = /^\/([^/]+)\/jobs\/(\d{1,20})\/?$/;

const GH_JID = /^\d{1,20}$/;

/** Named CSS selectors the page reader relies on; test/sites/selectors-greenhouse.test.ts reports which match. */
export const SELECTORS = {
  /** job-boards: `.job__title > h1.section-header`; older boards: `#header h1.app-title`. */
  title: '.job__title h1, .app-title',
  /** job-boards: `.job__location` (an svg icon and a div of text); older boards: `#header .location`. */
  location: '.job__location, #header .location',
  /** Older boards only: "at Northwind Labs". */
  company: '#header .company-name',
  /** job-boards: `.job__description.body` (introduction, content and conclusion divs); older boards: `#content`. */
  description: '.job__description, #content',
  /** One pay range of the pay-transparency block, in both markups and in the API's `content`. */
  payInput: '.content-pay-transparency .pay-input',
  /** The range's name ("Zone 1", "Annual Salary:"). */
  payTitle: '.pay-input .title',
  /** `<span>$144,800</span><span class="divider">&mdash;</span><span>$199,100 USD</span>`. */
  payRange: '.pay-input .pay-range',
} as const;

export interface GreenhousePostingKey {
  /** The board token, as in the URL (`northwindlabs`); null on an employer page. */
  token: string | null;
  /** The job post id (digits). */
  id: string;
}

/** The board token and job post id of a Greenhouse posting URL (hosted page or `?gh_jid=` employer page); null otherwise. */
export function greenhousePostingKey(url: URL): GreenhousePostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const host = url.hostname.toLowerCase();
  if (HOSTS.has(host)) {
    const match = POSTING_PATH.exec(url.pathname);
    if (!match || match[1] === 'embed') return null;
    let token: string;
    try {
      token = decodeURIComponent(match[1]!);
    } catch {
      return null;
    }
    return { token, id: match[2]! };
  }
  // greenhouse.io's own other hosts (the API, the marketing site) are never employer pages.
  if (host === 'greenhouse.io' || host.endsWith('.greenhouse.io')) return null;
  const jid = url.searchParams.get('gh_jid');
  return jid !== null && GH_JID.test(jid) ? { token: null, id: jid } : null;
}

function textOf(el: Element | null): string | null {
  const text = el ? cleanText(el.textContent ?? '') : '';
  return text || null;
}

/** `<title>Job Application for Senior Backend Engineer at Northwind Labs</title>` -> "Northwind Labs". */
function companyFromTitle(doc: Document, title: string): string | null {
  const pageTitle = cleanText(doc.title ?? '');
  const prefix = `Job Application for ${title} at `;
  return pageTitle.startsWith(prefix) && pageTitle.length > prefix.length ? pageTitle.slice(prefix.length) : null;
}

/** One pay range as text the salary parser reads, its name first: "Zone 1: $144,800 — $199,100 USD". */
function payLine(name: string | null, range: string): string {
  if (!name) return range;
  return /[:：]$/.test(name) ? `${name} ${range}` : `${name}: ${range}`;
}

function payFromBlock(root: ParentNode): FieldValue[] {
  const out: FieldValue[] = [];
  for (const input of Array.from(root.querySelectorAll(SELECTORS.payInput))) {
    const rangeEl = input.querySelector(SELECTORS.payRange);
    // The spans are inline: without spaces "$144,800—$199,100" would read as one token.
    const parts = rangeEl ? Array.from(rangeEl.children) : [];
    const range = cleanText(parts.length ? parts.map((span) => span.textContent ?? '').join(' ') : (rangeEl?.textContent ?? ''));
    if (!range) continue;
    out.push({ value: payLine(textOf(input.querySelector(SELECTORS.payTitle)), range), source: 'board', field: 'Greenhouse pay range block' });
  }
  return out;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = greenhousePostingKey(url);
  // An employer's page is the employer's markup, not the board's: the registry's readers take it.
  if (key && key.token === null) return null;
  const ld = readJsonLdPosting(doc);
  const title = firstText(doc, [SELECTORS.title]) ?? ld?.title ?? metaContent(doc, 'og:title');
  if (!title) return null;

  const descriptionEl = doc.querySelector(SELECTORS.description);
  const pageSections: RawSection[] = descriptionEl ? sectionsOf(descriptionEl) : [];
  const sections = pageSections.length ? pageSections : (ld?.sections ?? []);
  // No description here or in JSON-LD: the markup has changed; the registry's generic readers do better.
  if (!sections.length) return null;
  const legacyCompany = textOf(doc.querySelector(SELECTORS.company))?.replace(/^at\s+/i, '') || null;

  return {
    site: 'greenhouse',
    jobId: key?.id ?? ld?.jobId ?? null,
    url: key?.token ? `${url.protocol}//${url.host}/${encodeURIComponent(key.token)}/jobs/${key.id}` : url.href,
    title,
    // Last resort: the board token from the URL, as written there.
    company: legacyCompany ?? companyFromTitle(doc, title) ?? ld?.company ?? key?.token ?? null,
    location: textOf(doc.querySelector(SELECTORS.location)) ?? ld?.location ?? null,
    department: null,
    commitment: ld?.commitment ?? null,
    workplace: ld?.workplace ?? [],
    payText: payFromBlock(doc),
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections,
  };
}

export const greenhouseAdapter: SiteAdapter = {
  id: 'greenhouse',
  name: 'Greenhouse',
  hosts: [...HOSTS],
  matches: (url) => greenhousePostingKey(url) !== null,
  jobIdFromUrl: (url) => greenhousePostingKey(url)?.id ?? null,
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};

// ---------------------------------------------------------------------------------------
// The job board API: https://developers.greenhouse.io/job-board.html
// (GET /v1/boards/{token}/jobs/{id}?pay_transparency=true; /jobs?content=true lists them)



export const greenhouseApiJobSchema = lazy(() => {
  const PayInputRange = z.looseObject({
    min_cents: z.number().check(z.nonnegative()),
    max_cents: z.number().check(z.nonnegative()),
    currency_type: z.string().check(z.regex(/^[A-Za-z]{3}$/)),
    title: optionalText(),
    blurb: optionalText(),
  });

  const MetadataEntry = z.looseObject({ name: z.string(), value: z.unknown() });

  return z.looseObject({
    id: z.union([z.number().check(z.int(), z.nonnegative()), z.string().check(z.regex(GH_JID))]),
    title: z.string().check(z.minLength(1)),
    absolute_url: optionalText(),
    company_name: optionalText(),
    location: z.catch(z.nullish(z.looseObject({ name: optionalText() })), null),
    content: optionalText(),
    departments: entriesOf(z.looseObject({ name: z.string() })),
    metadata: entriesOf(MetadataEntry),
    pay_input_ranges: entriesOf(PayInputRange),
  });
});
export type GreenhouseApiJob = z.infer<ReturnType<typeof greenhouseApiJobSchema>>;

/** A job post's shape: an id, a title and the board's own `absolute_url` field. */
export function isGreenhouseApiJob(json: unknown): boolean {
  return (
    typeof json === 'object' && json !== null && typeof (json as { absolute_url?: unknown }).absolute_url === 'string' &&
    greenhouseApiJobSchema().safeParse(json).success
  );
}

/** The listing's shape: `{ jobs: [...], meta: {...} }` with at least one job post in it. */
export function isGreenhouseApiListing(json: unknown): json is { jobs: unknown[] } {
  const jobs = typeof json === 'object' && json !== null ? (json as { jobs?: unknown }).jobs : undefined;
  return Array.isArray(jobs) && jobs.some(isGreenhouseApiJob);
}

/** "144800", "45.5": cents as the employer's figure, without float noise. */
function fromCents(cents: number): string {
  return (Math.round(cents) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/**
 * Each `pay_input_ranges` entry as a line of pay text, its `title` first ("Zone 1: 144,800 -
 * 199,100 USD"). Not StructuredPay: the entry has no period field (its `title` may say
 * "Hourly"), and StructuredPay has no label; the salary parser reads both from the line.
 */
function payFromRanges(ranges: GreenhouseApiJob['pay_input_ranges']): FieldValue[] {
  return ranges.flatMap((range) => {
    if (range.min_cents === 0 && range.max_cents === 0) return [];
    const currency = range.currency_type.toUpperCase();
    const figures = `${fromCents(range.min_cents)} - ${fromCents(range.max_cents)} ${currency}`;
    const name = cleanText(range.title ?? '') || null;
    return [{ value: payLine(name, figures), source: 'board' as const, field: 'Greenhouse API pay_input_ranges' }];
  });
}

/** Custom fields the board exposes in `metadata`: a "Workplace Type" or "Employment Type" select, when the employer has one. */
function metadataValue(metadata: GreenhouseApiJob['metadata'], name: RegExp): { name: string; value: string } | null {
  for (const entry of metadata) {
    if (!name.test(entry.name)) continue;
    const value = typeof entry.value === 'string' ? cleanText(entry.value) : Array.isArray(entry.value) ? cleanText(entry.value.filter((v) => typeof v === 'string').join(', ')) : '';
    if (value) return { name: cleanText(entry.name), value };
  }
  return null;
}

/** HTML to text when no DOMParser exists (a service worker): block ends become line breaks, then one section of paragraphs. */
function plainSections(html: string): RawSection[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&');
  const source = /<[a-z!/]/i.test(html) ? html : decode(html);
  const text = decode(source.replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n').replace(/<[^>]+>/g, ' '));
  const paragraphs = text.split('\n').map(cleanText).filter(Boolean);
  return paragraphs.length ? [{ heading: null, paragraphs, items: [] }] : [];
}

function tokenFromUrl(href: string): string | null {
  try {
    return greenhousePostingKey(new URL(href))?.token ?? null;
  } catch {
    return null;
  }
}

export interface GreenhouseApiOptions {
  /** The posting's URL when the payload has no `absolute_url`. */
  url?: string;
  /** A document whose window's DOMParser reads `content` (the CLI passes happy-dom's). */
  doc?: Document | null;
}

/**
 * A job post from Greenhouse's job board API, validated with zod. Throws when the payload
 * is not one (a listing, another board's JSON, no id or title, no usable URL).
 */
export function greenhouseFromApi(json: unknown, options: GreenhouseApiOptions = {}): RawPosting {
  if (isGreenhouseApiListing(json)) {
    throw new Error('not a Greenhouse job post: this is a board listing (`jobs`); read its jobs one at a time');
  }
  const parsed = greenhouseApiJobSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'job post';
    throw new Error(`not a Greenhouse job post: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const job = parsed.data;
  const href = [job.absolute_url, options.url].find((u) => u && URL.canParse(u) && /^https?:/.test(u));
  if (!href) throw new Error('not a Greenhouse job post: no absolute_url and no --url');
  const doc = options.doc ?? null;
  const content = job.content ?? '';

  const workplaceField = metadataValue(job.metadata, /workplace|remote|location type/i);
  const workplace: FieldValue[] = workplaceField
    ? [{ value: workplaceField.value, source: 'board', field: `Greenhouse API metadata "${workplaceField.name}"` }]
    : [];
  const departments = [...new Set(job.departments.map((d) => cleanText(d.name)).filter(Boolean))];

  return {
    site: 'greenhouse',
    jobId: String(job.id),
    url: href,
    title: cleanText(job.title),
    company: (job.company_name && cleanText(job.company_name)) || tokenFromUrl(href),
    location: (job.location?.name && cleanText(job.location.name)) || null,
    department: departments.length ? departments.join(' / ') : null,
    commitment: metadataValue(job.metadata, /employment type|commitment|job type/i)?.value ?? null,
    workplace,
    payText: payFromRanges(job.pay_input_ranges),
    payStructured: [],
    experienceMonths: null,
    sections: content ? (sectionsOfHtml(content, doc) ?? plainSections(content)) : [],
  };
}

/** Greenhouse's job board API in payloads.ts: one job post, or a `{ jobs, meta }` listing read job by job. */
export const greenhousePayloadReader: PayloadReader = {
  id: 'greenhouse',
  name: 'Greenhouse job board API',
  detect: (json) => isGreenhouseApiJob(json) || isGreenhouseApiListing(json),
  items: (json) => (isGreenhouseApiListing(json) ? json.jobs : [json]),
  readItem: (item, { url, doc, single }) => greenhouseFromApi(item, { url: single ? url : undefined, doc }),
};
