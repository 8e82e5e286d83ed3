import { annualise, type ApplicationStatus, type ExchangeRates, type PayPeriod, type RemotePolicy, type SavedPosting } from '../model/index.ts';
import { shownPay } from '../model/pay.ts';

/**
 * A saved posting's values as the user means them: their correction where they made one,
 * else what the parsers read. Pure; shared by the saved list, the comparison and the overlay.
 */

export interface EffectivePay {
  min: number;
  max: number;
  currency: string;
  period: PayPeriod;
  /** The range as a yearly figure (hour ×2080, day ×260, week ×52, month ×12). */
  annual: { min: number; max: number } | null;
  corrected: boolean;
  /** The zone, location or level the range is for ("Zone 1", "Canada Senior"), when the posting gives several. */
  label?: string;
  /** On-target earnings rather than base pay. */
  ote?: boolean;
}

export interface Effective<T> {
  value: T;
  corrected: boolean;
}

/**
 * What each function reads, no more, so a saved posting and its summary (SavedSummary,
 * which keeps only the range the list shows as `salary`, and no `salaries`) both fit.
 */
type Correctable = Pick<SavedPosting, 'corrections'>;
type PayFields = Correctable & Pick<SavedPosting, 'salary'> & { salaries?: SavedPosting['salaries'] };

/** The primary pay: the user's correction (which may say "not stated"), else the posting's. */
export function effectivePay(posting: PayFields): EffectivePay | null {
  const corrected = posting.corrections.salary;
  if (corrected !== undefined) {
    if (corrected === null) return null;
    return { ...corrected, annual: annualise(corrected.min, corrected.max, corrected.period), corrected: true };
  }
  const stated = shownPay(posting);
  if (!stated) return null;
  return {
    min: stated.min,
    max: stated.max,
    currency: stated.currency,
    period: stated.period,
    annual: stated.annual ?? annualise(stated.min, stated.max, stated.period),
    corrected: false,
    ...(stated.label ? { label: stated.label } : {}),
    ...(stated.kind === 'ote' ? { ote: true } : {}),
  };
}

/** The posting's other stated ranges (other zones, levels, OTE), beside the one shown; none when corrected. */
export function otherRanges(posting: PayFields): NonNullable<SavedPosting['salaries']> {
  if (posting.corrections.salary !== undefined) return [];
  const shown = shownPay(posting);
  return (posting.salaries ?? []).filter((r) => r !== shown && !(shown && r.min === shown.min && r.max === shown.max && r.currency === shown.currency && r.period === shown.period));
}

export function effectivePolicy(posting: Correctable & { remote: Pick<SavedPosting['remote'], 'policy'> }): Effective<RemotePolicy> {
  const corrected = posting.corrections.remotePolicy;
  return corrected !== undefined ? { value: corrected, corrected: true } : { value: posting.remote.policy, corrected: false };
}

export function effectiveLocation(posting: Correctable & Pick<SavedPosting, 'location'>): Effective<string | null> {
  const corrected = posting.corrections.location;
  return corrected !== undefined ? { value: corrected, corrected: true } : { value: posting.location, corrected: false };
}

/** The fewest years asked for. */
export function effectiveYearsMin(posting: Correctable & Pick<SavedPosting, 'experience'>): Effective<number | null> {
  const corrected = posting.corrections.yearsMin;
  return corrected !== undefined
    ? { value: corrected, corrected: true }
    : { value: posting.experience?.yearsMin ?? null, corrected: false };
}

// ---------------------------------------------------------------------------------------
// Exchange rates: the user's own, never fetched. `rates[code]` is how many units of `code`
// one unit of `base` buys ("1 EUR = 1.08 USD" is `{ base: 'EUR', rates: { USD: 1.08 } }`).

function unitsPerBase(rates: ExchangeRates, code: string): number | null {
  if (code === rates.base) return 1;
  const rate = rates.rates[code];
  return rate !== undefined && Number.isFinite(rate) && rate > 0 ? rate : null;
}

/** `amount` in `from`, converted to `to` at the user's rates; null when a rate is missing. */
export function convertAmount(amount: number, from: string, to: string, rates: ExchangeRates | null): number | null {
  if (from === to) return amount;
  if (!rates) return null;
  const fromRate = unitsPerBase(rates, from);
  const toRate = unitsPerBase(rates, to);
  if (fromRate === null || toRate === null) return null;
  return (amount / fromRate) * toRate;
}

/** Whether an amount in `from` can be compared with one in `to`: the same currency, or both rated. */
export function canCompare(from: string, to: string, rates: ExchangeRates | null): boolean {
  return convertAmount(1, from, to, rates) !== null;
}

// ---------------------------------------------------------------------------------------
// The status pipeline

/** The pipeline in order; sorting by status follows it. */
export const STATUS_ORDER: readonly ApplicationStatus[] = [
  'saved',
  'applying',
  'applied',
  'interviewing',
  'offer',
  'rejected',
  'archived',
];

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  saved: 'Saved',
  applying: 'Applying',
  applied: 'Applied',
  interviewing: 'Interviewing',
  offer: 'Offer',
  rejected: 'Rejected',
  archived: 'Archived',
};
