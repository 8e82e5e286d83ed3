import type { RawSection, Requirements } from '../model/index.ts';
import { BULLET, normalizeSpace } from './text.ts';

/*
 * Requirements are read from where postings put them: the items under a heading such as
 * "Who You Are" or "Nice to have". Within a required list, an item that calls itself a
 * plus is preferred, whatever its heading says.
 */

/** Checked before REQUIRED_HEADING: "Preferred qualifications" is preferred, not a qualification. */
const PREFERRED_HEADING =
  /(?:^|\b)(?:nice|good|great)[- ]to[- ]haves?\b|\bpreferred\b|^bonus(?:\s+points)?\b|\bbonus points\b|^(?:extra\s+)?(?:pluses|plusses|plus)$|\bdesired\b|\bdesirable\b|\bit'?s a plus\b|\bwould be (?:a plus|great|nice)\b|\bnice if you\b|\bextra credit\b|\b(?:even )?better if\b|\bstand out\b|\bnot required\b|\boptional\b/;

const REQUIRED_HEADING =
  /\bwho you are\b|\b(?:what|who) we'?re looking for\b|\bwe'?re looking for\b|\bwhat you'?ll need\b|\bwhat you need\b|\bwhat you have\b|\brequirements?\b|\bqualifications?\b|\byou have\b|\bmust[- ]haves?\b|\babout you\b|\bwhat you(?:'ll)? bring\b|\byou should have\b|\byou'?ll have\b|\bideal candidate\b|\byour profile\b|\bskills\b|\bexperience\b|\bwhat we need\b|\bwhat it takes\b|\bminimum\b|\bbasic\b|\bessential\b|\bcompetenc(?:e|ies|y)\b|\bkey criteria\b|\bgood fit\b|\bgreat fit\b|\bright fit\b|\b(?:attitudes|qualities|skills|traits|strengths)\s+we\s+value\b|\byou(?:'ll)? need to succeed\b|\bto succeed in this role\b|\bwhat you offer\b|\byou might be\b|\bis this you\b/;

/** Whether a heading introduces required or preferred qualifications; null for anything else ("What You'll Do", "Benefits"). */
export function classifyHeading(heading: string): 'required' | 'preferred' | null {
  if (typeof heading !== 'string') return null;
  const h = heading
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[*#:_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!h || h.length > 80) return null;
  if (PREFERRED_HEADING.test(h)) return 'preferred';
  if (REQUIRED_HEADING.test(h)) return 'required';
  return null;
}

/** An item that says it is optional: "... is a strong plus", "nice to have", "bonus if". */
const SAYS_PREFERRED =
  /\b(?:is|are|would be|will be|as)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|nice\s+|real\s+|major\s+)?(?:plus|bonus|advantage)\b|\ba\s+(?:big\s+|huge\s+|strong\s+)?plus\b|\bnice[- ]to[- ]have\b|\bbonus(?:\s+points)?\b|\bpreferred\b|\bideally\b|\bdesirable\b|\bnot required\b/i;

function cleanItem(item: string): string {
  return normalizeSpace(item).replace(BULLET, '').replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
}

/** "**Requirements**", "Requirements:", "Nice to have:" written as a paragraph of its own. */
function pseudoHeading(paragraph: string): string | null {
  const p = paragraph.trim();
  const emphasised = /^(?:\*\*|__)(.{1,80}?)(?:\*\*|__):?$/.exec(p);
  if (emphasised) return emphasised[1]!;
  if (p.endsWith(':') && p.split(/\s+/).length <= 8) return p.slice(0, -1);
  return null;
}

/** The required and preferred qualifications stated under headings (or bold pseudo-headings), deduplicated. */
export function extractRequirements(sections: RawSection[]): Requirements {
  const required: string[] = [];
  const preferred: string[] = [];
  const seen = new Set<string>();
  const add = (bucket: 'required' | 'preferred', raw: string) => {
    const item = cleanItem(raw);
    if (!item || !/\p{L}/u.test(item)) return;
    const key = item.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const target = bucket === 'required' && SAYS_PREFERRED.test(item) ? 'preferred' : bucket;
    (target === 'required' ? required : preferred).push(item);
  };

  for (const section of Array.isArray(sections) ? sections : []) {
    if (!section || !Array.isArray(section.paragraphs) || !Array.isArray(section.items)) continue;
    const sectionClass = section.heading ? classifyHeading(section.heading) : null;
    let current = sectionClass;
    let sawPseudoHeading = false;
    for (const paragraph of section.paragraphs) {
      if (typeof paragraph !== 'string') continue;
      const heading = pseudoHeading(paragraph);
      if (heading !== null) {
        current = classifyHeading(heading);
        sawPseudoHeading = true;
        continue;
      }
      // "Requirements: Python, SQL" — a label and its content on one line.
      const inline = /^([^:]{2,40}):\s+(.+)$/.exec(paragraph);
      const inlineClass = inline ? classifyHeading(inline[1]!) : null;
      if (inline && inlineClass) {
        add(inlineClass, inline[2]!);
        continue;
      }
      // Paragraphs under a requirements heading are requirements only when there is no list:
      // next to a list they are its introduction ("You'll thrive here if you have:").
      if (current && (sawPseudoHeading || section.items.length === 0)) add(current, paragraph);
    }
    const itemClass = sawPseudoHeading ? current : sectionClass;
    if (itemClass) for (const item of section.items) if (typeof item === 'string') add(itemClass, item);
  }
  return { required, preferred };
}
