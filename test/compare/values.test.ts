import { describe, expect, it } from 'vitest';
import type { ExchangeRates } from '../../src/model/index.ts';
import {
  canCompare,
  convertAmount,
  effectiveLocation,
  effectivePay,
  effectivePolicy,
  effectiveYearsMin,
} from '../../src/compare/values.ts';
import { compareSearch, idsFromSearch } from '../../src/compare/url.ts';
import { hourlyPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

const RATES: ExchangeRates = { base: 'EUR', rates: { USD: 1.25, GBP: 0.8 }, updatedAt: '2026-06-01T00:00:00.000Z' };

describe('effective values', () => {
  it("uses the posting's reading when nothing is corrected", () => {
    const saved = savedFrom(hourlyPosting(), '2026-06-01T10:00:00.000Z');
    expect(effectivePay(saved)).toEqual({
      min: 28,
      max: 47,
      currency: 'USD',
      period: 'hour',
      annual: { min: 58240, max: 97760 },
      corrected: false,
    });
    expect(effectivePolicy(saved)).toEqual({ value: 'onsite', corrected: false });
    expect(effectiveLocation(saved)).toEqual({ value: 'Austin, TX', corrected: false });
    expect(effectiveYearsMin(saved)).toEqual({ value: 2, corrected: false });
  });

  it("uses the user's corrections, annualising corrected pay, and a correction may say 'not stated'", () => {
    const saved = savedFrom(sambaPosting(), '2026-06-01T10:00:00.000Z', {
      corrections: { salary: { min: 10000, max: 12000, currency: 'EUR', period: 'month' }, remotePolicy: 'hybrid', location: null, yearsMin: 3 },
    });
    expect(effectivePay(saved)).toMatchObject({ min: 10000, currency: 'EUR', annual: { min: 120000, max: 144000 }, corrected: true });
    expect(effectivePolicy(saved)).toEqual({ value: 'hybrid', corrected: true });
    expect(effectiveLocation(saved)).toEqual({ value: null, corrected: true });
    expect(effectiveYearsMin(saved)).toEqual({ value: 3, corrected: true });
    expect(effectivePay({ ...saved, corrections: { salary: null } })).toBeNull();
    expect(effectivePay(savedFrom(storytellingPosting(), '2026-06-01T10:00:00.000Z'))).toBeNull();
  });
});

describe('convertAmount', () => {
  it('converts only at the user\'s rates, through the base', () => {
    expect(convertAmount(100, 'USD', 'USD', null)).toBe(100);
    expect(convertAmount(100, 'USD', 'EUR', null)).toBeNull();
    expect(convertAmount(125, 'USD', 'EUR', RATES)).toBeCloseTo(100);
    expect(convertAmount(100, 'EUR', 'GBP', RATES)).toBeCloseTo(80);
    expect(convertAmount(125, 'USD', 'GBP', RATES)).toBeCloseTo(80);
    expect(convertAmount(100, 'CAD', 'EUR', RATES)).toBeNull();
    expect(canCompare('USD', 'GBP', RATES)).toBe(true);
    expect(canCompare('USD', 'CAD', RATES)).toBe(false);
  });
});

describe('comparison URL', () => {
  it('round-trips ids, including ones with commas or spaces', () => {
    const ids = ['lever:abc', 'generic:https://x.example/a,b', 'weird id'];
    expect(compareSearch(['lever:a', 'lever:b'])).toBe('?ids=lever%3Aa,lever%3Ab');
    expect(idsFromSearch(compareSearch(ids))).toEqual(ids);
    expect(idsFromSearch('?ids=a,b')).toEqual(['a', 'b']);
    expect(idsFromSearch('?x=1&ids=a,,a,b%ZZ,c')).toEqual(['a', 'c']);
    expect(idsFromSearch('')).toEqual([]);
  });
});

describe('annualised corrections', () => {
  it('turn a corrected hourly or monthly range into a yearly one', () => {
    const expected = { hour: [57200, 85800], day: [7150, 10725], week: [1430, 2145], month: [330, 495], year: [27.5, 41.25] } as const;
    for (const period of ['hour', 'day', 'week', 'month', 'year'] as const) {
      const saved = savedFrom(sambaPosting(), '2026-06-01T10:00:00.000Z', {
        corrections: { salary: { min: 27.5, max: 41.25, currency: 'USD', period } },
      });
      expect(effectivePay(saved)!.annual, period).toEqual({ min: expected[period][0], max: expected[period][1] });
    }
  });
});
