import type { RawPosting, RawSection } from './raw.ts';

/*
 * How much of a posting's text is read. The parsers' time grows with the text (linearly, as
 * `npm run bench` shows), and the background reads every tab's posting in turn: a page or a
 * paste of megabytes would hold up all of them. So the page reader and the paste box send
 * the first 200,000 characters of a posting's text and say so; the rest is not read.
 *
 * No imports but types: the page reader, loaded on every possible posting, carries this.
 */

/**
 * 200,000 characters (200 KB of plain text): a long posting with its benefits and legal text
 * is about 12,000; a whole saved page's text fits. What is past it is not read.
 */
export const MAX_POSTING_TEXT_CHARS = 200_000;

/** What the panel and the paste box say when they read only the first part. */
export const CLIPPED_TEXT_MESSAGE = "Read the first 200 KB of this posting's text; the rest was not read.";

/** The first `max` characters of `text`, not ending halfway through a character (a surrogate pair). */
export function firstChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/** Pasted text as read: its first MAX_POSTING_TEXT_CHARS characters, and whether that was all of it. */
export function clipPostingText(text: string): { text: string; clipped: boolean } {
  return text.length <= MAX_POSTING_TEXT_CHARS ? { text, clipped: false } : { text: firstChars(text, MAX_POSTING_TEXT_CHARS), clipped: true };
}

/**
 * A raw posting whose text, counted in the order it is read (title, the board's fields, the
 * pay and workplace fields, then each section's heading, paragraphs and items), is at most
 * MAX_POSTING_TEXT_CHARS characters: the string that crosses the limit is cut there, and what
 * comes after it is left out. `clipped` says whether anything was.
 */
export function clipRawPosting(raw: RawPosting, max: number = MAX_POSTING_TEXT_CHARS): { raw: RawPosting; clipped: boolean } {
  let left = max;
  let clipped = false;
  const take = (text: string): string => {
    if (text.length <= left) {
      left -= text.length;
      return text;
    }
    clipped = true;
    const kept = firstChars(text, left);
    left = 0;
    return kept;
  };
  const takeNullable = (text: string | null) => (text === null ? null : take(text));
  /** The strings of a list up to the limit; the one that crosses it is cut, the rest are left out. */
  const takeAll = (texts: readonly string[]): string[] => {
    const out: string[] = [];
    for (const text of texts) {
      if (left === 0) {
        clipped = true;
        break;
      }
      out.push(take(text));
    }
    return out;
  };
  const title = take(raw.title);
  const company = takeNullable(raw.company);
  const location = takeNullable(raw.location);
  const department = takeNullable(raw.department);
  const commitment = takeNullable(raw.commitment);
  const workplace = raw.workplace.map((field) => ({ ...field, value: take(field.value) }));
  const payText = raw.payText.map((field) => ({ ...field, value: take(field.value) }));
  const sections: RawSection[] = [];
  for (const section of raw.sections) {
    if (left === 0) {
      clipped = true;
      break;
    }
    const heading = takeNullable(section.heading);
    sections.push({ heading, paragraphs: takeAll(section.paragraphs), items: takeAll(section.items) });
  }
  if (!clipped) return { raw, clipped };
  return { raw: { ...raw, title, company, location, department, commitment, workplace, payText, sections }, clipped };
}
