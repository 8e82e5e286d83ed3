import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { localDollar, localRupee } from '../../src/parse/dollar.ts';

const real = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');

describe('localDollar: which dollar a bare "$" is', () => {
  it.each([
    [{ url: 'https://ca.indeed.com/viewjob?jk=1' }, 'CAD'],
    [{ url: 'https://www.seek.com.au/job/1' }, 'AUD'],
    [{ location: 'Toronto, ON' }, 'CAD'],
    [{ location: 'Sydney NSW' }, 'AUD'],
    [{ location: 'Auckland, New Zealand' }, 'NZD'],
    [{ location: 'Remote - US or Canada' }, null],
    [{ location: 'Austin, TX' }, null],
    [{ text: 'Join our team in Vancouver. Pay: $90,000.' }, 'CAD'],
    [{ text: 'Offices in Toronto and New York.' }, null],
    [{ text: 'MORE ABOUT US: we are based in Toronto, Ontario.' }, 'CAD'],
    [{ text: 'We sell in Australia, Australia and Australia, and in New Zealand.' }, 'AUD'],
    [{ text: 'Pay: $50/hour' }, null],
    [{}, null],
  ] as const)('%j is %s', (context, currency) => {
    expect(localDollar(context)).toBe(currency);
  });

  it.each([
    // Real postings pasted as text (test/corpus/real/text): Toronto, Ontario; New South Wales.
    ['text/tvo-software-developer-2.txt', 'CAD'],
    ['text/olg-front-end-developer-student.txt', 'CAD'],
    ['text/blueshift-junior-software-engineer.txt', 'AUD'],
    ['text/techfielders-network-field-tech.txt', 'AUD'],
    ['text/seed-002-spotify-ml-engineer-personalization-samba.txt', 'USD'],
  ])('reads the pay of %s in %s', (path, currency) => {
    const posting = annotateText(real(path));
    expect(posting.salary?.currency).toBe(currency);
  });
});

describe('localDollar: Mexican pesos (indeed/rove-mx-indeed-twenty-postings)', () => {
  it('reads a bare "$" on mx.indeed.com or in Mexico City as pesos, and not in New Mexico', () => {
    expect(localDollar({ url: 'https://mx.indeed.com/viewjob?jk=34cd6d636f0e876d' })).toBe('MXN');
    expect(localDollar({ location: 'Benito Juárez, Ciudad de México' })).toBe('MXN');
    expect(localDollar({ location: 'Albuquerque, New Mexico' })).toBeNull();
  });
});

describe('localRupee: which rupee "Rs" is (indeed/pk-indeed-*)', () => {
  it.each([
    [{ location: 'Karachi' }, 'PKR'],
    [{ url: 'https://pk.indeed.com/viewjob?jk=1' }, 'PKR'],
    [{ location: 'Colombo, Sri Lanka' }, 'LKR'],
    [{ location: 'Bengaluru, Karnataka' }, null],
    [{ text: 'Offices in Lahore and Mumbai' }, null],
    [{}, null],
  ] as const)('%j is %s', (context, currency) => {
    expect(localRupee(context)).toBe(currency);
  });

  it('reads "Rs." pay on a Pakistani posting as PKR, and "INR" as written', async () => {
    const { parseSalaryRanges } = await import('../../src/parse/salary.ts');
    expect(parseSalaryRanges('Salary: Rs.50,000 - Rs.70,000 per month', { rupee: 'PKR' }).map((r) => r.currency)).toEqual(['PKR']);
    expect(parseSalaryRanges('Salary: INR 50,000 - 70,000 per month', { rupee: 'PKR' }).map((r) => r.currency)).toEqual(['INR']);
  });
});
