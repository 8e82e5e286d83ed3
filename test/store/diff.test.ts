import { describe, expect, it } from 'vitest';
import { diffPostings, payText, remoteText, requirementsText } from '../../src/store/diff.ts';
import { hourlyPosting, sambaPosting, storytellingPosting } from '../helpers/postings.ts';

const AT = '2026-06-02T10:00:00.000Z';

describe('payText', () => {
  it.each([
    [{ min: 148901, max: 212716, currency: 'USD', period: 'year' }, '$148,901–$212,716 USD / year'],
    [{ min: 150000, max: 150000, currency: 'USD', period: 'year' }, '$150,000 USD / year'],
    [{ min: 28.5, max: 47, currency: 'USD', period: 'hour' }, '$28.50–$47.00 USD / hour'],
    [{ min: 50000, max: 60000, currency: 'EUR', period: 'year' }, '€50,000–€60,000 EUR / year'],
    [{ min: 90000, max: 120000, currency: 'CAD', period: 'year' }, '$90,000–$120,000 CAD / year'],
    [{ min: 5000, max: 6000, currency: 'XYZ', period: 'month' }, '5,000–6,000 XYZ / month'],
    [null, 'Not stated'],
  ] as const)('%j -> %s', (range, text) => {
    expect(payText(range)).toBe(text);
  });
});

describe('remoteText', () => {
  it('names the policy, the regions and the office days', () => {
    expect(remoteText(sambaPosting().remote)).toBe('Remote (North America)');
    expect(remoteText(hourlyPosting().remote)).toBe('On-site, 5+ days a week in the office');
    expect(remoteText({ policy: 'hybrid', regions: ['EU', 'UK'], officeDaysMin: 1 })).toBe(
      'Hybrid (EU, UK), 1+ day a week in the office',
    );
    expect(remoteText({ policy: 'unspecified', regions: [], officeDaysMin: null })).toBe('Not stated');
  });
});

describe('requirementsText', () => {
  it('lists required then preferred, one a line', () => {
    expect(requirementsText(storytellingPosting().requirements)).toBe(
      [
        'Required:',
        '- Proven experience solving complex, real-world problems with machine learning',
        '- Strong track record of building and deploying production-grade ML systems at scale',
        'Preferred:',
        '- Experience improving LLM outputs using feedback-driven techniques like DPO or reinforcement fine-tuning',
      ].join('\n'),
    );
    expect(requirementsText({ required: [], preferred: [] })).toBe('Not stated');
  });
});

describe('diffPostings', () => {
  it('finds nothing between two reads that show the same', () => {
    const before = sambaPosting();
    const after = sambaPosting({
      description: 'Reworded.',
      parsedAt: AT,
      salary: { ...before.salary!, evidence: 'Pay: $148,901 to $212,716.' },
      remote: { ...before.remote, evidence: 'Remote within North America.' },
    });
    expect(diffPostings(before, after, AT)).toEqual([]);
  });

  it('gives each changed field with its text before and after, in a fixed order', () => {
    const before = hourlyPosting();
    const after = hourlyPosting({
      title: '',
      salary: null,
      remote: { ...before.remote, policy: 'remote', officeDaysMin: null, regions: ['US'] },
      requirements: { required: [], preferred: [] },
    });
    expect(diffPostings(before, after, AT)).toEqual([
      { field: 'title', before: 'Customer Support Specialist', after: '(no title)', at: AT },
      { field: 'salary', before: '$28–$47 USD / hour', after: 'Not stated', at: AT },
      { field: 'remote', before: 'On-site, 5+ days a week in the office', after: 'Remote (US)', at: AT },
      { field: 'requirements', before: 'Required:\n- Two years in a support role', after: 'Not stated', at: AT },
    ]);
  });
});
