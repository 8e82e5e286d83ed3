// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createImportRunner } from '../../src/extension/import-runner.ts';
import { importClient } from '../../src/extension/import-client.ts';
import { repositoryApi } from '../../src/extension/popup-api.ts';
import { ExportFile } from '../../src/model/index.ts';
import { lazyDatabase, openJobLensDB, type JobLensDB } from '../../src/store/db.ts';
import { getSaved, savePosting, updateSaved } from '../../src/store/repository.ts';
import { App, type PopupApi } from '../../src/ui/popup/App.tsx';
import { PAGES_URL, POPUP_URL, portPair } from '../helpers/import-ports.ts';
import { hourlyPosting, musicUnderstandingPosting, sambaPosting } from '../helpers/postings.ts';

/**
 * The popup on the real repository and a real (fake-indexeddb) database, wired as main.tsx
 * wires it: the other popup tests use an in-memory fake, so this is where the wiring and the
 * repository's answers meet the app.
 */
const dbs: JobLensDB[] = [];
afterEach(() => {
  cleanup();
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

async function popupOn(): Promise<{ db: JobLensDB; api: PopupApi }> {
  const name = `joblens-test-${crypto.randomUUID()}`;
  const db = await openJobLensDB(name);
  dbs.push(db);
  const database = lazyDatabase(async () => db);
  // The import runs in a "background" of its own over a port, as in the extension.
  const runner = createImportRunner({ db: database, pagesUrl: PAGES_URL });
  const imports = importClient((portName) => {
    const { page, background } = portPair(portName, POPUP_URL);
    runner.connect(background);
    return page;
  });
  const api: PopupApi = { ...repositoryApi(database), ...imports, openUrl: vi.fn(), openCompare: vi.fn() };
  return { db, api };
}

const titles = () =>
  within(screen.getByRole('list', { name: 'Saved jobs' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.jl-saved-title')!.textContent);

describe('the popup on the repository', () => {
  it('lists what is saved newest first, opens the full record, and keeps an edit in the database', async () => {
    const { db, api } = await popupOn();
    await savePosting(db, musicUnderstandingPosting(), new Date('2026-06-01T10:00:00.000Z'));
    await savePosting(db, sambaPosting(), new Date('2026-06-03T10:00:00.000Z'));
    await savePosting(db, hourlyPosting(), new Date('2026-06-02T10:00:00.000Z'));
    render(<App api={api} />);

    await waitFor(() => expect(screen.getByText('(3)')).toBeTruthy());
    expect(titles()).toEqual([sambaPosting().title, hourlyPosting().title, musicUnderstandingPosting().title]);

    fireEvent.click(screen.getByRole('button', { name: `Details for ${hourlyPosting().title}` }));
    expect(await screen.findByRole('heading', { name: hourlyPosting().title })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'applied' } });
    await waitFor(async () => expect((await getSaved(db, hourlyPosting().id))?.status).toBe('applied'));

    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    const row = (await screen.findByRole('link', { name: hourlyPosting().title })).closest('li')!;
    expect(row.textContent).toContain('Applied');
  });

  it('exports what the database holds, and imports it back into an empty one', async () => {
    const { db, api } = await popupOn();
    await savePosting(db, sambaPosting(), new Date('2026-06-03T10:00:00.000Z'));
    await updateSaved(db, sambaPosting().id, { notes: 'Call on Thursday' });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:joblens-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(<App api={api} />);
    await waitFor(() => expect(titles()).toEqual([sambaPosting().title]));
    fireEvent.click(screen.getByRole('button', { name: 'Export saved jobs as JSON' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const text = await blobs[0]!.text();
    const file = ExportFile.parse(JSON.parse(text));
    expect(file.postings.map((p) => [p.id, p.notes])).toEqual([[sambaPosting().id, 'Call on Thursday']]);
    cleanup();

    const empty = await popupOn();
    render(<App api={empty.api} />);
    await screen.findByText(/^No saved jobs yet/);
    const input = (await screen.findByLabelText('JobLens export file to import')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File([text], 'joblens-export.json', { type: 'application/json' })] } });
    expect((await screen.findByText(/^Imported:/)).textContent).toBe("Imported: 1 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged.");
    expect((await getSaved(empty.db, sambaPosting().id))?.notes).toBe('Call on Thursday');
    await waitFor(() => expect(titles()).toEqual([sambaPosting().title]));
  });
});
