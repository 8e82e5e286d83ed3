import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { annotate, annotateTextPostings } from '../../src/annotate.ts';
import type { Posting } from '../../src/model/index.ts';
import { shownPay } from '../../src/model/pay.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage, urlOfPage } from '../../src/sites/registry.ts';

/*
 * Accuracy on the real corpus (test/corpus/real, format in its README): captures saved from
 * the real sites by someone else, each labelled by reading before the reader was run on it.
 * This is the project's accuracy figure; the fixtures under test/fixtures are unit fixtures.
 *
 * Each labelled posting is one case per field its label states:
 * - found:        the reader made a posting of the capture at all;
 * - title:        the title, compared without case, spacing or dash differences;
 * - pay:          the primary range (the first the label lists) against the range the panel
 *                 shows as pay (`shownPay`): min, max, currency and period; [] against no pay;
 * - ranges:       every range: each range the label lists and each range the reader found is a
 *                 case, right when the other side has the same figures (min, max, currency,
 *                 period, and ote/estimated marks);
 * - noPay:        a posting whose label states no pay, where the reader must find none
 *                 (a miss is invented pay);
 * - remote:       the policy;
 * - requirements: the counts of required and of preferred items (null label: none at all);
 * - years:        yearsMin and yearsMax (null label: none).
 */

export const REAL_FIELDS = ['found', 'title', 'pay', 'ranges', 'noPay', 'remote', 'requirements', 'years'] as const;
export type RealField = (typeof REAL_FIELDS)[number];

export const REAL_FIELD_MEANING: Record<RealField, string> = {
  found: 'a posting read from the capture at all',
  title: 'title as stated (case, spacing and dashes aside)',
  pay: 'pay exact: the primary range (min, max, currency, period), or none where none is stated',
  ranges: 'every range: each labelled range found, each range found labelled',
  noPay: 'no pay invented where the posting states none (misses are invented pay)',
  remote: "this role's remote policy",
  requirements: 'requirement lists: required and preferred counts',
  years: 'years of experience asked for (min, max)',
};

export interface LabelRange {
  min: number;
  max: number;
  currency: string;
  period: string;
  label?: string;
  kind?: string;
  estimated?: boolean;
}

export interface PostingLabel {
  item?: number;
  title?: string;
  pay?: LabelRange[];
  remote?: string;
  requirements?: { required: number; preferred: number } | null;
  years?: { min: number; max: number | null } | null;
  note?: string;
}

export interface CaptureLabel {
  source: Record<string, unknown>;
  board: string;
  kind: string;
  url?: string;
  postings: PostingLabel[];
}

export interface Score {
  cases: number;
  correct: number;
  /** correct / cases; 1 when there are no cases (check `cases`). */
  accuracy: number;
}

export type Scores = Record<RealField, Score>;

export interface RealMiss {
  /** `<group>/<name>` and `#<item>` for a payload's posting. */
  case: string;
  field: RealField;
  expected: unknown;
  got: unknown;
}

export interface RealReport {
  /** Captures read, as `<group>/<name>`. */
  captures: string[];
  postings: number;
  /** Postings whose label states pay / states none. */
  withPay: number;
  withoutPay: number;
  /** Postings whose label states no pay, read, and given some: pay invented. */
  inventedPay: number;
  fields: Scores;
  byBoard: Record<string, Scores>;
  byKind: Record<string, Scores>;
  misses: RealMiss[];
  /** Captures that could not be scored at all (no capture beside the label, unreadable label). */
  errors: string[];
}

const DEFAULT_DIR = fileURLToPath(new URL('../corpus/real', import.meta.url));
/** Fixed, so a run's output does not depend on the clock. */
const NOW = new Date('2026-01-01T00:00:00.000Z');
const CAPTURE_EXTENSIONS = ['.html', '.htm', '.json', '.txt', '.md'];

function emptyScores(): Scores {
  return Object.fromEntries(REAL_FIELDS.map((f) => [f, { cases: 0, correct: 0, accuracy: 1 }])) as Scores;
}

function add(score: Score, ok: boolean): void {
  score.cases++;
  if (ok) score.correct++;
  score.accuracy = score.correct / score.cases;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface CaptureFile {
  name: string;
  labelPath: string;
  capturePath: string | null;
}

/** Every `<group>/<name>.label.json` under `dir`, with the capture beside it. */
export function findCaptures(dir: string = DEFAULT_DIR): CaptureFile[] {
  if (!existsSync(dir)) return [];
  const out: CaptureFile[] = [];
  for (const group of readdirSync(dir).sort()) {
    const groupDir = join(dir, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const file of readdirSync(groupDir).sort()) {
      if (!file.endsWith('.label.json')) continue;
      const base = file.slice(0, -'.label.json'.length);
      const capture = CAPTURE_EXTENSIONS.map((ext) => join(groupDir, base + ext)).find((p) => existsSync(p)) ?? null;
      out.push({ name: `${group}/${base}`, labelPath: join(groupDir, file), capturePath: capture });
    }
  }
  return out;
}

/** The label's shape, checked; a string saying what is wrong otherwise. */
export function checkLabel(value: unknown): CaptureLabel | string {
  if (!isRecord(value)) return 'the label is not a JSON object';
  if (!isRecord(value.source)) return 'no source';
  if (typeof value.board !== 'string' || typeof value.kind !== 'string') return 'no board or kind';
  if (value.url !== undefined && (typeof value.url !== 'string' || !URL.canParse(value.url))) return `url is not a URL: ${String(value.url)}`;
  if (!Array.isArray(value.postings) || value.postings.length === 0) return 'no postings labelled';
  for (const [i, p] of value.postings.entries()) {
    if (!isRecord(p)) return `postings[${i}] is not an object`;
    if (p.pay !== undefined) {
      if (!Array.isArray(p.pay)) return `postings[${i}].pay is not a list`;
      for (const r of p.pay) {
        // "from 100 000 ₽": a label may leave the top open (max null); the corpus writes a figure
        // with no top as min = max (README), and so does the reader, so it is compared as that.
        if (isRecord(r) && typeof r.min === 'number' && r.max === null) r.max = r.min;
        if (!isRecord(r) || typeof r.min !== 'number' || typeof r.max !== 'number' || typeof r.currency !== 'string' || typeof r.period !== 'string') {
          return `postings[${i}].pay has a range without min, max, currency and period: ${JSON.stringify(r)}`;
        }
      }
    }
    if (p.requirements !== undefined && p.requirements !== null) {
      const r = p.requirements;
      if (!isRecord(r) || typeof r.required !== 'number' || typeof r.preferred !== 'number') return `postings[${i}].requirements needs required and preferred counts`;
    }
    if (p.years !== undefined && p.years !== null) {
      const y = p.years;
      if (!isRecord(y) || typeof y.min !== 'number' || !(y.max === null || typeof y.max === 'number')) return `postings[${i}].years needs min and max (number or null)`;
    }
  }
  return value as unknown as CaptureLabel;
}

export function makeWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
}

function why(error: unknown): string {
  return `threw: ${error instanceof Error ? error.message : String(error)}`;
}

/** The capture read as the extension and the CLI read it: postings by item (0 for a page or text), or a reason. */
export function readCapture(path: string, label: CaptureLabel, window: Window): Map<number, Posting | string> {
  const text = readFileSync(path, 'utf8');
  const out = new Map<number, Posting | string>();
  const items = label.postings.map((p) => p.item ?? 0);
  const all = (result: Posting | string) => items.forEach((i) => out.set(i, result));
  try {
    if (path.endsWith('.txt') || path.endsWith('.md')) {
      // A text may give several openings in full (a vacancies page): the reader's n-th is item n.
      const read = annotateTextPostings(text, { url: label.url, now: NOW });
      if (read.length === 1) all(read[0]!);
      else for (const item of items) out.set(item, read[item] ?? `the reader found ${read.length} postings in the text, not item ${item}`);
    } else if (path.endsWith('.json')) {
      const data: unknown = JSON.parse(text);
      const reader = payloadReaderFor(data);
      if (!reader) {
        all('not a posting payload any reader knows');
        return out;
      }
      const list = reader.items(data);
      const doc = window.document as unknown as Document;
      for (const item of items) {
        if (item < 0 || item >= list.length) {
          out.set(item, `the payload has no item ${item} (${list.length} items)`);
          continue;
        }
        try {
          out.set(item, annotate(reader.readItem(list[item], { url: list.length === 1 ? label.url : undefined, doc, single: list.length === 1 }), NOW));
        } catch (error) {
          out.set(item, why(error));
        }
      }
    } else {
      // Browsers parse a stray `</br>` as `<br>` (the HTML spec's rule); happy-dom drops it, which
      // would run a page's lines together here though Chromium shows them apart.
      const doc = new window.DOMParser().parseFromString(text.replace(/<\/br\s*>/gi, '<br>'), 'text/html') as unknown as Document;
      // A page saved without its address is read as at an address no board has (as "Read this page" would).
      const stated = label.url ?? urlOfPage(doc);
      const href = stated && URL.canParse(stated) ? stated : `https://address-unknown.invalid/${encodeURIComponent(path.split('/').pop() ?? 'page')}`;
      window.happyDOM.setURL(href);
      const raw = readPage(doc, new URL(href));
      all(raw ? annotate(raw, NOW) : 'not read as a posting (readPage returned null)');
    }
  } catch (error) {
    all(why(error));
  }
  return out;
}

/** A title as people compare titles: no case, no spacing or dash differences. */
export function sameTitle(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  return norm(a) === norm(b);
}

interface Figures {
  min: number;
  max: number;
  currency: string;
  period: string;
  kind?: string;
  estimated?: boolean;
}

function figures(r: LabelRange | Posting['salaries'][number]): Figures {
  const out: Figures = { min: r.min, max: r.max, currency: r.currency, period: r.period };
  if (r.kind === 'ote') out.kind = 'ote';
  if (r.estimated === true) out.estimated = true;
  return out;
}

function sameFigures(a: Figures, b: Figures): boolean {
  return a.min === b.min && a.max === b.max && a.currency === b.currency && a.period === b.period && a.kind === b.kind && a.estimated === b.estimated;
}

const primary = (r: Figures | undefined) => (r ? { min: r.min, max: r.max, currency: r.currency, period: r.period } : null);

/** Scores a posting: one (field, ok, expected, got) per field its label states. */
/**
 * One posting of a capture in the real corpus, read as `npm run eval` reads it (`path` under
 * test/corpus/real, its label beside it): for tests that show a rule on the capture that showed it.
 */
export function readRealPosting(path: string, item = 0, dir: string = DEFAULT_DIR): Posting {
  const base = join(dir, path);
  const label = checkLabel(JSON.parse(readFileSync(base.replace(/\.(?:html|json|md|txt)$/, '.label.json'), 'utf8')));
  if (typeof label === 'string') throw new Error(`${path}: ${label}`);
  const window = makeWindow();
  try {
    const read = readCapture(base, label, window).get(item);
    if (read === undefined || typeof read === 'string') throw new Error(`${path} #${item} not read: ${read}`);
    return read;
  } finally {
    void window.happyDOM.close();
  }
}

function scorePosting(label: PostingLabel, result: Posting | string): Array<[RealField, boolean, unknown, unknown]> {
  const posting = typeof result === 'string' ? null : result;
  const notRead = typeof result === 'string' ? `(${result})` : null;
  const out: Array<[RealField, boolean, unknown, unknown]> = [];
  out.push(['found', posting !== null, true, notRead ?? true]);
  if (typeof label.title === 'string') {
    out.push(['title', posting !== null && sameTitle(posting.title, label.title), label.title, notRead ?? posting?.title]);
  }
  if (Array.isArray(label.pay)) {
    const want = label.pay.map(figures);
    const got = posting ? posting.salaries.map(figures) : [];
    // The range the panel shows as the posting's pay: its primary (first base) range, else the
    // first range it states (a posting that states only on-target earnings). The label's is chosen
    // by the same rule from its own ranges and kinds ("Total compensation up to $150,000 ($80K–$100K
    // base …)": the label lists the total first, marked "ote"; the range shown is the base).
    const labelBase = label.pay.filter((r) => r.kind !== 'ote');
    const wantShown = labelBase.find((r) => !r.estimated) ?? labelBase[0] ?? label.pay[0];
    const wantPrimary = primary(wantShown ? figures(wantShown) : undefined);
    const shown = posting ? shownPay(posting) : null;
    const gotPrimary = shown ? primary(figures(shown)) : null;
    out.push(['pay', posting !== null && JSON.stringify(gotPrimary) === JSON.stringify(wantPrimary), wantPrimary, notRead ?? gotPrimary]);
    if (want.length === 0) {
      out.push(['noPay', posting !== null && got.length === 0, [], notRead ?? got]);
    }
    // Every range: each labelled range must be found, and each range found must be labelled.
    const unmatched = [...got];
    for (const w of want) {
      const at = unmatched.findIndex((g) => sameFigures(g, w));
      if (at >= 0) unmatched.splice(at, 1);
      out.push(['ranges', posting !== null && at >= 0, w, at >= 0 ? w : notRead ?? `(not found; read ${JSON.stringify(got)})`]);
    }
    for (const g of unmatched) out.push(['ranges', false, '(no such range in the posting)', g]);
  }
  if (typeof label.remote === 'string') {
    out.push(['remote', posting?.remote.policy === label.remote, label.remote, notRead ?? posting?.remote.policy]);
  }
  if (label.requirements !== undefined) {
    const want = label.requirements ?? { required: 0, preferred: 0 };
    const got = posting ? { required: posting.requirements.required.length, preferred: posting.requirements.preferred.length } : null;
    out.push(['requirements', got !== null && got.required === want.required && got.preferred === want.preferred, want, notRead ?? got]);
  }
  if (label.years !== undefined) {
    const want = label.years ? { min: label.years.min, max: label.years.max } : null;
    const got = posting ? (posting.experience ? { min: posting.experience.yearsMin, max: posting.experience.yearsMax } : null) : undefined;
    out.push(['years', got !== undefined && JSON.stringify(got) === JSON.stringify(want), want, notRead ?? got]);
  }
  return out;
}

export interface RealEvalOptions {
  /** The corpus folder; defaults to test/corpus/real. */
  dir?: string;
}

/** Scores every labelled capture of the real corpus. Reads files; writes nothing. */
export function runRealEval(options: RealEvalOptions = {}): RealReport {
  const report: RealReport = {
    captures: [],
    postings: 0,
    withPay: 0,
    withoutPay: 0,
    inventedPay: 0,
    fields: emptyScores(),
    byBoard: {},
    byKind: {},
    misses: [],
    errors: [],
  };
  const window = makeWindow();
  try {
    for (const capture of findCaptures(options.dir)) {
      let label: CaptureLabel | string;
      try {
        label = checkLabel(JSON.parse(readFileSync(capture.labelPath, 'utf8')));
      } catch (error) {
        label = `label unreadable: ${error instanceof Error ? error.message : String(error)}`;
      }
      if (typeof label === 'string') {
        report.errors.push(`${capture.name}: ${label}`);
        continue;
      }
      if (!capture.capturePath) {
        report.errors.push(`${capture.name}: no capture beside the label (${CAPTURE_EXTENSIONS.join(', ')})`);
        continue;
      }
      report.captures.push(capture.name);
      const results = readCapture(capture.capturePath, label, window);
      const board = (report.byBoard[label.board] ??= emptyScores());
      const kind = (report.byKind[label.kind] ??= emptyScores());
      for (const posting of label.postings) {
        report.postings++;
        if (Array.isArray(posting.pay)) {
          if (posting.pay.length) report.withPay++;
          else report.withoutPay++;
        }
        const item = posting.item ?? 0;
        const name = label.postings.length > 1 || posting.item !== undefined ? `${capture.name}#${item}` : capture.name;
        const result = results.get(item) ?? '(not read)';
        if (posting.pay?.length === 0 && typeof result !== 'string' && result.salaries.length > 0) report.inventedPay++;
        for (const [field, ok, expected, got] of scorePosting(posting, result)) {
          add(report.fields[field], ok);
          add(board[field], ok);
          add(kind[field], ok);
          if (!ok) report.misses.push({ case: name, field, expected, got });
        }
      }
    }
  } finally {
    void window.happyDOM.close();
  }
  return report;
}
