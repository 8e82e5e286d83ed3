import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PARSER_VERSION, annotate, annotateText, canonicalUrl, descriptionText, postingId } from '../src/annotate.ts';
import type { RawPosting } from '../src/model/index.ts';
import { readPage } from '../src/sites/registry.ts';
import { fixture, parsePage } from './sites/page.ts';

// The project's four founding postings, byte for byte (test/corpus/real/text/seed-*.txt, from shared/seeds).
const SEEDS = join(dirname(fileURLToPath(import.meta.url)), 'corpus/real/text');
const seed = (prefix: string) =>
  readFileSync(join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(`seed-${prefix.replace(/_$/, '')}`) && f.endsWith('.txt'))!), 'utf8');

const NOW = new Date('2026-06-06T08:00:00.000Z');
const SAMBA = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';

function raw(overrides: Partial<RawPosting> = {}): RawPosting {
  return {
    site: 'lever',
    jobId: '3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
    url: 'https://jobs.lever.co/northwind-analytics/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
    title: 'Senior Data Platform Engineer',
    company: 'Northwind Analytics',
    location: 'Denver, CO',
    department: null,
    commitment: 'Full-time',
    workplace: [],
    payText: [],
    payStructured: [],
    experienceMonths: null,
    sections: [],
    ...overrides,
  };
}

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

describe('annotate: salaries', () => {
  it('keeps one range per figure, from the most trusted source', () => {
    const posting = annotate(
      raw({
        payStructured: [
          { min: 210000, max: 260000, currency: 'USD', period: 'year', source: 'jsonld', evidence: 'JSON-LD baseSalary: 210000–260000 USD per YEAR' },
        ],
        payText: [{ value: '$210,000 - $260,000 a year', source: 'board', field: 'Lever pay block' }],
        sections: [{ heading: null, paragraphs: ['The base salary range for this role is $210,000 - $260,000 per year.'], items: [] }],
      }),
      NOW,
    );
    expect(posting.salaries).toHaveLength(1);
    expect(posting.salary).toMatchObject({ min: 210000, max: 260000, currency: 'USD', period: 'year', source: 'board' });
    expect(posting.salary?.evidence).toContain('$210,000 - $260,000 a year');
  });

  it('puts structured pay first, annualised, with its field as evidence', () => {
    const posting = annotate(
      raw({ payStructured: [{ min: 40, max: 30, currency: 'usd', period: 'hour', source: 'board', evidence: 'API salaryRange: 40–30 USD per-hour-wage' }] }),
      NOW,
    );
    expect(posting.salaries).toEqual([
      {
        min: 30,
        max: 40,
        currency: 'USD',
        period: 'hour',
        annual: { min: 62400, max: 83200 },
        evidence: 'API salaryRange: 40–30 USD per-hour-wage',
        source: 'board',
      },
    ]);
  });

  it('leaves out structured pay whose currency is not an ISO code', () => {
    const posting = annotate(
      raw({ payStructured: [{ min: 1, max: 2, currency: 'dollars', period: 'year', source: 'jsonld', evidence: 'JSON-LD baseSalary: 1–2 dollars per YEAR' }] }),
      NOW,
    );
    expect(posting.salaries).toEqual([]);
    expect(posting.salary).toBeNull();
  });

  it('chooses a base range over on-target earnings for the primary salary', () => {
    const posting = annotate(
      raw({
        payText: [{ value: 'Total OTE ~$200K', source: 'board', field: 'Lever pay block' }],
        sections: [{ heading: null, paragraphs: ['The base salary range for this role is $120,000 - $140,000 per year.'], items: [] }],
      }),
      NOW,
    );
    expect(posting.salaries.map((s) => s.kind ?? 'base')).toEqual(['ote', 'base']);
    expect(posting.salary).toMatchObject({ min: 120000, max: 140000, source: 'prose' });
  });

  it("chooses the employer's figure over a board estimate", () => {
    const posting = annotate(
      raw({
        payText: [{ value: '$117,000/yr - $199,000/yr (LinkedIn est.) · Full-time · Executive', source: 'board', field: 'facts table' }],
        sections: [{ heading: null, paragraphs: ['The base salary range for this role is $150,000 - $170,000 per year.'], items: [] }],
      }),
      NOW,
    );
    expect(posting.salaries[0]?.estimated).toBe(true);
    expect(posting.salary).toMatchObject({ min: 150000, max: 170000 });
  });

  it('has no salary when the posting states no pay (seed 003)', () => {
    const posting = annotateText(seed('003_'), undefined, NOW);
    expect(posting.salaries).toEqual([]);
    expect(posting.salary).toBeNull();
  });
});

describe('annotate: ids', () => {
  it('is <site>:<board id> when the board gives one', () => {
    expect(annotate(raw(), NOW).id).toBe('lever:3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34');
  });

  it('is the same for two URLs of the same job', () => {
    const html = fixture('spotify-ml-engineer-samba.html');
    const ids = [SAMBA, `${SAMBA}/?lever-origin=applied&lever-source%5B%5D=LinkedIn#top`].map((href) => {
      const { doc, close } = parsePage(html, href);
      closers.push(close);
      return annotate(readPage(doc, new URL(href))!, NOW).id;
    });
    expect(ids).toEqual(['lever:7597d3d7-58d2-41b2-9f85-911d95c2c739', 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739']);
  });

  it('hashes the canonical URL when the board gives no id', () => {
    const a = postingId({ site: 'example.org', jobId: null, url: 'https://www.example.org/jobs/pharmacist/?utm_source=x&ref=abc#apply' });
    const b = postingId({ site: 'example.org', jobId: null, url: 'https://example.org/jobs/pharmacist' });
    const other = postingId({ site: 'example.org', jobId: null, url: 'https://example.org/jobs/nurse' });
    expect(a).toBe(b);
    expect(a).not.toBe(other);
    expect(a).toMatch(/^example\.org:[0-9a-z]+$/);
  });

  it('keeps query parameters that name the job', () => {
    expect(canonicalUrl('https://example.org/careers?jobId=12&utm_medium=x')).toBe('https://example.org/careers?jobId=12');
    expect(canonicalUrl('https://example.org/careers?jobId=12')).not.toBe(canonicalUrl('https://example.org/careers?jobId=13'));
  });
});

describe('annotate: the rest of the posting', () => {
  it('writes the description as headings, paragraphs and "- item" lines', () => {
    const sections = [
      { heading: null, paragraphs: ['Intro.'], items: [] },
      { heading: 'Who You Are', paragraphs: [], items: ['A', 'B'] },
    ];
    expect(descriptionText(sections)).toBe('Intro.\n\nWho You Are\n- A\n- B');
  });

  it("reads JSON-LD's months of experience before the text", () => {
    const posting = annotate(
      raw({
        experienceMonths: { months: 24, evidence: 'JSON-LD experienceRequirements.monthsOfExperience: 24' },
        sections: [{ heading: 'Requirements', paragraphs: [], items: ['5+ years of experience with SQL'] }],
      }),
      NOW,
    );
    expect(posting.experience).toMatchObject({ yearsMin: 2, evidence: 'JSON-LD experienceRequirements.monthsOfExperience: 24' });
  });

  it('stamps the posting with the parser version and the time it was read', () => {
    const posting = annotate(raw(), NOW);
    expect(posting.parserVersion).toBe(PARSER_VERSION);
    expect(posting.parsedAt).toBe('2026-06-06T08:00:00.000Z');
  });

  it('fails loudly on a raw posting that breaks the model', () => {
    expect(() => annotate(raw({ url: 'not a url' }), NOW)).toThrow();
  });
});

describe('annotateText', () => {
  it('reads plain posting text (seed 001): title, pay, requirements', () => {
    const posting = annotateText(seed('001_'), undefined, NOW);
    expect(posting).toMatchObject({ site: 'text', title: 'Senior Machine Learning Engineer' });
    expect(posting.salary).toMatchObject({ min: 176166, max: 251666, currency: 'USD', period: 'year' });
    expect(posting.requirements.required.length).toBeGreaterThan(0);
  });

  it('gives the same text the same id', () => {
    const text = seed('001_');
    expect(annotateText(text, undefined, NOW).id).toBe(annotateText(`${text}\n`, undefined, NOW).id);
    expect(annotateText(text, undefined, NOW).id).not.toBe(annotateText(seed('003_'), undefined, NOW).id);
  });

  it("takes the posting's id from a known board's URL, so it is the same record as the page", () => {
    const posting = annotateText(seed('001_'), `${SAMBA}?lever-source=LinkedIn`, NOW);
    expect(posting.id).toBe('lever:7597d3d7-58d2-41b2-9f85-911d95c2c739');
    expect(posting.url).toBe(`${SAMBA}?lever-source=LinkedIn`);
  });
});

describe('years asked for, not years that are a plus (text/h3-numfocus-executive-director)', () => {
  it('reads no years when the only number is in an item the posting calls preferred', () => {
    const text = readFileSync(new URL('./corpus/real/text/h3-numfocus-executive-director.txt', import.meta.url), 'utf8');
    const posting = annotateText(text, undefined, NOW);
    expect(posting.requirements.preferred).toContain('5+ years of senior management experience preferred.');
    expect(posting.experience).toBeNull();
  });

  it('still reads years stated outside the lists', () => {
    const text = ['Operations Lead', '', 'You bring at least 4 years of experience in logistics.', '', 'Requirements', '- Forklift licence', '', 'Nice to have', '- 2 years of experience in retail'].join('\n');
    expect(annotateText(text, undefined, NOW).experience).toMatchObject({ yearsMin: 4 });
  });
});
