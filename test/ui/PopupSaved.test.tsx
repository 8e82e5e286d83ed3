// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeRates, SavedPosting, SavedSummary } from '../../src/model/index.ts';
import { App, ROW_HEIGHT } from '../../src/ui/popup/App.tsx';
import { STORAGE_FULL_MESSAGE } from '../../src/store/repository.ts';
import { FIRST_ROWS } from '../../src/ui/popup/query.ts';
import { formatYears } from '../../src/ui/format.ts';
import { berlin, hourly, manySaved, music, music as musicJob, samba, story } from './saved-jobs.ts';
import { fakeApi } from './fake-popup-api.ts';

const RATES: ExchangeRates = { base: 'EUR', rates: { USD: 1.25 }, updatedAt: '2026-06-01T00:00:00.000Z' };


const rows = () => within(screen.getByRole('list', { name: 'Saved jobs' })).queryAllByRole('listitem');
const titles = () => rows().map((li) => li.querySelector('.jl-saved-title')!.textContent);
const search = () => screen.getByRole('searchbox', { name: 'Search saved jobs' });
const select = (name: string) => screen.getByRole('combobox', { name }) as HTMLSelectElement;

afterEach(cleanup);

describe('popup: the saved list', () => {
  it('shows the newest rows first, then the whole list, to which search applies', async () => {
    const api = fakeApi([samba, music, story]);
    let finish: (rows: SavedSummary[]) => void = () => undefined;
    const all = await api.list();
    api.list.mockImplementationOnce(() => new Promise((resolve) => (finish = resolve)));
    const first = vi.fn(async (count: number) => all.slice(0, 2).slice(0, count));
    render(<App api={{ ...api, listFirst: first }} />);

    await waitFor(() => expect(titles()).toEqual([samba.title, story.title]));
    expect(first).toHaveBeenCalledWith(FIRST_ROWS);
    // How many are saved is said once the whole list is read.
    expect(screen.queryByText('(3)')).toBeNull();
    expect(screen.getByText('Showing the newest 2; reading the rest…')).toBeTruthy();
    // Deleting "all" needs every id: not until the list is complete.
    expect((screen.getByRole('button', { name: 'Delete all' }) as HTMLButtonElement).disabled).toBe(true);
    // Typed before the list is complete: applied once it is.
    fireEvent.input(search(), { target: { value: 'music' } });
    expect(titles()).toEqual([samba.title, story.title]);

    // The whole list is asked for once the first rows are painted.
    await waitFor(() => expect(api.list).toHaveBeenCalledTimes(2));
    finish(all);
    await waitFor(() => expect(titles()).toEqual([music.title]));
    expect(screen.getByText('Showing 1 of 3')).toBeTruthy();
    expect(screen.getByText('(3)')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Delete all' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('stays small with 10,000 saved jobs: only the rows in view are rendered', async () => {
    const api = fakeApi(manySaved(10_000));
    render(<App api={api} listHeight={4 * ROW_HEIGHT} />);
    expect(await screen.findByText('(10,000)')).toBeTruthy();
    // 4 rows in view, 3 overscan below.
    expect(rows()).toHaveLength(7);
    expect(rows()[0]!.getAttribute('aria-setsize')).toBe('10000');

    // Search as you type, over all 10,000.
    fireEvent.input(search(), { target: { value: 'number 4242' } });
    await waitFor(() => expect(titles()).toEqual(['Engineer number 4242']));
    expect(screen.getByText('Showing 1 of 10,000')).toBeTruthy();

    fireEvent.input(search(), { target: { value: 'berlin' } });
    await waitFor(() => expect(screen.getByText(`Showing ${Math.ceil(10_000 / 7).toLocaleString()} of 10,000`)).toBeTruthy());
    expect(rows().length).toBeLessThanOrEqual(7);
    // The list was indexed once, not per keystroke.
    expect(api.list).toHaveBeenCalledTimes(1);
  });

  it('searches notes and tags, and shows status, rating and closed in the row', async () => {
    const closed = { ...music, closedAt: '2026-06-05T09:00:00.000Z' };
    render(<App api={fakeApi([samba, closed, story])} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    const [sambaRow, , musicRow] = rows();
    expect(sambaRow!.textContent).toContain('Applied');
    expect(within(sambaRow!).getByLabelText('Rated 4 of 5')).toBeTruthy();
    expect(within(musicRow!).getByText('Closed')).toBeTruthy();

    fireEvent.input(search(), { target: { value: 'Dana' } });
    await waitFor(() => expect(titles()).toEqual([samba.title]));
    fireEvent.input(search(), { target: { value: 'REMOTE-OK' } });
    await waitFor(() => expect(titles()).toEqual([samba.title]));
    fireEvent.input(search(), { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No saved jobs match your search and filters.')).toBeTruthy();
  });

  it('filters by status, remote policy and tag, and clears them', async () => {
    render(<App api={fakeApi([samba, music, story, hourly])} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.change(select('Status'), { target: { value: 'interviewing' } });
    await waitFor(() => expect(titles()).toEqual([story.title]));
    fireEvent.change(select('Status'), { target: { value: '' } });
    fireEvent.change(select('Remote policy'), { target: { value: 'hybrid' } });
    await waitFor(() => expect(titles()).toEqual([story.title, music.title]));
    fireEvent.change(select('Tag'), { target: { value: 'ml' } });
    await waitFor(() => expect(titles()).toEqual([music.title]));
    expect(screen.getByText('Filter and sort (2 filters on)')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(titles()).toHaveLength(4));
  });

  it('filters by minimum annual pay in one currency, and across currencies only with rates', async () => {
    const { unmount } = render(<App api={fakeApi([samba, music, berlin, story])} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    // The most common currency is the default.
    expect(select('Currency of the minimum pay').value).toBe('USD');
    fireEvent.input(screen.getByRole('textbox', { name: 'Minimum annual pay amount' }), { target: { value: '250,000' } });
    await waitFor(() => expect(titles()).toEqual([music.title]));
    fireEvent.change(select('Currency of the minimum pay'), { target: { value: 'EUR' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Minimum annual pay amount' }), { target: { value: '160000' } });
    await waitFor(() => expect(titles()).toEqual([berlin.title]));
    unmount();

    render(<App api={fakeApi([samba, music, berlin, story], { exchangeRates: RATES })} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    await waitFor(() => expect(select('Currency of the minimum pay').value).toBe('EUR'));
    fireEvent.input(screen.getByRole('textbox', { name: 'Minimum annual pay amount' }), { target: { value: '160000' } });
    await waitFor(() => expect(titles()).toEqual([samba.title, music.title, berlin.title]));
  });

  it('sorts by saved date, annual pay, company and status', async () => {
    render(<App api={fakeApi([samba, music, story, hourly, berlin])} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    expect(titles()).toEqual([samba.title, story.title, music.title, berlin.title, hourly.title]);
    fireEvent.change(select('Sort by'), { target: { value: 'pay' } });
    // USD first, highest first; euros are not converted without rates; no pay last.
    await waitFor(() => expect(titles()).toEqual([music.title, samba.title, hourly.title, berlin.title, story.title]));
    fireEvent.change(select('Sort by'), { target: { value: 'company' } });
    await waitFor(() => expect(titles()).toEqual([berlin.title, hourly.title, samba.title, story.title, music.title]));
    fireEvent.change(select('Sort by'), { target: { value: 'status' } });
    await waitFor(() => expect(titles()).toEqual([music.title, berlin.title, samba.title, story.title, hourly.title]));
  });
});

describe('popup: compare, delete, import, export, details, rates', () => {
  it('compares 2–4 selected jobs in the popup, and opens them in a tab', async () => {
    const api = fakeApi([samba, music, story, hourly, berlin]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${samba.title}` }));
    const compare = screen.getByRole('button', { name: 'Compare' }) as HTMLButtonElement;
    expect(compare.disabled).toBe(true);
    expect(screen.getByText('Pick 2 to 4 jobs to compare them.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${music.title}` }));
    expect(compare.disabled).toBe(false);
    for (const p of [story, hourly, berlin]) fireEvent.click(screen.getByRole('checkbox', { name: `Select ${p.title}` }));
    expect(screen.getByText('5 selected')).toBeTruthy();
    expect(compare.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${berlin.title}` }));
    fireEvent.click(compare);

    const table = await screen.findByRole('table', { name: 'Comparing 4 saved jobs' });
    expect(within(table).getAllByRole('columnheader').map((th) => th.querySelector('.jl-cmp-title')!.textContent)).toEqual([
      samba.title,
      music.title,
      story.title,
      hourly.title,
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(api.openCompare).toHaveBeenCalledWith([samba.id, music.id, story.id, hourly.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByText('4 selected')).toBeTruthy();
  });

  it('deletes the selected jobs after confirmation, and not on cancel', async () => {
    const api = fakeApi([samba, music, story]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${samba.title}` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${story.title}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete selected jobs' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 selected jobs?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.removeMany).not.toHaveBeenCalled();
    expect(titles()).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Delete selected jobs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete 2 jobs' }));
    await waitFor(() => expect(titles()).toEqual([music.title]));
    expect(api.removeMany).toHaveBeenCalledWith([samba.id, story.id]);
    expect(screen.getByText('Deleted 2 jobs.').getAttribute('role')).toBe('status');
    expect(screen.queryByText(/selected$/)).toBeNull();
  });

  it('asks in a modal dialog that keeps the focus, and gives it back to the button that opened it', async () => {
    const api = fakeApi([samba, music, story]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    const deleteAll = screen.getByRole('button', { name: 'Delete all' });
    deleteAll.focus();
    fireEvent.click(deleteAll);
    const dialog = screen.getByRole('alertdialog', { name: 'Delete all 3 saved jobs?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete 3 jobs' });
    expect(document.activeElement).toBe(cancel);
    // Tab from the last button goes round to the first; Shift+Tab from the first to the last.
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(confirm);
    fireEvent.keyDown(confirm, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete all' })));
    expect(api.removeMany).not.toHaveBeenCalled();
  });

  it('takes the focus to a view and back to the control that opened it', async () => {
    const api = fakeApi([samba, music, story]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('button', { name: `Details for ${music.title}` }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: music.title })));
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: `Details for ${music.title}` })));
  });

  it('deletes all after confirmation; Escape cancels', async () => {
    const api = fakeApi([samba, music, story]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    fireEvent.keyDown(screen.getByRole('alertdialog', { name: 'Delete all 3 saved jobs?' }), { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Delete all' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete 3 jobs' }));
    expect(await screen.findByText(/No saved jobs yet/)).toBeTruthy();
    expect(api.removeMany).toHaveBeenCalledWith([samba.id, story.id, music.id]);
  });

  it('imports a JSON export: says what happened and reloads the list', async () => {
    const api = fakeApi([samba]);
    const { container } = render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.getAttribute('accept')).toContain('.json');
    api.records.set(music.id, music);
    const file = new File(['{"format":"joblens/export"}'], 'joblens-export-2026-06-01.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByText(/^Imported:/)).textContent).toBe("Imported: 2 new, 1 merged (edits from both kept), 1 replaced by the file's newer copy, 3 unchanged.");
    expect(api.importFile).toHaveBeenCalledWith('joblens-export-2026-06-01.json', '{"format":"joblens/export"}');
    await waitFor(() => expect(titles()).toEqual([samba.title, music.title]));
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('shows how far an import in the background is, and its summary when it ends', async () => {
    const api = fakeApi([samba]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    act(() => api.tellImport({ type: 'progress', fileName: 'jobs.json', phase: 'writing', done: 2500, total: 10000 }));
    expect(screen.getByText(/^Importing jobs\.json/).textContent).toBe(
      'Importing jobs.json: 2,500 of 10,000 postings. It goes on if you close this window.',
    );
    expect(screen.getByRole('button', { name: 'Import saved jobs from a JSON export' }).textContent).toBe('Importing…');
    api.records.set(music.id, music);
    act(() =>
      api.tellImport({
        type: 'finished',
        outcome: { fileName: 'jobs.json', finishedAt: '2026-06-06T12:00:00.000Z', result: { added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] }, error: null },
      }),
    );
    expect(screen.queryByText(/^Importing jobs\.json/)).toBeNull();
    expect(screen.getByText(/^Imported:/).textContent).toBe("Imported: 1 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged.");
    await waitFor(() => expect(titles()).toEqual([samba.title, music.title]));
  });

  it('a popup opened after an import failed says why nothing was imported', async () => {
    const api = fakeApi([samba]);
    api.watchImport.mockImplementationOnce((listener) => {
      setTimeout(() =>
        listener({
          type: 'finished',
          outcome: { fileName: 'jobs.json', finishedAt: '2026-06-06T12:00:00.000Z', result: null, error: STORAGE_FULL_MESSAGE },
        }),
      );
      return () => undefined;
    });
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toBe(`Could not import jobs.json: ${STORAGE_FULL_MESSAGE}`);
  });

  it("shows the background's message when an import is refused", async () => {
    const api = fakeApi([samba]);
    api.importFile.mockRejectedValueOnce(new Error('This is not a JobLens export: "format" is missing.'));
    const { container } = render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'notes.json')], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import notes.json: This is not a JobLens export: "format" is missing.',
    );
  });

  it('refuses a 100 MB file before reading it, and changes nothing', async () => {
    const api = fakeApi([samba]);
    const { container } = render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    const huge = new File(['{}'], 'huge.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 100 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'text');
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    fireEvent.change(input);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import huge.json: This file is 100 MB; JobLens imports exports of up to 60 MB. Nothing was imported.',
    );
    expect(read).not.toHaveBeenCalled();
    expect(api.importFile).not.toHaveBeenCalled();
  });

  it('opens a job\'s details and edits its status there', async () => {
    const music: SavedPosting = { ...musicJob, experience: { yearsMin: 5, yearsMax: null, evidence: '5+ years of experience in ML', source: 'prose' } };
    const api = fakeApi([samba, music]);
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('button', { name: `Details for ${music.title}` }));
    // The list holds summaries; the full record is read when its details are opened.
    expect(await screen.findByRole('heading', { name: music.title })).toBeTruthy();
    expect(api.get).toHaveBeenCalledExactlyOnceWith([music.id]);
    // Experience is in the full record only (a summary has none).
    expect(screen.getByText('Experience').nextElementSibling?.textContent).toBe(formatYears(music.experience));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'applied' } });
    await waitFor(() => expect(api.update).toHaveBeenCalledWith(music.id, { status: 'applied' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Your saved copy' }).textContent).toContain('Status: Applied'));
    fireEvent.click(screen.getByRole('button', { name: 'Mark as closed' }));
    await waitFor(() => expect(api.markClosed).toHaveBeenCalledWith(music.id, true));
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    const row = (await screen.findByRole('link', { name: music.title })).closest('li')!;
    expect(row.textContent).toContain('Applied');
    expect(within(row).getByText('Closed')).toBeTruthy();
  });

  it('says when a job\'s full record cannot be read, and tries again', async () => {
    const api = fakeApi([samba, music]);
    api.get.mockRejectedValueOnce(new Error('JobLens could not open its database: disk I/O error'));
    render(<App api={api} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('button', { name: `Details for ${music.title}` }));
    expect((await screen.findByRole('alert')).textContent).toContain('Could not read this saved job: JobLens could not open its database: disk I/O error');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: music.title })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    expect(await screen.findByRole('link', { name: music.title })).toBeTruthy();
  });

  it('saves exchange rates from the settings panel, and refuses a bad one', async () => {
    const api = fakeApi([samba]);
    render(<App api={api} now={() => new Date('2026-06-06T09:00:00.000Z')} />);
    await screen.findByRole('list', { name: 'Saved jobs' });
    fireEvent.click(screen.getByRole('button', { name: 'Exchange rates' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Base currency' }), { target: { value: 'eur' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Currency code' }), { target: { value: 'usd' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Units of USD per 1 EUR' }), { target: { value: '-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rates' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The rate for USD must be a number above 0.');
    fireEvent.input(screen.getByRole('textbox', { name: 'Units of USD per 1 EUR' }), { target: { value: '1,08' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rates' }));
    await waitFor(() =>
      expect(api.setSettings).toHaveBeenCalledWith({
        exchangeRates: { base: 'EUR', rates: { USD: 1.08 }, updatedAt: '2026-06-06T09:00:00.000Z' },
      }),
    );
    expect(await screen.findByText('Your rates are saved.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove all rates' }));
    await waitFor(() => expect(api.setSettings).toHaveBeenLastCalledWith({ exchangeRates: null }));
  });

  describe('downloads', () => {
    let blobs: Blob[];
    let clicked: HTMLAnchorElement[];

    beforeEach(() => {
      blobs = [];
      clicked = [];
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
        blobs.push(blob as Blob);
        return 'blob:joblens-test';
      });
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this);
      });
    });
    afterEach(() => vi.restoreAllMocks());

    it('exports all as CSV, named by date', async () => {
      const api = fakeApi([samba, music]);
      render(<App api={api} now={() => new Date(2026, 5, 6, 9, 30)} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Export saved jobs as CSV' }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportCsv).toHaveBeenCalledWith(undefined);
      expect(clicked[0]!.download).toBe('joblens-export-2026-06-06.csv');
      expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
      // The file is what the repository wrote, behind a byte-order mark for spreadsheet programs.
      expect(await blobs[0]!.text()).toBe(`\uFEFF${await vi.mocked(api.exportCsv).mock.results[0]!.value}`);
    });

    it('exports only the selected jobs, as JSON and as CSV', async () => {
      const api = fakeApi([samba, music, story]);
      render(<App api={api} now={() => new Date(2026, 5, 6, 9, 30)} />);
      await screen.findByRole('list', { name: 'Saved jobs' });
      fireEvent.click(screen.getByRole('checkbox', { name: `Select ${story.title}` }));
      fireEvent.click(screen.getByRole('button', { name: 'Export selected jobs as JSON' }));
      await waitFor(() => expect(clicked).toHaveLength(1));
      expect(api.exportJson).toHaveBeenCalledWith([story.id]);
      expect(clicked[0]!.download).toBe('joblens-export-2026-06-06.json');
      // The file is the repository's pieces, joined as they came.
      expect(await blobs[0]!.text()).toBe((await vi.mocked(api.exportJson).mock.results[0]!.value).join(''));

      fireEvent.click(screen.getByRole('button', { name: 'Export selected jobs as CSV' }));
      await waitFor(() => expect(clicked).toHaveLength(2));
      expect(api.exportCsv).toHaveBeenCalledWith([story.id]);
      expect(clicked[1]!.download).toBe('joblens-export-2026-06-06.csv');
    });
  });
});
