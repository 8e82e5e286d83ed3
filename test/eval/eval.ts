import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { annotate } from '../../src/annotate.ts';
import type { FieldValue, Posting, SalaryRange } from '../../src/model/index.ts';
import { parseRemote, parseSalaryRanges } from '../../src/parse/index.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage, urlOfPage } from '../../src/sites/registry.ts';

/*
 * How often the pipeline says what a careful reader says, field by field, over every
 * fixture with expected JSON (test/fixtures/<board>/<name>.expected.json beside
 * <name>.html, or <name>.json for a board API payload, for every board present) and the reference corpus
 * (test/corpus/strings, copied from shared/corpus: each salary string is a pay case, each remote phrase or structured
 * field a remote case). A case is scored only on what its expected JSON states.
 *
 * Files are read as the CLI reads them with `--url <expected url>`: a page by happy-dom's
 * DOMParser (no scripts), the URL set on the window, then `readPage` and `annotate`; a
 * payload by the board's payload reader (src/sites/payloads.ts), then `annotate`.
 */

export const FIELDS = ['pay', 'noPay', 'remote', 'requirements', 'years', 'details'] as const;
export type EvalField = (typeof FIELDS)[number];

/** What each field scores, for the printout. */
export const FIELD_MEANING: Record<EvalField, string> = {
  pay: 'pay exact: primary range min/max/currency/period (+ salaryCount) for fixtures; every range for corpus strings',
  noPay: 'no pay found where none exists (cases that state no pay); misses are false positives',
  remote: 'remote policy',
  requirements: 'requirement counts (required + preferred)',
  years: 'years of experience (yearsMin/yearsMax)',
  details: "fixtures' other statements: posting fields (partial match), first items, evidence, description",
};

export interface EvalMiss {
  case: string;
  field: EvalField;
  expected: unknown;
  got: unknown;
}

export interface FieldScore {
  cases: number;
  correct: number;
  /** correct / cases; 1 when there are no cases (check `cases`). */
  accuracy: number;
}

export interface EvalReport {
  /** The fixtures scored, as `<board>/<name>`. */
  fixtures: string[];
  corpus: { salaryStrings: number; remotePhrases: number; remoteStructured: number };
  fields: Record<EvalField, FieldScore>;
  /** Cases that state no pay where some pay was found. */
  payFalsePositives: number;
  misses: EvalMiss[];
  /** Fixtures that could not be scored at all (no page beside the expected JSON, unreadable JSON). */
  errors: string[];
}

export interface EvalOptions {
  /** The repository root; defaults to this checkout. */
  root?: string;
  /** The reference corpus directory; defaults to `<root>/test/corpus/strings`. */
  corpusDir?: string;
}

const DEFAULT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Fixed, so a run's output does not depend on the clock. */
const NOW = new Date('2026-01-01T00:00:00.000Z');
/** A saved page, or a board API payload (`item` in the expected JSON picks the posting, default 0). */
const PAGE_EXTENSIONS = ['.html', '.htm', '.json'];

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function has(obj: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Structural equality of JSON-like values. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a).filter((k) => a[k] !== undefined);
    const otherKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    return keys.length === otherKeys.length && keys.every((k) => has(b, k) && sameValue(a[k], b[k]));
  }
  return false;
}

/**
 * The paths where `got` does not match `expected` with toMatchObject's semantics: an
 * expected object's keys must match (others are ignored), arrays match element-wise with
 * the same length, anything else must be equal.
 */
export function partialMismatches(got: unknown, expected: unknown, path = ''): string[] {
  if (isRecord(expected)) {
    if (!isRecord(got)) return [path || '(root)'];
    return Object.keys(expected).flatMap((key) =>
      has(got, key) ? partialMismatches(got[key], expected[key], path ? `${path}.${key}` : key) : [path ? `${path}.${key}` : key],
    );
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(got) || got.length !== expected.length) return [path || '(root)'];
    return expected.flatMap((item, i) => partialMismatches(got[i], item, `${path}[${i}]`));
  }
  return Object.is(got, expected) ? [] : [path || '(root)'];
}

/** The value at `path` (as `partialMismatches` writes it), for a miss report. */
function at(value: unknown, path: string): unknown {
  if (path === '(root)') return value;
  let current: unknown = value;
  for (const part of path.split(/\.|(?=\[)/)) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) current = Array.isArray(current) ? current[Number(index[1])] : undefined;
    else current = isRecord(current) ? current[part] : undefined;
  }
  return current;
}

function pick(obj: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of keys) if (has(obj, key)) out[key] = obj[key];
  return out;
}

const RANGE_KEYS = ['min', 'max', 'currency', 'period'] as const;

/** What a corpus entry states of a range: the four figures, and label/kind/estimated where present (so their absence is checked too). */
function comparableRange(r: SalaryRange | Json): Json {
  const range = r as Json;
  const out = pick(range, RANGE_KEYS);
  for (const key of ['label', 'kind', 'estimated']) if (range[key] !== undefined) out[key] = range[key];
  return out;
}

function primaryFigures(salary: SalaryRange | null): Json | null {
  return salary ? pick(salary as unknown as Json, RANGE_KEYS) : null;
}

class Tally {
  readonly fields: Record<EvalField, FieldScore>;
  readonly misses: EvalMiss[] = [];
  payFalsePositives = 0;

  constructor() {
    this.fields = Object.fromEntries(FIELDS.map((f) => [f, { cases: 0, correct: 0, accuracy: 1 }])) as Record<EvalField, FieldScore>;
  }

  score(name: string, field: EvalField, ok: boolean, expected: unknown, got: unknown): void {
    const score = this.fields[field];
    score.cases++;
    if (ok) score.correct++;
    else this.misses.push({ case: name, field, expected, got });
    score.accuracy = score.correct / score.cases;
  }
}

// ---------------------------------------------------------------------------------------
// Fixtures

interface FixtureFile {
  /** `<board>/<name>` */
  name: string;
  expectedPath: string;
  pagePath: string | null;
}

/** Every `test/fixtures/<board>/<name>.expected.json`, with the page beside it. */
export function findFixtures(root: string = DEFAULT_ROOT): FixtureFile[] {
  const dir = join(root, 'test/fixtures');
  if (!existsSync(dir)) return [];
  const out: FixtureFile[] = [];
  for (const board of readdirSync(dir).sort()) {
    const boardDir = join(dir, board);
    if (!statSync(boardDir).isDirectory()) continue;
    for (const file of readdirSync(boardDir).sort()) {
      if (!file.endsWith('.expected.json')) continue;
      const base = file.slice(0, -'.expected.json'.length);
      const page = PAGE_EXTENSIONS.map((ext) => join(boardDir, base + ext)).find((p) => existsSync(p)) ?? null;
      out.push({ name: `${board}/${base}`, expectedPath: join(boardDir, file), pagePath: page });
    }
  }
  return out;
}

function makeWindow(): Window {
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

/** The page as the CLI reads it; a string saying why when it cannot be read. */
function readFixturePage(html: string, url: string | null, window: Window): Posting | string {
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const href = url ?? urlOfPage(doc);
    if (!href || !URL.canParse(href)) return 'the page does not say its URL and the expected JSON gives none';
    window.happyDOM.setURL(href);
    const raw = readPage(doc, new URL(href));
    if (!raw) return 'not read as a posting (readPage returned null)';
    return annotate(raw, NOW);
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** A board API payload's posting as the CLI reads it; a string saying why when it cannot be read. */
function readFixturePayload(text: string, url: string | null, item: number, window: Window): Posting | string {
  try {
    const data: unknown = JSON.parse(text);
    const reader = payloadReaderFor(data);
    if (!reader) return 'not a posting payload any reader knows';
    const items = reader.items(data);
    if (item < 0 || item >= items.length) return `the payload has no item ${item} (${items.length} items)`;
    const doc = window.document as unknown as Document;
    return annotate(reader.readItem(items[item], { url: url ?? undefined, doc, single: items.length === 1 }), NOW);
  } catch (error) {
    return `threw: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function scoreFixture(name: string, expected: Json, result: Posting | string, tally: Tally): void {
  const posting = typeof result === 'string' ? null : result;
  const notRead = typeof result === 'string' ? `(${result})` : null;
  const stated = isRecord(expected.posting) ? expected.posting : {};
  const requirements = isRecord(expected.requirements) ? expected.requirements : {};

  // pay: the primary range's figures, and the number of ranges, where stated.
  const statesSalary = has(stated, 'salary') && (stated.salary === null || isRecord(stated.salary));
  const statesCount = typeof expected.salaryCount === 'number';
  if (statesSalary || statesCount) {
    const want: Json = {};
    const got: Json = {};
    if (statesSalary) {
      want.salary = isRecord(stated.salary) ? pick(stated.salary, RANGE_KEYS) : null;
      const primary = primaryFigures(posting?.salary ?? null);
      got.salary = primary && isRecord(want.salary) ? pick(primary, Object.keys(want.salary)) : primary;
    }
    if (statesCount) {
      want.salaryCount = expected.salaryCount;
      got.salaryCount = posting ? posting.salaries.length : null;
    }
    tally.score(name, 'pay', posting !== null && sameValue(got, want), want, notRead ?? got);
  }

  // noPay: a posting that states no pay must not be given any.
  if ((statesSalary && stated.salary === null) || expected.salaryCount === 0) {
    const found = posting ? posting.salaries.map(comparableRange) : notRead;
    const ok = posting !== null && posting.salaries.length === 0;
    if (posting && !ok) tally.payFalsePositives++;
    tally.score(name, 'noPay', ok, [], found);
  }

  const remote = isRecord(stated.remote) ? stated.remote : {};
  if (typeof remote.policy === 'string') {
    const got = posting?.remote.policy ?? notRead;
    tally.score(name, 'remote', got === remote.policy, remote.policy, got);
  }

  const countKeys = ['requiredCount', 'preferredCount'].filter((k) => typeof requirements[k] === 'number');
  if (countKeys.length) {
    const want = pick(requirements, countKeys);
    const got = posting
      ? pick({ requiredCount: posting.requirements.required.length, preferredCount: posting.requirements.preferred.length }, countKeys)
      : null;
    tally.score(name, 'requirements', got !== null && sameValue(got, want), want, notRead ?? got);
  }

  if (has(stated, 'experience')) {
    const exp = stated.experience;
    const yearKeys = isRecord(exp) ? ['yearsMin', 'yearsMax'].filter((k) => has(exp, k)) : ['yearsMin', 'yearsMax'];
    if (exp === null || yearKeys.length) {
      const want = isRecord(exp) ? pick(exp, yearKeys) : { yearsMin: null, yearsMax: null };
      const got = posting
        ? pick({ yearsMin: posting.experience?.yearsMin ?? null, yearsMax: posting.experience?.yearsMax ?? null }, yearKeys)
        : null;
      tally.score(name, 'years', got !== null && sameValue(got, want), want, notRead ?? got);
    }
  }

  // details: everything else the expected JSON states, as test/sites/lever.test.ts checks it.
  const wrong: Array<{ what: string; expected: unknown; got: unknown }> = [];
  if (Object.keys(stated).length && !posting) {
    wrong.push({ what: 'posting', expected: stated, got: notRead });
  } else if (Object.keys(stated).length) {
    for (const path of partialMismatches(posting, stated)) {
      wrong.push({ what: `posting.${path}`, expected: at(stated, path), got: posting ? at(posting, path) : notRead });
    }
  }
  if (typeof expected.salaryEvidenceIncludes === 'string') {
    const evidence = posting?.salary?.evidence ?? null;
    if (!evidence?.includes(expected.salaryEvidenceIncludes)) {
      wrong.push({ what: 'salary evidence includes', expected: expected.salaryEvidenceIncludes, got: notRead ?? evidence });
    }
  }
  for (const [key, list] of [
    ['requiredFirst', 'required'],
    ['preferredFirst', 'preferred'],
  ] as const) {
    if (typeof requirements[key] !== 'string') continue;
    const got = posting ? (posting.requirements[list][0] ?? null) : notRead;
    if (got !== requirements[key]) wrong.push({ what: `requirements.${key}`, expected: requirements[key], got });
  }
  for (const [key, shouldContain] of [
    ['descriptionIncludes', true],
    ['descriptionExcludes', false],
  ] as const) {
    const texts = Array.isArray(expected[key]) ? (expected[key] as unknown[]).filter((t): t is string => typeof t === 'string') : [];
    for (const text of texts) {
      if (posting && posting.description.includes(text) === shouldContain) continue;
      const got = notRead ?? `(the ${posting?.description.length ?? 0}-character description ${shouldContain ? 'lacks' : 'contains'} it)`;
      wrong.push({ what: `description ${shouldContain ? 'includes' : 'excludes'}`, expected: text, got });
    }
  }
  const statesDetails =
    Object.keys(stated).length > 0 ||
    typeof expected.salaryEvidenceIncludes === 'string' ||
    typeof requirements.requiredFirst === 'string' ||
    typeof requirements.preferredFirst === 'string' ||
    Array.isArray(expected.descriptionIncludes) ||
    Array.isArray(expected.descriptionExcludes);
  if (statesDetails) {
    tally.score(
      name,
      'details',
      wrong.length === 0,
      Object.fromEntries(wrong.map((w) => [w.what, w.expected])),
      Object.fromEntries(wrong.map((w) => [w.what, w.got])),
    );
  }
}

// ---------------------------------------------------------------------------------------
// Corpus

interface SalaryEntry {
  text: string;
  expected: Json[];
  note?: string;
}

interface RemoteCorpus {
  phrases: Array<{ text: string; expected: string; note?: string }>;
  structured: Array<{ source: string; value: string | Json; expected: string; note?: string }>;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function caseName(file: string, index: number, text: string): string {
  const short = text.replace(/\s+/g, ' ').trim();
  return `${file}#${index} ${JSON.stringify(short.length > 60 ? `${short.slice(0, 57)}...` : short)}`;
}

function scoreSalaryStrings(entries: SalaryEntry[], tally: Tally): void {
  entries.forEach((entry, index) => {
    const name = caseName('salary-strings', index, entry.text);
    let got: Json[] | string;
    try {
      got = parseSalaryRanges(entry.text, { source: 'prose' }).map(comparableRange);
    } catch (error) {
      got = `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    const want = entry.expected.map(comparableRange);
    tally.score(name, 'pay', Array.isArray(got) && sameValue(got, want), want, got);
    if (want.length === 0) {
      const ok = Array.isArray(got) && got.length === 0;
      if (Array.isArray(got) && !ok) tally.payFalsePositives++;
      tally.score(name, 'noPay', ok, [], got);
    }
  });
}

/** A structured corpus case as the fields an adapter would hand on: one per field, prose apart. */
function structuredInput(c: RemoteCorpus['structured'][number]): { structured: FieldValue[]; location: null; text: string } {
  const source = c.source.startsWith('JSON-LD') ? 'jsonld' : 'board';
  if (typeof c.value === 'string') return { structured: [{ value: c.value, field: c.source, source }], location: null, text: '' };
  const value = c.value;
  return {
    structured: Object.entries(value)
      .filter(([key]) => key !== 'text')
      .map(([key, v]) => ({ value: String(v), field: `${c.source} ${key}`, source })),
    location: null,
    text: typeof value.text === 'string' ? value.text : '',
  };
}

function scoreRemote(corpus: RemoteCorpus, tally: Tally): void {
  const run = (name: string, expected: string, read: () => string): void => {
    let got: string;
    try {
      got = read();
    } catch (error) {
      got = `threw: ${error instanceof Error ? error.message : String(error)}`;
    }
    tally.score(name, 'remote', got === expected, expected, got);
  };
  corpus.phrases.forEach((p, i) => {
    run(caseName('remote-phrases', i, p.text), p.expected, () => parseRemote({ structured: [], location: null, text: p.text }).policy);
  });
  corpus.structured.forEach((c, i) => {
    run(
      caseName('remote-structured', i, `${c.source}: ${JSON.stringify(c.value)}`),
      c.expected,
      () => parseRemote(structuredInput(c)).policy,
    );
  });
}

// ---------------------------------------------------------------------------------------

/** Scores every fixture with expected JSON and the reference corpus. Reads files; writes nothing. */
export function runEval(options: EvalOptions = {}): EvalReport {
  const root = options.root ?? DEFAULT_ROOT;
  const corpusDir = options.corpusDir ?? join(root, 'test/corpus/strings');
  const tally = new Tally();
  const errors: string[] = [];
  const fixtures = findFixtures(root);
  const scored: string[] = [];

  const window = makeWindow();
  try {
    for (const fixture of fixtures) {
      let expected: unknown;
      try {
        expected = readJson(fixture.expectedPath);
      } catch (error) {
        errors.push(`${fixture.name}: expected JSON unreadable: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (!isRecord(expected)) {
        errors.push(`${fixture.name}: expected JSON is not an object`);
        continue;
      }
      if (!fixture.pagePath) {
        errors.push(`${fixture.name}: no page beside the expected JSON (${PAGE_EXTENSIONS.join(', ')})`);
        continue;
      }
      const stated = isRecord(expected.posting) ? expected.posting : {};
      const url = [expected.url, stated.url].find((u): u is string => typeof u === 'string' && URL.canParse(u)) ?? null;
      const text = readFileSync(fixture.pagePath, 'utf8');
      const item = typeof expected.item === 'number' ? expected.item : 0;
      const result = fixture.pagePath.endsWith('.json')
        ? readFixturePayload(text, url, item, window)
        : readFixturePage(text, url, window);
      scoreFixture(fixture.name, expected, result, tally);
      scored.push(fixture.name);
    }
  } finally {
    void window.happyDOM.close();
  }

  const salaryPath = join(corpusDir, 'salary-strings.json');
  const remotePath = join(corpusDir, 'remote-phrases.json');
  let salaryStrings: SalaryEntry[] = [];
  let remote: RemoteCorpus = { phrases: [], structured: [] };
  try {
    salaryStrings = readJson(salaryPath) as SalaryEntry[];
  } catch (error) {
    errors.push(`corpus ${salaryPath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const data = readJson(remotePath) as Partial<RemoteCorpus>;
    remote = { phrases: data.phrases ?? [], structured: data.structured ?? [] };
  } catch (error) {
    errors.push(`corpus ${remotePath}: ${error instanceof Error ? error.message : String(error)}`);
  }
  scoreSalaryStrings(salaryStrings, tally);
  scoreRemote(remote, tally);

  return {
    fixtures: scored,
    corpus: { salaryStrings: salaryStrings.length, remotePhrases: remote.phrases.length, remoteStructured: remote.structured.length },
    fields: tally.fields,
    payFalsePositives: tally.payFalsePositives,
    misses: tally.misses,
    errors,
  };
}
