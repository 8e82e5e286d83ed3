import { annualise, type PayPeriod, type SalaryRange, type ValueSource } from '../model/index.ts';
import { CURRENCY_CODES, findMoneyTokens, type MoneyToken } from './money.ts';
import { isJurisdiction } from './remote.ts';
import { decodeEntities, splitSentences } from './text.ts';

/*
 * Pay ranges in posting text. Each sentence is scanned for amounts (money.ts), amounts
 * are paired into ranges across a dash, "to" or nothing at all, and each range is then
 * judged: is it pay at all, for which period, for which zone, base or OTE, the
 * employer's figure or a board's estimate.
 */

// ---------------------------------------------------------------------------------------
// Periods

const UNITS: Record<PayPeriod, string> = {
  hour: 'hours?|hrs?|heures?|stunden?|horas?',
  day: 'days?|jours?|tag|dias?|días?',
  week: 'weeks?|wks?|semaines?|wochen?|semanas?',
  month: 'months?|mos?|mths?|mês|mes|mois|monat',
  year: 'years?|yrs?|annum|años?|anos?|jahr',
};
const ADVERBS: Record<PayPeriod, string> = {
  hour: 'hourly|an hour|per hour|tunnissa|na godzinę|per uur|pro stunde|stündlich',
  // "TJM : entre 500€ et 700€" (taux journalier moyen), "Day rate: £450", "Tagessatz": a freelancer's rate is by the day.
  day: 'daily|a day|per day|day rate|tjm|taux journaliers?(?:\\s+moyens?)?|journali[eè]re?|tagessatz',
  week: 'weekly|a week|per week',
  month: 'monthly|mensal|mensuel|mensuelle|mensuellement|mensual|mensile|mensili|al mese|maandelijks|monatlich|a month|per month|kuukaudessa|miesięcznie|per maand|pro monat|im monat|i månaden|per måned',
  year: 'annually|annual|yearly|anual|annuel|annuelle|annui|annua|all.anno|jaarlijks|jährlich|a year|per year|per annum|p\\.\\s?a\\.|vuodessa|rocznie|per jaar|pro jahr|im jahr',
};
const PERIODS = Object.keys(UNITS) as PayPeriod[];

/** Right after an amount: "/hr", " per hour", " a year", " Annually", "/mês", "/h". */
const PERIOD_AFTER = PERIODS.map((period) => ({
  period,
  re: new RegExp(
    `^\\s*(?:\\/\\s*(?:${UNITS[period]}|${period[0]})|(?:per|a|an|each|every|por|pro|par|al|au|for\\s+the)\\s+(?:${UNITS[period]})|\\(?(?:${ADVERBS[period]})\\)?)(?![\\p{L}])`,
    'iu',
  ),
}));

/** In the words before a range: "The annual US base salary", "the Canada hourly range". */
const PERIOD_WORD = new RegExp(
  PERIODS.map((p) => `(?<${p}>(?<![\\p{L}])(?:${ADVERBS[p]})(?![\\p{L}]))`).join('|'),
  'giu',
);

function periodRightAfter(text: string, at: number): { period: PayPeriod; end: number } | null {
  const rest = text.slice(at, at + 24);
  for (const { period, re } of PERIOD_AFTER) {
    const m = re.exec(rest);
    if (m) return { period, end: at + m[0].length };
  }
  return null;
}

/** Chinese, Japanese and Korean name the period in the pay word itself: 年収 / 年薪 / 연봉 a year, 月給 / 月薪 / 월급 a month, or in a word before the figure (月額, 월). */
const CJK_PERIOD: ReadonlyArray<readonly [RegExp, PayPeriod]> = [
  [/年収|年俸|年薪|年額|연봉|(?<![\p{L}])연(?=\s)/u, 'year'],
  // "급여: 월 정액 30만원": 월 alone ("a month", 매월 "every month") before the figure, as 월급 is.
  [/月給|月収|月薪|月額|월급|매월|(?<![\p{L}])월(?=\s)/u, 'month'],
  [/時給|时薪|시급/u, 'hour'],
  [/日給|日薪|일급/u, 'day'],
];

function lastPeriodWord(text: string): PayPeriod | null {
  let found: PayPeriod | null = null;
  let at = -1;
  for (const [re, period] of CJK_PERIOD) {
    const m = re.exec(text);
    if (m && m.index > at) {
      at = m.index;
      found = period;
    }
  }
  if (found) return found;
  PERIOD_WORD.lastIndex = 0;
  for (let m = PERIOD_WORD.exec(text); m !== null; m = PERIOD_WORD.exec(text)) {
    const hit = PERIODS.find((p) => m!.groups?.[p] !== undefined);
    if (hit) found = hit;
  }
  return found;
}

/** More than any salary in a currency of the dollar's scale: a period that gives more was misread. */
const MAX_PLAUSIBLE_ANNUAL = 5_000_000;

/** With no period written, the size of the amount is the best guess: salaries are yearly, small amounts hourly. */
function periodBySize(max: number, currency: string): PayPeriod {
  if (max <= 500) return 'hour';
  // Latin American postings quote pay by the month ("Sueldo: $38,000" in Mexico City is pesos a month).
  if (MONTHLY_QUOTED.has(currency)) return 'month';
  if (max >= 15000) return 'year';
  return 'month';
}

/** Currencies whose postings state pay by the month when they state no period. */
const MONTHLY_QUOTED = new Set(['MXN', 'BRL', 'ARS', 'COP', 'PEN', 'CLP', 'UYU']);

// ---------------------------------------------------------------------------------------
// What is and is not pay

/** A separator between two bounds. "and" only after "between". */
const RANGE_SEPARATOR = /^\s*(?:[-–—−‒―~〜～]|to|bis|até|a|至|到)\s*$/i;

/** Words that make an amount something other than pay when they name it: "a $10k signing bonus", "raised $50M". */
const NOT_PAY = /(?<![\p{L}])(?:bonus(?:es)?|sign(?:ing|-on)|budgets?|reimburse\w*|credits?|match(?:ing|ed)?|grants?|equity|stock|RSUs?|options|relocation|fund(?:s|ing|ed)?|rais(?:e|ed|es|ing)|revenues?|turnover|profits?|billions?|trillions?|bn|AUM|capitali[sz]ation|payments|sales|valuation|valued|ARR|ACVs?|TCV|off|discounts?|discounted|rent|tickets?|vouchers?|restaurant|deal\s+sizes?|quotas?|pipeline|GMV|invest\w*|round|series|customers?|users?|loans?|fees?|deposits?|prizes?|awards?|referrals?|savings?|saves?|saved|worth|market|assets|transactions?|volume|process(?:ed|es)?|spend|donat\w*|insurance|coverage|contribut(?:e|es|ed|ing|ions?)|differentials?|HRA|HSA|FSA|fertility|adoption|surrogacy)(?![\p{L}])/iu;

/** Stipends and allowances are pay when they are what the person lives on, not when earmarked for a purpose. */
const ALLOWANCE = /(?<![\p{L}])(?:allowances?|stipends?|per diem|bolsa)(?![\p{L}])/iu;
const EARMARK = /(?<![\p{L}])(?:learning|education(?:al)?|training|development|conference|books?|meals?|food|lunch|phone|mobile|internet|cell|office|equipment|wellness|well-being|wellbeing|gym|fitness|health|commut\w*|transport\w*|travel|relocation|childcare|co-?working|tech(?:nology)?|home|setup|hardware|car|parking|remote work|work from (?:anywhere|home)|overtime|night|shift|benefits?|perks?)(?![\p{L}])/iu;

/** More lone, unnamed amounts than a posting states pay in: a list of prices. */
const MAX_UNNAMED_AMOUNTS = 4;

/** What comes with a salary, after it: "£67,000, annual bonus and share options", "$150k + equity". */
const COMES_WITH_PAY = /^[\s,+&]*(?:plus\s+|and\s+|with\s+|\+\s*)?(?:an?\s+)?(?:annual\s+|yearly\s+|performance\s+|target\s+|significant\s+|generous\s+|meaningful\s+|competitive\s+)?(?:bonus|equity|share\s+options|stock\s+options|RSUs?|commission|superannuation|super|pension|benefits)\b/i;

/** A reason to believe a lone amount is pay, when it is not part of a range. */
/** A pay word shortly before an amount: "Salary: ", "Pay rate is ", "starting wage of ". */
const PAY_LABEL_BEFORE = /(?<![\p{L}])(?:salary|pay|wages?|compensation|remuneration|remuneração|stipend|rate|gehalt|salaire|salário|salario|sueldo|retribuzione|stipendio)(?![\p{L}])[^.;$€£\d]{0,30}$/iu;

const PAY_WORD = /(?<![\p{L}])(?:salary|salaries|pay|paid|compensation|comp|wages?|rate|earn(?:s|ings)?|OTE|CTC|base|remuneration|rémunération|stipend|allowance|bolsa|income|range|gehalt|palkka|palkkaus|wynagrodzenie|pensja|salaris|lön|lønn|løn|salario|salário|vencimento|ordenado|retribuição|remuneração|remuneracao|salaire|sueldo|remuneración|retribución|lohn|stipendio|retribuzione|RAL)(?![\p{L}])|給与|給料|年収|年俸|月給|月収|時給|日給|薪资|薪酬|年薪|月薪|工资|底薪|연봉|급여|월급|시급/iu;

const OTE = /(?<![\p{L}])(?:OTE|on[- ]target[- ](?:earnings|compensation|comp|pay|income))(?![\p{L}])/iu;
/** "$230,000 to $250,000, with a 60/40 split": base and variable pay together, so on-target earnings. */
/** "Total compensation up to", "total target cash of": the whole pay, base and variable. */
const TOTAL_PAY = /\btotal\s+(?:target\s+)?(?:compensation|comp|cash(?:\s+compensation)?|earnings|pay)\b[^$€£\d.;]{0,20}$/i;
const PAY_SPLIT = /^[^.;]{0,20}?(?:\b\d{2}\s*\/\s*\d{2}\s+split\b|\b\d{2}%\s*base\s*\/\s*\d{2}%\s*variable\b)/i;

/**
 * A sentence saying the posting's range is on-target earnings, wherever it stands: "The
 * compensation range indicated in this posting reflects the On-Target Earnings (OTE)".
 */
/** Titles of roles paid on commission: "Account Executive", "Sales Development Representative", "Account Manager". */
const SALES_TITLE = /\b(?:account\s+(?:executive|manager|director)|sales|business\s+development|(?:sdr|bdr|ae)\b)/i;

export function saysRangeIsOte(text: string, title: string | null = null): boolean {
  return splitSentences(text).some((s) => {
    if (!/\b(?:range|salary|compensation|pay)\b[^.;\n]{0,60}\b(?:reflects?|is|are|represents?|indicates?|shows?)\b[^.;\n]{0,20}(?:\bOTE\b|\bon[- ]target[- ]earnings\b)/i.test(s)) return false;
    // "For sales roles, the range provided is the role's On Target Earnings": a rule for sales roles,
    // which holds when this posting is one ("Account Executive"), not for an engineer's.
    if (/\b(?:for|in)\s+(?:sales|commission\w*|quota[- ]carrying)\b[^.;]{0,20}\broles?\b/i.test(s)) return title !== null && SALES_TITLE.test(title);
    return !/\b(?:for|in)\s+(?:some|certain)\b[^.;]{0,20}\broles?\b|\bif\b|\bwhere applicable\b/i.test(s);
  });
}

/** A board's own estimate: "(LinkedIn est.)", "Glassdoor est.", Indeed's "Estimated" tag. The employer's "(Employer est.)" is not. */
const BOARD_ESTIMATE = /(?<![\p{L}])(?:linkedin|glassdoor|indeed|ziprecruiter|built ?in|levels\.fyi|wellfound|otta|simplyhired|monster|talent\.com)(?![\p{L}])[^.;\n]{0,12}?\best(?:\.|imated?\b)|\((?!employer)(?:[\p{L}.]+\s+)?est(?:\.|imated?)\)|(?:^|[(\[•·|]\s*)estimated(?:\s+(?:pay|salary|base))?\s*(?:[:)\]]|(?=\s*[$€£¥₹\d]))/iu;

/** The few words naming what an amount is, up to the nearest break: "annual learning stipend", "in our Series B". */
function phraseAfter(text: string): string {
  // "$30-50k+ ACV": a plus mark on the number is "or more"; " + Equity" after a space is "and".
  return text.replace(/^\+(?=\s)/, '').split(/[,;.+(•·|]|\s(?:plus|and|or|with|\+)\s/i)[0]!.slice(0, 60);
}

function phraseBefore(text: string): string {
  // "Work from anywhere allowance (JPY100,000)": the words before the bracket name the amount.
  const parts = text.replace(/\(\s*(?:[~≈]|up\s+to|about|approx\.?|approximately)?\s*$/i, '').split(/[,;(•·|+]|\s(?:plus|and|or|with)\s/i);
  return parts[parts.length - 1]!.split(/\s+/).slice(-6).join(' ');
}

/** "$1,000/month for gym membership and food": an amount earmarked for something is a perk. */
const FOR_A_PURPOSE = new RegExp(String.raw`^\s*(?:for|towards?)\s+(?:your\s+|a\s+|the\s+)?(?:\p{L}+\s+)?` + EARMARK.source, 'iu');

/** "You may also earn an additional:", "Shift differentials:": what the amounts listed next are added for. */
const ADD_ON_INTRO = /(?:\b(?:earn|receive|get|eligible\s+for)\s+(?:an?\s+)?(?:additional|extra)\b|\bdifferentials?\b|\badd-?ons?\b)[^:\d]{0,40}:?\s*$/i;

/** "we'll pay you $1,000 for your efforts" (a paid trial day), "$500 for the take-home": paid once, for one piece of work. */
const ONE_OFF = /^\s*(?:for\s+(?:your|the|this)\s+(?:efforts?|time|trial|work\s*day|day|take[- ]home|assignment|participation|interview|task))(?![\p{L}])/iu;

/** "lift materials weighing approximately 25-75 pounds", "carry up to 50 pounds": a weight, as US postings' physical demands give it. */
const WEIGHT = /(?<![\p{L}])(?:lift(?:s|ed|ing)?|carry(?:ing)?|carries|weigh(?:s|ing|t)?|push(?:ing)?|pull(?:ing)?|haul(?:ing)?|loads?)(?![\p{L}])/iu;

function namesSomethingElse(phrase: string): boolean {
  if (ONE_OFF.test(phrase) || WEIGHT.test(phrase)) return true;
  // "Eligible to earn (not guaranteed): ~$100K within first 14 months": a projection, not pay.
  if (NOT_PAY.test(phrase) || FOR_A_PURPOSE.test(phrase) || /\bnot\s+guaranteed\b/i.test(phrase)) return true;
  return ALLOWANCE.test(phrase) && EARMARK.test(phrase);
}

// ---------------------------------------------------------------------------------------
// Labels

/** Words that say "this is pay" without naming whom it is for. */
const PAY_HEADER_WORDS = new Set([
  'annual', 'annually', 'base', 'hiring', 'hourly', 'monthly', 'yearly', 'pay', 'salary', 'salaries', 'compensation', 'comp', 'range', 'ranges',
  'rate', 'rates', 'band', 'total', 'target', 'ote', 'on-target', 'earnings', 'ctc', 'wage', 'wages', 'starting', 'estimated', 'expected',
  'gross', 'package', 'remuneration', 'bolsa', 'auxílio', 'auxilio', 'stipend', 'the', 'our', 'for', 'this', 'role', 'position', 'and', '&',
  'of', 'approx', 'approximately', 'up', 'to', 'from', 'new', 'hire', 'cash', 'net', 'info', 'information', 'details', 'benefits',
  'perks',
]);

/** Words that make a prefix a sentence ("The salary for this role is") rather than a label ("Canada Senior"). */
const SENTENCE_WORD = /(?<![\p{L}])(?:is|are|was|were|be|will|would|receive|receives|offer|offers|offering|earn|earns|pays?|between|of|to|at|estimate|provided|we|you|your|our|in|range)(?![\p{L}])/iu;

function isPayHeader(words: string): boolean {
  const list = words.toLowerCase().split(/[\s/]+/).filter(Boolean);
  return list.length > 0 && list.every((w) => PAY_HEADER_WORDS.has(w.replace(/[():]/g, '')));
}

/** "Salary (CAD)" is "Salary": the currency is reported on its own. */
function withoutCurrencyCodes(text: string): string {
  return text
    .replace(/\(\s*([A-Z]{3})\s*\)|(?<![\p{L}])([A-Z]{3})(?![\p{L}])/gu, (m, a?: string, b?: string) => (CURRENCY_CODES.has(a ?? b ?? '') ? ' ' : m))
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Canada Intermediate: CAD " -> "Canada Intermediate"; "The US base salary range for this position is" -> none. */
function labelFromPrefix(prefix: string): string | null {
  // "Full time work @ $10 per hour": "@" reads "at", a sentence going on into its amount.
  if (/@\s*$/.test(prefix)) return null;
  let text = withoutCurrencyCodes(prefix.split(/[•·|;]/).pop()!);
  text = text.replace(/^[\s\-–—*•·.,:;)]+/, '').replace(/[\s\-–—=:~≈(]+$/, '');
  // "Pay: Austin, TX, USA" / "Salary Range: Base Salary Range": a pay header before the label.
  const header = /^([^:]{1,40}):\s*(.*)$/.exec(text);
  if (header && isPayHeader(header[1]!)) text = header[2]!.replace(/[\s\-–—=:~]+$/, '');
  if (!text || isPayHeader(text)) return null;
  if (text.split(/\s+/).length > 7 || SENTENCE_WORD.test(text)) return null;
  if (!/\p{L}/u.test(text)) return null;
  return text;
}

/** "Zone 1 Pay Range" -> "Zone 1". A country alone ("US Salary Range") restates where the posting is, not a zone. */
function labelFromHeading(line: string): string | null {
  const text = line.trim().replace(/[:\s]+$/, '');
  if (!text || text.split(/\s+/).length > 8 || /[.!?]$/.test(text) || !PAY_WORD.test(text)) return null;
  const rest = text
    .split(/\s+/)
    .filter((w) => !PAY_HEADER_WORDS.has(w.toLowerCase().replace(/[():]/g, '')))
    .join(' ')
    .replace(/^[\s\-–—:]+|[\s\-–—:]+$/g, '');
  if (!rest || !/\p{L}|\d/u.test(rest) || isJurisdiction(rest)) return null;
  return rest;
}

// ---------------------------------------------------------------------------------------
// Ranges

interface Candidate {
  start: number;
  end: number;
  min: number;
  max: number;
  currency: string | null;
  strength: number;
  /** Period written right after the range. */
  statedPeriod: PayPeriod | null;
  perAnnum: boolean;
  single: boolean;
  /** A single figure written as a floor: "$20+", "$85,000+". */
  plus?: boolean;
  /** Bounds that do not make a range (max below min, all zero): swallowed, never reported. */
  rejected: boolean;
}

function strongest(a: MoneyToken, b: MoneyToken): MoneyToken {
  return b.strength > a.strength ? b : a;
}

/** "$120-150k": a multiplier written on one bound belongs to both, when that keeps min ≤ max. */
function shareMultiplier(lo: MoneyToken, hi: MoneyToken): [number, number] {
  let min = lo.value;
  let max = hi.value;
  if (lo.factor === 1 && hi.factor > 1 && lo.written < hi.written && lo.written * hi.factor <= hi.value) min = lo.written * hi.factor;
  else if (hi.factor === 1 && lo.factor > 1 && hi.written > lo.written && hi.written * lo.factor >= lo.value) max = hi.written * lo.factor;
  return [min, max];
}

/** A word that numbers a level, grade or band, just before a number. */
const LEVEL_NUMBER = /(?<![\p{L}])(?:level|lvl|grade|band|tier|step|zone|class|scale|stufe|niveau|nivel|categor\p{L}*|[LPM]|IC)\s*[-.#]?\s*$/iu;

/** A dash or "to" between two amounts, or "between $X and $Y", "entre 2095€ et 2295€", "zwischen X und Y". */
function pairableGap(text: string, a: MoneyToken, b: MoneyToken, aEnd: number): boolean {
  // "between € 2,651 (scale 9) and € 3,997": an aside on the lower bound leaves the range whole.
  const gap = text.slice(aEnd, b.start).replace(/^\s*\([^()\d]{0,20}\d{0,3}[^()\d]{0,20}\)/, '');
  if (RANGE_SEPARATOR.test(gap)) return true;
  return /^\s*(?:and|et|und|y|e)\s*$/i.test(gap) && /(?:\bbetween|\bentre|\bzwischen|\btra)\s+\S*$/i.test(text.slice(Math.max(0, a.start - 12), a.start));
}

function pairable(text: string, a: MoneyToken, b: MoneyToken, aEnd: number): boolean {
  const gap = text.slice(aEnd, b.start);
  if (a.plus || b.percent) return false;
  if (!a.marked && !b.marked) return false;
  // "Level 1 - $32.60 - 45.67", "Grade 3 – $40,000 – $50,000": a level's number, not the lowest pay.
  if (!a.marked && LEVEL_NUMBER.test(text.slice(Math.max(0, a.start - 16), a.start))) return false;
  if (a.currency && b.currency && a.strength >= 2 && b.strength >= 2 && a.currency !== b.currency) return false;
  if (pairableGap(text, a, b, aEnd)) return true;
  // "$184,050 $262,928": two marked amounts side by side, rising.
  return /^\s{1,3}$/.test(gap) && a.marked && b.marked && b.value >= a.value;
}

/**
 * "Vencimento Mediante Experiência, com intervalos entre 1400 e 2000": a range of bare numbers that
 * a pay word just before names as pay, on a posting whose country says the currency (the site's or
 * the place's: see dollar.ts). Both figures are amounts a salary can be, and no unit follows.
 */
function bareRangeIsPay(sentence: string, a: MoneyToken, b: MoneyToken): boolean {
  if (a.marked || b.marked || b.value < a.value) return false;
  const before = sentence.slice(Math.max(0, a.start - 80), a.start);
  if (!PAY_WORD.test(before)) return false;
  // Small figures ("Salary: 32.00 -40.00", an hourly rate) only as a pay field's whole value.
  if (a.value < 100 && !/^\s*(?:salary|pay|wage|rate|compensation|salaire|gehalt|sueldo|salário)\s*[:=]\s*$/i.test(before)) return false;
  return !/^\s*(?:\+|%|[\p{L}]*\s*(?:years?|anos?|años|ans|jahre?|hours?|horas?|heures?|people|persons?|pessoas|employees|funcionários|colaboradores|m²|km|€|\$))/iu.test(sentence.slice(b.end, b.end + 20));
}

function candidatesIn(sentence: string, local: string | null = null): Candidate[] {
  // "(scale 9)", "Grade 7": a bare number after a level's word numbers the level, not an amount.
  const levelNumber = (t: MoneyToken) => !t.marked && LEVEL_NUMBER.test(sentence.slice(Math.max(0, t.start - 12), t.start));
  const tokens = findMoneyTokens(sentence).filter((t) => !t.percent && !t.inWord && Number.isFinite(t.value) && !levelNumber(t));
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const aPeriod = periodRightAfter(sentence, a.end);
    const aEnd = aPeriod?.end ?? a.end;
    const b = tokens[i + 1];
    const bare = local !== null && b !== undefined && bareRangeIsPay(sentence, a, b) && pairableGap(sentence, a, b, aEnd);
    if (b && (bare || pairable(sentence, a, b, aEnd))) {
      const [min, max] = shareMultiplier(a, b);
      const bPeriod = periodRightAfter(sentence, b.end);
      const best = strongest(a, b);
      out.push({
        start: a.start,
        end: bPeriod?.end ?? b.end,
        min,
        max,
        currency: bare ? local : best.currency,
        strength: bare ? 1 : best.strength,
        statedPeriod: bPeriod?.period ?? aPeriod?.period ?? null,
        perAnnum: a.perAnnum || b.perAnnum,
        single: false,
        rejected: max < min || max <= 0,
      });
      i++;
      continue;
    }
    if (!a.marked) continue;
    out.push({
      start: a.start,
      end: aEnd,
      min: a.value,
      max: a.value,
      currency: a.currency,
      strength: a.strength,
      statedPeriod: aPeriod?.period ?? null,
      perAnnum: a.perAnnum,
      single: true,
      plus: a.plus,
      rejected: a.value <= 0,
    });
  }
  return out;
}

/** A sentence about pay in the United States: "For US-based roles", "in the U.S.", "United States". */
const US_NAMED = /\bUS[- ]based\b|\bU\.S\.(?:-based)?(?=\s|$|,)|\bUnited States\b|\bin the US\b/;

/** A bare `$` means US dollars unless the sentence names another currency nearby ("Salary (CAD): $100k"). */
function currencyNamedNearby(context: string): string | null {
  const codes = context.match(/(?<![\p{L}])[A-Z]{3}(?![\p{L}])/gu)?.filter((c) => CURRENCY_CODES.has(c)) ?? [];
  const distinct = [...new Set(codes)];
  return distinct.length === 1 ? distinct[0]! : null;
}

/** `read()` run at most once, on first use. */
function once<T>(read: () => T): () => T {
  let value: { read: T } | null = null;
  return () => (value ??= { read: read() }).read;
}

export interface ParseSalaryOptions {
  /** Where the text came from; ranges carry it. Defaults to 'prose'. */
  source?: ValueSource;
  /** The currency a bare "$" means in this posting ('CAD' on a Canadian posting: see dollar.ts); US dollars when absent. */
  dollar?: string | null;
  /** The currency "Rs" or "rupees" means ('PKR' on a Pakistani posting: see dollar.ts); Indian rupees when absent. */
  rupee?: string | null;
  /** The currency of the posting's country, for a range of bare numbers a pay word names ("Vencimento … entre 1400 e 2000" on a Portuguese site). */
  local?: string | null;
}

/**
 * Every pay range stated in `text`, in order. Each carries the sentence or line it was
 * read from as evidence. Amounts that are not pay (funding, revenue, benefits, bonuses,
 * percentages, counts) and placeholders ("$0 - $0") are left out.
 */
/**
 * "Level 3: £65,000–£75,000 (Base £39,850 + Technical Allowance £25,150–£35,150)": the parts a pay
 * figure is made of, in a bracket right after it and added up with "+", are that figure, not
 * ranges of their own. The amounts inside such a bracket are left out.
 */
function withoutBreakdowns<T extends { start: number; end: number }>(sentence: string, candidates: T[]): T[] {
  if (candidates.length < 2 || !sentence.includes('+')) return candidates;
  const spans: Array<[number, number]> = [];
  for (const m of sentence.matchAll(/\(([^()]{3,200})\)/g)) {
    const inside = m[1]!;
    // Amounts on both sides of the "+", the one after it with its currency: "+ bonus up to 50% of base" is no part.
    if (!/\d[^+]*\+\s*[^+\d]{0,40}(?:[$€£¥₹]\s?\d|\d[\d,.]*\s?(?:[kK]\b|USD|EUR|GBP|CAD|AUD))/u.test(inside)) continue;
    // Right after an amount: "£65,000–£75,000 (Base …".
    if (candidates.some((c) => c.end <= m.index! && /^\s*$/.test(sentence.slice(c.end, m.index!)))) spans.push([m.index!, m.index! + m[0].length]);
  }
  return spans.length === 0 ? candidates : candidates.filter((c) => !spans.some(([from, to]) => c.start >= from && c.end <= to));
}

export function parseSalaryRanges(text: string, options: ParseSalaryOptions = {}): SalaryRange[] {
  if (typeof text !== 'string' || !/\d/.test(text)) return [];
  const source = options.source ?? 'prose';
  const ranges: SalaryRange[] = [];
  /** Lone amounts with a period but no word saying they are pay: "$1,234 / year". */
  const unnamedRanges = new Set<SalaryRange>();
  let inherited: PayPeriod | null = null;
  let previousLine = '';

  // "You may also earn an additional:" and the amounts listed under it: add-ons to the pay, not pay.
  let addOns = false;
  for (const line of decodeEntities(text).split(/\r\n|[\n\r\u2028\u2029]/)) {
    if (line.trim() === '') continue;
    if (!/\d/.test(line) && ADD_ON_INTRO.test(line)) {
      addOns = true;
      previousLine = line;
      continue;
    }
    if (addOns && /^[\s\-*•+]*[$€£¥₹]?\s?\d/.test(line)) continue;
    addOns = false;
    const sentences = splitSentences(line);
    sentences.forEach((sentence, sentenceIndex) => {
      const candidates = withoutBreakdowns(sentence, candidatesIn(sentence, options.local ?? null));
      // "3,850 USD / 2,310 GBP / 4,300 CAD per week": amounts listed side by side share the period
      // written after the last of them, where it fits their size.
      for (let i = candidates.length - 2; i >= 0; i--) {
        const c = candidates[i]!;
        const next = candidates[i + 1]!;
        if (c.statedPeriod !== null || next.statedPeriod === null || !/^\s*(?:\/|\||,|or)\s*$/i.test(sentence.slice(c.end, next.start))) continue;
        if (annualise(c.min, c.max, next.statedPeriod).max <= MAX_PLAUSIBLE_ANNUAL) c.statedPeriod = next.statedPeriod;
      }
      // What the whole sentence says is read once per sentence, not once per amount: a sentence of
      // thousands of amounts ("$1k $1k …") would otherwise be read thousands of times over.
      // "For US-based roles, … between $148,200 and $239,800" on a Montreal posting: the sentence says whose dollars.
      const namedCurrency = once(() => currencyNamedNearby(sentence) ?? (US_NAMED.test(sentence) ? 'USD' : null));
      const namesPay = once(() => PAY_WORD.test(sentence));
      const boardEstimate = once(() => BOARD_ESTIMATE.test(sentence));
      let segmentStart = 0;
      candidates.forEach((c, index) => {
        const before = sentence.slice(segmentStart, c.start);
        const next = candidates[index + 1];
        const after = sentence.slice(c.end, next ? next.start : sentence.length);
        segmentStart = c.end;
        if (c.rejected) return;
        // "+$2.00/hour" (a night shift differential), "$100k + $20k": an amount added to the pay, not the pay.
        if (/\+\s*$/.test(before) && !/\d\s*\+\s*$/.test(before)) return;
        // "Salary: $20+", "pay starts at $85,000+ per year": a floor read as its figure where a pay
        // word labels it; "$1m+ ACV", "$150+ top performers" are sizes, not the job's pay.
        if (c.plus && !PAY_LABEL_BEFORE.test(before)) return;
        // "$162,336 - $177,715+ significant equity": pay and the equity that comes with it, not an amount of equity.
        const paidWith = c.max >= 15_000 && COMES_WITH_PAY.test(after.slice(0, 60));
        if (namesSomethingElse(phraseBefore(before)) || (!paidWith && namesSomethingElse(phraseAfter(after)))) return;

        const wordPeriod = lastPeriodWord(before);
        // "£50,000–£60,000 / OTE: £100,000–£120,000": an "OTE:" after the range labels the next one.
        const oteLabelsNext = /^\s*[/|,;]?\s*(?:OTE|on[- ]target[- ]earnings)\s*[:=]/i.test(after);
        // "Total compensation up to $150,000/yr ($80K–$100K base DOQ + bonus …)": a total beside its base is what one earns at target.
        const totalBesideBase = TOTAL_PAY.test(before.slice(-60)) && /\bbase\b/i.test(sentence.slice(c.end, c.end + 80));
        const ote = OTE.test(before) || (!oteLabelsNext && OTE.test(after.slice(0, 30))) || PAY_SPLIT.test(after.slice(0, 60)) || totalBesideBase;
        // "£67,000, annual bonus and share options": an amount named by the pay that comes with it.
        const withCompensation = c.single && c.max >= 15_000 && COMES_WITH_PAY.test(after.slice(0, 60));
        // "### Compensation" / "Starting at $23 (commensurate with experience)": the heading above names it.
        const underPayHeading = sentenceIndex === 0 && previousLine.trim().split(/\s+/).length <= 4 && PAY_WORD.test(previousLine) && !/\d/.test(previousLine);
        const unnamed = c.single && !ote && !namesPay() && !withCompensation && !underPayHeading;
        if (unnamed && !c.statedPeriod && !wordPeriod && !c.perAnnum) return;

        let currency = c.currency;
        // A bare "$": the currency the sentence names ("CAD $119,000 - $246,000, including a base
        // salary of $100,000 - $160,000"), else the posting's own dollar.
        if (c.strength <= 1) currency = namedCurrency() ?? (currency === 'USD' && options.dollar ? options.dollar : currency);
        // "Rs 50,000" in Karachi is Pakistani rupees; "INR" written out stays Indian.
        else if (c.strength <= 2 && currency === 'INR' && options.rupee) currency = options.rupee;
        if (!currency || !/^[A-Z]{3}$/.test(currency)) return;

        const stated = c.statedPeriod ?? wordPeriod ?? (c.perAnnum ? 'year' : null);
        // A period carried over from an earlier range only where it fits the size ("$17.75 an hour ...
        // ~$100K" is not $100K an hour).
        const fits = inherited !== null && annualise(c.min, c.max, inherited).max <= MAX_PLAUSIBLE_ANNUAL;
        const period = stated ?? (fits ? inherited : null) ?? periodBySize(c.max, currency);
        if (stated) inherited = stated;

        let label = labelFromPrefix(before);
        if (label === null && index === 0 && sentenceIndex === 0 && before.trim() === '') label = labelFromHeading(previousLine);

        const range: SalaryRange = {
          min: c.min,
          max: c.max,
          currency,
          period,
          annual: annualise(c.min, c.max, period),
          evidence: sentence.trim(),
          source,
        };
        if (label !== null) range.label = label;
        if (ote) range.kind = 'ote';
        if (boardEstimate()) range.estimated = true;
        ranges.push(range);
        if (unnamed) unnamedRanges.add(range);
      });
    });
    previousLine = line;
  }
  // One "$50/hr" is a rate; a column of them is a price list (a product's plans, a fee
  // table), and none of it is the job's pay.
  if (unnamedRanges.size > MAX_UNNAMED_AMOUNTS) return ranges.filter((r) => !unnamedRanges.has(r));
  return ranges;
}
