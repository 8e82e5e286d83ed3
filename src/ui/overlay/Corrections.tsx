import { useEffect, useRef, useState } from 'preact/hooks';
import { PayPeriod, RemotePolicy, type Corrections, type SavedPosting } from '../../model/index.ts';
import { formatPolicy } from '../format.ts';
import { shownPay } from '../../model/pay.ts';

/**
 * The user's corrections to what was read: pay, remote policy, location and the years asked
 * for. The form starts from the values in force (the user's, else the posting's); only a
 * value that differs from the posting's becomes a correction, so the posting's own reading
 * stays visible beside it and a re-read never overwrites it.
 */
export interface CorrectionsFormProps {
  saved: Pick<SavedPosting, 'salary' | 'salaries' | 'remote' | 'location' | 'experience' | 'corrections'>;
  /** The whole corrections object to store (a field left out is not corrected). */
  onSubmit: (corrections: Corrections) => Promise<unknown>;
}

interface Draft {
  min: string;
  max: string;
  currency: string;
  period: PayPeriod;
  policy: RemotePolicy;
  location: string;
  years: string;
}

type Parsed = CorrectionsFormProps['saved'];

function parsedPay(saved: Parsed) {
  return shownPay(saved);
}

function draftFrom(saved: Parsed): Draft {
  const { corrections: c } = saved;
  const pay = c.salary !== undefined ? c.salary : parsedPay(saved);
  const years = c.yearsMin !== undefined ? c.yearsMin : (saved.experience?.yearsMin ?? null);
  const location = c.location !== undefined ? c.location : saved.location;
  return {
    min: pay ? String(pay.min) : '',
    max: pay ? String(pay.max) : '',
    currency: pay?.currency ?? '',
    period: pay?.period ?? 'year',
    policy: c.remotePolicy ?? saved.remote.policy,
    location: location ?? '',
    years: years === null ? '' : String(years),
  };
}

function toNumber(text: string): number | null {
  const trimmed = text.trim().replace(/[,\s]/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** The corrections the draft amounts to, or a message saying what to fix. */
export function correctionsFromDraft(saved: Parsed, draft: Draft): Corrections | string {
  const result: Corrections = {};

  const min = toNumber(draft.min);
  const max = toNumber(draft.max) ?? min;
  const stated = parsedPay(saved);
  if (min === null && max === null) {
    if (stated) result.salary = null;
  } else {
    const low = min ?? max!;
    const high = max!;
    if (Number.isNaN(low) || Number.isNaN(high) || low < 0 || high < 0) return 'Pay must be a number of 0 or more.';
    if (high < low) return 'The top of the pay range must not be below its bottom.';
    const currency = draft.currency.trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) return 'Currency must be a three-letter code such as USD or EUR.';
    const same =
      stated && stated.min === low && stated.max === high && stated.currency === currency && stated.period === draft.period;
    if (!same) result.salary = { min: low, max: high, currency, period: draft.period };
  }

  if (draft.policy !== saved.remote.policy) result.remotePolicy = draft.policy;

  const location = draft.location.trim() || null;
  if (location !== (saved.location?.trim() || null)) result.location = location;

  const years = toNumber(draft.years);
  if (years !== null && (Number.isNaN(years) || years < 0)) return 'Years must be a number of 0 or more.';
  if (years !== (saved.experience?.yearsMin ?? null)) result.yearsMin = years;

  return result;
}

const PERIOD_LABELS: Record<PayPeriod, string> = { hour: 'an hour', day: 'a day', week: 'a week', month: 'a month', year: 'a year' };

export function CorrectionsForm({ saved, onSubmit }: CorrectionsFormProps) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(saved));
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  const hasCorrections = Object.keys(saved.corrections).some((k) => k !== 'correctedAt');

  // A new record (saved elsewhere, or re-read) resets the form to it.
  useEffect(() => setDraft(draftFrom(saved)), [saved]);

  const set = (field: keyof Draft) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setDraft((d) => ({ ...d, [field]: value }));
  };

  const store = async (corrections: Corrections, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await onSubmit(corrections);
      setMessage({ kind: 'done', text: done });
    } catch (error) {
      setMessage({ kind: 'error', text: `Could not save: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const result = correctionsFromDraft(saved, draft);
    if (typeof result === 'string') {
      setMessage({ kind: 'error', text: result });
      return;
    }
    void store(result, Object.keys(result).length > 0 ? 'Your corrections are saved.' : 'Nothing differs from the posting.');
  };

  return (
    <form class="jl-corrections" aria-label="Correct the values read" onSubmit={submit}>
      <fieldset class="jl-fieldset">
        <legend>Pay</legend>
        <div class="jl-row">
          <label class="jl-field jl-field-num">
            <span>From</span>
            <input inputMode="decimal" value={draft.min} onInput={set('min')} />
          </label>
          <label class="jl-field jl-field-num">
            <span>To</span>
            <input inputMode="decimal" value={draft.max} onInput={set('max')} />
          </label>
          <label class="jl-field jl-field-code">
            <span>Currency</span>
            <input value={draft.currency} maxLength={3} autoCapitalize="characters" onInput={set('currency')} />
          </label>
          <label class="jl-field">
            <span>Per</span>
            <select value={draft.period} onChange={set('period')}>
              {PayPeriod.options.map((p) => (
                <option key={p} value={p}>
                  {PERIOD_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p class="jl-hint">
          Leave both amounts empty if the posting states no pay.
        </p>
      </fieldset>
      <label class="jl-field">
        <span>Remote policy</span>
        <select value={draft.policy} onChange={set('policy')}>
          {RemotePolicy.options.map((p) => (
            <option key={p} value={p}>
              {formatPolicy(p)}
            </option>
          ))}
        </select>
      </label>
      <label class="jl-field">
        <span>Location</span>
        <input value={draft.location} onInput={set('location')} />
      </label>
      <label class="jl-field jl-field-num">
        <span>Years of experience asked for (at least)</span>
        <input inputMode="numeric" value={draft.years} onInput={set('years')} />
      </label>
      <div class="jl-row">
        {/* aria-disabled while busy, not disabled: the button keeps the focus it was pressed with. */}
        <button ref={submitRef} type="submit" class="jl-button jl-button-primary" aria-disabled={busy ? 'true' : undefined}>
          Save corrections
        </button>
        {hasCorrections ? (
          <button
            type="button"
            class="jl-button"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => {
              if (busy) return;
              // This button goes once nothing is corrected: focus moves to the form's main button.
              submitRef.current?.focus();
              void store({}, "Back to the posting's values.");
            }}
          >
            Use the posting's values
          </button>
        ) : null}
      </div>
      {message ? (
        <p class={message.kind === 'error' ? 'jl-error' : 'jl-done'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
