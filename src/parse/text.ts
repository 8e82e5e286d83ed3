/*
 * Text plumbing shared by the parsers: entity decoding, whitespace, sentence splitting.
 * Everything here is total: any string in, a string (or strings) out.
 */

/** Named entities that show up in job posts copied from HTML; the rest stay as written. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0',
  ndash: '–', mdash: '—', minus: '−', hyphen: '‐', horbar: '―',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚', bdquo: '„', prime: '′', Prime: '″',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›',
  hellip: '…', bull: '•', middot: '·', sdot: '⋅', times: '×', divide: '÷', plusmn: '±', sim: '∼', tilde: '˜',
  thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad', lrm: '\u200e', rlm: '\u200f',
  euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', inr: '₹',
  copy: '©', reg: '®', trade: '™', deg: '°', sect: '§', para: '¶', dagger: '†', Dagger: '‡', permil: '‰',
  frac12: '½', frac14: '¼', frac34: '¾', sup1: '¹', sup2: '²', sup3: '³', ordf: 'ª', ordm: 'º',
  iexcl: '¡', iquest: '¿', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', check: '✓',
  aacute: 'á', Aacute: 'Á', agrave: 'à', Agrave: 'À', acirc: 'â', Acirc: 'Â', atilde: 'ã', Atilde: 'Ã', auml: 'ä', Auml: 'Ä', aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ',
  ccedil: 'ç', Ccedil: 'Ç', eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', Ecirc: 'Ê', euml: 'ë', Euml: 'Ë',
  iacute: 'í', Iacute: 'Í', igrave: 'ì', Igrave: 'Ì', icirc: 'î', Icirc: 'Î', iuml: 'ï', Iuml: 'Ï',
  ntilde: 'ñ', Ntilde: 'Ñ', oacute: 'ó', Oacute: 'Ó', ograve: 'ò', Ograve: 'Ò', ocirc: 'ô', Ocirc: 'Ô', otilde: 'õ', Otilde: 'Õ', ouml: 'ö', Ouml: 'Ö', oslash: 'ø', Oslash: 'Ø',
  uacute: 'ú', Uacute: 'Ú', ugrave: 'ù', Ugrave: 'Ù', ucirc: 'û', Ucirc: 'Û', uuml: 'ü', Uuml: 'Ü', yacute: 'ý', Yacute: 'Ý', yuml: 'ÿ', szlig: 'ß',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,8}));?/g;

function fromCodePoint(code: number, original: string): string {
  // Lone surrogates and out-of-range points would make an unprintable string; keep the source text.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return original;
  return String.fromCodePoint(code);
}

/** Decodes numeric (`&#8211;`, `&#x2013;`) and common named (`&amp;`, `&nbsp;`) entities, once. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (match, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10), match);
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16), match);
    // A bare `&word` without `;` is usually prose ("R&D"), so only known names decode.
    if (name !== undefined && Object.hasOwn(NAMED_ENTITIES, name)) return NAMED_ENTITIES[name]!;
    return match;
  });
}

/** Unicode spaces (no-break, thin, ideographic) count as spaces; zero-width ones vanish. */
const ANY_SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

/** Collapses every run of whitespace to one space and trims. */
export function normalizeSpace(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(ANY_SPACE, ' ').trim();
}

/**
 * Words that end in a period without ending a sentence. Lowercased, without the final
 * period. `est` matters most: boards write "(LinkedIn est.)" right before more text.
 */
const ABBREVIATIONS = new Set([
  'est', 'e.g', 'i.e', 'etc', 'inc', 'ltd', 'llc', 'co', 'corp', 'jr', 'sr', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'vs',
  'approx', 'no', 'nos', 'dept', 'min', 'max', 'incl', 'excl', 'p.a', 'u.s', 'u.s.a', 'u.k', 'a.m', 'p.m', 'ph.d', 'ph', 'fig',
  'ca', 'cf', 'al', 'yrs', 'yr', 'hrs', 'hr', 'mo', 'mos', 'wk', 'wks', 'sq', 'govt', 'int', 'intl', 'tel', 'ext', 'eur', 'rs',
]);

/** A line break, or sentence-final punctuation (plus any closing quote or bracket) before a space. */
const BOUNDARY = /([.!?…]+["'”’)\]]*)(\s+)(?=\S)/g;

function endsWithAbbreviation(before: string): boolean {
  const word = /(?:^|[\s(\["'“‘])([\p{L}.]+)$/u.exec(before);
  if (!word) return false;
  const w = word[1]!.toLowerCase();
  // A single letter ("J." in "J. Smith", "B." in "Series B.") is an initial more often than an ending.
  if (/^\p{L}$/u.test(w)) return true;
  return ABBREVIATIONS.has(w);
}

/**
 * Splits text into sentences: every line break is a boundary, and so is `.`, `!` or `?`
 * followed by a space and a capital, digit, symbol or quote. Decimals ("$51.50") have no
 * space after the point and abbreviations ("est.", "e.g.") are known, so neither splits.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const rawLine of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    let from = 0;
    BOUNDARY.lastIndex = 0;
    for (let m = BOUNDARY.exec(line); m !== null; m = BOUNDARY.exec(line)) {
      const punctEnd = m.index + m[1]!.length;
      const next = line.charAt(punctEnd + m[2]!.length);
      const startsSentence = /[\p{Lu}\p{N}"'“‘(\[$£€¥₹•\-–—*#]/u.test(next);
      if (!startsSentence) continue;
      // "est." / "e.g." / initials: a single period that belongs to the word before it.
      if (/^\.["'”’)\]]*$/.test(m[1]!) && endsWithAbbreviation(line.slice(Math.max(from, m.index - 24), m.index))) continue;
      const piece = line.slice(from, punctEnd).trim();
      if (piece) out.push(piece);
      from = punctEnd + m[2]!.length;
    }
    const rest = line.slice(from).trim();
    if (rest) out.push(rest);
  }
  return out;
}

/** A bullet followed by the item's text. `-` and `*` need a space after them so "-5%" or "*args" stay text. */
export const BULLET = /^(?:[•·▪◦●○■□►▸➤➢✓✔→・◆◇▶]\s*|[-*–—]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)(?=\S)/;
