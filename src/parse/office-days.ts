/*
 * Office days a posting asks for: "3 days a week in our London office", "in the office on
 * Tuesdays, Wednesdays and Thursdays", "on site two days a week". Split from remote.ts.
 */

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const DAY_COUNT = '(\\d|one|two|three|four|five|six|seven)(?:\\s*(?:-|–|to|or)\\s*(?:\\d|two|three|four|five))?\\+?';
// "our office", "our New York office", "our downtown Austin office", "our Denver or Chicago office"
const OFFICE = '(?:the\\s+|our\\s+|an?\\s+)?(?:[\\p{L}]+\\s+){0,3}?(?:office|offices|hub|studio|HQ|headquarters|campus)';
const OFFICE_DAYS = [
  new RegExp(`(?<![\\p{L}\\d])${DAY_COUNT}\\s*(?:days?|x)\\s*(?:(?:a|per|each|every|\\/)\\s*(?:week|wk)\\s*)?(?:(?:on[- ]?site|in[- ]person|in[- ]office)\\s+)?(?:in|at|from)\\s+${OFFICE}`, 'iu'),
  new RegExp(`(?<![\\p{L}])(?:in|at|to|into|from)\\s+${OFFICE}\\s+(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+|minimum\\s+|for\\s+|about\\s+)?${DAY_COUNT}\\s*(?:days?|x|times)(?![\\p{L}])`, 'iu'),
  new RegExp(`(?<![\\p{L}\\d])${DAY_COUNT}\\s*(?:days?)\\s*(?:a|per|each)\\s*week\\s+(?:on[- ]?site|in[- ]office|in[- ]person)`, 'iu'),
  // "on-site in our San Francisco office, five days a week"
  new RegExp(`(?<![\\p{L}])(?:in|at)\\s+${OFFICE}\\s*,\\s*(?:at\\s+least\\s+)?${DAY_COUNT}\\s*days?\\s*(?:a|per|each|every|\\/)\\s*(?:week|wk)`, 'iu'),
  // "on site two days a week", "in person 3 days per week", "in-office in London at least three days per week"
  new RegExp(`(?<![\\p{L}])(?:on[- ]?site|in[- ]office|in[- ]person|in\\s+the\\s+office)(?:\\s+(?:in|at)\\s+[\\p{L} ,.'-]{1,40}?)?\\s+(?:at\\s+least\\s+|for\\s+|a\\s+minimum\\s+of\\s+)?${DAY_COUNT}\\s*days?\\s*(?:a|per|each|every|\\/)\\s*(?:week|wk)`, 'iu'),
];

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?';
const WEEKDAY_RANGE = new RegExp(`\\b${WEEKDAY}\\s*(?:to|through|thru|-|–)\\s*${WEEKDAY}\\b`, 'i');
const WEEKDAY_NAME = new RegExp(`\\b${WEEKDAY}\\b`, 'gi');
const AT_THE_OFFICE = new RegExp(`(?:in|at|from|to)\\s+${OFFICE}|\\bon[- ]?site\\b|\\bin[- ]office\\b|\\bin[- ]person\\b`, 'iu');

const WORKING = /\b(?:work|works|working|worked|hybrid|based|week|weekly|days)\b/i;
const SOCIAL = /\b(?:lunch|lunches|breakfast|dinner|drinks|happy hour|social|party|parties|meetups?|events?|all-hands)\b/i;

/** "in the office on Tuesdays, Wednesdays and Thursdays" = 3; "on site Tuesday to Thursday" = 3. */
function weekdaysAtOffice(text: string): number | null {
  // Only where the sentence is about working there, not "team lunch on Fridays at our office".
  if (!AT_THE_OFFICE.test(text) || !WORKING.test(text) || SOCIAL.test(text)) return null;
  const range = WEEKDAY_RANGE.exec(text);
  if (range) {
    const from = WEEKDAYS.indexOf(range[1]!.toLowerCase());
    const to = WEEKDAYS.indexOf(range[2]!.toLowerCase());
    return to >= from ? to - from + 1 : null;
  }
  const named = new Set([...text.matchAll(WEEKDAY_NAME)].map((m) => m[1]!.toLowerCase()));
  return named.size >= 1 && named.size <= 5 ? named.size : null;
}

export function officeDaysIn(text: string): number | null {
  for (const re of OFFICE_DAYS) {
    const m = re.exec(text);
    if (!m) continue;
    const word = m[1]!.toLowerCase();
    const n = NUMBER_WORDS[word] ?? Number(word);
    if (Number.isInteger(n) && n >= 0 && n <= 7) return n;
  }
  return weekdaysAtOffice(text);
}
