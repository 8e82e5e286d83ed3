import type { RawSection } from '../model/index.ts';
import { frontMatterText, frontMatterTitle, POSTING_KEYS, readFrontMatter } from './front-matter.ts';
import { sectionsFromText } from './sections.ts';
import { isGenericTitle, titleFromText, withoutEmployer, withoutSiteName } from './title.ts';

/** "Stellenausschreibung Sozialarbeiter*in", "Job posting: Nurse": the kind of page, not the title. */
const ADVERT_WORD = /^(?:stellenausschreibung|stellenangebot|ausschreibung|job\s+description\s+(?:for|of)|job\s+(?:posting|advert|opening|offer)|vacancy|offre\s+d['’]emploi|recrutement|vacature|oferta\s+de\s+empleo|now\s+hiring|we(?:'re|’re|\s+are)\s+hiring|hiring)\s*[:\-–—!]?\s+(?=\S)/i;

/** "Location: Sydney, New South Wales, Australia (Hybrid)", "**Location:** Remote, Oregon": where the job is, said outright. */
const LOCATION_LINE = /^[\s*_#>-]*(?:job\s+|work\s+)?(?:location|lieu(?:\s+de\s+travail)?|arbeitsort|standort|ubicación|locatie)\s*[*_]*\s*[:：]\s*[*_]*\s*(.{2,120}?)\s*$/i;

/** The title as the posting names it: "NOW HIRING:", "… at Acme", "… | Site" left out. */
/** "Developer Intern - Job Description": the kind of page after the title. */
const ADVERT_SUFFIX = /\s+[-–—|:]\s+(?:job\s+description|job\s+posting|job\s+advert|job\s+ad|vacancy|stellenanzeige|vacature)\s*$/i;

function cleanTitle(title: string): string {
  return withoutSiteName(withoutEmployer(title.replace(ADVERT_WORD, '').replace(ADVERT_SUFFIX, '').trim()));
}

function locationOf(sections: readonly RawSection[]): string | null {
  for (const section of sections.slice(0, 4)) {
    for (const line of [section.heading ?? '', ...section.paragraphs, ...section.items].slice(0, 30)) {
      const m = LOCATION_LINE.exec(line);
      if (m && /\p{L}/u.test(m[1]!)) return m[1]!.replace(/[*_]+/g, '').trim();
    }
  }
  return null;
}

export interface PostingText {
  title: string;
  sections: RawSection[];
  location: string | null;
  /** The text opened with front matter that has a title field: a site generator's record of a posting. */
  frontMatter: boolean;
}

/**
 * Posting text as people have it (pasted, copied from a page, a page served as plain text):
 * its title (read, not assumed to be the first line) and its sections. One rule for the
 * popup's "Read pasted text", the CLI's text path and a text page read in the browser.
 */
export function readPostingText(text: string): PostingText {
  const whole = typeof text === 'string' ? text : '';
  const front = readFrontMatter(whole);
  if (front) {
    const given = frontMatterTitle(front.fields);
    // "title: Offene Stellen" names the site's page: the posting's own heading says the title.
    const title = given && !isGenericTitle(given) ? given : null;
    // The posting's facts from the front matter lead the body, as "Label: value" lines the readers know.
    const facts: string[] = [];
    for (const [re, label] of POSTING_KEYS) {
      for (const [key, value] of front.fields) {
        if (!re.test(key) || !value.trim()) continue;
        // "job_type: full_time": a site's enum value, read as the words it is.
        facts.push(`${label}: ${label === 'Job type' || label === 'Workplace' ? value.trim().replace(/_/g, ' ') : value.trim()}`);
      }
    }
    const body = [...facts, '', frontMatterText(front.fields, front.nested), '', front.body].join('\n');
    if (title) {
      const sections = sectionsFromText(body);
      return { title: cleanTitle(title), sections, location: locationOf(sections), frontMatter: true };
    }
    // A site generator's record of a posting still, though its title is the page's name or an
    // announcement; that title stays when the text names no role either, only sentences.
    const read = readPostingText(body);
    const weak = read.title === '' || read.title.length > 100 || /[.!?]$/.test(read.title) || read.title.split(/\s+/).length > 14;
    return { ...read, title: given !== null && weak ? cleanTitle(given) : read.title, frontMatter: given !== null };
  }
  const lines = whole.split(/\r\n|[\n\r\u2028\u2029]/);
  // The title line leaves the body; a title read from inside a sentence leaves it whole.
  const { title, line } = titleFromText(whole);
  const body = lines.filter((_, i) => i !== line).join('\n');
  const sections = sectionsFromText(body);
  return { title: cleanTitle(title), sections, location: locationOf(sections), frontMatter: false };
}
