import type { RawPosting, RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { classifyHeading } from '../parse/requirements.ts';
import { isGenericTitle, namesRole, titleFromText, withoutEmployer } from '../parse/title.ts';
import { readPostingText } from '../parse/pasted.ts';
import { blockText, cleanText, isPlainHeadingLine, metaContent, sectionsOf, withoutMarkdown } from './dom.ts';

/*
 * The last resort: a page with no board adapter, no JSON-LD, no facts table and no
 * microdata, read as prose (a company's own careers page). It must look like a posting,
 * not merely mention jobs: a title, at least one heading a posting uses ("Requirements",
 * "What you'll do", "Benefits"), and one more sign (an Apply link, a pay range, an
 * employment term or a number of years). A news article about hiring has none of the
 * headings and gives null.
 *
 * Many postings carry no heading markup: a CMS page whose headings are bold or larger spans,
 * a page of plain lines ("REQUIREMENTS", "What we offer:"), a posting served as text/plain
 * (a browser shows it as one <pre>), an aggregator's text render. When the markup gives no
 * posting heading, the page is read again with such lines as headings, and a page with no
 * title element gets the title its text states (the rule pasted text is read by).
 */

/**
 * Pay stated as a range or next to a pay word: only a sign that the page is a posting. The
 * pay itself is read by the parsers in the background, so the content script does not
 * carry them.
 */
const STATES_PAY =
  /(?:salary|pay|compensation|wage|rate)\b[^.\n]{0,40}?[$€£¥₹]\s?\d|[$€£¥₹]\s?\d[\d,.]*\s*[kK]?\s*(?:-|–|—|to)\s*[$€£¥₹]?\s?\d|\d[\d,.]*\s*(?:USD|EUR|GBP|CAD|AUD|INR)\b/i;

/** Headings postings use that are not about qualifications (those classifyHeading already knows). */
const POSTING_HEADING =
  /\b(?:responsibilit(?:y|ies)|duties|what you(?:'|’)?ll (?:do|be doing)|what you will (?:do|be doing)|(?:about|the) (?:the )?(?:role|job|position|opportunity)|your role|job description|role description|what we offer|benefits|perks|compensation|salary|how to apply|nice to have|your (?:impact|tasks|mission|responsibilities|day[- ]to[- ]day|benefits|chance)|what(?:'|’)?s in it for you|(?:ihre|deine) aufgaben|(?:das )?bieten wir|how (?:will )?you(?:'|’)?(?:ll)? contribute)\b|^(?:you will|you(?:'|’)ll|in this role,? you will)\s*:?$/i;

const APPLY =
  /^(?:(?:click (?:here )?to )?apply(?: now| here| online)?|apply (?:for|to) (?:this|the) (?:job|role|position)|submit (?:your )?application|(?:jetzt )?bewerben|postuler|solliciteer(?: nu| direct)?|postular(?:me)?|aplicar|candidatar-se|enviar candidatura|candidate-se|candidatura espontânea|(?:[iİ]lana |hemen )?başvur(?:u yap)?|candidati|지원하기|즉시\s*지원|応募する)$/iu;
/** A Markdown link in a text render: "[APPLY](https://...)" reads as its text. */
const MARKDOWN_LINK = /\[([^\]]+)\]\([^)\s]*\)/g;

const TERMS =
  /\b(?:full[- ]time|part[- ]time|permanent|fixed[- ]term|contract(?:or)?|internship|\d+\+?\s*(?:years?|yrs)(?:'|’)?\s+(?:of\s+)?(?:experience|professional))\b|(?<![\p{L}])(?:vollzeit|teilzeit|unbefristet|befristet|CDI|CDD|temps (?:plein|partiel)|tempo (?:inteiro|integral|parcial)|tiempo (?:completo|parcial)|jornada completa|tempo (?:pieno|determinato|indeterminato)|voltijd|deeltijd|heltid|deltid|fast ansettelse|vaste aanstelling|umowa o pracę)(?![\p{L}])/iu;

/** Not the posting's text wherever they sit. */
const CHROME = 'nav, aside, footer, [role="navigation"], [role="contentinfo"], [role="complementary"], [aria-hidden="true"]';

/** Named so a selector report can say which of them a page carries. */
export const SELECTORS = {
  root: 'main, article, [role="main"]',
  heading: 'h1',
  apply: 'a, button',
} as const;

function textLength(el: Element): number {
  return cleanText(el.textContent ?? '').length;
}

/**
 * The element holding the page's text: its longest main/article, else the body. A posting a page
 * writes as several `<article>`s side by side (the role, its duties, its qualifications, each a
 * card) is in none of them alone: when the longest holds less than half of their text, the body.
 */
function contentRoot(doc: Document): Element | null {
  const candidates = Array.from(doc.querySelectorAll(SELECTORS.root));
  let best: Element | null = null;
  for (const el of candidates) if (!best || textLength(el) > textLength(best)) best = el;
  if (!best || textLength(best) === 0) return doc.body;
  const outermost = candidates.filter((el) => !candidates.some((other) => other !== el && other.contains(el)));
  const total = outermost.reduce((sum, el) => sum + textLength(el), 0);
  return textLength(best) * 2 < total && doc.body ? doc.body : best;
}

/** An <h1> that is the site's logo or name linking home ("<h1><a href="#" id="logo">Goldenberg Lab</a></h1>"), not the page's subject. */
function isLogoHeading(h: Element): boolean {
  const links = h.querySelectorAll('a');
  if (links.length !== 1 || cleanText(links[0]!.textContent ?? '') !== cleanText(h.textContent ?? '')) return false;
  const link = links[0]!;
  const named = `${link.id} ${link.className} ${h.id} ${h.className}`;
  return /logo|brand|site-?(?:name|title)/i.test(named) || /^(?:#|\/|\.\/|index\.html?)?$/.test(link.getAttribute('href') ?? '');
}

/** "Position: Junior technician", "Job title: Dispatcher": the label is not part of the title. */
const TITLE_LABEL = /^(?:position|job\s+title|title|role|vacancy|job|opening|poste|stelle|puesto|vaga)\s*:\s*(?=\S)/i;
/** "bioinformatician Job", "Nurse Jobs": a document title's word for what the page is. */
const TITLE_PAGE_WORD = /\s+(?:jobs?|job\s+(?:opening|posting|ad)|vacancy|opening)$/i;

function titleOf(doc: Document, root: Element): string | null {
  const title = withoutTitleLabel(titleCandidate(doc, root));
  return title;
}

function withoutTitleLabel(title: string | null): string | null {
  if (title === null) return null;
  const bare = title.replace(TITLE_LABEL, '');
  return bare || title;
}

function titleCandidate(doc: Document, root: Element): string | null {
  const firstHeading = (scope: ParentNode) => Array.from(scope.querySelectorAll(SELECTORS.heading)).find((h) => !isLogoHeading(h)) ?? null;
  const heading = firstHeading(root) ?? firstHeading(doc);
  const docTitle = cleanText(doc.title ?? '');
  const headingText = cleanText(heading?.textContent ?? '');
  // "<h1>Ticketmaster Mobile Studio</h1>" on a page titled "Ticketmaster Mobile Studio : Senior QA Engineer",
  // "<h2>Senior QA Engineer (Durham, NC)</h2>" below: the h1 is the site's name, the title's other part the posting's.
  const docParts = titleParts(docTitle);
  if (headingText && docParts.length === 2 && docParts[0] === headingText && !isGenericTitle(headingText) && !isGenericTitle(docParts[1]!)) {
    const other = docParts[1]!;
    if (Array.from(root.querySelectorAll('h2, h3')).some((h) => cleanText(h.textContent ?? '').startsWith(other))) return other;
  }
  // "<h1>Open Positions</h1><h2>Research Engineer</h2><h3>Requirements</h3>": a page's generic name over its one posting.
  if (headingText && isGenericTitle(headingText)) {
    const named = postingHeadingAfter(root);
    if (named) return named;
  }
  const candidates = [heading?.textContent ?? '', metaContent(doc, 'og:title') ?? '', TITLE_PAGE_WORD.test(docTitle) && docTitle.split(/\s+/).length > 1 ? docTitle.replace(TITLE_PAGE_WORD, '') : docTitle];
  if (!cleanText(candidates[0]!)) {
    // No <h1>: the part of the page's title that a lower heading shows ("Baykar Kariyer | İş Geliştirme Uzmanı" > <h4>).
    const headings = new Set(Array.from(root.querySelectorAll('h2, h3, h4')).map((h) => cleanText(h.textContent ?? '')));
    for (const candidate of candidates.slice(1)) {
      const part = titleParts(cleanText(candidate)).find((p) => headings.has(p));
      if (part) return part;
    }
  }
  for (const candidate of candidates) {
    const text = cleanText(candidate);
    // "Backend Engineer (India) at VectorShift": an aggregator's heading names the employer after the role.
    if (text) return candidate === candidates[0] ? withoutEmployer(text) : partShownOnPage(text, root);
  }
  return null;
}

function titleParts(title: string): string[] {
  return title.split(/\s+[|–—:]\s+|\s+-\s+/).map((p) => p.trim()).filter(Boolean);
}

/**
 * Under a generic page name, the one heading that names a role: the heading right before the page's
 * first posting heading ("Requirements", "Responsibilities"), when no other heading names one between.
 */
function postingHeadingAfter(root: Element): string | null {
  const headings = Array.from(root.querySelectorAll('h2, h3, h4')).map((h) => cleanText(h.textContent ?? ''));
  const first = headings.findIndex((h) => isPostingHeading(h));
  if (first < 1) return null;
  const named = headings[first - 1]!;
  return named.length <= 100 && !isGenericTitle(named) && !isPostingHeading(named) ? named : null;
}

/**
 * "Baykar Kariyer | İş Geliştirme Uzmanı": a document title joins the site's name and the
 * posting's; the part the page also shows as a line of its own is the posting's.
 */
function partShownOnPage(title: string, root: Element): string {
  const parts = titleParts(title);
  if (parts.length < 2) return title;
  const lines = new Set(blockText(root).split('\n').map((l) => cleanText(l)));
  const shown = parts.filter((p) => lines.has(p));
  return shown.length === 1 ? shown[0]! : title;
}

/** The same parts in the other languages postings are written in: duties, the offer. */
const POSTING_HEADING_INTL =
  /(?<![\p{L}])(?:mô tả công việc|qué har(?:á|ás)|quyền lợi|phúc lợi|yêu cầu|responsabilidades|funciones|vos missions|missions?|avantages|nous offrons|ce que nous offrons|aufgaben|wir bieten|taken|werkzaamheden|wat (?:we|wij) bieden|arbeidsvoorwaarden|verantwoordelijkheden|cosa farai|cosa offriamo|requisiti|岗位职责|工作职责|职位描述|待遇|招聘职位|jobomschrijving|functieomschrijving|aanbod|profiel|wat ga je doen|wat krijg je|wat vragen (?:we|wij)|oferecemos|responsabilidades|sorumluluklar|görev tanımı|i̇?ş tanımı|yan haklar|beneficios|ofrecemos|responsabilità|mansioni|functie\s*omschrijving|functie\s*eisen|bedrijfsprofiel)(?![\p{L}])|(?:주요|담당)\s*업무|업무\s*내용|(?:지원|자격)\s*(?:요건|자격|조건)|우대\s*사항|복지|근무\s*조건|전형\s*절차/iu;

function isPostingHeading(heading: string): boolean {
  return classifyHeading(heading) !== null || POSTING_HEADING.test(heading) || POSTING_HEADING_INTL.test(heading);
}

/** "We are currently seeking a talented WaveWatch III Modeller", "We're hiring a …": an employer's advert. */
const SEEKING =
  /\bwe(?:'re|’re|\s+are)\s+(?:currently\s+|now\s+)?(?:seeking|looking\s+for|hiring|recruiting)\b|(?<![\p{L}])(?:(?:zijn|is)\s+(?:we|wij)\s+op\s+zoek\s+naar|(?:we|wij)\s+zijn\s+op\s+zoek\s+naar|suchen\s+wir|wir\s+suchen|nous\s+recherchons|buscamos|procuramos|cerchiamo|tuyển\s+dụng)(?![\p{L}])/iu;

/** "To apply, please send your resume and a brief introduction to …", "email your CV to …": how to apply, by mail. */
const APPLY_BY_MAIL = /\b(?:send|e-?mail|submit|forward)\b[^.]{0,40}?\b(?:resume|résumé|cv|c\.v\.|cover letter)\b|\b(?:send|e-?mail|submit|forward)\s+(?:us\s+)?(?:your|an?)\s+application\b|\bto apply\b[^.]{0,60}@/i;

/** How many lines at the head of a page's text are searched for a title. */
const TITLE_LINES = 15;

/**
 * The title a page with no title element states in its text: a name-like line near the top
 * or a labelled one ("Job Title: Dispatcher"). titleFromText falls back to the first line
 * whatever it is, so a line that is a heading of the posting or a sentence is refused.
 */
function titleInText(root: Element): string | null {
  const head = blockText(root).split('\n').slice(0, TITLE_LINES).map(withoutMarkdown).join('\n');
  const title = titleFromText(head).title;
  if (!title || title.length > 100 || title.split(/\s+/).length > 12 || /[.!?:;,]$/.test(title)) return null;
  return isPostingHeading(title) ? null : title;
}

/** An Apply link or button; on a page of text (no links), an Apply line ("CLICK TO [APPLY](...)"). */
function hasApply(doc: Document, lines: readonly string[]): boolean {
  if (Array.from(doc.querySelectorAll(SELECTORS.apply)).some((el) => APPLY.test(cleanText(el.textContent ?? '')))) return true;
  return lines.some((line) => APPLY.test(withoutMarkdown(line.replace(MARKDOWN_LINK, '$1'))));
}

/** The page's text without navigation and footers: a detached copy, so the page is never touched. */
function withoutChrome(root: Element): Element {
  const copy = root.cloneNode(true) as Element;
  for (const el of Array.from(copy.querySelectorAll(CHROME))) el.remove();
  return copy;
}

function headingsOf(sections: readonly RawSection[], title: string): string[] {
  return sections.map((s) => s.heading).filter((h): h is string => h !== null && h !== title);
}

/**
 * The page's sections: by its markup, or, when that gives no posting heading, with bold or
 * larger text and plain heading lines as headings too. Markup is trusted first so a page
 * whose headings are tagged is read as before.
 */
function proseSections(content: Element, title: string): RawSection[] {
  const marked = sectionsOf(content);
  if (headingsOf(marked, title).some(isPostingHeading)) return marked;
  return sectionsOf(content, { plainHeading: isPlainHeadingLine, styledEmphasis: true });
}

/**
 * A page that is only text (a posting served as text/plain, which a browser shows as one
 * <pre>): read as pasted text is read, the same title and section rules.
 */
function plainTextOf(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const only = body.children.length === 1 ? body.children[0] : null;
  if (doc.contentType === 'text/plain' || (only?.tagName === 'PRE' && cleanText(body.textContent ?? '') === cleanText(only.textContent ?? ''))) {
    return only?.tagName === 'PRE' ? (only.textContent ?? '') : (body.textContent ?? '');
  }
  return null;
}

/** What prose gives: a title and sections, the site named by its host; no board fields. */
function prosePosting(url: URL, title: string, company: string | null, sections: RawSection[], location: string | null = null): RawPosting {
  return {
    site: url.hostname.replace(/^www\./, '') || 'page',
    jobId: null,
    url: url.href,
    title,
    company,
    location,
    department: null,
    commitment: null,
    workplace: [],
    payText: [],
    payStructured: [],
    experienceMonths: null,
    sections,
  };
}

function readTextPage(text: string, url: URL): RawPosting | null {
  const read = readPostingText(text);
  const { sections, location, frontMatter } = read;
  // A title may name several roles ("Health Center Associate II (HCA II) / Medical Assistant (MA) / … - Rochester, MN").
  // Longer, it is a paragraph standing in for a title the text never gives ("At Canadian Tire, we are
  // committed to …"): the posting is read untitled if its headings say it is one.
  const untitled = read.title.length > 200;
  const title = untitled ? '' : read.title;
  if (!read.title) return null;
  const lines = sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.items]).filter(Boolean);
  const all = lines.join('\n');
  // A posting has two signs: two of a posting's headings ("What you'll do", "Requirements",
  // "Preferred"), or one with pay, terms or an Apply line. A blog post, a news item or a list of
  // jobs has fewer.
  // A site generator's front matter with the title ("title: Sonographer", "salary: …") counts as one.
  const postingHeadings = Math.min(2, headingsOf(sections, title).filter(isPostingHeading).length + (frontMatter ? 1 : 0));
  const others = [
    STATES_PAY.test(all),
    TERMS.test(all),
    lines.some((l) => APPLY.test(withoutMarkdown(l.replace(MARKDOWN_LINK, '$1')))),
    // German-speaking postings mark the title with the genders it is open to: "(m/f/d)".
    /\(\s*[mwfdx]\s*\/\s*[mwfdx]\s*\/\s*[mwfdx]\s*\)/i.test(title),
    SEEKING.test(all),
  ];
  if (postingHeadings === 0 || postingHeadings + others.filter(Boolean).length < 2) return null;
  if (untitled && headingsOf(sections, title).filter(isPostingHeading).length < 2) return null;
  return prosePosting(url, title, null, sections, location);
}

/** The page's posting read as prose, or null when the page does not look like a posting. */
export function readProsePosting(doc: Document, url: URL): RawPosting | null {
  const plain = plainTextOf(doc);
  if (plain !== null) return readTextPage(plain, url);
  const root = contentRoot(doc);
  if (!root) return null;
  const content = withoutChrome(root);
  const title = titleOf(doc, root) ?? titleInText(content);
  if (!title) return null;

  const sections = proseSections(content, title);
  const first = sections[0];
  if (first && first.heading === title) first.heading = null;
  // A posting with none of a posting's headings (a small employer's page of prose) still says so: its
  // title names a role, the employer says it is looking for someone, and how to apply.
  const headed = headingsOf(sections, title).some(isPostingHeading);
  if (!headed && !namesRole(title)) return null;
  const lines = sections.flatMap((s) => [s.heading ?? '', ...s.paragraphs, ...s.items]).filter(Boolean);
  const text = lines.join('\n');
  const applies = hasApply(doc, lines) || lines.some((l) => APPLY_BY_MAIL.test(l));
  const seeking = SEEKING.test(text);
  if (!headed && !(seeking && applies)) return null;
  // A posting heading and one more sign: an Apply link or a line saying how to apply, pay, terms, an
  // employer's "we are looking for", or a second heading of another part of a posting.
  const postingHeadings = new Set(headingsOf(sections, title).filter(isPostingHeading).map((h) => classifyHeading(h) ?? h.toLowerCase()));
  const signals = [applies, STATES_PAY.test(text), TERMS.test(text), seeking, postingHeadings.size >= 2];
  if (!signals.some(Boolean)) return null;

  return prosePosting(url, title, metaContent(doc, 'og:site_name'), sections.filter((s) => s.heading !== null || s.paragraphs.length > 0 || s.items.length > 0));
}

/** Reads a page no other reader understood, as prose. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  name: 'Prose reader',
  // Never chosen by URL: the registry falls back to it last.
  matches: () => false,
  extract(doc, url) {
    try {
      return readProsePosting(doc, url);
    } catch {
      return null;
    }
  },
};
