// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pastedApi, repositoryApi } from '../../src/extension/popup-api.ts';
import { lazyDatabase, openJobLensDB, type JobLensDB } from '../../src/store/db.ts';
import { getSaved, listSaved, savePosting } from '../../src/store/repository.ts';
import { App, type PopupApi } from '../../src/ui/popup/App.tsx';
import { sambaPosting } from '../helpers/postings.ts';

/**
 * Read pasted text in the popup, wired as main.tsx wires it: the view and the reading code
 * loaded when asked, the save through the repository on a (fake-indexeddb) database.
 */
const SEED_001 = readFileSync(
  join(import.meta.dirname, '../corpus/real/text/seed-001-spotify-senior-ml-engineer-personalization.txt'),
  'utf8',
);

const dbs: JobLensDB[] = [];
afterEach(() => {
  cleanup();
  for (const db of dbs.splice(0)) db.close();
});

async function popupOn() {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  const database = lazyDatabase(async () => db);
  // Pasted text does not import: an import handed over here would be a mistake.
  const api: PopupApi = { ...repositoryApi(database), importFile: vi.fn(), openUrl: vi.fn(), openCompare: vi.fn() };
  return { db, api, pasted: pastedApi(database) };
}

/** Opens the view; resolves once its heading has the focus, as it does when the view opens. */
async function openPasteView(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('button', { name: 'Read pasted text' }));
  const heading = await screen.findByRole('heading', { name: 'Read pasted text' });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  return screen.getByRole('textbox', { name: 'Posting text' });
}

async function pasteAndSave() {
  fireEvent.input(await openPasteView(), { target: { value: SEED_001 } });
  fireEvent.click(screen.getByRole('button', { name: 'Read' }));
  fireEvent.click(await screen.findByRole('button', { name: /^(Save|Update the saved job)$/ }));
}

describe('Read pasted text in the popup', () => {
  it('is offered only where the popup is given the pasted-text api', async () => {
    const { api } = await popupOn();
    render(<App api={api} />);
    await screen.findByText(/No saved jobs yet/);
    expect(screen.queryByRole('button', { name: 'Read pasted text' })).toBeNull();
  });

  it('saves pasted text as a job, which the list then shows, focused, and which opens like any saved job', async () => {
    const { db, api, pasted } = await popupOn();
    await savePosting(db, sambaPosting(), new Date('2026-06-01T10:00:00.000Z'));
    render(<App api={api} pasted={pasted} />);
    await screen.findByText(sambaPosting().title);

    await pasteAndSave();

    const list = await screen.findByRole('list', { name: 'Saved jobs' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(screen.getByText('Saved Senior Machine Learning Engineer from pasted text.').getAttribute('role')).toBe('status');
    const details = screen.getByRole('button', { name: 'Details for Senior Machine Learning Engineer' });
    await waitFor(() => expect(document.activeElement).toBe(details));
    // No address was given: the title is not a link to the placeholder address.
    expect(screen.queryByRole('link', { name: 'Senior Machine Learning Engineer' })).toBeNull();

    const [record] = (await listSaved(db)).filter((p) => p.site === 'pasted');
    expect(record).toMatchObject({ title: 'Senior Machine Learning Engineer', status: 'saved' });

    fireEvent.click(details);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status' }), { target: { value: 'applying' } });
    await waitFor(async () => expect((await getSaved(db, record!.id))?.status).toBe('applying'));
  });

  it('pasting the same text again updates the one job', async () => {
    const { db, api, pasted } = await popupOn();
    render(<App api={api} pasted={pasted} />);
    await screen.findByText(/No saved jobs yet/);
    await pasteAndSave();
    const details = await screen.findByRole('button', { name: 'Details for Senior Machine Learning Engineer' });
    await waitFor(() => expect(document.activeElement).toBe(details));

    fireEvent.input(await openPasteView(), { target: { value: SEED_001 } });
    fireEvent.click(screen.getByRole('button', { name: 'Read' }));
    expect((await screen.findByRole('region', { name: 'Your saved copy' })).textContent).toContain('Saved');
    fireEvent.click(screen.getByRole('button', { name: 'Update the saved job' }));

    await screen.findByRole('list', { name: 'Saved jobs' });
    expect(await listSaved(db)).toHaveLength(1);
  });

  it('Back to the list returns to the list, focus on the button that opened the view, nothing saved', async () => {
    const { db, api, pasted } = await popupOn();
    render(<App api={api} pasted={pasted} />);
    await screen.findByText(/No saved jobs yet/);
    fireEvent.input(await openPasteView(), { target: { value: SEED_001 } });
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));

    const opener = await screen.findByRole('button', { name: 'Read pasted text' });
    await waitFor(() => expect(document.activeElement).toBe(opener));
    expect(await listSaved(db)).toEqual([]);
  });
});
