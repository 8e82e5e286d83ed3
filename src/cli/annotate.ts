import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { annotate, annotateText } from '../annotate.ts';
import { isTestCaseFile, readTestCase } from '../io/test-case.ts';
import type { Posting } from '../model/index.ts';
import { payloadReaderFor, payloadReaders } from '../sites/payloads.ts';
import { readPage, urlOfPage } from '../sites/registry.ts';

/*
 * The pipeline from the command line:
 *   npm run annotate -- <file>... [--url <posting url>] [--pretty]
 * .html: a saved posting page; .json: a test case saved from the panel (its page, read at its
 * URL), or a board's posting API payload (one posting or an array); .txt: posting text. One
 * Posting per line of JSON on stdout, in file order. A file that cannot be read or understood
 * gets one line on stderr and a non-zero exit code; the other files are still annotated.
 */

export const USAGE = 'usage: npm run annotate -- <file>... [--url <posting url>] [--pretty]';

export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  readFile?(path: string): Promise<string>;
  /** The time written as `parsedAt`; tests pin it. */
  now?: Date;
}

interface Options {
  files: string[];
  url: string | undefined;
  pretty: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const options: Options = { files: [], url: undefined, pretty: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pretty') options.pretty = true;
    else if (arg === '--url') {
      const value = argv[++i];
      if (!value) return '--url needs a value';
      options.url = value;
    } else if (arg.startsWith('--url=')) options.url = arg.slice('--url='.length);
    else if (arg === '--') continue;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else options.files.push(arg);
  }
  if (options.url !== undefined && !isWebUrl(options.url)) return `--url is not an http(s) URL: ${options.url}`;
  if (options.files.length === 0) return 'no files given';
  return options;
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line || 'failed';
}

function isWebUrl(href: string | null | undefined): href is string {
  if (!href || !URL.canParse(href)) return false;
  const protocol = new URL(href).protocol;
  return protocol === 'https:' || protocol === 'http:';
}

/** One happy-dom window per run: its DOMParser reads saved pages and the API's HTML fields; it runs no scripts. */
function makeWindow(): Window {
  return new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
}

function annotateHtml(html: string, window: Window, url: string | undefined, now: Date): Posting {
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const href = url ?? urlOfPage(doc);
  if (!href) throw new Error('the page does not say its URL (no canonical link, og:url or JSON-LD url); pass --url');
  window.happyDOM.setURL(href);
  const raw = readPage(doc, new URL(href));
  if (!raw) throw new Error('not a job posting: no Lever posting markup and no JobPosting JSON-LD');
  return annotate(raw, now);
}

function annotateJson(text: string, window: Window, url: string | undefined, now: Date): { postings: Posting[]; errors: string[] } {
  const data: unknown = JSON.parse(text);
  // A test case says what it is; a board's payload is known only by its shape, so the test
  // case is recognised first (its `reading` could pass for a posting in some shape).
  if (isTestCaseFile(data)) {
    const testCase = readTestCase(data);
    return { postings: [annotateHtml(testCase.html, window, url ?? testCase.url, now)], errors: [] };
  }
  const reader = payloadReaderFor(data);
  if (!reader) {
    const known = payloadReaders.map((r) => r.name).join(', ');
    return { postings: [], errors: [`not a posting payload this tool knows (${known})`] };
  }
  const items = reader.items(data);
  const postings: Posting[] = [];
  const errors: string[] = [];
  const doc = window.document as unknown as Document;
  items.forEach((item, index) => {
    try {
      postings.push(annotate(reader.readItem(item, { url, doc, single: items.length === 1 }), now));
    } catch (error) {
      errors.push(items.length > 1 ? `item ${index}: ${oneLine(error)}` : oneLine(error));
    }
  });
  if (items.length === 0) errors.push(`no postings in this ${reader.name} payload`);
  return { postings, errors };
}

/** Runs the CLI on `argv` (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    io.stderr(`annotate: ${options}`);
    io.stderr(USAGE);
    return 2;
  }
  const read = io.readFile ?? ((path: string) => readFile(path, 'utf8'));
  const now = io.now ?? new Date();
  const print = (posting: Posting) => io.stdout(JSON.stringify(posting, null, options.pretty ? 2 : undefined));
  let window: Window | null = null;
  let failed = false;
  const fail = (file: string, reason: string) => {
    io.stderr(`annotate: ${file}: ${reason}`);
    failed = true;
  };

  try {
    for (const file of options.files) {
      const kind = extname(file).toLowerCase();
      if (!['.html', '.htm', '.json', '.txt'].includes(kind)) {
        fail(file, 'unknown file type (expected .html, .json or .txt)');
        continue;
      }
      let text: string;
      try {
        text = await read(file);
      } catch (error) {
        fail(file, `cannot read: ${oneLine(error)}`);
        continue;
      }
      try {
        if (kind === '.txt') {
          print(annotateText(text, options.url, now));
        } else if (kind === '.json') {
          window ??= makeWindow();
          const { postings, errors } = annotateJson(text, window, options.url, now);
          postings.forEach(print);
          errors.forEach((reason) => fail(file, reason));
        } else {
          window ??= makeWindow();
          print(annotateHtml(text, window, options.url, now));
        }
      } catch (error) {
        fail(file, oneLine(error));
      }
    }
  } finally {
    if (window) await window.happyDOM.close();
  }
  return failed ? 1 : 0;
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(entry).href) {
  runCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`annotate: ${oneLine(error)}\n`);
      process.exitCode = 1;
    },
  );
}
