import { describe, expect, it } from 'vitest';
import { readRealPosting } from '../eval/real.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';

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
