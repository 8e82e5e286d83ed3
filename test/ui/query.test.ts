import { describe, expect, it } from 'vitest';
import type { ExchangeRates } from '../../src/model/index.ts';
import {
  EMPTY_QUERY,
  currenciesOf,
  filterEntries,
  indexSaved,
  referenceCurrency,
  sortEntries,
  tagsOf,
  type ListQuery,
} from '../../src/ui/popup/query.ts';
import { berlin, hourly, manySaved, music, samba, story } from './saved-jobs.ts';

const RATES: ExchangeRates = { base: 'EUR', rates: { USD: 1.25 }, updatedAt: '2026-06-01T00:00:00.000Z' };
const entries = indexSaved([samba, music, story, hourly, berlin]);
const ids = (list: { posting: { id: string } }[]) => list.map((e) => e.posting.id);
const q = (over: Partial<ListQuery>): ListQuery => ({ ...EMPTY_QUERY, ...over });

describe('search', () => {
  it('matches title, company, location, notes and tags, case-insensitively, every word', () => {
    expect(ids(filterEntries(entries, q({ text: 'SAMBA' }), null))).toEqual([samba.id]);
    expect(ids(filterEntries(entries, q({ text: 'beispiel' }), null))).toEqual([berlin.id]);
    expect(ids(filterEntries(entries, q({ text: 'austin' }), null))).toEqual([hourly.id]);
    expect(ids(filterEntries(entries, q({ text: 'dana' }), null))).toEqual([samba.id]);
    expect(ids(filterEntries(entries, q({ text: 'remote-ok' }), null))).toEqual([samba.id]);
    expect(ids(filterEntries(entries, q({ text: 'spotify new york' }), null))).toEqual([samba.id, music.id]);
    expect(filterEntries(entries, q({ text: 'spotify austin' }), null)).toEqual([]);
  });

  it("finds the user's corrected location as well as the posting's", () => {
    const moved = indexSaved([{ ...music, corrections: { location: 'Lisbon' } }]);
    expect(filterEntries(moved, q({ text: 'lisbon' }), null)).toHaveLength(1);
    expect(filterEntries(moved, q({ text: 'new york' }), null)).toHaveLength(1);
  });

  it('precomputes one lowercase string per posting', () => {
    const [entry] = indexSaved([samba]);
    expect(entry!.search).toBe(entry!.search.toLowerCase());
    expect(entry!.search).toContain('referral from dana');
  });
});

describe('filters', () => {
  it('by status, remote policy (corrected where the user corrected it) and tag', () => {
    expect(ids(filterEntries(entries, q({ status: 'interviewing' }), null))).toEqual([story.id]);
    expect(ids(filterEntries(entries, q({ policy: 'onsite' }), null))).toEqual([hourly.id, berlin.id]);
    expect(ids(filterEntries(entries, q({ tag: 'ml' }), null))).toEqual([samba.id, music.id]);
    const corrected = indexSaved([{ ...music, corrections: { remotePolicy: 'onsite' } }]);
    expect(filterEntries(corrected, q({ policy: 'hybrid' }), null)).toEqual([]);
    expect(filterEntries(corrected, q({ policy: 'onsite' }), null)).toHaveLength(1);
  });

  it('by minimum annual pay: only that currency without rates, converted ones with them', () => {
    // USD 150,000: samba (to 212,716) and music (to 262,928); hourly tops at 97,760; berlin is EUR.
    expect(ids(filterEntries(entries, q({ minPay: 150_000, payCurrency: 'USD' }), null))).toEqual([samba.id, music.id]);
    // EUR 160,000 without rates: only the posting in euros.
    expect(ids(filterEntries(entries, q({ minPay: 160_000, payCurrency: 'EUR' }), null))).toEqual([berlin.id]);
    // With 1 EUR = 1.25 USD: samba tops at €170,173, music at €210,342.
    expect(ids(filterEntries(entries, q({ minPay: 160_000, payCurrency: 'EUR' }), RATES))).toEqual([samba.id, music.id, berlin.id]);
    // No minimum, or no currency: no pay filter.
    expect(filterEntries(entries, q({ minPay: null, payCurrency: 'EUR' }), null)).toHaveLength(5);
  });
});

describe('sort', () => {
  it('by saved date, newest first', () => {
    expect(ids(sortEntries(entries, 'saved', null, null))).toEqual([samba.id, story.id, music.id, berlin.id, hourly.id]);
  });

  it('by company, then newest', () => {
    expect(ids(sortEntries(entries, 'company', null, null))).toEqual([berlin.id, hourly.id, samba.id, story.id, music.id]);
  });

  it('by status along the pipeline', () => {
    expect(ids(sortEntries(entries, 'status', null, null)).slice(0, 2)).toEqual([music.id, berlin.id]);
    expect(ids(sortEntries(entries, 'status', null, null)).slice(2)).toEqual([samba.id, story.id, hourly.id]);
  });

  it('by annual pay: comparable pay first, other currencies after (not converted), no pay last', () => {
    const reference = referenceCurrency(entries, EMPTY_QUERY, null);
    expect(reference).toBe('USD');
    expect(ids(sortEntries(entries, 'pay', reference, null))).toEqual([music.id, samba.id, hourly.id, berlin.id, story.id]);
    // With rates, euros are compared: Berlin's €170,000 falls just below samba's €170,173.
    expect(ids(sortEntries(entries, 'pay', 'EUR', RATES))).toEqual([music.id, samba.id, berlin.id, hourly.id, story.id]);
  });
});

it('lists tags and currencies in use', () => {
  expect(tagsOf(entries)).toEqual(['ml', 'remote-ok']);
  expect(currenciesOf(entries, null)).toEqual(['EUR', 'USD']);
  expect(currenciesOf(entries, { ...RATES, rates: { GBP: 0.8 } })).toEqual(['EUR', 'GBP', 'USD']);
});

it('filters 10,000 postings on precomputed strings', () => {
  const big = indexSaved(manySaved(10_000));
  expect(ids(filterEntries(big, q({ text: 'engineer number 4242' }), null))).toEqual(['lever:bulk-4242']);
  const berlin999 = filterEntries(big, q({ text: '999 berlin' }), null);
  const expected = Array.from({ length: 10_000 }, (_, i) => i).filter((i) => String(i).includes('999') && i % 7 === 0);
  expect(expected.length).toBeGreaterThan(0);
  expect(ids(berlin999)).toEqual(expected.map((i) => `lever:bulk-${i}`));
  expect(filterEntries(big, q({ tag: 'dream' }), null)).toHaveLength(Math.ceil(10_000 / 11));
});
