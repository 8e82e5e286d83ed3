// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Posting, SavedPosting } from '../../src/model/index.ts';
import { BAD_URL_MESSAGE, EMPTY_TEXT_MESSAGE } from '../../src/model/pasted.ts';
import { CLIPPED_TEXT_MESSAGE, MAX_POSTING_TEXT_CHARS } from '../../src/model/text-limit.ts';
import { readPastedText, readPastedTexts } from '../../src/read-pasted.ts';
import { PasteView, type PastedApi } from '../../src/ui/popup/PasteView.tsx';
import { savedFrom } from '../helpers/postings.ts';

// The view on the real reading code (what the popup loads when the view opens), with the
// saving faked: test/ui/PopupPaste.test.tsx runs it in the popup on the real repository.
const SEED_001 = readFileSync(
  join(import.meta.dirname, '../corpus/real/text/seed-001-spotify-senior-ml-engineer-personalization.txt'),
  'utf8',
);
const NOW = new Date('2026-06-06T08:00:00.000Z');
// A charity's vacancies page with two openings in full (a real capture, test/corpus/real).
const TWO_OPENINGS = readFileSync(join(import.meta.dirname, '../corpus/real/career-pages/h14-sogive-director-senior-analyst.md'), 'utf8');

afterEach(cleanup);

function fakePastedApi(saved: SavedPosting | null = null) {
  return {
    prepare: vi.fn(),
    read: vi.fn(async (input: Parameters<PastedApi['read']>[0]) => readPastedTexts(input, NOW)),
    find: vi.fn(async (_id: string) => saved),
    save: vi.fn(async (posting: Posting) => savedFrom(posting, NOW.toISOString())),
  } satisfies PastedApi;
}

function paste(text: string, url = '') {
  fireEvent.input(screen.getByRole('textbox', { name: 'Posting text' }), { target: { value: text } });
  if (url) fireEvent.input(screen.getByRole('textbox', { name: 'Address (optional)' }), { target: { value: url } });
}

const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

describe('Read pasted text', () => {
  it('starts loading the reading code as it opens', () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    expect(api.prepare).toHaveBeenCalledTimes(1);
    expect(api.read).not.toHaveBeenCalled();
  });

  it('reads pasted text and shows what the panel shows: pay as stated and per year, remote policy, requirements, each with its sentence', async () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001);
    press('Read');

    const result = await screen.findByRole('heading', { name: 'Senior Machine Learning Engineer', level: 2 });
    await waitFor(() => expect(document.activeElement).toBe(result));
    const pay = screen.getByRole('region', { name: 'Pay' });
    expect(pay.querySelector('.jl-pay-amount')?.textContent).toMatch(/\$/);
    expect(within(pay).getByText('The United States base range for this position is $176166 $251666 plus equity.')).toBeTruthy();
    const where = screen.getByRole('region', { name: 'Where' });
    expect(where.querySelector('.jl-policy strong')?.textContent).toMatch(/^(Remote|Hybrid|On-site|Not stated)/);
    expect(screen.getByText(/^Requirements \(\d+ required/)).toBeTruthy();
    // Pasted text has no page: a sentence is a quotation, not a "show on the page" control.
    expect(screen.queryByText('Show this sentence on the page')).toBeNull();
    expect(api.read).toHaveBeenCalledWith({ text: SEED_001, url: '' });
  });

  it('saves what it read and says so to the popup', async () => {
    const api = fakePastedApi();
    const onSaved = vi.fn();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={onSaved} />);
    paste(SEED_001, 'https://example.org/careers/ml');
    press('Read');
    await screen.findByRole('heading', { level: 2 });
    press('Save');

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const posting = api.save.mock.calls[0]![0];
    expect(posting).toMatchObject({ site: 'pasted', url: 'https://example.org/careers/ml', title: 'Senior Machine Learning Engineer' });
    expect(onSaved.mock.calls[0]![0]).toMatchObject([{ id: posting.id }]);
  });

  it('says when the same text was saved before, and offers to update that job', async () => {
    const before = savedFrom(readPastedText({ text: SEED_001 }, NOW), '2026-05-01T09:00:00.000Z', { status: 'applied' });
    const api = fakePastedApi(before);
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001);
    press('Read');

    const summary = await screen.findByRole('region', { name: 'Your saved copy' });
    expect(summary.textContent).toContain('Applied');
    expect(api.find).toHaveBeenCalledWith(before.id);
    expect(screen.getByRole('button', { name: 'Update the saved job' })).toBeTruthy();
  });

  it('refuses empty text with a message on the text field, and reads nothing', () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste('  \n ');
    press('Read');

    expect(screen.getByRole('alert').textContent).toBe(EMPTY_TEXT_MESSAGE);
    const field = screen.getByRole('textbox', { name: 'Posting text' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(api.read).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('reads the first 200 KB of a very long text and says the rest was not read', async () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(`${SEED_001}\n${'More of the same. '.repeat(Math.ceil(MAX_POSTING_TEXT_CHARS / 18))}`);
    press('Read');

    await screen.findByRole('heading', { name: 'Senior Machine Learning Engineer' });
    expect(screen.getAllByRole('note').map((n) => n.textContent)).toContain(CLIPPED_TEXT_MESSAGE);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('button', { name: 'Save' })).toBeTruthy();
  });

  it('says nothing of a limit when the whole text was read', async () => {
    render(<PasteView api={fakePastedApi()} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001);
    press('Read');

    await screen.findByRole('heading', { name: 'Senior Machine Learning Engineer' });
    expect(screen.queryByText(CLIPPED_TEXT_MESSAGE)).toBeNull();
  });

  it('refuses an address that is not http(s), with the message on the address field', () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001, 'javascript:alert(1)');
    press('Read');

    expect(screen.getByRole('alert').textContent).toBe(BAD_URL_MESSAGE);
    const field = screen.getByRole('textbox', { name: 'Address (optional)' });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(api.read).not.toHaveBeenCalled();
  });

  it('drops the reading when the text is edited, so what is saved is what was read', async () => {
    render(<PasteView api={fakePastedApi()} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001);
    press('Read');
    await screen.findByRole('button', { name: 'Save' });
    paste(`${SEED_001}\nOne more line`);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
  });

  it('says why it could not read or save', async () => {
    const api = fakePastedApi();
    api.read.mockRejectedValueOnce(new Error('the reading code did not load'));
    api.save.mockRejectedValueOnce(new Error("Your browser's storage is full"));
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste(SEED_001);
    press('Read');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not read this text: the reading code did not load');

    press('Read');
    await screen.findByRole('heading', { level: 2 });
    press('Save');
    expect((await screen.findByRole('alert')).textContent).toBe("Could not save: Your browser's storage is full");
  });

  it('shows page text as text, never as markup', async () => {
    const api = fakePastedApi();
    render(<PasteView api={api} onBack={vi.fn()} onSaved={vi.fn()} />);
    paste('<img src=x onerror="window.__pwned=1"> Engineer\nPay is $100,000 - $120,000 per year. <b>Remote</b>.');
    press('Read');
    const heading = await screen.findByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('<img src=x onerror="window.__pwned=1"> Engineer');
    expect(document.querySelector('.jl-paste-result img, .jl-paste-result b')).toBeNull();
  });

  describe('a text that holds several postings', () => {
    it('says so, shows one at a time, and switches to the one chosen', async () => {
      render(<PasteView api={fakePastedApi()} onBack={vi.fn()} onSaved={vi.fn()} />);
      paste(TWO_OPENINGS);
      press('Read');

      await screen.findByRole('heading', { name: 'Director of SoGive', level: 2 });
      expect(screen.getByRole('note').textContent).toBe('This text holds 2 postings. Each is read on its own and saved as its own job.');
      const choices = within(screen.getByRole('group', { name: 'Postings in the text' })).getAllByRole('button');
      expect(choices.map((b) => [b.textContent, b.getAttribute('aria-pressed')])).toEqual([
        ['1. Director of SoGive', 'true'],
        ['2. Senior Analyst', 'false'],
      ]);
      expect(screen.getByRole('region', { name: 'Pay' }).textContent).toMatch(/30,?000/);

      press('2. Senior Analyst');
      await screen.findByRole('heading', { name: 'Senior Analyst', level: 2 });
      expect(screen.getByRole('region', { name: 'Pay' }).textContent).toMatch(/25,?000/);
      expect(screen.getByRole('button', { name: '2. Senior Analyst' }).getAttribute('aria-pressed')).toBe('true');
    });

    it('saves the one shown, or all of them as separate jobs', async () => {
      const api = fakePastedApi();
      const onSaved = vi.fn();
      render(<PasteView api={api} onBack={vi.fn()} onSaved={onSaved} />);
      paste(TWO_OPENINGS);
      press('Read');
      await screen.findByRole('heading', { name: 'Director of SoGive', level: 2 });

      press('Save all 2');
      await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
      const saved = onSaved.mock.calls[0]![0] as SavedPosting[];
      expect(saved.map((s) => s.title)).toEqual(['Director of SoGive', 'Senior Analyst']);
      expect(new Set(saved.map((s) => s.id)).size).toBe(2);

      press('2. Senior Analyst');
      press('Save this one');
      await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(2));
      expect((onSaved.mock.calls[1]![0] as SavedPosting[]).map((s) => s.title)).toEqual(['Senior Analyst']);
    });

    it('names how many were saved when saving all stops part way', async () => {
      const api = fakePastedApi();
      api.save.mockImplementationOnce(async (posting: Posting) => savedFrom(posting, NOW.toISOString()));
      api.save.mockRejectedValueOnce(new Error("Your browser's storage is full"));
      const onSaved = vi.fn();
      render(<PasteView api={api} onBack={vi.fn()} onSaved={onSaved} />);
      paste(TWO_OPENINGS);
      press('Read');
      await screen.findByRole('heading', { name: 'Director of SoGive', level: 2 });
      press('Save all 2');
      expect((await screen.findByRole('alert')).textContent).toBe("Could not save: Your browser's storage is full (1 of 2 saved before it)");
      expect(onSaved).not.toHaveBeenCalled();
    });
  });
});
