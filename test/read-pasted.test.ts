import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD_URL_MESSAGE, EMPTY_TEXT_MESSAGE, MAX_PASTED_CHARS, checkPastedInput } from '../src/model/pasted.ts';
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

  it(`refuses text longer than ${MAX_PASTED_CHARS.toLocaleString('en-US')} characters, saying how long it is`, () => {
    const long = `Engineer\n${'x'.repeat(MAX_PASTED_CHARS)}`;
    const checked = checkPastedInput({ text: long });
    expect(checked).toMatchObject({ ok: false, field: 'text' });
    expect(!checked.ok && checked.message).toBe(
      `This text is ${(MAX_PASTED_CHARS + 9).toLocaleString('en-US')} characters long; JobLens reads up to 200,000. Paste only the posting.`,
    );
    expect(() => readPastedText({ text: long })).toThrow('JobLens reads up to 200,000');
    // The limit itself is read.
    expect(checkPastedInput({ text: long.slice(0, MAX_PASTED_CHARS) }).ok).toBe(true);
  });

  it('refuses an address that is not a web address', () => {
    for (const url of ['javascript:alert(1)', 'ftp://example.org/job', 'jobs.lever.co/spotify', 'https://', `https://example.org/${'a'.repeat(2100)}`]) {
      expect(checkPastedInput({ text: SEED_001, url })).toEqual({ ok: false, field: 'url', message: BAD_URL_MESSAGE });
    }
    expect(() => readPastedText({ text: SEED_001, url: 'javascript:alert(1)' })).toThrow(BAD_URL_MESSAGE);
  });
});
