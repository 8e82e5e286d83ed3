import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { runCli } from '../../src/cli/annotate.ts';
import { buildTestCase, isTestCaseFile, readTestCase, serializeTestCase, testCaseFileName } from '../../src/io/test-case.ts';
import { Posting, TestCase } from '../../src/model/index.ts';
import { snapshotPageHtml } from '../../src/sites/page-snapshot.ts';
import { readPage } from '../../src/sites/registry.ts';
import { sambaPosting } from '../helpers/postings.ts';
import { parsePage } from '../sites/page.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = join(ROOT, 'test/fixtures');
const NOW = new Date('2026-06-06T08:00:00.000Z');

const scratch = mkdtempSync(join(tmpdir(), 'joblens-test-case-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: NOW });
  return { code, out, err };
}

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** Every saved page with an expected reading, and the address it was read at. */
function fixturePages(board: string): { name: string; file: string; url: string }[] {
  const dir = join(FIXTURES, board);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.html') && existsSync(join(dir, name.replace(/\.html$/, '.expected.json'))))
    .map((name) => ({
      name,
      file: join(dir, name),
      url: (JSON.parse(readFileSync(join(dir, name.replace(/\.html$/, '.expected.json')), 'utf8')) as { url: string }).url,
    }));
}

const BOARDS = readdirSync(FIXTURES).filter((board) => fixturePages(board).length > 0);

describe('a test case saved from a page reads back to the same posting', () => {
  it('has fixture pages to check, Lever among them', () => {
    expect(fixturePages('lever').length).toBeGreaterThanOrEqual(5);
    expect(BOARDS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(BOARDS.flatMap((board) => fixturePages(board).map((page) => [`${board}/${page.name}`, page] as const)))(
    '%s',
    async (_label, { file, url }) => {
      const { doc, close } = parsePage(readFileSync(file, 'utf8'), url);
      try {
        const raw = readPage(doc, new URL(url));
        expect(raw, 'the original page reads as a posting').not.toBeNull();
        const original = annotate(raw!, NOW);
        // As in the extension: the panel's host is on the page when the test case is saved.
        const host = doc.createElement('joblens-overlay');
        host.textContent = 'JobLens panel';
        doc.documentElement.append(host);

        const text = serializeTestCase(
          buildTestCase({ url, html: snapshotPageHtml(doc, { omit: [host] }), reading: original, extension: '0.1.0', capturedAt: NOW }),
        );
        expect(text).not.toContain('joblens-overlay');
        const { code, out, err } = await cli([scratchFile(testCaseFileName(original, NOW), text)]);
        expect(err).toEqual([]);
        expect(code).toBe(0);
        expect(out).toHaveLength(1);
        expect(Posting.parse(JSON.parse(out[0]!))).toEqual(original);
      } finally {
        await close();
      }
    },
  );
});

describe('the test-case file', () => {
  const reading = sambaPosting();
  const testCase = buildTestCase({
    url: reading.url,
    html: '<!DOCTYPE html>\n<html><head></head><body><h1>Samba</h1></body></html>',
    reading,
    extension: '0.1.0',
    capturedAt: NOW,
  });

  it('is one JSON document in the documented shape', () => {
    const json = JSON.parse(serializeTestCase(testCase)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['format', 'version', 'url', 'capturedAt', 'html', 'reading', 'extension']);
    expect(json).toMatchObject({ format: 'joblens-test-case', version: 1, url: reading.url, capturedAt: NOW.toISOString(), extension: '0.1.0' });
    expect(Posting.parse(json['reading'])).toEqual(reading);
    expect(readTestCase(json)).toEqual(TestCase.parse(json));
  });

  it('is not written for a page whose address is not a web address', () => {
    expect(() => serializeTestCase({ ...testCase, url: 'file:///home/me/page.html' })).toThrow(/url/);
  });

  it('is told apart from a board payload by its format alone', () => {
    expect(isTestCaseFile(JSON.parse(serializeTestCase(testCase)))).toBe(true);
    expect(isTestCaseFile({ ...testCase, format: 'joblens/export' })).toBe(false);
    expect(isTestCaseFile([testCase])).toBe(false);
    expect(isTestCaseFile(reading)).toBe(false);
  });

  it('is refused, naming the reason, when it is of another version or misses a field', async () => {
    expect(() => readTestCase({ ...testCase, version: 2 })).toThrow('joblens-test-case version 2 is not one this build reads (it reads 1)');
    const { html: _html, ...noHtml } = testCase;
    expect(() => readTestCase(noHtml)).toThrow(/^not a valid test case: html/);

    const newer = scratchFile('newer.json', JSON.stringify({ ...testCase, version: 2 }));
    const good = scratchFile('good.json', serializeTestCase({ ...testCase, html: readFileSync(join(FIXTURES, 'lever/spotify-ml-engineer-samba.html'), 'utf8') }));
    const { code, out, err } = await cli([newer, good]);
    expect(code).toBe(1);
    expect(err).toEqual([`annotate: ${newer}: joblens-test-case version 2 is not one this build reads (it reads 1)`]);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ id: reading.id, title: reading.title });
  });

  it('is named by board, job and local date', () => {
    const day = new Date(2026, 0, 9, 23, 59);
    expect(testCaseFileName(reading, day)).toBe('joblens-test-case-lever-7597d3d7-2026-01-09.json');
    expect(testCaseFileName({ id: 'linkedin:4012345678', site: 'linkedin', url: 'https://www.linkedin.com/jobs/view/4012345678' }, day)).toBe(
      'joblens-test-case-linkedin-4012345678-2026-01-09.json',
    );
    expect(testCaseFileName({ id: 'workday:acme:R-1234', site: 'workday', url: 'https://acme.wd5.myworkdayjobs.com/x/job/R-1234' }, day)).toBe(
      'joblens-test-case-workday-acme-r-1234-2026-01-09.json',
    );
    // A site named by its host, and ids with characters no file name should hold.
    expect(testCaseFileName({ id: 'careers.example.org:a/b\\c?', site: 'careers.example.org', url: 'https://careers.example.org/x' }, day)).toBe(
      'joblens-test-case-careers.example.org-a-b-c-2026-01-09.json',
    );
    expect(testCaseFileName({ id: 'careers.example.org:', site: 'careers.example.org', url: 'https://careers.example.org/x' }, day)).toBe(
      'joblens-test-case-careers.example.org-careers.example.org-2026-01-09.json',
    );
  });
});
