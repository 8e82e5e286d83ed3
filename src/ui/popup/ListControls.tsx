import { useId } from 'preact/hooks';
import { ApplicationStatus, RemotePolicy } from '../../model/index.ts';
import { STATUS_LABELS } from '../../compare/values.ts';
import { formatPolicy } from '../format.ts';
import { EMPTY_QUERY, SORT_LABELS, type ListQuery, type SortKey } from './query.ts';

/** Search as you type, filters and sort for the saved list. State lives with the caller. */
export interface ListControlsProps {
  query: ListQuery;
  sort: SortKey;
  tags: readonly string[];
  currencies: readonly string[];
  /** Whether the user has exchange rates, so pay in other currencies can be compared. */
  hasRates: boolean;
  onQuery: (query: ListQuery) => void;
  onSort: (sort: SortKey) => void;
}

function activeFilters(query: ListQuery): number {
  return [query.status, query.policy, query.tag, query.minPay !== null ? 'pay' : ''].filter(Boolean).length;
}

export function ListControls({ query, sort, tags, currencies, hasRates, onQuery, onSort }: ListControlsProps) {
  const id = useId();
  const set = <K extends keyof ListQuery>(key: K, value: ListQuery[K]) => onQuery({ ...query, [key]: value });
  const active = activeFilters(query);

  return (
    <div class="jl-controls">
      <label class="jl-sr" for={`${id}-search`}>
        Search saved jobs
      </label>
      <input
        id={`${id}-search`}
        type="search"
        class="jl-search"
        placeholder="Search title, company, location, notes, tags"
        value={query.text}
        onInput={(e) => set('text', e.currentTarget.value)}
      />
      <details class="jl-filters">
        <summary>
          Filter and sort{active > 0 ? ` (${active} ${active === 1 ? 'filter' : 'filters'} on)` : ''}
        </summary>
        <div class="jl-filter-grid">
          <label class="jl-field">
            <span>Status</span>
            <select value={query.status} onChange={(e) => set('status', e.currentTarget.value as ListQuery['status'])}>
              <option value="">Any status</option>
              {ApplicationStatus.options.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
          <label class="jl-field">
            <span>Remote policy</span>
            <select value={query.policy} onChange={(e) => set('policy', e.currentTarget.value as ListQuery['policy'])}>
              <option value="">Any policy</option>
              {RemotePolicy.options.map((p) => (
                <option key={p} value={p}>
                  {formatPolicy(p)}
                </option>
              ))}
            </select>
          </label>
          <label class="jl-field">
            <span>Tag</span>
            <select value={query.tag} onChange={(e) => set('tag', e.currentTarget.value)} disabled={tags.length === 0}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <label class="jl-field">
            <span>Sort by</span>
            <select value={sort} onChange={(e) => onSort(e.currentTarget.value as SortKey)}>
              {(Object.keys(SORT_LABELS) as SortKey[]).map((key) => (
                <option key={key} value={key}>
                  {SORT_LABELS[key]}
                </option>
              ))}
            </select>
          </label>
          <fieldset class="jl-fieldset jl-pay-filter">
            <legend>Minimum annual pay</legend>
            <div class="jl-row">
              <label class="jl-sr" for={`${id}-minpay`}>
                Minimum annual pay amount
              </label>
              <input
                id={`${id}-minpay`}
                class="jl-grow"
                inputMode="numeric"
                placeholder="e.g. 150000"
                value={query.minPay === null ? '' : String(query.minPay)}
                onInput={(e) => {
                  const text = e.currentTarget.value.replace(/[,\s_]/g, '');
                  const n = Number(text);
                  set('minPay', text === '' || !Number.isFinite(n) ? null : n);
                }}
              />
              <label class="jl-sr" for={`${id}-currency`}>
                Currency of the minimum pay
              </label>
              <select
                id={`${id}-currency`}
                value={query.payCurrency}
                onChange={(e) => set('payCurrency', e.currentTarget.value)}
              >
                {currencies.length === 0 ? <option value="">No pay saved</option> : null}
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <p class="jl-hint">
              {hasRates
                ? 'Pay in other currencies is converted at your rates; pay with no rate is left out.'
                : 'Only pay stated in this currency is compared. Add exchange rates to include others.'}
              {' '}The top of the range counts.
            </p>
          </fieldset>
        </div>
        {active > 0 || query.text ? (
          <button type="button" class="jl-button" onClick={() => onQuery(EMPTY_QUERY)}>
            Clear search and filters
          </button>
        ) : null}
      </details>
    </div>
  );
}
