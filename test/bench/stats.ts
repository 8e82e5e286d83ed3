// Small helpers shared by the bench modules: medians, and one row of the figures table.

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function max(values: readonly number[]): number {
  return values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
}

export function min(values: readonly number[]): number {
  return values.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
}

/** Milliseconds as printed: 3 significant decimals under 10 ms, fewer above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ms`;
}

/** One measured figure beside its budget, for the summary table. */
export interface Figure {
  measure: string;
  /** The figure as printed (a median unless `what` says otherwise). */
  value: number;
  /** `×`: a ratio, such as how much a time grows when the input doubles. */
  unit: 'ms' | 'KB' | '×';
  /** The budget; the figure must be at most (`<=`) or under (`<`) it. */
  budget: number;
  strict: boolean;
  /** What was measured, and how. */
  what: string;
}

export function withinBudget(figure: Figure): boolean {
  return figure.strict ? figure.value < figure.budget : figure.value <= figure.budget;
}

function show(value: number, unit: Figure['unit']): string {
  return unit === 'ms' ? ms(value) : unit === '×' ? `×${value.toFixed(2)}` : `${value.toFixed(1)} KB`;
}

export function figureLine(figure: Figure): string {
  const verdict = withinBudget(figure) ? 'ok' : 'OVER BUDGET';
  return `${figure.measure}: ${show(figure.value, figure.unit)} (budget ${figure.strict ? '<' : '≤'} ${show(figure.budget, figure.unit)}) ${verdict}`;
}

/** The figures as a Markdown table, for README.md's "Budgets". */
export function figuresTable(figures: readonly Figure[]): string {
  const rows = figures.map(
    (f) => `| ${f.measure} | ${show(f.value, f.unit)} | ${f.strict ? '<' : '≤'} ${show(f.budget, f.unit)} | ${withinBudget(f) ? 'ok' : '**over**'} | ${f.what} |`,
  );
  return ['| measure | measured | budget | | what it measured |', '|---|---|---|---|---|', ...rows].join('\n');
}
