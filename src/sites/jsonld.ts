import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { periodFromMagnitude, periodOfUnitText } from '../model/pay.ts';
import type { FieldValue, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { sectionsFromText } from '../parse/sections.ts';
import { blockText, cleanText, isSkipped, looksLikeHtml, sectionsOfHtml } from './dom.ts';

/*
 * schema.org JobPosting in `<script type="application/ld+json">`: what a page says about
 * itself in structured form. Pages get this wrong in many ways (arrays, @graph, raw
 * newlines inside strings, trailing commas, an HTML-escaped description), so every field
 * is read on its own: one malformed field never costs the others.
 */

/** A field that is absent or malformed reads as undefined. */
function lenient<T extends z.ZodMiniType>(schema: T) {
  return z.catch(z.optional(schema), undefined);
}

/** One value or a list of them; list entries that do not fit are left out. */
const oneOrMany = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.unknown(),
    z.transform((v: unknown) => {
      const list = Array.isArray(v) ? v : [v];
      return list.flatMap((item) => {
        const parsed = schema.safeParse(item);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      });
    }),
  );

/**
 * "35392", "$100,000", "100.000 €", "3 270,19": one amount, written with its separators. A comma or
 * point before the last one or two digits is the decimal mark. Anything more (words, a range) is
 * not one number: undefined.
 */
function numberOfText(text: string): number | undefined {
  const bare = text.replace(/[\u00a0\u202f]/g, ' ').trim().replace(/^(?:[A-Z]{3}|[$€£¥₹])\s*|\s*(?:[A-Z]{3}|[$€£¥₹])$/g, '');
  if (!/^-?\d{1,3}(?:[ ,.]?\d{3})*(?:[.,]\d{1,2})?$|^-?\d+(?:[.,]\d{1,2})?$/.test(bare)) return undefined;
  const decimal = /[.,](\d{1,2})$/.exec(bare);
  const whole = (decimal ? bare.slice(0, decimal.index) : bare).replace(/[ ,.]/g, '');
  const n = Number(decimal ? `${whole}.${decimal[1]}` : whole);
  return Number.isFinite(n) ? n : undefined;
}

/** The JobPosting schema and the parts read on their own, built on first use, not when the page reader loads (src/model/lazy.ts). */
const jsonLdSchemas = lazy(() => {
  /** A number written as a number or a string ("35392", "$100,000", "3 270,19 €"); anything else reads as undefined. */
  const Amount = z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((v: number | string) => (typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : numberOfText(v))),
  );
  /** A value that is a sentence ("Aloittavan henkilön palkka on 3 270,19 euroa kuukaudessa."): kept as text for the pay reader. */
  const AmountOrSentence = z.pipe(
    z.union([z.number(), z.string()]),
    z.transform((v: number | string): number | { text: string } | undefined => {
      if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
      return numberOfText(v) ?? (/\d/.test(v) ? { text: cleanText(v) } : undefined);
    }),
  );

  const Text = z.pipe(
    z.union([z.string(), z.number()]),
    z.transform((v: string | number) => cleanText(String(v))),
  );

  const QuantitativeValue = z.looseObject({
    value: lenient(Amount),
    minValue: lenient(Amount),
    maxValue: lenient(Amount),
    unitText: lenient(z.string()),
  });

  const MonetaryAmount = z.looseObject({
    currency: lenient(z.string()),
    value: lenient(z.union([QuantitativeValue, AmountOrSentence])),
    minValue: lenient(Amount),
    maxValue: lenient(Amount),
    unitText: lenient(z.string()),
  });

  const PostalAddress = z.looseObject({
    streetAddress: lenient(Text),
    addressLocality: lenient(Text),
    addressRegion: lenient(Text),
    addressCountry: lenient(
      z.union([Text, z.pipe(z.looseObject({ name: lenient(Text) }), z.transform((c: { name?: string | undefined }) => c.name))]),
    ),
  });

  const Place = z.looseObject({
    name: lenient(Text),
    address: lenient(z.union([Text, PostalAddress])),
  });

  const JobPostingLd = z.looseObject({
    title: lenient(Text),
    name: lenient(Text),
    description: lenient(z.string()),
    url: lenient(z.string()),
    identifier: lenient(z.union([Text, z.looseObject({ value: lenient(Text), name: lenient(Text) })])),
    hiringOrganization: lenient(z.union([Text, z.looseObject({ name: lenient(Text) })])),
    jobLocation: lenient(oneOrMany(Place)),
    jobLocationType: lenient(oneOrMany(Text)),
    employmentType: lenient(oneOrMany(Text)),
    baseSalary: lenient(oneOrMany(MonetaryAmount)),
    experienceRequirements: lenient(
      oneOrMany(z.union([Text, z.looseObject({ monthsOfExperience: lenient(Amount) })])),
    ),
  });
  return { JobPostingLd, MonetaryAmount, Place };
});
type JsonLdSchemas = ReturnType<typeof jsonLdSchemas>;
type JobPostingLd = z.infer<JsonLdSchemas['JobPostingLd']>;

/** What a page's JobPosting JSON-LD says, as the parts of a RawPosting it can fill. */
export interface JsonLdPosting {
  title: string | null;
  company: string | null;
  location: string | null;
  /** jobLocation's streetAddress: where the work is, which says on site when nothing else does. */
  address: string | null;
  commitment: string | null;
  workplace: FieldValue[];
  payStructured: StructuredPay[];
  /** baseSalary written as a sentence rather than figures. */
  payText: FieldValue[];
  experienceMonths: RawPosting['experienceMonths'];
  /** experienceRequirements in words ("Dos años de desarrollo de software"), as a line "Experience: …". */
  experienceText: string | null;
  sections: RawSection[];
  jobId: string | null;
  url: string | null;
}

/**
 * JSON.parse, and when that fails, once more after escaping raw control characters inside
 * strings and dropping trailing commas (both common in hand-written JSON-LD). Undefined
 * when the text is still not JSON.
 */
export function parseLooseJson(text: string): unknown {
  const source = text
    .trim()
    .replace(/^<!--/, '')
    .replace(/-->$/, '')
    .replace(/^\/\*\s*<!\[CDATA\[\s*\*\//, '')
    .replace(/\/\*\s*\]\]>\s*\*\/$/, '')
    .trim();
  try {
    return JSON.parse(source);
  } catch {
    // repaired below
  }
  let out = '';
  let inString = false;
  let escaped = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      const code = ch.charCodeAt(0);
      if (code < 0x20) {
        out += ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : ch === '\t' ? '\\t' : `\\u${code.toString(16).padStart(4, '0')}`;
        continue;
      }
    } else if (ch === '"') {
      inString = true;
    } else if (ch === ',' && /^\s*[}\]]/.test(source.slice(i + 1))) {
      continue;
    }
    out += ch;
  }
  try {
    return JSON.parse(out);
  } catch {
    return undefined;
  }
}

function isJobPostingType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && t.replace(/^.*[/:#]/, '') === 'JobPosting');
}

/** Every JobPosting object in a parsed JSON-LD value: arrays, `@graph`, a page's `mainEntity`. */
function collectJobPostings(node: unknown, out: Record<string, unknown>[], depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectJobPostings(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  if (isJobPostingType(obj['@type'])) out.push(obj);
  else if ('mainEntity' in obj) collectJobPostings(obj['mainEntity'], out, depth + 1);
  if ('@graph' in obj) collectJobPostings(obj['@graph'], out, depth + 1);
}


/** baseSalary values written as a sentence, for the pay reader: "EUR: Aloittavan henkilön palkka on 3 270,19 euroa kuukaudessa." */
function payTextFrom(amounts: z.infer<JsonLdSchemas['MonetaryAmount']>[]): FieldValue[] {
  const out: FieldValue[] = [];
  for (const amount of amounts) {
    const value = amount.value;
    const text = typeof value === 'object' ? (value as { text?: unknown }).text : undefined;
    if (typeof text !== 'string') continue;
    const currency = cleanText(amount.currency ?? '').toUpperCase();
    out.push({ value: /^[A-Z]{3}$/.test(currency) && !text.includes(currency) ? `${text} (${currency})` : text, source: 'jsonld', field: 'JSON-LD baseSalary' });
  }
  return out;
}

function payFrom(amounts: z.infer<JsonLdSchemas['MonetaryAmount']>[]): StructuredPay[] {
  const out: StructuredPay[] = [];
  for (const amount of amounts) {
    const currency = cleanText(amount.currency ?? '').toUpperCase();
    const value = amount.value;
    if (typeof value === 'object' && 'text' in value) continue;
    const quantity = typeof value === 'object' ? value : undefined;
    const single = typeof value === 'number' ? value : quantity?.value;
    const min = quantity?.minValue ?? amount.minValue ?? single;
    const max = quantity?.maxValue ?? amount.maxValue ?? single ?? min;
    const unit = cleanText(quantity?.unitText ?? amount.unitText ?? '').toUpperCase();
    // No unitText is common on real pages: the period is then read from the amount, and said to be.
    const inferred = !unit && min !== undefined && max !== undefined ? periodFromMagnitude(min, max, currency) : null;
    const period = periodOfUnitText(unit) ?? inferred;
    // A figure with no currency or no period is not a pay range anyone can compare: leave it.
    if (!currency || !period || min === undefined || max === undefined) continue;
    const figures = min === max ? `${min}` : `${min}–${max}`;
    out.push({
      min,
      max,
      currency,
      period,
      source: 'jsonld',
      evidence: inferred
        ? `JSON-LD baseSalary: ${figures} ${currency} (no unitText; per ${period} by its size)`
        : `JSON-LD baseSalary: ${figures} ${currency} per ${unit}`,
      ...(inferred ? { periodInferred: true } : {}),
    });
  }
  return out;
}

function addressText(place: z.infer<JsonLdSchemas['Place']>): string | null {
  const address = place.address;
  if (typeof address === 'string') return address || null;
  const parts = [address?.addressLocality, address?.addressRegion, address?.addressCountry]
    .map((p) => cleanText(p ?? ''))
    .filter((p, i, all) => p !== '' && all.indexOf(p) === i);
  if (parts.length) return parts.join(', ');
  return place.name || null;
}

/** The street addresses of a posting's places ("Blvd. Luis Donaldo Colosio No. 703"), or null. */
function streetAddressOf(places: z.infer<JsonLdSchemas['Place']>[]): string | null {
  const streets = places
    .map((place) => (typeof place.address === 'object' ? cleanText(place.address?.streetAddress ?? '') : ''))
    .filter((s, i, all) => s !== '' && all.indexOf(s) === i);
  return streets.length ? streets.join(' / ') : null;
}

/** Text of an HTML string when no DOMParser exists; only the fallback of a fallback. */
function plainSections(html: string): RawSection[] {
  const text = html
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  const paragraphs = text.split('\n').map(cleanText).filter(Boolean);
  return paragraphs.length ? [{ heading: null, paragraphs, items: [] }] : [];
}

/**
 * A description in HTML is read as markup; one in plain text ("…esimerkiksi:\n•\tSovellusarkkitehtuurin
 * suunnittelu…") keeps its line breaks and bullets, which an HTML parser would fold into one paragraph.
 */
function sectionsOfDescription(description: string, doc: Document): RawSection[] {
  if (!description) return [];
  if (!looksLikeHtml(description) && /\n/.test(description)) return sectionsFromText(description);
  return sectionsOfHtml(description, doc) ?? plainSections(description);
}

function toPosting(ld: JobPostingLd, doc: Document): JsonLdPosting {
  return { ...factsOf(ld), sections: sectionsOfDescription(ld.description ?? '', doc) };
}

/** "Un año de desarrollo de software" in a field of years: the article is the number there. */
const ONE_YEAR = /^\s*(?:un|una|one|ein|eine|une|een)\s+(?=(?:año|year|jahr|an|jaar)\b)/i;

/** "Sovellusarkkitehti, Esko Systems Oy" with hiringOrganization "Esko Systems Oy": the title without its employer's name. */
function withoutCompany(title: string | null, company: string | null): string | null {
  if (!title || !company) return title;
  const escaped = company.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!escaped) return title;
  const bare = title.replace(new RegExp(`\\s*(?:,|\\s[-–—|@]|\\sat)\\s+${escaped}\\s*$`, 'i'), '').trim();
  return bare.length >= 3 ? bare : title;
}

/** What a JobPosting states besides its description. */
function factsOf(ld: JobPostingLd): Omit<JsonLdPosting, 'sections'> {
  const org = ld.hiringOrganization;
  const company = (typeof org === 'string' ? org : org?.name) || null;
  const locations = (ld.jobLocation ?? []).map(addressText).filter((l): l is string => l !== null);
  const workplace: FieldValue[] = (ld.jobLocationType ?? [])
    .filter(Boolean)
    .map((value) => ({ value, source: 'jsonld', field: 'JSON-LD jobLocationType' }));
  const months = (ld.experienceRequirements ?? [])
    .map((e) => (typeof e === 'object' ? e.monthsOfExperience : undefined))
    .find((m): m is number => m !== undefined && m >= 0);
  // "Dos años de desarrollo de software": a field of years says them in words; read as a line about experience.
  const said = months === undefined ? (ld.experienceRequirements ?? []).find((e): e is string => typeof e === 'string' && /\p{L}/u.test(e)) : undefined;
  const id = ld.identifier;
  return {
    title: withoutCompany(ld.title || ld.name || null, company),
    company,
    location: locations.length ? [...new Set(locations)].join(' / ') : null,
    address: streetAddressOf(ld.jobLocation ?? []),
    commitment: (ld.employmentType ?? []).filter(Boolean).join(', ') || null,
    workplace,
    payStructured: payFrom(ld.baseSalary ?? []),
    payText: payTextFrom(ld.baseSalary ?? []),
    experienceMonths:
      months === undefined
        ? null
        : { months, evidence: `JSON-LD experienceRequirements.monthsOfExperience: ${months}` },
    experienceText: said === undefined ? null : `Experience: ${cleanText(said).replace(ONE_YEAR, '1 ')}`,
    jobId: (typeof id === 'object' ? id.value : id) || null,
    url: ld.url ? cleanText(ld.url) : null,
  };
}

/** Every JobPosting the page's JSON-LD blocks describe, in document order. */
export function readJsonLdPostings(doc: Document): JsonLdPosting[] {
  const found: Record<string, unknown>[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    collectJobPostings(parseLooseJson(script.textContent ?? ''), found);
  }
  return found.flatMap((obj) => {
    const parsed = jsonLdSchemas().JobPostingLd.safeParse(obj);
    return parsed.success ? [toPosting(parsed.data, doc)] : [];
  });
}

const SCRIPT_IN_TEXT = /<script\b[^>]*type\s*=\s*["']?application\/ld\+json["']?[^>]*>([\s\S]*?)<\/script\s*>/gi;

/**
 * JSON-LD written into text: a site generator's page source (Pelican, Jekyll and Hugo pages add a
 * JobPosting for search engines) or a page's source pasted. Its JobPostings' facts (the
 * description aside: the text around it says that), and the text without the blocks, whose
 * JSON is not the posting's prose.
 */
export function readJsonLdInText(text: string): { postings: Omit<JsonLdPosting, 'sections'>[]; text: string } {
  if (typeof text !== 'string' || !/application\/ld\+json/i.test(text)) return { postings: [], text };
  const found: Record<string, unknown>[] = [];
  const rest = text.replace(SCRIPT_IN_TEXT, (_, body: string) => {
    collectJobPostings(parseLooseJson(body), found);
    return '\n';
  });
  const postings = found.flatMap((obj) => {
    const parsed = jsonLdSchemas().JobPostingLd.safeParse(obj);
    return parsed.success ? [factsOf(parsed.data)] : [];
  });
  return { postings, text: rest };
}

/**
 * The page's one JobPosting, or null. A page describing several different jobs is a
 * listing, not a posting.
 */
export function readJsonLdPosting(doc: Document): JsonLdPosting | null {
  const postings = readJsonLdPostings(doc);
  const first = postings[0];
  if (!first) return null;
  const distinct = new Set(postings.map((p) => `${p.title}|${p.jobId}|${p.url}`));
  return distinct.size === 1 ? first : null;
}

/** Reads any page that carries a JobPosting in JSON-LD; the fallback for boards without an adapter. */
/** Labels a page sets beside its pay in a list of facts: "Salário" above "€20 000 - €40 000". */
const PAY_LABEL = /^(?:salary|salário|salario|salaire|gehalt|pay|compensation|remuneração|remuneración|rémunération|wage|vergütung|maaş|palkka|wynagrodzenie)\s*:?$/i;

/**
 * Pay a page states in a labelled field of its own when its JSON-LD gives none (ITJobs writes
 * "Salário" and the range in the next element): the field's text, which the pay reader reads
 * as it reads any pay text. Only a label that is the whole text of its element counts.
 */
function labelledPayOnPage(doc: Document): FieldValue[] {
  const body = doc.body;
  if (!body) return [];
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let seen = 0;
  for (let node = walker.nextNode(); node && seen < 20000; node = walker.nextNode(), seen++) {
    const label = cleanText(node.nodeValue ?? '');
    if (!label || label.length > 24 || !PAY_LABEL.test(label)) continue;
    const holder = node.parentElement;
    if (!holder || isSkipped(holder) || cleanText(holder.textContent ?? '') !== label) continue;
    const value = cleanText(holder.nextElementSibling?.textContent ?? '');
    if (value && value.length <= 80 && /\d/.test(value)) {
      return [{ value: `${label.replace(/\s*:$/, '')}: ${value}`, source: 'board', field: `page field "${label.replace(/\s*:$/, '')}"` }];
    }
  }
  return [];
}

export const jsonLdAdapter: SiteAdapter = {
  id: 'jsonld',
  name: 'schema.org JobPosting',
  // Never chosen by URL: the registry falls back to it when no board adapter matches.
  matches: () => false,
  extract(doc: Document, url: URL): RawPosting | null {
    const ld = readJsonLdPosting(doc);
    if (!ld?.title) return null;
    return {
      site: url.hostname.replace(/^www\./, '') || 'jsonld',
      jobId: ld.jobId,
      url: url.href,
      title: ld.title,
      company: ld.company,
      location: ld.location,
      address: ld.address,
      department: null,
      commitment: ld.commitment,
      workplace: ld.workplace,
      payText: ld.payText.length > 0 || ld.payStructured.length > 0 ? ld.payText : labelledPayOnPage(doc),
      payStructured: ld.payStructured,
      experienceMonths: ld.experienceMonths,
      sections: ld.workplace.length > 0 ? ld.sections : [...ld.sections, ...workplaceOnPage(doc, ld.sections)],
    };
  },
};

/** Most lines of a page looked at for its workplace; a page's text beyond is its footer's. */
const PAGE_LINES = 3000;

/**
 * "1 jour de télétravail par semaine" in a Welcome to the Jungle page's facts, outside its JSON-LD:
 * where the JobPosting names no workplace, the page's own short lines with a workplace word (and
 * that the description does not hold) are read beside the description, under a heading of their
 * own; the remote reader then weighs them as it weighs the description's (a menu's "Remote jobs"
 * says nothing). The words only: the remote reader itself stays out of the page reader's bundle.
 */
function workplaceOnPage(doc: Document, sections: readonly RawSection[]): RawSection[] {
  const body = doc.body;
  if (!body) return [];
  const described = new Set(sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.items]).map((l) => l.trim()));
  const lines = blockText(body)
    .split('\n')
    .slice(0, PAGE_LINES)
    .filter((line) => {
      const words = line.split(/\s+/).length;
      return words >= 3 && words <= 20 && !described.has(line) && WORKPLACE_WORD.test(line);
    });
  const unique = [...new Set(lines)].slice(0, 5);
  return unique.length > 0 ? [{ heading: 'On the page', paragraphs: unique, items: [] }] : [];
}

/** Words a workplace line has, checked before the remote reader reads the line. */
const WORKPLACE_WORD = /remote|hybrid|on-?site|in[- ]office|télétravail|teletrabajo|homeoffice|home office|work from home|présentiel|presencial|remoto|híbrido|hybride|vor ort|thuiswerk|etätyö|zdaln/i;
