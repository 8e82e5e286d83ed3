/*
 * Money in text: amounts with their currency, in the number conventions people write.
 *
 * `findMoneyTokens` is the scanner both `parseMoney` (one price) and `salary.ts` (pay
 * ranges) build on, so there is one reading of "1.234,56", "CA$" or "12 LPA" in the
 * project. The currency tables below are the single source of truth for currencies.
 */

/** ISO 4217 codes recognised when written out ("113,000 USD", "CHF 1'049,95"). Upper case only: "eur" or "pln" in prose are too often something else. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'CAD', 'AUD', 'NZD', 'CHF', 'JPY', 'CNY', 'RMB', 'MXP', 'NIS', 'RUR', 'HKD', 'TWD', 'SGD', 'KRW', 'INR', 'PKR', 'LKR', 'BDT', 'NPR',
  'IDR', 'MYR', 'PHP', 'THB', 'VND', 'BRL', 'MXN', 'ARS', 'CLP', 'COP', 'PEN', 'UYU', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'HRK', 'RSD',
  'DKK', 'SEK', 'NOK', 'ISK', 'RUB', 'UAH', 'BYN', 'KZT', 'GEL', 'AMD', 'AZN', 'TRY', 'ILS', 'AED', 'SAR', 'QAR', 'KWD', 'BHD', 'OMR',
  'JOD', 'EGP', 'MAD', 'TND', 'NGN', 'KES', 'GHS', 'ZAR', 'UGX', 'TZS', 'ETB', 'XOF', 'XAF', 'MKD', 'ALL', 'BAM', 'MDL',
]);

/** Codes some people write that are not (or no longer) ISO 4217, mapped to the code they mean. */
const CODE_ALIASES: Record<string, string> = { RMB: 'CNY', MXP: 'MXN', NIS: 'ILS', RUR: 'RUB' };

/** The ISO 4217 code a written code means: "RMB" is yuan, "MXP" (the peso's code before 1993, still in some feeds) is MXN. */
export function canonicalCurrency(code: string): string {
  return CODE_ALIASES[code] ?? code;
}

/**
 * Currency signs. A sign maps to null when it names a currency without saying which
 * (kr is SEK, NOK, DKK or ISK; ₨ is several rupees): it still marks an amount as money.
 */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string | null>> = {
  '$': 'USD', '£': 'GBP', '￡': 'GBP', '€': 'EUR', '¥': 'JPY', '￥': 'JPY', '₹': 'INR', '₩': 'KRW', '₪': 'ILS', '₫': 'VND', '₺': 'TRY',
  '₽': 'RUB', '฿': 'THB', '₴': 'UAH', '₱': 'PHP', '₦': 'NGN', '₡': 'CRC', '₸': 'KZT', '₼': 'AZN', '₾': 'GEL', '₭': 'LAK', '₮': 'MNT',
  '₵': 'GHS', '৳': 'BDT', '៛': 'KHR', '֏': 'AMD', '؋': 'AFN', '₲': 'PYG', '元': 'CNY', '円': 'JPY', '원': 'KRW',
  '₨': null, '₤': null, '₶': null, '₣': null, '¢': null, '﷼': null, '₿': null, 'ƒ': null,
};

/** Letters written straight before `$` ("CA$", "US$", "A$") and the dollar they mean. */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = {
  US: 'USD', U: 'USD', CA: 'CAD', CAN: 'CAD', C: 'CAD', A: 'AUD', AU: 'AUD', NZ: 'NZD', HK: 'HKD', S: 'SGD', SG: 'SGD',
  R: 'BRL', MX: 'MXN', NT: 'TWD', BZ: 'BZD', RD: 'DOP', J: 'JMD', TT: 'TTD', T: 'TOP', G: 'GYD', GY: 'GYD', Z: 'ZWL',
  CUC: 'CUC', MOP: 'MOP', BDS: 'BBD', EC: 'XCD',
};

/**
 * Currencies written as words or local abbreviations, matched case-sensitively as written
 * here and case-insensitively for the English words. Longest first wins, so
 * "Swiss Francs" beats "francs" and "Canadian dollars" beats "dollars".
 */
export const CURRENCY_WORDS: Readonly<Record<string, string | null>> = {
  'US dollars': 'USD', 'U.S. dollars': 'USD', 'Canadian dollars': 'CAD', 'Australian dollars': 'AUD', 'New Zealand dollars': 'NZD',
  'Singapore dollars': 'SGD', 'Hong Kong dollars': 'HKD', 'dollars': 'USD', 'dollar': 'USD',
  'Swiss francs': 'CHF', 'Swiss franc': 'CHF', 'francs': null, 'franc': null,
  'euros': 'EUR', 'euro': 'EUR', 'euroa': 'EUR', 'pounds sterling': 'GBP', 'sterling': 'GBP', 'pounds': 'GBP', 'pound': 'GBP',
  'rupees': 'INR', 'rupee': 'INR', 'yen': 'JPY', 'yuan': 'CNY', 'reais': 'BRL', 'zloty': 'PLN', 'złoty': 'PLN',
  'rubles': 'RUB', 'roubles': 'RUB', 'pesos': null, 'kronor': 'SEK', 'kroner': null, 'krona': 'SEK',
  'zł': 'PLN', 'zl': 'PLN', 'Kč': 'CZK', 'Ft': 'HUF', 'lei': 'RON', 'Lei': 'RON', 'LEI': 'RON', 'TL': 'TRY', 'Rp': 'IDR',
  'Rs.': 'INR', 'Rs': 'INR', 'kr.': null, 'kr': null, 'Kr': null, 'Fr.': 'CHF', 'SFr.': 'CHF', 'CHf': 'CHF',
  'рублей': 'RUB', 'руб.': 'RUB', 'руб': 'RUB', 'р.': 'RUB', 'Р': 'RUB', 'грн.': 'UAH', 'грн': 'UAH',
  'лв.': 'BGN', 'лв': 'BGN', 'đ': 'VND', 'VNĐ': 'VND', 'Dinara': 'RSD', 'din': 'RSD',
  'تومان': null, 'ریال': 'IRR', 'ريال': null, 'درهم': 'AED', 'جنيه': 'EGP',
};

/** A scale word's currency that depends on the language around it. */
const CJK = 'CJK';

/** Units that scale an amount; `perAnnum` marks Indian "lakhs per annum". */
const SCALE_WORDS: ReadonlyArray<{ re: RegExp; factor: number; currency?: string; perAnnum?: boolean }> = [
  { re: /^\s?LPA\b/i, factor: 1e5, currency: 'INR', perAnnum: true },
  { re: /^\s?(?:lakhs?|lacs?)(?:\s+per\s+annum|\s+p\.?a\.?)?\b/i, factor: 1e5, currency: 'INR' },
  { re: /^\s?(?:crores?|cr)\b/i, factor: 1e7, currency: 'INR' },
  { re: /^\s(?:thousand)\b/i, factor: 1e3 },
  { re: /^\s(?:million|mln|mio\.?)(?![\p{L}])/iu, factor: 1e6 },
  { re: /^\s(?:billion|bln)\b/i, factor: 1e9 },
  // Ten thousands and hundred millions, as Japanese, Chinese and Korean count: "500万円", "4,000만원", "1億".
  // 万 and 億 are yen in Japanese and yuan in Chinese: the text around says which (cjkCurrency).
  { re: /^\s?(?:万|萬)/u, factor: 1e4, currency: CJK },
  { re: /^\s?(?:億|亿)/u, factor: 1e8, currency: CJK },
  { re: /^\s?만/u, factor: 1e4, currency: 'KRW' },
  { re: /^\s?억/u, factor: 1e8, currency: 'KRW' },
];

/** Whose 万 a text means: Japanese (kana, 円, 給与 / 年収 / 月給) or Chinese (元, 薪 / 工资); null when it does not say. */
function cjkCurrency(text: string): string | null {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]|円|給与|給料|年収|年俸|月給|時給|日給|賞与/u.test(text)) return 'JPY';
  if (/元|人民币|薪|工资|待遇/u.test(text)) return 'CNY';
  return null;
}

/** Letters glued to the number: 120k, 1.5M, 5B, 2bn. */
const SUFFIX_MULTIPLIER = /^(k|K|m|M|mm|MM|mn|bn|B)(?![\p{L}\d])/u;
const SUFFIX_FACTOR: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, mm: 1e6, MM: 1e6, mn: 1e6, bn: 1e9, B: 1e9 };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_KEYS = Object.keys(CURRENCY_WORDS).sort((a, b) => b.length - a.length);
const SYMBOL_KEYS = Object.keys(CURRENCY_SYMBOLS).sort((a, b) => b.length - a.length);
const CODE_KEYS = [...CURRENCY_CODES];
/** English words match as written, lower case, Title Case or upper case; local abbreviations only as written ("TL" is not "tl"). */
function caseVariants(word: string): string[] {
  if (!/^[A-Za-z][A-Za-z. ]{3,}$/.test(word) || word === 'LEI') return [word];
  const lower = word.toLowerCase();
  const title = lower.replace(/(^|\s)([a-z])/g, (_m, sp: string, c: string) => sp + c.toUpperCase());
  return [...new Set([word, lower, title, word.toUpperCase()])];
}

/**
 * One alternation of every marker. Letter markers must not touch other letters
 * ("Rp" is not in "Grp"; "TL" is not in "TLS"), signs may touch anything.
 */
const MARKER_SOURCE = [
  `(?<compound>(?<![\\p{L}])(?:${Object.keys(DOLLAR_PREFIXES).sort((a, b) => b.length - a.length).join('|')}|[A-Z]{3})\\$)`,
  `(?<code>(?<![\\p{L}])(?:${CODE_KEYS.join('|')})(?![\\p{L}]))`,
  `(?<word>(?<![\\p{L}])(?:${WORD_KEYS.flatMap(caseVariants).map(escapeRe).join('|')})(?![\\p{L}]))`,
  `(?<symbol>${SYMBOL_KEYS.map(escapeRe).join('|')})`,
].join('|');
const MARKER_AT_START = new RegExp(`^(?:${MARKER_SOURCE})`, 'u');
const MARKER_AT_END = new RegExp(`(?:${MARKER_SOURCE})$`, 'u');

/** How specific a currency marker is: a written code beats a named sign, which beats a bare `$` or a word like "dollars". */
export type CurrencyStrength = 0 | 1 | 2 | 3;

export interface CurrencyMarker {
  text: string;
  iso: string | null;
  strength: CurrencyStrength;
}

function markerFromMatch(m: RegExpExecArray): CurrencyMarker {
  const g = m.groups ?? {};
  const text = m[0];
  if (g.compound) {
    const letters = g.compound.slice(0, -1);
    const iso = DOLLAR_PREFIXES[letters] ?? (CURRENCY_CODES.has(letters) ? letters : null);
    return { text, iso, strength: iso ? 3 : 1 };
  }
  if (g.code) return { text, iso: CODE_ALIASES[g.code] ?? g.code, strength: 3 };
  if (g.word) {
    const key = WORD_KEYS.find((w) => w === g.word) ?? WORD_KEYS.find((w) => w.toLowerCase() === g.word!.toLowerCase());
    const iso = key === undefined ? null : CURRENCY_WORDS[key] ?? null;
    // "dollars" or "pounds" alone are as vague as "$" (and "lift 50 pounds" is a weight).
    return { text, iso, strength: /^(?:dollars?|pounds?)$/i.test(g.word) ? 1 : 2 };
  }
  const sign = g.symbol ?? text;
  const iso = CURRENCY_SYMBOLS[sign] ?? null;
  return { text, iso, strength: sign === '$' ? 1 : 2 };
}

/** The marker that ends exactly at the end of `before`, if any. */
export function currencyMarkerBefore(before: string): CurrencyMarker | null {
  const m = MARKER_AT_END.exec(before.slice(-24));
  return m ? markerFromMatch(m) : null;
}

/** The marker that starts exactly at the start of `after`, if any. */
export function currencyMarkerAfter(after: string): CurrencyMarker | null {
  const m = MARKER_AT_START.exec(after.slice(0, 24));
  return m ? markerFromMatch(m) : null;
}

// ---------------------------------------------------------------------------------------
// Numbers

interface ScannedNumber {
  start: number;
  end: number;
  value: number;
  /** True for dates ("15.08.2017") and other digit runs that cannot be an amount. */
  notAmount: boolean;
}

const DIGIT = /\d/;
const SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009']);

/**
 * Reads the number starting at `i`: digit groups and the separators between them. A space
 * joins groups only as a thousands separator ("17 940,00", "PTE 120 000 000"); a point or
 * comma followed by a space and two digits is a decimal mark someone spaced out ("392. 00").
 */
function scanNumber(text: string, i: number): ScannedNumber | null {
  const groups: string[] = [];
  const seps: string[] = [];
  let pos = i;
  let leading = '';
  if (text[pos] === '.' || text[pos] === ',') {
    leading = text[pos]!;
    pos++;
  }
  let spacedDecimal = false;
  for (;;) {
    const digitsStart = pos;
    while (pos < text.length && DIGIT.test(text[pos]!)) pos++;
    if (pos === digitsStart) break;
    groups.push(text.slice(digitsStart, pos));
    const c = text[pos];
    if (c === undefined || spacedDecimal) break;
    const next = text[pos + 1];
    if ((c === '.' || c === ',' || c === "'" || c === '’') && next !== undefined && DIGIT.test(next)) {
      seps.push(c === '’' ? "'" : c);
      pos++;
      continue;
    }
    if ((c === '.' || c === ',') && next === ' ' && !seps.includes(c)) {
      const m = /^\d{2}(?!\d)/.exec(text.slice(pos + 2, pos + 5));
      if (m) {
        seps.push(c);
        spacedDecimal = true;
        pos += 2;
        continue;
      }
    }
    // A space then a comma-grouped number ("Zone 1 150,000") is a label's digit next to an
    // amount: one number never mixes space and comma thousands.
    if (SPACES.has(c) && seps.every((s) => s === ' ') && groups.at(-1)!.length <= 3) {
      if (/^\d{3}(?![\d'’]|[.,]\d{3})/.test(text.slice(pos + 1, pos + 9))) {
        seps.push(' ');
        pos++;
        continue;
      }
    }
    break;
  }
  if (groups.length === 0) return null;
  const raw = text.slice(i, pos);
  // "50,- Kč", "1.899,-": a dash for the cents says the amount is whole.
  if (/^[.,][-–]/.test(text.slice(pos, pos + 2))) pos += 2;
  if (/^\d{1,2}([./-])\d{1,2}\1\d{2,4}$/.test(raw)) return { start: i, end: pos, value: NaN, notAmount: true };
  const value = interpretGroups(groups, seps, leading, spacedDecimal);
  return { start: i, end: pos, value, notAmount: !Number.isFinite(value) };
}

/** Indian grouping: 12,34,567 / 18,00,000: two-digit groups before the final three. */
function isIndianGrouping(groups: readonly string[]): boolean {
  if (groups.length < 3) return false;
  const [first, ...rest] = groups;
  const last = rest.pop()!;
  return first!.length <= 2 && last.length === 3 && rest.every((g) => g.length === 2);
}

/**
 * Which separator is the decimal mark. With two kinds, the last one ("1,099.99",
 * "1.234,56"). With one kind used once, three digits after it mean thousands ("119,999",
 * "Rp 31.500") and anything else a decimal ("3.3900", "256.5"). Used repeatedly, it is a
 * thousands mark, unless the last group is short: "$115,252,80" is a typo for 115,252.80.
 */
function interpretGroups(groups: readonly string[], seps: readonly string[], leading: string, spacedDecimal: boolean): number {
  if (leading) {
    // ".75" is a decimal; "$.75,333" is a stray point before a grouped number.
    if (seps.length === 0) return Number(`0.${groups[0]}`);
  }
  if (seps.length === 0) return Number(groups[0]);
  let decimalAt = -1;
  const last = seps.length - 1;
  const lastSep = seps[last]!;
  if (spacedDecimal) {
    decimalAt = last;
  } else if (lastSep === '.' || lastSep === ',') {
    const sameCount = seps.filter((s) => s === lastSep).length;
    const otherKinds = seps.some((s) => s !== lastSep);
    const after = groups[last + 1]!;
    if (sameCount === 1) {
      if (otherKinds) decimalAt = last;
      else if (after.length !== 3 || /^0+$/.test(groups[0]!)) decimalAt = last;
    } else if (after.length !== 3 && !isIndianGrouping(groups)) {
      const before = groups.slice(1, last + 1);
      if (after.length <= 2 && before.every((g) => g.length === 3)) decimalAt = last;
    }
  }
  const intPart = groups.slice(0, decimalAt === -1 ? groups.length : decimalAt + 1).join('');
  const fracPart = decimalAt === -1 ? '' : groups.slice(decimalAt + 1).join('');
  return Number(fracPart ? `${intPart}.${fracPart}` : intPart);
}

// ---------------------------------------------------------------------------------------
// Tokens

export interface MoneyToken {
  /** Span of the whole token in the text, currency markers and multiplier included. */
  start: number;
  end: number;
  /** Span of the digits. */
  numberStart: number;
  numberEnd: number;
  /** The amount, multiplier applied. */
  value: number;
  /** The amount as written, before any multiplier. */
  written: number;
  /** 1 unless a suffix scaled it: k, M, lakh... */
  factor: number;
  currency: string | null;
  strength: CurrencyStrength;
  /** Some currency marker was written (even one that does not name a single currency). */
  marked: boolean;
  /** "12 LPA": lakhs per annum. */
  perAnnum: boolean;
  /** Followed by `%`: a rate, not an amount. */
  percent: boolean;
  /** Followed by `+`: a floor ("$49+", "250+"). */
  plus: boolean;
  /** Glued to letters before it ("T4", "B2B"): part of a word, not a number. */
  inWord: boolean;
}

const MONTH = /(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s*$/i;

function better(a: CurrencyMarker | null, b: CurrencyMarker | null): CurrencyMarker | null {
  if (!a) return b;
  if (!b) return a;
  return b.strength > a.strength ? b : a;
}

/**
 * Every number in `text`, in order, with the currency written next to it. A sign between
 * two numbers goes to the one it touches ("4$184K" reads as "$184K"); a spaced sign after
 * a number is that number's ("3,49 zł 1,75 zł").
 */
export function findMoneyTokens(text: string): MoneyToken[] {
  const tokens: MoneyToken[] = [];
  if (typeof text !== 'string') return tokens;
  const starts = /[.,]?\d/g;
  for (let m = starts.exec(text); m !== null; m = starts.exec(text)) {
    let begin = m.index;
    // A point or comma opens a number (".75 €", "$.75") only where no word or number runs into it.
    if (m[0].length === 2 && /[\p{L}\p{N},]$/u.test(text.slice(Math.max(0, begin - 1), begin))) begin++;
    const num = scanNumber(text, begin);
    if (!num) continue;

    let end = num.end;
    let factor = 1;
    let perAnnum = false;
    let impliedCurrency: CurrencyMarker | null = null;
    const tail = text.slice(end, end + 24);
    const glued = SUFFIX_MULTIPLIER.exec(tail);
    if (glued) {
      factor = SUFFIX_FACTOR[glued[1]!]!;
      end += glued[0].length;
    } else {
      for (const scale of SCALE_WORDS) {
        const sm = scale.re.exec(tail);
        if (!sm) continue;
        factor = scale.factor;
        end += sm[0].length;
        perAnnum = scale.perAnnum === true || /annum|p\.?a\.?$/i.test(sm[0]);
        const iso = scale.currency === CJK ? cjkCurrency(text) : scale.currency;
        if (iso) impliedCurrency = { text: sm[0].trim(), iso, strength: 2 };
        break;
      }
    }

    // Currency before: "CAD $", "US$:", "€ ", "Rp ", "$ SGD".
    let start = num.start;
    let before: CurrencyMarker | null = null;
    for (let step = 0; step < 2; step++) {
      const head = text.slice(Math.max(claimedUntil(tokens), start - 24), start);
      const gap = /[\s:.]{0,2}$/.exec(head)![0];
      const marker = currencyMarkerBefore(head.slice(0, head.length - gap.length));
      if (!marker) break;
      before = better(before, marker);
      start -= gap.length + marker.text.length;
    }

    // Currency after: " USD", "€", " zł", " (USD)", " Swiss Francs".
    let after: CurrencyMarker | null = null;
    for (let step = 0; step < 2; step++) {
      const lead = /^\s{0,2}\(?\s?/.exec(text.slice(end, end + 4))![0];
      const marker = currencyMarkerAfter(text.slice(end + lead.length, end + lead.length + 30));
      if (!marker) break;
      const markerEnd = end + lead.length + marker.text.length;
      // A sign that touches the next number is that number's prefix: "$184,050 $262,928", "T4$184K".
      const isSign = Object.hasOwn(CURRENCY_SYMBOLS, marker.text) || marker.text.endsWith('$');
      if (isSign && /^\s?[.,]?\d/.test(text.slice(markerEnd, markerEnd + 3))) break;
      after = better(after, marker);
      end = markerEnd;
      const close = lead.includes('(') ? /^\s?\)/.exec(text.slice(end, end + 2)) : null;
      if (close) end += close[0].length;
    }

    starts.lastIndex = Math.max(end, num.end);
    const marker = better(better(before, after), impliedCurrency);
    // "July, 2004": a year in a date.
    const datelike = !marker && /^(?:1[89]|20)\d\d$/.test(text.slice(num.start, num.end)) && MONTH.test(text.slice(Math.max(0, num.start - 12), num.start));
    if (num.notAmount || datelike) continue;
    const scaledEnd = num.end + (glued ? glued[0].length : 0);

    tokens.push({
      start,
      end,
      numberStart: num.start,
      numberEnd: num.end,
      value: num.value * factor,
      written: num.value,
      factor,
      currency: marker?.iso ?? null,
      strength: marker?.strength ?? 0,
      marked: marker !== null,
      perAnnum,
      percent: /^\s?%/.test(text.slice(num.end, num.end + 2)),
      plus: text[scaledEnd] === '+' || text[end] === '+',
      // Chinese, Japanese and Korean write numbers against their words ("年収500万円"): not inside a word.
      inWord: start === num.start && /\p{L}/u.test(text[num.start - 1] ?? '') && !/[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text[num.start - 1] ?? ''),
    });
  }
  return tokens;
}

function claimedUntil(tokens: readonly MoneyToken[]): number {
  return tokens.length ? tokens[tokens.length - 1]!.end : 0;
}

// ---------------------------------------------------------------------------------------
// One price

export interface Money {
  amount: number;
  currency: string | null;
}

/** "Qty: 2", "min. order: 1", "заказ: 1": a count of items, not an amount of money. */
const QUANTITY_LABEL = /(?<![\p{L}])(?:qty|quantity|order|pcs|pieces|units|заказ|количество|кол-во)\.?\s*:?\s*$/iu;

/**
 * The price in a short text such as a price tag or a pay field: the amount after "now" on
 * a sale tag, else the first amount written with a currency, else the first number.
 * Percentages, dates and floors ("$49+") are not prices. Returns null when there is none.
 */
export function parseMoney(text: string): Money | null {
  if (typeof text !== 'string') return null;
  const tokens = findMoneyTokens(text).filter(
    (t) => !t.percent && !t.plus && Number.isFinite(t.value) && !(!t.marked && QUANTITY_LABEL.test(text.slice(Math.max(0, t.start - 16), t.start))),
  );
  if (tokens.length === 0) {
    return /^\W*free\W*$/i.test(text) ? { amount: 0, currency: null } : null;
  }
  // A sale tag's current price; a zero there is a placeholder, not the price.
  const now = tokens.find((t) => t.value > 0 && /\bnow\s*:?\s*$/i.test(text.slice(Math.max(0, t.start - 8), t.start)));
  const chosen = now ?? tokens.find((t) => t.marked) ?? tokens[0]!;
  return { amount: chosen.value, currency: chosen.currency };
}
