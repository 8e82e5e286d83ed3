// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageActions, type PageActionsApi } from '../../src/ui/popup/PageActions.tsx';

function fakeApi(overrides: Partial<PageActionsApi> = {}): PageActionsApi & { sites: string[] } {
  const sites: string[] = [];
  return {
    sites,
    currentPage: vi.fn(async () => ({ tabId: 7, origin: 'https://careers.fernhill.example', known: false })),
    readPage: vi.fn(async () => undefined),
    listAlwaysOn: vi.fn(async () => [...sites]),
    alwaysRunOn: vi.fn(async (origin: string) => {
      sites.push(origin);
      return true;
    }),
    stopRunningOn: vi.fn(async (origin: string) => {
      sites.splice(sites.indexOf(origin), 1);
    }),
    close: vi.fn(),
    ...overrides,
  };
}

afterEach(cleanup);

describe('PageActions', () => {
  it('reads the tab it was opened on, then closes so the page can be seen', async () => {
    const api = fakeApi();
    render(<PageActions api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Read this page' }));
    await waitFor(() => expect(api.close).toHaveBeenCalled());
    expect(api.readPage).toHaveBeenCalledWith(7);
  });

  it('says what went wrong when the page cannot be read, and stays open', async () => {
    const api = fakeApi({ readPage: vi.fn(async () => Promise.reject(new Error('Cannot access a chrome:// URL'))) });
    render(<PageActions api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Read this page' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', 'Could not read this page: Cannot access a chrome:// URL');
    expect(api.close).not.toHaveBeenCalled();
  });

  it('adds a site only when the browser grants it, lists it, and removes it', async () => {
    const api = fakeApi();
    render(<PageActions api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Always run JobLens on https://careers.fernhill.example' }));
    const list = await screen.findByRole('list', { name: 'Sites JobLens always reads' });
    expect(list.textContent).toContain('https://careers.fernhill.example');
    expect(api.readPage).toHaveBeenCalledWith(7);
    expect(screen.queryByRole('button', { name: /Always run JobLens/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Stop running on https://careers.fernhill.example' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Sites JobLens always reads' })).toBeNull());
    expect(api.stopRunningOn).toHaveBeenCalledWith('https://careers.fernhill.example');
  });

  it('changes nothing when the user declines the permission', async () => {
    const api = fakeApi({ alwaysRunOn: vi.fn(async () => false) });
    render(<PageActions api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: /Always run JobLens/ }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'JobLens was not allowed on https://careers.fernhill.example; nothing changed.',
    );
    expect(api.readPage).not.toHaveBeenCalled();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('offers nothing on a page that is not a web page', async () => {
    render(<PageActions api={fakeApi({ currentPage: vi.fn(async () => null) })} />);
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('button')).toBeNull();
  });
});
