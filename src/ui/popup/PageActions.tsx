import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * The popup's part for the tab it was opened on: read this page on request, and the sites
 * the user lets JobLens always read. Browser calls come through `api`, so tests pass fakes.
 */
export interface PageActionsApi {
  /** The tab the popup was opened on, when it is a web page. */
  currentPage(): Promise<{ tabId: number; origin: string; known: boolean } | null>;
  /** Reads the page in that tab; the panel (or "no job posting found") then shows on the page. */
  readPage(tabId: number): Promise<void>;
  listAlwaysOn(): Promise<string[]>;
  /** Asks the browser for this one site; false when the user declines. */
  alwaysRunOn(origin: string): Promise<boolean>;
  stopRunningOn(origin: string): Promise<void>;
  /** Closes the popup so the page, and the panel on it, can be seen. */
  close(): void;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function PageActions({ api }: { api: PageActionsApi }) {
  const [page, setPage] = useState<{ tabId: number; origin: string; known: boolean } | null>(null);
  const [sites, setSites] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // Buttons that go once they have done their work hand the focus to these.
  const readRef = useRef<HTMLButtonElement>(null);
  const sitesRef = useRef<HTMLElement>(null);

  const loadSites = async () => {
    try {
      setSites(await api.listAlwaysOn());
    } catch (error) {
      setNotice(`Could not list your sites: ${messageOf(error)}`);
    }
  };

  useEffect(() => {
    api.currentPage().then(setPage, () => setPage(null));
    void loadSites();
  }, [api]);

  const read = async () => {
    if (!page) return;
    setNotice(null);
    try {
      await api.readPage(page.tabId);
      api.close();
    } catch (error) {
      setNotice(`Could not read this page: ${messageOf(error)}`);
    }
  };

  const always = async () => {
    if (!page) return;
    setNotice(null);
    try {
      const granted = await api.alwaysRunOn(page.origin);
      if (!granted) {
        setNotice(`JobLens was not allowed on ${page.origin}; nothing changed.`);
        return;
      }
      readRef.current?.focus();
      await loadSites();
      await api.readPage(page.tabId);
    } catch (error) {
      setNotice(`Could not add ${page.origin}: ${messageOf(error)}`);
    }
  };

  const stop = async (origin: string) => {
    setNotice(null);
    try {
      await api.stopRunningOn(origin);
      sitesRef.current?.focus();
      await loadSites();
    } catch (error) {
      setNotice(`Could not remove ${origin}: ${messageOf(error)}`);
    }
  };

  const alwaysOnHere = page !== null && sites.includes(page.origin);
  // Nothing to offer (not a web page, no sites): no empty, ruled-off section either.
  if (!page && !notice && sites.length === 0) return null;

  return (
    <section class="jl-page-actions" aria-label="This page">
      {page ? (
        <div class="jl-page-row">
          <button ref={readRef} type="button" class="jl-read" onClick={() => void read()}>
            Read this page
          </button>
          {!page.known && !alwaysOnHere ? (
            <button
              type="button"
              class="jl-always"
              aria-label={`Always run JobLens on ${page.origin}`}
              onClick={() => void always()}
            >
              Always run on this site
            </button>
          ) : null}
        </div>
      ) : null}
      {notice ? (
        <p class="jl-notice" role="alert">
          {notice}
        </p>
      ) : null}
      {sites.length > 0 ? (
        <details class="jl-sites">
          <summary ref={sitesRef}>Sites JobLens always reads ({sites.length})</summary>
          <ul class="jl-sites-list" aria-label="Sites JobLens always reads">
            {sites.map((origin) => (
              <li key={origin} class="jl-site">
                <span class="jl-site-origin">{origin}</span>
                <button type="button" class="jl-delete" aria-label={`Stop running on ${origin}`} onClick={() => void stop(origin)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
