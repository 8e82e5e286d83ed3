import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { optionalText } from './schemas.ts';
import type { FieldValue, PayPeriod, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { blockText, cleanText, firstText, parseHtmlBody, sectionsOf, sectionsOfAll, sectionsOfHtml } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';
import { postingUrlBelow } from './apply-page.ts';

/*
 * Lever's hosted posting pages (jobs.lever.co/{site}/{uuid}, and the EU instance) and its
 * public postings API (api.lever.co/v0/postings/{site}/{uuid}). The selectors are Lever's
 * own class names and data-qa attributes; test/fixtures/lever/ says where each was checked.
 */

const HOSTS = new Set(['jobs.lever.co', 'jobs.eu.lever.co']);

/** `/{site}/{uuid}`, optionally with a trailing slash. `/apply` and `/thanks` below it are not posting pages. */
const POSTING_PATH = /^\/([^/]+)\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/i;

const SELECTORS = {
  title: ['.posting-headline h2', '.posting-header h2'],
  categories: '.posting-headline .posting-categories, .posting-header .posting-categories, .posting-categories',
  location: ['.location', '.sort-by-time:not(.workplaceTypes)'],
  department: ['.department', '.sort-by-team'],
  commitment: ['.commitment', '.sort-by-commitment'],
  workplace: ['.workplaceTypes'],
  logo: '.main-header-logo img',
  salary: '[data-qa="salary-range"]',
  /** Every block of the posting's text, in page order. */
  description:
    '[data-qa="job-description"], .section-wrapper .section, [data-qa="salary-range"], [data-qa="closing-description"]',
  /** Blocks in the description area that are not the posting's text. */
  notDescription: '.posting-header, .last-section-apply, [data-qa="btn-apply-bottom"], [data-qa="ai-disclaimer"]',
} as const;

export interface LeverPostingKey {
  /** The board's site name, as in the URL (`spotify`). */
  site: string;
  /** The posting's uuid, lower-cased. */
  id: string;
}

/** The site name and posting id of a Lever posting page URL; null for any other URL. */
export function leverPostingKey(url: URL): LeverPostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!HOSTS.has(url.hostname.toLowerCase())) return null;
  const match = POSTING_PATH.exec(url.pathname);
  if (!match) return null;
  let site: string;
  try {
    site = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return { site, id: match[2]!.toLowerCase() };
}

/** Category labels carry Lever's separators: "Engineering – Personalization /", "Hybrid — ". */
function cleanCategory(text: string | null): string | null {
  if (!text) return null;
  const value = cleanText(text).replace(/^[\s/—–-]+|[\s/—–-]+$/g, '');
  return value || null;
}

/** The company's name as the page shows it: the `<title>` prefix, else the logo's alt text. */
function companyFromPage(doc: Document, title: string): string | null {
  const pageTitle = cleanText(doc.title ?? '');
  const suffix = ` - ${title}`;
  if (pageTitle.endsWith(suffix) && pageTitle.length > suffix.length) return pageTitle.slice(0, -suffix.length);
  const alt = cleanText(doc.querySelector(SELECTORS.logo)?.getAttribute('alt') ?? '').replace(/\s+logo$/i, '');
  return alt || null;
}

function descriptionBlocks(doc: Document): Element[] {
  // An application form's sections (the apply page's) are questions, not the posting's text.
  const blocks = Array.from(doc.querySelectorAll(SELECTORS.description)).filter(
    (el) => !el.matches(SELECTORS.notDescription) && !el.closest('.posting-header') && !el.closest('form') && !el.querySelector('form'),
  );
  // A block inside another kept block is already read with it.
  return blocks.filter((el) => !blocks.some((other) => other !== el && other.contains(el)));
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = leverPostingKey(url);
  const ld = readJsonLdPosting(doc);
  const title = firstText(doc, SELECTORS.title) ?? ld?.title ?? null;
  if (!title) return null;

  const categories = doc.querySelector(SELECTORS.categories);
  const category = (selectors: readonly string[]): string | null =>
    categories ? cleanCategory(firstText(categories, selectors)) : null;

  const workplace: FieldValue[] = [];
  const workplaceType = category(SELECTORS.workplace);
  if (workplaceType) {
    workplace.push({ value: workplaceType, source: 'board', field: 'Lever workplace type' });
  }
  workplace.push(...(ld?.workplace ?? []));

  const payText: FieldValue[] = [];
  const salaryBlock = doc.querySelector(SELECTORS.salary);
  const salaryText = salaryBlock ? blockText(salaryBlock) : '';
  if (salaryText) payText.push({ value: salaryText, source: 'board', field: 'Lever pay block' });

  const pageSections = sectionsOfAll(descriptionBlocks(doc));

  return {
    site: 'lever',
    jobId: key?.id ?? ld?.jobId ?? null,
    url: key ? `${url.protocol}//${url.host}/${encodeURIComponent(key.site)}/${key.id}` : url.href,
    title,
    // Last resort: the board's site name from the URL, as written there.
    company: companyFromPage(doc, title) ?? ld?.company ?? key?.site ?? null,
    location: category(SELECTORS.location) ?? ld?.location ?? null,
    department: category(SELECTORS.department),
    commitment: category(SELECTORS.commitment) ?? ld?.commitment ?? null,
    workplace,
    payText,
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections: pageSections.length ? pageSections : (ld?.sections ?? []),
  };
}

export const leverAdapter: SiteAdapter = {
  id: 'lever',
  name: 'Lever',
  hosts: [...HOSTS],
  matches: (url) => leverPostingKey(url) !== null,
  jobIdFromUrl: (url) => leverPostingKey(url)?.id ?? null,
  postingUrlOfApplyPage: (url) => postingUrlBelow(url, /\/apply\/?$/, leverPostingKey),
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};

// ---------------------------------------------------------------------------------------
// The postings API: https://github.com/lever/postings-api#get-a-specific-job-posting


export const leverApiPostingSchema = lazy(() =>
  z.looseObject({
    id: z.string().check(z.minLength(1)),
    text: z.string(),
    hostedUrl: optionalText(),
    applyUrl: optionalText(),
    categories: z.catch(
      z.nullish(
        z.looseObject({
          location: optionalText(),
          commitment: optionalText(),
          team: optionalText(),
          department: optionalText(),
          allLocations: z.catch(z.nullish(z.array(z.string())), null),
        }),
      ),
      null,
    ),
    workplaceType: optionalText(),
    country: optionalText(),
    salaryRange: z.catch(
      z.nullish(z.looseObject({ min: z.number(), max: z.number(), currency: z.string(), interval: z.string() })),
      null,
    ),
    salaryDescription: optionalText(),
    salaryDescriptionPlain: optionalText(),
    description: optionalText(),
    descriptionPlain: optionalText(),
    lists: z.catch(
      z.nullish(z.array(z.looseObject({ text: z.catch(z.string(), ''), content: z.catch(z.string(), '') }))),
      null,
    ),
    additional: optionalText(),
    additionalPlain: optionalText(),
  }),
);
export type LeverApiPosting = z.infer<ReturnType<typeof leverApiPostingSchema>>;

/**
 * Lever's `salaryRange.interval` values with a period the model has. Lever also has
 * `bi-week-salary`, `semi-month-salary`, `bi-month-salary` and `one-time`: those are not
 * converted, since annualising them would state a figure the employer never wrote.
 */
const INTERVALS: Record<string, PayPeriod> = {
  'per-hour-wage': 'hour',
  'per-day-wage': 'day',
  'per-week-salary': 'week',
  'per-month-salary': 'month',
  'per-year-salary': 'year',
};

function payFromApi(range: LeverApiPosting['salaryRange']): StructuredPay[] {
  if (!range) return [];
  const period = INTERVALS[range.interval];
  const currency = cleanText(range.currency).toUpperCase();
  // 0–0 is a placeholder some boards leave in the field, not a salary.
  if (!period || !currency || (range.min === 0 && range.max === 0)) return [];
  const figures = range.min === range.max ? `${range.min}` : `${range.min}–${range.max}`;
  return [
    {
      min: range.min,
      max: range.max,
      currency,
      period,
      source: 'board',
      evidence: `API salaryRange: ${figures} ${currency} ${range.interval}`,
    },
  ];
}

function plainTextSections(text: string | null | undefined): RawSection[] {
  const paragraphs = (text ?? '').split(/\n+/).map(cleanText).filter(Boolean);
  return paragraphs.length ? [{ heading: null, paragraphs, items: [] }] : [];
}

/** A `lists` entry: its `text` is the heading, its `content` HTML holds `<li>` items. */
function listSections(list: { text: string; content: string }, doc: Document | null): RawSection[] {
  const heading = cleanText(list.text) || null;
  const body = parseHtmlBody(list.content, doc);
  let inner: RawSection[];
  if (body) {
    inner = sectionsOf(body);
  } else {
    const items = list.content.split(/<\/li>/i).map((part) => cleanText(part.replace(/<[^>]+>/g, ' ')));
    inner = [{ heading: null, paragraphs: [], items: items.filter(Boolean) }];
  }
  const first = inner[0];
  if (first && first.heading === null) first.heading = heading;
  else if (heading) inner.unshift({ heading, paragraphs: [], items: [] });
  return inner;
}

function htmlOrPlain(html: string | null | undefined, plain: string | null | undefined, doc: Document | null): RawSection[] {
  const fromHtml = html ? sectionsOfHtml(html, doc) : null;
  return fromHtml && fromHtml.length ? fromHtml : plainTextSections(plain);
}

function siteFromHostedUrl(href: string): string | null {
  try {
    const url = new URL(href);
    return leverPostingKey(url)?.site ?? (decodeURIComponent(url.pathname.split('/')[1] ?? '') || null);
  } catch {
    return null;
  }
}

export interface LeverApiOptions {
  /** A document whose window's DOMParser reads the API's HTML fields (the CLI passes happy-dom's). */
  doc?: Document | null;
}

/**
 * A posting from Lever's postings API (`GET /v0/postings/{site}/{id}`), validated with
 * zod. Throws when the payload is not a Lever posting (no id or title, or no usable URL).
 */
export function leverFromApi(json: unknown, url?: string, options: LeverApiOptions = {}): RawPosting {
  const parsed = leverApiPostingSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'posting';
    throw new Error(`not a Lever posting: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const posting = parsed.data;
  const href = [posting.hostedUrl, url].find((u) => u && URL.canParse(u));
  if (!href) throw new Error('not a Lever posting: no hostedUrl and no --url');
  const doc = options.doc ?? null;

  const cats = posting.categories;
  const department = cats?.department ? cleanText(cats.department) : null;
  const team = cats?.team ? cleanText(cats.team) : null;
  const allLocations = (cats?.allLocations ?? []).map(cleanText).filter(Boolean);

  const workplace: FieldValue[] = posting.workplaceType
    ? [{ value: posting.workplaceType, source: 'board', field: 'Lever API workplaceType' }]
    : [];

  const salaryNote = posting.salaryDescriptionPlain?.trim();
  const payText: FieldValue[] = salaryNote
    ? [{ value: salaryNote, source: 'board', field: 'Lever API salaryDescription' }]
    : [];

  const sections: RawSection[] = [
    ...htmlOrPlain(posting.description, posting.descriptionPlain, doc),
    ...(posting.lists ?? []).flatMap((list) => listSections(list, doc)),
    ...htmlOrPlain(posting.salaryDescription, posting.salaryDescriptionPlain, doc),
    ...htmlOrPlain(posting.additional, posting.additionalPlain, doc),
  ];

  return {
    site: 'lever',
    jobId: posting.id.toLowerCase(),
    url: href,
    title: cleanText(posting.text),
    company: siteFromHostedUrl(href),
    location: allLocations.length > 1 ? allLocations.join(' / ') : cats?.location ? cleanText(cats.location) : null,
    // As the posting page shows it: "Engineering – Personalization".
    department: department && team && department !== team ? `${department} – ${team}` : (department ?? team),
    commitment: cats?.commitment ? cleanText(cats.commitment) : null,
    workplace,
    payText,
    payStructured: payFromApi(posting.salaryRange),
    experienceMonths: null,
    sections,
  };
}
