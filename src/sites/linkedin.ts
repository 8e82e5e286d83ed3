import type { FieldValue, RawPosting, RawSection } from '../model/index.ts';
import type { SiteAdapter } from './types.ts';
import { blockText, cleanText, firstText, isPlainHeadingLine, sectionsOf } from './dom.ts';
import { readJsonLdPosting } from './jsonld.ts';
import { titleFromText } from '../parse/title.ts';
import { classifyHeading } from '../parse/requirements.ts';

/*
 * LinkedIn job pages: a posting's own page (/jobs/view/{id}, signed in or out) and the
 * search and collections pages, where the posting is the one selected in the detail pane
 * (`currentJobId`). Signed-in and signed-out pages have different markup; both are read.
 * Signed out, LinkedIn serves the same page from country hosts (ca., tr., nl.linkedin.com)
 * in the visitor's interface language, and the page's posting block alone from its guest
 * endpoint (/jobs-guest/jobs/api/jobPosting/{id}), which tools save as they fetched it.
 * test/fixtures/linkedin/README.md says where each class name was checked.
 */

const HOSTS = new Set(['www.linkedin.com', 'linkedin.com']);
/** Signed-out copies: `ca.linkedin.com`, `tr.linkedin.com`, ... (two-letter country hosts). */
const COUNTRY_HOST = /^[a-z]{2}\.linkedin\.com$/;

/** `/jobs/view/{id}` or the signed-out `/jobs/view/{title-slug}-{id}`. */
const VIEW_PATH = /^\/jobs\/view\/(?:[^/]*-)?(\d{6,})\/?$/;
/**
 * The guest endpoint that answers with one posting's block. Its id may be missing from the
 * address a tool kept; the block then names it (`code#decoratedJobPostingId`) or not at all.
 */
const GUEST_POSTING_PATH = /^\/jobs-guest\/jobs\/api\/jobPosting\/?(\d{6,})?\/?$/;
/** Pages that show one selected job beside a list: `/jobs/search/`, `/jobs/collections/{name}/`. */
const LIST_PATH = /^\/jobs\/(?:search|collections(?:\/[^/]+)?)\/?$/;
const JOB_ID = /^\d{6,}$/;

/** The page's selectors, by field; signed-in layout first, then the signed-out one. */
export const SELECTORS = {
  /** The detail pane on search pages, the posting on a signed-in view page. */
  pane: ['.jobs-search__job-details--container', '.job-view-layout'],
  title: [
    '.job-details-jobs-unified-top-card__job-title h1',
    '.job-details-jobs-unified-top-card__job-title',
    '.jobs-unified-top-card__job-title',
    '.top-card-layout__title',
    '.topcard__title',
  ],
  /** A link to the pane's own posting, so a pane still showing the previous job is noticed. */
  paneJobLink: '.job-details-jobs-unified-top-card__job-title a[href*="/jobs/view/"]',
  paneJobId: '.jobs-apply-button[data-job-id]',
  guestJobId: 'code#decoratedJobPostingId',
  company: [
    '.job-details-jobs-unified-top-card__company-name',
    '.jobs-unified-top-card__company-name',
    '.topcard__org-name-link',
  ],
  /** "New York, United States · 2 days ago · Over 100 applicants": the place comes first. */
  location: [
    '.job-details-jobs-unified-top-card__tertiary-description-container .tvm__text',
    '.job-details-jobs-unified-top-card__primary-description-container',
    '.topcard__flavor.topcard__flavor--bullet',
  ],
  /** The chips under the title: pay, workplace type, job type. */
  chips: ['.job-details-fit-level-preferences button', '.job-details-preferences-and-skills__pill'],
  /** The signed-out page's "Base pay range". */
  guestPay: '.compensation__salary',
  criteria: '.description__job-criteria-item',
  criteriaName: '.description__job-criteria-subheader',
  criteriaValue: '.description__job-criteria-text',
  description: ['#job-details', '.jobs-description__content', '.show-more-less-html__markup', '.description__text'],
} as const;

export interface LinkedInPageKey {
  /** The posting's id: from the path, or the search page's `currentJobId`. */
  id: string;
  /** A search or collections page, where the posting is the selected one. */
  selected: boolean;
}

function isLinkedInHost(host: string): boolean {
  const lower = host.toLowerCase();
  return HOSTS.has(lower) || COUNTRY_HOST.test(lower);
}

function isLinkedInUrl(url: URL): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && isLinkedInHost(url.hostname);
}

/** True for the guest endpoint's posting block, with or without the id in its address. */
function isGuestPostingUrl(url: URL): boolean {
  return isLinkedInUrl(url) && GUEST_POSTING_PATH.test(url.pathname);
}

/** The posting a LinkedIn URL shows; null for any other URL (the feed, a search with no job selected). */
export function linkedinPostingKey(url: URL): LinkedInPageKey | null {
  if (!isLinkedInUrl(url)) return null;
  const view = VIEW_PATH.exec(url.pathname) ?? GUEST_POSTING_PATH.exec(url.pathname);
  if (view?.[1]) return { id: view[1], selected: false };
  if (!LIST_PATH.test(url.pathname)) return null;
  const current = url.searchParams.get('currentJobId') ?? '';
  return JOB_ID.test(current) ? { id: current, selected: true } : null;
}

/** Text of a node without its screen-reader-only copies ("Matches your job preferences, ..."). */
function visibleText(node: Node): string {
  const parts: string[] = [];
  const visit = (parent: Node): void => {
    for (const child of Array.from(parent.childNodes)) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const el = child as Element;
        if (el.classList.contains('visually-hidden') || el.classList.contains('a11y-text')) continue;
        visit(el);
      }
    }
  };
  visit(node);
  return cleanText(parts.join(' '));
}

const WORKPLACE = /^(?:remote|hybrid|on-site|onsite)$/i;
const JOB_TYPE = /^(?:full-time|part-time|contract|temporary|internship|volunteer|other)$/i;
/** A chip that states money: a currency sign or code next to a figure, or a "/yr"-style period. */
const MONEY = /(?:[$€£¥₹]|\b[A-Z]{3}\b|\bCA\$|\bA\$)\s?\d|\d[\d.,]*\s?[KkMm]?\/(?:yr|hr|mo|wk|day)\b/;

interface Chips {
  pay: string[];
  workplace: string[];
  jobTypes: string[];
}

function readChips(root: ParentNode): Chips {
  const chips: Chips = { pay: [], workplace: [], jobTypes: [] };
  for (const selector of SELECTORS.chips) {
    for (const chip of Array.from(root.querySelectorAll(selector))) {
      const text = visibleText(chip);
      if (!text) continue;
      if (MONEY.test(text)) chips.pay.push(text);
      else if (WORKPLACE.test(text)) chips.workplace.push(text);
      else if (JOB_TYPE.test(text)) chips.jobTypes.push(text);
    }
    if (chips.pay.length || chips.workplace.length || chips.jobTypes.length) break;
  }
  return chips;
}

/** The criteria list (seniority, employment type, job function, industries), in the page's order. */
function criteria(root: ParentNode): Array<[name: string, value: string]> {
  const out: Array<[string, string]> = [];
  for (const item of Array.from(root.querySelectorAll(SELECTORS.criteria))) {
    const name = cleanText(item.querySelector(SELECTORS.criteriaName)?.textContent ?? '').toLowerCase();
    const value = cleanText(item.querySelector(SELECTORS.criteriaValue)?.textContent ?? '');
    if (name && value) out.push([name, value]);
  }
  return out;
}

/**
 * The criteria's employment type. Its name is translated with the interface ("İstihdam türü",
 * "Dienstverband"), but LinkedIn lists the four criteria in one order in every language, so
 * in a full list of four the second is the employment type.
 */
function employmentType(facts: ReadonlyArray<[string, string]>): string | null {
  const named = facts.find(([name]) => name === 'employment type');
  if (named) return named[1];
  return facts.length === 4 ? facts[1]![1] : null;
}

/** How many lines at the head of a description are searched for its title. */
const TITLE_LINES = 8;
/** Openings of a description that are never its title. */
const NOT_A_TITLE = /^(?:about\b|who we are|overview|summary|description|job description|company\b|position description)/i;

/**
 * The title stated at the head of the description: the guest block without its top card
 * (as tools keep it) has no other. Recruiters open the text with the title on a line of its
 * own ("AI Adoption Lead") or labelled ("Role: AI/ML Intern"); only a name-like line counts.
 */
function titleInDescription(description: Element): string | null {
  const head = blockText(description).split('\n').slice(0, TITLE_LINES).join('\n');
  const title = titleFromText(head).title;
  if (!title || title.length > 100 || title.split(/\s+/).length > 12) return null;
  if (/[.!?:;,]$/.test(title) || NOT_A_TITLE.test(title) || classifyHeading(title) !== null) return null;
  return title;
}

/** The id of the job the page's own markup shows, when it says. */
function shownJobId(root: ParentNode, doc: Document): string | null {
  const href = root.querySelector(SELECTORS.paneJobLink)?.getAttribute('href') ?? '';
  const fromLink = /\/jobs\/view\/(?:[^/?#]*-)?(\d{6,})/.exec(href)?.[1];
  if (fromLink) return fromLink;
  const fromButton = root.querySelector(SELECTORS.paneJobId)?.getAttribute('data-job-id') ?? '';
  if (JOB_ID.test(fromButton)) return fromButton;
  // Signed out, the id is kept in a comment: <code id="decoratedJobPostingId"><!--"4422277574"--></code>.
  const code = doc.querySelector(SELECTORS.guestJobId);
  const fromCode = /(\d{6,})/.exec(Array.from(code?.childNodes ?? []).map((n) => n.nodeValue ?? '').join(''))?.[1];
  return fromCode ?? null;
}

function placeOf(text: string | null): string | null {
  const place = cleanText((text ?? '').split('·')[0] ?? '');
  return place || null;
}

function firstElement(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    if (el && cleanText(el.textContent ?? '')) return el;
  }
  return null;
}

function readPostingPage(doc: Document, url: URL): RawPosting | null {
  const key = linkedinPostingKey(url);
  let root: ParentNode = doc;
  for (const selector of SELECTORS.pane) {
    const pane = doc.querySelector(selector);
    if (pane) {
      root = pane;
      break;
    }
  }
  // A search page's JSON-LD, if any, is not about the selected job.
  const ld = key?.selected ? null : readJsonLdPosting(doc);

  const shown = shownJobId(root, doc);
  // The pane still shows the job selected before: reading it would file it under the wrong id.
  if (key && shown && shown !== key.id) return null;
  const jobId = key?.id ?? shown ?? ld?.jobId ?? null;

  const description = firstElement(root, SELECTORS.description);
  // A pane without its title is still loading: its description may be the previous job's.
  const fromDescription = description && !key?.selected ? titleInDescription(description) : null;
  const title = firstText(root, SELECTORS.title) ?? ld?.title ?? fromDescription;
  if (!title) return null;

  const chips = readChips(root);
  const facts = criteria(root);

  const workplace: FieldValue[] = chips.workplace.map((value) => ({
    value,
    source: 'board',
    field: 'LinkedIn workplace type',
  }));
  workplace.push(...(ld?.workplace ?? []));

  const payText: FieldValue[] = chips.pay.map((value) => ({ value, source: 'board', field: 'LinkedIn pay insight' }));
  const guestPay = root.querySelector(SELECTORS.guestPay);
  const guestPayText = guestPay ? blockText(guestPay) : '';
  if (guestPayText) payText.push({ value: guestPayText, source: 'board', field: 'LinkedIn base pay range' });

  // The guest description often loses the employer's heading markup: "Nice to Haves<br><br><ul>".
  const pageSections: RawSection[] = description ? sectionsOf(description, { plainHeading: isPlainHeadingLine }) : [];

  return {
    site: 'linkedin',
    jobId,
    url: jobId ? `https://www.linkedin.com/jobs/view/${jobId}/` : url.href,
    title,
    company: firstText(root, SELECTORS.company) ?? ld?.company ?? null,
    location: placeOf(firstText(root, SELECTORS.location)) ?? ld?.location ?? null,
    department: null,
    commitment: chips.jobTypes[0] ?? employmentType(facts) ?? ld?.commitment ?? null,
    workplace,
    payText,
    payStructured: ld?.payStructured ?? [],
    experienceMonths: ld?.experienceMonths ?? null,
    sections: pageSections.length ? pageSections : (ld?.sections ?? []),
  };
}

export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  name: 'LinkedIn',
  hosts: [...HOSTS],
  ownsHost: isLinkedInHost,
  singlePage: true,
  paneSelectors: SELECTORS.pane,
  matches: (url) => linkedinPostingKey(url) !== null || isGuestPostingUrl(url),
  jobIdFromUrl: (url) => linkedinPostingKey(url)?.id ?? null,
  extract(doc, url) {
    try {
      return readPostingPage(doc, url);
    } catch {
      return null;
    }
  },
};
