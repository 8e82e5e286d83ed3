// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportFile } from '../../src/model/index.ts';
import { App, EMPTY_MESSAGE, exportFileName } from '../../src/ui/popup/App.tsx';
import {
  HOSTILE_TITLE,
  musicUnderstandingPosting,
  sambaPosting,
  savedFrom,
  storytellingPosting,
} from '../helpers/postings.ts';
import { fakeApi } from './fake-popup-api.ts';


const samba = savedFrom(sambaPosting(), '2026-06-03T10:00:00.000Z');
const music = savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z');
const story = savedFrom(storytellingPosting(), '2026-06-02T10:00:00.000Z');

afterEach(cleanup);

describe('popup App', () => {
  it('shows a loading state, then saved jobs newest first with pay, policy and date', async () => {
    const api = fakeApi([music, samba, story]);
    render(<App api={api} />);
    expect(screen.getByText('Loading saved jobs…')).toBeTruthy();

    const list = await screen.findByRole('list', { name: 'Saved jobs' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.jl-saved-title')!.textContent)).toEqual([
      samba.title,
      story.title,
      music.title,
    ]);
    const first = items[0]!;
    expect(first.textContent).toContain('Spotify');
    expect(first.textContent).toContain('$148,901 – $212,716 a year');
    expect(first.textContent).toContain('Remote');
    expect(first.querySelector('time')!.getAttribute('datetime')).toBe(samba.savedAt);
    expect(items[1]!.textContent).toContain('Pay not stated');
    expect(items[1]!.textContent).toContain('Hybrid');
  });

  it('shows the empty state', async () => {
    render(<App api={fakeApi([])} />);
    expect(await screen.findByText(EMPTY_MESSAGE)).toBeTruthy();
  });

  it('shows an error when the list cannot be read, and retries', async () => {
    const api = fakeApi([samba]);
    vi.mocked(api.list).mockRejectedValueOnce(new Error('background asleep'));
    render(<App api={api} />);
    expect((await screen.findByRole('alert')).textContent).toContain('background asleep');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(samba.title)).toBeTruthy();
  });

  it('opens the posting in a new tab when its title is clicked', async () => {
    const api = fakeApi([samba]);
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('link', { name: samba.title }));
    expect(api.openUrl).toHaveBeenCalledWith(samba.url);
  });

  it('does not link a stored URL that is not a web page', async () => {
    const api = fakeApi([{ ...samba, url: 'javascript:alert(1)' }]);
    render(<App api={api} />);
    expect(await screen.findByText(samba.title)).toBeTruthy();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('deletes with an undo toast that restores the record', async () => {
    const api = fakeApi([samba, music]);
    render(<App api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: `Delete ${samba.title}` }));

    await waitFor(() => expect(screen.queryByRole('link', { name: samba.title })).toBeNull());
    expect(api.remove).toHaveBeenCalledWith(samba.id);
    expect(screen.getByText(`Deleted ${samba.title} —`, { exact: false })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: `Undo deleting ${samba.title}` }));
    expect(await screen.findByRole('link', { name: samba.title })).toBeTruthy();
    expect(api.restore).toHaveBeenCalledWith(samba);
    expect(api.records.get(samba.id)).toEqual(samba);
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });

  it('lets the toast go after its time, and the deletion stands', async () => {
    const api = fakeApi([samba]);
    render(<App api={api} undoMs={30} />);
    fireEvent.click(await screen.findByRole('button', { name: `Delete ${samba.title}` }));
    expect(await screen.findByRole('button', { name: /Undo/ })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull());
    expect(api.restore).not.toHaveBeenCalled();
    expect(screen.getByText(EMPTY_MESSAGE)).toBeTruthy();
  });

  it('renders titles as text', async () => {
    const hostile = savedFrom(sambaPosting({ title: HOSTILE_TITLE }), '2026-06-03T10:00:00.000Z');
    const { container } = render(<App api={fakeApi([hostile])} />);
    expect((await screen.findByRole('link', { name: HOSTILE_TITLE })).textContent).toBe(HOSTILE_TITLE);
    expect(container.querySelector('img')).toBeNull();
  });

  describe('export', () => {
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

    it('downloads the export as a valid ExportFile named by date', async () => {
      const api = fakeApi([samba, music]);
      render(<App api={api} now={() => new Date(2026, 5, 6, 9, 30)} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Export saved jobs as JSON' }));

      await waitFor(() => expect(clicked).toHaveLength(1));
      const link = clicked[0]!;
      expect(link.download).toBe('joblens-export-2026-06-06.json');
      expect(link.getAttribute('href')).toBe('blob:joblens-test');
      expect(link.isConnected).toBe(false);
      expect(blobs).toHaveLength(1);
      expect(blobs[0]!.type).toBe('application/json');
      const file = ExportFile.parse(JSON.parse(await blobs[0]!.text()));
      expect(file.postings.map((p) => p.id).sort()).toEqual([music.id, samba.id].sort());
    });

    it('says so when the export cannot be made, and downloads nothing', async () => {
      const api = fakeApi([samba]);
      vi.mocked(api.exportJson).mockRejectedValueOnce(new Error('JobLens could not open its database: quota'));
      render(<App api={api} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Export saved jobs as JSON' }));
      expect((await screen.findByRole('alert')).textContent).toBe('Could not export: JobLens could not open its database: quota');
      expect(clicked).toHaveLength(0);
      expect(blobs).toHaveLength(0);
    });
  });

  it('names export files by local date', () => {
    expect(exportFileName(new Date(2026, 0, 9, 23, 59))).toBe('joblens-export-2026-01-09.json');
  });
});
