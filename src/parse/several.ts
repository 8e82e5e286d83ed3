import { readFrontMatter } from './front-matter.ts';
import { htmlAsText } from './pasted.ts';
import { classifyHeading, isOtherHeading } from './requirements.ts';

/*
 * One text, several postings: a small employer's "Current vacancies" page, a community board's
 * "Open positions", a public body's "Vacantes" each give every opening in full, one after another,
 * under its own heading. Read as one posting, their pay, requirements and titles run together.
 *
 * The sign is a posting's part said again: the same requirements heading ("Requisitos"), the
 * same "About <Company>" or the same "Position:"/"Salary:" label in each opening. Each time it
 * comes back, the heading above it (of a higher level) names the next opening. A posting that
 * repeats a part under its own sub-headings ("Requirements" for "Level I" and "Level II") is
 * one posting only when those sub-headings are not above the part at a higher level; the checks
 * below keep a single posting whole: at least two openings, each with its own title, each with
 * enough text to be a posting.
 */

interface Line {
  text: string;
  /** 1–6 for a Markdown heading, 7 for a bold line standing alone, null for anything else. */
  level: number | null;
  /** The part it names: a heading's text or a "Label:" line's label, lower-cased; null for prose. */
  key: string | null;
}

/** Labels of an opening's facts ("Position:", "Salary:", "Puesto:") that an opening states once. */
const FACT_LABEL = /^(?:position|job title|title|role|salary|pay|compensation|wage|location|puesto|sueldo|salario|stelle|gehalt|poste|salaire)$/;

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$/;
const LABEL_LINE = /^\s*(?:\*\*|__)?([\p{L}][\p{L} ]{1,28}?)\s*(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*\S/u;

function readLine(text: string): Line {
  const heading = HEADING.exec(text);
  if (heading) return { text, level: heading[1]!.length, key: keyOf(heading[2]!) };
  const bold = BOLD_LINE.exec(text);
  if (bold) return { text, level: 7, key: keyOf(bold[1]!) };
  const label = LABEL_LINE.exec(text);
  if (label && FACT_LABEL.test(keyOf(label[1]!))) return { text, level: null, key: `${keyOf(label[1]!)}:` };
  return { text, level: null, key: null };
}

function keyOf(text: string): string {
  return text
    .replace(/[*_`]/g, '')
    .replace(/[:：]\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a part's name is one a posting has once: its requirements, duties, company, pay or title. */
function isPostingPart(key: string): boolean {
  if (key.endsWith(':')) return true;
  return classifyHeading(key) !== null || isOtherHeading(key);
}

/** Fewest letters an opening holds beside its title: a heading with a line under it is not a posting. */
const MIN_OPENING = 200;

/**
 * The postings a text holds, each as its own text (its title heading first), when it holds
 * more than one; null for a text of one posting. The text before the first opening (the page's
 * own title, "Current Vacancies") belongs to none of them.
 */
export function splitPostings(text: string): string[] | null {
  if (typeof text !== 'string') return null;
  const front = readFrontMatter(text);
  const lines = htmlAsText(front ? front.body : text)
    .split(/\r\n|[\n\r\u2028\u2029]/)
    .map(readLine);
  const counts = new Map<string, number>();
  for (const line of lines) if (line.key !== null && isPostingPart(line.key)) counts.set(line.key, (counts.get(line.key) ?? 0) + 1);
  // The part that comes back first marks the openings.
  const anchor = lines.find((l) => l.key !== null && (counts.get(l.key) ?? 0) >= 2)?.key;
  if (anchor === undefined) return null;
  const at = lines.flatMap((l, i) => (l.key === anchor ? [i] : []));
  const anchorLevel = lines[at[0]!]!.level ?? 8;
  // The opening's title: the nearest heading above the part, of a higher level, not itself a
  // part; or, where openings' titles and parts share a level ("### Pre-Sales Lead" … "### How to
  // Apply"), the nearest such heading of the same level.
  const titlesAt = (sameLevel: boolean): number[] | null => {
    const starts: number[] = [];
    for (let n = 0; n < at.length; n++) {
      const floor = n === 0 ? -1 : at[n - 1]!;
      let title = -1;
      for (let i = at[n]! - 1; i > floor; i--) {
        const line = lines[i]!;
        const fits = line.level !== null && (sameLevel ? line.level <= anchorLevel : line.level < anchorLevel);
        if (fits && line.key !== null && !isPostingPart(line.key)) {
          title = i;
          break;
        }
      }
      if (title < 0) return null;
      starts.push(title);
    }
    return starts;
  };
  const starts = titlesAt(false) ?? titlesAt(true);
  if (starts === null) return null;
  // Openings are siblings: their titles at one level, each different.
  const levels = new Set(starts.map((i) => lines[i]!.level));
  const titles = new Set(starts.map((i) => lines[i]!.key));
  if (levels.size !== 1 || titles.size !== starts.length) return null;
  const openings = starts.map((start, n) => lines.slice(start, starts[n + 1] ?? lines.length).map((l) => l.text).join('\n').trim());
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  if (openings.some((o) => letters(o) - letters(o.split('\n', 1)[0]!) < MIN_OPENING)) return null;
  return openings;
}
