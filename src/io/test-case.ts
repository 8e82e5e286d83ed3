import { TEST_CASE_FORMAT, TEST_CASE_VERSION, TestCase, type Posting } from '../model/index.ts';

/*
 * The test-case file (src/model/test-case.ts): built from a page's snapshot and the panel's
 * reading, written as JSON, and recognised when read back. Pure: the page's HTML is taken as
 * text (src/sites/page-snapshot.ts makes it), and the download is the caller's.
 */

export function buildTestCase(input: { url: string; html: string; reading: Posting; extension: string; capturedAt: Date }): TestCase {
  return {
    format: TEST_CASE_FORMAT,
    version: TEST_CASE_VERSION,
    url: input.url,
    capturedAt: input.capturedAt.toISOString(),
    html: input.html,
    reading: input.reading,
    extension: input.extension,
  };
}

/**
 * The file's text. Checked before it is written, so a file the CLI would refuse (a page
 * address that is not http(s)) is refused here, where the user can be told.
 */
export function serializeTestCase(testCase: TestCase): string {
  const checked = TestCase.safeParse(testCase);
  if (!checked.success) throw new Error(`not a valid test case: ${describeIssue(checked.error.issues[0])}`);
  // Indented: the file is read by people (the reading, in a bug report); the HTML is one string either way.
  return `${JSON.stringify(checked.data, null, 2)}\n`;
}

/** Whether `json` says it is a test case (then readTestCase either reads it or says why not). */
export function isTestCaseFile(json: unknown): boolean {
  return typeof json === 'object' && json !== null && (json as { format?: unknown }).format === TEST_CASE_FORMAT;
}

/** The test case in `json`; throws with a one-line reason naming the field when it is not a valid one. */
export function readTestCase(json: unknown): TestCase {
  if (!isTestCaseFile(json)) throw new Error(`not a ${TEST_CASE_FORMAT} file`);
  const version = (json as { version?: unknown }).version;
  if (version !== TEST_CASE_VERSION) {
    throw new Error(`${TEST_CASE_FORMAT} version ${JSON.stringify(version)} is not one this build reads (it reads ${TEST_CASE_VERSION})`);
  }
  const parsed = TestCase.safeParse(json);
  if (!parsed.success) throw new Error(`not a valid test case: ${describeIssue(parsed.error.issues[0])}`);
  return parsed.data;
}

function describeIssue(issue: { path: readonly PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}

/**
 * `joblens-test-case-<site>-<short id or host>-<YYYY-MM-DD>.json`, in the user's local date:
 * which board and which job, so a few of them in a downloads folder are told apart.
 */
export function testCaseFileName(reading: Pick<Posting, 'id' | 'site' | 'url'>, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  const site = slug(reading.site) || 'page';
  const jobId = slug(reading.id.startsWith(`${reading.site}:`) ? reading.id.slice(reading.site.length + 1) : reading.id);
  // A long id (Lever's UUIDs) is cut to its first part; a page with no id is named by its host.
  const short = jobId.length > 16 ? jobId.slice(0, 8).replace(/[-.]+$/, '') : jobId;
  const name = short || slug(hostOf(reading.url)) || 'posting';
  return `joblens-test-case-${site}-${name}-${day}.json`;
}

/** Lower-case letters, digits, dots and dashes only: safe in a file name on every system. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname : '';
}
