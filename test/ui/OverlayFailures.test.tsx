// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../src/ui/overlay/Overlay.tsx';
import { ReadFailed } from '../../src/ui/overlay/ReadFailed.tsx';
import { sambaPosting, savedFrom } from '../helpers/postings.ts';

afterEach(cleanup);

const noop = () => undefined;
const STOPPED = "JobLens's background stopped before it answered, and gave no answer when asked again.";

describe('the panel when JobLens could not read the page', () => {
  it('says it could not read the page, and why, never that there is no posting', () => {
    render(<ReadFailed reason={STOPPED} attempt={1} onRetry={noop} onClose={noop} />);
    const panel = screen.getByRole('complementary', { name: 'JobLens' });
    expect(screen.getByRole('alert').textContent).toBe(`JobLens could not read this page.${STOPPED}`);
    expect(panel.textContent).not.toContain('No job posting found here.');
  });

  it('offers Try again as a named button, which asks once and says it is trying until the next answer', async () => {
    const onRetry = vi.fn();
    const { rerender } = render(<ReadFailed reason={STOPPED} attempt={1} onRetry={onRetry} onClose={noop} />);
    const button = screen.getByRole('button', { name: 'Try again' });
    button.focus();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(onRetry).toHaveBeenCalledOnce();
    expect(button.textContent).toBe('Trying again…');
    expect(button.getAttribute('aria-busy')).toBe('true');
    // Focus stays on the button (aria-disabled, not disabled).
    expect(document.activeElement).toBe(button);
    // The reader answered again with another failure: the button is back.
    rerender(<ReadFailed reason="JobLens's background gave no answer within 5 seconds." attempt={2} onRetry={onRetry} onClose={noop} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' }).getAttribute('aria-busy')).toBeNull());
    expect(screen.getByRole('alert').textContent).toContain('within 5 seconds');
  });

  it('can be closed', () => {
    const onClose = vi.fn();
    render(<ReadFailed reason={STOPPED} attempt={1} onRetry={noop} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close JobLens panel' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('the panel when the saved status could not be read', () => {
  it('says "Status unknown" and why, not "Save" as if the posting were not saved', () => {
    render(<Overlay posting={sambaPosting()} saved={null} statusUnknown={STOPPED} onSave={async () => undefined} onClose={noop} />);
    const button = screen.getByRole('button', { name: 'Status unknown: press to save this job to JobLens' });
    expect(button.textContent).toBe('Status unknown');
    expect(screen.getByRole('status').textContent).toBe(
      `JobLens could not tell whether this job is saved: ${STOPPED} Saving it keeps your notes and status if it was.`,
    );
    expect(screen.queryByRole('button', { name: 'Save this job to JobLens' })).toBeNull();
  });

  it('pressing it saves, and then it says Saved', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<Overlay posting={sambaPosting()} saved={null} statusUnknown={STOPPED} onSave={onSave} onClose={noop} />);
    fireEvent.click(screen.getByRole('button', { name: /Status unknown/ }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saved to JobLens' })).toBeTruthy());
    expect(onSave).toHaveBeenCalledOnce();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('a status that arrives later replaces "unknown"', async () => {
    const posting = sambaPosting();
    const { rerender } = render(<Overlay posting={posting} saved={null} statusUnknown={STOPPED} onSave={async () => undefined} onClose={noop} />);
    rerender(<Overlay posting={posting} saved={savedFrom(posting, '2026-06-01T10:00:00.000Z')} statusUnknown={null} onSave={async () => undefined} onClose={noop} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saved to JobLens' })).toBeTruthy());
  });
});

describe('an edit the background could not confirm', () => {
  const posting = sambaPosting();
  const saved = savedFrom(posting, '2026-06-01T10:00:00.000Z');
  function renderEditor(update: () => Promise<unknown>) {
    render(<Overlay posting={posting} saved={saved} onSave={async () => undefined} onClose={noop} api={{ update, markClosed: async () => undefined }} />);
    fireEvent.click(screen.getByText('Your notes, status and rating'));
  }

  it('keeps the typed note and says it was not saved', async () => {
    renderEditor(() => Promise.reject(new Error(STOPPED)));
    const notes = screen.getByLabelText('Notes') as HTMLTextAreaElement;
    fireEvent.input(notes, { target: { value: 'Call Dana on Friday' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save notes' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Could not save: ${STOPPED}`);
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Call Dana on Friday');
  });

  it('keeps a typed tag in its field when its save failed, and clears it once saved', async () => {
    const update = vi.fn().mockRejectedValueOnce(new Error(STOPPED)).mockResolvedValueOnce(undefined);
    renderEditor(update);
    const field = screen.getByLabelText('Add a tag') as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'fintech' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe(`Could not save: ${STOPPED}`);
    expect(field.value).toBe('fintech');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(field.value).toBe(''));
    expect(update).toHaveBeenLastCalledWith({ tags: ['fintech'] });
  });
});
