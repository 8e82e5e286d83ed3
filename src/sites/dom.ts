import type { RawSection } from '../model/index.ts';
import { classifyHeading, isOtherHeading } from '../parse/requirements.ts';
import { isHeadingLine } from '../parse/sections.ts';
import { requirementGrid, type GridCell, type GridList } from '../parse/requirement-grid.ts';

/*
 * Turning a posting's description DOM into plain data. Only reads the DOM (childNodes,
 * tagName, nodeValue); never writes to it. Node types are tested by number, not with
 * `instanceof`, because a page parsed by DOMParser or happy-dom has its own globals.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

/** Never page text: scripts, styles, form controls, media. */
const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'META', 'LINK', 'TITLE',
  'BUTTON', 'FORM', 'INPUT', 'SELECT', 'OPTION', 'TEXTAREA', 'LABEL',
  'SVG', 'IMG', 'PICTURE', 'VIDEO', 'AUDIO', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED',
]);

/**
 * Whether an element's text is never page text. A form is skipped (an application's labels are
 * not the posting), except the one ASP.NET WebForms pages wrap the whole page in (`<body><form
 * id="form1">`): its text is the page's.
 */
export function isSkipped(el: Element): boolean {
  const tag = tagOf(el);
  if (!SKIPPED.has(tag)) return false;
  if (tag !== 'FORM') return true;
  return !(el.parentElement !== null && tagOf(el.parentElement) === 'BODY' && el.querySelector('p, li, h1, h2, h3, h4, article, main') !== null);
}

/** Elements whose start and end are line boundaries. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI',
  'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT',
  'TH', 'THEAD', 'TR', 'UL',
]);

const LISTS = new Set(['UL', 'OL', 'MENU']);
const HEADING = /^H[1-6]$/;
const EMPHASIS = new Set(['B', 'STRONG']);

/** A line that starts with a bullet character is a list item written as text. */
const BULLET = /^(?:[•·▪◦‣●○■□➢➤►▸✓✔]\s*|[-–—*]\s+)/;
/** A hyphen written against its item ("-5–8 years of full sales cycle…", "-Strong SQL"): a list marker too. */
const TIGHT_DASH = /^-(?=\d+\s*(?:\+|[-–]\s*\d+)?\s*(?:years?|yrs?|\p{L})|\p{Lu})/u;

const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff]/g;

/** Collapses runs of whitespace (including no-break spaces) and trims. */
export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function isText(node: Node): boolean {
  return node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE;
}

/** Text of a node with block boundaries and `<br>` as newlines; one cleaned line per line. */
export function blockText(node: Node): string {
  const parts: string[] = [];
  const visit = (parent: Node): void => {
    for (const child of Array.from(parent.childNodes)) {
      if (isText(child)) {
        parts.push(child.nodeValue ?? '');
      } else if (isElement(child)) {
        const tag = tagOf(child);
        if (isSkipped(child)) continue;
        if (tag === 'BR') {
          parts.push('\n');
        } else if (BLOCKS.has(tag) || HEADING.test(tag)) {
          parts.push('\n');
          visit(child);
          parts.push('\n');
        } else {
          visit(child);
        }
      }
    }
  };
  visit(node);
  return parts
    .join('')
    .split('\n')
    .map(cleanText)
    .filter((line) => line.length > 0)
    .join('\n');
}

/** Text of an element on one line, leaving out nested lists (handed back in `nested`). */
function itemText(el: Element, nested: Element[]): string {
  const parts: string[] = [];
  const visit = (parent: Node): void => {
    for (const child of Array.from(parent.childNodes)) {
      if (isText(child)) {
        parts.push(child.nodeValue ?? '');
      } else if (isElement(child)) {
        const tag = tagOf(child);
        if (isSkipped(child)) continue;
        if (LISTS.has(tag)) {
          nested.push(child);
        } else if (tag === 'BR' || BLOCKS.has(tag) || HEADING.test(tag)) {
          parts.push(' ');
          visit(child);
          parts.push(' ');
        } else {
          visit(child);
        }
      }
    }
  };
  visit(el);
  return cleanText(parts.join(''));
}

/** A bold-only line reads as a heading when it is short and not a sentence. */
function looksLikeHeading(text: string): boolean {
  return text.length <= 100 && /\p{L}/u.test(text) && !/[.!?]["”’)]?$/.test(text);
}

interface Segment {
  text: string;
  emphasised: boolean;
}

/**
 * A plain line that reads as a heading on a page with no heading markup: short, Title Case
 * or ending in a colon (the rule plain text is read by), and not a "Location: London" fact.
 */
export function isPlainHeadingLine(line: string): boolean {
  return !/:\s*\S/.test(line) && isHeadingLine(line);
}

/**
 * A line without the Markdown marks a text render keeps (a posting kept as a .md file and
 * served as text, an aggregator's text render): "## **Benefits**", "# [Title](https://...)".
 */
export function withoutMarkdown(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\[([^\]]+)\]\([^)\s]*\)$/, '$1')
    .replace(/^[*_`]+|[*_`\\]+$/g, '')
    .trim();
}

/**
 * A paragraph that labels the list right after it: "Minimum (essential) requirements:",
 * "Desirable:", "You may be a good fit if...", "Why join us?". Editors (Workday's,
 * Greenhouse's) write these as plain paragraphs; when one names a part of the posting, it
 * heads its list, so items under "Desirable:" are not read with those under "Requirements:".
 * A neutral introduction ("In this role you will:") stays a paragraph of the section it is in.
 */
const LABEL_END = /\s*(?::|\.\.\.|…|\?)$/;

function isListLabel(text: string): boolean {
  const label = text.replace(LABEL_END, '');
  if (label === text || label.length > 80 || label.split(/\s+/).length > 10 || /:\s/.test(label)) return false;
  return classifyHeading(label) !== null || isOtherHeading(label);
}

/**
 * "<p>Responsabilidades</p><ul>…</ul>": a paragraph that is only a short known heading, without
 * a colon, right before a list, heads that list.
 */
function isBareListLabel(block: Element): boolean {
  const next = block.nextElementSibling;
  if (next === null || !LISTS.has(tagOf(next))) return false;
  const text = cleanText(block.textContent ?? '');
  // "<p>Leadership &amp; Team Development</p><ul>": a short line in Title Case heads its list, named or not.
  const words = text.split(/\s+/);
  const titled = words.length >= 2 && words.length <= 5 && !/[.,;:!?)…]$/.test(text) && words.every((w, i) => /^[\p{Lu}&\d]/u.test(w) || (i > 0 && /^(?:a|an|the|and|or|of|to|in|for|with|on|at|by)$/.test(w)));
  return titled || isBareLabel(text);
}

/** The heading a web component shows from its title attribute (a custom element, tag with a hyphen), or null. */
function componentTitle(el: Element): string | null {
  if (!tagOf(el).includes('-') || !(el.textContent ?? '').trim()) return null;
  const title = cleanText(el.getAttribute('title') ?? '');
  return title && title.length <= 80 ? title : null;
}

/** "Responsabilidades", "Benefits": a short known heading with nothing after it. */
function isBareLabel(text: string): boolean {
  if (!text || text.split(/\s+/).length > 5 || /[.,;:!?)…]$/.test(text) || !/^\p{Lu}/u.test(text)) return false;
  return classifyHeading(text) !== null || isOtherHeading(text);
}

/**
 * A heading element that holds a posting's content rather than a heading: an `<h3>` never closed,
 * so the page's paragraphs and lists are inside it (Expresso Emprego's description). Read as a block.
 */
function holdsContent(el: Element): boolean {
  return el.querySelector('p, ul, ol, li, div, table') !== null || (el.textContent ?? '').length > 300;
}

/** The text of every item in a sub-list, one string each. */
function subItems(list: Element): string[] {
  return Array.from(list.querySelectorAll('li'))
    .map((li) => cleanText(itemText(li, []).replace(BULLET, '')))
    .filter((text) => text !== '');
}

/** Whether a list item opens with a paragraph of its own that labels what follows ("Required Qualifications:"). */
function labelsContent(li: Element): boolean {
  const first = Array.from(li.children).find((child) => !isSkipped(child));
  if (!first || !['P', 'DIV'].includes(tagOf(first))) return false;
  const text = cleanText(first.textContent ?? '');
  return text.endsWith(':') && text.split(/\s+/).length <= 10;
}

/** A list item that only names the group of sub-bullets under it: "Cloud & DevOps", "Technical skills:". */
function isGroupLabel(text: string): boolean {
  const label = cleanText(text.replace(BULLET, '')).replace(/\s*:$/, '');
  return label === '' || (label.split(/\s+/).length <= 4 && !/[.!?;,]$/.test(label));
}

/** A person specification's table ("Requirement | Essential | Desirable") as its two lists, or null for any other table. */
function gridOf(table: Element): GridList[] | null {
  const rows: GridCell[][] = Array.from(table.querySelectorAll('tr'))
    .filter((tr) => tr.closest('table') === table)
    .map((tr) =>
      Array.from(tr.children)
        .filter((cell) => ['TD', 'TH'].includes(tagOf(cell)))
        .map((cell) => {
          const items = Array.from(cell.querySelectorAll('li'));
          return items.length > 0 ? items.map((li) => cleanText(itemText(li, []).replace(BULLET, ''))) : [cleanText(blockText(cell).replace(/\n/g, ' '))];
        }),
    );
  return requirementGrid(rows);
}

export interface SectionsOptions {
  /**
   * Whether a plain line (no bold, no heading tag) is a heading. Some pages keep no heading
   * markup at all (LinkedIn's guest description writes "Nice to Haves<br><br><ul>"); the
   * caller that knows so passes its test. Left out, only markup makes headings.
   */
  plainHeading?: (line: string) => boolean;
  /**
   * Whether text set bold or larger by its inline style or old tags (`<span style="font-weight:
   * 700">`, `<font size="5">`, `<big>`) counts as emphasis, as `<b>` does. Editors that paste
   * from word processors write headings so; off by default, as boards' own markup does not.
   */
  styledEmphasis?: boolean;
}

/** `font-weight: bold` or 600 and up. */
const BOLD_STYLE = /(?:^|;)\s*font-weight\s*:\s*(?:bold(?:er)?|[6-9]00)\b/i;
/** A font size above the body's: 17px and up, 13pt and up, 1.15em/rem and up, or a larger keyword. */
const LARGE_STYLE = /(?:^|;)\s*font-size\s*:\s*(?:(?:1[7-9]|[2-9]\d)(?:\.\d+)?px|(?:1[3-9]|[2-9]\d)(?:\.\d+)?pt|(?:1\.(?:1[5-9]|[2-9])\d*|[2-9](?:\.\d+)?)r?em|larger|x+-large|large)\b/i;

/** Text set apart as a heading would be by its inline style or an old tag. */
function styledAsHeading(el: Element): boolean {
  const tag = tagOf(el);
  if (tag === 'BIG') return true;
  if (tag === 'FONT' && Number(el.getAttribute('size') ?? '') >= 4) return true;
  const style = el.getAttribute('style') ?? '';
  return style !== '' && (BOLD_STYLE.test(style) || LARGE_STYLE.test(style));
}

/**
 * The description under `root` as sections: a heading (h1–h6, or a paragraph that is only
 * bold text, or a line `options.plainHeading` accepts) starts a section; `<li>` items and
 * bullet-character lines are items; paragraphs and `<br>`-separated lines are paragraphs.
 */
export function sectionsOf(root: Node, options: SectionsOptions = {}): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection = { heading: null, paragraphs: [], items: [] };
  let lines: Segment[][] = [[]];

  const isEmpty = (s: RawSection): boolean => s.heading === null && s.paragraphs.length === 0 && s.items.length === 0;

  const startSection = (heading: string): void => {
    if (!isEmpty(current)) sections.push(current);
    current = { heading, paragraphs: [], items: [] };
  };

  const addItem = (text: string): void => {
    const item = cleanText(text.replace(BULLET, ''));
    if (item) current.items.push(item);
  };

  const flush = (): void => {
    const texts = lines.map((line) => cleanText(line.map((s) => s.text).join('')));
    for (const [i, line] of lines.entries()) {
      const text = texts[i]!;
      if (!text) continue;
      // "Responsabilidades<br>- Levantar …<br>- Desenvolver …": a known heading alone on its line over bullet lines.
      const nextText = texts.slice(i + 1).find((t) => t !== '');
      if (nextText !== undefined && BULLET.test(nextText) && isBareLabel(text)) {
        startSection(text);
        continue;
      }
      const onlyEmphasis = line.every((s) => s.emphasised || cleanText(s.text) === '');
      if (onlyEmphasis && looksLikeHeading(text)) startSection(text);
      else if (BULLET.test(text)) addItem(text);
      else if (TIGHT_DASH.test(text)) addItem(text.replace(TIGHT_DASH, ''));
      else if (options.plainHeading?.(withoutMarkdown(text))) startSection(withoutMarkdown(text).replace(/\s*:$/, ''));
      else if (isListLabel(text)) startSection(text.replace(LABEL_END, ''));
      else current.paragraphs.push(text);
    }
    lines = [[]];
  };

  const listItem = (li: Element): void => {
    const nested: Element[] = [];
    const text = itemText(li, nested);
    if (nested.length > 0 && labelsContent(li)) {
      // "<li><p>Required Qualifications:</p><ul>...</ul><p>Background Check:</p>...</li>":
      // an item that only wraps labelled lists is read as the content it holds.
      walk(li, false, false);
      return;
    }
    if (nested.length > 0 && !isGroupLabel(text)) {
      // Sub-bullets under a full item detail it ("Strong SQL and Excel skills" > "complex SQL
      // queries"): they stay part of that one item, as a reader counts it.
      addItem([text, ...nested.flatMap(subItems)].filter((part) => part !== '').join(' '));
      return;
    }
    addItem(text);
    for (const list of nested) walk(list, false, false);
  };

  const walk = (parent: Node, emphasised: boolean, preformatted: boolean): void => {
    let grid: GridList[] | null;
    for (const child of Array.from(parent.childNodes)) {
      if (isText(child)) {
        // A <pre>'s newlines are its line breaks: a posting served as text/plain renders as one.
        const parts = preformatted ? (child.nodeValue ?? '').split(/\r\n|[\n\r]/) : [child.nodeValue ?? ''];
        parts.forEach((text, i) => {
          if (i > 0) lines.push([]);
          lines[lines.length - 1]!.push({ text, emphasised });
        });
        continue;
      }
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (isSkipped(child)) continue;
      const styled = options.styledEmphasis === true && styledAsHeading(child);
      const pre = preformatted || tag === 'PRE';
      if (tag === 'BR') {
        lines.push([]);
      } else if (HEADING.test(tag) && !holdsContent(child)) {
        flush();
        const heading = cleanText(blockText(child));
        if (heading) startSection(heading);
      } else if (componentTitle(child) !== null) {
        // "<ip-details title="Hakijalta odotamme">…": a web component that shows its title as its heading.
        flush();
        startSection(componentTitle(child)!);
        walk(child, emphasised, pre);
        flush();
      } else if (tag === 'LI') {
        flush();
        listItem(child);
      } else if (tag === 'TABLE' && (grid = gridOf(child)) !== null) {
        // The table's lists stand apart: what follows it is not the desirable list's.
        flush();
        if (!isEmpty(current)) sections.push(current);
        for (const list of grid) sections.push({ heading: list.heading, paragraphs: [], items: list.items });
        current = { heading: null, paragraphs: [], items: [] };
      } else if (LISTS.has(tag) && isElement(parent) && LISTS.has(tagOf(parent)) && current.items.length > 0 && !isGroupLabel(current.items[current.items.length - 1]!)) {
        // A list written straight inside a list ("</li><ul>", as LinkedIn keeps it) is the
        // previous item's sub-bullets.
        flush();
        current.items.push([current.items.pop()!, ...subItems(child)].join(' '));
      } else if (tag === 'P' && isBareListLabel(child)) {
        flush();
        startSection(cleanText(child.textContent ?? ''));
      } else if (BLOCKS.has(tag)) {
        flush();
        walk(child, emphasised || styled, pre);
        flush();
      } else {
        walk(child, emphasised || styled || EMPHASIS.has(tag), pre);
      }
    }
  };

  walk(root, false, false);
  flush();
  if (!isEmpty(current)) sections.push(current);
  return sections;
}

/** Sections of several blocks; each block starts afresh, so one block's text never joins another's heading. */
export function sectionsOfAll(roots: readonly Node[]): RawSection[] {
  return roots.flatMap((root) => sectionsOf(root));
}

type DOMParserConstructor = new () => DOMParser;

/**
 * The body of `html` parsed into an inert document (DOMParser runs no scripts and loads
 * nothing), using the page's own DOMParser when it has one. Null when no DOMParser exists.
 */
export function parseHtmlBody(html: string, doc?: Document | null): HTMLElement | null {
  const Parser: DOMParserConstructor | undefined =
    (doc?.defaultView as { DOMParser?: DOMParserConstructor } | null | undefined)?.DOMParser ??
    (globalThis as { DOMParser?: DOMParserConstructor }).DOMParser;
  if (!Parser) return null;
  try {
    return new Parser().parseFromString(html, 'text/html').body;
  } catch {
    return null;
  }
}

/** Whether a description field holds HTML (raw or escaped once) rather than plain text with its own line breaks. */
export const looksLikeHtml = (s: string): boolean =>
  /<(?:p|br|ul|ol|li|div|h[1-6]|strong|b|em|span)\b[^>]*>/i.test(s) || /&lt;(?:p|ul|li|br)\b/i.test(s);

/**
 * Sections of an HTML string (a JSON-LD description, a board API's HTML field). A string
 * that is HTML escaped once more (`&lt;p&gt;`) is unescaped first. Null when no DOMParser exists.
 */
export function sectionsOfHtml(html: string, doc?: Document | null): RawSection[] | null {
  let source = html;
  if (!/<[a-z!/]/i.test(source) && /&lt;[a-z!/]/i.test(source)) {
    const unescaped = parseHtmlBody(source, doc);
    if (!unescaped) return null;
    source = unescaped.textContent ?? '';
  } else if (escapedTags(source) > 2 * realTags(source)) {
    // Escaped HTML with a board's own line of real markup appended ("&lt;p&gt;…" and then Arbeitnow's
    // "<p>Find more <a href=…>… on Arbeitnow</a>"): the escaped tags are the description's markup.
    source = source.replace(/&lt;(\/?[a-z][a-z0-9]*(?:\s[^<>]*?)?)&gt;/gi, (_, tag: string) => `<${tag.replace(/&quot;/g, '"').replace(/&amp;/g, '&')}>`).replace(/&amp;(#?\w+;)/g, '&$1');
  }
  const body = parseHtmlBody(source, doc);
  return body ? sectionsOf(body) : null;
}

const escapedTags = (s: string): number => s.match(/&lt;\/?[a-z][a-z0-9]*[\s&]/gi)?.length ?? 0;
const realTags = (s: string): number => s.match(/<\/?[a-z][a-z0-9]*[\s>/]/gi)?.length ?? 0;

/** The `content` of a `<meta>` tag by property or name, cleaned; null when absent. */
export function metaContent(doc: Document, key: string): string | null {
  const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`);
  const value = cleanText(el?.getAttribute('content') ?? '');
  return value || null;
}

/** Cleaned text of the first element matching one of `selectors`, or null. */
export function firstText(root: ParentNode, selectors: readonly string[]): string | null {
  for (const selector of selectors) {
    const el = root.querySelector(selector);
    const text = el ? cleanText(el.textContent ?? '') : '';
    if (text) return text;
  }
  return null;
}
