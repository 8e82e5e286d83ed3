import type { z } from 'zod/mini';
import { EXPORT_FORMAT, EXPORT_VERSION, ExportedSettings, ExportFile, ImportedPosting, type SavedPosting } from '../model/index.ts';
import { withEditTimes, withV2Fields } from '../store/upgrades.ts';

/**
 * Reading a JobLens export back: pure parse, validation and migration of older versions.
 * Nothing here touches the database; the repository writes the result in one transaction,
 * and only when this returned without throwing.
 */

/** One thing wrong with one record, for the user: which record, which field, what is wrong. */
export interface ImportProblem {
  /** 1-based, as a person counts records in the file. */
  record: number;
  id: string | null;
  path: string;
  problem: string;
}

/** An import that was refused; `message` is written for the user and says what is wrong. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly problems: readonly ImportProblem[];

  constructor(message: string, problems: readonly ImportProblem[] = []) {
    super(message);
    this.problems = problems;
  }
}

export const NOT_AN_EXPORT = `This is not a JobLens export (no "format": "${EXPORT_FORMAT}").`;
/** Lines of problems shown before "…and N more". */
const MAX_PROBLEMS_SHOWN = 10;
/** Problems listed per record: a record that is wholly wrong would otherwise fill the message. */
const MAX_PROBLEMS_PER_RECORD = 3;

const READ_VERSIONS = `versions 1–${EXPORT_VERSION}`;

/** Each older version's records, brought to the current SavedPosting shape. */
const MIGRATE_RECORD: Record<number, (record: unknown) => unknown> = {
  1: (record) => withEditTimes(withV2Fields(record)),
  2: withEditTimes,
};

/** The first version whose files carry the user's settings; older ones have none (null). */
const SETTINGS_SINCE = 4;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    // Nested too deeply to write out (JSON.stringify overflows the stack, and String() of an
    // array would again): say what it is instead of crashing on it.
    text = `${Array.isArray(value) ? 'a list' : 'an object'} nested too deeply to show`;
  }
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

const EXPECTED_WORDS: Record<string, string> = {
  int: 'a whole number',
  array: 'a list',
  object: 'an object',
};

const FORMAT_WORDS: Record<string, string> = {
  datetime: 'an ISO date-time such as 2026-06-01T10:00:00.000Z',
  url: 'a web address (http or https)',
};

/** "salary.max", "requirements.required[2]", "" for the record itself. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** zod/mini carries no message locale, so issues are put into words here, with the value received. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (issue.input === undefined) return `missing (expected ${expected})`;
      return `expected ${expected}, received ${kindOf(issue.input)}`;
    }
    case 'invalid_value':
      return `expected ${issue.values.map((v) => preview(v)).join(' or ')}, received ${preview(issue.input)}`;
    case 'invalid_format':
      if (issue.format === 'regex') return `is not in the expected form, received ${preview(issue.input)}`;
      return `expected ${FORMAT_WORDS[issue.format] ?? issue.format}, received ${preview(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return 'must not be empty';
      return `must be ${issue.inclusive === false ? 'above' : 'at least'} ${String(issue.minimum)}, received ${preview(issue.input)}`;
    case 'too_big':
      return `must be ${issue.inclusive === false ? 'below' : 'at most'} ${String(issue.maximum)}, received ${preview(issue.input)}`;
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `does not match any accepted form, received ${preview(issue.input)}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      return `a key is not valid${inner ? `: ${describeIssue(inner)}` : ''}`;
    }
    default:
      return issue.message;
  }
}

function recordLabel(problem: Pick<ImportProblem, 'record' | 'id'>): string {
  return `Record ${problem.record} (${problem.id ?? 'no id'})`;
}

export function problemLine(problem: ImportProblem): string {
  return `${recordLabel(problem)}: ${problem.path === '' ? '' : `${problem.path}: `}${problem.problem}`;
}

function refusal(problems: ImportProblem[]): ImportError {
  const records = new Set(problems.map((p) => p.record)).size;
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN).map(problemLine);
  const more = problems.length - shown.length;
  const head = `Nothing was imported: ${records === 1 ? '1 record is' : `${records} records are`} not valid.`;
  return new ImportError([head, ...shown, ...(more > 0 ? [`…and ${more} more.`] : [])].join('\n'), problems);
}

function checkVersion(version: unknown): number {
  if (typeof version === 'number' && Number.isInteger(version) && version > EXPORT_VERSION) {
    throw new ImportError(
      `This export is version ${version}; this JobLens reads ${READ_VERSIONS}. Update JobLens to import it.`,
    );
  }
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new ImportError(
      `This JobLens export has no valid version ("version": ${preview(version)}); this JobLens reads ${READ_VERSIONS}.`,
    );
  }
  return version;
}

/**
 * The largest export JobLens reads: the whole file is read into memory and parsed at once
 * (in the popup), so a file of any size is not. 10,000 saved postings with their
 * descriptions export to about 34 MB, which leaves room for longer ones.
 */
export const MAX_IMPORT_BYTES = 60 * 1024 * 1024;

export function tooLargeMessage(bytes: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `This file is ${mb(bytes)}; JobLens imports exports of up to ${mb(MAX_IMPORT_BYTES)}. Nothing was imported.`;
}

/**
 * Parses and validates the text of an export file, of this version or an older one, and
 * returns it as a current ExportFile. Throws ImportError naming what is wrong: not JSON,
 * not an export, a newer version, or each invalid record by number, id and field path.
 */
export function parseExport(text: string): ExportFile {
  // Characters, not bytes, but never fewer than the bytes' worth of characters: a safe check.
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError(tooLargeMessage(text.length));
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`This file is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(data) || data.format !== EXPORT_FORMAT) throw new ImportError(NOT_AN_EXPORT);
  const version = checkVersion(data.version);

  const exportedAt = ExportFile.shape.exportedAt.safeParse(data.exportedAt, { reportInput: true });
  if (!exportedAt.success) {
    throw new ImportError(`This JobLens export is damaged: exportedAt: ${describeIssue(exportedAt.error.issues[0]!)}.`);
  }
  let settings: ExportedSettings | null = null;
  // Absent: nothing to merge (a file written by hand, say); present, it must be whole.
  if (version >= SETTINGS_SINCE && data.settings !== undefined) {
    const parsed = ExportedSettings.safeParse(data.settings, { reportInput: true });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = pathText(['settings', ...issue.path]);
      throw new ImportError(`This JobLens export is damaged: ${path}: ${describeIssue(issue)}. Nothing was imported.`);
    }
    settings = parsed.data;
  }
  if (!Array.isArray(data.postings)) {
    throw new ImportError('This JobLens export is damaged: it has no "postings" list.');
  }

  const migrate = MIGRATE_RECORD[version] ?? ((record: unknown) => record);
  const problems: ImportProblem[] = [];
  const postings: SavedPosting[] = [];
  const firstSeen = new Map<string, number>();
  data.postings.forEach((raw: unknown, index) => {
    const record = index + 1;
    const id = isObject(raw) && typeof raw.id === 'string' && raw.id !== '' ? raw.id : null;
    const parsed = ImportedPosting.safeParse(migrate(raw), { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, MAX_PROBLEMS_PER_RECORD)) {
        problems.push({ record, id, path: pathText(issue.path), problem: describeIssue(issue) });
      }
      return;
    }
    const earlier = firstSeen.get(parsed.data.id);
    if (earlier !== undefined) {
      problems.push({ record, id, path: 'id', problem: `the same id as record ${earlier}` });
      return;
    }
    firstSeen.set(parsed.data.id, record);
    postings.push(parsed.data);
  });
  if (problems.length > 0) throw refusal(problems);

  // Each record was validated above and the file's fields too: not parsed a second time.
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.data, settings, postings };
}
