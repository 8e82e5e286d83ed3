import type { RawSection, Requirements } from '../model/index.ts';
import { BULLET, normalizeSpace, splitSentences } from './text.ts';
import { classifyHeading, DUTIES_HEADING, headingKey, isOtherHeading, OTHER_HEADING, PREFERRED_HEADING, REQUIRED_HEADING } from './requirement-headings.ts';
import { asksNothing } from './requirement-lines.ts';

export { classifyHeading, isOtherHeading };

/*
 * Requirements are read from where postings put them: the items under a heading such as
 * "Who You Are" or "Nice to have". Within a required list, an item that calls itself a
 * plus is preferred, whatever its heading says.
 */


/**
 * An item that says it is optional: "... is a strong plus", "nice to have", "Advantage: ...", "... would be
 * an important asset", "... is welcomed", "You preferably speak French"; Indonesian "... menjadi nilai
 * tambah" / "memiliki nilai lebih" (is a plus) and "Diutamakan ..." (preferred: ...).
 * "Ideally" and "preferably" make an item optional only when they open it; inside it they
 * qualify one detail ("5+ years, ideally in a startup"), as does "(AWS preferred)".
 */
const SAYS_PREFERRED =
  /\b(?:is|are|would be|will be|as)\s+(?:an?\s+)?(?:big\s+|huge\s+|strong\s+|definite\s+|nice\s+|real\s+|major\s+|added\s+|important\s+|valuable\s+|great\s+|significant\s+)?(?:plus|bonus|advantage|asset)\b|\ba\s+(?:big\s+|huge\s+|strong\s+)?plus\b|\bnice[- ]to[- ]have\b|\bbonus(?:\s+points)?\b|\bpreferred\b|^(?:ideally|preferably|tercihen|idealerweise|vorzugsweise|de préférence|preferiblemente|preferentemente|preferencialmente|de preferência|desejável|desejavel|deseable|idealmente|bij voorkeur|ưu tiên)(?![\p{L}])|\bdesirable\b|\bdesired$|\bnot required\b|\bnot mandatory\b|\bnot essential\b|\bnot (?:a )?must\b|^(?:good|nice|great)[- ]to[- ]have\b|^(?:we )?prefer\b|^(?:an?\s+)?advantage\b|\b(?:is|are|would be)\s+(?:also\s+)?(?:highly\s+|very\s+|extremely\s+)?(?:beneficial|helpful)\b|\bvon vorteil\b|\bwünschenswert\b|\bserait un plus\b|\best un plus\b|\bun atout\b|\b(?:is|zijn) een (?:plus|pluspunt|pré|voordeel|(?:mooie )?troef)(?![\p{L}])|\b(?:is|are)\s+(?:especially\s+|highly\s+|also\s+|particularly\s+)?(?:valued|valuable)\b|\bappréciée?s?$|\b(?:useful|helpful) to have\b|\b(?:is|are)\s+(?:very\s+|most\s+|also\s+|especially\s+)?welcomed\b|^you\s+(?:ideally|preferably)\s|(?<![\p{L}])(?:memiliki|menjadi|merupakan|jadi)?\s*nilai\s+(?:lebih|tambah|plus)(?![\p{L}])|^diutamakan(?![\p{L}])/iu;

/** "We'd love it if you already have ...", "It would be great if you ...": a wish, not a must. */
const WISHES = /^(?:we(?:'d|’d| would) love (?:it )?(?:if|for you to|to see)|it would be (?:great|nice|ideal) if|ideally,? you|you(?:'ve| have) ideally|tu as idéalement|vous avez idéalement|du hast idealerweise|sie haben idealerweise)(?![\p{L}])/iu;

/** "Excellent communication skills, experience with direct client interaction strongly preferred": the last clause's. */
const PREFERRED_LAST_CLAUSE = /(?<=\S(?:\s+\S+){2,}),\s+(?!or\b|and\b)[^,;.]+?(?:\s+[^\s,;]+){3,}\s+(?:strongly\s+|highly\s+)?preferred\.?$/i;
/**
 * How much of an item's end PREFERRED_LAST_CLAUSE searches. From each comma it reads to the end
 * of the item and back to its start, so a long item of commas took time growing with the square
 * of its length; a clause is a line at most, and a longer item is searched in its last part only.
 */
const LAST_CLAUSE_WINDOW = 500;

function withoutPreferredLastClause(text: string): string {
  // Whatever the clause, the item ends in " preferred": most items are passed at once.
  if (!/\spreferred\.?$/i.test(text)) return text;
  const cut = Math.max(0, text.length - LAST_CLAUSE_WINDOW);
  return text.slice(0, cut) + text.slice(cut).replace(PREFERRED_LAST_CLAUSE, ' ');
}

/** "(AWS preferred)" and "with a preferred C1 level" prefer a detail of the item, not the item. */
function withoutPreferredDetails(item: string): string {
  return withoutPreferredLastClause(
    item
      .replace(/\([^()]*\)/g, ' ')
      .replace(/\b(?:a|an|the)\s+preferred\b/gi, ' ')
      // "Proficiency in a low-level systems language, with Rust strongly preferred": the preference is the detail's.
      .replace(/,\s+(?:with|ideally|especially|particularly)\s+[^,;.]{1,60}?\s+(?:strongly\s+|highly\s+)?preferred\b/gi, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

const CLAUSE_END = /(?<=[.;!?])\s+(?=\S)/;

/** "Forklift truck experience (not essential)", "Bachelor's degree (preferred)": a bracket that is nothing but the item's class. */
const BRACKETED_PLUS =
  /\(\s*(?:not (?:essential|required|mandatory|necessary)|desirable|desired|optional|preferred|preferable|a plus|(?:an )?advantage(?:ous)?|nice[- ]to[- ]have|good[- ]to[- ]have|bonus|von vorteil|wünschenswert|souhaité|apprécié|valorizad[oa]|deseable|deseado)\s*\)\s*[.;:]?$/i;

/** "熟悉docker容器引擎技术、Node.js更佳（加分）", "…者优先": Chinese, Japanese and Korean say the plus at the item's end. */
const CJK_PLUS = /(?:更佳|更好|优先(?:考虑)?|加分(?:项)?|尚可|歓迎|우대)\s*(?:[（(][^）)]{0,10}[)）])?\s*[；;。.，,!！]*$/u;

function saysPreferred(item: string): boolean {
  // "SQL and Python (required), and R (preferred)": a bracket that names one detail's class among others is not the item's.
  if ((BRACKETED_PLUS.test(item) && !/\((?:required|must)\)/i.test(item)) || CJK_PLUS.test(item)) return true;
  const outsideBrackets = withoutPreferredDetails(item).replace(/\s*[.;!:]+$/, '');
  if (WISHES.test(outsideBrackets)) return true;
  // "Knowledge of the following libraries is a plus: Pandas…; PyTorch…": the introduction of a folded sub-list says it.
  const intro = /^([^:]{10,200}?)\s*:\s+\S/u.exec(outsideBrackets);
  if (intro && SAYS_PREFERRED.test(intro[1]!.trim())) return true;
  // "Proficiency in Python; familiarity with SQL and/or R is a strong plus": a later clause with its
  // own subject prefers an extra; the item stays required. A short tail ("...; a plus") is the item's.
  const clauses = outsideBrackets.split(CLAUSE_END);
  return clauses.some((clause, i) => SAYS_PREFERRED.test(clause) && (i === 0 || clause.split(/\s+/).length <= 5));
}


function cleanItem(item: string): string {
  return normalizeSpace(item).replace(BULLET, '').replace(/^(\*\*|__)(.*)\1$/, '$2').trim();
}

/** "**Requirements**", "Requirements:", "Nice to have:" written as a paragraph of its own. */
function pseudoHeading(paragraph: string): string | null {
  const p = paragraph.trim();
  const emphasised = /^(\*\*?|__?)([^*_].{0,79}?)\1:?$/.exec(p);
  // A bold sentence ("**Flexible time off after 30 days.**") or label line ("**Wage: $21/hour**") is text, not a heading.
  if (emphasised && !/[.!]$|:\s|\d/.test(emphasised[2]!.trim())) return emphasised[2]!;
  if (p.endsWith(':') && p.split(/\s+/).length <= 8) return p.slice(0, -1);
  return null;
}

/** Words that open requirement headings and duty headings alike ("Experience you'll gain:"). */
export const WEAK_HEADING_WORDS = /\b(?:experience|skills|minimum|basic|essential|preferred|desired|competenc\w*)\b/gi;

/**
 * A sentence that introduces a list and says what kind: "The ideal candidate for this position has
 * specific experience or expertise in one or more of the following areas:", "To be considered you
 * should have the following:", "The following skills would also be beneficial:". Longer than a
 * heading, so named by its phrases, not by a word duties share ("experience").
 */
function introductionClass(paragraph: string): Bucket | null {
  // "While much of this role is writing, … . To be successful in this role, the ideal candidate should have:": the last sentence introduces.
  const p = cleanItem(splitSentences(cleanItem(paragraph)).pop() ?? paragraph);
  if (!/:$/.test(p) || p.split(/\s+/).length > 40) return null;
  // "We're looking for a HR assistant based at Ipswich County Library to:": what the person will do.
  if (/(?<![\p{L}])who (?:can|will):$/iu.test(p)) return null;
  if (/(?<![\p{L}])to:$/iu.test(p) && !/(?<![\p{L}])(?:abilit(?:y|ies)|able|willing|prepared|need|needs|required|expected|want|wants)\s+to:$/iu.test(p)) return null;
  const key = headingKey(p);
  if (PREFERRED_HEADING.test(key)) return 'preferred';
  const strong = key.replace(WEAK_HEADING_WORDS, ' ');
  if (DUTIES_HEADING.test(key) || OTHER_HEADING.test(strong) && !REQUIRED_HEADING.test(strong)) return null;
  return REQUIRED_HEADING.test(strong) ? 'required' : null;
}

/** "Requirements: Python, SQL", "Nice to have: Rust": a label that names a list, with its content on the same line. */
const INLINE_LABEL =
  /^(?:(?:minimum |basic |key |required |preferred |additional )?(?:requirements?|qualifications?)|must[- ]haves?|nice[- ]to[- ]haves?|bonus(?: points)?|plus|preferred|desired|desirable|advantage|essential|(?:required |preferred |technical |key )?skills)$/;

/**
 * Sentences that are not an item of a list: the company's description, pay, how to apply,
 * the equal-opportunity statement. Under a heading whose list is written as plain lines,
 * the first of them ends the list.
 */
const PROSE_START =
  /^(?:we|we're|we’re|we've|we’ve|our|us|these|those|at [A-Z]\w*,|please|for (?:further|more)|to (?:learn|apply|find)|if you(?:'re|’re| are)? interested|if this sounds|thank you|thanks for|if your (?:application|profile|cv)|only (?:shortlisted|successful|selected)|if you (?:would like|want|wish|think)|please (?:email|send|submit)|send (?:us )?your cv|compensation|salary|the (?:base|total|annual|expected|estimated) (?:salary|pay|compensation)|pay range|(?:please )?note|apply|click|learn more|visit|follow us|join us|don'?t meet|wir freuen uns|bewirb dich|bewerben sie sich|das klingt|klingt das|du möchtest|sie möchten|kontakt|solliciteer|stuur (?:nu )?(?:jouw|je|uw)|herken jij|interesse\?|postulez|envoyez|vous êtes intéressé|intéressé|envíanos|postúlate|si te interesa)(?![\p{L}])/iu;
const PROSE_CONTENT = /\S \| \S.* \| \S|equal (?:employment )?opportunit|\bEEO\b|affirmative action|reasonable accommodation|discriminat|[$€£¥₹]\s?\d|\d\s?(?:USD|EUR|GBP|CAD|AUD)\b|<!--/i;

/**
 * A job's facts as boards append them after the text ("Job Type: Full-time", "Pay: Rs50,000 per
 * month", "Work Location: In person", "Lugar de trabajo: Empleo remoto"): not an item.
 */
const JOB_FACT =
  /^(?:job type|employment type|type of employment|pay|salary|compensation|work location|location|schedule|shift|benefits|application deadline|(?:expected |anticipated |proposed )?start(?:ing)? date|duration|(?:anticipated |regular )*hours(?: of work)?(?: per week)?|(?:anticipated |regular )+hours of work per week|closing date|reports? to|contract (?:length|type)|work(?:ing)? (?:hours|days|schedule)|tipo de (?:empleo|puesto|contrato)|sueldo|salario|lugar de trabajo|horario|prestaciones|jornada|duración del contrato|localidade|local de trabalho|modelo de trabalho|regime de trabalho|salário|tipo de contrato)\s*:/i;

/** "Curiosity 🤔: We're relentless in our quest…": a company's value, named and then said in its own voice. */
function isCompanyLine(item: string): boolean {
  const p = cleanItem(item).replace(/^[*_]+/, '');
  if (PROSE_START.test(p)) return true;
  const labelled = /^[^:]{2,40}:\s+(.+)$/.exec(p);
  return labelled !== null && /^(?:we|we're|we’re|we've|we’ve|our|us)(?![\p{L}])/iu.test(labelled[1]!);
}

function isProse(paragraph: string): boolean {
  const p = cleanItem(paragraph).replace(/^[*_]+/, '');
  if (isCompanyLine(p) || PROSE_CONTENT.test(p) || JOB_FACT.test(p)) return true;
  const sentences = splitSentences(p);
  if (sentences.length >= 2 && sentences.slice(1).some((s) => /^(?:our|at [A-Z]\w*,)\s/i.test(s.trim()))) return true;
  return p.length > 400 || sentences.length >= 3;
}

/**
 * A sentence that says what the candidate must have or be: "You'll have a good understanding of …",
 * "Applicants must hold a full driving licence", "It will be an advantage to be accredited …",
 * "Previous experience of … will be an advantage".
 */
const ASKING_SENTENCE =
  /^(?:also,?\s+)?(?:you(?:'ll|’ll|\s+will|\s+would|\s+should|\s+must|\s+need\s+to)?\s+(?:also\s+)?(?:need\s+to\s+)?(?:have|be|bring|hold|possess|share|demonstrate|need)\b|(?:the\s+)?(?:successful\s+|ideal\s+)?(?:candidates?|applicants?|person)\s+(?:will|must|should)\b|it\s+(?:will|would)\s+be\s+(?:an?\s+)?(?:advantage|plus|beneficial|desirable|helpful)\b)|\b(?:is|are|will\s+be|would\s+be)\s+(?:essential|required|desirable|an?\s+(?:advantage|plus|asset|bonus))\b/i;

/**
 * The sentences of a prose paragraph that ask for something, one requirement each; null when the
 * paragraph is one sentence (an item as it is) or none of its sentences asks (the company's prose).
 */
/** "College degree required, previous library experience preferred.": clauses that each say their class, one item each. */
const CLASS_AT_END = /\b(?:required|preferred|desired|desirable|essential|mandatory|a\s+plus|an\s+asset|an\s+advantage)\s*[.!]?$/i;

/** Its clauses when each says its class ("…, but not required" is one clause's tail, not a clause); else null. */
function classedClauses(sentence: string): string[] | null {
  const clauses = sentence.split(/,\s+|;\s+/).map((c) => c.trim()).filter(Boolean);
  const each = clauses.every((c) => CLASS_AT_END.test(c) && c.split(/\s+/).length >= 2 && c.split(/\s+/).length <= 15 && !/^(?:but|and|or|though|although|if)\b/i.test(c));
  return clauses.length >= 2 && each ? clauses.map((c) => c.replace(/[.;,]\s*$/, '')) : null;
}

function askingSentences(paragraph: string): string[] | null {
  const classed = new Set<string>();
  const sentences = splitSentences(cleanItem(paragraph))
    .map((s) => s.trim())
    .filter(Boolean)
    .flatMap((s) => {
      const clauses = classedClauses(s);
      for (const c of clauses ?? []) classed.add(c);
      return clauses ?? [s];
    });
  if (sentences.length < 2) return null;
  // "The preferred qualifications are a bonus, not a requirement.", "The preferred ones are a bonus.": about the lists, asking nothing.
  const aboutLists = /\b(?:qualifications?|requirements?|criteria)\s+(?:are|is)\b|\bnot a requirement\b|^(?:the|these|those)\s+(?:preferred|minimum|basic|other|following|above)\b/i;
  const asking = sentences.filter((s) => (ASKING_SENTENCE.test(s) || classed.has(s)) && !PROSE_CONTENT.test(s) && !aboutLists.test(s));
  return asking.length > 0 ? asking : null;
}

/** A line that announces the list after it: "To be considered you should have the following:". */
function isIntroduction(paragraph: string): boolean {
  const p = paragraph.trim();
  return /[:…]$|\.\.\.$/.test(p) || /\bthe following\b/i.test(p);
}

/**
 * Words that open a requirement. Where list items were run together into one line
 * ("... backend engineering You are experienced with ..."), a capitalised one of these
 * right after a lower-case word starts the next item.
 */
const ITEM_START =
  /(?<=[\p{Ll}\d)] )(?<!\b(?:a|an|the|of|in|with|or|and|to|for|by|as|at|on|from|your|our|their|its|than) )(?=(?:You|Must\s+(?:be|have|possess)|Experience|Experienced|Proven|Strong|Deep|Ability|Able|Excellent|Exceptional|Outstanding|Advanced|Working\s+knowledge|Excelled|Demonstrated|Familiarity|Familiar|Knowledge|Understanding|Thorough|Solid|Love|Passion|Passionate|Comfortable|Hands-on|Track|Expertise|Proficiency|Proficient|Exposure|Background|Previous|Prior|Fluent|Fluency|Willingness|Bachelor['’]?s|Master['’]?s|Degree|The ability|An? (?:strong|solid|deep|proven|passion|desire|track|understanding|degree)|\d+\+? years)\b)/gu;

/**
 * "Bachelor's degree in Electronics. 1 to 5 years of relevant experience. Proficiency in AutoCAD
 * and Revit. …": a list flattened into sentences, one item each, under a requirements heading.
 * Short sentences that name what is asked, not the company's prose; null when it is not one.
 */
function gluedSentences(paragraph: string, oneOfMany = false): string[] | null {
  // "ALA-accredited MLIS …; a minimum of two years' experience …; … ; and ability to work independently.":
  // a list written as one sentence, its items between semicolons. A line among many lines of a
  // list is one item already, its semicolons inside it ("…dữ liệu; thành thạo SQL; …").
  const clauses = oneOfMany ? [] : paragraph.split(/;\s+/).map((c) => c.replace(/^(?:and|or)\s+/i, '').replace(/[.;]\s*$/, '').trim());
  if (clauses.length >= 3 && clauses.every((c) => c.split(/\s+/).length <= 30 && !PROSE_START.test(c))) return clauses;
  const sentences = splitSentences(paragraph);
  if (sentences.length < 3) return null;
  const itemLike = sentences.filter((s) => s.split(/\s+/).length <= 25 && !PROSE_START.test(s.trim()) && !PROSE_CONTENT.test(s));
  // Its tail may be the company's closing words ("Thank you for your interest…"): the items come first.
  let items = 0;
  while (items < sentences.length && itemLike.includes(sentences[items]!)) items++;
  return items >= 3 ? sentences.slice(0, items) : null;
}

/**
 * An item that is several glued together, its first bullet already taken as the item's: "Formation
 * SAP- Enthousiasme, et persévérance- Sens des responsabilités". A dash glued to the word before it
 * and followed by a capital, twice or more, is where items were joined; anything else is one item.
 */
function unglued(item: string): string[] {
  if ((item.match(/\p{Ll}-\s+\p{Lu}/gu)?.length ?? 0) < 2) return [item];
  const parts = item.split(/\s?-\s+(?=\p{Lu})/u).map((p) => p.trim()).filter(Boolean);
  return parts.length >= 3 ? parts : [item];
}

/** The items of a run-on line under a requirements heading, or the line itself. */
function splitRunOn(paragraph: string): string[] {
  // A short paragraph of sentences is prose; a long run of text (a page flattened to one line) may hold sentences and glued items alike.
  if (paragraph.length < 120 || (splitSentences(paragraph).length > 1 && paragraph.length < 600)) return [paragraph];
  const parts: string[] = [];
  let carried = '';
  // A fragment too short to be an item ("You have" before "5+ years ...") opens the next one.
  for (const piece of paragraph.split(ITEM_START)) {
    const text = `${carried}${piece}`;
    if (text.trim().split(/\s+/).length < 3) carried = text;
    else {
      parts.push(text.trim());
      carried = '';
    }
  }
  // A short last item that names a qualification ("Bachelor’s degree") is one of its own.
  if (carried.trim() && parts.length > 0 && QUALIFICATION.test(carried) && carried.trim().split(/\s+/).length >= 2) parts.push(carried.trim());
  else if (carried.trim() && parts.length > 0) parts[parts.length - 1] += ` ${carried.trim()}`;
  // One split may be a capital inside an item; run-on lists show several.
  if (parts.length < 3) return [paragraph];
  return paragraph.length < 600 ? parts : parts.flatMap((part) => splitSentences(part).map((s) => s.trim()).filter(Boolean));
}

/**
 * Headings of a list of traits rather than qualifications: "You will be a great fit here if you:",
 * "About You", "You may be a good fit if...". Where a posting also has a list of what it requires
 * ("Requirements", "Our ideal candidate has:"), a reader lists that one, not the traits.
 */
const SOFT_HEADING = /\b(?:good|great|right|perfect) fit\b|\battributes for success\b|\bfit right in\b|\bpersonality\b|\b(?:key |core )?competenc(?:e|ies|y)\b|\babout you\b|\byou might be\b|\bis this you\b|\bsound like you\b|\byou(?:'ll| will| might| may)? thrive\b|\bsuccessful in this role\b|\bmakes you (?:special|unique|different)\b|\b(?:dit|wie) ben jij\b/;

/** Headings that call a list a plus without saying what else is asked: the only list may be the requirements in softer words. */
const PLUS_HEADING = /\bwould be (?:great|nice|ideal|awesome)\b|\bsets? you apart\b|\bstand out\b|\bgreat if you\b/;

/** "Terraform", "AWS", "Google Cloud Platform": a skill's name, capitalised, in three words at most. */
const SKILL_NAME = /^[\p{Lu}\d][\p{L}\d.+#/&-]*(?:\s[\p{L}\d.+#/&-]+){0,2}(?<!\.)$/u;

/** "Knowledge of MS Office applications required", "… is mandatory.", "(Required)": an item that says it must be met. */
const SAYS_REQUIRED = /(?<!\bnot\s)(?<!\bnot\s(?:strictly|absolutely)\s)\b(?:required|mandatory|a\s+must)\s*\)?\s*[.!]?$/i;

/**
 * "React.js: 1 year (Required)", "IT support: 1 year (Required)": a board's screening question
 * (Indeed appends them under "Experience"), restating the text's own lines; not an item.
 */
const SCREENER = /^[^:]{1,80}:\s*\d+(?:[.,]\d+)?\+?\s*(?:years?|months?|años?|meses)\s*\((?:required|preferred|requerido|deseable|obligatorio)\)$/i;

/** The board's screening questions that a candidate must meet ("React.js: 1 year (Required)"): not items, but they ask for years. */
export function requiredScreeners(lines: readonly string[]): string[] {
  return lines.map((line) => cleanItem(line)).filter((line) => SCREENER.test(line) && /\((?:required|requerido|obligatorio)\)$/i.test(line));
}

/** A list item that only introduces the items after it: "Bonus:", "The experience needed involves...". */
function itemLabel(item: string): string | null {
  const text = cleanItem(item);
  const label = text.replace(/\s*(?::|\.\.\.|…)$/, '');
  if (label !== text && label.split(/\s+/).length <= 8) return label;
  // "Wat mag je verwachten?" among the items: a known heading asked as a question heads what follows.
  const asked = text.replace(/\s*\?$/, '');
  return asked !== text && asked.split(/\s+/).length <= 6 && (classifyHeading(asked) !== null || isOtherHeading(asked)) ? asked : null;
}

/**
 * The label the item at `index` is, if it is one: itemLabel's, or, for a section's last item, a
 * short known heading without a colon ("- Quyền lợi được hưởng" (benefits) after "- Yêu cầu …:",
 * a list whose items are the posting's headings, with each one's lines in the next section).
 */
function labelAt(items: readonly unknown[], index: number): string | null {
  const item = items[index];
  if (typeof item !== 'string') return null;
  const label = itemLabel(item);
  if (label !== null || index !== items.length - 1) return label;
  const text = cleanItem(item);
  return text.split(/\s+/).length <= 5 && !/[.;!]$/.test(text) && isOtherHeading(text) ? text : null;
}

/**
 * "PHYSICAL REQUIREMENTS", "KEY RESPONSIBILITIES": a line in capitals that names a part of the
 * posting heads the lines after it. A line in capitals that names nothing ("SQL", "CURRENT
 * OPENINGS") is left as it is.
 */
function capitalsHeading(paragraph: string): string | null {
  const p = cleanItem(paragraph).replace(/:$/, '');
  if (p.length > 60 || /[.!?]$/.test(p) || /\p{Ll}/u.test(p) || p.split(/\s+/).length < 2 || !/\p{Lu}{2}/u.test(p)) return null;
  return classifyHeading(p) !== null || isOtherHeading(p) ? p : null;
}

type Bucket = 'required' | 'preferred';
interface Candidate {
  bucket: Bucket;
  text: string;
  soft: boolean;
  /** The list it came from, and whether that list's heading only calls it a plus ("What will set you apart"). */
  list: number;
  plusHeading: boolean;
  /** A sentence of prose that asks (askingSentences): read only where the posting lists nothing. */
  prose?: boolean;
  /** An item of a list (a bullet, a line of a list), not a paragraph. */
  listed?: boolean;
}

/** A heading that opens with its subject or verb: "We prioritize", "You can", "Our stack". */
const CLAUSE_HEADING = /^(?:we|we're|we've|we'll|you|you're|you've|you'll|our|your|they|i|it's|this|here's|let's|wir|du|sie|unser\p{L}*|nous|vous|notre|nos)(?![\p{L}'])/u;

/**
 * A heading that speaks to the reader or about the company mid-phrase ("Some details you should
 * know", "If you are interested, email us at … with"): a remark, not the topic name of a list's part.
 */
const SENTENCE_HEADING = /(?<![\p{L}'])(?:you|your|we|us|our)(?![\p{L}'])|^(?:if|please|when|for more)(?![\p{L}])|@/u;

/**
 * What a qualification says, in the words postings use across languages: experience, knowledge,
 * a degree or training, a licence, a skill or trait, "you have". An item with none of these is a
 * duty, an offer or a fact of the job.
 */
const QUALIFICATION =
  /\b(?:experience[ds]?|knowledge|familiar(?:ity)?|proficien\w*|fluen(?:t|cy)|degree|bachelor'?s?|master'?s|diploma|certifi\w*|licen[cs]e[ds]?|qualifi\w*|skills?|abilit(?:y|ies)|able to|understanding of|background in|track record|expertise|you (?:have|are|bring)|must (?:have|be)|\d+\+?\s*(?:years?|yrs))\b|(?<![\p{L}])(?:\p{L}*erfahrung\p{L}*|\p{L}*kenntnis\p{L}*|\p{L}*ausbildung|\p{L}*studium|\p{L}*examen|abgeschlossen\p{L}*|lust (?:an|auf)|abschluss|\p{L}*fähigkeit\p{L}*|\p{L}*vermögen|\p{L}*bewusstsein|führerschein|freude (?:am|an)|bereitschaft|ervaring|kennis|opleiding|rijbewijs|je (?:bent|hebt|beschikt)|vaardig\p{L}*|expérience|connaissances?|diplômée?|maîtrise|permis|vous (?:avez|êtes|maîtrisez)|capacité|experiencia|experiência|conocimientos?|conhecimentos?|titulación|formação|licenciatura|dominio|esperienza|conoscenz\p{L}*|laurea|erfaring|erfarenhet|kunnskap\p{L}*|kunskap\p{L}*|utdanning|utbildning|førerkort|körkort|kokemus\p{L}*|osaami\p{L}*|tutkinto|tecrübe\p{L}*|deneyim\p{L}*|mezun\p{L}*|bilgi\p{L}*|sahibi|doświadczeni\p{L}*|znajomość|wykształceni\p{L}*)(?![\p{L}])|经验|熟悉|精通|掌握|学历|本科|경력|경험|経験|資格|(?:olan|bilen|abilen|ebilen|abilecek|ebilecek|[mM][ıiuü]ş|yatkın|eden)[,.;]?$/iu;

/**
 * Whether a section under a neutral topic heading is a list of qualifications right before a
 * required one: its lines (bullets, or one-line paragraphs) at least two, half or more of them
 * qualifications, none the company's prose, and the next section headed as a topic of what is required.
 */
function precedesRequired(section: RawSection, next: RawSection | undefined): boolean {
  if (!next?.heading || classifyHeading(next.heading) !== 'required' || next.items.length + next.paragraphs.length === 0) return false;
  if (SENTENCE_HEADING.test(headingKey(next.heading)) || SENTENCE_HEADING.test(headingKey(section.heading ?? ''))) return false;
  const lines = [...section.items, ...section.paragraphs].filter((l): l is string => typeof l === 'string' && cleanItem(l) !== '');
  if (lines.length < 2 || lines.some((l) => isCompanyLine(l) || splitSentences(cleanItem(l)).length > 1)) return false;
  return lines.filter((l) => QUALIFICATION.test(cleanItem(l))).length * 2 >= lines.length;
}

/** "Java", "C#", "Big Data", "Web/Mobile Development": a short name on a line of its own, not a sentence or a heading. */
function isShortName(line: unknown): line is string {
  if (typeof line !== 'string') return false;
  const text = cleanItem(line);
  return text !== '' && text.split(/\s+/).length <= 5 && !/[.!?:;]$/.test(text) && /^[\p{Lu}\d]/u.test(text) && classifyHeading(text) === null && !isOtherHeading(text);
}

/**
 * "Proficient in at least two of the following programming languages:" and then "Java", "Python",
 * "C#" each on a line of its own: the names complete the item that introduces them, as a nested
 * list's items do, and are not items of their own. Only after a long introduction (more than eight
 * words, so not a heading) ending with a colon, and only two names or more.
 */
function foldedNameLists(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i]!;
    if (typeof paragraph === 'string' && /:\s*$/.test(paragraph) && paragraph.trim().split(/\s+/).length > 8) {
      let j = i + 1;
      while (j < paragraphs.length && isShortName(paragraphs[j])) j++;
      if (j - i - 1 >= 2) {
        out.push(`${paragraph.trim()} ${paragraphs.slice(i + 1, j).map((name) => cleanItem(name)).join(', ')}`);
        i = j - 1;
        continue;
      }
    }
    out.push(paragraph);
  }
  return out;
}

/** "Responsibilities", "Duties", "Key responsibilities": a heading that names the duties, and nothing else. */
const DUTIES_NAME = /^(?:(?:key|main|primary|your|job|role)\s+)?(?:responsibilities|duties)$/;

/** Headings over the whole text of a posting ("Job Description", "Description"): a list under one may be anything. */
const BODY_HEADING = /^(?:job |role |position )?(?:description|details|summary)$/;

/**
 * A list that no heading names but whose items read as qualifications ("Je bent in het bezit van
 * een HBO-diploma", "Üretim sektöründe en az 3 yıl tecrübesi olan", "abgeschlossene
 * Berufsausbildung"): postings that lost their headings, or never wrote one. Read only when no
 * headed list gave what the posting asks for; the list most of whose items are qualifications wins.
 */
function unheadedList(sections: readonly RawSection[]): string[] | null {
  let best: { items: string[]; share: number } | null = null;
  for (const section of sections) {
    if (!section || !Array.isArray(section.items) || section.items.length < 3) continue;
    const heading = section.heading ?? '';
    const key = headingKey(heading);
    // "RESPONSIBILITIES" over "5+ years working on software development", "The ability to create …",
    // "Solid experience with …": a list misnamed as duties, every line of it a qualification.
    const misnamed = heading !== '' && DUTIES_NAME.test(key);
    if (heading && !misnamed && (classifyHeading(heading) !== null || (isOtherHeading(heading) && !BODY_HEADING.test(key)))) continue;
    const items = section.items.filter((i): i is string => typeof i === 'string' && cleanItem(i) !== '');
    if (items.length < (misnamed ? 4 : 3)) continue;
    const share = items.filter((i) => QUALIFICATION.test(cleanItem(i))).length / items.length;
    if (share >= (misnamed ? 0.85 : 0.6) && (best === null || share > best.share)) best = { items, share };
  }
  if (best) return best.items;
  // "You will have a PhD in …; Demonstrative theoretical understanding …; appropriate publication
  // record …": the requirements as one sentence that says it asks, its items between semicolons.
  for (const section of sections) {
    for (const paragraph of Array.isArray(section?.paragraphs) ? section.paragraphs : []) {
      if (typeof paragraph !== 'string' || !ASKS.test(paragraph.trim())) continue;
      const clauses = paragraph.split(/;\s+/).map((c) => c.replace(/^(?:and|or)\s+/i, '').replace(/[.;]\s*$/, '').trim()).filter(Boolean);
      if (clauses.length >= 3 && clauses.every((c) => c.split(/\s+/).length <= 40)) return clauses;
    }
  }
  return null;
}

/** A sentence that opens by saying what a candidate must have. */
const ASKS = /^(?:you\s+will\s+(?:have|need|bring)|you(?:'ll|’ll)\s+(?:have|need|bring)|applicants?\s+(?:must|should|will)\s+(?:have|hold|possess)|candidates?\s+(?:must|should|will)\s+(?:have|hold|possess)|the\s+(?:successful|ideal)\s+(?:candidate|applicant)\s+(?:will|must|should)\s+(?:have|hold|possess))\b/i;

/** The required and preferred qualifications stated under headings (or bold pseudo-headings), deduplicated; or, with none, an unheaded list of them. */
export function extractRequirements(sections: RawSection[]): Requirements {
  const { promoted, ...headed } = headedRequirements(sections);
  if ((headed.required.length > 0 && !promoted) || !Array.isArray(sections)) return headed;
  const list = unheadedList(sections);
  if (!list) return headed;
  const required: string[] = [];
  // The only headed list called a plus ("It will be great if you also know") stays a plus beside the list found.
  const preferred = promoted ? [...headed.required, ...headed.preferred] : [...headed.preferred];
  const seen = new Set([...preferred.map((p) => p.toLowerCase())]);
  for (const raw of list) {
    const item = cleanItem(raw);
    if (!/\p{L}/u.test(item) || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    (saysPreferred(item) ? preferred : required).push(item);
  }
  return { required, preferred };
}

function headedRequirements(sections: RawSection[]): Requirements & { promoted: boolean } {
  let candidates: Candidate[] = [];
  // A requirements heading over nothing but sub-headings ("Requirements" > "You've Done This
  // Before:"), or over a plain list that sub-headings continue ("Your attitudes we value:" >
  // "Cloud & DevOps"), lends its class to the neutral headings of plain lists after it.
  let group: Bucket | null = null;
  // Whether the group's heading stood over nothing but sub-headings: then any sub-heading goes on with it.
  let groupOverHeadings = false;
  let lists = 0;
  // "- Yêu cầu đối với ứng viên:" as a section's last item, its lines in the next section: a
  // label that ends a list heads the unheaded lines after it.
  let carried: string | null = null;
  let lastClass: Bucket | null = null;
  const all = Array.isArray(sections) ? sections : [];
  for (const [index, section] of all.entries()) {
    if (!section || !Array.isArray(section.paragraphs) || !Array.isArray(section.items)) continue;
    const heading = section.heading ?? carried ?? '';
    const lastLabel = labelAt(section.items, section.items.length - 1);
    carried = lastLabel !== null && (classifyHeading(lastLabel) !== null || isOtherHeading(lastLabel)) ? lastLabel : null;
    let own: Bucket | null = heading ? classifyHeading(heading) : null;
    // "Recommended" > "Experience with:": a heading named only by a word every list shares goes on with the list before it.
    if (own !== null && lastClass !== null && classifyHeading(heading.replace(WEAK_HEADING_WORDS, ' ')) === null && !/^(?:preferred|desired|minimum|basic|essential)\b/i.test(heading.trim())) own = lastClass;
    const neutral: boolean = heading !== '' && own === null && !isOtherHeading(heading);
    const empty = section.paragraphs.length + section.items.length === 0;
    // The company's own lines ("We are client first: ...", "Our values are ...") are not a list of requirements.
    const companyLines = section.items.length > 0 && section.items.filter((item) => isCompanyLine(item)).length * 2 > section.items.length;
    const plainList = section.paragraphs.length === 0 && section.items.length > 0 && !companyLines;
    let sectionClass: Bucket | null = own;
    // After a requirements list, a heading that is a clause of its own ("We prioritize", "You can",
    // "You'll have access to") starts another part of the posting; the group goes on only under
    // topic names ("Cloud & DevOps"). Under a heading with nothing of its own ("What We're Looking
    // For:" > "You Think in Systems:"), the sub-headings are its parts, whatever their form.
    const clauseHeading: boolean = neutral && !groupOverHeadings && (CLAUSE_HEADING.test(headingKey(heading)) || SENTENCE_HEADING.test(headingKey(heading)));
    if (neutral) {
      // A neutral heading goes on with the list before it when its lines read as what is asked: a
      // qualification, or a short name of a skill ("Terraform", "AWS"); not duties or an offer.
      const qualLike: boolean =
        empty || groupOverHeadings || section.items.filter((i) => typeof i === 'string' && (QUALIFICATION.test(cleanItem(i)) || SKILL_NAME.test(cleanItem(i)))).length * 2 >= section.items.length;
      sectionClass = (plainList || empty) && !clauseHeading && qualLike ? group : null;
      // "Collaboration & Problem Solving" > lines, then "Technical Skills" > lines: a topic named
      // before the requirements heading it sits beside, its lines qualifications, is one of its lists.
      if (sectionClass === null && !clauseHeading && precedesRequired(section, all[index + 1])) sectionClass = 'required';
      if (sectionClass === null) group = null;
    } else {
      group = own !== null && (empty || plainList) ? own : null;
      groupOverHeadings = group !== null && empty;
    }
    let current: Bucket | null = sectionClass;
    let soft = SOFT_HEADING.test(headingKey(heading));
    let list = ++lists;
    let plusHeading = PLUS_HEADING.test(headingKey(heading));
    const add = (bucket: Bucket, text: string) => candidates.push({ bucket, text, soft, list, plusHeading });
    let sawPseudoHeading = false;
    // Lines of a list written without bullets: a sentence of prose after them ends the list.
    let listed = 0;
    let listEnded = false;
    const paragraphs = foldedNameLists(section.paragraphs);
    // An introduction with the names it introduces folded in is an item, not an introduction.
    const folded = new Set(paragraphs.filter((p) => !section.paragraphs.includes(p)));
    for (const paragraph of paragraphs) {
      if (typeof paragraph !== 'string') continue;
      const capitals = capitalsHeading(paragraph);
      const pseudo = capitals ?? pseudoHeading(paragraph);
      // A long introduction of the list that follows it ("The ideal candidate … in one or more of the following areas:").
      const intro = pseudo === null && section.items.length > 0 && paragraph === paragraphs[paragraphs.length - 1] ? introductionClass(paragraph) : null;
      if (intro !== null) {
        current = intro;
        // Under a heading that names traits and no list ("What Makes You Special"), "Our ideal candidate:" introduces traits still.
        soft = own === null && SOFT_HEADING.test(headingKey(heading));
        list = ++lists;
        plusHeading = PLUS_HEADING.test(headingKey(paragraph));
        sawPseudoHeading = true;
        listed = 0;
        listEnded = true;
        continue;
      }
      if (pseudo !== null) {
        const pseudoClass = classifyHeading(pseudo);
        // A neutral introduction ("You will need:") leaves the list's class as it is; beside a
        // list, it is that list's introduction, and the lines after it follow the list.
        const neutralIntro = pseudoClass === null && !isOtherHeading(pseudo);
        if (!neutralIntro) {
          current = pseudoClass;
          soft = SOFT_HEADING.test(headingKey(pseudo));
          list = ++lists;
          plusHeading = PLUS_HEADING.test(headingKey(pseudo));
        }
        sawPseudoHeading = true;
        listed = 0;
        listEnded = neutralIntro && section.items.length > 0;
        continue;
      }
      const inline = /^([^:]{2,40}):\s+(.+)$/.exec(paragraph);
      const inlineClass = inline && INLINE_LABEL.test(headingKey(inline[1]!)) ? classifyHeading(inline[1]!) : null;
      if (inline && inlineClass) {
        add(inlineClass, inline[2]!);
        continue;
      }
      // Paragraphs under a requirements heading are requirements only when there is no list:
      // next to a list they are its introduction ("You'll thrive here if you have:").
      if (!current || listEnded || (!sawPseudoHeading && section.items.some((i, n) => typeof i === 'string' && labelAt(section.items, n) === null && !JOB_FACT.test(cleanItem(i))))) continue;
      // "- Formation SAP- Enthousiasme- Autonomie": a paragraph that opens with a bullet may be a list whose breaks were lost.
      const bulleted = /^[-–•]\s+/u.exec(paragraph.trim());
      const inlineList = bulleted ? unglued(paragraph.trim().slice(bulleted[0].length)) : null;
      const glued = (inlineList && inlineList.length > 1 ? inlineList : null) ?? gluedSentences(paragraph, section.paragraphs.length >= 5);
      const runOn = glued ?? splitRunOn(paragraph);
      // "About you: You will share our values … . You'll have a good understanding of … . It will be an
      // advantage to …": with no list under the heading, the requirements are its sentences that ask.
      const asking = runOn.length === 1 && section.items.length === 0 ? askingSentences(paragraph) : null;
      if (asking !== null) {
        for (const sentence of asking) candidates.push({ bucket: current, text: sentence, soft, list, plusHeading, prose: true });
        listed++;
        continue;
      }
      if (runOn.length === 1 && isProse(paragraph)) {
        if (listed > 0) listEnded = true;
        continue;
      }
      if (isIntroduction(paragraph) && !folded.has(paragraph)) continue;
      for (const item of runOn) add(current, item);
      listed++;
    }
    let itemClass: Bucket | null = sawPseudoHeading ? current : sectionClass;
    lastClass = itemClass;
    for (const [n, item] of section.items.entries()) {
      if (typeof item !== 'string') continue;
      const label = labelAt(section.items, n);
      if (label !== null) {
        // "<li>Bonus:</li>" heads the items after it; an introduction is not an item itself.
        if (classifyHeading(label) !== null || isOtherHeading(label)) {
          itemClass = classifyHeading(label);
          soft = SOFT_HEADING.test(headingKey(label));
          list = ++lists;
          plusHeading = PLUS_HEADING.test(headingKey(label));
        }
        continue;
      }
      if (itemClass && !companyLines) for (const part of unglued(item)) candidates.push({ bucket: itemClass, text: part, soft, list, plusHeading, listed: true });
    }
  }

  // A posting states what it asks for. Where every list is headed as a plus ("What will set you
  // apart" alone; "Would be great if you brought this" and then "Would be nice if you have these
  // too"), the first is what it asks for, in softer words.
  const firstPlus = candidates.find((c) => c.bucket === 'preferred');
  const promoted = !candidates.some((c) => c.bucket === 'required') && firstPlus?.plusHeading === true;
  if (promoted) {
    for (const c of candidates) if (c.list === firstPlus!.list) c.bucket = 'required';
  }
  // Sentences of prose that ask are the requirements of a posting that lists none; beside a list they restate it.
  if (candidates.some((c) => c.listed)) candidates = candidates.filter((c) => !c.prose);
  const hardRequired = candidates.some((c) => c.bucket === 'required' && !c.soft);
  const required: string[] = [];
  const preferred: string[] = [];
  const seen = new Set<string>();
  let last: { list: string[]; index: number } | null = null;
  for (const { bucket, text, soft } of candidates) {
    if (soft && hardRequired) continue;
    const item = cleanItem(text);
    // "Or, alternatively, a Master's degree ...": the other way to meet the item before it.
    if (/^or\b/i.test(item) && last !== null) {
      last.list[last.index] += ` ${item}`;
      continue;
    }
    if (!item || !/\p{L}/u.test(item) || item.startsWith('<!--') || /^#\S+$/.test(item) || SCREENER.test(item) || JOB_FACT.test(item) || asksNothing(item)) continue;
    const key = item.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    // Either way: "… is a plus" in a required list is preferred, "Knowledge of MS Office applications required" in a preferred list is required.
    const target = bucket === 'required' && saysPreferred(item) ? 'preferred' : bucket === 'preferred' && SAYS_REQUIRED.test(item) && !saysPreferred(item) ? 'required' : bucket;
    const list = target === 'required' ? required : preferred;
    list.push(item);
    last = { list, index: list.length - 1 };
  }
  return { required, preferred, promoted };
}
