import type { RawSection } from '../model/index.ts';
import { classifyHeading } from './requirements.ts';
import { BULLET, decodeEntities, normalizeSpace } from './text.ts';

/*
 * Plain posting text (as copied from a page) into sections. Pages lose their markup when
 * copied, so structure is read from the shape of lines: a short line without final
 * punctuation is a heading, a line that starts with a bullet or a number is an item,
 * and everything else is a paragraph.
 */

/** A bullet alone on its line: the item is on the next line (Lever pages copied as text). */
const LONE_BULLET = /^[-•·▪◦●○■*–—]$/;

/** Short words that stay lower case in a Title Case heading. */
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'for', 'with', 'on', 'at', 'by', 'as', 'from', 'nor', 'but', 'vs', '&']);

function isTitleCase(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  return words.every((w, i) => /^[\p{Lu}\d("'“‘]/u.test(w) || (i > 0 && SMALL_WORDS.has(w.toLowerCase())));
}

/** Strips Markdown emphasis or heading marks a copied page may keep: "**Requirements**", "## Benefits". */
function unwrapMarkup(line: string): string {
  return line.replace(/^#{1,6}\s+/, '').replace(/^(\*\*|__)(.+)\1$/, '$2').trim();
}

export function isHeadingLine(rawLine: string): boolean {
  const line = unwrapMarkup(rawLine);
  if (!line || line.length > 80 || !/\p{L}/u.test(line)) return false;
  // Table rows and JSON copied along with a page are data, not headings.
  if (!/^[\p{L}\d"“'‘(]/u.test(line) || /[|{}]|":/.test(line)) return false;
  const words = line.split(/\s+/).length;
  if (words > 10) return false;
  if (line.endsWith(':')) return true;
  if (/[.,;!?…)]$/.test(line)) return false;
  // Short sentences ("This role is based in New York", "You have worked with GCP") are not
  // Title Case; a known heading in sentence case ("Nice to have") is short.
  if (isTitleCase(line)) return true;
  return words <= 5 && (classifyHeading(line) !== null || (words <= 3 && /^\p{Lu}/u.test(line)));
}

function headingText(line: string): string {
  return unwrapMarkup(line).replace(/\s*:$/, '').trim();
}

/** Sections of plain posting text, in order; text before the first heading goes in a section without one. */
export function sectionsFromText(text: string): RawSection[] {
  if (typeof text !== 'string') return [];
  const sections: RawSection[] = [];
  let current: RawSection = { heading: null, paragraphs: [], items: [] };
  let bulletPending = false;
  const flush = () => {
    if (current.heading !== null || current.paragraphs.length > 0 || current.items.length > 0) sections.push(current);
  };

  for (const rawLine of decodeEntities(text).split(/\r\n|[\n\r\u2028\u2029]/)) {
    const line = normalizeSpace(rawLine);
    if (!line) continue;
    if (LONE_BULLET.test(line)) {
      bulletPending = true;
      continue;
    }
    if (bulletPending) {
      bulletPending = false;
      current.items.push(line);
      continue;
    }
    const bullet = BULLET.exec(line);
    if (bullet) {
      const item = line.slice(bullet[0].length).trim();
      if (item) current.items.push(item);
      continue;
    }
    if (isHeadingLine(line)) {
      flush();
      current = { heading: headingText(line), paragraphs: [], items: [] };
      continue;
    }
    current.paragraphs.push(line);
  }
  flush();
  return sections;
}
