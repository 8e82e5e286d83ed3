// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SavedPosting } from '../../src/model/index.ts';
import { Overlay } from '../../src/ui/overlay/Overlay.tsx';
import type { AnnotationsApi } from '../../src/ui/overlay/Annotations.tsx';
import { sambaPosting, savedFrom } from '../helpers/postings.ts';

afterEach(cleanup);

const noop = () => undefined;
const resolved = () => Promise.resolve();

function fakeApi(): AnnotationsApi & { update: ReturnType<typeof vi.fn>; markClosed: ReturnType<typeof vi.fn> } {
  return { update: vi.fn(async () => undefined), markClosed: vi.fn(async () => undefined) };
}

function savedSamba(extra: Partial<SavedPosting> = {}): SavedPosting {
  return savedFrom(sambaPosting(), '2026-06-01T10:00:00.000Z', extra);
}

function renderSaved(saved: SavedPosting, api = fakeApi()) {
  const view = render(<Overlay posting={sambaPosting()} saved={saved} onSave={resolved} onClose={noop} api={api} />);
  // The editor sits in a collapsed section; open it as the user would.
  fireEvent.click(screen.getByText('Your notes, status and rating'));
  return { ...view, api };
}

describe('the overlay on a saved posting', () => {
  it('says when it was saved, its status, what changed (old value kept), and that it closed', () => {
    const saved = savedSamba({
      status: 'applied',
      closedAt: '2026-06-05T09:00:00.000Z',
      changes: [
        { field: 'salary', before: '$140,000–$200,000 USD / year', after: '$148,901–$212,716 USD / year', at: '2026-06-04T08:00:00.000Z' },
        { field: 'remote', before: 'Hybrid', after: 'Remote (North America)', at: '2026-06-04T08:00:00.000Z' },
        { field: 'title', before: 'ML Engineer', after: 'Machine Learning Engineer, Personalization, Samba', at: '2026-06-04T08:00:00.000Z' },
        { field: 'requirements', before: 'Required:\n- Go', after: 'Required:\n- Python', at: '2026-06-04T08:00:00.000Z' },
      ],
    });
    render(<Overlay posting={sambaPosting()} saved={saved} onSave={resolved} onClose={noop} />);
    const summary = screen.getByRole('region', { name: 'Your saved copy' });
    expect(summary.textContent).toContain('Saved Jun 1, 2026');
    expect(summary.textContent).toContain('Status: Applied');
    expect(within(summary).getByText('Closed')).toBeTruthy();
    const changes = within(summary).getByRole('note', { name: 'Changed since you saved' });
    const items = within(changes).getAllByRole('listitem').map((li) => li.textContent);
    expect(items[0]).toContain('Pay was $140,000–$200,000 USD / year, now $148,901–$212,716 USD / year');
    expect(items[1]).toContain('Remote policy was Hybrid, now Remote (North America)');
    expect(items[2]).toContain('Title was ML Engineer, now Machine Learning Engineer, Personalization, Samba');
    expect(items[3]).toContain('Requirements changed');
    expect(items[3]).toContain('- Go');
    expect(items[3]).toContain('- Python');
    // Without an api there is nothing to edit.
    expect(screen.queryByText('Your notes, status and rating')).toBeNull();
  });

  it('shows no summary for a posting that is not saved', () => {
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} api={fakeApi()} />);
    expect(screen.queryByRole('region', { name: 'Your saved copy' })).toBeNull();
    expect(screen.queryByText('Your notes, status and rating')).toBeNull();
  });

  it('marks a closed posting in the collapsed pill too', () => {
    render(<Overlay posting={sambaPosting()} saved={savedSamba({ closedAt: '2026-06-05T09:00:00.000Z' })} onSave={resolved} onClose={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Collapse JobLens panel' }));
    expect(screen.getByRole('button', { name: 'JobLens · Saved · Closed' }).getAttribute('aria-expanded')).toBe('false');
  });

  it('changes the status and shows when each step happened', async () => {
    const saved = savedSamba({
      status: 'applied',
      statusHistory: [
        { status: 'saved', at: '2026-06-01T10:00:00.000Z' },
        { status: 'applied', at: '2026-06-03T10:00:00.000Z' },
      ],
    });
    const { api } = renderSaved(saved);
    const history = screen.getByRole('list', { name: 'Status history' });
    expect(within(history).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Saved Jun 1, 2026', 'Applied Jun 3, 2026']);
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect(status.value).toBe('applied');
    fireEvent.change(status, { target: { value: 'interviewing' } });
    await waitFor(() => expect(api.update).toHaveBeenCalledWith({ status: 'interviewing' }));
  });

  it('rates 1–5 and clears the rating', async () => {
    const { api, rerender } = renderSaved(savedSamba());
    const four = screen.getByRole('radio', { name: '4 of 5' });
    fireEvent.click(four);
    await waitFor(() => expect(api.update).toHaveBeenCalledWith({ rating: 4 }));
    rerender(<Overlay posting={sambaPosting()} saved={savedSamba({ rating: 4 })} onSave={resolved} onClose={noop} api={api} />);
    expect((screen.getByRole('radio', { name: '4 of 5' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Clear rating' }));
    await waitFor(() => expect(api.update).toHaveBeenLastCalledWith({ rating: null }));
  });

  it('adds and removes tags, and saves notes', async () => {
    const { api } = renderSaved(savedSamba({ tags: ['ml'], notes: 'Old note' }));
    const input = screen.getByRole('textbox', { name: 'Add a tag' });
    fireEvent.input(input, { target: { value: '  dream job ' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(api.update).toHaveBeenCalledWith({ tags: ['ml', 'dream job'] }));

    fireEvent.click(screen.getByRole('button', { name: 'Remove tag ml' }));
    await waitFor(() => expect(api.update).toHaveBeenLastCalledWith({ tags: [] }));

    const notes = screen.getByRole('textbox', { name: 'Notes' });
    const save = screen.getByRole('button', { name: 'Save notes' }) as HTMLButtonElement;
    // Unavailable with nothing to save, but focusable (aria-disabled), so saving keeps the focus on it.
    expect(save.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(save);
    expect(api.update).not.toHaveBeenCalledWith({ notes: 'Old note' });
    fireEvent.input(notes, { target: { value: 'Call Dana on Monday' } });
    expect(save.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(save);
    await waitFor(() => expect(api.update).toHaveBeenLastCalledWith({ notes: 'Call Dana on Monday' }));
  });

  it('marks the posting closed, and open again', async () => {
    const { api, rerender } = renderSaved(savedSamba());
    fireEvent.click(screen.getByRole('button', { name: 'Mark as closed' }));
    await waitFor(() => expect(api.markClosed).toHaveBeenCalledWith(true));
    rerender(
      <Overlay posting={sambaPosting()} saved={savedSamba({ closedAt: '2026-06-05T09:00:00.000Z' })} onSave={resolved} onClose={noop} api={api} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Mark as open again' }));
    await waitFor(() => expect(api.markClosed).toHaveBeenLastCalledWith(false));
  });

  it('says so when an edit fails', async () => {
    const api = fakeApi();
    api.update.mockRejectedValueOnce(new Error('Database unavailable'));
    renderSaved(savedSamba(), api);
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'offer' } });
    expect((await screen.findByRole('alert')).textContent).toBe('Could not save: Database unavailable');
  });

  describe('corrections', () => {
    const open = () => fireEvent.click(screen.getByText('Correct a value'));
    const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;

    it('stores only what differs from the posting, as the whole set', async () => {
      const { api } = renderSaved(savedSamba());
      open();
      expect(field('From').value).toBe('148901');
      expect(field('Currency').value).toBe('USD');
      fireEvent.input(field('From'), { target: { value: '160,000' } });
      fireEvent.input(field('To'), { target: { value: '220000' } });
      fireEvent.change(screen.getByRole('combobox', { name: 'Remote policy' }), { target: { value: 'hybrid' } });
      fireEvent.input(field('Years of experience asked for (at least)'), { target: { value: '3' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
      await waitFor(() =>
        expect(api.update).toHaveBeenCalledWith({
          corrections: {
            salary: { min: 160000, max: 220000, currency: 'USD', period: 'year' },
            remotePolicy: 'hybrid',
            yearsMin: 3,
          },
        }),
      );
    });

    it('refuses a currency that is not a code, and goes back to the posting on request', async () => {
      const { api } = renderSaved(savedSamba({ corrections: { remotePolicy: 'onsite' } }));
      open();
      fireEvent.input(field('Currency'), { target: { value: '$$' } });
      fireEvent.click(screen.getByRole('button', { name: 'Save corrections' }));
      expect((await screen.findByRole('alert')).textContent).toContain('three-letter code');
      expect(api.update).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: "Use the posting's values" }));
      await waitFor(() => expect(api.update).toHaveBeenCalledWith({ corrections: {} }));
    });

    it("shows a correction as the user's, with the posting's reading still visible", () => {
      const saved = savedSamba({
        corrections: {
          salary: { min: 40, max: 50, currency: 'USD', period: 'hour' },
          remotePolicy: 'hybrid',
          location: 'Boston, MA',
          yearsMin: 3,
        },
      });
      render(<Overlay posting={sambaPosting()} saved={saved} onSave={resolved} onClose={noop} />);
      const pay = screen.getByRole('region', { name: 'Pay' });
      expect(pay.textContent).toContain('$40 – $50 an houryour correction');
      expect(pay.textContent).toContain('≈ $83,200 – $104,000 a year');
      expect(pay.textContent).toContain('Read from the posting:');
      expect(pay.textContent).toContain('$148,901 – $212,716 a year');
      const where = screen.getByRole('region', { name: 'Where' });
      expect(where.textContent).toMatch(/^WhereHybrid your correctionRead from the posting:Remote/);
      const text = document.body.textContent ?? '';
      expect(text).toContain('Location: Boston, MA your correction');
      expect(text).toContain('Read from the posting: New York, NY');
      expect(text).toContain('Experience: 3+ years your correction');
      expect(text).toContain('Read from the posting: 5+ years');
      expect(screen.getAllByText('your correction')).toHaveLength(4);
    });
  });
});
