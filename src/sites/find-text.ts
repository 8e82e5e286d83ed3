/*
 * Finding an evidence sentence in the page's own text, so the overlay can point at it.
 * Only reads the DOM. Node types and filter results are numbers, not `Node.TEXT_NODE` or
 * `NodeFilter.*`, because a page parsed by DOMParser or happy-dom has its own globals.
 */

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;

const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;

/** Never visible page text. Hidden elements are not skipped: that would need layout. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'TEXTAREA']);

/**
 * Elements that start a new line. Text on either side of one reads as separate words, so
 * the two sides are joined with a space that is in no text node ("…New York</li><li>We…").
 */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV',
  'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN', 'MENU', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY',
  'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

/** Characters that print nothing: dropped on both sides so they never break a match. */
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);

/**
 * Typographic variants folded to one plain form on both sides: a posting's "we’re" and a
 * parser's "we're" are the same words, and so are "$100–$200" and "$100-$200".
 */
const FOLDED: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
};

const WHITESPACE = /\s/;

/** One code unit of the page's text in its compared form: '' (dropped), ' ', or folded text. */
function fold(unit: string): string {
  if (INVISIBLE.has(unit)) return '';
  if (WHITESPACE.test(unit)) return ' ';
  return FOLDED[unit] ?? unit;
}

/** Lower case when that keeps the length, so positions in both forms stay the same. */
function lowerUnit(unit: string): string {
  const lower = unit.toLowerCase();
  return lower.length === unit.length ? lower : unit;
}

/** The page's text in compared form, with where each compared code unit came from. */
interface TextIndex {
  text: string;
  lower: string;
  /** For each code unit of `text`: the text node it came from, or -1 for a block boundary. */
  nodeAt: number[];
  offsetAt: number[];
  nodes: Node[];
}

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

function closestBlock(node: Node, root: Node): Node {
  let el = node.parentElement;
  while (el && el !== root) {
    if (BLOCKS.has(tagOf(el))) return el;
    el = el.parentElement;
  }
  return root;
}

function documentOf(root: Element | Document): Document {
  return root.nodeType === DOCUMENT_NODE ? (root as Document) : (root as Element).ownerDocument;
}

function indexText(doc: Document, root: Element | Document, exclude: Element | null): TextIndex {
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, (node: Node) => {
    if (node.nodeType !== ELEMENT_NODE) return FILTER_ACCEPT;
    return node === exclude || SKIPPED.has(tagOf(node as Element)) ? FILTER_REJECT : FILTER_ACCEPT;
  });

  const chars: string[] = [];
  const nodeAt: number[] = [];
  const offsetAt: number[] = [];
  const nodes: Node[] = [];
  let lastWasSpace = true; // nothing yet: a leading space is never kept
  let breakPending = false;
  let lastBlock: Node | null = null;

  const push = (value: string, node: number, offset: number) => {
    for (let i = 0; i < value.length; i++) {
      chars.push(value[i]!);
      nodeAt.push(node);
      offsetAt.push(offset);
    }
  };

  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === ELEMENT_NODE) {
      if (tagOf(node as Element) === 'BR') breakPending = true;
      continue;
    }
    if (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) continue;
    const value = node.nodeValue ?? '';
    if (value === '') continue;
    const block = closestBlock(node, root);
    if ((breakPending || (lastBlock !== null && block !== lastBlock)) && !lastWasSpace) {
      push(' ', -1, 0);
      lastWasSpace = true;
    }
    breakPending = false;
    lastBlock = block;
    const index = nodes.push(node) - 1;
    for (let offset = 0; offset < value.length; offset++) {
      const folded = fold(value[offset]!);
      if (folded === '') continue;
      if (folded === ' ') {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      push(folded, index, offset);
    }
  }
  return { text: chars.join(''), lower: chars.map(lowerUnit).join(''), nodeAt, offsetAt, nodes };
}

/** The needle in the same compared form as the page: folded, whitespace collapsed, trimmed. */
function foldNeedle(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const folded = fold(text[i]!);
    if (folded === ' ' && (out === '' || out.endsWith(' '))) continue;
    out += folded;
  }
  return out.trimEnd();
}

/**
 * The first place `text` appears in the visible text under `root`, as a Range over the
 * page's own text nodes; null when it does not appear. Whitespace runs (no-break spaces
 * too) count as one space, typographic quotes and dashes match their plain forms, and a
 * sentence may run across elements ("as long as we have <a>a work location.</a>").
 * Case-sensitive first, then case-insensitive. Nothing under `exclude` (our overlay's
 * host) is searched.
 */
export function findTextRange(root: Element | Document, text: string, exclude: Element | null = null): Range | null {
  return textFinder(root, exclude)(text);
}

/**
 * findTextRange for several texts over one reading of the page: the text under `root` is
 * indexed on the first search and kept, so the page must not change between searches
 * (the panel asks, while it renders, whether each value's evidence is on the page).
 */
export function textFinder(root: Element | Document, exclude: Element | null = null): (text: string) => Range | null {
  const doc = documentOf(root);
  let index: TextIndex | null = null;
  return (text) => {
    const needle = foldNeedle(text);
    if (needle === '') return null;
    index ??= indexText(doc, root, exclude);

    let start = index.text.indexOf(needle);
    if (start < 0) start = index.lower.indexOf(needle.split('').map(lowerUnit).join(''));
    if (start < 0) return null;
    const end = start + needle.length - 1;

    // The needle is trimmed, so its first and last units come from text nodes, not boundaries.
    const startNode = index.nodes[index.nodeAt[start]!];
    const endNode = index.nodes[index.nodeAt[end]!];
    if (!startNode || !endNode) return null;
    const range = doc.createRange();
    range.setStart(startNode, index.offsetAt[start]!);
    range.setEnd(endNode, index.offsetAt[end]! + 1);
    return range;
  };
}
