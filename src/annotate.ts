import { Posting } from './model/index.ts';
import type { Experience, RawPosting, RawSection, SalaryRange, StructuredPay, ValueSource } from './model/index.ts';
import {
  annualise,
  experienceFromMonths,
  extractRequirements,
  normalizeSpace,
  parseExperience,
  parseRemote,
  parseSalaryRanges,
  saysRangeIsOte,
  currencyOfPlace,
  localDollar,
  localRupee,
  readPostingText,
  splitPostings,
  requiredScreeners,
} from './parse/index.ts';
import { canonicalCurrency } from './parse/money.ts';
import { withRunOnSections } from './parse/sections.ts';
import { readJsonLdInText } from './sites/jsonld.ts';
import { postingKeyFor } from './sites/registry.ts';

/*
 * The one pipeline: a raw posting (what an adapter read) becomes a Posting (what it
 * means). Every caller goes through here: the content script, the CLI, the tests.
 */

/** Bumped when the same raw posting would be read differently, so saved postings can be re-read. */
export const PARSER_VERSION = 1;

/** Which of two equal ranges to keep: the board's own field over JSON-LD over prose. */
const TRUST: Record<ValueSource, number> = { board: 3, jsonld: 2, prose: 1 };

/** Query parameters that say how the user arrived, not which job it is. */
const TRACKING_PARAM = /^(utm_.*|gclid|fbclid|msclkid|mc_cid|mc_eid|ref|referrer|source|src|gh_src|trk|lever-.*)$/i;

/** A short stable hash (cyrb53) for ids of postings whose board gives none. */
function stableHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The URL without what varies between visits to the same page: tracking parameters, fragment, `www.`, trailing slash. */
export function canonicalUrl(href: string): string {
  try {
    const url = new URL(href);
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    const kept = [...url.searchParams].filter(([name]) => !TRACKING_PARAM.test(name));
    kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    url.search = new URLSearchParams(kept).toString();
    if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
    return url.href;
  } catch {
    return href;
  }
}

/** `<site>:<board id>`, or `<site>:<hash of the canonical URL>` when the board gives no id. */
export function postingId(raw: Pick<RawPosting, 'site' | 'jobId' | 'url'>): string {
  return `${raw.site}:${raw.jobId ?? stableHash(canonicalUrl(raw.url))}`;
}

const MAX_ANNUAL_AMOUNT = 1e12;

/** Currencies whose yearly salaries run to tens of thousands: a yearly figure under 1,000 in one was typed in thousands. */
const THOUSANDS_CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SGD', 'IEP', 'ILS', 'AED', 'SAR', 'QAR']);

function fromStructured(pay: StructuredPay): SalaryRange | null {
  const currency = canonicalCurrency(pay.currency.trim().toUpperCase());
  if (!/^[A-Z]{3}$/.test(currency) || !(pay.min >= 0) || !(pay.max >= 0)) return null;
  // "baseSalary": { "minValue": 0, "maxValue": 0, "value": 0 } (Mercy Health's JSON-LD): a field left empty, not pay of nothing.
  if (pay.max === 0 && pay.min === 0) return null;
  let min = Math.min(pay.min, pay.max);
  let max = Math.max(pay.min, pay.max);
  // "min 75.00, max 95.00, period year, USD" (a Recruitee salary object): no one is paid $95 a
  // year; the employer typed thousands. Said on the range, so the panel shows it was read so.
  const thousands = pay.period === 'year' && THOUSANDS_CURRENCIES.has(currency) && min >= 10 && max < 1000;
  if (thousands) {
    min *= 1000;
    max *= 1000;
  }
  const annual = annualise(min, max, pay.period);
  // A figure no salary reaches in any currency (even per year in dong or rupiah) is a data error, not pay.
  if (!Number.isFinite(annual.max) || annual.max > MAX_ANNUAL_AMOUNT) return null;
  return {
    min,
    max,
    currency,
    period: pay.period,
    annual,
    evidence: pay.evidence,
    source: pay.source,
    ...(pay.periodInferred ? { periodInferred: true } : {}),
    ...(pay.estimated ? { estimated: true } : {}),
    ...(thousands ? { thousandsInferred: true } : {}),
    ...(pay.label ? { label: pay.label } : {}),
  };
}

/** One range per min/max/currency/period, in the order first stated, keeping the most trusted reading. */
function dedupe(ranges: readonly SalaryRange[]): SalaryRange[] {
  const out: SalaryRange[] = [];
  const at = new Map<string, number>();
  for (const range of ranges) {
    const key = `${range.min}|${range.max}|${range.currency}|${range.period}`;
    const index = at.get(key);
    if (index === undefined) {
      at.set(key, out.length);
      out.push(range);
      continue;
    }
    const kept = out[index]!;
    // The same figures for two things the posting names apart ("B2B (net)" and "umowa zlecenie
    // (gross)", two zones at one rate) are two statements, not one read twice.
    if (kept.label !== undefined && range.label !== undefined && kept.label.toLowerCase() !== range.label.toLowerCase()) {
      out.push(range);
      continue;
    }
    const [better, other] = TRUST[range.source] > TRUST[kept.source] ? [range, kept] : [kept, range];
    // The less trusted reading may still know what the range is for ("Zone 1", OTE).
    const merged: SalaryRange = { ...better };
    if (merged.label === undefined && other.label !== undefined) merged.label = other.label;
    if (merged.kind === undefined && other.kind !== undefined) merged.kind = other.kind;
    out[index] = merged;
  }
  return out;
}

/** The posting's first base range: not on-target earnings, and the employer's own figure if it gives one. */
function primarySalary(salaries: readonly SalaryRange[]): SalaryRange | null {
  const base = salaries.filter((r) => r.kind !== 'ote');
  return base.find((r) => !r.estimated) ?? base[0] ?? null;
}

function sectionLines(sections: readonly RawSection[]): string[] {
  return sections.flatMap((s) => [...s.paragraphs, ...s.items]);
}

/**
 * "Other jobs at VectorShift", "Similar jobs", "More jobs like this": a page's list of other
 * postings, each with its own pay and place. Not this posting's text: left out before anything is read.
 */
const OTHER_POSTINGS_HEADING =
  /^(?:other|more|similar|related|recommended|recent|latest|open)\s+(?:jobs|positions|roles|openings|vacancies|opportunities)\b|^jobs\s+(?:you\s+(?:may|might)\s+(?:like|be\s+interested\s+in)|like\s+this)\b|^(?:people\s+also\s+viewed|you\s+may\s+also\s+like)\b|^(?:autres|d'autres)\s+offres\b|^(?:weitere|ähnliche)\s+(?:jobs|stellen(?:angebote)?)\b|^(?:otras|más)\s+(?:ofertas|vacantes)\b|^(?:outras|mais)\s+vagas\b/i;

function withoutOtherPostings(sections: readonly RawSection[]): RawSection[] {
  return sections.filter((s) => !(s.heading && OTHER_POSTINGS_HEADING.test(s.heading.trim())));
}

/** Headings, paragraphs and `- item` lines; a blank line between sections. */
export function descriptionText(sections: readonly RawSection[]): string {
  return sections
    .map((s) => [s.heading ?? '', ...s.paragraphs, ...s.items.map((item) => `- ${item}`)].filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** Reads a raw posting into a Posting. Throws (zod) if the result breaks the model: a bug, not a page problem. */
export function annotate(raw: RawPosting, now: Date = new Date()): Posting {
  const sections = withoutOtherPostings(raw.sections);
  const lines = sectionLines(sections);
  const description = descriptionText(sections);

  // Which dollar a bare "$" is, and which rupee "Rs" is: the posting's own country's (src/parse/dollar.ts).
  const place = { url: raw.url, location: raw.location, text: description };
  const dollar = localDollar(place);
  const rupee = localRupee(place);
  const local = currencyOfPlace(place);
  const read = dedupe([
    ...raw.payStructured.map(fromStructured).filter((r): r is SalaryRange => r !== null),
    ...raw.payText.flatMap((field) => parseSalaryRanges(field.value, { source: field.source, dollar, rupee, local })),
    // A section at a time, heading included, so "Zone 1 Pay Range" can label the range below it.
    ...sections.flatMap((s) =>
      parseSalaryRanges([s.heading ?? '', ...s.paragraphs, ...s.items].filter(Boolean).join('\n'), { source: 'prose', dollar, rupee, local }),
    ),
  ]);
  // "The compensation range in this posting reflects On-Target Earnings", said apart from the range.
  const salaries = saysRangeIsOte(description, raw.title) ? read.map((r) => (r.kind ? r : { ...r, kind: 'ote' as const })) : read;

  const requirements = extractRequirements(withRunOnSections(sections));

  let experience: Experience | null = null;
  if (raw.experienceMonths) {
    experience = experienceFromMonths(raw.experienceMonths.months, raw.experienceMonths.evidence);
  } else {
    // The board's "(Required)" screening questions ask for years too; with a list that states
    // years, the smallest minimum of both wins. Without one, the whole text is read.
    const screeners = requiredScreeners(lines);
    const fromList = parseExperience(requirements.required, { source: 'prose', requirements: true });
    // Without years in the required list, the rest of the text is read, but not the items the
    // posting calls a plus: "5+ years of senior management experience preferred" asks for none.
    const notPreferred = requirements.preferred.length === 0 ? lines : lines.filter((line) => !requirements.preferred.some((item) => line.includes(item)));
    experience =
      fromList === null
        ? parseExperience(notPreferred, { source: 'prose' })
        : screeners.length === 0
          ? fromList
          : parseExperience([...requirements.required, ...screeners], { source: 'prose', requirements: true });
  }

  return Posting.parse({
    id: postingId(raw),
    url: raw.url,
    site: raw.site,
    title: raw.title,
    company: raw.company,
    location: raw.location,
    department: raw.department,
    commitment: raw.commitment,
    salary: primarySalary(salaries),
    salaries,
    remote: parseRemote({
      structured: raw.workplace,
      location: raw.location,
      address: raw.address ?? null,
      text: [raw.title, description].filter(Boolean).join('\n\n'),
      title: raw.title,
    }),
    requirements,
    experience,
    description,
    parsedAt: now.toISOString(),
    parserVersion: PARSER_VERSION,
  });
}

/** The address a posting read from text gets when it has none: a Posting's URL must be http(s), and `.invalid` never resolves. */
export function textPlaceholderUrl(contentId: string): string {
  return `https://joblens.invalid/text/${contentId}`;
}

/** What a posting read from text is recorded as: its site, id on that site, and address. */
type TextKey = Pick<RawPosting, 'site' | 'jobId' | 'url'>;

/**
 * Posting text read into a Posting: its title read by `titleFromText` (not always the first
 * line), the rest its sections (`readPostingText`). `keyOf` gets the address (when it is an
 * http(s) one) and a hash of the text.
 */
function readText(text: string, url: string | undefined, now: Date, keyOf: (url: string | null, contentId: string) => TextKey): Posting {
  // A JobPosting in JSON-LD written into the text (a site generator's page source) states its
  // facts as a board's fields do; one that describes several jobs describes none of them here.
  const ld = readJsonLdInText(text);
  const facts = ld.postings.length === 1 ? ld.postings[0]! : null;
  const { title, sections, location } = readPostingText(ld.text);
  const validUrl = url && URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : null;
  const experience = facts?.experienceText ? [{ heading: null, paragraphs: [facts.experienceText], items: [] }] : [];
  return annotate(
    {
      ...keyOf(validUrl, stableHash(normalizeSpace(text))),
      title: title || facts?.title || '',
      company: facts?.company ?? null,
      location: location ?? facts?.location ?? null,
      address: facts?.address ?? null,
      department: null,
      commitment: facts?.commitment ?? null,
      workplace: facts?.workplace ?? [],
      payText: facts?.payText ?? [],
      payStructured: facts?.payStructured ?? [],
      experienceMonths: facts?.experienceMonths ?? null,
      sections: [...sections, ...experience],
    },
    now,
  );
}

/**
 * A posting given as plain text (the CLI's .txt files). With the URL of a known board's
 * posting, it gets that posting's id, so it is the same record as the page; with another
 * URL, a hash of the URL; with none, site "text" and a hash of the text.
 */
export function annotateText(text: string, url?: string, now: Date = new Date()): Posting {
  return readText(text, url, now, (validUrl, contentId) => {
    const key = validUrl ? postingKeyFor(validUrl) : null;
    return {
      site: key?.site ?? 'text',
      jobId: key?.jobId ?? (validUrl ? null : contentId),
      url: validUrl ?? textPlaceholderUrl(contentId),
    };
  });
}

/**
 * Text the user pasted into the popup: the same reading as annotateText, recorded as site
 * "pasted" with the id `pasted:<hash of the text>` whatever address the user gave. So the
 * same text saved twice is one record, and saving pasted text never overwrites a posting
 * saved from its page (whose reading, from the board's own fields, is the better one). It
 * does not look the address up among the boards: that would bring every board's adapter
 * into the popup for nothing.
 */
export function annotatePastedText(text: string, url?: string, now: Date = new Date()): Posting {
  return readText(text, url, now, (validUrl, contentId) => ({
    site: 'pasted',
    jobId: contentId,
    url: validUrl ?? textPlaceholderUrl(contentId),
  }));
}

/**
 * Every posting a text holds (`splitPostings`: a vacancies page giving each opening in full),
 * each read as annotateText or annotatePastedText reads a text of one; a text of one posting
 * gives one. Openings of one text are different records: each has the hash of its own text as
 * its id, or the board's id with its place on the page (`#2`) when the address is a board's.
 */
export function annotateTextPostings(text: string, options: { url?: string; pasted?: boolean; now?: Date } = {}): Posting[] {
  const now = options.now ?? new Date();
  const one = options.pasted ? annotatePastedText : annotateText;
  const openings = splitPostings(text);
  if (openings === null) return [one(text, options.url, now)];
  return openings.map((opening, n) =>
    readText(opening, options.url, now, (validUrl, contentId) => {
      const key = !options.pasted && validUrl ? postingKeyFor(validUrl) : null;
      return {
        site: options.pasted ? 'pasted' : (key?.site ?? 'text'),
        jobId: key?.jobId ? `${key.jobId}#${n + 1}` : contentId,
        url: validUrl ?? textPlaceholderUrl(contentId),
      };
    }),
  );
}
