import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import type { FieldValue, PayPeriod, RawPosting, RawSection, StructuredPay } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { sectionsFromText } from '../parse/sections.ts';
import { blockText, cleanText, sectionsOfAll } from './dom.ts';
import { parseLooseJson } from './jsonld.ts';
import { leverFromApi, leverPostingKey } from './lever.ts';

/*
 * Job-board aggregators: unlisted hosts that re-render a posting they collected from an ATS.
 * They are recognised by the page's shape, not its URL: a "facts" table of label/value
 * pairs (Company, Title, Location, Work model, Salary, …) beside the description, and/or
 * the ATS's own posting JSON shown on the page (a Lever payload with `lists`,
 * `categories`, `workplaceType`, `salaryRange`). The shape was taken from the seeds
 * (test/corpus/real/text/seed-000-*, seed-002-*); test/fixtures/aggregator/ rebuilds those pages.
 *
 * When the facts say the posting's source is a jobs.lever.co posting, the posting is that
 * Lever posting (`lever:<uuid>`), so saving it here and on Lever gives one record.
 */

/** Labels a facts table about one posting carries. */
const POSTING_LABEL =
  /^(?:company|(?:job )?title|location|work ?model|workplace(?: type)?|remote(?: policy)?|salary|pay|compensation|employment type|job type|department(?: \/ team)?|team)$/i;
const WORKPLACE_LABEL = /^(?:work ?model|workplace(?: type)?|remote(?: policy)?|work(?:ing)? arrangement)$/i;
const PAY_LABEL = /^(?:salary|salary raw|pay|pay range|compensation|salary range)$/i;
const SOURCE_LABEL = /^(?:source url|original posting|source|job url|posting url|ats url)$/i;
const DESCRIPTION_HEADING = /^(?:job )?description$/i;

/** A value the aggregator shows for "not known". */
const EMPTY = /^[-–—]?$/;

const PERIODS: Record<string, PayPeriod> = {
  hour: 'hour', hourly: 'hour', day: 'day', daily: 'day', week: 'week', weekly: 'week',
  month: 'month', monthly: 'month', year: 'year', yearly: 'year', annual: 'year', annually: 'year',
};

/** Named so a selector report can say which of them a page carries. */
export const SELECTORS = {
  tables: 'table, dl',
  headings: 'h1, h2, h3, h4, h5, h6',
  embeddedJson: 'pre, script[type="application/json" i]',
} as const;

/** Lever's posting shape, as far as an embedded copy must show it to be read as one. */
const embeddedLeverSchema = lazy(() =>
  z.looseObject({
    lists: z.optional(z.array(z.looseObject({ text: z.string(), content: z.string() }))),
    categories: z.optional(z.nullable(z.looseObject({}))),
    workplaceType: z.optional(z.nullable(z.string())),
    salaryRange: z.optional(z.nullable(z.looseObject({}))),
  }),
);
type EmbeddedLever = z.infer<ReturnType<typeof embeddedLeverSchema>>;

interface Fact {
  table: string | null;
  label: string;
  value: string;
}

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

function isHeading(el: Element): boolean {
  return /^H[1-6]$/.test(tagOf(el));
}

/** The heading a table sits under: its caption, else the nearest heading before it. */
function tableName(table: Element): string | null {
  const caption = table.querySelector('caption');
  if (caption) return cleanText(caption.textContent ?? '') || null;
  let node: Element | null = table;
  while (node && tagOf(node) !== 'BODY') {
    for (let prev = node.previousElementSibling; prev; prev = prev.previousElementSibling) {
      if (isHeading(prev)) return cleanText(prev.textContent ?? '') || null;
    }
    node = node.parentElement;
  }
  return null;
}

/** Label/value rows of a two-column table or a definition list; null when it is not one. */
function pairsOf(el: Element): Array<[string, string]> | null {
  const pairs: Array<[string, string]> = [];
  if (tagOf(el) === 'DL') {
    let label: string | null = null;
    for (const child of Array.from(el.children)) {
      if (tagOf(child) === 'DT') label = cleanText(child.textContent ?? '');
      else if (tagOf(child) === 'DD' && label) pairs.push([label, blockText(child).replace(/\n/g, ' ')]);
    }
    return pairs.length ? pairs : null;
  }
  for (const row of Array.from(el.querySelectorAll('tr'))) {
    if (row.closest('table') !== el) continue;
    const cells = Array.from(row.children).filter((c) => tagOf(c) === 'TD' || tagOf(c) === 'TH');
    if (cells.length !== 2) return null;
    const [label, value] = cells.map((c) => cleanText(c.textContent ?? '')) as [string, string];
    // A header row ("Field | Value") names the columns, not a fact.
    if (cells.every((c) => tagOf(c) === 'TH') || (/^field$/i.test(label) && /^value$/i.test(value))) continue;
    if (label) pairs.push([label, value]);
  }
  return pairs.length ? pairs : null;
}

function factsOf(doc: Document): Fact[] {
  const facts: Fact[] = [];
  for (const el of Array.from(doc.querySelectorAll(SELECTORS.tables))) {
    const pairs = pairsOf(el);
    if (!pairs) continue;
    const table = tableName(el);
    for (const [label, value] of pairs) facts.push({ table, label, value });
  }
  return facts;
}

/** True when one table alone reads as facts about a posting: a title and two more posting labels. */
function isPostingFacts(facts: readonly Fact[]): boolean {
  const byTable = new Map<string | null, Fact[]>();
  for (const fact of facts) byTable.set(fact.table, [...(byTable.get(fact.table) ?? []), fact]);
  return [...byTable.values()].some(
    (rows) =>
      rows.some((r) => /^(?:job )?title$/i.test(r.label)) && rows.filter((r) => POSTING_LABEL.test(r.label)).length >= 3,
  );
}

function known(value: string | undefined): string | null {
  const text = cleanText(value ?? '');
  return text && !EMPTY.test(text) ? text : null;
}

function fieldName(fact: Fact): string {
  return fact.table ? `${fact.table}: ${fact.label}` : fact.label;
}

/** The first known value of a label, in page order. */
function factValue(facts: readonly Fact[], label: RegExp): string | null {
  for (const fact of facts) {
    if (!label.test(fact.label)) continue;
    const value = known(fact.value);
    if (value) return value;
  }
  return null;
}

/** "Salary Min / Salary Max / Salary Currency / Salary Period" rows as one range, when all are stated. */
function structuredPay(facts: readonly Fact[]): StructuredPay[] {
  const min = Number(factValue(facts, /^salary min$/i)?.replace(/[^\d.]/g, '') ?? NaN);
  const max = Number(factValue(facts, /^salary max$/i)?.replace(/[^\d.]/g, '') ?? NaN);
  const currency = factValue(facts, /^salary currency$/i)?.toUpperCase() ?? '';
  const periodWord = factValue(facts, /^salary period$/i)?.toLowerCase().replace(/^per\s+/, '') ?? '';
  const period = PERIODS[periodWord];
  if (!Number.isFinite(min) || !Number.isFinite(max) || !/^[A-Z]{3}$/.test(currency) || !period) return [];
  return [
    {
      min,
      max,
      currency,
      period,
      source: 'board',
      evidence: `Salary Min–Max: ${min}–${max} ${currency} per ${periodWord}`,
    },
  ];
}

/** The posting's address at its source (an ATS URL), from the first source row that holds an http(s) URL. */
function sourceUrlOf(facts: readonly Fact[]): URL | null {
  for (const fact of facts) {
    if (!SOURCE_LABEL.test(fact.label)) continue;
    const href = cleanText(fact.value);
    if (URL.canParse(href) && /^https?:$/.test(new URL(href).protocol)) return new URL(href);
  }
  return null;
}

/** The blocks after the "Description" heading, up to the next heading. */
function descriptionBlocks(doc: Document): Element[] {
  for (const heading of Array.from(doc.querySelectorAll(SELECTORS.headings))) {
    if (!DESCRIPTION_HEADING.test(cleanText(heading.textContent ?? ''))) continue;
    const blocks: Element[] = [];
    for (let next = heading.nextElementSibling; next && !isHeading(next); next = next.nextElementSibling) {
      blocks.push(next);
    }
    if (blocks.length) return blocks;
  }
  return [];
}

/** The embedded posting JSON that has Lever's shape, if the page shows one. */
function embeddedLever(doc: Document): EmbeddedLever | null {
  for (const el of Array.from(doc.querySelectorAll(SELECTORS.embeddedJson))) {
    const json = parseLooseJson(el.textContent ?? '');
    const parsed = embeddedLeverSchema().safeParse(json);
    if (!parsed.success) continue;
    const payload = parsed.data;
    const hasShape = (payload.lists?.length ?? 0) > 0 || (payload.categories != null && 'workplaceType' in payload);
    if (hasShape) return payload;
  }
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The description's text before the first of the payload's list headings (those come from the payload itself). */
function textBeforeLists(text: string, lists: EmbeddedLever['lists']): string {
  let cut = text.length;
  for (const list of lists ?? []) {
    const heading = cleanText(list.text);
    if (!heading) continue;
    const match = new RegExp(`(?:^|\\s)${escapeRegExp(heading)}(?=\\s|$)`).exec(text);
    if (match && match.index < cut) cut = match.index;
  }
  return text.slice(0, cut).trim();
}

function descriptionSections(blocks: readonly Element[]): RawSection[] {
  const structured = blocks.some((b) => b.matches('p, ul, ol, li, h1, h2, h3, h4, h5, h6') || b.querySelector('p, li, h1, h2, h3, h4, h5, h6'));
  if (structured) return sectionsOfAll(blocks);
  return sectionsFromText(blocks.map(blockText).join('\n'));
}

function readAggregatorPage(doc: Document, url: URL): RawPosting | null {
  const facts = factsOf(doc);
  const lever = embeddedLever(doc);
  const blocks = descriptionBlocks(doc);
  if (!lever && !(isPostingFacts(facts) && blocks.length)) return null;

  const title = factValue(facts, /^(?:job )?title$/i) ?? cleanText(doc.querySelector('h1')?.textContent ?? '');
  if (!title) return null;

  const sourceUrl = sourceUrlOf(facts);
  const leverKey = sourceUrl ? leverPostingKey(sourceUrl) : null;
  const leverUrl = leverKey ? `https://${sourceUrl!.host.toLowerCase()}/${encodeURIComponent(leverKey.site)}/${leverKey.id}` : null;

  const descriptionText = blocks.map(blockText).join('\n');
  let fromLever: RawPosting | null = null;
  if (lever) {
    try {
      fromLever = leverFromApi(
        {
          ...lever,
          id: typeof lever['id'] === 'string' ? lever['id'] : (leverKey?.id ?? 'embedded'),
          text: typeof lever['text'] === 'string' ? lever['text'] : title,
          hostedUrl: leverUrl ?? url.href,
          descriptionPlain:
            typeof lever['descriptionPlain'] === 'string' ? lever['descriptionPlain'] : textBeforeLists(descriptionText, lever.lists),
        },
        undefined,
        { doc },
      );
    } catch {
      // A payload Lever's reader refuses leaves the facts and the description.
    }
  }
  if (!fromLever && !blocks.length) return null;

  const workplace: FieldValue[] = [
    ...(fromLever?.workplace ?? []).map((f) => ({ ...f, field: 'Embedded Lever posting workplaceType' })),
    ...facts
      .filter((f) => WORKPLACE_LABEL.test(f.label) && known(f.value))
      .map((f): FieldValue => ({ value: cleanText(f.value), source: 'board', field: fieldName(f) })),
  ];
  const payText: FieldValue[] = [
    ...(fromLever?.payText ?? []),
    ...facts
      .filter((f) => PAY_LABEL.test(f.label) && known(f.value))
      .map((f): FieldValue => ({ value: cleanText(f.value), source: 'board', field: fieldName(f) })),
  ];

  const team = factValue(facts, /^team$/i);
  const department = factValue(facts, /^department(?: \/ team)?$/i);
  const sections = fromLever?.sections.length ? fromLever.sections : descriptionSections(blocks);
  if (sections.length === 0) return null;

  return {
    site: leverKey ? 'lever' : url.hostname.replace(/^www\./, '') || 'aggregator',
    jobId: leverKey?.id ?? null,
    url: leverUrl ?? url.href,
    title: fromLever?.title || title,
    company: factValue(facts, /^company$/i) ?? fromLever?.company ?? null,
    location: fromLever?.location ?? factValue(facts, /^location(?: text)?$/i),
    department: fromLever?.department ?? (department && team && !department.includes(team) ? `${department} – ${team}` : department),
    commitment: fromLever?.commitment ?? factValue(facts, /^(?:employment|job) type$/i),
    workplace,
    payText,
    payStructured: [...(fromLever?.payStructured ?? []), ...structuredPay(facts)],
    experienceMonths: null,
    sections,
  };
}

/** Reads a job-board aggregator's re-rendering of a posting, recognised by the page's shape. */
export const aggregatorAdapter: SiteAdapter = {
  id: 'aggregator',
  name: 'Job-board aggregator page',
  // Aggregators are unlisted hosts: never chosen by URL, the registry falls back to it.
  matches: () => false,
  extract(doc, url) {
    try {
      return readAggregatorPage(doc, url);
    } catch {
      return null;
    }
  },
};
