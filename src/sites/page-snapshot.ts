/*
 * The page as data, for a test case (src/io/test-case.ts): the current DOM serialised from a
 * clone, with everything that could run removed, so the file can be opened, attached to a bug
 * report or read by the CLI without running anything the page carried. The page itself is only
 * read: every change is made to the clone.
 *
 * Node types and tags are tested by number and name, not with `instanceof`: a page parsed by
 * DOMParser or happy-dom has its own globals. And the DOM is reached through its prototypes'
 * own accessors (`Dom`), never through the nodes' properties: a form's named controls shadow
 * the form's properties (`<input name="attributes">` makes `form.attributes` that input, so a
 * form's `onsubmit` would go unseen), and the page's named images and forms shadow the
 * document's (`<img name="documentElement">`). The prototypes are this script's, which the
 * page cannot change.
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
 * script (but JSON-LD and JSON data blocks), no event handler, no `javascript:` URL, no
 * embedded document or plugin, no `<base>` or meta refresh, no comment, no value a user may
 * have typed, and none of `omit`. Pure: `doc` is not changed.
 */
export function snapshotPageHtml(doc: Document, options: SnapshotOptions = {}): string {
  const root = builtin<Element | null>(doc, 'documentElement').get();
  if (!root) return '<!DOCTYPE html>\n';
  const dom = domOf(root);
  // Where our own elements are, as child-index paths: the clone has the same shape until it is changed.
  const omitted = (options.omit ?? []).map((node) => pathFrom(dom, root, node)).filter((path): path is number[] => path !== null);
  const clone = dom.clone(root) as Element;
  // Resolved before any removal shifts the indices, removed after.
  const ours = omitted.map((path) => nodeAt(dom, clone, path)).filter((node): node is Node => node !== null && node !== clone);
  for (const node of ours) dom.detach(node);
  sanitise(dom, clone);
  return `<!DOCTYPE html>\n${dom.outerHtml(clone)}`;
}

/** The page's address, read past anything the page named `URL`. */
export function pageAddress(doc: Document): string {
  return builtin<string>(doc, 'URL').get();
}

/** A property of `target` as its prototypes define it, skipping what the object itself holds (its named elements). */
function builtin<T>(target: object, name: string): { get: () => T; call: (...args: unknown[]) => unknown } {
  for (let proto = Object.getPrototypeOf(target) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (!descriptor) continue;
    return {
      get: () => (descriptor.get ? descriptor.get.call(target) : descriptor.value) as T,
      call: (...args) => (descriptor.value as (...a: unknown[]) => unknown).apply(target, args),
    };
  }
  throw new Error(`the page's DOM has no ${name}`);
}

type Dom = ReturnType<typeof domOf>;

/** The DOM's own accessors for nodes of `root`'s realm, applied to any node of it. */
function domOf(root: Element) {
  const descriptor = (name: string): PropertyDescriptor => {
    for (let proto = Object.getPrototypeOf(root) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
      const found = Object.getOwnPropertyDescriptor(proto, name);
      if (found) return found;
    }
    throw new Error(`the page's DOM has no ${name}`);
  };
  const getter = <T>(name: string) => {
    const get = descriptor(name).get!;
    return (node: Node): T => get.call(node) as T;
  };
  const method = <A extends unknown[], R>(name: string) => {
    const fn = descriptor(name).value as (...args: A) => R;
    return (node: Node, ...args: A): R => fn.apply(node, args);
  };
  const textContent = descriptor('textContent');
  const localName = getter<string | null>('localName');
  const parentNode = getter<Node | null>('parentNode');
  const removeChild = method<[Node], Node>('removeChild');
  return {
    nodeType: getter<number>('nodeType'),
    localName: (el: Element) => (localName(el) ?? '').toLowerCase(),
    childNodes: (node: Node) => Array.from(getter<NodeListOf<ChildNode>>('childNodes')(node)),
    parentNode,
    contains: method<[Node], boolean>('contains'),
    clone: (node: Node) => method<[boolean], Node>('cloneNode')(node, true),
    detach: (node: Node) => {
      const parent = parentNode(node);
      if (parent) removeChild(parent, node);
    },
    all: (root: Node) => Array.from(method<[string], NodeListOf<Element>>('querySelectorAll')(root, '*')),
    attributes: (el: Element) => Array.from(getter<NamedNodeMap>('attributes')(el)),
    getAttribute: method<[string], string | null>('getAttribute'),
    hasAttribute: method<[string], boolean>('hasAttribute'),
    removeAttribute: method<[string], void>('removeAttribute'),
    removeAttributeNS: method<[string | null, string], void>('removeAttributeNS'),
    empty: method<[], void>('replaceChildren'),
    text: (node: Node): string => (textContent.get!.call(node) as string | null) ?? '',
    setText: (node: Node, text: string) => textContent.set!.call(node, text),
    outerHtml: getter<string>('outerHTML'),
  };
}

/** Child indices from `root` down to `node`, or null when `node` is not inside `root`. */
function pathFrom(dom: Dom, root: Node, node: Node): number[] | null {
  const path: number[] = [];
  let current: Node | null = node;
  while (current && current !== root) {
    const parent: Node | null = dom.parentNode(current);
    if (!parent) return null;
    path.unshift(dom.childNodes(parent).indexOf(current as ChildNode));
    current = parent;
  }
  return current === root ? path : null;
}

function nodeAt(dom: Dom, root: Node, path: readonly number[]): Node | null {
  let current: Node | null = root;
  for (const index of path) current = current ? (dom.childNodes(current)[index] ?? null) : null;
  return current;
}

/** Sanitises `root` and everything under it, template contents included, in place. */
function sanitise(dom: Dom, root: Node): void {
  removeComments(dom, root);
  // A live list would skip nodes as they are removed: take the elements first.
  for (const el of dom.all(root)) {
    if (!dom.contains(root, el)) continue; // inside an element already removed
    if (!keep(dom, el)) {
      dom.detach(el);
      continue;
    }
    neutraliseRawText(dom, el);
    cleanAttributes(dom, el);
    clearTypedValues(dom, el);
    // A template's content is a separate fragment that querySelectorAll does not enter, but
    // the serialiser writes it out, and a parser of the file would build it again. (A
    // template is not a form: nothing of the page's can shadow its `content`.)
    const content: unknown = dom.localName(el) === 'template' ? (el as HTMLTemplateElement).content : null;
    if (isFragment(content)) sanitise(dom, content);
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
function removeComments(dom: Dom, root: Node): void {
  const found: Node[] = [];
  const visit = (node: Node) => {
    for (const child of dom.childNodes(node)) {
      const type = dom.nodeType(child);
      if (type === COMMENT_NODE || type === PROCESSING_INSTRUCTION_NODE) found.push(child);
      else if (type === ELEMENT_NODE) visit(child);
    }
  };
  visit(root);
  for (const node of found) dom.detach(node);
}

/** Whether an element stays in the snapshot at all. */
function keep(dom: Dom, el: Element): boolean {
  // Lower-cased: an element made by a script in another namespace (`createElementNS(null,
  // 'SCRIPT')`) is written as `<SCRIPT>` and would be parsed back as an HTML script.
  const name = dom.localName(el);
  if (name === 'script') return keepsScript(dom, el);
  if (REMOVED_ELEMENTS.has(name)) return false;
  if (name === 'meta' && (dom.getAttribute(el, 'http-equiv') ?? '').trim().toLowerCase() === 'refresh') return false;
  // SVG animation can set an `href` to a `javascript:` URL after the fact.
  if ((name === 'animate' || name === 'set') && /href$/i.test(dom.getAttribute(el, 'attributeName') ?? dom.getAttribute(el, 'attributename') ?? '')) {
    return false;
  }
  // Fallback text that holds its own end tag cannot be written out safely (see RAW_TEXT).
  if (RAW_TEXT.has(name) && name !== 'iframe' && new RegExp(`</${name}`, 'i').test(dom.text(el))) return false;
  return true;
}

/** Raw text that would end its element early in the file is escaped in its own language, or emptied; a kept script loses `src`. */
function neutraliseRawText(dom: Dom, el: Element): void {
  const name = dom.localName(el);
  if (name === 'script') {
    // A data block has no use for `src`, and a loader could take it for one.
    dom.removeAttribute(el, 'src');
    // `</script` would end the element early, and `<!--` changes how a parser reads to its end.
    // `\u003c` is the same character to a JSON parser, inside a string where `<` can be at all.
    const text = dom.text(el);
    if (/<\/script|<!--/i.test(text)) dom.setText(el, text.replace(/</g, '\\u003c'));
  } else if (name === 'style') {
    // A CSS escape: the same style sheet, and no `</style>` that ends the element early.
    const text = dom.text(el);
    if (/<\/style/i.test(text)) dom.setText(el, text.replace(/</g, '\\3c '));
  } else if (name === 'iframe') {
    // An iframe's text is never shown (it is the fallback of browsers without frames).
    dom.empty(el);
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

function keepsScript(dom: Dom, el: Element): boolean {
  return DATA_BLOCK_TYPES.has((dom.getAttribute(el, 'type') ?? '').toLowerCase());
}

/** What a URL parser would see: tabs and newlines anywhere are dropped, and leading controls and spaces. */
function normalisedUrl(value: string): string {
  return value.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
}

function runsScript(value: string): boolean {
  const url = normalisedUrl(value);
  return SCRIPT_SCHEMES.some((scheme) => url.startsWith(scheme));
}

function cleanAttributes(dom: Dom, el: Element): void {
  const name = dom.localName(el);
  // Attr nodes are not shadowed by anything: their own properties are safe to read.
  for (const attr of dom.attributes(el)) {
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
    if (drop) dom.removeAttributeNS(el, attr.namespaceURI, attr.localName);
  }
}

/**
 * Nothing a user typed is carried: the value a field was given (a page's script may copy what
 * is typed into the attribute), a text area's text, and an editable region's content. A user
 * may have started an application on the page.
 */
function clearTypedValues(dom: Dom, el: Element): void {
  const name = dom.localName(el);
  if (name === 'input') {
    if (!BUTTON_INPUTS.has((dom.getAttribute(el, 'type') ?? '').trim().toLowerCase())) dom.removeAttribute(el, 'value');
  } else if (name === 'textarea') {
    dom.empty(el);
  } else if (dom.hasAttribute(el, 'contenteditable') && dom.getAttribute(el, 'contenteditable')?.trim().toLowerCase() !== 'false') {
    dom.empty(el);
  }
}
