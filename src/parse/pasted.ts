import type { RawSection } from '../model/index.ts';
import { frontMatterText, frontMatterTitle, POSTING_KEYS, readFrontMatter } from './front-matter.ts';
import { sectionsFromText } from './sections.ts';
import { gridRowsOfHtml, requirementGrid } from './requirement-grid.ts';
import { isGenericTitle, titleFromText, withoutEmployer, withoutSiteName, withoutTeamPrefix } from './title.ts';

/** "Stellenausschreibung Sozialarbeiter*in", "Job posting: Nurse": the kind of page, not the title. */
const ADVERT_WORD = /^(?:stellenausschreibung|stellenangebot|ausschreibung|job\s+description\s+(?:for|of)|job\s+(?:posting|advert|opening|offer)|vacancy|offre\s+d['’]emploi|recrutement|vacature|oferta\s+de\s+empleo|now\s+hiring|we(?:'re|’re|\s+are)\s+hiring|hiring|tuyển\s+dụng|lowongan(?:\s+kerja)?|recrutamos|contratamos)\s*(?:[:\-–—]|!+)?\s+(?=\S)/i;

/** "Location: Sydney, New South Wales, Australia (Hybrid)", "**Location:** Remote, Oregon": where the job is, said outright. */
const LOCATION_LINE = /^[\s*_#>-]*(?:job\s+|work\s+)?(?:location|lieu(?:\s+de\s+travail)?|arbeitsort|standort|ubicación|locatie)\s*[*_]*\s*[:：]\s*[*_]*\s*(.{2,120}?)\s*$/i;

/** The title as the posting names it: "NOW HIRING:", "… at Acme", "… | Site" left out. */
/** "Developer Intern - Job Description": the kind of page after the title. */
const ADVERT_SUFFIX = /\s+[-–—|:]\s+(?:job\s+description|job\s+posting|job\s+advert|job\s+ad|vacancy|stellenanzeige|stellenangebot|vacature|vaga(?:\s+de\s+emprego)?|oferta\s+de\s+(?:empleo|trabajo)|offre\s+d['’]emploi)\s*$/i;

/**
 * "Project Archivist (6 months, Full-Time Position)", "Librarian, Children's Department Temporary
 * Part-Time (September 2019-February 2020)", "Nurse Licensing Specialist - Remote": the job's terms
 * or workplace after its title are facts of the posting, read as such, not part of the title.
 */
const TERMS_SUFFIX =
  /(?:\s+[-–—|]\s+(?:fully\s+)?(?:remote|hybrid|on-?site)|(?:\s+(?:temporary|permanent|part[- ]time|full[- ]time|fixed[- ]term|contract))+(?:\s+\([^()]*\))?|\s+\((?=[^()]*\d+\s*(?:months?|weeks?|years?))[^()]*\))$/i;

/** "(R$ 18.000,00)", "($120k - $150k)": the pay in brackets after a title. */
const PAY_SUFFIX = /\s*\((?=[^()]*\d)(?=[^()]*(?:R\$|[$€£¥₹]|\b(?:USD|EUR|GBP|BRL|CAD|AUD)\b))[^()]{1,40}\)$/u;

/** "[上海+远程] xinminlabs 招聘全栈工程师", "ELE.ME 前端招聘": a Chinese advert names the role beside 招聘 (hiring). */
function chineseAdvertRole(title: string): string {
  const m = /^(?:\[[^\]]*\]\s*)?(.*?)招聘\s*(.*)$/u.exec(title);
  if (!m) return title;
  const after = m[2]!.trim();
  if (after) return after;
  const before = m[1]!.trim().split(/\s+/).pop() ?? '';
  return before || title;
}

function cleanTitle(title: string): string {
  // A run of spaces is one space in a title; left as it is, each suffix rule below would read the
  // run again from each of its spaces (a front-matter title padded with 400 KB of spaces: minutes).
  title = chineseAdvertRole(title.replace(/\s+/g, ' ').trim());
  const bare = withoutTeamPrefix(withoutSiteName(withoutEmployer(title.replace(ADVERT_WORD, '').replace(ADVERT_SUFFIX, '').trim())));
  // "[CURITIBA] Técnico em Eletrônica JR", "[100% Remoto] Full Stack Developer PHP (R$ 18.000,00)": a
  // job board's tag of place or workplace before the title and its pay after it are facts, not the title.
  const untagged = bare.replace(/^\[[^\]]{1,30}\]\s*(?=\S)/u, '').replace(PAY_SUFFIX, '').trim();
  const withoutTerms = untagged.replace(TERMS_SUFFIX, '').trim();
  return withoutTerms.length >= 3 ? withoutTerms : untagged.length >= 3 ? untagged : bare;
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
  /** No line of the text looked like a title; the one given stands in (titleFromText). */
  titleGuessed?: boolean;
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
    // "min_payrange: $86,962" and "max_payrange: $140,713" (GSA's job template): one range, said as such.
    const bound = (re: RegExp) => [...front.fields].find(([key, value]) => re.test(key) && /\d/.test(value))?.[1].trim();
    const low = bound(/^(?:min|minimum)_?(?:pay|salary|wage|compensation)(?:_?range)?$/);
    const high = bound(/^(?:max|maximum)_?(?:pay|salary|wage|compensation)(?:_?range)?$/);
    if (low && high) facts.push(`Salary: ${low} - ${high}`);
    const body = [...facts, '', frontMatterText(front.fields, front.nested), '', htmlAsText(front.body)].join('\n');
    if (title) {
      const sections = sectionsFromText(body);
      return { title: cleanTitle(title), sections, location: locationOf(sections), frontMatter: true };
    }
    // A site generator's record of a posting still, though its title is the page's name or an
    // announcement; that title stays when the text names no role either, only sentences.
    const read = readPostingText(body);
    const weak = read.title === '' || read.titleGuessed === true || read.title.length > 100 || /[.!?]$/.test(read.title) || read.title.split(/\s+/).length > 14;
    return { ...read, title: given !== null && weak ? cleanTitle(given) : read.title, frontMatter: given !== null };
  }
  const lines = htmlAsText(whole).split(/\r\n|[\n\r\u2028\u2029]/);
  // The title line leaves the body; a title read from inside a sentence leaves it whole.
  const { title, line, guessed } = titleFromText(lines.join('\n'));
  const body = lines.filter((_, i) => i !== line).join('\n');
  const sections = sectionsFromText(body);
  return { title: withoutLeadingEmployer(cleanTitle(title), sections), sections, location: locationOf(sections), frontMatter: false, ...(guessed ? { titleGuessed: true } : {}) };
}

/** Block elements of HTML written into text: a Markdown page's raw HTML, a posting's source pasted. */
const HTML_BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|table|tr|td|section|article)\b[^>]*>/gi;

/**
 * Text that carries HTML (a site's Markdown with raw `<p>`, `<div>`, `<b>Position: </b>`; a page's
 * source pasted) as the lines a browser would show: blocks and breaks end lines, list items are
 * items, headings are Markdown headings; no tag is kept, so no markup reaches the panel as text.
 * A person specification's table, as HTML or copied from a page (cells apart by tabs), becomes its lists.
 */
export function htmlAsText(raw: string): string {
  const text = tabGridsAsText(raw);
  if ((text.match(HTML_BLOCK)?.length ?? 0) < 3) return text;
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<table\b[\s\S]*?<\/table>/gi, gridAsText)
    .replace(/<h([1-6])\b[^>]*>/gi, (_, n: string) => `\n${'#'.repeat(Number(n))} `)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>|<\/(?:p|div|li|h[1-6]|ul|ol|tr|table|section|article|button)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

const tagless = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** A person specification's table ("Requirement | Essential | Desirable") as its two headed lists; any other table as it is. */
function gridAsText(table: string): string {
  const lists = requirementGrid(gridRowsOfHtml(table, tagless));
  if (lists === null) return table;
  return `\n${lists.map((list) => `### ${list.heading}\n${list.items.map((item) => `- ${item}`).join('\n')}`).join('\n\n')}\n`;
}

/**
 * A table copied from a page as text, a line per row and a tab between cells: when it is a person
 * specification (a first row "Criteria<TAB>Essential<TAB>Desirable"), its two headed lists.
 */
function tabGridsAsText(text: string): string {
  if (!text.includes('\t')) return text;
  const lines = text.split(/\r\n|\n/);
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    let end = i;
    while (end < lines.length && lines[end]!.includes('\t')) end++;
    if (end - i < 2) {
      out.push(lines[i]!);
      i++;
      continue;
    }
    const rows = lines.slice(i, end).map((line) => line.split('\t').map((cell) => [cell.trim()]));
    const lists = requirementGrid(rows);
    if (lists === null) out.push(...lines.slice(i, end));
    else out.push('', ...lists.flatMap((list) => [`### ${list.heading}`, ...list.items.map((item) => `- ${item}`), '']));
    i = end;
  }
  return out.join('\n');
}

/**
 * "Anthropic — Startup Partnerships, EMEA" over a section "About Anthropic": the employer's name
 * before a dash or bar, which the text names as the company it describes, is not part of the title.
 */
function withoutLeadingEmployer(title: string, sections: readonly RawSection[]): string {
  const described = (name: string) => {
    const employer = name.trim().toLowerCase();
    return sections.some((s) => {
      const heading = (s.heading ?? '').trim().toLowerCase().replace(/[:!?.]+$/, '');
      return heading === `about ${employer}` || heading === `über ${employer}` || heading === `à propos de ${employer}` || heading === `over ${employer}`;
    });
  };
  const leading = /^(.{2,40}?)\s+[—–|]\s+(.{3,})$/u.exec(title);
  if (leading && described(leading[1]!)) return leading[2]!.trim();
  return title;
}
