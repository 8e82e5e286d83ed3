import type { Corrections, SavedPosting } from '../model/index.ts';

/**
 * The CSV export: one row a posting, for a spreadsheet. RFC 4180 (CRLF between records,
 * a field with a quote, comma or line break quoted, quotes doubled), and safe to open in
 * a spreadsheet: text from a page or the user that starts like a formula is prefixed with
 * an apostrophe so it is shown, not run. Parsed values and the user's corrections have
 * columns of their own, as they are kept apart in the record.
 */

type Cell = string | number | null;

const LIST_SEPARATOR = '; ';

/** Characters a spreadsheet reads as the start of a formula (OWASP's list, with tab and CR). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** Text made inert for a spreadsheet, then quoted as RFC 4180 asks. Numbers are written as they are. */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CORRECTED_NAMES: Record<Exclude<keyof Corrections, 'correctedAt'>, string> = {
  salary: 'pay',
  remotePolicy: 'remote_policy',
  location: 'location',
  yearsMin: 'years_min',
  yearsMax: 'years_max',
};

/** Which fields the user corrected, by column name; a correction to "none" counts. */
function correctedFields(corrections: Corrections): string {
  return (Object.keys(CORRECTED_NAMES) as (keyof typeof CORRECTED_NAMES)[])
    .filter((key) => corrections[key] !== undefined)
    .map((key) => CORRECTED_NAMES[key])
    .join(LIST_SEPARATOR);
}

const COLUMNS: readonly [name: string, value: (p: SavedPosting) => Cell][] = [
  ['id', (p) => p.id],
  ['url', (p) => p.url],
  ['site', (p) => p.site],
  ['title', (p) => p.title],
  ['company', (p) => p.company],
  ['location', (p) => p.location],
  ['status', (p) => p.status],
  ['rating', (p) => p.rating],
  ['tags', (p) => p.tags.join(LIST_SEPARATOR)],
  ['notes', (p) => p.notes],
  ['saved_at', (p) => p.savedAt],
  ['updated_at', (p) => p.updatedAt],
  ['closed_at', (p) => p.closedAt],
  ['pay_min', (p) => p.salary?.min ?? null],
  ['pay_max', (p) => p.salary?.max ?? null],
  ['currency', (p) => p.salary?.currency ?? null],
  ['period', (p) => p.salary?.period ?? null],
  ['annual_min', (p) => p.salary?.annual?.min ?? null],
  ['annual_max', (p) => p.salary?.annual?.max ?? null],
  ['pay_evidence', (p) => p.salary?.evidence ?? null],
  ['remote_policy', (p) => p.remote.policy],
  ['remote_regions', (p) => p.remote.regions.join(LIST_SEPARATOR)],
  ['years_min', (p) => p.experience?.yearsMin ?? null],
  ['years_max', (p) => p.experience?.yearsMax ?? null],
  ['corrected_fields', (p) => correctedFields(p.corrections)],
  ['corrected_pay_min', (p) => p.corrections.salary?.min ?? null],
  ['corrected_pay_max', (p) => p.corrections.salary?.max ?? null],
  ['corrected_currency', (p) => p.corrections.salary?.currency ?? null],
  ['corrected_period', (p) => p.corrections.salary?.period ?? null],
  ['corrected_remote_policy', (p) => p.corrections.remotePolicy ?? null],
  ['corrected_location', (p) => p.corrections.location ?? null],
  ['corrected_years_min', (p) => p.corrections.yearsMin ?? null],
  ['corrected_years_max', (p) => p.corrections.yearsMax ?? null],
  ['requirements_required', (p) => p.requirements.required.join('\n')],
  ['requirements_preferred', (p) => p.requirements.preferred.join('\n')],
  ['description', (p) => p.description],
];

export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

const RECORD_END = '\r\n';

export function toCsv(postings: readonly SavedPosting[]): string {
  const rows = [CSV_COLUMNS.map(csvCell), ...postings.map((p) => COLUMNS.map(([, value]) => csvCell(value(p))))];
  return rows.map((row) => row.join(',') + RECORD_END).join('');
}
