import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { entriesOf, optionalFlag, optionalText } from './schemas.ts';
import type { FieldValue, PayPeriod, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import type { PayloadReader } from './payloads.ts';
import { blockText, cleanText, firstText, sectionsOf, sectionsOfHtml } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';
import { postingUrlBelow } from './apply-page.ts';

/*
 * Ashby's hosted posting pages (jobs.ashbyhq.com/{org}/{uuid}) and its public job posting
 * API (api.ashbyhq.com/posting-api/job-board/{org}?includeCompensation=true). The page is
 * a single-page app: what it shows is in the DOM once rendered (`h1.ashby-job-posting-heading`,
 * the left pane's labelled sections, the overview's description), and the server sends the
 * posting as `window.__appData` plus schema.org JSON-LD. All three are read at call time,
 * each only when it is about the posting the URL names (after in-app navigation the
 * embedded data may still describe the first page). test/fixtures/ashby/README.md says
 * where each selector and field was checked.
 */

const HOST = 'jobs.ashbyhq.com';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** `/{org}/{uuid}`, optionally with a trailing slash; `/application` below it is the apply tab, not the posting. */
const POSTING_PATH = new RegExp(`^/([^/]+)/(${UUID})/?$`, 'i');

/** Named CSS selectors the page reader relies on; test/sites/selectors-ashby.test.ts reports which match. */
export const SELECTORS = {
  title: 'h1.ashby-job-posting-heading',
  /** Sections of an `h2` label ("Location", "Employment Type", "Location Type", "Department", "Compensation") and its value. */
  leftPaneHeading: '.ashby-job-posting-left-pane h2',
  /** The description; its class is a hashed CSS-module name containing "descriptionText". */
  description: '.ashby-job-posting-right-pane [class*="descriptionText"], #overview [class*="descriptionText"]',
  /** The company's logo; its alt text is the company's name. */
  logo: '.ashby-job-posting-header img[alt]',
  /** The server-rendered `window.__appData = {...};` initialiser. */
  appData: 'script:not([src]):not([type="application/ld+json"])',
} as const;

export interface AshbyPostingKey {
  /** The job board name, as in the URL (`northwind`). */
  org: string;
  /** The posting's uuid, lower-cased. */
  id: string;
}

/** The board name and posting id of an Ashby posting page URL; null for any other URL. */
export function ashbyPostingKey(url: URL): AshbyPostingKey | null {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname.toLowerCase() !== HOST) return null;
  const match = POSTING_PATH.exec(url.pathname);
  if (!match) return null;
  let org: string;
  try {
    org = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return { org, id: match[2]!.toLowerCase() };
}



// ---------------------------------------------------------------------------------------
// The page

/** The page's `window.__appData`, as far as it is read. */
const appDataSchema = lazy(() => {
  const AppDataPosting = z.looseObject({
    id: z.string(),
    title: optionalText(),
    departmentName: optionalText(),
    teamName: optionalText(),
    locationName: optionalText(),
    secondaryLocationNames: entriesOf(z.string()),
    workplaceType: optionalText(),
    isRemote: optionalFlag(),
    employmentType: optionalText(),
    descriptionHtml: optionalText(),
    compensationTierSummary: optionalText(),
    shouldDisplayCompensationOnJobBoard: optionalFlag(),
  });
  return z.looseObject({
    organization: z.catch(z.nullish(z.looseObject({ name: optionalText() })), null),
    posting: z.catch(z.nullish(AppDataPosting), null),
  });
});
type AppData = z.infer<ReturnType<typeof appDataSchema>>;

const APP_DATA_LINE = /^\s*window\.__appData\s*=\s*(\{.*\})\s*;?\s*$/;

/** The page's `window.__appData`, read from its script's text (never run), or null. */
function readAppData(doc: Document): AppData | null {
  for (const script of Array.from(doc.querySelectorAll(SELECTORS.appData))) {
    const text = script.textContent ?? '';
    if (!text.includes('__appData')) continue;
    for (const line of text.split('\n')) {
      const match = APP_DATA_LINE.exec(line);
      if (!match) continue;
      try {
        const parsed = appDataSchema().safeParse(JSON.parse(match[1]!));
        if (parsed.success) return parsed.data;
      } catch {
        // Not JSON: keep looking.
      }
    }
  }
  return null;
}

/** The left pane's facts: lower-cased label -> the lines under it. */
function leftPaneFacts(doc: Document): Map<string, string[]> {
  const facts = new Map<string, string[]>();
  for (const heading of Array.from(doc.querySelectorAll(SELECTORS.leftPaneHeading))) {
    const label = cleanText(heading.textContent ?? '').replace(/:$/, '').toLowerCase();
    if (!label || facts.has(label)) continue;
    const lines: string[] = [];
    for (let el = heading.nextElementSibling; el; el = el.nextElementSibling) {
      lines.push(...blockText(el).split('\n').filter(Boolean));
    }
    if (lines.length) facts.set(label, lines);
  }
  return facts;
}

function companyFromTitle(doc: Document): string | null {
  // "Senior Platform Engineer @ Northwind Robotics"
  const pageTitle = cleanText(doc.title ?? '');
  const at = pageTitle.lastIndexOf(' @ ');
  return at > 0 ? pageTitle.slice(at + 3) || null : null;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = ashbyPostingKey(url);
  const app = readAppData(doc);
  const posting = app?.posting && key && app.posting.id.toLowerCase() === key.id ? app.posting : null;
  const ldRead = readJsonLdPosting(doc);
  const ld = ldRead && (!key || !ldRead.jobId || ldRead.jobId.toLowerCase() === key.id) ? ldRead : null;

  const title = firstText(doc, [SELECTORS.title]) ?? (posting?.title ? cleanText(posting.title) : null) ?? ld?.title ?? null;
  if (!title) return null;

  const facts = leftPaneFacts(doc);
  const fact = (label: string, separator = ' '): string | null => facts.get(label)?.join(separator) || null;

  const workplace: FieldValue[] = [];
  const locationType = fact('location type');
  if (locationType) workplace.push({ value: locationType, source: 'board', field: 'Ashby location type' });
  if (posting?.workplaceType) {
    workplace.push({ value: posting.workplaceType, source: 'board', field: 'Ashby app data workplaceType' });
  } else if (posting?.isRemote === true && !locationType) {
    // Only without a named workplace type: Ashby sets isRemote on hybrid roles too.
    workplace.push({ value: 'true', source: 'board', field: 'Ashby app data isRemote' });
  }
  workplace.push(...(ld?.workplace ?? []));

  const payText: FieldValue[] = (facts.get('compensation') ?? []).map((line) => ({
    value: line,
    source: 'board' as const,
    field: 'Ashby compensation block',
  }));
  if (!payText.length && posting?.compensationTierSummary && posting.shouldDisplayCompensationOnJobBoard !== false) {
    payText.push({ value: cleanText(posting.compensationTierSummary), source: 'board', field: 'Ashby app data compensationTierSummary' });
  }

  const appLocations = posting?.locationName
    ? [posting.locationName, ...posting.secondaryLocationNames].map(cleanText).filter(Boolean)
    : [];
  const appDepartment = [posting?.departmentName, posting?.teamName].map((d) => cleanText(d ?? '')).filter(Boolean);

  const descriptionEl = doc.querySelector(SELECTORS.description);
  let sections: RawSection[] = descriptionEl ? sectionsOf(descriptionEl) : [];
  if (!sections.length && posting?.descriptionHtml) sections = sectionsOfHtml(posting.descriptionHtml, doc) ?? [];
  if (!sections.length) sections = ld?.sections ?? [];
  // No description anywhere: not this posting's page (yet); the registry's generic readers may do better.
  if (!sections.length) return null;

  const logoAlt = cleanText(doc.querySelector(SELECTORS.logo)?.getAttribute('alt') ?? '').replace(/\s+logo$/i, '');

  return {
    site: 'ashby',
    jobId: key?.id ?? ld?.jobId ?? null,
    url: key ? `https://${HOST}/${encodeURIComponent(key.org)}/${key.id}` : url.href,
    title,
    company:
      (app?.organization?.name && cleanText(app.organization.name)) ||
      ld?.company ||
      companyFromTitle(doc) ||
      logoAlt ||
      key?.org ||
      null,
    location: fact('location', ' / ') ?? (appLocations.length ? [...new Set(appLocations)].join(' / ') : null) ?? ld?.location ?? null,
    department: fact('department', ' – ') ?? (appDepartment.length ? [...new Set(appDepartment)].join(' – ') : null),
    commitment: fact('employment type') ?? (posting?.employmentType ? cleanText(posting.employmentType) : null) ?? ld?.commitment ?? null,
    workplace,
    payText,
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections,
  };
}

export const ashbyAdapter: SiteAdapter = {
  id: 'ashby',
  name: 'Ashby',
  hosts: [HOST],
  matches: (url) => ashbyPostingKey(url) !== null,
  jobIdFromUrl: (url) => ashbyPostingKey(url)?.id ?? null,
  // The Application tab is the same single-page app, with the posting in its app data.
  postingUrlOfApplyPage: (url) => postingUrlBelow(url, /\/application\/?$/, ashbyPostingKey),
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};

// ---------------------------------------------------------------------------------------
// The job posting API: https://developers.ashbyhq.com/docs/public-job-posting-api

const compensationComponentSchema = lazy(() =>
  z.looseObject({
    compensationType: z.string(),
    /** "OTE $168K – $231K", "Target Base Salary $212K – $291K": what the figures are, as the board shows them. */
    summary: optionalText(),
    interval: optionalText(),
    currencyCode: optionalText(),
    minValue: z.catch(z.nullish(z.number()), null),
    maxValue: z.catch(z.nullish(z.number()), null),
  }),
);
type CompensationComponent = z.infer<ReturnType<typeof compensationComponentSchema>>;

export const ashbyApiJobSchema = lazy(() => {
  const CompensationTier = z.looseObject({
    title: optionalText(),
    components: entriesOf(compensationComponentSchema()),
  });

  const Compensation = z.looseObject({
    compensationTierSummary: optionalText(),
    compensationTiers: entriesOf(CompensationTier),
    summaryComponents: entriesOf(compensationComponentSchema()),
  });

  return z.looseObject({
    id: z.string().check(z.minLength(1)),
    title: z.string().check(z.minLength(1)),
    jobUrl: optionalText(),
    department: optionalText(),
    team: optionalText(),
    employmentType: optionalText(),
    location: optionalText(),
    secondaryLocations: entriesOf(z.looseObject({ location: z.string() })),
    isRemote: optionalFlag(),
    workplaceType: optionalText(),
    descriptionHtml: optionalText(),
    descriptionPlain: optionalText(),
    shouldDisplayCompensationOnJobPostings: optionalFlag(),
    compensation: z.catch(z.nullish(Compensation), null),
  });
});
export type AshbyApiJob = z.infer<ReturnType<typeof ashbyApiJobSchema>>;

/** A job's shape: an id, a title and Ashby's own `jobUrl` field. */
export function isAshbyApiJob(json: unknown): boolean {
  return (
    typeof json === 'object' && json !== null && typeof (json as { jobUrl?: unknown }).jobUrl === 'string' &&
    ashbyApiJobSchema().safeParse(json).success
  );
}

/** The board listing's shape: `{ apiVersion, jobs: [...] }` with at least one Ashby job in it. */
export function isAshbyApiListing(json: unknown): json is { jobs: unknown[] } {
  const jobs = typeof json === 'object' && json !== null ? (json as { jobs?: unknown }).jobs : undefined;
  return Array.isArray(jobs) && jobs.some(isAshbyApiJob);
}

/** Ashby's `interval` values with a period the model has ("NONE", for equity, has none). */
const INTERVALS: Record<string, PayPeriod> = {
  '1 HOUR': 'hour',
  '1 DAY': 'day',
  '1 WEEK': 'week',
  '1 MONTH': 'month',
  '1 YEAR': 'year',
};

interface SalaryFigures {
  min: number;
  max: number;
  currency: string;
  period: PayPeriod;
  interval: string;
}

/** A component that is base pay: `Salary` with figures, a currency and a period. Equity, bonus and commission are not pay. */
function salaryOf(component: CompensationComponent): SalaryFigures | null {
  if (component.compensationType !== 'Salary') return null;
  const interval = cleanText(component.interval ?? '').toUpperCase();
  const period = INTERVALS[interval];
  const currency = cleanText(component.currencyCode ?? '').toUpperCase();
  const min = component.minValue ?? component.maxValue;
  const max = component.maxValue ?? component.minValue;
  if (!period || !/^[A-Z]{3}$/.test(currency) || min == null || max == null || (min === 0 && max === 0)) return null;
  return { min, max, currency, period, interval };
}

const amount = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * The job's base pay. A tier with a name ("Zone A") becomes a line of pay text, so the
 * salary parser keeps the name as the range's label (StructuredPay has no label); a nameless
 * range becomes StructuredPay. With several tiers, `summaryComponents` spans all of them and
 * is not one range anyone is offered, so the tiers are read instead.
 */
function payFromCompensation(job: AshbyApiJob): { payText: FieldValue[]; payStructured: StructuredPay[] } {
  const payText: FieldValue[] = [];
  const payStructured: StructuredPay[] = [];
  const comp = job.compensation;
  if (!comp || job.shouldDisplayCompensationOnJobPostings === false) return { payText, payStructured };

  const tiers = comp.compensationTiers.length
    ? comp.compensationTiers
    : [{ title: null, components: comp.summaryComponents }];
  for (const tier of tiers) {
    const name = cleanText(tier.title ?? '');
    for (const component of tier.components) {
      const salary = salaryOf(component);
      if (!salary) continue;
      const figures = salary.min === salary.max ? amount(salary.min) : `${amount(salary.min)} - ${amount(salary.max)}`;
      // "OTE $168K – $231K": on-target earnings, said so in the text the pay reader reads.
      const ote = /(?<![\p{L}])(?:OTE|on[- ]target)(?![\p{L}])/iu.test(cleanText(component.summary ?? ''));
      if (name || ote) {
        payText.push({ value: `${name ? `${name}: ` : ''}${figures} ${salary.currency} per ${salary.period}${ote ? ' (OTE)' : ''}`, source: 'board', field: 'Ashby API compensationTiers' });
      } else {
        const range = salary.min === salary.max ? `${salary.min}` : `${salary.min}–${salary.max}`;
        payStructured.push({
          min: salary.min,
          max: salary.max,
          currency: salary.currency,
          period: salary.period,
          source: 'board',
          evidence: `Ashby API compensation Salary: ${range} ${salary.currency} per ${salary.interval}`,
        });
      }
    }
  }
  if (!payText.length && !payStructured.length && comp.compensationTierSummary) {
    payText.push({ value: cleanText(comp.compensationTierSummary), source: 'board', field: 'Ashby API compensationTierSummary' });
  }
  return { payText, payStructured };
}

function plainTextSections(text: string | null | undefined): RawSection[] {
  const paragraphs = (text ?? '').split(/\n+/).map(cleanText).filter(Boolean);
  return paragraphs.length ? [{ heading: null, paragraphs, items: [] }] : [];
}

export interface AshbyApiOptions {
  /** The posting's URL when the job has no usable `jobUrl`. */
  url?: string;
  /** A document whose window's DOMParser reads `descriptionHtml` (the CLI passes happy-dom's). */
  doc?: Document | null;
}

/** One job of Ashby's posting API, validated with zod. Throws when it is not one (no id, title or usable URL). */
export function ashbyJobFromApi(json: unknown, options: AshbyApiOptions = {}): RawPosting {
  const parsed = ashbyApiJobSchema().safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'job';
    throw new Error(`not an Ashby job: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const job = parsed.data;
  const href = [job.jobUrl, options.url].find((u) => u && URL.canParse(u) && /^https?:/.test(u));
  if (!href) throw new Error('not an Ashby job: no jobUrl and no --url');
  const key = ashbyPostingKey(new URL(href));

  const workplace: FieldValue[] = job.workplaceType
    ? [{ value: job.workplaceType, source: 'board', field: 'Ashby API workplaceType' }]
    : // Only without a named workplace type: Ashby sets isRemote on hybrid roles too.
      job.isRemote === true
      ? [{ value: 'true', source: 'board', field: 'Ashby API isRemote' }]
      : [];

  const locations = [job.location ?? '', ...job.secondaryLocations.map((l) => l.location)].map(cleanText).filter(Boolean);
  const department = [job.department, job.team].map((d) => cleanText(d ?? '')).filter(Boolean);
  const fromHtml = job.descriptionHtml ? sectionsOfHtml(job.descriptionHtml, options.doc ?? null) : null;

  return {
    site: 'ashby',
    jobId: job.id.toLowerCase(),
    url: key ? `https://${HOST}/${encodeURIComponent(key.org)}/${key.id}` : href,
    title: cleanText(job.title),
    // The API names no company; the board name in the job's URL is the nearest thing.
    company: key?.org ?? null,
    location: locations.length ? [...new Set(locations)].join(' / ') : null,
    department: department.length ? [...new Set(department)].join(' – ') : null,
    commitment: job.employmentType ? cleanText(job.employmentType) : null,
    workplace,
    ...payFromCompensation(job),
    experienceMonths: null,
    sections: fromHtml && fromHtml.length ? fromHtml : plainTextSections(job.descriptionPlain),
  };
}

/**
 * The postings of an Ashby API payload: one per job of a board listing (`{ apiVersion, jobs }`),
 * or the one job given alone. Throws on anything else, and on a job it cannot read.
 */
export function ashbyFromApi(json: unknown, options: AshbyApiOptions = {}): RawPosting[] {
  if (isAshbyApiListing(json)) {
    return json.jobs.map((job, index) => {
      try {
        return ashbyJobFromApi(job, { doc: options.doc });
      } catch (error) {
        throw new Error(`job ${index}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
  if (typeof json === 'object' && json !== null && 'jobs' in json) {
    throw new Error('not an Ashby job board listing: no job in `jobs` has an id, a title and a jobUrl');
  }
  return [ashbyJobFromApi(json, options)];
}

/** Ashby's job posting API in payloads.ts: a board listing read job by job, or one job alone. */
export const ashbyPayloadReader: PayloadReader = {
  id: 'ashby',
  name: 'Ashby job posting API',
  detect: (json) => isAshbyApiJob(json) || isAshbyApiListing(json),
  items: (json) => (isAshbyApiListing(json) ? json.jobs : [json]),
  readItem: (item, { url, doc, single }) => ashbyJobFromApi(item, { url: single ? url : undefined, doc }),
};
