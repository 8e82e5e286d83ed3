import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import { periodOfUnitText } from '../model/pay.ts';
import type { FieldValue, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { cleanText, sectionsOf } from './dom.ts';

/*
 * schema.org JobPosting written as microdata (itemscope / itemtype / itemprop on the
 * page's own elements), as schema.org's own JobPosting example and SmartRecruiters' pages
 * do. The model has no "microdata" source: these values are the page's schema.org
 * structured data, so they carry source 'jsonld' and say "microdata" in their field name.
 */

const JOB_POSTING = /(?:^|[/#:])JobPosting$/;

/** Properties that hold parts of the posting's text beside `description`. */
const TEXT_PROPERTIES = [
  'responsibilities',
  'qualifications',
  'skills',
  'experienceRequirements',
  'educationRequirements',
  'jobBenefits',
  'incentiveCompensation',
];


/** A figure as the page writes it ("35392", "$100,000"); undefined when it holds no number. */
const amountSchema = lazy(() =>
  z.pipe(
    z.string(),
    z.transform((v: string) => {
      const n = Number(v.replace(/[^\d.-]/g, ''));
      return /\d/.test(v) && Number.isFinite(n) ? n : undefined;
    }),
  ),
);

function amount(text: string | null): number | undefined {
  if (text === null) return undefined;
  const parsed = amountSchema().safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

function types(el: Element): string[] {
  return (el.getAttribute('itemtype') ?? '').split(/\s+/).filter(Boolean);
}

function isItem(el: Element): boolean {
  return el.hasAttribute('itemscope');
}

/** The item's own properties: `itemprop` elements whose nearest enclosing item is this one. */
function propertiesOf(item: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  for (const el of Array.from(item.querySelectorAll('[itemprop]'))) {
    let owner = el.parentElement;
    while (owner && !isItem(owner)) owner = owner.parentElement;
    if (owner !== item) continue;
    for (const name of (el.getAttribute('itemprop') ?? '').split(/\s+/).filter(Boolean)) {
      const list = props.get(name) ?? [];
      list.push(el);
      props.set(name, list);
    }
  }
  return props;
}

/** A property's value as microdata defines it: `content`, a link's `href`, a time's `datetime`, else the text. */
function valueOf(el: Element): string | null {
  const tag = el.tagName.toUpperCase();
  let value: string | null | undefined;
  if (el.hasAttribute('content')) value = el.getAttribute('content');
  else if (tag === 'A' || tag === 'LINK' || tag === 'AREA') value = el.getAttribute('href');
  else if (tag === 'TIME') value = el.getAttribute('datetime') ?? el.textContent;
  else if (tag === 'DATA' || tag === 'METER') value = el.getAttribute('value');
  else value = el.textContent;
  const text = cleanText(value ?? '');
  return text || null;
}

class Item {
  readonly root: Element;
  readonly props: Map<string, Element[]>;
  constructor(root: Element) {
    this.root = root;
    this.props = propertiesOf(root);
  }
  all(name: string): Element[] {
    return this.props.get(name) ?? [];
  }
  text(name: string): string | null {
    for (const el of this.all(name)) {
      const value = valueOf(el);
      if (value) return value;
    }
    return null;
  }
  texts(name: string): string[] {
    return this.all(name)
      .map(valueOf)
      .filter((v): v is string => v !== null);
  }
  /** A property that may be an item of its own ("hiringOrganization" → its name) or plain text. */
  nameOf(name: string): string | null {
    for (const el of this.all(name)) {
      const value = isItem(el) ? new Item(el).text('name') : valueOf(el);
      if (value) return value;
    }
    return null;
  }
}

function placeText(el: Element): string | null {
  if (!isItem(el)) return valueOf(el);
  const place = new Item(el);
  for (const addressEl of place.all('address')) {
    if (!isItem(addressEl)) {
      const text = valueOf(addressEl);
      if (text) return text;
      continue;
    }
    const address = new Item(addressEl);
    const parts = ['addressLocality', 'addressRegion', 'addressCountry']
      .map((p) => address.nameOf(p))
      .filter((p, i, list): p is string => p !== null && list.indexOf(p) === i);
    if (parts.length) return parts.join(', ');
  }
  // Some pages put the address parts on the place itself, or on an address that is not an item.
  const parts = ['addressLocality', 'addressRegion', 'addressCountry']
    .map((p) => place.nameOf(p))
    .filter((p, i, list): p is string => p !== null && list.indexOf(p) === i);
  return parts.length ? parts.join(', ') : place.text('name');
}

function payOf(posting: Item): { structured: StructuredPay[]; text: FieldValue[] } {
  const structured: StructuredPay[] = [];
  const text: FieldValue[] = [];
  const salaryCurrency = posting.text('salaryCurrency');
  for (const el of posting.all('baseSalary')) {
    if (!isItem(el)) {
      const value = valueOf(el);
      if (value) {
        const withCurrency = salaryCurrency && !value.includes(salaryCurrency) ? `${salaryCurrency} ${value}` : value;
        text.push({ value: withCurrency, source: 'jsonld', field: 'schema.org microdata baseSalary' });
      }
      continue;
    }
    const money = new Item(el);
    const currency = (money.text('currency') ?? salaryCurrency ?? '').toUpperCase();
    const quantityEl = money.all('value').find(isItem);
    const quantity = quantityEl ? new Item(quantityEl) : null;
    const single = amount(quantity ? quantity.text('value') : money.text('value'));
    const min = amount(quantity?.text('minValue') ?? money.text('minValue')) ?? single;
    const max = amount(quantity?.text('maxValue') ?? money.text('maxValue')) ?? single ?? min;
    const unit = (quantity?.text('unitText') ?? money.text('unitText') ?? '').toUpperCase();
    const period = periodOfUnitText(unit);
    if (!/^[A-Z]{3}$/.test(currency) || !period || min === undefined || max === undefined) continue;
    const figures = min === max ? `${min}` : `${min}–${max}`;
    structured.push({
      min,
      max,
      currency,
      period,
      source: 'jsonld',
      evidence: `schema.org microdata baseSalary: ${figures} ${currency} per ${unit}`,
    });
  }
  return { structured, text };
}

/** What a page's JobPosting microdata says, as the parts of a RawPosting it can fill. */
export interface MicrodataPosting {
  title: string | null;
  company: string | null;
  location: string | null;
  commitment: string | null;
  workplace: FieldValue[];
  payText: FieldValue[];
  payStructured: StructuredPay[];
  experienceMonths: RawPosting['experienceMonths'];
  sections: RawSection[];
  jobId: string | null;
}

function toPosting(posting: Item): MicrodataPosting {
  const locations = posting
    .all('jobLocation')
    .map(placeText)
    .filter((l): l is string => l !== null);
  const description = posting.all('description')[0] ?? null;
  // schema.org's own example puts responsibilities, qualifications and the rest beside a
  // one-line description; SmartRecruiters nests them inside it. Read whichever holds them all.
  const outside = TEXT_PROPERTIES.some((name) => posting.all(name).some((el) => !description?.contains(el)));
  const textRoot = description && !outside ? description : posting.root;
  const sections = sectionsOf(textRoot);
  const title = posting.text('title') ?? posting.text('name');
  const first = sections[0];
  // The item's own title heading is the posting's title, not a section of its text.
  if (first && title && first.heading === title) first.heading = null;

  const months = posting
    .all('experienceRequirements')
    .filter(isItem)
    .map((el) => amount(new Item(el).text('monthsOfExperience')))
    .find((m): m is number => m !== undefined && m >= 0);
  const identifierEl = posting.all('identifier')[0];
  const pay = payOf(posting);
  return {
    title,
    company: posting.nameOf('hiringOrganization'),
    location: locations.length ? [...new Set(locations)].join(' / ') : null,
    commitment: posting.texts('employmentType').join(', ') || null,
    workplace: posting
      .texts('jobLocationType')
      .map((value) => ({ value, source: 'jsonld', field: 'schema.org microdata jobLocationType' })),
    payText: pay.text,
    payStructured: pay.structured,
    experienceMonths:
      months === undefined
        ? null
        : { months, evidence: `schema.org microdata experienceRequirements.monthsOfExperience: ${months}` },
    sections: sections.filter((s) => s.heading !== null || s.paragraphs.length > 0 || s.items.length > 0),
    jobId: identifierEl ? (isItem(identifierEl) ? new Item(identifierEl).text('value') : valueOf(identifierEl)) : null,
  };
}

function isJobPosting(el: Element): boolean {
  return isItem(el) && types(el).some((t) => JOB_POSTING.test(t));
}

/** Every JobPosting item on the page that is not part of another JobPosting, in page order. */
function jobPostingItems(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('[itemscope][itemtype]')).filter((el) => {
    if (!isJobPosting(el)) return false;
    for (let up = el.parentElement; up; up = up.parentElement) if (isJobPosting(up)) return false;
    return true;
  });
}

/** The page's one JobPosting in microdata, or null. A page with several is a listing. */
export function readMicrodataPosting(doc: Document): MicrodataPosting | null {
  const items = jobPostingItems(doc);
  if (items.length !== 1) return null;
  const posting = toPosting(new Item(items[0]!));
  // Avature's pages set the title's itemprop on a heading outside the posting's own item: the
  // page's one title property that belongs to no item is the posting's.
  if (!posting.title) {
    const orphans = Array.from(doc.querySelectorAll('[itemprop~="title"]')).filter((el) => !el.parentElement?.closest('[itemscope]') && !el.hasAttribute('itemscope'));
    const text = orphans.length === 1 ? cleanText(orphans[0]!.textContent ?? '') : '';
    if (text) posting.title = text;
  }
  return posting;
}

/** Reads any page that describes itself as a JobPosting in microdata. */
export const microdataAdapter: SiteAdapter = {
  id: 'microdata',
  name: 'schema.org JobPosting (microdata)',
  // Never chosen by URL: the registry falls back to it.
  matches: () => false,
  extract(doc: Document, url: URL): RawPosting | null {
    const posting = readMicrodataPosting(doc);
    if (!posting?.title) return null;
    return {
      site: url.hostname.replace(/^www\./, '') || 'microdata',
      jobId: posting.jobId,
      url: url.href,
      title: posting.title,
      company: posting.company,
      location: posting.location,
      department: null,
      commitment: posting.commitment,
      workplace: posting.workplace,
      payText: posting.payText,
      payStructured: posting.payStructured,
      experienceMonths: posting.experienceMonths,
      sections: posting.sections,
    };
  },
};
