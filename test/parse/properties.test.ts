import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Experience, FieldValue, RawSection, Remote, Requirements, SalaryRange } from '../../src/model/index.ts';
import {
  decodeEntities,
  extractRequirements,
  normalizeSpace,
  parseExperience,
  parseMoney,
  parseRemote,
  parseSalaryRanges,
  sectionsFromText,
  splitSentences,
} from '../../src/parse/index.ts';

/*
 * Any input: no throw, schema-valid output, and no call slow enough to stall a page.
 * The time limit is generous on purpose (a stall from a runaway regex takes seconds);
 * real timings are for the benchmark scripts.
 */
const PER_CALL_MS = 1_000;

/** Pieces that make strings look like postings, so the parsers' deeper paths run. */
const FRAGMENTS = [
  '$', '€', '£', '¥', '₹', 'R$', 'CA$', 'A$', 'US$', 'USD', 'CAD', 'CHF', 'EUR', ' Swiss Francs', ' euros', 'k', 'K', 'M', ' LPA', ' lakhs',
  '0', '1', '5', '9', '12', '120', '1,234', '1.234,56', '18,00,000', '115,252,80', '.', ',', "'", ' ', '\n', '\u00a0', '-', '–', '—', ' to ',
  ' and ', '+', '%', '(', ')', ':', ';', '/hr', ' per hour', '/yr', ' a year', ' annually', ' per annum', '/mo', ' monthly', '/mês',
  '401(k)', ' (LinkedIn est.)', ' OTE ', ' bonus', ' stipend', ' allowance', ' raised ', ' Salary: ', 'Zone 1 Pay Range\n', '&#8211;',
  '&amp;', '&nbsp;', '&#xZZ;', '&#99999999;', 'Remote', ' hybrid ', 'on-site', ' not eligible for remote work', '#LI-Remote', ' EST ',
  'CET +/- 2h', ' based in ', ' North America', ' US ', ' 3 days in office', ' years of experience', '5+', ' three ', ' at least ',
  'Requirements:', '\n- ', '\n• ', '\n-\n', 'Nice to have\n', ' is a plus', '**Bonus**', 'Who You Are\n',
];
const postingish = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), postingish);

function timed<T>(f: () => T): T {
  const start = performance.now();
  const out = f();
  expect(performance.now() - start).toBeLessThan(PER_CALL_MS);
  return out;
}

const RUNS = { numRuns: 300 };

describe('parsers on any input', () => {
  it('text helpers return strings drawn from the input', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const decoded = timed(() => decodeEntities(s));
        // An entity is always longer than what it stands for.
        expect(decoded.length).toBeLessThanOrEqual(s.length);
        expect(timed(() => normalizeSpace(s))).not.toMatch(/^\s|\s$|\s\s/);
        for (const sentence of timed(() => splitSentences(s))) {
          expect(sentence.length).toBeGreaterThan(0);
          expect(s).toContain(sentence);
        }
      }),
      RUNS,
    );
  });

  it('parseMoney: null or a finite, non-negative amount with an ISO code or null', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const m = timed(() => parseMoney(s));
        if (m === null) return;
        expect(Number.isFinite(m.amount)).toBe(true);
        expect(m.amount).toBeGreaterThanOrEqual(0);
        if (m.currency !== null) expect(m.currency).toMatch(/^[A-Z]{3}$/);
      }),
      RUNS,
    );
  });

  it('parseSalaryRanges: schema-valid ranges whose evidence is in the text', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('board', 'jsonld', 'prose') as fc.Arbitrary<'board' | 'jsonld' | 'prose'>, (s, source) => {
        const ranges = timed(() => parseSalaryRanges(s, { source }));
        for (const r of ranges) {
          expect(SalaryRange.safeParse(r).success).toBe(true);
          expect(r.source).toBe(source);
          expect(decodeEntities(s)).toContain(r.evidence);
        }
      }),
      RUNS,
    );
  });

  it('parseRemote: a schema-valid Remote for any fields, location and text', () => {
    const field: fc.Arbitrary<FieldValue> = fc.record({
      value: fc.oneof(anyText, fc.constantFrom('remote', 'hybrid', 'onsite', 'on-site', 'unspecified', 'TELECOMMUTE', 'true', 'false')),
      source: fc.constantFrom('board', 'jsonld', 'prose'),
      field: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('workplaceType', 'isRemote', 'jobLocationType')),
    });
    fc.assert(
      fc.property(fc.array(field, { maxLength: 4 }), fc.option(anyText, { nil: null }), anyText, (structured, location, text) => {
        const r = timed(() => parseRemote({ structured, location, text }));
        expect(Remote.safeParse(r).success).toBe(true);
        if (r.policy === 'unspecified') expect(r.conflict).toBeNull();
      }),
      RUNS,
    );
  });

  it('sectionsFromText and extractRequirements: schema-valid sections and requirements', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const sections = timed(() => sectionsFromText(s));
        for (const section of sections) expect(RawSection.safeParse(section).success).toBe(true);
        const requirements = timed(() => extractRequirements(sections));
        expect(Requirements.safeParse(requirements).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('extractRequirements: any sections', () => {
    const section = fc.record({
      heading: fc.option(anyText, { nil: null }),
      paragraphs: fc.array(anyText, { maxLength: 4 }),
      items: fc.array(anyText, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 4 }), (sections) => {
        expect(Requirements.safeParse(timed(() => extractRequirements(sections))).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('parseExperience: null or a schema-valid Experience with min ≤ max', () => {
    fc.assert(
      fc.property(fc.array(anyText, { maxLength: 5 }), (lines) => {
        const e = timed(() => parseExperience(lines));
        if (e === null) return;
        expect(Experience.safeParse(e).success).toBe(true);
        if (e.yearsMin !== null && e.yearsMax !== null) expect(e.yearsMax).toBeGreaterThanOrEqual(e.yearsMin);
      }),
      RUNS,
    );
  });

  it('stays fast on long, repetitive input', () => {
    const long = ['1 '.repeat(3000), '$1'.repeat(3000), '1,'.repeat(3000), 'a'.repeat(10000) + '. A', '5 years '.repeat(1000), '- x\n'.repeat(2000)];
    for (const s of long) {
      for (const f of [() => parseMoney(s), () => parseSalaryRanges(s), () => parseRemote({ structured: [], location: s, text: s }), () => parseExperience([s]), () => sectionsFromText(s)]) {
        const start = performance.now();
        f();
        expect(performance.now() - start).toBeLessThan(500);
      }
    }
  });
});
