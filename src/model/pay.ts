import type { PayPeriod, SalaryRange } from './posting.ts';

/** Working hours, days, weeks and months in a year: how a stated period becomes a yearly figure. */
export const PERIODS_PER_YEAR: Readonly<Record<PayPeriod, number>> = { hour: 2080, day: 260, week: 52, month: 12, year: 1 };

/**
 * The range as a yearly figure, for comparison: hour ×2080, day ×260, week ×52, month ×12.
 * Pure arithmetic on the model, so the parsers, the saved list and the comparison share it
 * without the UI bundles carrying the parsers.
 */
export function annualise(min: number, max: number, period: PayPeriod): { min: number; max: number } {
  const factor = PERIODS_PER_YEAR[period];
  return { min: round2(min * factor), max: round2(max * factor) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * The range a posting's pay is shown by: its primary range, else the first range it states
 * (a posting stating only on-target earnings has no primary range); null when it states none.
 * `salaries` may be absent (a saved posting's summary keeps only the range this gives).
 */
export function shownPay(posting: { salary: SalaryRange | null; salaries?: readonly SalaryRange[] }): SalaryRange | null {
  return posting.salary ?? posting.salaries?.[0] ?? null;
}

/** Currencies in which a year's pay is five or six figures and an hour's two or three. */
const SALARY_SCALE_CURRENCIES = new Set(['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'SGD']);

/**
 * The period of a pay figure that states none (JSON-LD `baseSalary` without `unitText`, a
 * feed's salary numbers), from its size: 15,000 and up is a year's pay, 250 and under an
 * hour's. In between (a week's? a month's?) and in other currencies' scales it is not guessed.
 * Callers mark the result as inferred.
 */
export function periodFromMagnitude(min: number, max: number, currency: string): PayPeriod | null {
  if (!SALARY_SCALE_CURRENCIES.has(currency) || !(min > 0) || !(max >= min)) return null;
  if (min >= 15_000 && max <= 2_000_000) return 'year';
  if (max <= 250) return 'hour';
  return null;
}

/**
 * schema.org `unitText` as sites write it: "YEAR" as the standard says, and the adverbs real
 * pages use ("MONTHLY" on a Welcome to the Jungle posting, "ANNUAL", "PER_HOUR").
 */
export function periodOfUnitText(unit: string): PayPeriod | null {
  const u = unit.trim().toUpperCase().replace(/^PER[_\s-]*/, '');
  if (/^(?:HOUR|HOURLY|HR)$/.test(u)) return 'hour';
  if (/^(?:DAY|DAILY)$/.test(u)) return 'day';
  if (/^(?:WEEK|WEEKLY)$/.test(u)) return 'week';
  if (/^(?:MONTH|MONTHLY)$/.test(u)) return 'month';
  if (/^(?:YEAR|YEARLY|ANNUAL|ANNUALLY|ANNUM)$/.test(u)) return 'year';
  return null;
}
