import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readProsePosting } from '../../src/sites/generic.ts';
import { readRealPosting } from '../eval/real.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';

/*
 * Rules that the held-out batch h19 (test/corpus/real/*\/h19-*) showed missing on first contact,
 * each shown on its capture and on lines written for the rule alone.
 */

const readReal = (path: string, item = 0) => readRealPosting(path, item);

const window = new Window();
afterAll(() => window.happyDOM.close());

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

describe('Spanish headings asked as questions', () => {
  it("'¿Qué hará esta posición?' heads the duties and '¿Qué necesitas para postular?' the requirements, so a text page of them is a posting (text/h19-retail-chile-cajero-asistente-integral-es)", () => {
    const read = readReal('text/h19-retail-chile-cajero-asistente-integral-es.txt').requirements;
    expect([read.required.length, read.preferred.length]).toEqual([3, 1]);
    const doc = new window.DOMParser().parseFromString('<html><body><pre></pre></body></html>', 'text/html') as unknown as Document;
    doc.querySelector('pre')!.textContent = readFileSync(new URL('../corpus/real/text/h19-retail-chile-cajero-asistente-integral-es.txt', import.meta.url), 'utf8');
    expect(readProsePosting(doc, new URL('https://example.invalid/oferta.txt'))).not.toBeNull();
  });
});
