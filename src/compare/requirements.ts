/**
 * Lines up the requirements of a few postings so that what they share and what only one
 * asks for can be seen at a glance. Pure: text in, groups out.
 *
 * Two requirements are "the same" when their normalised tokens overlap enough (cosine of
 * the token sets). Postings phrase one skill many ways ("experienced with Apache Beam or
 * Apache Spark", "familiarity with data processing tools such as Apache Beam or Spark"), so
 * word order and filler are ignored and words are stemmed lightly.
 */

/** Function words, and the words every requirement is dressed in ("you have strong experience with"). */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can do does eg etc even for from had has have how i ie if in into is it its ' +
    'like may more most must nor not of on or our ours over per should so some such than that the their them then there ' +
    'these they this those through to too under up us via was we were what when where which while who whom why will ' +
    'with within without would you your yours also about any based especially other similar using ' +
    // Requirement boilerplate: says how much, not what.
    'ability able background bring comfortable demonstrated experience experienced expertise familiar familiarity ' +
    'good great hands knowledge plus preferred proficiency proficient proven required skill skills solid strong ' +
    'understanding work worked working year years'
  ).split(' '),
);

/** Names that lose their meaning when punctuation is stripped. */
const SPECIAL_TOKENS: ReadonlyArray<[RegExp, string]> = [
  [/c\+\+/g, ' cpp '],
  [/c#/g, ' csharp '],
  [/f#/g, ' fsharp '],
  [/\.net\b/g, ' dotnet '],
  [/\bnode\.js\b/g, ' nodejs '],
  [/\bnext\.js\b/g, ' nextjs '],
  [/\bvue\.js\b/g, ' vuejs '],
];

/** Suffixes removed, longest first; a stem keeps at least four letters. */
const SUFFIXES = [
  'abilities', 'ability', 'ations', 'atively', 'ative', 'ation', 'ingly', 'ings', 'ing', 'edly', 'ness', 'ments', 'ment',
  'able', 'ible', 'ive', 'ate', 'ies', 'ied', 'es', 'ed', 'ly', 's',
];

/** A light stemmer: enough that "processing", "processes" and "process" meet, never more clever. */
export function stem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  let base = word;
  for (const suffix of SUFFIXES) {
    if (base.endsWith(suffix) && base.length - suffix.length >= 4) {
      base = base.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') base += 'y';
      break;
    }
  }
  // "scale"/"scaled", "experience"/"experienced": drop a silent final e.
  if (base.length > 4 && base.endsWith('e')) base = base.slice(0, -1);
  // "modelling"/"modeling", "running"/"run": a doubled last consonant after stripping.
  if (base.length > 4 && /([b-df-hj-np-tv-z])\1$/.test(base) && !base.endsWith('ss') && !base.endsWith('ll')) {
    base = base.slice(0, -1);
  }
  return base;
}

/**
 * The requirement as a list of normalised tokens: lowercase, bullets and punctuation gone,
 * stopwords and bare numbers dropped, each word stemmed lightly; each token once, in order.
 */
export function normaliseRequirement(text: string): string[] {
  let lower = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  for (const [pattern, replacement] of SPECIAL_TOKENS) lower = lower.replace(pattern, replacement);
  const words = lower
    .replace(/^[\s\-–—•*·▪◦‣>]+/, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOPWORDS.has(w));
  const seen = new Set<string>();
  const tokens: string[] = [];
  for (const word of words) {
    const token = stem(word);
    if (STOPWORDS.has(token) || seen.has(token)) continue;
    seen.add(token);
    tokens.push(token);
  }
  return tokens;
}

/** Cosine similarity of two token sets: 1 for the same words, 0 for none in common. */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const setB = new Set(b);
  let shared = 0;
  for (const token of new Set(a)) if (setB.has(token)) shared += 1;
  return shared / Math.sqrt(new Set(a).size * setB.size);
}

/** Requirements at or above this similarity are grouped; tuned on the Spotify seed postings. */
export const SIMILARITY_THRESHOLD = 0.5;

export interface RequirementSource {
  postingId: string;
  required: readonly string[];
  preferred: readonly string[];
}

export interface RequirementEntry {
  text: string;
  /** Listed as preferred ("nice to have") rather than required. */
  preferred: boolean;
}

export interface RequirementGroup {
  /** Posting id -> that posting's requirement in this group; a posting without one is absent. */
  entries: Record<string, RequirementEntry>;
  /** How many of the compared postings ask for it. */
  count: number;
}

interface Item {
  postingIndex: number;
  order: number;
  entry: RequirementEntry;
  tokens: string[];
}

/**
 * Groups similar requirements across postings. A group holds at most one requirement from
 * each posting, so it reads as one row of a table. The most similar pairs are joined first;
 * a join that would put two requirements of one posting in a group is skipped, which also
 * stops a chain of loose matches from swallowing unrelated lines.
 *
 * Groups shared by more postings come first; then the order in which the postings list them.
 */
export function groupRequirements(
  sources: readonly RequirementSource[],
  threshold: number = SIMILARITY_THRESHOLD,
): RequirementGroup[] {
  const items: Item[] = [];
  sources.forEach((source, postingIndex) => {
    const listed = [
      ...source.required.map((text) => ({ text, preferred: false })),
      ...source.preferred.map((text) => ({ text, preferred: true })),
    ];
    for (const entry of listed) {
      if (!entry.text.trim()) continue;
      items.push({ postingIndex, order: items.length, entry, tokens: normaliseRequirement(entry.text) });
    }
  });

  const pairs: Array<{ a: number; b: number; score: number }> = [];
  for (let a = 0; a < items.length; a += 1) {
    for (let b = a + 1; b < items.length; b += 1) {
      if (items[a]!.postingIndex === items[b]!.postingIndex) continue;
      const score = tokenSimilarity(items[a]!.tokens, items[b]!.tokens);
      if (score >= threshold) pairs.push({ a, b, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  // Each item starts in a group of its own; a group is the set of postings it covers.
  const groupOf = items.map((_, i) => i);
  const members = items.map((_, i) => [i]);
  for (const { a, b } of pairs) {
    const ga = groupOf[a]!;
    const gb = groupOf[b]!;
    if (ga === gb) continue;
    const postingsA = new Set(members[ga]!.map((i) => items[i]!.postingIndex));
    if (members[gb]!.some((i) => postingsA.has(items[i]!.postingIndex))) continue;
    for (const i of members[gb]!) groupOf[i] = ga;
    members[ga]!.push(...members[gb]!);
    members[gb] = [];
  }

  const groups = members
    .filter((m) => m.length > 0)
    .map((m) => {
      const sorted = [...m].sort((x, y) => items[x]!.postingIndex - items[y]!.postingIndex);
      const entries: Record<string, RequirementEntry> = {};
      for (const i of sorted) entries[sources[items[i]!.postingIndex]!.postingId] = items[i]!.entry;
      return { entries, count: sorted.length, first: Math.min(...m.map((i) => items[i]!.order)) };
    });
  groups.sort((x, y) => y.count - x.count || x.first - y.first);
  return groups.map(({ entries, count }) => ({ entries, count }));
}
