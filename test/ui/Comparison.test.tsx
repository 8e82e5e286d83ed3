// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeRates, SavedPosting } from '../../src/model/index.ts';
import { ComparePage } from '../../src/ui/compare/ComparePage.tsx';
import { Comparison } from '../../src/ui/compare/Comparison.tsx';
import { HOSTILE_TITLE, hourlyPosting, storytellingPosting, savedFrom } from '../helpers/postings.ts';
import { berlin, music, samba } from './saved-jobs.ts';

afterEach(cleanup);

const RATES: ExchangeRates = { base: 'EUR', rates: { USD: 1.25 }, updatedAt: '2026-06-01T00:00:00.000Z' };

// The audio-discovery seed's own line about data tools, which music's "Apache Beam or Apache Spark" shares.
const story = savedFrom(
  storytellingPosting({
    requirements: {
      required: [
        'Proven experience solving complex, real-world problems with machine learning',
        'Familiarity with large-scale data processing tools such as Apache Beam or Spark and cloud platforms like GCP or AWS',
      ],
      preferred: ['Experience improving LLM outputs using feedback-driven techniques like DPO or reinforcement fine-tuning'],
    },
  }),
  '2026-06-02T10:00:00.000Z',
  { status: 'interviewing', rating: 5 },
);

function rowCells(table: HTMLElement, label: string): string[] {
  const header = within(table).getByRole('rowheader', { name: label });
  return Array.from(header.closest('tr')!.querySelectorAll('td'), (td) => td.textContent ?? '');
}

describe('Comparison', () => {
  it('puts the postings side by side: pay as stated and a year, currency, policy with regions, location, years, status, rating', () => {
    render(<Comparison postings={[samba, music, story]} rates={null} />);
    const table = screen.getByRole('table', { name: 'Comparing 3 saved jobs' });
    const columns = within(table).getAllByRole('columnheader').map((th) => th.textContent);
    expect(columns).toEqual([
      `${samba.title}Spotify`,
      `${music.title}Spotify`,
      `${story.title}Spotify`,
    ]);
    // The range a posting gives for one zone says which, as the panel does.
    expect(rowCells(table, 'Pay as stated')).toEqual(['United States: $148,901 – $212,716 a year', 'United States: $184,050 – $262,928 a year', 'Not stated']);
    expect(rowCells(table, 'A year')).toEqual(['$148,901 – $212,716 a year', '$184,050 – $262,928 a year', '—']);
    expect(rowCells(table, 'Currency')).toEqual(['USD', 'USD', '—']);
    expect(rowCells(table, 'Remote policy')).toEqual(['RemoteNorth America', 'Hybrid', 'HybridNorth America']);
    expect(rowCells(table, 'Location')).toEqual(['New York, NY', 'New York, NY', 'North America']);
    expect(rowCells(table, 'Years asked for')).toEqual(['5+ years', 'Not stated', 'Not stated']);
    expect(rowCells(table, 'Status')).toEqual(['Applied', 'Saved', 'Interviewing']);
    expect(rowCells(table, 'Rating')).toEqual(['★★★★☆ 4 of 5', 'Not rated', '★★★★★ 5 of 5']);
    // Nothing is converted without the user's rates.
    expect(within(table).queryByRole('rowheader', { name: /^In / })).toBeNull();
    expect(document.body.textContent).not.toContain('converted');
  });

  it('shows the other ranges a posting states, each with what it is for', () => {
    const hourly = savedFrom(hourlyPosting(), '2026-11-01T00:00:00.000Z');
    render(<Comparison postings={[hourly, samba]} rates={null} />);
    const table = screen.getByRole('table', { name: 'Comparing 2 saved jobs' });
    const others = within(table).getByRole('list', { name: 'Other ranges this posting states' });
    expect(within(others).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['With commission: $70,000 – $110,000 a year (OTE)']);
    expect(rowCells(table, 'Pay as stated')[0]).toMatch(/^\$28 – \$47 an hour/);
  });

  it('lines up the requirements: shared ones in one row, and what only one asks for on its own', () => {
    render(<Comparison postings={[samba, music, story]} rates={null} />);
    const table = screen.getByRole('table', { name: 'Requirements' });
    const rows = within(table).getAllByRole('row').slice(1);
    const beam = rows.find((r) => r.textContent?.includes('Apache Beam or Apache Spark'))!;
    expect(within(beam).getByRole('rowheader').textContent).toBe('2 of 3 ask');
    const [sambaCell, musicCell, storyCell] = within(beam).getAllByRole('cell');
    expect(sambaCell!.textContent).toBe('—Not asked for');
    expect(musicCell!.textContent).toContain('Apache Beam or Apache Spark');
    expect(storyCell!.textContent).toContain('Apache Beam or Spark');
    expect(beam.className).toContain('jl-req-some');

    const samba5 = rows.find((r) => r.textContent?.includes('You have 5+ years'))!;
    expect(within(samba5).getByRole('rowheader').textContent).toBe('Only one asks');
    expect(samba5.className).toContain('jl-req-one');
    // Shared rows first.
    expect(rows.indexOf(beam)).toBeLessThan(rows.indexOf(samba5));
    // A preferred requirement is marked as such.
    expect(rows.some((r) => r.textContent?.includes('fine-tuningpreferred'))).toBe(true);
    expect(screen.getByText(/asked by all/).textContent).toBe('0 asked by all');
  });

  it('shows a figure converted at the user\'s rate, marked as such, and never for the base currency', () => {
    render(<Comparison postings={[music, berlin]} rates={RATES} />);
    const table = screen.getByRole('table', { name: 'Comparing 2 saved jobs' });
    expect(rowCells(table, 'Currency')).toEqual(['USD', 'EUR']);
    const [usd, eur] = rowCells(table, 'In EUR');
    expect(usd).toMatch(/^≈ €147,240 – €210,342 a year, converted at your rate \(1 EUR = 1\.25 USD\)$/);
    expect(eur).toBe('Already in EUR');
    // The stated figures stay as stated.
    expect(rowCells(table, 'Pay as stated')).toEqual(['United States: $184,050 – $262,928 a year', '€150,000 – €170,000 a year']);
  });

  it('says when a currency has no rate', () => {
    const gbp: SavedPosting = { ...berlin, id: 'lever:london', salary: { ...berlin.salary!, currency: 'GBP' } };
    render(<Comparison postings={[music, gbp]} rates={RATES} />);
    expect(rowCells(screen.getByRole('table', { name: 'Comparing 2 saved jobs' }), 'In EUR')[1]).toBe(
      'No rate for GBP in your settings',
    );
  });

  it("marks the user's corrections and closed postings, and renders text as text", () => {
    const corrected: SavedPosting = {
      ...samba,
      title: HOSTILE_TITLE,
      closedAt: '2026-06-05T09:00:00.000Z',
      corrections: { salary: { min: 100, max: 120, currency: 'USD', period: 'day' }, remotePolicy: 'onsite' },
    };
    const { container } = render(<Comparison postings={[corrected, music]} rates={null} />);
    const table = screen.getByRole('table', { name: 'Comparing 2 saved jobs' });
    expect(rowCells(table, 'Pay as stated')[0]).toBe('$100 – $120 a day your correction');
    expect(rowCells(table, 'A year')[0]).toBe('$26,000 – $31,200 a year');
    expect(rowCells(table, 'Remote policy')[0]).toBe('On-site your correctionNorth America');
    expect(rowCells(table, 'Status')[0]).toBe('AppliedClosed Jun 5, 2026');
    expect(within(table).getAllByRole('columnheader')[0]!.textContent).toContain('Closed');
    expect(container.querySelector('img')).toBeNull();
  });
});

describe('ComparePage', () => {
  it('loads the ids from the address, in the order picked, and says which are gone', async () => {
    const load = vi.fn(async () => ({ postings: [music, samba], rates: null }));
    render(<ComparePage api={{ load }} ids={[samba.id, 'lever:gone', music.id]} />);
    const table = await screen.findByRole('table', { name: 'Comparing 2 saved jobs' });
    expect(load).toHaveBeenCalledWith([samba.id, 'lever:gone', music.id]);
    expect(within(table).getAllByRole('columnheader')[0]!.textContent).toContain(samba.title);
    expect(screen.getByRole('note').textContent).toBe('1 of the jobs chosen is no longer saved.');
  });

  it('asks for at least two, and shows a load error', async () => {
    render(<ComparePage api={{ load: async () => ({ postings: [samba], rates: null }) }} ids={[samba.id]} />);
    expect((await screen.findByRole('alert')).textContent).toContain('Pick 2 to 4 saved jobs');
    cleanup();
    render(<ComparePage api={{ load: async () => Promise.reject(new Error('asleep')) }} ids={[samba.id, music.id]} />);
    expect((await screen.findByRole('alert')).textContent).toBe('Could not load the saved jobs: asleep');
  });
});
