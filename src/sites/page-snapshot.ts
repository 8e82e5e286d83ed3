/*
 * The page as data, for a test case (src/io/test-case.ts): the current DOM serialised from a
 * clone, with everything that could run removed, so the file can be opened, attached to a bug
 * report or read by the CLI without running anything the page carried. The page itself is only
 * read: every change is made to the clone.
 *
 * Node types and tags are tested by number and name, not with `instanceof`: a page parsed by
 * DOMParser or happy-dom has its own globals.
 */

const ELEMENT_NODE = 1;
const COMMENT_NODE = 8;
const PROCESSING_INSTRUCTION_NODE = 7;

/** Removed with everything inside them: they run code, or embed a document or a plugin that can. */
const REMOVED_ELEMENTS = new Set(['noscript', 'object', 'embed', 'applet', 'base', 'portal']);

/** Attributes whose value is a URL the browser may follow, load or submit to. */
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite',
  'codebase', 'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'usemap', 'ping',
]);

/** URL schemes that run script when followed. */
const SCRIPT_SCHEMES = ['javascript:', 'vbscript:', 'livescript:'];

/** Elements that load a document from their `src` (a `data:` one runs its own scripts). */
const FRAMES = new Set(['iframe', 'frame', 'use']);

/**
 * Elements whose text is written out raw (not escaped) by the serialiser, so text containing
 * their own end tag (which a page's script can put there) would end them early when the file
 * is parsed again, and what follows would be markup.
 */
const RAW_TEXT = new Set(['xmp', 'noembed', 'noframes', 'iframe']);

/** Input types whose `value` is the page's label for a button, not something a user typed. */
const BUTTON_INPUTS = new Set(['submit', 'button', 'reset', 'image']);

export interface SnapshotOptions {
  /** Elements of ours on the page (the panel's shadow host): left out of the snapshot. */
  omit?: readonly Node[];
}

/**
 * `<!DOCTYPE html>` and the page's `<html>` element, serialised from a sanitised clone: no
 * script (but JSON-LD and JSON data blocks), no event handler, no `javascript:` URL, no embedded document
 * or plugin, no `<base>` or meta refresh, no comment, no value a user may have typed, and none
 * of `omit`. Pure: `doc` is not changed.
 */
export function snapshotPageHtml(doc: Document, options: SnapshotOptions = {}): string {
  const root = doc.documentElement;
  if (!root) return '<!DOCTYPE html>\n';
  // Where our own elements are, as child-index paths: the clone has the same shape until it is changed.
  const omitted = (options.omit ?? []).map((node) => pathFrom(root, node)).filter((path): path is number[] => path !== null);
  const clone = root.cloneNode(true) as Element;
  // Resolved before any removal shifts the indices, removed after.
  const ours = omitted.map((path) => nodeAt(clone, path)).filter((node): node is ChildNode => node !== null && node !== clone);
  for (const node of ours) node.parentNode?.removeChild(node);
  sanitise(clone);
  return `<!DOCTYPE html>\n${clone.outerHTML}`;
}

/** Child indices from `root` down to `node`, or null when `node` is not inside `root`. */
function pathFrom(root: Node, node: Node): number[] | null {
  const path: number[] = [];
  let current: Node | null = node;
  while (current && current !== root) {
    const parent: Node | null = current.parentNode;
    if (!parent) return null;
    path.unshift(Array.prototype.indexOf.call(parent.childNodes, current) as number);
    current = parent;
  }
  return current === root ? path : null;
}

function nodeAt(root: Node, path: readonly number[]): ChildNode | null {
  let current: Node | null = root;
  for (const index of path) current = current?.childNodes[index] ?? null;
  return current as ChildNode | null;
}

/** Sanitises `root` and everything under it, template contents included, in place. */
function sanitise(root: ParentNode): void {
  removeComments(root);
  // A live list would skip nodes as they are removed: take the elements first.
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!(root as Node).contains(el)) continue; // inside an element already removed
    if (!keep(el)) {
      el.remove();
      continue;
    }
    neutraliseRawText(el);
    cleanAttributes(el);
    clearTypedValues(el);
    // A template's content is a separate fragment that querySelectorAll does not enter, but
    // the serialiser writes it out, and a parser of the file would build it again.
    if (el.localName.toLowerCase() === 'template' && isFragment((el as HTMLTemplateElement).content)) {
      sanitise((el as HTMLTemplateElement).content);
    }
  }
}

function isFragment(value: unknown): value is DocumentFragment {
  return typeof value === 'object' && value !== null && (value as Node).nodeType === 11;
}

/**
 * Comments and processing instructions are written out raw: one whose text holds `-->` or
 * `>` (a script can make one) would end early in the file and the rest would be markup. No
 * reader needs them.
 */
function removeComments(root: ParentNode): void {
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === COMMENT_NODE || child.nodeType === PROCESSING_INSTRUCTION_NODE) found.push(child);
      else if (child.nodeType === ELEMENT_NODE) visit(child);
    }
  };
  visit(root as Node);
  for (const node of found) node.parentNode?.removeChild(node);
}

/** Whether an element stays in the snapshot at all. */
function keep(el: Element): boolean {
  // Lower-cased: an element made by a script in another namespace (`createElementNS(null,
  // 'SCRIPT')`) is written as `<SCRIPT>` and would be parsed back as an HTML script.
  const name = el.localName.toLowerCase();
  if (name === 'script') return keepsScript(el);
  if (REMOVED_ELEMENTS.has(name)) return false;
  if (name === 'meta' && (el.getAttribute('http-equiv') ?? '').trim().toLowerCase() === 'refresh') return false;
  // SVG animation can set an `href` to a `javascript:` URL after the fact.
  if ((name === 'animate' || name === 'set') && /href$/i.test(el.getAttribute('attributeName') ?? el.getAttribute('attributename') ?? '')) {
    return false;
  }
  // Fallback text that holds its own end tag cannot be written out safely (see RAW_TEXT).
  if (RAW_TEXT.has(name) && name !== 'iframe' && new RegExp(`</${name}`, 'i').test(el.textContent ?? '')) return false;
  return true;
}

/** Raw text that would end its element early in the file is escaped in its own language, or emptied; a kept script loses `src`. */
function neutraliseRawText(el: Element): void {
  const name = el.localName.toLowerCase();
  const text = el.textContent ?? '';
  if (name === 'script') {
    // A data block has no use for `src`, and a loader could take it for one.
    el.removeAttribute('src');
    // `</script` would end the element early, and `<!--` changes how a parser reads to its end.
    // `\u003c` is the same character to a JSON parser, inside a string where `<` can be at all.
    if (/<\/script|<!--/i.test(text)) el.textContent = text.replace(/</g, '\\u003c');
  } else if (name === 'style') {
    // A CSS escape: the same style sheet, and no `</style>` that ends the element early.
    if (/<\/style/i.test(text)) el.textContent = text.replace(/</g, '\\3c ');
  } else if (name === 'iframe') {
    // An iframe's text is never shown (it is the fallback of browsers without frames).
    el.replaceChildren();
  }
}

/**
 * Data blocks the readers read are kept: JSON-LD (`script[type="application/ld+json" i]`,
 * src/sites/jsonld.ts), which is where most boards and any other page state the posting, and
 * embedded JSON (`script[type="application/json" i]`, src/sites/aggregator.ts). A browser never
 * runs a script of either type: it is data, not code. Any other type, or none, is code or may
 * be (a module, an import map, speculation rules), and goes.
 */
const DATA_BLOCK_TYPES = new Set(['application/ld+json', 'application/json']);

function keepsScript(el: Element): boolean {
  return DATA_BLOCK_TYPES.has((el.getAttribute('type') ?? '').toLowerCase());
}

/** What a URL parser would see: tabs and newlines anywhere are dropped, and leading controls and spaces. */
function normalisedUrl(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
}

function runsScript(value: string): boolean {
  const url = normalisedUrl(value);
  return SCRIPT_SCHEMES.some((scheme) => url.startsWith(scheme));
}

function cleanAttributes(el: Element): void {
  const name = el.localName.toLowerCase();
  for (const attr of Array.from(el.attributes)) {
    const attrName = attr.name.toLowerCase();
    const local = attr.localName.toLowerCase();
    const drop =
      // Event handlers (onclick, onload, onerror, …), whatever the prefix.
      attrName.startsWith('on') ||
      local.startsWith('on') ||
      // A document given inline, which runs its own scripts.
      attrName === 'srcdoc' ||
      ((URL_ATTRIBUTES.has(attrName) || URL_ATTRIBUTES.has(local)) &&
        (runsScript(attr.value) || (FRAMES.has(name) && normalisedUrl(attr.value).startsWith('data:'))));
    if (drop) el.removeAttributeNS(attr.namespaceURI, attr.localName);
  }
}

/**
 * Nothing a user typed is carried: the value a field was given (a page's script may copy what
 * is typed into the attribute), a text area's text, and an editable region's content. A user
 * may have started an application on the page.
 */
function clearTypedValues(el: Element): void {
  const name = el.localName.toLowerCase();
  if (name === 'input') {
    if (!BUTTON_INPUTS.has((el.getAttribute('type') ?? '').trim().toLowerCase())) el.removeAttribute('value');
  } else if (name === 'textarea') {
    el.replaceChildren();
  } else if (el.hasAttribute('contenteditable') && el.getAttribute('contenteditable')?.trim().toLowerCase() !== 'false') {
    el.replaceChildren();
  }
}
