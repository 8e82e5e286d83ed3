import type { RawSection } from '../model/index.ts';
import { classifyHeading, isOtherHeading, WEAK_HEADING_WORDS } from './requirements.ts';
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
  // "**Required Knowledge, Skills, and Abilities**:" keeps its colon outside the marks.
  // "### Qualifications###": a closing run of hashes ends an ATX heading.
  const atx = /^#{1,6}\s+/.test(line) ? line.replace(/\s*#+\s*$/, '') : line;
  // "## 🎯 Requisiti (must)", "🚀 What you'll do": an emoji before a heading's words.
  return atx.replace(/^#{1,6}\s+/, '').replace(/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+(?=\p{L})/u, '').replace(/^(\*\*|__)(.+)\1(:?)$/, '$2$3').trim();
}

/** "## Benefits", "**What you'll do with us**", "### **Does this sound like you?**": marked as a heading by its writer. */
function isMarkedHeading(line: string): boolean {
  return /^#{1,6}\s/.test(line) || /^(\*\*|__)[^*_].*\1:?$/.test(line.replace(/^#{1,6}\s+/, ''));
}


/** A requirements heading by a phrase ("Nice to have", "What you will bring"), not only by a word items share. */
function isStrongRequirementsHeading(line: string): boolean {
  return classifyHeading(line) !== null && classifyHeading(line.replace(WEAK_HEADING_WORDS, ' ')) !== null;
}

/** How a heading written as a sentence opens: "Das bringst du mit.", "Diese Aufgaben erwarten dich.", "What you'll do." */
const HEADING_SENTENCE_START = /^(?:das|dies\p{L}*|was|wir|ihre?|dein\p{L}*|du|sie|what|who|your|our|this|these|ce|vos|votre|nos|wat|jouw|dit|wij|lo|tu|tus)\s/iu;

/** "【尚可】", "【必須】", "【職務概要】": Japanese postings head a part with a word in lenticular brackets. */
const BRACKET_HEADING = /^【([^【】]{1,30})】$/u;

export function isHeadingLine(rawLine: string): boolean {
  if (BRACKET_HEADING.test(rawLine.trim())) return true;
  const line = unwrapMarkup(rawLine);
  if (!line || line.length > 80 || !/\p{L}/u.test(line)) return false;
  // Table rows and JSON copied along with a page are data, not headings; nor is a line stating an amount.
  if (!/^[\p{L}\d"“'‘(¿¡]/u.test(line) || /[|{}]|":/.test(line) || /[$€£¥₹]\s?\d/.test(line)) return false;
  const words = line.split(/\s+/).length;
  // "Experience Level: Experienced Professional", "Location: 534 East Oltorf": a label and its value, not a
  // heading; but "Required Skills:\tWhat You Have:" (a form's field whose value is a heading) and
  // "text: 'Ihr Profil'" (a CMS's field holding one) still head what follows.
  const labelled = /^[^:]{1,40}:\s+(\S.*)$/.exec(line);
  if (labelled && !isMarkedHeading(rawLine) && !/:\s*$/.test(line)) {
    const value = labelled[1]!.replace(/^['"‘“]|['"’”]$/g, '').trim();
    if (classifyHeading(value) === null && !isOtherHeading(value)) return false;
  }
  // Marked by its writer ("#### **Would be nice if you have these things too but as strongly needed**"), a heading may be longer.
  // "#### About you ......." : a dot leader after it is not a full stop.
  if (isMarkedHeading(rawLine) && words <= 16 && !/[.,;]$/.test(line.replace(/\s*(?:\.{3,}|…+)$/, ''))) return true;
  if (words > 12) return false;
  if (words > 10) return false;
  if (line.endsWith(':')) return true;
  // "Das bringst du mit.", "Diese Aufgaben erwarten dich.": a known heading written as a sentence.
  if (/[^.]\.$/.test(line) && words <= 6 && HEADING_SENTENCE_START.test(line)) {
    const head = line.slice(0, -1);
    if (classifyHeading(head) !== null || isOtherHeading(head)) return true;
  }
  // "Solliciteer als...", "Du bist bei uns richtig, wenn du…": a known heading trailing off into its list.
  const trailing = /(?:\.\.\.|…)$/.exec(line);
  if (trailing) {
    const head = line.slice(0, trailing.index).trim();
    return words <= 8 && (classifyHeading(head) !== null || isOtherHeading(head));
  }
  // "Why join us?", "Does this sound like you?": a known heading may be a question.
  if (/\?$/.test(line)) return words <= 6 && (classifyHeading(line) !== null || isOtherHeading(line));
  // "Nice to Have (Not Required)".
  if (/\)$/.test(line) && classifyHeading(line) !== null && words <= 6) return true;
  if (/[.,;!?…)]$/.test(line)) return false;
  // Short sentences ("This role is based in New York", "You have worked with GCP") are not
  // Title Case; a known heading in sentence case ("Nice to have") is short.
  if (isTitleCase(line)) return true;
  if (words <= 8 && isStrongRequirementsHeading(line)) return true;
  return words <= 5 && (classifyHeading(line) !== null || isOtherHeading(line) || (words <= 3 && /^\p{Lu}/u.test(line)));
}

/**
 * Whether a line shaped like a heading is rather the next line of a list written without
 * bullets ("HTML and CSS", "Highly self-motivated", "Unit testing experience" under
 * "Requirements"): it names no section of its own and does not introduce a sub-list.
 */
function continuesList(rawLine: string, current: RawSection): boolean {
  if (current.heading === null || current.items.length > 0 || classifyHeading(current.heading) === null) return false;
  const line = unwrapMarkup(rawLine);
  if (isMarkedHeading(rawLine) || line.endsWith(':') || isOtherHeading(line)) return false;
  if (classifyHeading(line) === null) return true;
  return !isTitleCase(line) && !isStrongRequirementsHeading(line);
}

function headingText(line: string): string {
  const bracketed = BRACKET_HEADING.exec(line.trim());
  if (bracketed) return bracketed[1]!.trim();
  return unwrapMarkup(line).replace(/\s*(?::|\.{3,}|…+)$/, '').trim();
}

/** Headings that run-on text (a page flattened to one line) keeps in Title Case between its parts. */
const GLUED_HEADING =
  /(?<=[\p{Ll}\d.!?)'’"”]) ((?:What You(?:'|’)ll Do|What You Will Do|Who You Are|Where You(?:'|’)ll Be|What We(?:'|’)re Looking For|What We Are Looking For|What You(?:'|’)ll (?:Need|Bring)|What You Will (?:Need|Bring)|What You (?:Need|Bring)|(?:Minimum|Basic|Preferred|Required) Qualifications|Nice to Have|Bonus Points|About You|Responsibilities|Requirements|Qualifications|Benefits|What We Offer|Learn More About \p{Lu}[\p{L}&'’-]*|About (?:Us|the Company|the Team))) (?=[\p{Lu}\d])/u;

/**
 * Hard-wrapped text (Markdown, email, text from a PDF) breaks a sentence across lines: "The ideal
 * candidate for this position has specific experience or expertise" / "in one or more of the
 * following areas:". A line cut at a wrap width, without final punctuation, followed by a line
 * that goes on in lower case, is one line.
 */
/** A word a line cannot end on unless it was cut: a preposition, an article, a conjunction. */
const DANGLING_WORD = /(?<![\p{L}])(?:on|of|with|and|or|the|to|for|a|an|in|by|at|from|such as|e\.g\.,?|i\.e\.,?)$/iu;

function unclosedBracket(line: string): boolean {
  return (line.match(/\(/g)?.length ?? 0) > (line.match(/\)/g)?.length ?? 0);
}

function unwrapLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  // The line as it stood before lines were joined to it: a wrap width is a physical line's.
  let physical: string | null = null;
  for (const line of lines) {
    const prev = out.length > 0 ? out[out.length - 1]! : null;
    const next = line.trim();
    const wrapped =
      prev !== null &&
      physical !== null &&
      physical.trim().length >= 45 &&
      physical.trim().length <= 130 &&
      !/[.:;!?)\]|]\s*$/.test(prev) &&
      !/ {3,}|\t/.test(prev.trim()) &&
      !/^#{1,6}\s/.test(prev.trim()) &&
      /^\p{Ll}/u.test(next) &&
      !BULLET.test(next);
    // A line cut inside a bracket or after a word that cannot end a line ("such as version
    // control (e.g." / "Git), productivity tools", "… with alignment on" / "Hypha's mission"), as a
    // PDF's lines are, goes on whatever case the next starts with.
    // A line that ends a sentence is whole, though a bracket in it was never closed ("… (or an
    // equivalent field or AND be returning to the program after completion of the internship.").
    const cut = prev !== null && next !== '' && !BULLET.test(next) && prev.trim() !== '' && ((unclosedBracket(prev) && !/[.!?]\s*$/.test(prev.trim())) || DANGLING_WORD.test(prev.trim()));
    if (wrapped || cut) out[out.length - 1] = `${prev!.replace(/\s+$/, '')} ${next}`;
    else out.push(line);
    physical = line;
  }
  return out;
}

/**
 * "… bring people together. Job Description: Review station drawings… Job Requirements: Bachelor's
 * degree…": in text flattened to one line (LinkedIn's JSON-LD description), a heading written as a
 * label after a sentence starts a part of its own.
 */
const GLUED_LABEL = /(?<=[.!?)]\s)([\p{Lu}][\p{L}'’&/-]*(?:\s[\p{L}'’&/-]+){0,3}):\s+(?=\S)/gu;

function splitGluedLabels(line: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of line.matchAll(GLUED_LABEL)) {
    const label = m[1]!;
    if (classifyHeading(label) === null && !isOtherHeading(label)) continue;
    out.push(line.slice(from, m.index).trim(), `${label}:`);
    from = m.index! + m[0].length;
  }
  out.push(line.slice(from).trim());
  return out.filter(Boolean);
}

/**
 * Two more headings that flattened text keeps between its parts: a heading in capitals ("… a
 * positive difference. CANDIDATE PROFILE Education And Experience 4-year bachelor's degree …") that
 * names a part of a posting, and "About <Company>" followed by the company's name again ("… customer
 * focus About Al-Futtaim Retail Al-Futtaim Retail has established itself …").
 */
const GLUED_CAPITALS = /(?<=[\p{Ll}\d.!?)] )(\p{Lu}{3,}(?: (?:\p{Lu}{2,}|&)){1,4})(?= \p{Lu}\p{Ll})/gu;
const GLUED_ABOUT = /(?<=[\p{Ll}\d.!?)] )About ((?:\p{Lu}[\p{L}&'’.-]*)(?: \p{Lu}[\p{L}&'’.-]*){0,3}) (?=\1[ ,.'’])/gu;

function splitGluedNames(line: string): string[] {
  const cuts: Array<{ at: number; end: number; heading: string }> = [];
  for (const m of line.matchAll(GLUED_CAPITALS)) {
    if (classifyHeading(m[1]!) !== null || isOtherHeading(m[1]!)) cuts.push({ at: m.index!, end: m.index! + m[0].length, heading: m[1]! });
  }
  for (const m of line.matchAll(GLUED_ABOUT)) cuts.push({ at: m.index!, end: m.index! + m[0].length, heading: `About ${m[1]!}` });
  if (cuts.length === 0) return [line];
  cuts.sort((a, b) => a.at - b.at);
  const out: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut.at < from) continue;
    out.push(line.slice(from, cut.at).trim(), `${cut.heading}:`);
    from = cut.end;
  }
  out.push(line.slice(from).trim());
  return out.filter(Boolean);
}

/**
 * "• Kehitystiimien ohjaamisesta ja mentoroinnistaArvostamme lisäksi:": a heading glued to the end of
 * the item before it, where a page's text lost the break between a list and the line after it. A
 * word in lower case run into a capital, and from there to a colon at the line's end a known heading
 * of two words or more, is that heading.
 */
const GLUED_TAIL = /(?<=\p{Ll}{3})(?=\p{Lu}\p{Ll}+\s[^:]{1,200}:\s*$)/u;

function splitGluedHeadingTail(line: string): string[] {
  const m = GLUED_TAIL.exec(line);
  if (!m) return [line];
  // "Odotamme sinulta kokemusta … kokonaisuuksia.Sinulla voi olla kokemusta esimerkiksi:": its sentences, glued too.
  const sentences = line.slice(m.index).trim().split(/(?<=\p{Ll}[.!?])\s*(?=\p{Lu})/u);
  const known = (text: string) => classifyHeading(text.replace(/[.:]\s*$/, '')) !== null || isOtherHeading(text.replace(/[.:]\s*$/, ''));
  if (!sentences.some(known)) return [line];
  return [line.slice(0, m.index).trim(), ...sentences];
}

/**
 * "Profile requirements: You may be a good fit if you have some of the following skills …", "… a long
 * security CV. Desired experience: We additionally may factor in experience with areas like:": a known
 * heading of four words at most, with the line that introduces its list run onto it. The heading
 * stands on a line of its own, so it heads the list after it.
 */
const LABELLED_INTRO = /(?:^|(?<=[.!?])\s+)(\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,3}):\s+(\S.*(?:\bthe following\b.*|:\s*))$/u;

function splitLabelledIntro(line: string): string[] {
  const m = LABELLED_INTRO.exec(line);
  if (!m) return [line];
  const label = m[1]!;
  if (classifyHeading(label) === null && !isOtherHeading(label)) return [line];
  // "Required Skills: What You Have:": a heading whose value is a heading too is read whole (isHeadingLine).
  const value = m[2]!.trim().replace(/\s*:$/, '');
  if (classifyHeading(value) !== null || isOtherHeading(value)) return [line];
  // The introduction stays a line of the heading's part (its colon dropped, so it is not read as a heading of its own).
  return [line.slice(0, m.index).trim(), `${label}:`, m[2]!.trim().replace(/\s*:$/, '')].filter(Boolean);
}

/** Physical lines into the lines a reader sees: runs of spaces and glued headings separate blocks of flattened text. */
function logicalLines(text: string): Array<{ line: string; indent: number }> {
  const out: Array<{ line: string; indent: number }> = [];
  // A backslash that ends a line is a Markdown hard break (what Decap and Netlify CMS write), not text.
  const physical = decodeEntities(text).split(/\r\n|[\n\r\u2028\u2029]/).map((l) => l.replace(/(?<!\\)\\\s*$/, ''));
  for (const rawLine of unwrapLines(physical)) {
    // How far the line is indented: a nested list's items sit deeper than their parent's.
    let indent = (/^[ \t]*/.exec(rawLine)?.[0] ?? '').replace(/\t/g, '    ').length;
    // Spaces a browser kept as no-break spaces ("boundaries\u00a0 \u00a0 Profile requirements:") break lines too.
    for (const block of rawLine.trim().split(/[ \u00a0]{3,}|\t{2,}/)) {
      const line = normalizeSpace(block);
      // A split with a capture keeps each glued heading as a line of its own.
      const parts = line.length >= 300 ? line.split(GLUED_HEADING).flatMap(splitGluedLabels).flatMap(splitGluedNames) : [line];
      for (const part of parts.flatMap(splitGluedHeadingTail).flatMap(splitLabelledIntro)) {
        if (!part || !part.trim()) continue;
        out.push({ line: part.trim(), indent });
        indent = 0;
      }
    }
  }
  return out;
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

  // The last bulleted item, its indent, and whether items nested under it were folded into it.
  let parent: { index: number; indent: number; nested: boolean } | null = null;
  for (const { line, indent } of logicalLines(text)) {
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
      if (!item) continue;
      // "- The following libraries are a plus:" / "    - Pandas, scikit-learn" / "    - PyTorch": the
      // items of a nested list complete the item that introduces them, and are not items of their own.
      const host = parent !== null && current.items[parent.index] !== undefined ? current.items[parent.index]! : null;
      if (parent !== null && host !== null && indent > parent.indent && (parent.nested || /:$/.test(host))) {
        current.items[parent.index] = `${host}${parent.nested ? ';' : ''} ${item.replace(/[,;.]$/, '')}`;
        parent.nested = true;
        continue;
      }
      current.items.push(item);
      parent = { index: current.items.length - 1, indent, nested: false };
      continue;
    }
    if (isHeadingLine(line) && !continuesList(line, current)) {
      flush();
      current = { heading: headingText(line), paragraphs: [], items: [] };
      parent = null;
      continue;
    }
    // Text after a list is not the list's introduction: "The ideal candidate has experience in one
    // or more of the following areas:" opens the next list, "The rate of pay is £24,000" goes on
    // with the posting. A section keeps its text in order, so what introduces a list stays last.
    if (current.items.length > 0) {
      flush();
      current = { heading: null, paragraphs: [line], items: [] };
      parent = null;
      continue;
    }
    current.paragraphs.push(line);
    parent = null;
  }
  flush();
  return sections;
}

/**
 * A page that gives its whole description as one run of text (Workday's "… key industry bodies
 * Minimum Qualifications 8-10 years of working …"): a very long paragraph that holds a posting's
 * headings in Title Case is read as flattened text is, into the sections it was flattened from.
 */
export function withRunOnSections(sections: readonly RawSection[]): RawSection[] {
  if (!Array.isArray(sections)) return [];
  let changed = false;
  const out: RawSection[] = [];
  for (const section of sections) {
    const long = section?.paragraphs?.findIndex((p: string) => typeof p === 'string' && p.length >= 1000 && GLUED_HEADING.test(p)) ?? -1;
    if (long < 0) {
      out.push(section);
      continue;
    }
    changed = true;
    const before = section.paragraphs.slice(0, long);
    out.push({ heading: section.heading, paragraphs: before, items: [] });
    for (const inner of sectionsFromText(section.paragraphs.slice(long).join('\n'))) out.push(inner);
    if (section.items.length > 0) out.push({ heading: null, paragraphs: [], items: section.items });
  }
  return changed ? out : (sections as RawSection[]);
}

