import type { Experience, PayPeriod, Remote, RemotePolicy, SalaryRange, ValueSource } from '../model/index.ts';

/** Pure display formatting for the overlay and popup: values in, strings out. */

const RANGE_DASH = ' – ';

const PERIOD_WORDS: Record<PayPeriod, string> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
};

/**
 * Formatters are costly to create (tens of milliseconds for a panel's worth, more for a
 * popup of thousands of rows) and cheap to reuse: one per currency, locale and precision.
 */
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormatter(currency: string, locale: string | undefined, fractionDigits: number | null): Intl.NumberFormat {
  const key = `${currency}|${locale ?? ''}|${fractionDigits ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const options: Intl.NumberFormatOptions = { style: 'currency', currency };
    if (fractionDigits !== null) {
      options.minimumFractionDigits = fractionDigits;
      options.maximumFractionDigits = fractionDigits;
    }
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Whole units for whole numbers and for yearly-sized amounts; the currency's minor units (cents)
 * when an amount below 100,000 really has a fraction, as hourly rates like $28.50 and monthly
 * pay like €2,160.74 do: the figure the employer stated, not a rounded one.
 */
function fractionDigitsFor(amounts: readonly number[], currency: string, locale: string | undefined): number {
  const hasFraction = amounts.some((n) => n < 100_000 && !Number.isInteger(n));
  if (!hasFraction) return 0;
  return currencyFormatter(currency, locale, null).resolvedOptions().maximumFractionDigits ?? 2;
}

/** "$184,050 – $262,928", or "$150,000" when min and max are the same. */
export function formatMoneyRange(min: number, max: number, currency: string, locale?: string): string {
  const amounts = min === max ? [min] : [min, max];
  let format: (n: number) => string;
  try {
    const formatter = currencyFormatter(currency, locale, fractionDigitsFor(amounts, currency, locale));
    format = (n) => formatter.format(n);
  } catch {
    // A code Intl does not accept: still show the figures, with the code beside them.
    format = (n) => `${currency} ${n.toLocaleString(locale)}`;
  }
  return amounts.map(format).join(RANGE_DASH);
}

export interface PayText {
  /** The range in its own period: "$28 – $47 an hour". */
  amount: string;
  /** The annualised figure beside a non-yearly range: "≈ $58,240 – $97,760 a year"; null for yearly pay. */
  annual: string | null;
}

export function formatPayParts(range: SalaryRange, locale?: string): PayText {
  const amount = `${formatMoneyRange(range.min, range.max, range.currency, locale)} ${PERIOD_WORDS[range.period]}`;
  const annual =
    range.period !== 'year' && range.annual
      ? `≈ ${formatMoneyRange(Math.round(range.annual.min), Math.round(range.annual.max), range.currency, locale)} a year`
      : null;
  return { amount, annual };
}

/** "$184,050 – $262,928 a year"; "$28 – $47 an hour (≈ $58,240 – $97,760 a year)". */
export function formatPay(range: SalaryRange, locale?: string): string {
  const { amount, annual } = formatPayParts(range, locale);
  return annual ? `${amount} (${annual})` : amount;
}

const POLICY_WORDS: Record<RemotePolicy, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
  unspecified: 'Not stated',
};

/** Accepts the policy or the whole Remote value. */
export function formatPolicy(remote: RemotePolicy | Pick<Remote, 'policy'>): string {
  return POLICY_WORDS[typeof remote === 'string' ? remote : remote.policy];
}

const SOURCE_WORDS: Record<ValueSource, string> = {
  board: 'board data',
  jsonld: 'JSON-LD',
  prose: 'from the text',
};

export function formatSource(source: ValueSource): string {
  return SOURCE_WORDS[source];
}

/** "5+ years", "3–5 years", "2 years"; null when the posting asks for no number. */
export function formatYears(experience: Pick<Experience, 'yearsMin' | 'yearsMax'> | null): string | null {
  if (!experience) return null;
  const { yearsMin: min, yearsMax: max } = experience;
  const unit = (n: number) => (n === 1 ? 'year' : 'years');
  if (min !== null && max !== null) return min === max ? `${min} ${unit(min)}` : `${min}–${max} years`;
  if (min !== null) return `${min}+ ${unit(min)}`;
  if (max !== null) return `Up to ${max} ${unit(max)}`;
  return null;
}

/** "Jun 6, 2026" in the reader's locale; the input unchanged when it is not a date. */
export function formatDate(iso: string, locale?: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) });
    dateFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

/**
 * A time zone as a person says it: "America/New_York" reads "Eastern Time". The parsers keep
 * IANA ids (or an abbreviation such as "UTC", or a zone with its stated leeway), which are
 * shown as they are when the browser has no name for them.
 */
export function formatTimeZone(zone: string, locale?: string): string {
  if (!zone.includes('/')) return zone;
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
  } catch {
    return zone;
  }
}
