import { describe, expect, it } from 'vitest';
import type { SalaryRange } from '../../src/model/index.ts';
import {
  formatDate,
  formatMoneyRange,
  formatPay,
  formatPayParts,
  formatPolicy,
  formatSource,
  formatYears,
  formatTimeZone,
} from '../../src/ui/format.ts';
import { hourlyPosting, musicUnderstandingPosting } from '../helpers/postings.ts';

function range(overrides: Partial<SalaryRange>): SalaryRange {
  return {
    min: 100000,
    max: 150000,
    currency: 'USD',
    period: 'year',
    annual: { min: 100000, max: 150000 },
    evidence: 'evidence',
    source: 'prose',
    ...overrides,
  };
}

describe('formatPay', () => {
  it('formats a yearly range in its currency, without decimals', () => {
    expect(formatPay(musicUnderstandingPosting().salary!, 'en-US')).toBe('$184,050 – $262,928 a year');
  });

  it('puts the annual figure beside an hourly range', () => {
    const hourly = hourlyPosting().salary!;
    expect(formatPay(hourly, 'en-US')).toBe('$28 – $47 an hour (≈ $58,240 – $97,760 a year)');
    expect(formatPayParts(hourly, 'en-US')).toEqual({ amount: '$28 – $47 an hour', annual: '≈ $58,240 – $97,760 a year' });
  });

  it('shows cents for hourly amounts with fractions, on both ends', () => {
    const r = range({ min: 28.5, max: 47, period: 'hour', annual: { min: 59280, max: 97760 } });
    expect(formatPay(r, 'en-US')).toBe('$28.50 – $47.00 an hour (≈ $59,280 – $97,760 a year)');
  });

  it('keeps the cents a monthly figure states (text/h2-territoires-memoire-*: "2160,74 €" a month), and rounds the yearly estimate', () => {
    const r = range({ min: 4166.67, max: 5000.5, period: 'month', annual: { min: 50000.04, max: 60006 } });
    expect(formatPay(r, 'en-US')).toBe('$4,166.67 – $5,000.50 a month (≈ $50,000 – $60,006 a year)');
  });

  it('drops decimals for yearly-sized amounts', () => {
    expect(formatPay(range({ min: 120000.5, max: 150000.25 }), 'en-US')).toBe('$120,001 – $150,000 a year');
  });

  it('shows a single value when min equals max', () => {
    expect(formatPay(range({ min: 150000, max: 150000 }), 'en-US')).toBe('$150,000 a year');
  });

  it('uses the range currency, not the locale', () => {
    expect(formatPay(range({ currency: 'EUR', min: 60000, max: 70000 }), 'en-US')).toBe('€60,000 – €70,000 a year');
    expect(formatPay(range({ currency: 'GBP', min: 60000, max: 70000 }), 'en-GB')).toBe('£60,000 – £70,000 a year');
  });

  it('names every period', () => {
    expect(formatPay(range({ period: 'day', min: 500, max: 500, annual: null }), 'en-US')).toBe('$500 a day');
    expect(formatPay(range({ period: 'week', min: 2000, max: 2500, annual: null }), 'en-US')).toBe(
      '$2,000 – $2,500 a week',
    );
  });

  it('still shows figures for a currency code Intl rejects', () => {
    expect(formatMoneyRange(10, 20, 'usd', 'en-US')).toMatch(/10.*20/);
  });
});

describe('formatPolicy', () => {
  it('names each policy', () => {
    expect(formatPolicy('remote')).toBe('Remote');
    expect(formatPolicy('hybrid')).toBe('Hybrid');
    expect(formatPolicy('onsite')).toBe('On-site');
    expect(formatPolicy('unspecified')).toBe('Not stated');
  });

  it('accepts the whole Remote value', () => {
    expect(formatPolicy(musicUnderstandingPosting().remote)).toBe('Hybrid');
  });
});

describe('formatSource', () => {
  it('says where a value came from', () => {
    expect(formatSource('board')).toBe('board data');
    expect(formatSource('jsonld')).toBe('JSON-LD');
    expect(formatSource('prose')).toBe('from the text');
  });
});

describe('formatYears', () => {
  it('formats open, closed and missing ranges', () => {
    expect(formatYears({ yearsMin: 5, yearsMax: null })).toBe('5+ years');
    expect(formatYears({ yearsMin: 3, yearsMax: 5 })).toBe('3–5 years');
    expect(formatYears({ yearsMin: 1, yearsMax: 1 })).toBe('1 year');
    expect(formatYears({ yearsMin: null, yearsMax: 2 })).toBe('Up to 2 years');
    expect(formatYears({ yearsMin: null, yearsMax: null })).toBeNull();
    expect(formatYears(null)).toBeNull();
  });
});

describe('formatDate', () => {
  it('formats an ISO date in the given locale and zone', () => {
    expect(formatDate('2026-06-06T07:56:15.000Z', 'en-US', 'UTC')).toBe('Jun 6, 2026');
    expect(formatDate('2026-06-06T07:56:15.000Z', 'en-GB', 'UTC')).toBe('6 Jun 2026');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('yesterday', 'en-US')).toBe('yesterday');
  });
});

describe('formatTimeZone', () => {
  it('names a region zone as a person says it, and shows what it cannot name as it is', () => {
    expect(formatTimeZone('America/New_York', 'en-US')).toBe('Eastern Time');
    expect(formatTimeZone('Europe/Berlin', 'en-US')).toBe('Central European Time');
    expect(formatTimeZone('UTC', 'en-US')).toBe('UTC');
    expect(formatTimeZone('Mars/Olympus_Mons', 'en-US')).toBe('Mars/Olympus_Mons');
  });
});
