import type { FieldChange, Posting, Remote, RemotePolicy, Requirements, SalaryRange } from '../model/index.ts';

/**
 * What changed between two reads of the same posting, as the text the user saw. Pure: the
 * text is stored in the record (FieldChange.before/after), so it is rendered in one fixed
 * form (en-US figures) rather than in whatever locale the background happens to run in.
 */

const NOT_STATED = 'Not stated';

function amountFormatter(currency: string, fractionDigits: number): (n: number) => string {
  const digits = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
  const plain = new Intl.NumberFormat('en-US', digits);
  try {
    const symbol = new Intl.NumberFormat('en-US', { style: 'currency', currency, currencyDisplay: 'narrowSymbol', ...digits });
    // A currency with no symbol is shown by its code, which the text gives once at the end.
    if (symbol.format(0).includes(currency)) return (n) => plain.format(n);
    return (n) => symbol.format(n);
  } catch {
    return (n) => plain.format(n);
  }
}

/**
 * "$148,901–$212,716 USD / year"; "$150,000 USD / year" when min equals max; "Not stated"
 * without pay. The code follows the figures because "$" alone is also CAD, AUD, …
 */
export function payText(range: Pick<SalaryRange, 'min' | 'max' | 'currency' | 'period'> | null): string {
  if (!range) return NOT_STATED;
  const amounts = range.min === range.max ? [range.min] : [range.min, range.max];
  const format = amountFormatter(range.currency, amounts.every(Number.isInteger) ? 0 : 2);
  return `${amounts.map(format).join('–')} ${range.currency} / ${range.period}`;
}

const POLICY_TEXT: Record<RemotePolicy, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On-site',
  unspecified: NOT_STATED,
};

/** "Remote (North America)"; "Hybrid, 3+ days a week in the office"; "Not stated". */
export function remoteText(remote: Pick<Remote, 'policy' | 'regions' | 'officeDaysMin'>): string {
  let text = POLICY_TEXT[remote.policy];
  if (remote.regions.length > 0) text += ` (${remote.regions.join(', ')})`;
  if (remote.officeDaysMin !== null && remote.officeDaysMin > 0) {
    text += `, ${remote.officeDaysMin}+ ${remote.officeDaysMin === 1 ? 'day' : 'days'} a week in the office`;
  }
  return text;
}

/** One item a line, required first; "Not stated" when the posting lists none. */
export function requirementsText(requirements: Requirements): string {
  const lines: string[] = [];
  if (requirements.required.length > 0) lines.push('Required:', ...requirements.required.map((r) => `- ${r}`));
  if (requirements.preferred.length > 0) lines.push('Preferred:', ...requirements.preferred.map((r) => `- ${r}`));
  return lines.length > 0 ? lines.join('\n') : NOT_STATED;
}

export function titleText(title: string): string {
  return title.trim() === '' ? '(no title)' : title;
}

const RENDERERS: { field: FieldChange['field']; text: (p: Posting) => string }[] = [
  { field: 'title', text: (p) => titleText(p.title) },
  { field: 'salary', text: (p) => payText(p.salary) },
  { field: 'remote', text: (p) => remoteText(p.remote) },
  { field: 'requirements', text: (p) => requirementsText(p.requirements) },
];

/**
 * The tracked fields whose text differs between the stored read and a new one. Compared
 * as the user sees them: a new evidence sentence for the same figures is not a change.
 */
export function diffPostings(before: Posting, after: Posting, at: string): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const { field, text } of RENDERERS) {
    const was = text(before);
    const now = text(after);
    if (was !== now) changes.push({ field, before: was, after: now, at });
  }
  return changes;
}
