import { useId, useRef, useState } from 'preact/hooks';
import type { ExchangeRates } from '../../model/index.ts';

/**
 * The user's exchange rates: a base currency and, for each other currency, how many of it
 * one unit of the base buys. Nothing is fetched; pay is converted only at these rates, and
 * every converted figure says so.
 */
export interface SettingsPanelProps {
  rates: ExchangeRates | null;
  onSave: (rates: ExchangeRates | null) => Promise<unknown>;
  onClose: () => void;
  now?: () => Date;
}

interface RateRow {
  key: number;
  code: string;
  rate: string;
}

const CODE = /^[A-Z]{3}$/;

/** The rates the form amounts to, or what to fix. */
export function ratesFromForm(base: string, rows: readonly Pick<RateRow, 'code' | 'rate'>[], nowIso: string): ExchangeRates | string {
  const baseCode = base.trim().toUpperCase();
  if (!CODE.test(baseCode)) return 'The base currency must be a three-letter code such as EUR or USD.';
  const rates: Record<string, number> = {};
  for (const row of rows) {
    const code = row.code.trim().toUpperCase();
    const text = row.rate.trim().replace(',', '.');
    if (!code && !text) continue;
    if (!CODE.test(code)) return `"${row.code}" is not a three-letter currency code.`;
    if (code === baseCode) return `${code} is the base currency; it needs no rate.`;
    if (code in rates) return `${code} is listed twice.`;
    const rate = Number(text);
    if (!text || !Number.isFinite(rate) || rate <= 0) return `The rate for ${code} must be a number above 0.`;
    rates[code] = rate;
  }
  return { base: baseCode, rates, updatedAt: nowIso };
}

let nextKey = 0;
function rowsFrom(rates: ExchangeRates | null): RateRow[] {
  const rows = Object.entries(rates?.rates ?? {}).map(([code, rate]) => ({ key: nextKey++, code, rate: String(rate) }));
  return rows.length > 0 ? rows : [{ key: nextKey++, code: '', rate: '' }];
}

export function SettingsPanel({ rates, onSave, onClose, now = () => new Date() }: SettingsPanelProps) {
  const id = useId();
  const [base, setBase] = useState(rates?.base ?? '');
  const [rows, setRows] = useState<RateRow[]>(() => rowsFrom(rates));
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const baseLabel = base.trim().toUpperCase() || 'base';

  const store = async (next: ExchangeRates | null, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await onSave(next);
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
    const result = ratesFromForm(base, rows, now().toISOString());
    if (typeof result === 'string') {
      setMessage({ kind: 'error', text: result });
      return;
    }
    void store(result, 'Your rates are saved.');
  };

  const setRow = (key: number, field: 'code' | 'rate', value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  return (
    <section class="jl-settings" aria-labelledby={`${id}-title`}>
      <div class="jl-view-header">
        <h1 class="jl-view-title" id={`${id}-title`} tabIndex={-1} data-focus="heading">
          Exchange rates
        </h1>
        <button type="button" class="jl-button" onClick={onClose}>
          Back to the list
        </button>
      </div>
      <p class="jl-hint">
        JobLens fetches no rates. Pay in another currency is converted only at the rates you enter here, and is marked as
        converted.
      </p>
      <form class="jl-settings-form" onSubmit={submit}>
        <label class="jl-field">
          <span>Base currency</span>
          <input
            class="jl-code-input"
            value={base}
            maxLength={3}
            placeholder="EUR"
            autoCapitalize="characters"
            onInput={(e) => setBase(e.currentTarget.value)}
          />
        </label>
        <ul class="jl-rates" aria-label="Rates">
          {rows.map((row) => (
            <li key={row.key} class="jl-row">
              <span class="jl-rate-lead">1 {baseLabel} =</span>
              <label class="jl-sr" for={`${id}-rate-${row.key}`}>
                Units of {row.code.trim().toUpperCase() || 'the currency'} per 1 {baseLabel}
              </label>
              <input
                id={`${id}-rate-${row.key}`}
                class="jl-rate-input"
                inputMode="decimal"
                value={row.rate}
                onInput={(e) => setRow(row.key, 'rate', e.currentTarget.value)}
              />
              <label class="jl-sr" for={`${id}-code-${row.key}`}>
                Currency code
              </label>
              <input
                id={`${id}-code-${row.key}`}
                class="jl-code-input"
                value={row.code}
                maxLength={3}
                placeholder="USD"
                autoCapitalize="characters"
                onInput={(e) => setRow(row.key, 'code', e.currentTarget.value)}
              />
              <button
                type="button"
                class="jl-button"
                aria-label={`Remove the rate for ${row.code.trim().toUpperCase() || 'this currency'}`}
                onClick={() => {
                  // The row goes with this button: focus moves to "Add a currency".
                  addRef.current?.focus();
                  setRows((rs) => rs.filter((r) => r.key !== row.key));
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
        <div class="jl-row">
          <button
            ref={addRef}
            type="button"
            class="jl-button"
            onClick={() => setRows((rs) => [...rs, { key: nextKey++, code: '', rate: '' }])}
          >
            Add a currency
          </button>
          {/* aria-disabled while busy, not disabled: the pressed button keeps its focus. */}
          <button ref={saveRef} type="submit" class="jl-button jl-button-primary" aria-disabled={busy ? 'true' : undefined}>
            Save rates
          </button>
          {rates ? (
            <button
              type="button"
              class="jl-button"
              aria-disabled={busy ? 'true' : undefined}
              onClick={() => {
                if (busy) return;
                // This button goes once there are no rates: focus moves to "Save rates".
                saveRef.current?.focus();
                void store(null, 'Rates removed; nothing is converted.');
              }}
            >
              Remove all rates
            </button>
          ) : null}
        </div>
        {message ? (
          <p class={message.kind === 'error' ? 'jl-notice' : 'jl-done'} role={message.kind === 'error' ? 'alert' : 'status'}>
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
