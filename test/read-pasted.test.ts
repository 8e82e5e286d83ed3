import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_URL_MESSAGE, EMPTY_TEXT_MESSAGE, checkPastedInput } from '../src/model/pasted.ts';
import { MAX_POSTING_TEXT_CHARS } from '../src/model/text-limit.ts';
import { readPastedText } from '../src/read-pasted.ts';

const SEED_001 = readFileSync(
  join(import.meta.dirname, 'corpus/real/text/seed-001-spotify-senior-ml-engineer-personalization.txt'),
  'utf8',
);

describe('reading pasted text', () => {
  it('reads it as the CLI reads a .txt file, recorded as site "pasted"', () => {
    const posting = readPastedText({ text: SEED_001, url: '' });
    expect(posting).toMatchObject({ site: 'pasted', title: 'Senior Machine Learning Engineer' });
    expect(posting.description).toContain('Who You Are');
    expect(posting.salaries.map((r) => r.evidence)).toContain(
      'The United States base range for this position is $176166 $251666 plus equity.',
    );
  });

  it('keeps the address the user gave, trimmed', () => {
    const posting = readPastedText({ text: SEED_001, url: '  https://example.org/jobs/42?src=mail  ' });
    expect(posting.url).toBe('https://example.org/jobs/42?src=mail');
  });

  it('refuses empty text, and text of blanks only', () => {
    for (const text of ['', '   \n\t\n ']) {
      expect(checkPastedInput({ text })).toEqual({ ok: false, field: 'text', message: EMPTY_TEXT_MESSAGE });
      expect(() => readPastedText({ text })).toThrow(EMPTY_TEXT_MESSAGE);
    }
  });

  it('reads the first 200,000 characters of a longer text, and nothing after them', () => {
    const before = 'Senior Engineer\nSalary: $100,000 - $120,000 a year\n';
    const filler = 'We build things together.\n'.repeat(Math.ceil(MAX_POSTING_TEXT_CHARS / 26));
    const long = `${before}${filler}Salary: $300,000 - $400,000 a year\n`;
    expect(long.length).toBeGreaterThan(MAX_POSTING_TEXT_CHARS);
    expect(checkPastedInput({ text: long }).ok).toBe(true);
    const posting = readPastedText({ text: long });
    expect(posting.salaries.map((r) => [r.min, r.max])).toEqual([[100_000, 120_000]]);
    expect(posting.description.length).toBeLessThanOrEqual(MAX_POSTING_TEXT_CHARS);
  });

  it('refuses an address that is not a web address', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/job', 'jobs.lever.co/spotify', 'https://', `https://example.org/${'a'.repeat(2100)}`]) {
      expect(checkPastedInput({ text: SEED_001, url })).toEqual({ ok: false, field: 'url', message: BAD_URL_MESSAGE });
    }
    expect(() => readPastedText({ text: SEED_001, url: 'javascript:alert(1)' })).toThrow(BAD_URL_MESSAGE);
  });
});
