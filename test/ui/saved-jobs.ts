import type { SavedPosting } from '../../src/model/index.ts';
import { hourlyPosting, musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

/** Saved postings for the saved-jobs screens: the seed roles with the user's part filled in. */

export const samba = savedFrom(sambaPosting(), '2026-06-03T10:00:00.000Z', {
  status: 'applied',
  tags: ['ml', 'remote-ok'],
  notes: 'Referral from Dana',
  rating: 4,
});
export const music = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z', { tags: ['ml'] });
export const story = savedFrom(storytellingPosting(), '2026-06-02T10:00:00.000Z', { status: 'interviewing' });
export const hourly = savedFrom(hourlyPosting(), '2026-05-20T10:00:00.000Z', { status: 'rejected' });

/** A Berlin role paid in euros, for currency filters and conversion. */
export const berlin: SavedPosting = {
  ...savedFrom(sambaPosting(), '2026-05-25T10:00:00.000Z'),
  id: 'lever:berlin-0001',
  url: 'https://jobs.lever.co/example/berlin-0001',
  title: 'Data Engineer, Berlin',
  company: 'Beispiel GmbH',
  location: 'Berlin, Germany',
  salary: {
    min: 150000,
    max: 170000,
    currency: 'EUR',
    period: 'year',
    annual: { min: 150000, max: 170000 },
    evidence: 'Salary: €150,000 – €170,000',
    source: 'prose',
  },
  salaries: [],
  remote: { ...sambaPosting().remote, policy: 'onsite', regions: [] },
};

/**
 * `n` distinct saved postings built by spreading one validated record (fast enough for
 * 10,000), newest first; every 7th is in Berlin, every 11th is tagged "dream".
 */
export function manySaved(n: number): SavedPosting[] {
  const start = Date.parse('2026-06-06T00:00:00.000Z');
  const out: SavedPosting[] = [];
  for (let i = 0; i < n; i += 1) {
    const at = new Date(start - i * 60_000).toISOString();
    out.push({
      ...samba,
      id: `lever:bulk-${i}`,
      url: `https://jobs.lever.co/example/bulk-${i}`,
      title: `Engineer number ${i}`,
      company: `Company ${i % 50}`,
      location: i % 7 === 0 ? 'Berlin, Germany' : 'New York, NY',
      notes: '',
      tags: i % 11 === 0 ? ['dream'] : [],
      savedAt: at,
      updatedAt: at,
    });
  }
  return out;
}
