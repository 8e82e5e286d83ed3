import { describe, expect, it } from 'vitest';
import { expectStillAGap } from './gap-check.ts';

// The gap check is what keeps a known parser gap from outliving its fix, so it is tested
// on its own: a closed gap must fail, including the case that once passed for ever.
describe('expectStillAGap', () => {
  const reading = { yearsMin: 3, yearsMax: null, evidence: '3+ years of Java', source: 'text' };

  it('fails once the reading matches a partial object the expected file states (the gap is closed)', () => {
    expect(() => expectStillAGap(reading, { yearsMin: 3, yearsMax: null }, 'posting.experience')).toThrow(/is fixed: remove it/);
  });

  it('passes while any field the expected file states still differs', () => {
    expect(() => expectStillAGap(reading, { yearsMin: 5, yearsMax: null }, 'posting.experience')).not.toThrow();
    expect(() => expectStillAGap(2, 3, 'requirements.requiredCount')).not.toThrow();
    expect(() => expectStillAGap(null, { min: 1 }, 'posting.salary')).not.toThrow();
  });

  it('fails for a plain value that now equals the expected one', () => {
    expect(() => expectStillAGap('hybrid', 'hybrid', 'posting.remote.policy')).toThrow(/is fixed/);
    expect(() => expectStillAGap(null, null, 'posting.salary')).toThrow(/is fixed/);
  });

  it('fails for a gap the expected file does not state, which would otherwise be a gap for ever', () => {
    expect(() => expectStillAGap(reading, undefined, 'posting.experiense')).toThrow(/is in the expected file/);
  });
});
