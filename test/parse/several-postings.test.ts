import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateTextPostings } from '../../src/annotate.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { splitPostings } from '../../src/parse/several.ts';

/*
 * Pages that give several openings in full, one after another (a vacancies page, a community
 * board's "Open positions"), and the JSON-LD a site generator writes into such a page's source.
 * The captures are real (test/corpus/real, with their provenance); the expected titles and pay are
 * their labels'.
 */

const root = new URL('../corpus/real/', import.meta.url);
const capture = (path: string) => readFileSync(new URL(path, root), 'utf8');
const firstLine = (text: string) => text.split('\n', 1)[0];

describe('a text that holds several postings', () => {
  it.each([
    ['career-pages/h14-sea-coahuila-vacantes-informatica.txt', ['### Subdirección de informática', '### Auxiliar de informática'], "each opening's bold 'Requisitos' said again"],
    ['career-pages/h14-sogive-director-senior-analyst.md', ['## Director of SoGive', '## Senior Analyst'], "'About SoGive' under each tab's heading"],
    ['aggregator/h11-imol-aalto-phd-postdoc-acai.md', ['### PhD', '### Postdoc'], "'Position:' and 'Salary:' lines under each heading"],
    ['career-pages/h15-computech-kenya-pre-sales-lead-and-sales-executive.md', ['### Pre-Sales Lead', '### Sales Executive – ETR solutions'], "'### How to Apply' at the level of the openings' own titles"],
  ])('%s splits at %j (%s)', (path, titles) => {
    expect(splitPostings(capture(path))?.map(firstLine)).toEqual(titles);
  });

  it('reads each opening with its own title and pay', () => {
    const read = annotateTextPostings(capture('career-pages/h14-sogive-director-senior-analyst.md'));
    expect(read.map((p) => p.title)).toEqual(['Director of SoGive', 'Senior Analyst']);
    expect(read.map((p) => [p.salary?.min, p.salary?.max, p.salary?.currency])).toEqual([
      [30000, 50000, 'GBP'],
      [25000, 45000, 'GBP'],
    ]);
    // Two records, not one saved over the other.
    expect(new Set(read.map((p) => p.id)).size).toBe(2);
  });

  it('gives each opening of a board address its own id', () => {
    const read = annotateTextPostings(capture('career-pages/h14-sogive-director-senior-analyst.md'), { url: 'https://jobs.lever.co/sogive/0b1f6e4a-1111-4222-8333-944445555666' });
    expect(read.map((p) => p.id)).toEqual(['lever:0b1f6e4a-1111-4222-8333-944445555666#1', 'lever:0b1f6e4a-1111-4222-8333-944445555666#2']);
  });

  it('keeps every real capture of one posting whole', () => {
    const whole: string[] = [];
    for (const group of readdirSync(root, { withFileTypes: true })) {
      if (!group.isDirectory()) continue;
      for (const file of readdirSync(new URL(`${group.name}/`, root))) {
        if (!/\.(txt|md)$/.test(file)) continue;
        const label = JSON.parse(capture(`${group.name}/${file.replace(/\.(txt|md)$/, '.label.json')}`)) as { postings: unknown[] };
        if (label.postings.length !== 1) continue;
        whole.push(file);
        expect(splitPostings(capture(`${group.name}/${file}`)), file).toBeNull();
      }
    }
    expect(whole.length).toBeGreaterThan(150);
  });

  it('keeps a posting whole whose levels repeat a part under sub-headings of their own', () => {
    const text = [
      '# Software Engineer',
      'We build tools for nurses and doctors across the country, and we are hiring at two levels.',
      '## Level I',
      '### Requirements',
      '- 2 years of TypeScript in production, with tests and reviews of other engineers’ code',
      '## Level II',
      '### Requirements',
      '- 5 years of TypeScript in production, and a record of leading projects to the end',
    ].join('\n');
    // "Level I" and "Level II" are too short to be postings of their own.
    expect(splitPostings(text)).toBeNull();
  });
});

describe('JSON-LD written into a text', () => {
  it("gives each opening its JobPosting's pay and years, and leaves its JSON out of the requirements", () => {
    const [first, second] = annotateTextPostings(capture('career-pages/h14-sea-coahuila-vacantes-informatica.txt'));
    expect(first!.salaries.map((s) => [s.min, s.max, s.currency, s.period])).toEqual([[15000, 15000, 'MXN', 'month']]);
    expect(second!.salaries.map((s) => [s.min, s.max, s.currency, s.period])).toEqual([[10000, 10000, 'MXN', 'month']]);
    expect([first!.experience?.yearsMin, second!.experience?.yearsMin]).toEqual([2, 1]);
    expect(first!.requirements.required.join('\n')).not.toMatch(/[{}"]|@type/);
  });
});

describe('one year, in the words a field of years uses', () => {
  it.each([
    ['Experience: 1 año de desarrollo de software.', 1],
    ["Au moins 1 an d'expérience", 1],
    ['1 anno di esperienza', 1],
  ])('%s → %d', (line, years) => {
    expect(parseExperience([line])?.yearsMin).toBe(years);
  });

  it("does not read 'an' or 'ano' inside a word as years ('one and', 'two anos-' are not)", () => {
    expect(parseExperience(['You will own one and a half products from start to finish'])).toBeNull();
    expect(parseExperience(['We need 2 anonymous reviewers for each paper'])).toBeNull();
  });
});
