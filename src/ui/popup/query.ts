import type { ApplicationStatus, ExchangeRates, RemotePolicy, SavedSummary } from '../../model/index.ts';
import {
  STATUS_ORDER,
  convertAmount,
  effectiveLocation,
  effectivePay,
  effectivePolicy,
  type EffectivePay,
} from '../../compare/values.ts';

/**
 * Search, filters and sort for the saved list. Pure. What each keystroke needs is worked
 * out once per list load (`indexSaved`), so filtering 10,000 postings is a pass of
 * `includes` over precomputed strings.
 */

/** Rows the popup shows before the whole list is read: five times what its viewport shows. */
export const FIRST_ROWS = 20;

export interface SavedEntry {
  posting: SavedSummary;
  /** Title, company, location (the user's and the posting's), notes and tags, lowercased. */
  search: string;
  policy: RemotePolicy;
  pay: EffectivePay | null;
  statusRank: number;
  savedAtMs: number;
}

export function indexSaved(postings: readonly SavedSummary[]): SavedEntry[] {
  return postings.map((posting) => {
    const location = effectiveLocation(posting).value;
    const search = [posting.title, posting.company, location, posting.location, posting.notes, ...posting.tags]
      .filter((part): part is string => !!part)
      .join('\n')
      .toLowerCase();
    return {
      posting,
      search,
      policy: effectivePolicy(posting).value,
      pay: effectivePay(posting),
      statusRank: STATUS_ORDER.indexOf(posting.status),
      savedAtMs: Date.parse(posting.savedAt),
    };
  });
}

export type SortKey = 'saved' | 'pay' | 'company' | 'status';

export const SORT_LABELS: Record<SortKey, string> = {
  saved: 'Saved date (newest first)',
  pay: 'Annual pay (highest first)',
  company: 'Company (A–Z)',
  status: 'Status (pipeline order)',
};

export interface ListQuery {
  text: string;
  status: ApplicationStatus | '';
  policy: RemotePolicy | '';
  tag: string;
  /** Minimum annual pay, in `payCurrency`; null for no minimum. */
  minPay: number | null;
  payCurrency: string;
}

export const EMPTY_QUERY: ListQuery = { text: '', status: '', policy: '', tag: '', minPay: null, payCurrency: '' };

/** The top of the range, a year, in `currency`; null when there is no pay or no way to convert it. */
export function annualIn(pay: EffectivePay | null, currency: string, rates: ExchangeRates | null): number | null {
  if (!pay?.annual) return null;
  return convertAmount(pay.annual.max, pay.currency, currency, rates);
}

/**
 * Keeps the entries matching every part of the query, in their order. Pay is compared in
 * the chosen currency only: a posting in another currency passes only when the user's
 * exchange rates cover both currencies.
 */
export function filterEntries(entries: readonly SavedEntry[], query: ListQuery, rates: ExchangeRates | null): SavedEntry[] {
  const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
  const minPay = query.minPay !== null && query.payCurrency ? query.minPay : null;
  if (words.length === 0 && !query.status && !query.policy && !query.tag && minPay === null) return [...entries];
  return entries.filter((entry) => {
    if (query.status && entry.posting.status !== query.status) return false;
    if (query.policy && entry.policy !== query.policy) return false;
    if (query.tag && !entry.posting.tags.includes(query.tag)) return false;
    if (minPay !== null) {
      const annual = annualIn(entry.pay, query.payCurrency, rates);
      if (annual === null || annual < minPay) return false;
    }
    for (const word of words) if (!entry.search.includes(word)) return false;
    return true;
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function newestFirst(a: SavedEntry, b: SavedEntry): number {
  return b.savedAtMs - a.savedAtMs || (a.posting.id < b.posting.id ? -1 : a.posting.id > b.posting.id ? 1 : 0);
}

/** The currency pay is sorted in: the filter's, else the rates' base, else the most common one. */
export function referenceCurrency(entries: readonly SavedEntry[], query: ListQuery, rates: ExchangeRates | null): string | null {
  if (query.payCurrency) return query.payCurrency;
  if (rates) return rates.base;
  const counts = new Map<string, number>();
  for (const { pay } of entries) if (pay) counts.set(pay.currency, (counts.get(pay.currency) ?? 0) + 1);
  let best: string | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best;
}

/**
 * A sorted copy. Pay sorts by the top of the yearly range in the reference currency; pay
 * that cannot be converted is not guessed at: it follows, grouped by currency, and
 * postings without pay come last.
 */
export function sortEntries(
  entries: readonly SavedEntry[],
  sort: SortKey,
  reference: string | null,
  rates: ExchangeRates | null,
): SavedEntry[] {
  const sorted = [...entries];
  switch (sort) {
    case 'saved':
      return sorted.sort(newestFirst);
    case 'status':
      return sorted.sort((a, b) => a.statusRank - b.statusRank || newestFirst(a, b));
    case 'company':
      return sorted.sort((a, b) => {
        const ca = a.posting.company;
        const cb = b.posting.company;
        if (!ca || !cb) return (ca ? -1 : cb ? 1 : 0) || newestFirst(a, b);
        return collator.compare(ca, cb) || newestFirst(a, b);
      });
    case 'pay': {
      const keys = new Map<SavedEntry, { group: number; currency: string; amount: number }>();
      for (const entry of sorted) {
        const converted = reference ? annualIn(entry.pay, reference, rates) : null;
        if (converted !== null) keys.set(entry, { group: 0, currency: '', amount: converted });
        else if (entry.pay?.annual) keys.set(entry, { group: 1, currency: entry.pay.currency, amount: entry.pay.annual.max });
        else keys.set(entry, { group: 2, currency: '', amount: 0 });
      }
      return sorted.sort((a, b) => {
        const ka = keys.get(a)!;
        const kb = keys.get(b)!;
        return (
          ka.group - kb.group ||
          (ka.currency < kb.currency ? -1 : ka.currency > kb.currency ? 1 : 0) ||
          kb.amount - ka.amount ||
          newestFirst(a, b)
        );
      });
    }
  }
}

/** Every tag in use, sorted. */
export function tagsOf(entries: readonly SavedEntry[]): string[] {
  const tags = new Set<string>();
  for (const { posting } of entries) for (const tag of posting.tags) tags.add(tag);
  return [...tags].sort(collator.compare);
}

/** Every currency pay is stated in, plus the rates' currencies, sorted. */
export function currenciesOf(entries: readonly SavedEntry[], rates: ExchangeRates | null): string[] {
  const codes = new Set<string>();
  for (const { pay } of entries) if (pay) codes.add(pay.currency);
  if (rates) {
    codes.add(rates.base);
    for (const code of Object.keys(rates.rates)) codes.add(code);
  }
  return [...codes].sort();
}
