import { z } from 'zod/mini';

/**
 * How long a field of a saved posting may be, checked where data comes in to be kept: a
 * save, an edit, an import. A note of 50 MB would be written whole into every export and
 * every copy of the record, and slow every list that shows it; the limits refuse that with
 * a message instead, and are generous enough that no real posting or note meets them (of
 * the 355 postings the real corpus reads to, the longest text is 13,846 characters;
 * test/model/limits.test.ts runs the limits over all of them).
 *
 * They are checked on what is written, not on what is read back: a record saved before the
 * limits existed stays readable, listed and exportable, whatever its size.
 */

/** Your notes: 100,000 characters is a long diary of one application; twice that is allowed. */
export const MAX_NOTES_CHARS = 200_000;
/** A posting's text: five times the longest text the pasted-text reader takes (200,000). */
export const MAX_DESCRIPTION_CHARS = 1_000_000;
/** One tag, and how many a posting may have. */
export const MAX_TAG_CHARS = 200;
export const MAX_TAGS = 500;
/** Every other text: titles, places, a sentence of evidence, one requirement, an address. */
export const MAX_TEXT_CHARS = 50_000;

interface Limit {
  max: number;
  /** The field in words, as the start of a sentence: "Your notes are …". */
  words: string;
  plural: boolean;
}

/** Limits by the field's path with indexes written `[]`; any other text has MAX_TEXT_CHARS. */
const LIMITS: Record<string, Limit> = {
  notes: { max: MAX_NOTES_CHARS, words: 'Your notes', plural: true },
  description: { max: MAX_DESCRIPTION_CHARS, words: "The posting's text", plural: false },
  // What a re-read found changed, as shown: a requirements list can be as long as the text.
  'changes[].before': { max: MAX_DESCRIPTION_CHARS, words: 'A recorded change', plural: false },
  'changes[].after': { max: MAX_DESCRIPTION_CHARS, words: 'A recorded change', plural: false },
  'tags[]': { max: MAX_TAG_CHARS, words: 'A tag', plural: false },
  'corrections.location': { max: MAX_TEXT_CHARS, words: 'Your corrected location', plural: false },
  title: { max: MAX_TEXT_CHARS, words: 'The title', plural: false },
};

/** A field over its limit: where it is, how long it is, and the limit. */
export interface TooLong {
  path: (string | number)[];
  /** Characters, or for a list (tags) its items. */
  length: number;
  max: number;
  /** Counts items of a list rather than characters. */
  items: boolean;
}

function pattern(path: readonly (string | number)[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? '[]' : text === '' ? key : `.${key}`;
  return text;
}

function limitOf(path: readonly (string | number)[]): number {
  return LIMITS[pattern(path)]?.max ?? MAX_TEXT_CHARS;
}

/**
 * Every field of `value` over its limit, in the order met: each text (at any depth, so a
 * field added later is covered) against its field's limit, and the number of tags.
 */
export function tooLongFields(value: unknown): TooLong[] {
  const found: TooLong[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === 'string') {
      const max = limitOf(path);
      if (node.length > max) found.push({ path, length: node.length, max, items: false });
    } else if (Array.isArray(node)) {
      if (pattern(path) === 'tags' && node.length > MAX_TAGS) found.push({ path, length: node.length, max: MAX_TAGS, items: true });
      node.forEach((item, i) => walk(item, [...path, i]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  return found;
}

const count = (n: number) => n.toLocaleString('en-US');

/** For a list of problems that already names the field: "is 52,428,800 characters long; JobLens keeps up to 200,000". */
export function tooLongProblem(field: TooLong): string {
  if (field.items) return `has ${count(field.length)} tags; JobLens keeps up to ${count(field.max)}`;
  return `is ${count(field.length)} characters long; JobLens keeps up to ${count(field.max)}`;
}

/** A whole sentence for the user: "Your notes are 52,428,800 characters long; JobLens keeps up to 200,000. Nothing was saved." */
export function tooLongMessage(field: TooLong): string {
  if (field.items) return `This posting has ${count(field.length)} tags; JobLens keeps up to ${count(field.max)}. Nothing was saved.`;
  const limit = LIMITS[pattern(field.path)];
  const subject = limit ? `${limit.words} ${limit.plural ? 'are' : 'is'}` : `The field ${pattern(field.path)} is`;
  return `${subject} ${count(field.length)} characters long; JobLens keeps up to ${count(field.max)}. Nothing was saved.`;
}

/** A save or an edit refused because a field is over its limit; the message is for the user. */
export class FieldTooLongError extends Error {
  override name = 'FieldTooLongError';
  readonly field: TooLong;
  constructor(field: TooLong) {
    super(tooLongMessage(field));
    this.field = field;
  }
}

/** Throws FieldTooLongError for the first field of `value` over its limit. */
export function assertWithinLimits(value: unknown): void {
  const [first] = tooLongFields(value);
  if (first) throw new FieldTooLongError(first);
}

/** The limits as a zod check, for a schema of a whole record (an import's): one issue per field, at its path. */
export const withinLimits = z.superRefine<unknown>((value, ctx) => {
  for (const field of tooLongFields(value)) {
    ctx.addIssue({ code: 'custom', path: field.path, message: tooLongProblem(field), input: undefined });
  }
});
