import type { ExchangeRates, FieldChange, PayPeriod } from '../../model/index.ts';
import { convertAmount, type EffectivePay } from '../../compare/values.ts';
import { formatDate, formatMoneyRange } from '../format.ts';

/** Display text for the saved-jobs screens (overlay, popup, comparison): values in, strings out. */

const PERIOD_WORDS: Record<PayPeriod, string> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

export interface EffectivePayText {
  /** As stated (or corrected), in its own period: "$28 – $47 an hour". */
  amount: string;
  /** "$58,240 – $97,760 a year"; null when the pay has no yearly figure. */
  annual: string | null;
}

export function formatEffectivePay(pay: EffectivePay, locale?: string): EffectivePayText {
  const amount = `${formatMoneyRange(pay.min, pay.max, pay.currency, locale)} ${PERIOD_WORDS[pay.period]}`;
  const annual = pay.annual
    ? `${formatMoneyRange(Math.round(pay.annual.min), Math.round(pay.annual.max), pay.currency, locale)} a year`
    : null;
  return { amount, annual };
}

/** One pay line for a list row: the stated range, with the yearly figure beside non-yearly pay. */
export function formatPayLine(pay: EffectivePay | null, locale?: string): string {
  if (!pay) return 'Pay not stated';
  const { amount, annual } = formatEffectivePay(pay, locale);
  return pay.period === 'year' || !annual ? amount : `${amount} (≈ ${annual})`;
}

/**
 * The yearly pay in the user's base currency, converted at their own rate, marked as such:
 * "≈ €170,000 – €243,000 a year, converted at your rate (1 EUR = 1.08 USD)". Null when the
 * pay is already in that currency or no rate covers it: nothing is converted silently.
 */
export function formatConverted(pay: EffectivePay | null, rates: ExchangeRates | null, locale?: string): string | null {
  if (!pay?.annual || !rates || pay.currency === rates.base) return null;
  const min = convertAmount(pay.annual.min, pay.currency, rates.base, rates);
  const max = convertAmount(pay.annual.max, pay.currency, rates.base, rates);
  if (min === null || max === null) return null;
  const rate = rates.rates[pay.currency];
  const figures = formatMoneyRange(Math.round(min), Math.round(max), rates.base, locale);
  return `≈ ${figures} a year, converted at your rate (1 ${rates.base} = ${rate} ${pay.currency})`;
}

const CHANGE_SUBJECT: Record<FieldChange['field'], string> = {
  salary: 'Pay',
  remote: 'Remote policy',
  title: 'Title',
  requirements: 'Requirements',
};

/** "Pay was $X, now $Y". Requirements are lists, shown apart: "Requirements changed". */
export function formatChange(change: FieldChange): string {
  const subject = CHANGE_SUBJECT[change.field];
  if (change.field === 'requirements') return `${subject} changed`;
  return `${subject} was ${change.before}, now ${change.after}`;
}

export function formatChangeDate(change: FieldChange, locale?: string): string {
  return `seen ${formatDate(change.at, locale)}`;
}

/** "★★★★☆ 4 of 5"; "Not rated". */
export function formatRating(rating: number | null): string {
  if (rating === null) return 'Not rated';
  return `${'★'.repeat(rating)}${'☆'.repeat(5 - rating)} ${rating} of 5`;
}

/** "5+ years"; "Not stated". */
export function formatYearsMin(years: number | null): string {
  if (years === null) return 'Not stated';
  return `${years}+ ${years === 1 ? 'year' : 'years'}`;
}
