import type { FieldValue, PayPeriod, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import { sectionsFromText, titleFromText } from '../parse/index.ts';
import { cleanText, looksLikeHtml, parseHtmlBody, sectionsOfHtml } from './dom.ts';
import { periodFromMagnitude } from '../model/pay.ts';
import { currencyOfPlace } from '../parse/dollar.ts';
import type { PayloadReader } from './payloads.ts';
import { EXPERIENCE_KEYS, experienceLine } from './feed-experience.ts';
import { get, record, text, type Json } from './feed-json.ts';
import { HH_URL, workplace } from './feed-workplace.ts';
import { postingKeyFor } from './registry.ts';

/*
 * Job feeds that are not one board's own API: aggregators' public APIs (Remotive, Remote
 * OK, Himalayas, Jobicy, Landing.jobs, 4 Day Week), Workable's and SmartRecruiters' list
 * endpoints, Hacker News "Who is hiring" threads. They share a shape, not a schema: a list
 * of objects, each with a title, a text, and often a company, a place and pay as numbers.
 * The keys differ by feed; these tables name the ones in use. A feed is read by the board
 * readers first (payloads.ts); this reader takes what none of them claims.
 */

const TITLE_KEYS = ['title', 'jobTitle', 'job_title', 'position', 'role', 'name', 'jobOpeningName', 'position_name', 'objective', 'freieBezeichnung', 'titel'];
const TEXT_KEYS = ['description', 'jobDescription', 'job_description', 'descriptionHtml', 'descriptionPlain', 'content', 'role_description', 'externalDescriptionStr', 'text', 'body'];
/** Parts of the text some feeds keep in fields of their own, with the heading they stand under. */
const SECTION_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['responsibilities', 'Responsibilities'],
  ['requirements', 'Requirements'],
  ['main_requirements', 'Main requirements'],
  ['qualifications', 'Qualifications'],
  // amazon.jobs and others that split the list in two fields.
  ['basic_qualifications', 'Basic qualifications'],
  ['minimum_qualifications', 'Minimum qualifications'],
  ['required_qualifications', 'Required qualifications'],
  ['preferred_qualifications', 'Preferred qualifications'],
  ['externalQualificationsStr', 'Qualifications'],
  ['requirementsSection', 'Requirements'],
  ['nice_to_have', 'Nice to have'],
  ['profile', 'Profile'],
  ['benefits', 'Benefits'],
  ['perks', 'Perks'],
  ['benefitsSection', 'Benefits'],
];
const SHORT_TEXT_KEYS = ['excerpt', 'jobExcerpt', 'summary', 'shortDescriptionStr', 'tagline'];
const COMPANY_KEYS = ['company_name', 'companyName', 'company', 'employer', 'hiringOrganization', 'arbeitgeber'];
/** Experience a list entry states in a field of its own ("1-3 Years"). */
const LOCATION_KEYS = ['location', 'candidate_required_location', 'jobGeo', 'primaryLocation', 'locations', 'standardizedLocations', 'locationRestrictions', 'actualCity', 'city', 'arbeitsort'];
/** Parts of an address a feed keeps apart, which say the country when the city alone does not ("ONGAR", "CM5 0EN"). */
const PLACE_DETAIL_KEYS = ['address', 'postalCode', 'postal_code', 'zip', 'cityCategory', 'country', 'countryName', 'country_name'];
const URL_KEYS = ['url', 'hostedUrl', 'absolute_url', 'jobUrl', 'postingUrl', 'publicUrl', 'positionUrl', 'careers_url', 'applicationLink', 'application_url', 'apply_url', 'apply_link', 'application_link', 'careers_apply_url', 'shortlink', 'link'];
const ID_KEYS = ['id', 'guid', 'shortcode', 'uuid', 'slug', 'jobSlug', 'refnr', 'referenznummer', 'hashId'];
const PAY_MIN_KEYS = ['compensation_minimum', 'salary_min', 'salary_lower', 'minSalary', 'salaryMin', 'gross_salary_low', 'min_salary', 'annualSalaryMin', 'annualSalaryFrom', 'salaryFrom', 'salary_from', 'minimumSalary', 'minimum_salary'];
const PAY_MAX_KEYS = ['compensation_maximum', 'salary_max', 'salary_upper', 'maxSalary', 'salaryMax', 'gross_salary_high', 'max_salary', 'annualSalaryMax', 'annualSalaryTo', 'salaryTo', 'salary_to', 'maximumSalary', 'maximum_salary'];
const CURRENCY_KEYS = ['compensation_currency', 'salary_currency', 'currency', 'currency_code', 'salaryCurrency'];
const PERIOD_KEYS = ['compensation_frequency', 'salary_period', 'salaryPeriod', 'pay_period', 'salaryInterval', 'periodicity'];
/** Keys named for a yearly figure ("annualSalaryFrom"): the period is in the name. */
const ANNUAL_KEY = /^annual/i;
/** The board's flag that it estimated the figure itself (Adzuna). */
const ESTIMATE_KEYS = ['salary_is_predicted', 'salaryIsPredicted', 'salary_estimated'];
const PAY_TEXT_KEYS = ['salary', 'salaryText', 'salaryLabel', 'salary_label', 'compensation', 'pay'];
/** Where a feed keeps its list. */
const LIST_KEYS = ['jobs', 'offers', 'content', 'data', 'results', 'postings', 'positions', 'items', 'children', 'hits', 'job', 'posting', 'offer', 'result', 'jobOpening', 'docs', 'stellenangebote'];
/** Envelopes a feed's list may sit in: HAL's `_embedded` (the Bundesagentur für Arbeit's job search), `data: { docs }` (Dealls). */
const ENVELOPE_KEYS = ['_embedded', 'data'];

function first(item: Json, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = text(get(item, key));
    if (value) return { key, value };
  }
  return null;
}

function amount(item: Json, keys: readonly string[]): number | null {
  for (const key of keys) {
    const v = get(item, key);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isFinite(n) && n > 0) return n;
  }
  return null;
}

/** A place: a string, a list of strings, or records with city/region/country. */
function place(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (Array.isArray(value)) {
    const parts = value.map(place).filter((p): p is string => p !== null);
    return parts.length ? [...new Set(parts)].join('; ') : null;
  }
  const r = record(value);
  if (!r) return null;
  const named = text(r.fullLocation) ?? text(r.name) ?? text(r.location) ?? text(r.display_name);
  if (named) return named;
  // The Bundesagentur für Arbeit writes `{ ort, region, land }`.
  const parts = ['city', 'ort', 'region', 'state', 'country', 'land'].map((k) => text(r[k])).filter((p): p is string => p !== null);
  return parts.length ? parts.join(', ') : null;
}

/**
 * A list entry with its posting's detail inside (BambooHR's `{ jobOpeningName, …, detail: { description,
 * compensation, … } }`): one record, the entry's own non-empty fields first.
 */
function withDetail(value: unknown): Json | null {
  const item = record(value);
  const detail = item ? record(item.detail) : null;
  if (!item || !detail) return item;
  return { ...detail, ...Object.fromEntries(Object.entries(item).filter(([key, v]) => key !== 'detail' && v !== null && v !== undefined)) };
}

function isItem(value: unknown): boolean {
  const item = withDetail(value);
  if (!item) return false;
  const hasTitle = TITLE_KEYS.some((k) => typeof get(item, k) === 'string');
  const hasText = [...TEXT_KEYS, ...SHORT_TEXT_KEYS].some((k) => typeof get(item, k) === 'string') || adSections(item) !== null || labelledParts(item.text) !== null;
  const hasFacts = [...COMPANY_KEYS, ...LOCATION_KEYS, ...URL_KEYS].some((k) => get(item, k) !== undefined);
  return (hasTitle && (hasText || hasFacts)) || (typeof item.text === 'string' && item.text.length > 80);
}

/** A text kept as labelled parts (NAV's `text: [{ label: "Beskrivelse", value: "<p>…" }]`), as HTML. */
function labelledParts(value: unknown): string | null {
  if (!Array.isArray(value)) return null;
  const parts = value
    .map(record)
    .filter((p): p is Json => p !== null && typeof p.value === 'string' && p.value.trim() !== '')
    .map((p) => `${typeof p.label === 'string' && p.label.trim() ? `<h3>${escapeHtml(p.label)}</h3>` : ''}${p.value as string}`);
  return parts.length ? parts.join('\n') : null;
}

/** SmartRecruiters' `jobAd.sections`: `{ jobDescription: { title, text }, qualifications: { title, text }, ... }`, as HTML. */
function adSections(item: Json): string | null {
  const sections = record(record(item.jobAd)?.sections) ?? record(item.sections);
  if (!sections) return null;
  const parts = Object.values(sections)
    .map(record)
    .filter((s): s is Json => s !== null && typeof s.text === 'string' && s.text.trim() !== '')
    // Each in a <section> of its own: a section whose HTML is cut short ("…remain strictl <!-- trimmed -->"
    // inside an open <li>) must not swallow the next one's heading.
    .map((s) => `<section>${typeof s.title === 'string' && s.title.trim() ? `<h3>${s.title}</h3>` : ''}${s.text as string}</section>`);
  return parts.length ? parts.join('\n') : null;
}

/** The feed's postings, or null when `json` is not a feed of postings. */
function feedItems(json: unknown): unknown[] | null {
  // An Elasticsearch answer (NAV's ad feed, many job sites' search APIs): `hits.hits[]._source`.
  const searchHits = record(record(json)?.hits)?.hits;
  if (Array.isArray(searchHits)) {
    const sources = searchHits.map((hit) => record(hit)?._source ?? hit).filter(isItem);
    if (sources.length) return sources;
  }
  if (Array.isArray(json)) {
    const items = json.filter(isItem);
    return items.length ? items : null;
  }
  const outer = record(json);
  if (!outer) return null;
  // A list inside an envelope: read the envelope as the root when it holds one of the list keys.
  const envelope = ENVELOPE_KEYS.map((k) => record(outer[k])).find((e) => e !== null && LIST_KEYS.some((k) => Array.isArray(e[k])));
  const root = envelope ?? outer;
  for (const key of LIST_KEYS) {
    const list = root[key];
    if (Array.isArray(list)) {
      const items = list.filter(isItem);
      if (items.length) return items;
    }
    // One posting in an envelope (Eightfold's `{ status, data: { ... } }`, Welcome to the Jungle's `{ job: { ... } }`,
    // BambooHR's `{ result: { jobOpening: { ... } } }`).
    if (record(list) && isItem(list) && TITLE_KEYS.some((k) => typeof get(record(list)!, k) === 'string')) return [list];
    const inner = record(record(list)?.jobOpening);
    if (inner && isItem(inner)) return [inner];
  }
  return isItem(root) && TITLE_KEYS.some((k) => typeof root[k] === 'string') ? [root] : null;
}

function sectionsOf(body: string, doc: Document | null): RawSection[] {
  if (looksLikeHtml(body)) {
    const fromHtml = sectionsOfHtml(body, doc);
    if (fromHtml) return fromHtml;
  }
  return sectionsFromText(body);
}

function plainText(body: string, doc: Document | null): string {
  if (!looksLikeHtml(body)) return body;
  // Line breaks where the markup had blocks, so the first line stays the first line.
  const html = body.replace(/<(?:br|p|\/p|\/div|\/li|\/h[1-6])\b[^>]*>/gi, '\n$&');
  return parseHtmlBody(html, doc)?.textContent ?? body.replace(/<[^>]+>/g, ' ');
}

const PERIODS: ReadonlyArray<readonly [RegExp, PayPeriod]> = [
  [/^(?:year|yearly|annual|annually|per[_ ]year|yr|y)$/i, 'year'],
  [/^(?:month|monthly|per[_ ]month|mo|m)$/i, 'month'],
  [/^(?:week|weekly|per[_ ]week|wk|w)$/i, 'week'],
  [/^(?:day|daily|per[_ ]day|d)$/i, 'day'],
  [/^(?:hour|hourly|per[_ ]hour|hr|h)$/i, 'hour'],
];

/** "Job Ad Salary Range: 60000 - 85000 GBP Annual" among SmartRecruiters' custom fields: pay as text. */
const PAY_LABEL = /\b(?:salary|pay|compensation|wage)\b/i;

function customPay(item: Json): FieldValue[] {
  if (!Array.isArray(item.customField)) return [];
  const out: FieldValue[] = [];
  for (const field of item.customField) {
    const f = record(field);
    const label = f ? text(f.fieldLabel) : null;
    const value = f ? text(f.valueLabel) : null;
    if (label && value && PAY_LABEL.test(label) && /\d/.test(value)) out.push({ value: `${label}: ${value}`, source: 'board', field: `feed customField "${label}"` });
  }
  return out;
}

/** Lists of skills kept as fields, with the heading a reader knows them by. */
const SKILL_LISTS: ReadonlyArray<readonly [readonly string[], string]> = [
  [['requiredSkills', 'required_skills', 'skills_required', 'mustHaveSkills', 'must_have_skills'], 'Requirements'],
  [['niceToHaveSkills', 'nice_to_have_skills', 'optionalSkills', 'optional_skills'], 'Nice to have'],
];

function skillNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => text(v)).filter((n): n is string => n !== null && n.trim() !== '').map((n) => cleanText(n));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Where a board keeps a posting's pay per kind of contract: JustJoin.it's `employmentTypes: [{ from, to, currency, unit, type }]`. */
const PAY_LIST_KEYS = ['employmentTypes', 'salaries', 'salaryRanges', 'compensations'];

/** Each contract's pay as the employer stated it: the board's conversions (`currencySource: "converted"`) are left out. */
function listedPay(item: Json): StructuredPay[] {
  const out: StructuredPay[] = [];
  for (const key of PAY_LIST_KEYS) {
    const list = get(item, key);
    if (!Array.isArray(list)) continue;
    for (const entry of list.map(record)) {
      if (!entry) continue;
      const source = text(entry.currencySource);
      if (source !== null && source.toLowerCase() !== 'original') continue;
      const min = amount(entry, ['from', 'min', 'minimum']);
      const max = amount(entry, ['to', 'max', 'maximum']) ?? min;
      const currency = text(entry.currency)?.trim().toUpperCase() ?? null;
      const period = PERIODS.find(([re]) => re.test(text(entry.unit) ?? text(entry.period) ?? ''))?.[1];
      if (min === null || max === null || !currency || !/^[A-Z]{3}$/.test(currency) || !period) continue;
      const kind = text(entry.type);
      // "b2b", "mandate_contract": the contract a range is for, said as words.
      const label = kind ? kind.replace(/[_-]+/g, ' ').replace(/^[a-z\d]{1,3}$/, (k) => k.toUpperCase()) : null;
      out.push({
        ...(label ? { label } : {}),
        min: Math.min(min, max),
        max: Math.max(min, max),
        currency,
        period,
        source: 'board',
        evidence: `feed ${key}: ${min === max ? min : `${min}–${max}`} ${currency} per ${period}${kind ? ` (${kind})` : ''}`,
      });
    }
  }
  return out;
}

function structuredPay(outer: Json): StructuredPay[] {
  const listed = listedPay(outer);
  if (listed.length) return listed;
  // Pay as an object of its own: `salary: { min, max, currency, period }` (Recruitee),
  // `compensation: { min, max, currency, period: "YEARLY" }` (SmartRecruiters).
  // Torre's `compensation: { data: { code, currency, minAmount, maxAmount, periodicity } }`.
  const nested =
    [record(outer.salary), record(outer.compensation), record(record(outer.compensation)?.data), record(outer.salaryRange)].find(
      (r) => r !== null && (amount(r, ['min', 'minAmount', 'from', 'start']) !== null || amount(r, ['max', 'maxAmount', 'to', 'end']) !== null),
    ) ?? null;
  const item: Json = nested
    ? {
        ...outer,
        salary_min: nested.min ?? nested.minAmount ?? nested.from ?? nested.start,
        salary_max: nested.max ?? nested.maxAmount ?? nested.to ?? nested.end,
        salary_currency: nested.currency,
        salary_period: nested.period ?? nested.periodicity,
      }
    : outer;
  const min = amount(item, PAY_MIN_KEYS);
  const max = amount(item, PAY_MAX_KEYS);
  // A feed of one country may give no currency at all (Adzuna): its site's country or the posting's place says it.
  const statedCurrency = first(item, CURRENCY_KEYS)?.value.trim().toUpperCase() ?? null;
  const currency =
    statedCurrency ??
    [...URL_KEYS, 'redirect_url', 'redirectJobUrl']
      .map((k) => text(get(item, k)))
      .filter((u): u is string => u !== null && /^https?:\/\//i.test(u))
      .concat([...LOCATION_KEYS, ...PLACE_DETAIL_KEYS].map((k) => place(get(item, k))).filter((p): p is string => p !== null))
      .map((where) => (/^https?:\/\//i.test(where) ? currencyOfPlace({ url: where }) : currencyOfPlace({ location: where })))
      .find((c) => c !== null) ??
    null;
  // "to-be-agreed" with every amount 0 states no pay.
  if ((min === null && max === null) || !((max ?? min ?? 0) > 0) || !currency || !/^[A-Z]{3}$/.test(currency)) return [];
  const annualKey = [...PAY_MIN_KEYS, ...PAY_MAX_KEYS].some((k) => ANNUAL_KEY.test(k) && amount(item, [k]) !== null);
  const periodText = first(item, PERIOD_KEYS)?.value.trim() ?? (annualKey ? 'year' : '');
  let low = min ?? max!;
  let high = Math.max(max ?? low, low);
  // Some feeds keep cents (4 Day Week: 28620000 beside "$286k - $392k"): the shown text decides.
  const shown = first(item, PAY_TEXT_KEYS)?.value ?? '';
  const shownFirst = /(\d[\d,.]*)\s*(k)?/i.exec(shown);
  if (shownFirst) {
    const figure = Number(shownFirst[1]!.replace(/,/g, '')) * (shownFirst[2] ? 1000 : 1);
    if (figure > 0 && Math.abs(low / 100 - figure) / figure < 0.01) {
      low /= 100;
      high /= 100;
    }
  }
  // No Fluff Jobs states every salary per month, its contract type ("b2b", "permanent", "zlecenie") beside it.
  const nfjMonthly = nested !== null && typeof nested.type === 'string' && /^(?:b2b|permanent|zlecenie|uz|uod|any)$/i.test(nested.type) && 'disclosedAt' in nested;
  // hh.ru states every salary per month (its API's documented convention).
  const hhMonthly = typeof outer.alternate_url === 'string' && HH_URL.test(outer.alternate_url);
  const stated = PERIODS.find(([re]) => re.test(periodText))?.[1] ?? (nfjMonthly || hhMonthly ? 'month' : undefined);
  const estimated = ESTIMATE_KEYS.some((k) => /^(?:1|true|yes)$/i.test(String(get(item, k) ?? '')));
  const inferred = stated ? null : periodFromMagnitude(low, high, currency);
  const period = stated ?? inferred;
  // Without a period, stated or clear from the size, the figures are left to the text.
  if (!period) return [];
  const figures = low === high ? `${low}` : `${low}–${high}`;
  return [
    {
      min: low,
      max: high,
      currency,
      period,
      source: 'board',
      evidence: `feed salary: ${figures} ${currency}${statedCurrency ? '' : ' (currency by the posting’s country)'}${inferred ? ` (no period; per ${period} by its size)` : ` per ${period}`}${estimated ? ' (estimated by the board)' : ''}`,
      ...(inferred ? { periodInferred: true } : {}),
      ...(estimated ? { estimated: true } : {}),
    },
  ];
}


function readFeedItem(value: unknown, options: { url?: string; doc?: Document | null }): RawPosting {
  const item = withDetail(value);
  if (!item) throw new Error('not a job: not an object');
  const doc = options.doc ?? null;
  const body = [adSections(item) ?? labelledParts(item.text) ?? first(item, TEXT_KEYS)?.value ?? first(item, SHORT_TEXT_KEYS)?.value ?? ''];
  // Parts a feed gives with their own heading (Pinpoint's `skills_knowledge_expertise` beside
  // `skills_knowledge_expertise_header: "What you'll bring"`): the posting's own heading wins.
  const headed = new Set<string>();
  for (const [key, value] of Object.entries(item)) {
    const heading = text(item[`${key}_header`]);
    if (typeof value !== 'string' || !value.trim() || !heading || value === body[0]) continue;
    headed.add(key.toLowerCase());
    body.push(looksLikeHtml(value) ? `<h3>${escapeHtml(heading)}</h3>${value}` : `\n${heading}\n${value}`);
  }
  for (const [key, heading] of SECTION_KEYS) {
    const part = text(get(item, key));
    if (part && part !== body[0] && !headed.has(key.toLowerCase())) body.push(looksLikeHtml(part) ? `<h3>${heading}</h3>${part}` : `\n${heading}\n${part}`);
  }
  // No Fluff Jobs' `tiles.values`: `{ value: "Java", type: "requirement" }` beside categories.
  const tiles = record(item.tiles)?.values;
  const required = Array.isArray(tiles) ? tiles.map(record).filter((t): t is Json => t !== null && t.type === 'requirement' && typeof t.value === 'string').map((t) => cleanText(t.value as string)) : [];
  if (required.length) body.push(`<h3>Requirements</h3><ul>${required.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  // Skills a board keeps as lists ("requiredSkills": [{ name: ".Net", level: 4 }]): the posting's asks.
  for (const [keys, heading] of SKILL_LISTS) {
    const names = keys.flatMap((k) => skillNames(get(item, k)));
    if (names.length) body.push(`<h3>${heading}</h3><ul>${names.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`);
  }
  const experience = experienceLine(first(item, EXPERIENCE_KEYS)?.value ?? null, item);
  if (experience) body.push(`\n${experience}`);
  const titled = first(item, TITLE_KEYS);
  const title = titled ? cleanText(titled.value) : titleFromText(plainText(body.join('\n'), doc)).title;
  if (!title) throw new Error('not a job: no title and no text');
  const id = first(item, ID_KEYS)?.value ?? null;
  const given = [first(item, URL_KEYS)?.value, options.url].find((u): u is string => !!u && URL.canParse(u) && /^https?:/.test(u));
  // A feed item with no address of its own (a comment in a thread, a list entry) gets one
  // under the reserved .invalid TLD, as pasted text does.
  const href = given ?? `https://joblens.invalid/feed/${encodeURIComponent(id ?? title)}`;
  const key = given ? postingKeyFor(given) : null;
  const organizations = Array.isArray(item.organizations) ? item.organizations.map(record).filter((o): o is Json => o !== null) : [];
  const company = first(item, COMPANY_KEYS)?.value ?? (organizations.length === 1 ? text(organizations[0]!.name) : null);
  const payText = first(item, PAY_TEXT_KEYS);
  const location = LOCATION_KEYS.map((k) => place(item[k])).find((p) => p !== null) ?? null;
  const pay = structuredPay(item);
  return {
    site: key?.site ?? (given ? new URL(href).hostname.replace(/^www\./, '') : 'feed'),
    jobId: key?.jobId ?? id,
    url: href,
    title,
    company: company ? cleanText(company) : null,
    location: location ? cleanText(location) : null,
    department: text(item.department) ?? text(item.category) ?? null,
    commitment: text(item.employment_type) ?? text(item.job_type) ?? text(item.employmentType) ?? text(item.typeOfEmployment) ?? null,
    workplace: workplace(item, URL_KEYS),
    // The feed's salary string is read only where its numbers are not given as fields too.
    // A bare "£100,000" in a field named for pay is pay: the field's name says so, as a label would.
    payText:
      pay.length === 0
        ? [
            ...(payText && !/^\d+(?:\.\d+)?$/.test(payText.value.trim())
              ? [{ value: /[\p{L}]{3}/u.test(payText.value.replace(/\b[A-Z]{3}\b/g, '')) ? payText.value : `Salary: ${payText.value}`, source: 'board' as const, field: `feed ${payText.key}` }]
              : []),
            ...customPay(item),
          ]
        : [],
    payStructured: pay,
    experienceMonths: null,
    // Each part on its own: a part cut short by its source ("…</li>" never closed) must not swallow the next.
    sections: body.filter((part) => part.trim() !== '').flatMap((part) => sectionsOf(part, doc)),
  };
}

export const feedPayloadReader: PayloadReader = {
  id: 'feed',
  name: 'job feed (aggregator and list APIs)',
  detect: (json) => feedItems(json) !== null,
  items: (json) => feedItems(json) ?? [],
  readItem: (item, { url, doc, single }) => readFeedItem(item, { url: single ? url : undefined, doc }),
};
