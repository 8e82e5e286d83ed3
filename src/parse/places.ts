/*
 * Places and time zones a posting names: the regions a remote worker may live in, and the
 * zones they must overlap with. Pure text, read by the remote-policy parser (remote.ts).
 */

// ---------------------------------------------------------------------------------------
// Places

/** Regions a remote worker may be asked to live in, under the name they are reported by. */
const REGIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])North America(?![\p{L}])/u, 'North America'],
  [/(?<![\p{L}])South America(?![\p{L}])/u, 'South America'],
  [/(?<![\p{L}])Central America(?![\p{L}])/u, 'Central America'],
  [/(?<![\p{L}])(?:Latin America|LATAM|LatAm)(?![\p{L}])/u, 'LATAM'],
  [/(?<![\p{L}])(?:the Americas|AMER|AMERICAS)(?![\p{L}])/u, 'Americas'],
  [/(?<![\p{L}])EMEA(?![\p{L}])/u, 'EMEA'],
  [/(?<![\p{L}])(?:APAC|APJ|Asia[- ]Pacific)(?![\p{L}])/u, 'APAC'],
  [/(?<![\p{L}])(?:European Union|EU)(?![\p{L}])/u, 'EU'],
  [/(?<![\p{L}])Europe(?![\p{L}])/u, 'Europe'],
  [/(?<![\p{L}])(?:US|U\.S\.(?:A\.)?|USA|United States(?: of America)?)(?![\p{L}])/u, 'US'],
  [/(?<![\p{L}])(?:UK|U\.K\.|United Kingdom|Great Britain)(?![\p{L}])/u, 'UK'],
  [/(?<![\p{L}])Middle East(?![\p{L}])/u, 'Middle East'],
  [/(?<![\p{L}])Asia(?![\p{L}-])/u, 'Asia'],
  [/(?<![\p{L}])Africa(?![\p{L}])/u, 'Africa'],
  [/(?<![\p{L}])(?:Oceania|ANZ)(?![\p{L}])/u, 'Oceania'],
  [/(?<![\p{L}])Nordics?(?![\p{L}])/u, 'Nordics'],
  [/(?<![\p{L}])DACH(?![\p{L}])/u, 'DACH'],
  [/(?<![\p{L}])Benelux(?![\p{L}])/u, 'Benelux'],
  [/(?<![\p{L}])CEE(?![\p{L}])/u, 'CEE'],
  ...[
    'Canada', 'Mexico', 'Brazil', 'Argentina', 'Colombia', 'Chile', 'Peru', 'Germany', 'France', 'Spain', 'Portugal', 'Italy',
    'Netherlands', 'Belgium', 'Ireland', 'Poland', 'Sweden', 'Norway', 'Denmark', 'Finland', 'Switzerland', 'Austria', 'Czechia',
    'Czech Republic', 'Romania', 'Ukraine', 'Israel', 'Turkey', 'India', 'Pakistan', 'Philippines', 'Singapore', 'Japan', 'China',
    'South Korea', 'Australia', 'New Zealand', 'South Africa', 'Nigeria', 'Kenya', 'Egypt', 'United Arab Emirates', 'UAE',
  ].map((name) => [new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'u'), name === 'Czech Republic' ? 'Czechia' : name] as const),
];

/** True when `text` is nothing but a country or region ("US", "Canada", "EMEA"). */
export function isJurisdiction(text: string): boolean {
  const t = text.trim();
  return REGIONS.some(([re]) => {
    const m = re.exec(t);
    return m !== null && m.index === 0 && m[0].length === t.length;
  });
}

export function regionsIn(text: string): Array<{ at: number; name: string }> {
  const found: Array<{ at: number; name: string; end: number }> = [];
  for (const [re, name] of REGIONS) {
    const m = re.exec(text);
    if (!m) continue;
    const end = m.index + m[0].length;
    // "North America" also contains "America"; "South Africa" contains "Africa": the longer name wins.
    if (found.some((f) => m.index >= f.at && end <= f.end)) continue;
    found.push({ at: m.index, name, end });
  }
  return found.sort((a, b) => a.at - b.at);
}

/** "anywhere" with no "in <place>" after it; "worldwide". */
export const WORLDWIDE = /(?<![\p{L}])(?:worldwide|anywhere in the world|globally|from any country|anywhere(?!\s+(?:in|within|across|inside|from)\b))(?![\p{L}])/iu;
/** "within commuting distance of Austin": a metro area, named after its city. */
export const COMMUTE = /commut\w*\s+distance\s+(?:of|from|to)\s+(?:our\s+|the\s+)?(?:office\s+in\s+)?([A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*){0,2})/u;

// ---------------------------------------------------------------------------------------
// Time zones

const US_ZONES: Record<string, string> = {
  EST: 'America/New_York', EDT: 'America/New_York', ET: 'America/New_York',
  CST: 'America/Chicago', CDT: 'America/Chicago', CT: 'America/Chicago',
  MST: 'America/Denver', MDT: 'America/Denver', MT: 'America/Denver',
  PST: 'America/Los_Angeles', PDT: 'America/Los_Angeles', PT: 'America/Los_Angeles',
};
/** Abbreviations that are not US zones: IANA names where one is meant, else the abbreviation (itself a valid zone id). */
const OTHER_ZONES: Record<string, string> = {
  CET: 'CET', CEST: 'CET', EET: 'EET', EEST: 'EET', WET: 'WET', GMT: 'GMT', UTC: 'UTC', BST: 'Europe/London',
  IST: 'Asia/Kolkata', AEST: 'Australia/Sydney', AEDT: 'Australia/Sydney', JST: 'Asia/Tokyo', SGT: 'Asia/Singapore',
};
const ZONE_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\p{L}])Eastern(?:\s+(?:Standard|Daylight))?\s+(?:Time|time\s*zone)/iu, 'America/New_York'],
  [/(?<![\p{L}])Central\s+European(?:\s+(?:Summer|Standard))?\s+Time/iu, 'CET'],
  [/(?<![\p{L}])Central(?:\s+(?:Standard|Daylight))?\s+(?:Time|time\s*zone)/iu, 'America/Chicago'],
  [/(?<![\p{L}])Mountain(?:\s+(?:Standard|Daylight))?\s+(?:Time|time\s*zone)/iu, 'America/Denver'],
  [/(?<![\p{L}])Pacific(?:\s+(?:Standard|Daylight))?\s+(?:Time|time\s*zone)/iu, 'America/Los_Angeles'],
  [/(?<![\p{L}])Greenwich Mean Time/iu, 'GMT'],
];
const ZONE_ABBREVIATION =
  /(?<![\p{L}])(EST|EDT|ET|CST|CDT|CT|MST|MDT|MT|PST|PDT|PT|CET|CEST|EET|EEST|WET|GMT|UTC|BST|IST|AEST|AEDT|JST|SGT)(?![\p{L}])(?:\s*(?:\+\s?\/\s?[-−]|±|\+-|plus or minus)\s*(\d{1,2})\s*(?:h|hrs?|hours?)?(?![\p{L}])|\s*([+−-])\s?(\d{1,2}(?::\d\d)?)(?![\d.]))?/gu;

export function timezonesIn(text: string): string[] {
  const out: string[] = [];
  for (const [re, zone] of ZONE_NAMES) if (re.test(text)) out.push(zone);
  ZONE_ABBREVIATION.lastIndex = 0;
  for (let m = ZONE_ABBREVIATION.exec(text); m !== null; m = ZONE_ABBREVIATION.exec(text)) {
    const abbr = m[1]!;
    // Two-letter zones (ET, PT, CT, MT) are also states and "part-time": only after a clock time.
    if (abbr.length === 2 && !/\d\s*(?:[ap]\.?m\.?)?\s*$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    if (m[2] !== undefined) out.push(`${abbr}+-${m[2]}`);
    else if (m[4] !== undefined) out.push(`${abbr}${m[3] === '+' ? '+' : '-'}${m[4]}`);
    else out.push(US_ZONES[abbr] ?? OTHER_ZONES[abbr] ?? abbr);
  }
  return out;
}

