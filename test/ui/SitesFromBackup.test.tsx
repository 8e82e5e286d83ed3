// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SitesFromBackup, type SitesFromBackupApi } from '../../src/ui/popup/SitesFromBackup.tsx';

afterEach(cleanup);

function fakeApi(waiting: string[], grant: boolean): SitesFromBackupApi & { waiting: string[] } {
  const api = {
    waiting: [...waiting],
    sitesFromBackup: vi.fn(async () => [...api.waiting]),
    allowSitesFromBackup: vi.fn(async (origins: string[]) => {
      if (grant) api.waiting = api.waiting.filter((s) => !origins.includes(s));
      return grant;
    }),
    dismissSitesFromBackup: vi.fn(async (origins: string[]) => {
      api.waiting = api.waiting.filter((s) => !origins.includes(s));
    }),
  };
  return api;
}

const SITES = ['https://careers.example.org', 'https://jobs.example.com'];

describe("an imported backup's sites", () => {
  it('are listed with one button to allow them all; allowed, they go', async () => {
    const api = fakeApi(SITES, true);
    render(<SitesFromBackup api={api} />);
    const allow = await screen.findByRole('button', { name: 'Always run on these 2 sites' });
    expect(screen.getByRole('region', { name: 'Sites from an imported backup' }).textContent).toContain(SITES.join(', '));
    fireEvent.click(allow);
    await waitFor(() => expect(api.allowSitesFromBackup).toHaveBeenCalledWith(SITES));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
  });

  it('stay listed, with a word, when the browser is told no', async () => {
    const api = fakeApi(SITES, false);
    render(<SitesFromBackup api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Always run on these 2 sites' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/not allowed on these sites; they are still listed/));
    expect(screen.getByRole('button', { name: 'Always run on these 2 sites' })).toBeTruthy();
  });

  it('go on Dismiss, and show nothing when none wait', async () => {
    const api = fakeApi(SITES.slice(0, 1), true);
    const { rerender } = render(<SitesFromBackup api={api} refresh="first" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('region')).toBeNull());
    expect(api.dismissSitesFromBackup).toHaveBeenCalledWith(SITES.slice(0, 1));
    // An import ends and brings one more: it shows.
    api.waiting = ['https://c.example'];
    rerender(<SitesFromBackup api={api} refresh="second" />);
    expect(await screen.findByRole('button', { name: 'Always run on this site' })).toBeTruthy();
  });
});
