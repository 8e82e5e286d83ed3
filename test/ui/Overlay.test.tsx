// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Overlay } from '../../src/ui/overlay/Overlay.tsx';
import {
  HOSTILE_TITLE,
  hourlyPosting,
  musicUnderstandingPosting,
  sambaPosting,
  savedFrom,
  storytellingPosting,
} from '../helpers/postings.ts';

afterEach(cleanup);

const noop = () => undefined;
const resolved = () => Promise.resolve();

describe('Overlay', () => {
  it('is a labelled complementary region with the title and company', () => {
    render(<Overlay posting={musicUnderstandingPosting()} saved={null} onSave={resolved} onClose={noop} />);
    const region = screen.getByRole('complementary', { name: 'JobLens' });
    expect(region.className).toContain('jl-');
    expect(screen.getByRole('heading', { name: musicUnderstandingPosting().title })).toBeTruthy();
    expect(screen.getByText('Spotify')).toBeTruthy();
  });

  it('says which fallback read the page, and nothing when the board\'s own reader did', () => {
    const { rerender } = render(
      <Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} readVia="generic" />,
    );
    expect(screen.getByRole('note').textContent).toBe(
      "Read from the page's text: JobLens did not find this site's job layout or structured data.",
    );
    rerender(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} readVia="jsonld" />);
    expect(screen.getByText("Read from the page's structured data (JSON-LD).")).toBeTruthy();
    rerender(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} readVia="adapter" />);
    expect(screen.queryByText(/^Read from the page/)).toBeNull();
  });

  it('says when it read only the first 200 KB of the posting\'s text', () => {
    const { rerender } = render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} readVia="adapter" textClipped />);
    expect(screen.getByRole('note').textContent).toBe("Read the first 200 KB of this posting's text; the rest was not read.");
    rerender(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} readVia="adapter" />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows the primary pay, its source and its evidence', () => {
    const posting = musicUnderstandingPosting();
    const { container } = render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    const amount = screen.getByText('$184,050 – $262,928 a year');
    expect(amount.getAttribute('title')).toBe(posting.salary!.evidence);
    expect(screen.getAllByText('from the text').length).toBeGreaterThan(0);
    expect(container.textContent).toContain(posting.salary!.evidence);
  });

  it('shows other ranges with their labels, the annual figure, OTE and board data marks', () => {
    const { container } = render(<Overlay posting={hourlyPosting()} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByText('$28 – $47 an hour')).toBeTruthy();
    expect(screen.getByText('≈ $58,240 – $97,760 a year')).toBeTruthy();
    expect(screen.getByText('$70,000 – $110,000 a year')).toBeTruthy();
    expect(container.textContent).toContain('With commission');
    expect(screen.getByText('OTE')).toBeTruthy();
    expect(screen.getAllByText('board data').length).toBeGreaterThan(0);
    expect(container.textContent).toContain('On-site');
    expect(container.textContent).toContain('at least 5 days a week in the office');
  });

  it('marks estimated ranges', () => {
    const posting = hourlyPosting();
    posting.salaries[1] = { ...posting.salaries[1]!, estimated: true };
    render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByText('estimate')).toBeTruthy();
  });

  it('says when a range\'s period was inferred from its size, not stated', () => {
    const posting = hourlyPosting();
    render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.queryByText('period inferred')).toBeNull();
    cleanup();
    posting.salaries[0] = { ...posting.salaries[0]!, periodInferred: true };
    posting.salary = posting.salaries[0]!;
    render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByText('period inferred').getAttribute('title')).toMatch(/no period/);
  });

  it('marks figures read as thousands, and only those', () => {
    const posting = hourlyPosting();
    render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.queryByText('read as thousands')).toBeNull();
    cleanup();
    posting.salaries[0] = { ...posting.salaries[0]!, thousandsInferred: true };
    posting.salary = posting.salaries[0]!;
    render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByText('read as thousands').getAttribute('title')).toMatch(/without their thousands/);
  });

  it('says "Not stated" when the posting gives no pay', () => {
    render(<Overlay posting={storytellingPosting()} saved={null} onSave={resolved} onClose={noop} />);
    const pay = screen.getByRole('heading', { name: 'Pay' }).parentElement!;
    expect(pay.textContent).toContain('Not stated');
  });

  it('shows both sides of a remote conflict', () => {
    const posting = musicUnderstandingPosting();
    const { container } = render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    const conflict = container.querySelector('.jl-conflict')!;
    expect(conflict.textContent).toBe(
      `Hybrid — the board says Remote, the text says: ${posting.remote.conflict!.textEvidence}`,
    );
  });

  it('shows regions, time zones, location and years asked for', () => {
    const { container } = render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} />);
    const text = container.textContent ?? '';
    expect(text).toContain('Remote');
    expect(text).toContain('Regions: North America');
    expect(text).toContain('Time zones: Eastern Time');
    expect(text).toContain('Location: New York, NY');
    expect(text).toContain('Experience: 5+ years');
  });

  describe('showing evidence on the page', () => {
    // The button is named by what it shows: the sentence, then "Show this sentence on the page"
    // (its visible text, so the name holds what the eye sees: WCAG 2.5.3).
    const SHOW = { name: /Show this sentence on the page$/ };
    const section = (heading: string) => within(screen.getByRole('heading', { name: heading }).parentElement!);

    it('makes a sentence from the text a button that asks to show it on the page', () => {
      const posting = sambaPosting();
      const onShowEvidence = vi.fn(() => true);
      render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} onShowEvidence={onShowEvidence} />);
      const button = section('Pay').getByRole('button', SHOW);
      // A native button: focusable and pressed with Enter or Space.
      expect(button.tagName).toBe('BUTTON');
      expect(button.getAttribute('type')).toBe('button');
      expect(button.textContent).toContain(posting.salary!.evidence);
      expect(button.textContent).toContain('Show this sentence on the page');
      expect(button.getAttribute('aria-label')).toBeNull();

      fireEvent.click(button);
      expect(onShowEvidence).toHaveBeenCalledExactlyOnceWith(posting.salary!.evidence);
      expect(screen.queryByText('Not found on this page')).toBeNull();
    });

    it('says "Not found on this page" beside the item whose sentence is not on the page', async () => {
      const posting = sambaPosting();
      const onShowEvidence = vi.fn((text: string) => text !== posting.salary!.evidence);
      render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} onShowEvidence={onShowEvidence} />);

      fireEvent.click(section('Where').getByRole('button', SHOW));
      expect(onShowEvidence).toHaveBeenLastCalledWith(posting.remote.evidence);
      expect(screen.queryByText('Not found on this page')).toBeNull();

      fireEvent.click(section('Pay').getByRole('button', SHOW));
      await waitFor(() => expect(section('Pay').getByText('Not found on this page')).toBeTruthy());
      expect(screen.getAllByText('Not found on this page')).toHaveLength(1);
    });

    it('shows the experience asked for with its sentence, which can be shown on the page', () => {
      const posting = sambaPosting();
      const onShowEvidence = vi.fn(() => true);
      const { container } = render(
        <Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} onShowEvidence={onShowEvidence} />,
      );
      const buttons = screen.getAllByRole('button', SHOW);
      const experience = buttons.find((b) => b.textContent?.includes(posting.experience!.evidence));
      expect(container.textContent).toContain('Experience: 5+ years');
      expect(experience).toBeTruthy();
      fireEvent.click(experience!);
      expect(onShowEvidence).toHaveBeenCalledExactlyOnceWith(posting.experience!.evidence);
    });

    it("shows the text's side of a remote conflict on the page", () => {
      const posting = musicUnderstandingPosting();
      const onShowEvidence = vi.fn(() => true);
      const { container } = render(
        <Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} onShowEvidence={onShowEvidence} />,
      );
      const conflict = container.querySelector('.jl-conflict') as HTMLElement;
      fireEvent.click(within(conflict).getByRole('button', SHOW));
      expect(onShowEvidence).toHaveBeenCalledExactlyOnceWith(posting.remote.conflict!.textEvidence);
      // The board's side is a field, not a sentence on the page.
      expect(within(conflict).getAllByRole('button')).toHaveLength(1);
    });

    it('keeps board and JSON-LD fields as labelled text unless their text is on the page', () => {
      const posting = hourlyPosting();
      const board = posting.salary!.evidence;
      const onShowEvidence = vi.fn(() => true);
      const absent = render(
        <Overlay
          posting={posting}
          saved={null}
          onSave={resolved}
          onClose={noop}
          onShowEvidence={onShowEvidence}
          isEvidenceOnPage={() => false}
        />,
      );
      const pay = section('Pay');
      const [boardItem, proseItem] = pay.getAllByRole('listitem');
      expect(boardItem!.textContent).toContain('board data');
      expect(boardItem!.textContent).toContain(board);
      expect(within(boardItem!).queryByRole('button', SHOW)).toBeNull();
      expect(within(proseItem!).getByRole('button', SHOW)).toBeTruthy();
      absent.unmount();

      const isEvidenceOnPage = vi.fn((text: string) => text === board);
      render(
        <Overlay
          posting={posting}
          saved={null}
          onSave={resolved}
          onClose={noop}
          onShowEvidence={onShowEvidence}
          isEvidenceOnPage={isEvidenceOnPage}
        />,
      );
      const [shownItem] = section('Pay').getAllByRole('listitem');
      fireEvent.click(within(shownItem!).getByRole('button', SHOW));
      expect(onShowEvidence).toHaveBeenCalledExactlyOnceWith(board);
      expect(shownItem!.textContent).toContain('board data');
    });

    it('offers no page control when nothing can show the page', () => {
      render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} />);
      expect(screen.queryAllByRole('button', SHOW)).toHaveLength(0);
      expect(section('Pay').getByText(sambaPosting().salary!.evidence)).toBeTruthy();
    });
  });

  it('lists required and preferred requirements in a collapsible section', () => {
    const posting = storytellingPosting();
    const { container } = render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    const details = container.querySelector('details')!;
    expect(details.querySelector('summary')!.textContent).toBe('Requirements (2 required, 1 preferred)');
    expect(details.textContent).toContain(posting.requirements.preferred[0]);
    expect(details.querySelectorAll('li')).toHaveLength(3);
  });

  it('saves: "Save" -> "Saving…" -> "Saved"', async () => {
    let finish!: () => void;
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Overlay posting={sambaPosting()} saved={null} onSave={onSave} onClose={noop} />);
    const button = screen.getByRole('button', { name: 'Save this job to JobLens' });
    expect(button.textContent).toBe('Save');

    fireEvent.click(button);
    await waitFor(() => expect(button.textContent).toBe('Saving…'));
    expect(onSave).toHaveBeenCalledOnce();

    finish();
    await waitFor(() => expect(button.textContent).toBe('Saved'));
  });

  it('shows "Saved" from the start when the posting is saved, and when the status arrives later', async () => {
    const posting = sambaPosting();
    const { rerender } = render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByRole('button', { name: /Save this job/ }).textContent).toBe('Save');
    rerender(<Overlay posting={posting} saved={savedFrom(posting, '2026-06-01T10:00:00.000Z')} onSave={resolved} onClose={noop} />);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saved to JobLens' }).textContent).toBe('Saved'));
  });

  it('shows an error when saving fails, and lets the user try again', async () => {
    const onSave = vi.fn().mockRejectedValueOnce(new Error('Database unavailable')).mockResolvedValueOnce(undefined);
    render(<Overlay posting={sambaPosting()} saved={null} onSave={onSave} onClose={noop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save this job to JobLens' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Could not save: Database unavailable'));

    fireEvent.click(screen.getByRole('button', { name: 'Save this job to JobLens' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saved to JobLens' })).toBeTruthy());
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('collapses to a pill and expands again, focus following the button pressed', async () => {
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} />);
    const collapse = screen.getByRole('button', { name: 'Collapse JobLens panel' });
    collapse.focus();
    fireEvent.click(collapse);
    expect(screen.queryByRole('heading', { name: sambaPosting().title })).toBeNull();
    // Named by what it shows (label in name); aria-expanded says it opens the panel.
    const pill = screen.getByRole('button', { name: 'JobLens' });
    expect(pill.getAttribute('aria-expanded')).toBe('false');
    await waitFor(() => expect(document.activeElement).toBe(pill));
    expect(screen.getByRole('complementary', { name: 'JobLens' })).toBeTruthy();
    fireEvent.click(pill);
    expect(screen.getByRole('heading', { name: sambaPosting().title })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Collapse JobLens panel' })));
  });

  it('folds to the pill on Escape in the panel, but not from a field', async () => {
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={noop} />);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Close JobLens panel' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'JobLens' })));
    fireEvent.click(screen.getByRole('button', { name: 'JobLens' }));
    // An Escape already spent (on the page highlight) does not fold it.
    const close = screen.getByRole('button', { name: 'Close JobLens panel' });
    const spent = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
    spent.preventDefault();
    close.dispatchEvent(spent);
    expect(screen.getByRole('heading', { name: sambaPosting().title })).toBeTruthy();
  });

  it('keeps the focus on Save while saving (unavailable, not disabled)', async () => {
    let finish = () => undefined as void;
    const onSave = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(<Overlay posting={sambaPosting()} saved={null} onSave={onSave} onClose={noop} />);
    const save = screen.getByRole('button', { name: 'Save this job to JobLens' }) as HTMLButtonElement;
    save.focus();
    fireEvent.click(save);
    expect(save.disabled).toBe(false);
    expect(save.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledOnce();
    finish();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Saved to JobLens' })).toBe(save));
    expect(document.activeElement).toBe(save);
  });

  it('calls onClose from the close button', () => {
    const onClose = vi.fn();
    render(<Overlay posting={sambaPosting()} saved={null} onSave={resolved} onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close JobLens panel' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders page text as text: markup in a title creates no element', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const posting = musicUnderstandingPosting({
      title: HOSTILE_TITLE,
      company: `<b>${hostile}</b>`,
      requirements: { required: [hostile], preferred: [] },
    });
    posting.remote.conflict!.textEvidence = hostile;
    const { container } = render(<Overlay posting={posting} saved={null} onSave={resolved} onClose={noop} />);
    expect(screen.getByRole('heading', { name: HOSTILE_TITLE }).textContent).toBe(HOSTILE_TITLE);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain(hostile);
  });
});
