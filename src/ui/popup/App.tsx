import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { summaryOf, type ExchangeRates, type SavedPatch, type SavedPosting, type SavedSummary, type Settings } from '../../model/index.ts';
import { STATUS_LABELS, effectiveLocation } from '../../compare/values.ts';
import { Comparison } from '../compare/Comparison.tsx';
import { MAX_COMPARE, MIN_COMPARE } from '../compare/ComparePage.tsx';
import { formatPayLine } from '../compare/format.ts';
import { formatDate, formatPolicy } from '../format.ts';
import type { AnnotationsApi } from '../overlay/Annotations.tsx';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../io/import-json.ts';
import { decryptExport, encryptExport, readEncryptedExport, type EncryptedExport } from '../../io/encrypted-export.ts';
import { Detail } from './Detail.tsx';
import { downloadCsv, downloadText, exportFileName } from './download.ts';
import { ImportProgress, outcomeNotice, useRunningImport, type ImportWatch } from './ImportProgress.tsx';
import { ListControls } from './ListControls.tsx';
import { PageActions, type PageActionsApi } from './PageActions.tsx';
import { EncryptExport, UnlockImport } from './Passphrase.tsx';
import { SitesFromBackup, type SitesFromBackupApi } from './SitesFromBackup.tsx';
import type { PastedApi } from './PasteView.tsx';
import {
  EMPTY_QUERY,
  FIRST_ROWS,
  currenciesOf,
  filterEntries,
  indexSaved,
  referenceCurrency,
  sortEntries,
  tagsOf,
  type ListQuery,
  type SavedEntry,
  type SortKey,
} from './query.ts';
import { SettingsPanel } from './Settings.tsx';
import { WindowedList } from './WindowedList.tsx';

export { exportFileName } from './download.ts';

/**
 * What the popup does with saved jobs, through `api` only: main.tsx hands it the repository
 * on the extension's database, tests hand it fakes.
 */
export interface PopupApi {
  /** Every saved job's summary (what the list shows and searches), newest saved first. */
  list(): Promise<SavedSummary[]>;
  /**
   * The newest `count` summaries, for the first rows while the whole list is read. Optional:
   * without it the popup waits for the whole list.
   */
  listFirst?(count: number): Promise<SavedSummary[]>;
  /** The full records with these ids (details, comparison), in that order; ids not saved are left out. */
  get(ids: string[]): Promise<SavedPosting[]>;
  /** Resolves to the deleted record (kept for undo), or null when it was already gone. */
  remove(id: string): Promise<SavedPosting | null>;
  restore(posting: SavedPosting): Promise<unknown>;
  /** Deletes these records; resolves to how many were deleted. */
  removeMany(ids: string[]): Promise<number>;
  /**
   * The text of a JSON export file (all, or only `ids`) in pieces, from records validated as
   * they were read; written out as it is.
   */
  exportJson(ids?: string[]): Promise<readonly string[]>;
  exportCsv(ids?: string[]): Promise<string>;
  /**
   * Hands a JSON export's text to be imported where closing the popup cannot stop it (the
   * background). Resolves once it is taken; how it goes and how it ends come to watchImport.
   * Rejects with a message when it is not taken.
   */
  importFile(fileName: string, text: string): Promise<void>;
  /** Hears about the import running now or finished unseen, and each change after; returns the way to stop. */
  watchImport?: ImportWatch;
  update(id: string, patch: SavedPatch): Promise<SavedPosting>;
  markClosed(id: string, closed: boolean): Promise<SavedPosting>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<Settings>;
  /** Opens a posting in a new tab. */
  openUrl(url: string): Promise<unknown> | void;
  /** Opens the comparison of these saved jobs in a tab of its own. */
  openCompare(ids: string[]): Promise<unknown> | void;
}

export interface AppProps {
  api: PopupApi;
  /** How long the undo toast stays, in milliseconds. */
  undoMs?: number;
  /** Clock for the export file name and the rates' date. */
  now?: () => Date;
  /** The tab the popup was opened on: read it on request, and the always-on sites. */
  pageActions?: PageActionsApi;
  /** Height of the list's viewport, in pixels. */
  listHeight?: number;
  /** Read pasted text: reading and saving a posting given as text. Without it, the action is not offered. */
  pasted?: PastedApi;
  /** Sites an imported backup listed, to let JobLens onto here (SitesFromBackup). */
  sitesFromBackup?: SitesFromBackupApi;
}

export const EMPTY_MESSAGE =
  'No saved jobs yet. Open a job posting on Lever and press Save in the JobLens panel.';

/** Every row is this tall, so the list can work out which rows are in view. */
export const ROW_HEIGHT = 96;
const LIST_HEIGHT = 336;

/**
 * `complete` is false while only the newest rows are there (the whole list is on its way):
 * they are shown as they are, and search, filters and sort apply once the list is complete.
 */
type ListState =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; postings: SavedSummary[]; complete: boolean };

/** The full records a detail or comparison view shows, fetched when the view opens. */
type Records = { kind: 'loading'; ids: string[] } | { kind: 'error'; ids: string[]; message: string } | { kind: 'ready'; ids: string[]; byId: Map<string, SavedPosting> };
type View = { kind: 'list' } | { kind: 'detail'; id: string } | { kind: 'compare'; ids: string[] } | { kind: 'settings' } | { kind: 'paste' };
/**
 * The paste view's module, loaded when the view is first opened: it brings the panel's
 * reading components, which the list does not need for its first render.
 */
/** A passphrase form open: to export encrypted, or to open an encrypted file picked to import. */
type PassphraseForm = { kind: 'export' } | { kind: 'import'; fileName: string; file: EncryptedExport };

type PasteModule = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; module: typeof import('./PasteView.tsx') };
type Notice = { kind: 'error' | 'info'; text: string };
type Confirm = { ids: string[]; all: boolean };

/** After the next frame is painted (or 100 ms, where no frame comes, as in a hidden page). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Only web pages are opened from the list; a stored `javascript:` or `data:` URL is not, nor
 * the `.invalid` address a posting read from text without one is given (it never resolves).
 */
function isWebUrl(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && !hostname.endsWith('.invalid');
  } catch {
    return false;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/**
 * Keyboard focus across re-renders. A view change, a deletion or a closed dialog removes
 * the control that had the focus; the app then names where focus goes next by its
 * `data-focus` key (or the view's heading), and moves it there once that is rendered.
 */
const HEADING = 'heading';

function focusTarget(root: HTMLElement, key: string): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>('[data-focus]')) {
    if (el.dataset.focus === key) return el;
  }
  return null;
}

interface RowActions {
  selected: boolean;
  onSelect: (posting: SavedSummary, selected: boolean) => void;
  onOpen: (url: string) => void;
  onDetail: (posting: SavedSummary) => void;
  onDelete: (posting: SavedSummary) => void;
}

function SavedRow({ entry, actions }: { entry: SavedEntry; actions: RowActions }) {
  const { posting, pay, policy } = entry;
  const title = posting.title || 'Untitled job';
  const web = isWebUrl(posting.url);
  const where = [posting.company, effectiveLocation(posting).value].filter(Boolean).join(' · ');
  return (
    <div class={posting.closedAt ? 'jl-saved jl-saved-closed' : 'jl-saved'}>
      <input
        type="checkbox"
        class="jl-select"
        data-focus={`select:${posting.id}`}
        aria-label={`Select ${title}`}
        checked={actions.selected}
        onChange={(e) => actions.onSelect(posting, e.currentTarget.checked)}
      />
      <div class="jl-saved-main">
        {web ? (
          <a
            class="jl-saved-title"
            // A row shows one line of each; the whole text is in the title, and in Details.
            title={title}
            href={posting.url}
            target="_blank"
            rel="noopener noreferrer"
            onClick={(event) => {
              event.preventDefault();
              actions.onOpen(posting.url);
            }}
          >
            {title}
          </a>
        ) : (
          <span class="jl-saved-title" title={title}>
            {title}
          </span>
        )}
        {where ? (
          <p class="jl-saved-company" title={where}>
            {where}
          </p>
        ) : null}
        <p class="jl-saved-facts" title={`${formatPayLine(pay)} · ${formatPolicy(policy)}`}>
          <span class="jl-saved-pay">{formatPayLine(pay)}</span>
          <span class="jl-saved-sep" aria-hidden="true">
            {' · '}
          </span>
          <span class="jl-saved-policy">{formatPolicy(policy)}</span>
        </p>
        <p class="jl-saved-date">
          Saved <time dateTime={posting.savedAt}>{formatDate(posting.savedAt)}</time>
          <span aria-hidden="true"> · </span>
          <span class="jl-saved-status">{STATUS_LABELS[posting.status]}</span>
          {posting.rating !== null ? (
            <>
              <span aria-hidden="true"> · </span>
              <span class="jl-saved-rating" role="img" aria-label={`Rated ${posting.rating} of 5`}>
                {'★'.repeat(posting.rating)}
              </span>
            </>
          ) : null}
          {posting.closedAt ? (
            <>
              {' '}
              <span class="jl-badge jl-badge-closed">Closed</span>
            </>
          ) : null}
        </p>
      </div>
      <div class="jl-saved-buttons">
        <button
          type="button"
          class="jl-delete"
          data-focus={`details:${posting.id}`}
          aria-label={`Details for ${title}`}
          onClick={() => actions.onDetail(posting)}
        >
          Details
        </button>
        <button type="button" class="jl-delete" aria-label={`Delete ${title}`} onClick={() => actions.onDelete(posting)}>
          Delete
        </button>
      </div>
    </div>
  );
}

function ConfirmDelete({ confirm, total, onConfirm, onCancel }: { confirm: Confirm; total: number; onConfirm: () => void; onCancel: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // A modal dialog: the rest of the popup is inert (keyboard, pointer and screen reader)
  // until it is answered; focus starts on the harmless choice.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    cancelRef.current?.focus();
  }, []);
  const count = confirm.ids.length;
  const what = confirm.all ? `all ${plural(total, 'saved job', 'saved jobs')}` : plural(count, 'selected job', 'selected jobs');
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      // Handled here, so neither the dialog's own cancel nor the browser (which closes an
      // extension popup on an unhandled Escape) acts on it.
      e.preventDefault();
      e.stopPropagation();
      onCancel();
      return;
    }
    if (e.key !== 'Tab') return;
    // Tab and Shift+Tab go round the dialog's buttons and do not leave it.
    const buttons = Array.from(dialogRef.current?.querySelectorAll('button') ?? []);
    const first = buttons[0];
    const last = buttons[buttons.length - 1];
    const active = dialogRef.current?.ownerDocument.activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (active === first || !buttons.includes(active as HTMLButtonElement))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !buttons.includes(active as HTMLButtonElement))) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <dialog
      ref={dialogRef}
      class="jl-confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="jl-confirm-title"
      aria-describedby="jl-confirm-text"
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <p id="jl-confirm-title" class="jl-confirm-title">
        Delete {what}?
      </p>
      <p id="jl-confirm-text" class="jl-hint">
        This cannot be undone. Export them first to keep a copy.
      </p>
      <div class="jl-row">
        <button type="button" class="jl-button jl-button-danger" onClick={onConfirm}>
          Delete {plural(count, 'job', 'jobs')}
        </button>
        <button type="button" class="jl-button" ref={cancelRef} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </dialog>
  );
}

/**
 * The popup: saved jobs (search, filters, sort, a windowed list that stays quick with
 * 10,000 of them), each job's notes and status, comparison, export and import, delete with
 * undo or confirmation, and the user's exchange rates.
 */
export function App({ api, undoMs = 6000, now = () => new Date(), pageActions, listHeight = LIST_HEIGHT, pasted, sitesFromBackup }: AppProps) {
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [rates, setRates] = useState<ExchangeRates | null>(null);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [query, setQuery] = useState<ListQuery>(EMPTY_QUERY);
  const [sort, setSort] = useState<SortKey>('saved');
  const [selected, setSelected] = useState<string[]>([]);
  const [deleted, setDeleted] = useState<SavedPosting | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<'json' | 'csv' | 'import' | 'delete' | null>(null);
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const [passphraseForm, setPassphraseForm] = useState<PassphraseForm | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const apiRef = useRef(api);
  apiRef.current = api;
  const mainRef = useRef<HTMLElement>(null);
  // Where focus goes once the render that shows it is done (a `data-focus` key or HEADING).
  // State, not a ref: asked for together with the change that renders the target.
  const [focusNext, setFocusNext] = useState<string | null>(null);
  // The control that opened a view, to return to on "Back to the list".
  const returnTo = useRef<string>(HEADING);
  // The row to bring into view when the list comes back (a windowed list starts at its top).
  const [listIndex, setListIndex] = useState<number | undefined>(undefined);
  const [toastHeld, setToastHeld] = useState(false);
  const [records, setRecords] = useState<Records | null>(null);
  const [pasteModule, setPasteModule] = useState<PasteModule | null>(null);
  // A job just saved from pasted text: shown in the list (scrolled to, focused) once the list has it.
  const [reveal, setReveal] = useState<string | null>(null);
  // An import in the background, this popup's or one started before it opened.
  // When the last import this popup heard of ended: it may have brought sites to offer.
  const [importEnded, setImportEnded] = useState<string | null>(null);
  const importing = useRunningImport(api.watchImport, (outcome) => {
    setNotice(outcomeNotice(outcome));
    setImportEnded(outcome.finishedAt);
    if (outcome.result) void load();
  });

  useEffect(() => {
    const root = mainRef.current;
    if (!focusNext || !root || list.kind === 'loading') return;
    // A detail or comparison view gets the focus once its records are there to show.
    if (view.kind !== 'list' && view.kind !== 'settings' && records?.kind === 'loading') return;
    if (view.kind === 'paste' && pasteModule?.kind === 'loading') return;
    setFocusNext(null);
    // The target may be gone (filtered out, or scrolled out of the windowed list): the view's heading then.
    (focusTarget(root, focusNext) ?? focusTarget(root, HEADING))?.focus();
  }, [focusNext, list.kind, view.kind, records?.kind, pasteModule?.kind]);

  // The full records of one view, asked for when it opens; an answer for a view since left is dropped.
  const loadRecords = useCallback(async (ids: string[]) => {
    const same = (state: Records | null) => state !== null && state.ids === ids;
    setRecords({ kind: 'loading', ids });
    try {
      const found = await apiRef.current.get(ids);
      setRecords((state) => (same(state) ? { kind: 'ready', ids, byId: new Map(found.map((p) => [p.id, p])) } : state));
    } catch (error) {
      setRecords((state) => (same(state) ? { kind: 'error', ids, message: messageOf(error) } : state));
    }
  }, []);

  const openView = (next: View, opener: string) => {
    returnTo.current = opener;
    setFocusNext(HEADING);
    setView(next);
    if (next.kind === 'detail') void loadRecords([next.id]);
    else if (next.kind === 'compare') void loadRecords(next.ids);
    else if (next.kind === 'paste') loadPasteView();
  };

  const loadPasteView = () => {
    if (pasteModule?.kind === 'ready' || pasteModule?.kind === 'loading') return;
    setPasteModule({ kind: 'loading' });
    import('./PasteView.tsx').then(
      (module) => setPasteModule({ kind: 'ready', module }),
      (error: unknown) => setPasteModule({ kind: 'error', message: messageOf(error) }),
    );
  };

  const load = useCallback(async () => {
    const api = apiRef.current;
    // The newest rows first, then the whole list: one after the other, since the database
    // answers one connection's requests in turn, and the first rows must not wait behind the
    // whole list. A list already shown (reloaded after an import or an undo) stays until the
    // new one is complete.
    if (api.listFirst) {
      try {
        const first = await api.listFirst(FIRST_ROWS);
        // None saved, or none readable: the whole list says which.
        if (first.length > 0) {
          setList((state) => (state.kind === 'ready' && state.complete ? state : { kind: 'ready', postings: first, complete: false }));
        }
        // Those rows painted before the whole list is asked for: its answer, read on this
        // thread, would otherwise hold back the frame that shows them.
        await afterPaint();
      } catch {
        // The whole list's answer says what went wrong.
      }
    }
    try {
      const postings = await api.list();
      setList({ kind: 'ready', postings, complete: true });
      const ids = new Set(postings.map((p) => p.id));
      setSelected((s) => (s.every((id) => ids.has(id)) ? s : s.filter((id) => ids.has(id))));
    } catch (error) {
      setList({ kind: 'error', message: messageOf(error) });
    }
  }, []);

  useEffect(() => {
    void load();
    apiRef.current.getSettings().then(
      (settings) => setRates(settings.exchangeRates),
      (error: unknown) => setNotice({ kind: 'error', text: `Could not read your exchange rates: ${messageOf(error)}` }),
    );
  }, [load]);

  // The undo toast goes away on its own, the deletion then stands; not while the pointer or
  // the keyboard focus is on it (WCAG 2.2.1: time to reach Undo).
  useEffect(() => {
    if (!deleted || toastHeld) return;
    const timer = setTimeout(() => setDeleted(null), undoMs);
    return () => clearTimeout(timer);
  }, [deleted, undoMs, toastHeld]);

  const postings = list.kind === 'ready' ? list.postings : [];
  const complete = list.kind === 'ready' && list.complete;
  // Worked out once per list load (and per edit), not per keystroke.
  const entries = useMemo(() => indexSaved(postings), [postings]);
  const tags = useMemo(() => tagsOf(entries), [entries]);
  const currencies = useMemo(() => currenciesOf(entries, rates), [entries, rates]);
  const defaultCurrency = useMemo(() => referenceCurrency(entries, EMPTY_QUERY, rates) ?? '', [entries, rates]);
  const effectiveQuery = query.payCurrency ? query : { ...query, payCurrency: defaultCurrency };
  const sortCurrency = sort === 'pay' ? referenceCurrency(entries, effectiveQuery, rates) : null;
  const sorted = useMemo(() => sortEntries(entries, sort, sortCurrency, rates), [entries, sort, sortCurrency, rates]);
  const visible = useMemo(
    () => (complete ? filterEntries(sorted, effectiveQuery, rates) : entries),
    // The query's fields, not its identity: `effectiveQuery` is a new object on each render.
    [complete, entries, sorted, rates, effectiveQuery.text, effectiveQuery.status, effectiveQuery.policy, effectiveQuery.tag, effectiveQuery.minPay, effectiveQuery.payCurrency],
  );

  // Back to the list once it holds the job saved from pasted text: its row scrolled into view
  // and its Details button focused (the list's heading, when a search or filter hides it).
  useEffect(() => {
    if (!reveal || !complete) return;
    const index = visible.findIndex((e) => e.posting.id === reveal);
    setReveal(null);
    setListIndex(index >= 0 ? index : undefined);
    setFocusNext(index >= 0 ? `details:${reveal}` : HEADING);
    setView({ kind: 'list' });
  }, [reveal, complete, visible]);

  const handlePastedSaved = async (saved: SavedPosting[]) => {
    const first = saved[0];
    if (!first) return;
    setNotice({ kind: 'info', text: saved.length === 1 ? `Saved ${first.title || 'Untitled job'} from pasted text.` : `Saved ${saved.length} jobs from pasted text.` });
    await load();
    setReveal(first.id);
  };

  const replace = (record: SavedPosting) => {
    const summary = summaryOf(record);
    setList((state) =>
      state.kind === 'ready' ? { ...state, postings: state.postings.map((p) => (p.id === record.id ? summary : p)) } : state,
    );
    setRecords((state) =>
      state?.kind === 'ready' && state.byId.has(record.id) ? { ...state, byId: new Map(state.byId).set(record.id, record) } : state,
    );
  };

  const removeFromList = (ids: ReadonlySet<string>) => {
    setList((state) => {
      if (state.kind !== 'ready') return state;
      return { ...state, postings: state.postings.filter((p) => !ids.has(p.id)) };
    });
    setSelected((s) => s.filter((id) => !ids.has(id)));
  };

  const handleDelete = async (posting: SavedSummary) => {
    setNotice(null);
    // The row goes with the button that was pressed: focus moves to the next row (or the
    // one before), so the keyboard keeps its place in the list.
    const at = visible.findIndex((e) => e.posting.id === posting.id);
    const neighbour = visible[at + 1] ?? visible[at - 1];
    try {
      const record = await api.remove(posting.id);
      setFocusNext(neighbour && neighbour.posting.id !== posting.id ? `select:${neighbour.posting.id}` : HEADING);
      removeFromList(new Set([posting.id]));
      setDeleted(record ?? null);
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not delete: ${messageOf(error)}` });
    }
  };

  const handleUndo = async () => {
    const record = deleted;
    if (!record) return;
    setDeleted(null);
    setToastHeld(false);
    try {
      await api.restore(record);
      await load();
      setFocusNext(`select:${record.id}`);
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not restore ${record.title}: ${messageOf(error)}` });
    }
  };

  const handleDeleteMany = async (ids: string[]) => {
    if (busy !== null) return;
    setConfirm(null);
    setFocusNext(HEADING);
    setNotice(null);
    setBusy('delete');
    try {
      const count = await api.removeMany(ids);
      removeFromList(new Set(ids));
      setNotice({ kind: 'info', text: `Deleted ${plural(count, 'job', 'jobs')}.` });
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not delete: ${messageOf(error)}` });
      await load();
    } finally {
      setBusy(null);
    }
  };

  const handleExport = async (format: 'json' | 'csv', ids?: string[]) => {
    if (busy !== null) return;
    setNotice(null);
    setBusy(format);
    try {
      if (format === 'json') {
        downloadText(await api.exportJson(ids), 'application/json', exportFileName(now(), 'json'));
      } else {
        downloadCsv(await api.exportCsv(ids), exportFileName(now(), 'csv'));
      }
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not export: ${messageOf(error)}` });
    } finally {
      setBusy(null);
    }
  };

  /** The whole export, encrypted (io/encrypted-export.ts), downloaded as `….encrypted.json`. */
  const handleEncryptedExport = async (passphrase: string) => {
    const text = await encryptExport((await api.exportJson()).join(''), passphrase);
    downloadText([text], 'application/json', exportFileName(now(), 'json').replace(/\.json$/, '.encrypted.json'));
    setPassphraseForm(null);
    setFocusNext('encrypt');
    setNotice({ kind: 'info', text: 'Exported, encrypted. To import it, choose it with Import and type the same passphrase.' });
  };

  /** Opens the encrypted file picked to import; a wrong passphrase rejects, and nothing is handed on. */
  const handleUnlock = async (form: Extract<PassphraseForm, { kind: 'import' }>, passphrase: string) => {
    const text = await decryptExport(form.file, passphrase);
    setPassphraseForm(null);
    setFocusNext('import');
    try {
      await api.importFile(form.fileName, text);
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not import ${form.fileName}: ${messageOf(error)}` });
    }
  };

  const handleImport = async (file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    if (file.size > MAX_IMPORT_BYTES) {
      // Refused before reading: a 100 MB file is not loaded into the popup at all.
      setNotice({ kind: 'error', text: `Could not import ${file.name}: ${tooLargeMessage(file.size)}` });
      if (fileRef.current) fileRef.current.value = '';
      return;
    }
    setBusy('import');
    setPassphraseForm(null);
    try {
      const text = await file.text();
      // An encrypted file is opened here, with the passphrase asked for; only what it holds goes on.
      const encrypted = readEncryptedExport(text);
      if (encrypted) {
        setPassphraseForm({ kind: 'import', fileName: file.name, file: encrypted });
        return;
      }
      // Taken by the background: its progress and summary come through watchImport.
      await api.importFile(file.name, text);
    } catch (error) {
      setNotice({ kind: 'error', text: `Could not import ${file.name}: ${messageOf(error)}` });
    } finally {
      setBusy(null);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const handleOpen = (url: string) => {
    Promise.resolve(api.openUrl(url)).catch((error: unknown) =>
      setNotice({ kind: 'error', text: `Could not open the posting: ${messageOf(error)}` }),
    );
  };

  const handleOpenCompare = (ids: string[]) => {
    Promise.resolve(api.openCompare(ids)).catch((error: unknown) =>
      setNotice({ kind: 'error', text: `Could not open the comparison: ${messageOf(error)}` }),
    );
  };

  const detailApi = (id: string): AnnotationsApi => ({
    update: async (patch) => replace(await api.update(id, patch)),
    markClosed: async (closed) => replace(await api.markClosed(id, closed)),
  });

  const saveRates = async (next: ExchangeRates | null) => {
    const settings = await api.setSettings({ exchangeRates: next });
    setRates(settings.exchangeRates);
  };

  const rowActions = (posting: SavedSummary): RowActions => ({
    selected: selected.includes(posting.id),
    onSelect: (p, on) => setSelected((s) => (on ? (s.includes(p.id) ? s : [...s, p.id]) : s.filter((id) => id !== p.id))),
    onOpen: handleOpen,
    onDetail: (p) => openView({ kind: 'detail', id: p.id }, `details:${p.id}`),
    onDelete: (p) => void handleDelete(p),
  });

  const noticeView = notice ? (
    notice.kind === 'error' ? (
      <p class="jl-notice" role="alert">
        {notice.text}
      </p>
    ) : (
      <p class="jl-info" role="status">
        {notice.text}
      </p>
    )
  ) : null;

  const toast = (
    <div class="jl-toast-region" role="status" aria-live="polite">
      {deleted ? (
        <div
          class="jl-toast"
          onFocusIn={() => setToastHeld(true)}
          onFocusOut={() => setToastHeld(false)}
          onMouseEnter={() => setToastHeld(true)}
          onMouseLeave={() => setToastHeld(false)}
        >
          <span>Deleted {deleted.title} — </span>
          <button type="button" class="jl-undo" aria-label={`Undo deleting ${deleted.title}`} onClick={() => void handleUndo()}>
            Undo
          </button>
        </div>
      ) : null}
    </div>
  );

  // Back to the list, focus on the control that opened the view, its row scrolled into view.
  const backToList = () => {
    const key = returnTo.current;
    const id = key.startsWith('details:') ? key.slice('details:'.length) : null;
    const index = id ? visible.findIndex((e) => e.posting.id === id) : -1;
    setListIndex(index >= 0 ? index : undefined);
    setFocusNext(key);
    setView({ kind: 'list' });
  };

  // A view whose data or code is still on its way, or could not be had: Back, and the error with Try again, or Loading.
  const pendingView = (error: string | null, retry: () => void) => (
    <main class="jl-popup" ref={mainRef}>
      <div class="jl-view-header">
        <button type="button" class="jl-button" onClick={backToList}>
          Back to the list
        </button>
      </div>
      {error !== null ? (
        <div class="jl-state jl-state-error" role="alert">
          <p>{error}</p>
          <button type="button" class="jl-retry" onClick={retry}>
            Try again
          </button>
        </div>
      ) : (
        <p class="jl-state" role="status">
          Loading…
        </p>
      )}
    </main>
  );

  // A detail or comparison view whose records are still on their way, or could not be read.
  const recordsState = (records: Records | null, retry: () => void) =>
    records?.kind === 'ready' ? null : pendingView(records?.kind === 'error' ? `Could not read this saved job: ${records.message}` : null, retry);

  if (view.kind === 'detail') {
    const waiting = recordsState(records, () => void loadRecords([view.id]));
    if (waiting) return waiting;
    const saved = records?.kind === 'ready' ? records.byId.get(view.id) : undefined;
    if (saved) {
      return (
        <main class="jl-popup" ref={mainRef}>
          <Detail saved={saved} api={detailApi(saved.id)} onBack={backToList} />
        </main>
      );
    }
  }

  if (view.kind === 'paste' && pasted) {
    if (pasteModule?.kind !== 'ready') {
      return pendingView(pasteModule?.kind === 'error' ? `Could not open Read pasted text: ${pasteModule.message}` : null, loadPasteView);
    }
    const { PasteView } = pasteModule.module;
    return (
      <main class="jl-popup" ref={mainRef}>
        <PasteView api={pasted} onBack={backToList} onSaved={(saved) => void handlePastedSaved(saved)} />
      </main>
    );
  }

  if (view.kind === 'settings') {
    return (
      <main class="jl-popup" ref={mainRef}>
        <SettingsPanel rates={rates} onSave={saveRates} onClose={backToList} now={now} />
      </main>
    );
  }

  if (view.kind === 'compare') {
    const waiting = recordsState(records, () => void loadRecords(view.ids));
    if (waiting) return waiting;
    const byId = records?.kind === 'ready' ? records.byId : new Map<string, SavedPosting>();
    const chosen = view.ids.flatMap((id) => byId.get(id) ?? []);
    return (
      <main class="jl-popup jl-popup-wide" ref={mainRef}>
        <div class="jl-view-header">
          <h1 class="jl-view-title" tabIndex={-1} data-focus={HEADING}>
            Compare saved jobs
          </h1>
          <div class="jl-row">
            <button type="button" class="jl-button" onClick={backToList}>
              Back to the list
            </button>
            <button type="button" class="jl-button" onClick={() => handleOpenCompare(view.ids)}>
              Open in a tab
            </button>
          </div>
        </div>
        {noticeView}
        {chosen.length >= MIN_COMPARE ? (
          <Comparison postings={chosen} rates={rates} />
        ) : (
          <p class="jl-notice" role="alert">
            Fewer than {MIN_COMPARE} of the chosen jobs are still saved.
          </p>
        )}
      </main>
    );
  }

  // How many are saved is known once the whole list is read (counting them is a read of its own).
  const count = postings.length;
  const ready = list.kind === 'ready';
  const canCompare = selected.length >= MIN_COMPARE && selected.length <= MAX_COMPARE;
  const filtered = complete && visible.length !== count;

  // While it works, a pressed button is marked unavailable but keeps its focus (a disabled
  // button would drop it on the body); its handler ignores presses meanwhile.
  const whileBusy = busy !== null ? ({ 'aria-disabled': 'true' } as const) : {};

  return (
    <main class="jl-popup" ref={mainRef}>
      {pageActions ? <PageActions api={pageActions} /> : null}
      {sitesFromBackup ? <SitesFromBackup api={sitesFromBackup} refresh={importEnded} /> : null}
      <header class="jl-popup-header">
        <h1 class="jl-popup-title" tabIndex={-1} data-focus={HEADING}>
          Saved jobs{complete && count > 0 ? <span class="jl-count"> ({count.toLocaleString()})</span> : null}
        </h1>
        <button
          type="button"
          class="jl-export"
          aria-label="Export saved jobs as JSON"
          title="A JSON file JobLens can import again"
          disabled={!ready}
          {...whileBusy}
          onClick={() => void handleExport('json')}
        >
          {/* The visible text is the start of the name (WCAG 2.5.3, label in name). */}
          {busy === 'json' ? 'Exporting…' : 'Export saved jobs'}
        </button>
      </header>

      <div class="jl-toolbar" role="group" aria-label="All saved jobs">
        <button
          type="button"
          class="jl-button"
          aria-label="Export saved jobs as CSV"
          title="A spreadsheet file; CSV is never encrypted"
          disabled={!ready}
          {...whileBusy}
          onClick={() => void handleExport('csv')}
        >
          {busy === 'csv' ? 'Exporting…' : 'CSV'}
        </button>
        <button
          type="button"
          class="jl-button"
          data-focus="encrypt"
          disabled={!ready}
          {...whileBusy}
          onClick={() => {
            if (busy === null) setPassphraseForm({ kind: 'export' });
          }}
        >
          Export encrypted
        </button>
        <button
          type="button"
          class="jl-button"
          aria-label="Import saved jobs from a JSON export"
          data-focus="import"
          disabled={!ready}
          {...whileBusy}
          {...(importing ? ({ 'aria-disabled': 'true' } as const) : {})}
          onClick={() => {
            if (busy === null && !importing) fileRef.current?.click();
          }}
        >
          {busy === 'import' || importing ? 'Importing…' : 'Import'}
        </button>
        <input
          ref={fileRef}
          type="file"
          class="jl-sr"
          tabIndex={-1}
          aria-label="JobLens export file to import"
          accept=".json,application/json"
          onChange={(e) => void handleImport(e.currentTarget.files?.[0])}
        />
        {pasted ? (
          <button type="button" class="jl-button" data-focus="paste" onClick={() => openView({ kind: 'paste' }, 'paste')}>
            Read pasted text
          </button>
        ) : null}
        <button type="button" class="jl-button" data-focus="settings" onClick={() => openView({ kind: 'settings' }, 'settings')}>
          Exchange rates
        </button>
        <button
          type="button"
          class="jl-button"
          data-focus="delete-all"
          // Until the whole list is read, the ids of all of them are not at hand.
          disabled={!complete || count === 0}
          {...whileBusy}
          onClick={() => {
            if (busy === null) setConfirm({ ids: postings.map((p) => p.id), all: true });
          }}
        >
          Delete all
        </button>
      </div>

      {passphraseForm?.kind === 'export' ? (
        <EncryptExport
          onExport={handleEncryptedExport}
          onCancel={() => {
            setFocusNext('encrypt');
            setPassphraseForm(null);
          }}
        />
      ) : passphraseForm?.kind === 'import' ? (
        <UnlockImport
          key={passphraseForm.fileName}
          fileName={passphraseForm.fileName}
          onUnlock={(passphrase) => handleUnlock(passphraseForm, passphrase)}
          onCancel={() => {
            setFocusNext('import');
            setPassphraseForm(null);
          }}
        />
      ) : null}
      {importing ? <ImportProgress running={importing} /> : null}
      {noticeView}
      {confirm ? (
        <ConfirmDelete
          confirm={confirm}
          total={count}
          onConfirm={() => void handleDeleteMany(confirm.ids)}
          onCancel={() => {
            setFocusNext(confirm.all ? 'delete-all' : 'delete-selected');
            setConfirm(null);
          }}
        />
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
      ) : count === 0 ? (
        <p class="jl-state jl-empty">{EMPTY_MESSAGE}</p>
      ) : (
        <>
          <ListControls
            query={effectiveQuery}
            sort={sort}
            tags={tags}
            currencies={currencies}
            hasRates={rates !== null}
            onQuery={setQuery}
            onSort={setSort}
          />
          {selected.length > 0 ? (
            <div class="jl-selection" role="group" aria-label="Selected jobs">
              <span class="jl-selection-count">{selected.length} selected</span>
              <button
                type="button"
                class="jl-button jl-button-primary"
                data-focus="compare"
                disabled={!canCompare}
                aria-describedby="jl-compare-hint"
                onClick={() => openView({ kind: 'compare', ids: [...selected] }, 'compare')}
              >
                Compare
              </button>
              <button
                type="button"
                class="jl-button"
                aria-label="Export selected jobs as JSON"
                {...whileBusy}
                onClick={() => void handleExport('json', [...selected])}
              >
                JSON
              </button>
              <button
                type="button"
                class="jl-button"
                aria-label="Export selected jobs as CSV"
                {...whileBusy}
                onClick={() => void handleExport('csv', [...selected])}
              >
                CSV
              </button>
              <button
                type="button"
                class="jl-button"
                aria-label="Delete selected jobs"
                data-focus="delete-selected"
                {...whileBusy}
                onClick={() => {
                  if (busy === null) setConfirm({ ids: [...selected], all: false });
                }}
              >
                Delete
              </button>
              <button
                type="button"
                class="jl-link-button"
                aria-label="Clear selection"
                onClick={() => {
                  // This group goes with the selection: focus moves to the list's heading.
                  setFocusNext(HEADING);
                  setSelected([]);
                }}
              >
                Clear
              </button>
              <p id="jl-compare-hint" class="jl-hint">
                {canCompare
                  ? `Compare these ${selected.length} side by side.`
                  : `Pick ${MIN_COMPARE} to ${MAX_COMPARE} jobs to compare them.`}
              </p>
            </div>
          ) : null}
          <p class="jl-result-count" role="status" aria-live="polite">
            {!complete
              ? `Showing the newest ${visible.length.toLocaleString()}; reading the rest…`
              : filtered
                ? `Showing ${visible.length.toLocaleString()} of ${count.toLocaleString()}`
                : ''}
          </p>
          {visible.length === 0 ? (
            <p class="jl-state">No saved jobs match your search and filters.</p>
          ) : (
            <WindowedList
              items={visible}
              rowHeight={ROW_HEIGHT}
              height={listHeight}
              label="Saved jobs"
              itemKey={(entry) => entry.posting.id}
              initialIndex={listIndex}
              renderItem={(entry) => <SavedRow entry={entry} actions={rowActions(entry.posting)} />}
            />
          )}
        </>
      )}

      {toast}
    </main>
  );
}
