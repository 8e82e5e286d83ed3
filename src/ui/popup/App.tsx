import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ExportFile, type SavedPosting } from '../../model/index.ts';
import { formatDate, formatPay, formatPolicy } from '../format.ts';
import { PageActions, type PageActionsApi } from './PageActions.tsx';

/**
 * The popup: saved jobs, newest first, with delete + undo and export. It talks to the
 * background only through `api`, so tests hand it fakes and main.tsx hands it the
 * messaging client.
 */
export interface PopupApi {
  list(): Promise<SavedPosting[]>;
  /** Resolves to the deleted record (kept for undo), or null when it was already gone. */
  remove(id: string): Promise<SavedPosting | null>;
  restore(posting: SavedPosting): Promise<unknown>;
  /** The export file as the background sent it; validated here before it is written out. */
  exportFile(): Promise<unknown>;
  /** Opens a posting in a new tab. */
  openUrl(url: string): Promise<unknown> | void;
}

export interface AppProps {
  api: PopupApi;
  /** How long the undo toast stays, in milliseconds. */
  undoMs?: number;
  /** Clock for the export file name. */
  now?: () => Date;
  /** The tab the popup was opened on: read it on request, and the always-on sites. */
  pageActions?: PageActionsApi;
}

export const EMPTY_MESSAGE =
  'No saved jobs yet. Open a job posting on Lever and press Save in the JobLens panel.';

type ListState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; postings: SavedPosting[] };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `joblens-export-YYYY-MM-DD.json`, in the user's local date. */
export function exportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `joblens-export-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

/**
 * Saves a file through a Blob URL and an `<a download>` click, which needs no
 * `downloads` permission.
 */
export function downloadJson(data: unknown, fileName: string, doc: Document = document): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** Only web pages are opened from the list; a stored `javascript:` or `data:` URL is not. */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

function SavedItem({
  posting,
  onOpen,
  onDelete,
}: {
  posting: SavedPosting;
  onOpen: (url: string) => void;
  onDelete: (posting: SavedPosting) => void;
}) {
  const title = posting.title || 'Untitled job';
  const web = isWebUrl(posting.url);
  const pay = posting.salary ? formatPay(posting.salary) : 'Pay not stated';
  return (
    <li class="jl-saved">
      <div class="jl-saved-main">
        {web ? (
          <a
            class="jl-saved-title"
            href={posting.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => {
              event.preventDefault();
              onOpen(posting.url);
            }}
          >
            {title}
          </a>
        ) : (
          <span class="jl-saved-title">{title}</span>
        )}
        {posting.company ? <p class="jl-saved-company">{posting.company}</p> : null}
        <p class="jl-saved-facts">
          <span class="jl-saved-pay">{pay}</span>
          <span class="jl-saved-sep" aria-hidden="true">
            {' · '}
          </span>
          <span class="jl-saved-policy">{formatPolicy(posting.remote.policy)}</span>
        </p>
        <p class="jl-saved-date">
          Saved <time dateTime={posting.savedAt}>{formatDate(posting.savedAt)}</time>
        </p>
      </div>
      <button type="button" class="jl-delete" aria-label={`Delete ${title}`} onClick={() => onDelete(posting)}>
        Delete
      </button>
    </li>
  );
}

export function App({ api, undoMs = 6000, now = () => new Date(), pageActions }: AppProps) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [deleted, setDeleted] = useState<SavedPosting | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const apiRef = useRef(api);
  apiRef.current = api;

  const load = useCallback(async () => {
    try {
      const postings = await apiRef.current.list();
      setList({ kind: 'ready', postings });
    } catch (error) {
      setList({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The undo toast goes away on its own; the deletion then stands.
  useEffect(() => {
    if (!deleted) return;
    const timer = setTimeout(() => setDeleted(null), undoMs);
    return () => clearTimeout(timer);
  }, [deleted, undoMs]);

  const handleDelete = async (posting: SavedPosting) => {
    setNotice(null);
    try {
      const record = await api.remove(posting.id);
      setList((state) =>
        state.kind === 'ready' ? { kind: 'ready', postings: state.postings.filter((p) => p.id !== posting.id) } : state,
      );
      setDeleted(record ?? null);
    } catch (error) {
      setNotice(`Could not delete: ${messageOf(error)}`);
    }
  };

  const handleUndo = async () => {
    const record = deleted;
    if (!record) return;
    setDeleted(null);
    try {
      await api.restore(record);
      await load();
    } catch (error) {
      setNotice(`Could not restore ${record.title}: ${messageOf(error)}`);
    }
  };

  const handleExport = async () => {
    setNotice(null);
    setExporting(true);
    try {
      const parsed = ExportFile.safeParse(await api.exportFile());
      if (!parsed.success) throw new Error('the background sent a file that is not a valid JobLens export');
      downloadJson(parsed.data, exportFileName(now()));
    } catch (error) {
      setNotice(`Could not export: ${messageOf(error)}`);
    } finally {
      setExporting(false);
    }
  };

  const handleOpen = (url: string) => {
    Promise.resolve(api.openUrl(url)).catch((error: unknown) => setNotice(`Could not open the posting: ${messageOf(error)}`));
  };

  const count = list.kind === 'ready' ? list.postings.length : 0;

  return (
    <main class="jl-popup">
      {pageActions ? <PageActions api={pageActions} /> : null}
      <header class="jl-popup-header">
        <h1 class="jl-popup-title">
          Saved jobs{list.kind === 'ready' && count > 0 ? <span class="jl-count"> ({count})</span> : null}
        </h1>
        <button
          type="button"
          class="jl-export"
          aria-label="Export saved jobs as JSON"
          disabled={exporting || list.kind !== 'ready'}
          onClick={handleExport}
        >
          {exporting ? 'Exporting…' : 'Export JSON'}
        </button>
      </header>

      {notice ? (
        <p class="jl-notice" role="alert">
          {notice}
        </p>
      ) : null}

      {list.kind === 'loading' ? (
        <p class="jl-state" role="status">
          Loading saved jobs…
        </p>
      ) : list.kind === 'error' ? (
        <div class="jl-state jl-state-error" role="alert">
          <p>Could not load saved jobs: {list.message}</p>
          <button type="button" class="jl-retry" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : list.postings.length === 0 ? (
        <p class="jl-state jl-empty">{EMPTY_MESSAGE}</p>
      ) : (
        <ul class="jl-saved-list" aria-label="Saved jobs">
          {list.postings.map((posting) => (
            <SavedItem key={posting.id} posting={posting} onOpen={handleOpen} onDelete={(p) => void handleDelete(p)} />
          ))}
        </ul>
      )}

      <div class="jl-toast-region" role="status" aria-live="polite">
        {deleted ? (
          <div class="jl-toast">
            <span>Deleted {deleted.title} — </span>
            <button type="button" class="jl-undo" aria-label={`Undo deleting ${deleted.title}`} onClick={() => void handleUndo()}>
              Undo
            </button>
          </div>
        ) : null}
      </div>
    </main>
  );
}
