import { useEffect, useState } from 'preact/hooks';
import type { Posting, Remote, SalaryRange } from '../../model/index.ts';
import { formatDate, formatPayParts, formatPolicy, formatSource, formatYears } from '../format.ts';

/**
 * The panel shown over a job posting. It renders what it is given and reports clicks:
 * no parsing, no storage. Everything from the page is rendered as text nodes.
 */
export interface OverlayProps {
  posting: Posting;
  /** Set when the posting is already saved. */
  saved: { savedAt: string } | null;
  onSave: () => Promise<void>;
  onClose: () => void;
}

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string };

function rangeKey(r: SalaryRange): string {
  return [r.min, r.max, r.currency, r.period, r.label ?? '', r.kind ?? '', r.evidence].join('|');
}

function PayRange({ range, primary }: { range: SalaryRange; primary: boolean }) {
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
      </div>
      {annual ? <div class="jl-pay-annual">{annual}</div> : null}
      <div class="jl-evidence">
        <span class="jl-source">{formatSource(range.source)}</span>
        <q class="jl-quote" title={range.evidence}>
          {range.evidence}
        </q>
      </div>
    </li>
  );
}

function PaySection({ posting }: { posting: Posting }) {
  const primary = posting.salary ?? posting.salaries[0] ?? null;
  const primaryKey = primary ? rangeKey(primary) : null;
  const others = posting.salaries.filter((r) => rangeKey(r) !== primaryKey);
  return (
    <section class="jl-section" aria-labelledby="jl-pay-heading">
      <h3 class="jl-section-title" id="jl-pay-heading">
        Pay
      </h3>
      {primary ? (
        <ul class="jl-list-plain">
          <PayRange range={primary} primary />
          {others.map((r) => (
            <PayRange key={rangeKey(r)} range={r} primary={false} />
          ))}
        </ul>
      ) : (
        <p class="jl-muted">Not stated</p>
      )}
    </section>
  );
}

function RemoteSection({ remote }: { remote: Remote }) {
  const { conflict } = remote;
  return (
    <section class="jl-section" aria-labelledby="jl-remote-heading">
      <h3 class="jl-section-title" id="jl-remote-heading">
        Where
      </h3>
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
          <q class="jl-quote">{conflict.textEvidence}</q>
        </p>
      ) : remote.evidence ? (
        <div class="jl-evidence">
          {remote.source ? <span class="jl-source">{formatSource(remote.source)}</span> : null}
          <q class="jl-quote" title={remote.evidence}>
            {remote.evidence}
          </q>
        </div>
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
          {remote.timezones.join(', ')}
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

export function Overlay({ posting, saved, onSave, onClose }: OverlayProps) {
  const [collapsed, setCollapsed] = useState(false);
  const [save, setSave] = useState<SaveState>(saved ? { kind: 'saved' } : { kind: 'idle' });

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
        <button type="button" class="jl-pill" aria-label="Expand JobLens panel" aria-expanded="false" onClick={() => setCollapsed(false)}>
          JobLens{save.kind === 'saved' ? ' · Saved' : ''}
        </button>
      </aside>
    );
  }

  const years = formatYears(posting.experience);
  const saveLabel = save.kind === 'saving' ? 'Saving…' : save.kind === 'saved' ? 'Saved' : 'Save';
  const savedTitle = saved ? `Saved ${formatDate(saved.savedAt)}. Press to refresh the saved copy.` : undefined;

  return (
    <aside class="jl-root jl-card" role="complementary" aria-label="JobLens">
      <header class="jl-header">
        <div class="jl-heading">
          <p class="jl-brand">JobLens</p>
          <h2 class="jl-title">{posting.title}</h2>
          {posting.company ? <p class="jl-company">{posting.company}</p> : null}
        </div>
        <div class="jl-header-buttons">
          <button
            type="button"
            class="jl-icon-button"
            aria-label="Collapse JobLens panel"
            aria-expanded="true"
            title="Collapse"
            onClick={() => setCollapsed(true)}
          >
            <span aria-hidden="true">–</span>
          </button>
          <button type="button" class="jl-icon-button" aria-label="Close JobLens panel" title="Close" onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      </header>

      <div class="jl-body">
        <PaySection posting={posting} />
        <RemoteSection remote={posting.remote} />
        {posting.location ? (
          <p class="jl-fact">
            <span class="jl-fact-label">Location: </span>
            {posting.location}
          </p>
        ) : null}
        {years && posting.experience ? (
          <p class="jl-fact" title={posting.experience.evidence}>
            <span class="jl-fact-label">Experience: </span>
            {years}
          </p>
        ) : null}
        <RequirementsSection posting={posting} />
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
          disabled={save.kind === 'saving'}
          onClick={handleSave}
        >
          {saveLabel}
        </button>
        <p class="jl-save-status" role="status">
          {save.kind === 'error' ? <span class="jl-error">Could not save: {save.message}</span> : null}
        </p>
      </footer>
    </aside>
  );
}
