import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import type { RawPosting } from '../../src/model/index.ts';
import { CLIPPED_TEXT_MESSAGE, MAX_POSTING_TEXT_CHARS, clipPostingText, clipRawPosting, firstChars } from '../../src/model/text-limit.ts';

const NOW = new Date('2026-01-01T00:00:00.000Z');

function raw(sections: RawPosting['sections']): RawPosting {
  return {
    site: 'lever',
    jobId: 'a',
    url: 'https://jobs.lever.co/acme/a',
    title: 'Senior Engineer',
    company: 'Acme',
    location: 'Berlin',
    department: null,
    commitment: null,
    workplace: [],
    payText: [],
    payStructured: [],
    experienceMonths: null,
    sections,
  };
}

/** Every string of the posting's text, in the order it is counted. */
function textOf(r: RawPosting): string[] {
  return [r.title, r.company, r.location, ...r.sections.flatMap((s) => [s.heading, ...s.paragraphs, ...s.items])].filter((t): t is string => t !== null);
}
const length = (r: RawPosting) => textOf(r).reduce((n, t) => n + t.length, 0);

describe('the 200 KB limit on what is read of a posting', () => {
  it('says in plain words that only the first part was read', () => {
    expect(CLIPPED_TEXT_MESSAGE).toBe("Read the first 200 KB of this posting's text; the rest was not read.");
    expect(MAX_POSTING_TEXT_CHARS).toBe(200_000);
  });

  it('sends a posting under the limit as it is', () => {
    const posting = raw([{ heading: 'Requirements', paragraphs: [], items: ['5+ years of Go', 'Kubernetes'] }]);
    const clipped = clipRawPosting(posting);
    expect(clipped.clipped).toBe(false);
    expect(clipped.raw).toBe(posting);
  });

  it('cuts a posting over the limit at the limit: the string that crosses it is cut, what follows is left out', () => {
    const filler = 'Our team builds things. '.repeat(5_000); // 120,000 characters
    const posting = raw([
      { heading: 'About', paragraphs: [filler, filler], items: [] },
      { heading: 'Requirements', paragraphs: [], items: ['5+ years of Go', 'Kubernetes'] },
      { heading: 'Benefits', paragraphs: ['Salary: $300,000 - $400,000 a year'], items: [] },
    ]);
    const { raw: sent, clipped } = clipRawPosting(posting);
    expect(clipped).toBe(true);
    expect(length(sent)).toBe(MAX_POSTING_TEXT_CHARS);
    // Title, company, location and the first paragraph whole; the second cut; the rest not sent.
    expect(sent.title).toBe('Senior Engineer');
    expect(sent.sections[0]!.paragraphs[0]).toBe(filler);
    expect(filler.startsWith(sent.sections[0]!.paragraphs[1]!)).toBe(true);
    expect(sent.sections[0]!.paragraphs[1]!.length).toBeLessThan(filler.length);
    expect(sent.sections).toHaveLength(1);
    // So the pay stated past the limit is not read.
    expect(annotate(posting, NOW).salaries).toHaveLength(1);
    expect(annotate(sent, NOW).salaries).toEqual([]);
  });

  it('cuts pasted text to its first 200,000 characters, and says whether it did', () => {
    expect(clipPostingText('Engineer\nRemote')).toEqual({ text: 'Engineer\nRemote', clipped: false });
    const long = `Engineer\n${'x'.repeat(MAX_POSTING_TEXT_CHARS)}`;
    const cut = clipPostingText(long);
    expect(cut.clipped).toBe(true);
    expect(cut.text).toBe(long.slice(0, MAX_POSTING_TEXT_CHARS));
    expect(clipPostingText(long.slice(0, MAX_POSTING_TEXT_CHARS)).clipped).toBe(false);
  });

  it('never cuts a character in half', () => {
    // "😀" is two UTF-16 units: a cut between them would leave half a character.
    expect(firstChars('ab😀', 3)).toBe('ab');
    expect(firstChars('ab😀', 4)).toBe('ab😀');
    expect(firstChars('abc', 2)).toBe('ab');
  });
});
