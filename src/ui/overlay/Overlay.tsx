import { useEffect, useRef, useState } from 'preact/hooks';
import type { Corrections, Posting, SavedPosting } from '../../model/index.ts';
import { CLIPPED_TEXT_MESSAGE } from '../../model/text-limit.ts';
import { formatDate } from '../format.ts';
import { Annotations, type AnnotationsApi } from './Annotations.tsx';
import { PostingReading, type EvidenceActions } from './Reading.tsx';
import { SavedSummary } from './SavedSummary.tsx';
import { TestCaseAction } from './TestCaseAction.tsx';

/**
 * The panel shown over a job posting. It renders what it is given and reports clicks:
 * no parsing, no storage. Everything from the page is rendered as text nodes.
 */
export interface OverlayProps {
  posting: Posting;
  /** The saved record, when the posting is saved: the user's status, notes, corrections, changes. */
  saved: SavedPosting | null;
  /**
   * Why JobLens could not tell whether this posting is saved (the background did not answer),
   * when it could not: the panel then says "status unknown" rather than offer Save as if it
   * were not saved. Saving is still safe: a saved posting keeps the user's part.
   */
  statusUnknown?: string | null;
  onSave: () => Promise<void>;
  /** Edits to the saved record (status, notes, tags, rating, corrections, closed); none offered without it. */
  api?: AnnotationsApi;
  onClose: () => void;
  /** Scrolls to the sentence on the page and highlights it; false when it is not there. */
  onShowEvidence?: (text: string) => boolean;
  /**
   * Whether a board or JSON-LD value's text is on the page as well. Those are usually field
   * descriptions ("API salaryRange: …"), so they get the page control only when it is.
   */
  isEvidenceOnPage?: (text: string) => boolean;
  /**
   * Which reader understood the page. Anything but the board's own reader is said in the
   * panel, so the user knows the figures came from a fallback.
   */
  readVia?: ReadVia;
  /** Only the first part of the posting's text was read (src/model/text-limit.ts): the panel says so. */
  textClipped?: boolean;
  /** Saves the page and this reading as a test case file; resolves to the file's name. No action without it. */
  onSaveTestCase?: () => Promise<string>;
}

export type ReadVia = 'adapter' | 'apply-page' | 'jsonld' | 'aggregator' | 'microdata' | 'generic';

const READ_VIA_NOTE: Record<Exclude<ReadVia, 'adapter'>, string> = {
  'apply-page': "Read from the board's apply page; the posting's full text is on its own page.",
  jsonld: "Read from the page's structured data (JSON-LD).",
  aggregator: "Read from the page's job facts and embedded posting data.",
  microdata: "Read from the page's schema.org microdata.",
  generic: "Read from the page's text: JobLens did not find this site's job layout or structured data.",
};

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

const NO_CORRECTIONS: Corrections = {};

/** A field keeps Escape for itself (and a half-typed note is not folded away). */
function isField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select') !== null;
}

export function Overlay({
  posting,
  saved,
  statusUnknown = null,
  onSave,
  onClose,
  api,
  onShowEvidence,
  isEvidenceOnPage,
  readVia,
  textClipped = false,
  onSaveTestCase,
}: OverlayProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [save, setSave] = useState<SaveState>(saved ? { kind: 'saved' } : { kind: 'idle' });
  // Collapsing and expanding replace the button that was pressed: focus goes to the one
  // that takes its place (the pill, or the collapse button), not to the page's body.
  const pillRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    (collapsed ? pillRef : collapseRef).current?.focus();
  }, [collapsed]);
  const toggle = (next: boolean) => {
    moveFocus.current = true;
    setCollapsed(next);
  };
  // Escape in the panel folds it to its pill (a highlight on the page, if any, goes first:
  // the highlighter marks that Escape as spent). Fields keep their own Escape.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || collapsed || isField(event.target)) return;
    event.preventDefault();
    toggle(true);
  };

  // The saved state may arrive after the first render (the background answers later).
  useEffect(() => {
    if (saved) setSave((s) => (s.kind === 'saving' ? s : { kind: 'saved' }));
  }, [saved]);

  const handleSave = async () => {
    if (save.kind === 'saving') return;
    setSave({ kind: 'saving' });
    try {
      await onSave();
      setSave({ kind: 'saved' });
    } catch (error) {
      setSave({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  if (collapsed) {
    return (
      <aside class="jl-root jl-collapsed" role="complementary" aria-label="JobLens">
        {/* Named by what it shows; aria-expanded says it opens the panel. */}
        <button
          ref={pillRef}
          type="button"
          class="jl-pill"
          aria-expanded="false"
          title="Expand the JobLens panel"
          onClick={() => toggle(false)}
        >
          JobLens{save.kind === 'saved' ? ' · Saved' : ''}
          {saved?.closedAt ? ' · Closed' : ''}
        </button>
      </aside>
    );
  }

  const corrections = saved?.corrections ?? NO_CORRECTIONS;
  const actions: EvidenceActions = { onShowEvidence, isEvidenceOnPage };
  // Unknown only until the user saves: then the answer says what is stored.
  const unknown = statusUnknown !== null && !saved && save.kind === 'idle';
  const saveLabel = save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'Saved' : unknown ? 'Status unknown' : 'Save';
  const savedTitle = saved ? `Saved ${formatDate(saved.savedAt)}. Press to refresh the saved copy.` : undefined;

  return (
    <aside class="jl-root jl-card" role="complementary" aria-label="JobLens" onKeyDown={onKeyDown}>
      <header class="jl-header">
        <div class="jl-heading">
          <p class="jl-brand">JobLens</p>
          <h2 class="jl-title">{posting.title || 'Untitled job'}</h2>
          {posting.company ? <p class="jl-company">{posting.company}</p> : null}
        </div>
        <div class="jl-header-buttons">
          <button
            ref={collapseRef}
            type="button"
            class="jl-icon-button"
            aria-label="Collapse JobLens panel"
            aria-expanded="true"
            title="Collapse (Escape)"
            onClick={() => toggle(true)}
          >
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" class="jl-icon-button" aria-label="Close JobLens panel" title="Close" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>

      <div class="jl-body">
        {readVia && readVia !== 'adapter' ? (
          <p class="jl-read-via" role="note">
            {READ_VIA_NOTE[readVia]}
          </p>
        ) : null}
        {textClipped ? (
          <p class="jl-read-via" role="note">
            {CLIPPED_TEXT_MESSAGE}
          </p>
        ) : null}
        {saved ? <SavedSummary saved={saved} /> : null}
        <PostingReading posting={posting} corrections={corrections} actions={actions} />
        {saved && api ? (
          <details class="jl-section jl-annotations-details">
            <summary class="jl-summary">Your notes, status and rating</summary>
            <Annotations saved={saved} api={api} />
          </details>
        ) : null}
      </div>

      <footer class="jl-footer">
        <button
          type="button"
          class={save.kind === 'saved' ? 'jl-save jl-save-done' : 'jl-save'}
          aria-label={
            save.kind === 'saving'
              ? 'Saving this job to JobLens'
              : save.kind === 'saved'
                ? 'Saved to JobLens'
                : unknown
                  ? 'Status unknown: press to save this job to JobLens'
                  : 'Save this job to JobLens'
          }
          title={savedTitle}
          aria-busy={save.kind === 'saving' ? 'true' : undefined}
          // Not `disabled`: a disabled button drops the focus the user pressed it with.
          aria-disabled={save.kind === 'saving' ? 'true' : undefined}
          onClick={handleSave}
        >
          {saveLabel}
        </button>
        <p class="jl-save-status" role="status">
          {save.kind === 'error' ? <span class="jl-error">Could not save: {save.message}</span> : null}
          {unknown ? (
            <span class="jl-error">
              JobLens could not tell whether this job is saved: {statusUnknown} Saving it keeps your notes and status if it was.
            </span>
          ) : null}
        </p>
        {onSaveTestCase ? <TestCaseAction key={posting.id} onSave={onSaveTestCase} /> : null}
      </footer>
    </aside>
  );
}
