import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Corrections, Posting, Remote, SalaryRange, SavedPosting, ValueSource } from '../../model/index.ts';
import { effectivePay } from '../../compare/values.ts';
import { formatEffectivePay, formatYearsMin } from '../compare/format.ts';
import { formatDate, formatPayParts, formatPolicy, formatSource, formatTimeZone, formatYears } from '../format.ts';
import { Annotations, type AnnotationsApi } from './Annotations.tsx';
import { CorrectionMark } from './CorrectionMark.tsx';
import { SavedSummary } from './SavedSummary.tsx';
import { TestCaseAction } from './TestCaseAction.tsx';
import { shownPay } from '../../model/pay.ts';

/**
 * The panel shown over a job posting. It renders what it is given and reports clicks:
 * no parsing, no storage. Everything from the page is rendered as text nodes.
 */
export interface OverlayProps {
  posting: Posting;
  /** The saved record, when the posting is saved: the user's status, notes, corrections, changes. */
  saved: SavedPosting | null;
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

type EvidenceActions = Pick<OverlayProps, 'onShowEvidence' | 'isEvidenceOnPage'>;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function rangeKey(r: SalaryRange): string {
  return [r.min, r.max, r.currency, r.period, r.label ?? '', r.kind ?? '', r.evidence].join('|');
}

/**
 * A value's evidence. A sentence from the page is a control that shows it there; a
 * structured field is shown as text with where it came from.
 */
function EvidenceQuote({
  text,
  source,
  actions,
  inline = false,
}: {
  text: string;
  source: ValueSource | null;
  actions: EvidenceActions;
  inline?: boolean;
}) {
  const { onShowEvidence, isEvidenceOnPage } = actions;
  const [missing, setMissing] = useState(false);
  const onPage = useMemo(
    () => !!onShowEvidence && (source === 'prose' || source === null || (isEvidenceOnPage?.(text) ?? false)),
    [onShowEvidence, isEvidenceOnPage, source, text],
  );
  useEffect(() => setMissing(false), [text]);

  // The button's name is its visible text, the sentence then what pressing does, so speech
  // control ("click show this sentence") and a screen reader hear what the eye sees.
  const quote = onPage ? (
    <button type="button" class="jl-quote-button" onClick={() => setMissing(!onShowEvidence!(text))}>
      <q class="jl-quote" title={text}>
        {text}
      </q>{' '}
      <span class="jl-show-hint">Show this sentence on the page</span>
    </button>
  ) : (
    <q class="jl-quote" title={text}>
      {text}
    </q>
  );
  const note = (
    <span class="jl-note" aria-live="polite">
      {missing ? 'Not found on this page' : null}
    </span>
  );
  if (inline) {
    return (
      <>
        {quote}
        {onPage ? note : null}
      </>
    );
  }
  return (
    <div class="jl-evidence">
      {source ? <span class="jl-source">{formatSource(source)}</span> : null}
      {quote}
      {onPage ? note : null}
    </div>
  );
}

function PayRange({ range, primary, actions }: { range: SalaryRange; primary: boolean; actions: EvidenceActions }) {
  const { amount, annual } = formatPayParts(range);
  return (
    <li class={primary ? 'jl-pay jl-pay-primary' : 'jl-pay'}>
      <div class="jl-pay-line">
        {range.label ? <span class="jl-pay-label">{range.label}: </span> : null}
        <span class="jl-pay-amount" title={range.evidence}>
          {amount}
        </span>
        {range.kind === 'ote' ? <span class="jl-badge" title="On-target earnings, not base pay">OTE</span> : null}
        {range.estimated ? <span class="jl-badge" title="Estimated by the board, not stated by the employer">estimate</span> : null}
        {range.periodInferred ? (
          <span class="jl-badge" title="The posting gives no period for this figure; it was read from the figure's size">
            period inferred
          </span>
        ) : null}
      </div>
      {annual ? <div class="jl-pay-annual">{annual}</div> : null}
      <EvidenceQuote text={range.evidence} source={range.source} actions={actions} />
    </li>
  );
}

function CorrectedPay({ posting, corrections }: { posting: Posting; corrections: Corrections }) {
  const pay = effectivePay({ ...posting, corrections });
  const text = pay ? formatEffectivePay(pay) : null;
  return (
    <div class="jl-corrected">
      <div class="jl-pay-line">
        <span class="jl-pay-amount jl-pay-mine">{text ? text.amount : 'Not stated'}</span>
        <CorrectionMark />
      </div>
      {pay && pay.period !== 'year' && text?.annual ? <div class="jl-pay-annual">≈ {text.annual}</div> : null}
      <p class="jl-parsed-label">Read from the posting:</p>
    </div>
  );
}

function PaySection({ posting, corrections, actions }: { posting: Posting; corrections: Corrections; actions: EvidenceActions }) {
  const primary = shownPay(posting);
  const primaryKey = primary ? rangeKey(primary) : null;
  const others = posting.salaries.filter((r) => rangeKey(r) !== primaryKey);
  return (
    <section class="jl-section" aria-labelledby="jl-pay-heading">
      <h3 class="jl-section-title" id="jl-pay-heading">
        Pay
      </h3>
      {corrections.salary !== undefined ? <CorrectedPay posting={posting} corrections={corrections} /> : null}
      {primary ? (
        <ul class="jl-list-plain">
          <PayRange range={primary} primary actions={actions} />
          {others.map((r) => (
            <PayRange key={rangeKey(r)} range={r} primary={false} actions={actions} />
          ))}
        </ul>
      ) : (
        <p class="jl-muted">Not stated</p>
      )}
    </section>
  );
}

function RemoteSection({ remote, corrections, actions }: { remote: Remote; corrections: Corrections; actions: EvidenceActions }) {
  const { conflict } = remote;
  return (
    <section class="jl-section" aria-labelledby="jl-remote-heading">
      <h3 class="jl-section-title" id="jl-remote-heading">
        Where
      </h3>
      {corrections.remotePolicy !== undefined ? (
        <div class="jl-corrected">
          <p class="jl-policy">
            <strong>{formatPolicy(corrections.remotePolicy)}</strong> <CorrectionMark />
          </p>
          <p class="jl-parsed-label">Read from the posting:</p>
        </div>
      ) : null}
      <p class="jl-policy">
        <strong>{formatPolicy(remote.policy)}</strong>
        {remote.officeDaysMin !== null && remote.officeDaysMin > 0 ? (
          <span>
            {' '}
            · at least {remote.officeDaysMin} {remote.officeDaysMin === 1 ? 'day' : 'days'} a week in the office
          </span>
        ) : null}
      </p>
      {conflict ? (
        <p class="jl-conflict" role="note">
          {formatPolicy(conflict.text)} — the board says{' '}
          <span title={conflict.structuredEvidence}>{formatPolicy(conflict.structured)}</span>, the text says:{' '}
          <EvidenceQuote text={conflict.textEvidence} source="prose" actions={actions} inline />
        </p>
      ) : remote.evidence ? (
        <EvidenceQuote text={remote.evidence} source={remote.source} actions={actions} />
      ) : null}
      {remote.regions.length > 0 ? (
        <p class="jl-fact">
          <span class="jl-fact-label">Regions: </span>
          {remote.regions.join(', ')}
        </p>
      ) : null}
      {remote.timezones.length > 0 ? (
        <p class="jl-fact">
          <span class="jl-fact-label">Time zones: </span>
          {remote.timezones.map((zone) => formatTimeZone(zone)).join(', ')}
        </p>
      ) : null}
    </section>
  );
}

function RequirementsSection({ posting }: { posting: Posting }) {
  const { required, preferred } = posting.requirements;
  if (required.length === 0 && preferred.length === 0) return null;
  return (
    <details class="jl-section jl-requirements">
      <summary class="jl-summary">
        Requirements ({required.length} required
        {preferred.length > 0 ? `, ${preferred.length} preferred` : ''})
      </summary>
      {required.length > 0 ? (
        <>
          <h4 class="jl-subtitle">Required</h4>
          <ul class="jl-list">
            {required.map((item, i) => (
              <li key={`r${i}`}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
      {preferred.length > 0 ? (
        <>
          <h4 class="jl-subtitle">Preferred</h4>
          <ul class="jl-list">
            {preferred.map((item, i) => (
              <li key={`p${i}`}>{item}</li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}

function LocationFact({ posting, corrections }: { posting: Posting; corrections: Corrections }) {
  if (corrections.location !== undefined) {
    return (
      <div class="jl-fact jl-corrected">
        <p class="jl-fact-value">
          <span class="jl-fact-label">Location: </span>
          {corrections.location ?? 'Not stated'} <CorrectionMark />
        </p>
        <p class="jl-parsed-label">Read from the posting: {posting.location ?? 'not stated'}</p>
      </div>
    );
  }
  if (!posting.location) return null;
  return (
    <p class="jl-fact">
      <span class="jl-fact-label">Location: </span>
      {posting.location}
    </p>
  );
}

function ExperienceFact({ posting, corrections, actions }: { posting: Posting; corrections: Corrections; actions: EvidenceActions }) {
  const years = formatYears(posting.experience);
  const corrected = corrections.yearsMin !== undefined;
  if (!corrected && !(years && posting.experience)) return null;
  return (
    <div class={corrected ? 'jl-fact jl-corrected' : 'jl-fact'}>
      <p class="jl-fact-value">
        <span class="jl-fact-label">Experience: </span>
        {corrected ? (
          <>
            {formatYearsMin(corrections.yearsMin ?? null)} <CorrectionMark />
          </>
        ) : (
          years
        )}
      </p>
      {corrected ? <p class="jl-parsed-label">Read from the posting: {years ?? 'not stated'}</p> : null}
      {years && posting.experience ? (
        <EvidenceQuote text={posting.experience.evidence} source={posting.experience.source} actions={actions} />
      ) : null}
    </div>
  );
}

const NO_CORRECTIONS: Corrections = {};

/** A field keeps Escape for itself (and a half-typed note is not folded away). */
function isField(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('input, textarea, select') !== null;
}

export function Overlay({ posting, saved, onSave, onClose, api, onShowEvidence, isEvidenceOnPage, readVia, onSaveTestCase }: OverlayProps) {
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
  const saveLabel = save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'Saved' : 'Save';
  const savedTitle = saved ? `Saved ${formatDate(saved.savedAt)}. Press to refresh the saved copy.` : undefined;

  return (
    <aside class="jl-root jl-card" role="complementary" aria-label="JobLens" onKeyDown={onKeyDown}>
      <header class="jl-header">
        <div class="jl-heading">
          <p class="jl-brand">JobLens</p>
          <h2 class="jl-title">{posting.title}</h2>
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
        {saved ? <SavedSummary saved={saved} /> : null}
        <PaySection posting={posting} corrections={corrections} actions={actions} />
        <RemoteSection remote={posting.remote} corrections={corrections} actions={actions} />
        <LocationFact posting={posting} corrections={corrections} />
        <ExperienceFact posting={posting} corrections={corrections} actions={actions} />
        <RequirementsSection posting={posting} />
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
            save.kind === 'saving' ? 'Saving this job to JobLens' : save.kind === 'saved' ? 'Saved to JobLens' : 'Save this job to JobLens'
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
        </p>
        {onSaveTestCase ? <TestCaseAction key={posting.id} onSave={onSaveTestCase} /> : null}
      </footer>
    </aside>
  );
}
