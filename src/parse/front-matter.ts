/*
 * Postings kept as Markdown by a site generator (Jekyll, Hugo) start with front matter: YAML
 * between `---` lines or TOML between `+++` lines, holding the title and often the pay and the
 * place ("salary = \"$28-$30 starting\"", "location: Remote, Oregon"). Only what a posting's
 * reader needs is taken, in the simple forms these files use: `key: value`, `key: "value" # note`,
 * folded values (`title: >-` and indented lines), a value wrapped onto indented lines,
 * `key = "value"` and `key = ["a", "b"]`.
 */

export interface FrontMatter {
  fields: Map<string, string>;
  /**
   * What a CMS keeps deeper in the front matter (Decap, Netlify CMS, Stackbit): lists of items
   * (`list_two:` > `list-items:` > `- item: …`) under the top-level key that holds them, and blocks
   * of text (`text: |-` inside `sections:` > `- type: JobsSection`).
   */
  nested: Array<{ key: string; items: string[]; texts: string[] }>;
  /** The text after the closing fence. */
  body: string;
}

const FENCES: Record<string, RegExp> = { '---': /^---\s*$/, '+++': /^\+\+\+\s*$/ };

function unquote(value: string): string {
  let v = value.trim();
  // A comment after the value: `title: "X" # Title of your project`.
  const quoted = /^(["'])(.*?)\1\s*(?:#.*)?$/.exec(v);
  // A double-quoted YAML or TOML string keeps its escapes: "Qualifications\r\n\r\n1+ years …".
  if (quoted?.[1] === '"') return quoted[2]!.replace(/\\(["\\nrt])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t' })[c] ?? c);
  if (quoted) return quoted[2]!.replace(/''/g, "'");
  // `(?<!\s)`: a match starts where a run of spaces does; tried inside the run as well, each of
  // its spaces would read the run again (a value of thousands of spaces took seconds).
  v = v.replace(/(?<!\s)\s+#\s.*$/, '');
  return v;
}

function listValue(value: string): string | null {
  const list = /^\[(.*)\]$/.exec(value.trim());
  if (!list) return null;
  const items = [...list[1]!.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
  return items.join(', ');
}

/** A sequence entry holding one value: "- item: X", "- text: X", "- X". */
const ENTRY = /^(\s*)-\s+(?:(?:item|text|value|name|label|description|title)\s*:\s*)?(.*)$/;
/** A nested key whose value is a block of text: "text: |-", "body: >". */
const NESTED_BLOCK = /^(\s*)(?:-\s+)?([\w.-]+)\s*:\s*([>|])[+-]?\s*$/;

/** The lines indented deeper than `indent` after `from` (blank lines inside kept), and where they end. */
function deeper(lines: readonly string[], from: number, indent: number): { lines: string[]; next: number } {
  const out: string[] = [];
  let i = from;
  while (i < lines.length && (lines[i]!.trim() === '' || /^\s*/.exec(lines[i]!)![0].length > indent)) out.push(lines[i++]!);
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return { lines: out, next: i };
}

function blockText(lines: readonly string[], folded: boolean): string {
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
  const text = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
  return folded ? text.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n\n') : text.join('\n');
}

/** Lists of single values and blocks of text inside a top-level key's indented lines. */
function nestedParts(lines: readonly string[]): { items: string[]; texts: string[] } {
  const items: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const block = NESTED_BLOCK.exec(line);
    if (block && TEXT_KEY.test(block[2]!.toLowerCase())) {
      const body = deeper(lines, i + 1, block[1]!.length + (line.trimStart().startsWith('-') ? 2 : 0));
      const text = blockText(body.lines, block[3] === '>');
      if (text.trim()) texts.push(text);
      i = body.next - 1;
      continue;
    }
    const entry = ENTRY.exec(line);
    // "- type: JobsSection" opens a mapping, not a value; "- item: X" or "- X" is one.
    if (!entry || /^[\w-]+\s*:(?:\s|$)/.test(entry[2]!)) continue;
    let value = entry[2]!.trim();
    if (/^[>|][+-]?$/.test(value)) {
      const body = deeper(lines, i + 1, entry[1]!.length + 2);
      value = blockText(body.lines, value.startsWith('>')).replace(/\s*\n\s*/g, ' ');
      i = body.next - 1;
    } else {
      value = unquote(value);
    }
    if (value.trim()) items.push(value.trim());
  }
  return { items, texts };
}

/** The front matter of `text`, or null when it has none. */
export function readFrontMatter(text: string): FrontMatter | null {
  if (typeof text !== 'string') return null;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|[\n\r]/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return null;
  const fence = Object.keys(FENCES).find((f) => FENCES[f]!.test(lines[first]!));
  if (!fence) return null;
  const end = lines.findIndex((l, i) => i > first && FENCES[fence]!.test(l));
  if (end < 0 || end - first > 200) return null;
  const toml = fence === '+++';
  const fields = new Map<string, string>();
  const nested: FrontMatter['nested'] = [];
  const inner = lines.slice(first + 1, end);
  for (let i = 0; i < inner.length; i++) {
    const line = inner[i]!;
    const pair = toml ? /^([\w.-]+)\s*=\s*(.*)$/.exec(line) : /^([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = pair[1]!.toLowerCase().replace(/-/g, '_');
    const raw = pair[2]!.trim();
    // The lines a value goes on over: indented, or blank inside a block (`key: >-` then the text).
    const block = /^[>|][+-]?$/.test(raw);
    const more: string[] = [];
    // Blank lines inside a nested value (a CMS's `text: |-` deep in `sections:`) go on with it when indented lines follow.
    const indentedAfterBlanks = (at: number) => {
      let j = at;
      while (j < inner.length && inner[j]!.trim() === '') j++;
      return j < inner.length && /^\s+\S/.test(inner[j]!);
    };
    while (i + 1 < inner.length && (/^\s+\S/.test(inner[i + 1]!) || (inner[i + 1]!.trim() === '' && (block || indentedAfterBlanks(i + 1))))) more.push(inner[++i]!);
    while (more.length > 0 && more[more.length - 1]!.trim() === '') more.pop();
    if (block) {
      const indent = Math.min(...more.filter((l) => l.trim()).map((l) => /^\s*/.exec(l)![0].length));
      const text = more.map((l) => l.slice(Number.isFinite(indent) ? indent : 0));
      // `>` folds: lines of a paragraph join with a space, a blank line ends it; `|` keeps lines.
      fields.set(key, raw.startsWith('>') ? text.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ')).join('\n\n') : text.join('\n'));
    } else {
      const value = listValue(raw) ?? unquote(raw);
      fields.set(key, [value, ...more.map((l) => l.trim())].join(' ').trim());
      if (raw === '' && more.length > 0) {
        const parts = nestedParts(more);
        if (parts.items.length > 0 || parts.texts.length > 0) nested.push({ key, ...parts });
      }
    }
  }
  const body = lines.slice(end + 1).join('\n');
  return { fields, nested, body };
}

/** Keys of front matter that say what a posting's reader reads, and the label each is shown with. */
export const POSTING_KEYS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:salary|compensation|pay|wage|wages|remuneration|salaire|gehalt)$/, 'Salary'],
  [/^(?:job_)?(?:location|locations|city|place|lieu|ort|standort)$/, 'Location'],
  [/^(?:remote|workplace|workplace_type|work_type|remote_policy)$/, 'Workplace'],
  [/^(?:organization|organisation|company|employer|hiring_organization)$/, 'Company'],
  [/^(?:\w+_)?job_type$|^(?:type|employment_type|contract|hours)$/, 'Job type'],
];

/** The title a front matter gives: a role or position field before a page title, which may be the employer's name. */
export function frontMatterTitle(fields: ReadonlyMap<string, string>): string | null {
  // German and Dutch sites write "titel", French "titre", Spanish and Portuguese "titulo".
  // Beside a contact person ("ansprechpartnerin: Rebekka Müller", "position: Einrichtungsleitung …"),
  // `position` is that person's, not the job's.
  const contact = [...fields.keys()].some((k) => /ansprechpartner|contact|kontakt|recruiter/.test(k));
  for (const key of ['role', 'roles', ...(contact ? [] : ['position']), 'job_title', 'jobtitle', 'title', 'titel', 'titre', 'titulo', 'título']) {
    const value = fields.get(key)?.trim();
    if (value) return value;
  }
  return null;
}

/**
 * Fields that hold a part of the posting's text (`description_markdown: >-`, `requirements_markdown`),
 * as a section with the heading the key names ("Requirements"); the description leads without one.
 */
const CONTENT_KEY = /^(?:(?:job|role|position|specialized|minimum|basic|preferred|required|additional)_)?(description|requirements|responsibilities|qualifications|benefits|duties|profile|skills|nice_to_have|about|summary|content|body)(?:_markdown|_md|_html|_text)?$/;

/** Other fields holding the posting's text in Markdown or HTML, with headings of its own (`job_markdown: |-`, `text: >-`). */
const TEXT_KEY = /(?:^|_)(?:markdown|md|html|text|body|content)$/;

/** A field that states one requirement as its value: `aa_degrees_required = "High school degree required"`, `education_required`. */
const REQUIRED_KEY = /(?:^|_)(?:degrees?|education|diploma|licen[cs]es?|certifications?|experience)_required$/;

export function frontMatterText(fields: ReadonlyMap<string, string>, nested: FrontMatter['nested'] = []): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  const required = [...fields].filter(([key, value]) => REQUIRED_KEY.test(key) && value.trim() && !/^(?:none|n\/a|no)$/i.test(value.trim()));
  if (required.length > 0) parts.push(`## Requirements\n\n${required.map(([, value]) => `- ${value.trim()}`).join('\n')}`);
  for (const [key, value] of fields) {
    const m = CONTENT_KEY.exec(key);
    if ((!m && !TEXT_KEY.test(key)) || !value.trim() || seen.has(value.trim())) continue;
    seen.add(value.trim());
    if (!m) {
      parts.push(value);
      continue;
    }
    const name = m[1]!.replace(/_/g, ' ');
    const heading = /^(?:description|about|summary|content|body)$/.test(m[1]!) ? null : name[0]!.toUpperCase() + name.slice(1);
    parts.push(heading ? `## ${heading}\n\n${value}` : value);
  }
  // Each nested list under its key's words ("list_two" > "## List two"), so lists stay apart.
  for (const { key, items, texts } of nested) {
    const content = CONTENT_KEY.exec(key)?.[1];
    const name = (content ?? key).replace(/[_-]+/g, ' ').trim();
    if (items.length > 0) parts.push(`## ${name[0]!.toUpperCase()}${name.slice(1)}\n\n${items.map((item) => `- ${item}`).join('\n')}`);
    for (const text of texts) if (!seen.has(text.trim())) parts.push(text);
  }
  return parts.join('\n\n');
}
