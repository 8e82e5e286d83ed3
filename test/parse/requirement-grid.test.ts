import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { requirementGrid } from '../../src/parse/requirement-grid.ts';
import { sectionsOf } from '../../src/sites/dom.ts';
import { readRealPosting } from '../eval/real.ts';

/*
 * A person specification written as a table: a column for what is essential and one for what is
 * desirable, or a column marking each row E or D. The real capture is SoGive's vacancies page
 * (test/corpus/real/career-pages/h14-sogive-director-senior-analyst.md, two tables); the counts
 * are its label's, written before the reader was run on it.
 */

const window = new Window();
afterAll(() => window.happyDOM.close());
const body = (html: string): Node => new window.DOMParser().parseFromString(html, 'text/html').body as unknown as Node;
const cells = (...rows: string[][]) => rows.map((row) => row.map((cell) => [cell]));

describe('a person specification table on a real page', () => {
  it("SoGive's 'Requirement | Essential | Desirable' tables: rows with an essential entry are required, every desirable entry a plus, '-' is nothing", () => {
    const director = readRealPosting('career-pages/h14-sogive-director-senior-analyst.md', 0).requirements;
    expect(director.required).toHaveLength(4);
    expect(director.preferred).toHaveLength(9);
    expect(director.required[0]).toBe('Strong project execution capability: Ability to talk about past projects delivered credibly');
    expect(director.preferred).toContain('Fundraising ability: Experience applying for and receiving funds');
    const analyst = readRealPosting('career-pages/h14-sogive-director-senior-analyst.md', 1).requirements;
    expect([analyst.required.length, analyst.preferred.length]).toEqual([6, 7]);
  });
});

describe('requirementGrid', () => {
  it('reads an essential and a desirable column, naming each item by its row', () => {
    expect(requirementGrid(cells(['Criteria', 'Essential', 'Desirable', 'Assessed by'], ['Qualifications', 'Degree in nursing', 'Master’s degree', 'Application'], ['Experience', '-', 'Two years on a ward', 'Interview']))).toEqual([
      { heading: 'Essential', items: ['Qualifications: Degree in nursing'] },
      { heading: 'Desirable', items: ['Qualifications: Master’s degree', 'Experience: Two years on a ward'] },
    ]);
  });

  it('a ticked cell gives the row itself; an E/D column sorts the rows', () => {
    expect(requirementGrid(cells(['Skill', 'Essential', 'Desirable'], ['Full UK driving licence', '✓', ''], ['First aid certificate', '', 'X']))).toEqual([
      { heading: 'Essential', items: ['Full UK driving licence'] },
      { heading: 'Desirable', items: ['First aid certificate'] },
    ]);
    expect(requirementGrid(cells(['Criteria', 'E/D'], ['Degree or equivalent', 'E'], ['Experience of Python', 'D'], ['Good communication', 'Essential']))).toEqual([
      { heading: 'Essential', items: ['Degree or equivalent', 'Good communication'] },
      { heading: 'Desirable', items: ['Experience of Python'] },
    ]);
  });

  it('a cell of bullets gives one item per bullet', () => {
    expect(requirementGrid([[['Area'], ['Essential'], ['Desirable']], [['Skills'], ['SQL', 'Excel'], ['Tableau']]])).toEqual([
      { heading: 'Essential', items: ['SQL', 'Excel'] },
      { heading: 'Desirable', items: ['Skills: Tableau'] },
    ]);
  });

  it('leaves any other table alone: a pay scale, a schedule, a table with only one of the two columns', () => {
    expect(requirementGrid(cells(['Grade', 'Salary'], ['Band 5', '£29,970']))).toBeNull();
    expect(requirementGrid(cells(['Day', 'Hours'], ['Monday', '9–5']))).toBeNull();
    expect(requirementGrid(cells(['Requirement', 'Essential'], ['Degree', 'Yes']))).toBeNull();
    expect(requirementGrid(cells(['Essential', 'Desirable']))).toBeNull();
  });
});

describe('the table on a page and in text', () => {
  const table =
    '<h3>Person specification</h3><table><tr><th>Criteria</th><th>Essential</th><th>Desirable</th></tr>' +
    '<tr><td>Education</td><td><ul><li>GCSE English and Maths</li><li>NVQ Level 3 in Care</li></ul></td><td>Degree in social work</td></tr>' +
    '<tr><td>Driving</td><td>Full driving licence</td><td>-</td></tr></table><p>We offer 25 days of leave.</p>';

  it('the page reader reads the lists, and what follows the table is not one of them', () => {
    const sections = sectionsOf(body(table));
    const read = extractRequirements(sections);
    expect(read.required).toEqual(['GCSE English and Maths', 'NVQ Level 3 in Care', 'Driving: Full driving licence']);
    expect(read.preferred).toEqual(['Education: Degree in social work']);
    expect(sections.find((s) => s.paragraphs.includes('We offer 25 days of leave.'))?.heading ?? null).toBeNull();
  });

  it('text carrying the table as HTML reads the same lists', () => {
    const read = annotateText(`Support Worker\n\n<p>Join our team.</p><div>${table}</div>`).requirements;
    expect(read.required).toEqual(['GCSE English and Maths', 'NVQ Level 3 in Care', 'Driving: Full driving licence']);
    expect(read.preferred).toEqual(['Education: Degree in social work']);
  });
});

describe('a table copied from a page as text', () => {
  it('rows a line each with tabs between the cells read as the two lists', () => {
    const text = 'Support Worker\n\nPerson specification\nCriteria\tEssential\tDesirable\nEducation\tGCSE English and Maths\tDegree in social work\nDriving\tFull driving licence\t-\n\nBenefits\n- 25 days of leave';
    const read = annotateText(text).requirements;
    expect(read.required).toEqual(['Education: GCSE English and Maths', 'Driving: Full driving licence']);
    expect(read.preferred).toEqual(['Education: Degree in social work']);
  });

  it('other tab-separated lines stay as they are', () => {
    const text = 'Support Worker\n\nRequirements\n- Driving licence\n\nShift\tHours\nEarly\t7–3\nLate\t3–11';
    expect(annotateText(text).requirements.required).toEqual(['Driving licence']);
  });
});
