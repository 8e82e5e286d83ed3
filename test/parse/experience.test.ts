import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Experience } from '../../src/model/index.ts';
import { experienceFromMonths, parseExperience } from '../../src/parse/experience.ts';

// The project's four founding postings, byte for byte (test/corpus/real/text/seed-*.txt, from shared/seeds).
const seedDir = new URL('../corpus/real/text/', import.meta.url);
function seed(prefix: string): string {
  const name = readdirSync(seedDir).find((f) => f.startsWith(`seed-${prefix.replace(/_$/, '')}`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(name, seedDir), 'utf8');
}

const years = (line: string) => {
  const e = parseExperience([line]);
  return e ? [e.yearsMin, e.yearsMax] : null;
};

describe('parseExperience', () => {
  it('seed 002: "You have 5+ years of experience in machine learning"', () => {
    const e = parseExperience(seed('002').split('\n'));
    expect(e).not.toBeNull();
    expect([e!.yearsMin, e!.yearsMax]).toEqual([5, null]);
    expect(e!.evidence).toContain('You have 5+ years of experience in machine learning');
    expect(e!.evidence.length).toBeLessThan(400);
    expect(() => Experience.parse(e)).not.toThrow();
  });

  it('finds none in seeds 001 and 003', () => {
    expect(parseExperience(seed('001').split('\n'))).toBeNull();
    expect(parseExperience(seed('003').split('\n'))).toBeNull();
  });

  it.each([
    ['3-5 years of experience', [3, 5]],
    ['3 to 5 years of relevant experience', [3, 5]],
    ['3–5 yrs experience', [3, 5]],
    // The plus on the upper bound opens it (a real posting: '8–10+ years', lever/voltus-three-remote-postings).
    ['5-7+ years in software engineering', [5, null]],
    ['5+ years of experience', [5, null]],
    ['At least 4 years of professional experience', [4, null]],
    ['A minimum of 2 years experience', [2, null]],
    ['Minimum of 6 years working in data', [6, null]],
    ['3 years or more of industry experience', [3, null]],
    ['three years building APIs', [3, null]],
    ['Five (5) years of experience with Go', [5, null]],
    ['Experience: 2-4 years', [2, 4]],
    ['1.5 years of hands-on experience', [1.5, null]],
  ])('%s', (line, expected) => {
    expect(years(line)).toEqual(expected);
  });

  it.each([
    ['Founded 10 years ago, we are a leader in fintech.'],
    ['10 years in business and growing.'],
    ['For over 20 years, we have served our customers.'],
    ['A 4-year vesting schedule with a 1 year cliff.'],
    ['Join our 15 years of history.'],
    ['We offer 25 days of holiday a year.'],
  ])('ignores years that are not experience: %s', (line) => {
    expect(parseExperience([line])).toBeNull();
  });

  it('takes the smallest minimum, with its line as evidence', () => {
    const e = parseExperience(['7+ years of experience preferred', 'You have 5+ years of backend experience', 'Founded 30 years ago']);
    expect(e).toEqual({ yearsMin: 5, yearsMax: null, evidence: 'You have 5+ years of backend experience', source: 'prose' });
  });

  it('carries the source it is given', () => {
    expect(parseExperience(['5+ years of experience'], { source: 'board' })?.source).toBe('board');
  });
});

describe('parseExperience: items of a requirements list', () => {
  it('reads "N+ years of <field>" as experience there, and only there', () => {
    const line = '4+ years of product design, ideally at a SaaS company';
    expect(parseExperience([line], { requirements: true })).toMatchObject({ yearsMin: 4, yearsMax: null, evidence: line });
    expect(parseExperience([line])).toBeNull();
  });
  it('still refuses years that are not about the candidate', () => {
    expect(parseExperience(['10 years of history in the region'], { requirements: true })).toBeNull();
    expect(parseExperience(['Founded 12 years ago'], { requirements: true })).toBeNull();
  });
});

describe('experienceFromMonths', () => {
  it('turns JSON-LD months into years', () => {
    expect(experienceFromMonths(60, 'JSON-LD monthsOfExperience: 60')).toEqual({
      yearsMin: 5, yearsMax: null, evidence: 'JSON-LD monthsOfExperience: 60', source: 'jsonld',
    });
    expect(experienceFromMonths(18, 'x')?.yearsMin).toBe(1.5);
    expect(experienceFromMonths(Number.NaN, 'x')).toBeNull();
  });
});

describe('parseExperience: patterns from the real corpus (test/corpus/real)', () => {
  it.each([
    // workday/gdit-data-engineer: alternatives in one sentence ask the smaller.
    ['Requires BS/BA degree in related discipline along with 8 years of experience or 6 years with a Master’s Degree.', 6],
    // lever/spotify-postings-3: a part of the span does not lower it.
    ['You have 5+ years of experience in customer support operations, program management, or a related field, including 3+ years working within the programmatic advertising ecosystem', 5],
    ['3 years or more of industry experience', 3],
  ])('%j asks %d', (line, years) => {
    expect(parseExperience([line])?.yearsMin).toBe(years);
  });

  it('does not read "four years in a row" as experience (text/hopper-senior-backend-engineer-corporate-travel)', () => {
    expect(parseExperience(['Recognized as one of the most innovative companies by Fast Company four years in a row, Hopper has been downloaded over 100 million times working'])).toBeNull();
  });
});

describe('parseExperience: a span within a span (lever/voltus-three-remote-postings)', () => {
  it('reads "8–10+ years of experience ..., with at least 3+ years specifically within ..." as 8 or more', () => {
    expect(parseExperience(['8–10+ years of experience in corporate communications, PR, or journalism, with at least 3+ years specifically within the B2B energy sector'])).toMatchObject({ yearsMin: 8, yearsMax: null });
    expect(parseExperience(['7–10 years of experience in finance'])).toMatchObject({ yearsMin: 7, yearsMax: 10 });
    expect(parseExperience(['Candidates with 3+ years of experience are welcome'])?.yearsMin).toBe(3);
  });
});

describe('parseExperience: French, German and Spanish postings (test/corpus/real/jsonld)', () => {
  it.each([
    ["Expérience confirmée de 3 à 5 ans d'expérience en data", 3, 5],
    ['Mindestens 3 Jahre Berufserfahrung in der Softwareentwicklung', 3, null],
    ['Experiencia de 2 a 4 años en ventas', 2, 4],
  ])('%j asks %d to %s', (line, min, max) => {
    expect(parseExperience([line])).toMatchObject({ yearsMin: min, yearsMax: max });
  });
});

describe('parseExperience: Indeed screener lines and spans in months (indeed/pk-indeed-*)', () => {
  it('counts "Skill: N years (Required)" and not "(Preferred)"', () => {
    expect(parseExperience(['Flutter and Dart programming languages: 3 years (Required)', 'full mobile development life cycle: 2 years (Required)', 'Firebase: 1 year (Preferred)'])?.yearsMin).toBe(2);
  });
  it('reads "6 months to 1 year of hands-on experience" as half a year to a year', () => {
    expect(parseExperience(['6 months to 1 year of practical experience in the MERN stack'])).toMatchObject({ yearsMin: 0.5, yearsMax: 1 });
  });
});

describe('parseExperience: more real wordings (indeed/*)', () => {
  it.each([
    ['Experience Required: 6 months – 1 year (Fresh graduates with strong portfolios may apply)', 0.5, 1],
    ['Demonstrated background in data modeling and reporting, with 5+ years as a Data Analyst', 5, null],
  ])('%j asks %d to %s', (line, min, max) => {
    expect(parseExperience([line])).toMatchObject({ yearsMin: min, yearsMax: max });
  });
});

describe('parseExperience: "or" inside one kind of experience (greenhouse/stripe-board-four-account-executives#2)', () => {
  it('reads "5–8 years of full sales cycle or account management experience" as 5 to 8', () => {
    expect(parseExperience(['-5–8 years of full sales cycle or account management experience focused on existing business accounts'])).toMatchObject({ yearsMin: 5, yearsMax: 8 });
  });
  it('still reads real alternatives apart', () => {
    expect(parseExperience(['8 years of experience or 6 years with a Master’s degree'])?.yearsMin).toBe(6);
  });
});

describe('parseExperience: other languages (career-pages/page-baykar-*, Dutch, German, French)', () => {
  it.each([
    ['Benzer pozisyonda ve B2G alanında en az 2 yıl deneyim sahibi olmak,', 2],
    ['mindestens 3 Jahre Berufserfahrung', 3],
    ['Minimaal 5 jaar ervaring als developer', 5],
    ["au moins 2 ans d'expérience", 2],
  ])('%j asks %d years', (line, min) => {
    expect(parseExperience([line])?.yearsMin).toBe(min);
  });
});

describe('experience given in months (text/rassure-junior-software-developer)', () => {
  it.each([
    ['we are looking for a Junior Software Engineer with a minimum of 12-18 months of commercial experience in a full-time role', 1, 1.5],
    ['6+ months of experience with React', 0.5, null],
    ['Experience: 18 months in a similar role', 1.5, null],
  ])('%s', (line, min, max) => {
    expect(parseExperience([line])).toMatchObject({ yearsMin: min, yearsMax: max });
  });

  it.each([
    'This is a 6 month contract with a view to extend.',
    'A probation period of 6 months applies.',
    'You will gain 12 months of hands-on training.',
    'Within 3 months you will own the release process.',
  ])('is not experience: %s', (line) => {
    expect(parseExperience([line])).toBeNull();
  });
});

describe('years as one fact of a line of facts (text/h2-flint-*)', () => {
  it.each([
    ['$70k - $95k, 5+ years', 5, null],
    ['Vancouver, BC, 11+ years', 11, null],
    ['Remote | 3-5 years | Full-time', 3, 5],
  ])('%s', (line, min, max) => {
    expect(parseExperience([line])).toMatchObject({ yearsMin: min, yearsMax: max, evidence: line });
  });

  it.each(['Founded in Berlin, 10+ years ago', 'We have 500 clients, 10+ years and counting', '10+ years'])('is not a fact of the job: %s', (line) => {
    expect(parseExperience([line])).toBeNull();
  });
});
