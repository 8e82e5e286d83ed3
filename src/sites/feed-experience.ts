import type { Json } from './feed-json.ts';

/*
 * The years of experience a feed item asks for, where the feed keeps them in fields of their own
 * rather than in the text.
 */

/** A field holding the years as words: "3+ years", "2-5 years". */
export const EXPERIENCE_KEYS = ['experience_required', 'experience', 'experienceLevel'];

/** Years of experience a feed keeps as two numbers: Wanted's `annual_from` / `annual_to` (연차; 100 for no upper limit). */
const EXPERIENCE_RANGE_KEYS: ReadonlyArray<readonly [string, string]> = [
  ['annual_from', 'annual_to'],
  ['experience_min', 'experience_max'],
  ['min_experience', 'max_experience'],
  ['minExperience', 'maxExperience'],
  ['experienceFrom', 'experienceTo'],
];

/** "0–3 years", "1+ years" from a pair of year fields; null when the item has none or they are not years. */
function experienceYears(item: Json): string | null {
  for (const [fromKey, toKey] of EXPERIENCE_RANGE_KEYS) {
    const from = item[fromKey];
    const to = item[toKey];
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 0 || from > 50) continue;
    if (to === undefined || to === null || (typeof to === 'number' && to >= 50)) return `${from}+ years`;
    if (typeof to === 'number' && Number.isInteger(to) && to >= from) return `${from}-${to} years`;
  }
  return null;
}

/** The line of the posting's text that states the years, from a field of words or a pair of numbers; null when none does. */
export function experienceLine(stated: string | null, item: Json): string | null {
  if (stated && /\d/.test(stated) && /year|yr|month/i.test(stated)) return `Experience: ${stated}`;
  const years = experienceYears(item);
  // A sentence, not a heading line: "Experience: 0-3 years" alone would head a section and not be read.
  return years ? `Experience: ${years}.` : null;
}
