import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Corrections, Posting, Remote, SalaryRange, ValueSource } from '../../model/index.ts';
import { effectivePay } from '../../compare/values.ts';
import { shownPay } from '../../model/pay.ts';
import { formatEffectivePay, formatYearsMin } from '../compare/format.ts';
import { formatPayParts, formatPolicy, formatSource, formatTimeZone, formatYears } from '../format.ts';
import { CorrectionMark } from './CorrectionMark.tsx';

/**
 * What was read from a posting, with each value's evidence: pay (as stated and per year),
 * remote policy, location, years of experience, requirements, and the user's corrections
 * beside what was read. The panel shows it over the page; the popup shows it for pasted text.
 * Renders what it is given, as text nodes; no parsing, no storage.
 */

/**
 * What a sentence of evidence can do where it is shown. On a page, a sentence is a control
 * that scrolls to it and highlights it; without `onShowEvidence` (pasted text: there is no
 * page) it is a quotation.
 */
export interface EvidenceActions {
  /** Scrolls to the sentence on the page and highlights it; false when it is not there. */
  onShowEvidence?: (text: string) => boolean;
  /** Whether a board or JSON-LD value's text is on the page as well. */
  isEvidenceOnPage?: (text: string) => boolean;
}

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
        {range.thousandsInferred ? (
          <span class="jl-badge" title="The board's field gives these figures without their thousands; they were read as thousands">
            read as thousands
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


export interface PostingReadingProps {
  posting: Posting;
  /** The user's corrections, shown beside what was read; none for a posting not saved. */
  corrections: Corrections;
  actions: EvidenceActions;
}

/** The panel's reading of a posting, section by section. */
export function PostingReading({ posting, corrections, actions }: PostingReadingProps) {
  return (
    <>
      <PaySection posting={posting} corrections={corrections} actions={actions} />
      <RemoteSection remote={posting.remote} corrections={corrections} actions={actions} />
      <LocationFact posting={posting} corrections={corrections} />
      <ExperienceFact posting={posting} corrections={corrections} actions={actions} />
      <RequirementsSection posting={posting} />
    </>
  );
}
