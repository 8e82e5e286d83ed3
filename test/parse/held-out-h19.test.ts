import { describe, expect, it } from 'vitest';
import { readRealPosting } from '../eval/real.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';

/*
 * Rules that the held-out batch h19 (test/corpus/real/*\/h19-*) showed missing on first contact,
 * each shown on its capture and on lines written for the rule alone.
 */

const readReal = (path: string, item = 0) => readRealPosting(path, item);

describe('a list misnamed as duties', () => {
  it("'RESPONSIBILITIES' over lines that are all qualifications ('5+ years working on software development', 'The ability to …') is the requirements; 'IT WILL BE GREAT IF YOU ALSO KNOW' stays the plus list (ashby/h19-truelogic-three-open-applications-latam)", () => {
    const read = readReal('ashby/h19-truelogic-three-open-applications-latam.json', 0).requirements;
    expect([read.required.length, read.preferred.length]).toEqual([7, 8]);
    expect(read.required[0]).toBe('5+ years working on software development professionally.');
    expect(read.preferred[0]).toBe('Accessibility rules and standards and how to apply them to a web application.');
  });

  it('duties under a duties heading stay duties', () => {
    const read = extractRequirements([
      { heading: 'Responsibilities', paragraphs: [], items: ['Build data pipelines', 'Review code', 'Mentor engineers', 'Own the roadmap'] },
      { heading: 'Nice to have', paragraphs: [], items: ['Rust'] },
    ]);
    expect(read).toEqual({ required: [], preferred: ['Rust'] });
  });
});

describe('escaped HTML with a line of real markup appended', () => {
  it("Arbeitnow's description escaped as '&lt;p&gt;…' and then its own '<p>Find more <a …>… on Arbeitnow</a>' is read as HTML; a '€50 personal monthly allowance via our benefits apps' is a perk, not pay (aggregator/h19-arbeitnow-…#3, #4)", () => {
    const dept = readReal('aggregator/h19-arbeitnow-kausable-aureas-dept-moonfare.json', 3);
    expect([dept.requirements.required.length, dept.requirements.preferred.length]).toEqual([12, 2]);
    expect(dept.requirements.required[0]).toBe('Working proficiency in both German and English (C1, spoken and written)');
    expect(dept.salaries).toEqual([]);
    const moonfare = readReal('aggregator/h19-arbeitnow-kausable-aureas-dept-moonfare.json', 4).requirements;
    expect(moonfare.required).toHaveLength(6);
    expect(parseSalaryRanges('€50 personal monthly allowance via our dedicated benefits apps', { source: 'prose' })).toEqual([]);
  });
});
