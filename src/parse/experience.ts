import type { Experience, ValueSource } from '../model/index.ts';
import { normalizeSpace, splitSentences } from './text.ts';

/*
 * Years of experience asked for. A number of years counts only where the words around it
 * are about the candidate's experience: "5+ years of experience in ML", "at least three
 * years building APIs", not "founded 10 years ago" or "10 years in business".
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
  // German, Dutch, French and Spanish, from two: their words for one are also their articles.
  zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, zehn: 10,
  twee: 2, drie: 3, vijf: 5, zes: 6, zeven: 7, tien: 10,
  deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, dix: 10,
  dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, diez: 10,
};

/** A count of years: "5", "2.5", "three", "Five (5)". */
const N = `(?:\\d{1,2}(?:\\.\\d)?|${Object.keys(NUMBER_WORDS).join('|')})(?:\\s*\\(\\d{1,2}\\))?`;
const YEARS = `(?:years?|yrs?\\.?|ans?(?![\\p{L}])|années?|jahre?n?|años?|anos?(?![\\p{L}])|anni|anno|jaar|yıl(?:lık)?)(?:'|’)?`;

/**
 * Ranges before minimums, so "3-5 years" is not read as "5 years". Each pattern captures
 * the low bound, and the high bound where there is one.
 */
const PATTERNS: ReadonlyArray<{ re: RegExp; range: boolean }> = [
  { re: new RegExp(`(?<![\\p{L}\\d.])(${N})\\s*\\+?\\s*(?:-|–|—|to|à|bis|a)\\s*(${N})\\s*\\+?\\s*${YEARS}`, 'iu'), range: true },
  { re: new RegExp(`(?:at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|minimum|min\\.?|over|more\\s+than|no\\s+less\\s+than|en\\s+az|mindestens|au\\s+moins|minimaal|al\\s+menos|pelo\\s+menos|no\\s+mínimo|mínim[oa](?:\\s+de)?)\\s+(${N})\\s*\\+?\\s*${YEARS}`, 'iu'), range: false },
  { re: new RegExp(`(?<![\\p{L}\\d.])(${N})\\s*\\+\\s*${YEARS}`, 'iu'), range: false },
  { re: new RegExp(`(?<![\\p{L}\\d.])(${N})\\s+(?:or\\s+more\\s+)?${YEARS}(?:\\s+or\\s+more)?`, 'iu'), range: false },
];

/** After the years: the candidate's experience, or doing the work ("5 years building..."). */
const ABOUT_EXPERIENCE_AFTER =
  /^[^.;]{0,60}?(?:d['’]exp[ée]rience|exp[ée]rience|Erfahrung|Berufserfahrung|experiencia|experiência|esperienza|ervaring|deneyim|tecrübe)|^[^.;]{0,60}?\b(?:experience|exp\b|expertise|background|track record|professional|industry|hands-on|working|work(?:ed)?\b|in\s+(?:a|an|the)?\s*(?:similar|related|relevant|senior|software|engineering|professional)|building|developing|designing|leading|managing|programming|coding|writing|shipping|delivering|running|as\s+an?\b|in\s+(?:machine learning|data|backend|frontend|product|sales|marketing|finance|design|software|engineering|research|[A-Z]))/i;
/** Before the years: "Experience: 3-5 years", "experience of at least 5 years". */
const ABOUT_EXPERIENCE_BEFORE = /\b(?:experience|exp\.?|expérience|erfahrung|experiencia|experiência)(?![\p{L}])[^.;]{0,30}$/iu;
/** Years that are about the company or time, not a candidate. */
const NOT_ABOUT_CANDIDATE =
  /^\s*(?:ago\b|old\b|in\s+business\b|of\s+(?:history|growth|operation|operations|success|existence|innovation)\b|in\s+the\s+(?:making|market|industry)\b|running\b|in\s+a\s+row\b|straight\b|since\b|warranty\b|contract\b|term\b|vesting\b|cliff\b|anniversary\b)/i;

function toNumber(raw: string): number | null {
  const word = raw.trim().toLowerCase().replace(/\s*\(\d+\)$/, '');
  const n = NUMBER_WORDS[word] ?? Number(word);
  return Number.isFinite(n) && n >= 0 && n <= 50 ? n : null;
}

interface Found {
  min: number;
  max: number | null;
  evidence: string;
}

/**
 * The sentence, or in run-on text with no sentence breaks (a page flattened to one line)
 * the words around the match: still verbatim, but short enough to show.
 */
function around(sentence: string, from: number, to: number): string {
  if (sentence.length <= 300) return sentence;
  const start = Math.max(0, sentence.lastIndexOf(' ', Math.max(0, from - 100)) + 1);
  const endSpace = sentence.indexOf(' ', Math.min(sentence.length, to + 120));
  return sentence.slice(start, endSpace === -1 ? sentence.length : endSpace).trim();
}

/** Where a sentence offers alternatives: "8 years of experience or 6 years with a Master's Degree". */
const ALTERNATIVES = /\s*(?:;|,?\s+\bor\b(?!\s+(?:more|above|higher|greater|equivalent|longer|so|less)\b)\s+)\s*/i;

/**
 * The smallest minimum a sentence asks for: "8 years of experience or 6 years with a Master's
 * Degree" asks 6 (GDIT). Each alternative is read on its own; one that names no experience
 * ("6 years with a Master's") counts when another in the sentence does.
 */
function readSentence(sentence: string, listedRequirement: boolean): Found | null {
  const clauses = sentence.split(ALTERNATIVES).filter(Boolean);
  if (clauses.length <= 1) return readClause(sentence, sentence, 0, listedRequirement, false);
  let offset = 0;
  const located = clauses.map((clause) => {
    const at = sentence.indexOf(clause, offset);
    offset = at + clause.length;
    return { clause, at };
  });
  const strict = located.map(({ clause, at }) => readClause(clause, sentence, at, listedRequirement, false));
  const aboutExperience = strict.some((f) => f !== null);
  let best: Found | null = null;
  located.forEach(({ clause, at }, i) => {
    const found = strict[i] ?? (aboutExperience ? readClause(clause, sentence, at, listedRequirement, true) : null);
    if (found && (best === null || found.min < best.min)) best = found;
  });
  // "5–8 years of full sales cycle or account management experience": the "or" joins two kinds
  // of the one experience, not two alternatives; read as a whole.
  return best ?? readClause(sentence, sentence, 0, listedRequirement, false);
}

/** "6 months to 1 year of hands-on experience": a span that starts in months. */
const MONTHS_TO_YEARS = new RegExp(`(?<![\\p{L}\\d.])(\\d{1,2})\\s*months?\\s*(?:-|–|—|to)\\s*(${N})\\s*${YEARS}`, 'iu');

/**
 * "a minimum of 12-18 months of commercial experience", "6+ months of experience with React": a
 * span in months alone, counted only where the word experience is said next to it (months are
 * also a contract's length, a probation, a notice period).
 */
const MONTHS = /(?<![\p{L}\d.])(\d{1,2})\s*\+?\s*(?:(?:-|–|—|to)\s*(\d{1,2})\s*\+?\s*)?months?(?:'|’)?(?![\p{L}])/iu;
const EXPERIENCE_WORD_AFTER = /^[^.;]{0,40}?\b(?:experience|expérience|erfahrung|experiencia|ervaring)\b/i;

function readMonths(clause: string, sentence: string, offset: number): Found | null {
  const m = MONTHS.exec(clause);
  if (!m) return null;
  const after = clause.slice(m.index + m[0].length);
  if (NOT_ABOUT_CANDIDATE.test(after)) return null;
  if (!EXPERIENCE_WORD_AFTER.test(after) && !ABOUT_EXPERIENCE_BEFORE.test(clause.slice(0, m.index))) return null;
  const low = Number(m[1]);
  const high = m[2] === undefined ? null : Number(m[2]);
  if (high !== null && high < low) return null;
  const years = (n: number) => Math.round((n / 12) * 100) / 100;
  return { min: years(low), max: high === null ? null : years(high), evidence: around(sentence, offset + m.index, offset + m.index + m[0].length) };
}

/**
 * Korean, Chinese and Japanese write the years as 년 / 年, after the number and with no space
 * ("경력 : 1년 이상 ~ 10년 이하", "2年以上的后台开发工作经验", "3年以上の実務経験"); the word for
 * experience (경력, 경험, 经验, 経験) anywhere in the clause says the years are the candidate's.
 */
const CJK_RANGE = /(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:년|年)?\s*(?:이상)?\s*(?:~|〜|～|-|–|至|到)\s*(\d{1,2})\s*(?:년|年)/u;
const CJK_MIN = /(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:\+\s*)?(?:년|年)\s*(?:이상|以上|或以上)?/u;
const CJK_EXPERIENCE = /경력|경험|经验|經驗|経験|工作年限/u;

function readCjk(clause: string, sentence: string, offset: number): Found | null {
  if (!/[년年]/u.test(clause) || !CJK_EXPERIENCE.test(clause)) return null;
  const range = CJK_RANGE.exec(clause);
  if (range) {
    const min = Number(range[1]);
    const max = Number(range[2]);
    if (min <= max && max <= 50) return { min, max, evidence: around(sentence, offset + range.index, offset + range.index + range[0].length) };
  }
  const m = CJK_MIN.exec(clause);
  if (!m || Number(m[1]) > 50) return null;
  return { min: Number(m[1]), max: null, evidence: around(sentence, offset + m.index, offset + m.index + m[0].length) };
}

function readClause(clause: string, sentence: string, offset: number, listedRequirement: boolean, experienceSaid: boolean): Found | null {
  const cjk = readCjk(clause, sentence, offset);
  if (cjk) return cjk;
  if (!new RegExp(YEARS, 'iu').test(clause)) return readMonths(clause, sentence, offset);
  const months = MONTHS_TO_YEARS.exec(clause);
  if (
    months &&
    (experienceSaid || ABOUT_EXPERIENCE_AFTER.test(clause.slice(months.index + months[0].length)) || ABOUT_EXPERIENCE_BEFORE.test(clause.slice(0, months.index)))
  ) {
    const max = toNumber(months[2]!);
    const min = Math.round((Number(months[1]) / 12) * 100) / 100;
    if (max !== null && min <= max) return { min, max, evidence: around(sentence, offset + months.index, offset + months.index + months[0].length) };
  }
  for (const { re, range } of PATTERNS) {
    const m = re.exec(clause);
    if (!m) continue;
    const after = clause.slice(m.index + m[0].length);
    const before = clause.slice(0, m.index);
    if (NOT_ABOUT_CANDIDATE.test(after)) return null;
    // Indeed's screener lines: "React.js: 1 year (Required)" counts; "(Preferred)" does not raise or lower the bar.
    if (/^\s*\(\s*preferred\s*\)/i.test(after)) return null;
    const screener = /^\s*\(\s*required\s*\)/i.test(after);
    // "over 10 years, we have..." / "founded 10 years ago": about the company.
    if (/\b(?:founded|established|started|launched|since|for)\s*$/i.test(before) && !ABOUT_EXPERIENCE_AFTER.test(after)) return null;
    // "5+ years in support operations, including 3+ years in advertising": a part of the larger span.
    // "certification … within 1 year of hire", "obtain a licence within two years": a deadline, not experience.
    if (/\bwithin\s*(?:the\s+first\s*)?$/i.test(before)) return null;
    // (Another pattern may still read the larger span: "8+ years of …, with at least 3+ years managing a team".)
    if (/\b(?:including|incl\.?|of which)\s*(?:at\s+least\s*)?$/i.test(before)) continue;
    // "ab einem Alter von 13 Jahren", "aged 18 years or over": an age, not experience.
    if (/(?<![\p{L}])(?:alter|age[ds]?|âge|edad|idade|leeftijd)(?:\s+(?:von|of|de|van))?\s*(?:mindestens\s+|at\s+least\s+|minimum\s+)?$/iu.test(before)) return null;
    if (/,\s*with\s*(?:at\s+least\s*)?$/i.test(before) && new RegExp(`\\d\\s*\\+?\\s*${YEARS}`, 'iu').test(sentence.slice(0, offset + m.index))) continue;
    // In a listed requirement, "4+ years of product design" can only be about the candidate.
    const aboutCandidate =
      experienceSaid ||
      screener ||
      ABOUT_EXPERIENCE_AFTER.test(after) ||
      ABOUT_EXPERIENCE_BEFORE.test(before) ||
      (listedRequirement && /^\s*(?:of|in|with|doing)\s+\p{L}/u.test(after)) ||
      // A requirement item naming the work straight after the years: "3+ years Python development", "5 years SQL".
      (listedRequirement && /^\s*(?:[\p{Lu}][\p{L}\d+#./-]*|[\p{L}-]+\s+(?:development|engineering|programming|administration|design|analysis|support|sales|management))(?![\p{L}])/u.test(after));
    if (!aboutCandidate) return null;
    const min = toNumber(m[1]!);
    if (min === null) return null;
    const evidence = around(sentence, offset + m.index, offset + m.index + m[0].length);
    if (!range) return { min, max: null, evidence };
    const max = toNumber(m[2]!);
    // "8–10+ years": the upper bound is open.
    const openEnded = /^\s*\+/.test(m[0].slice(m[0].indexOf(m[2]!, m[0].indexOf(m[1]!) + m[1]!.length) + m[2]!.length));
    if (max === null || max < min || openEnded) return { min, max: null, evidence };
    return { min, max, evidence };
  }
  return null;
}

export interface ParseExperienceOptions {
  source?: ValueSource;
  /** The lines are the items of a requirements list, where "N years of <field>" is experience. */
  requirements?: boolean;
}

/**
 * The years of experience a posting asks for. When several lines state a number, the
 * smallest minimum wins: a "7+ years preferred" next to "5+ years required" does not
 * raise the bar. Evidence is the sentence the years were read from.
 */
/** "$70k - $95k, 5+ years", "Vancouver, BC, 11+ years": a line of facts about the job, one of them the years asked. */
const FACT_YEARS = /^(\d{1,2})\s*(?:\+|(?:-|–|to)\s*(\d{1,2}))\s*(?:years?|yrs?)$/i;

function factLineYears(line: string): Found | null {
  const parts = line.trim().split(/\s*[,|•·]\s*/);
  if (line.length > 100 || parts.length < 2) return null;
  for (const part of parts) {
    const m = FACT_YEARS.exec(part);
    if (!m) continue;
    const min = Number(m[1]);
    const max = m[2] === undefined ? null : Number(m[2]);
    if (max !== null && max < min) return null;
    return { min, max, evidence: line.trim() };
  }
  return null;
}

export function parseExperience(lines: string[], options: ParseExperienceOptions = {}): Experience | null {
  if (!Array.isArray(lines)) return null;
  let best: Found | null = null;
  for (const line of lines) {
    if (typeof line !== 'string' || !/year|yr|\bans?\b|année|jahr|año|\banos?\b|anni|anno|jaar|yıl|month|년|年/i.test(line)) continue;
    const fact = factLineYears(line);
    if (fact && (best === null || fact.min < best.min)) best = fact;
    for (const sentence of splitSentences(line)) {
      const found = readSentence(normalizeSpace(sentence), options.requirements === true);
      if (found && (best === null || found.min < best.min)) best = found;
    }
  }
  if (!best) return null;
  return { yearsMin: best.min, yearsMax: best.max, evidence: best.evidence, source: options.source ?? 'prose' };
}

/** JSON-LD `experienceRequirements.monthsOfExperience` as years. */
const MAX_MONTHS = 50 * 12;

export function experienceFromMonths(months: number, evidence: string): Experience | null {
  // Beyond a working life it is not an experience requirement but a data error.
  if (typeof months !== 'number' || !Number.isFinite(months) || months < 0 || months > MAX_MONTHS) return null;
  return { yearsMin: Math.round((months / 12) * 100) / 100, yearsMax: null, evidence: String(evidence ?? ''), source: 'jsonld' };
}
