import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ExchangeRates, SavedPosting } from '../../model/index.ts';
import { groupRequirements, type RequirementGroup } from '../../compare/requirements.ts';
import {
  STATUS_LABELS,
  effectiveLocation,
  effectivePay,
  effectivePolicy,
  effectiveYearsMin,
  otherRanges,
} from '../../compare/values.ts';
import { formatDate, formatPolicy, formatYears } from '../format.ts';
import { CorrectionMark } from '../overlay/CorrectionMark.tsx';
import { formatConverted, formatEffectivePay, formatRating, formatYearsMin } from './format.ts';

/**
 * Two to four saved postings side by side: pay as stated and a year, currency, remote
 * policy, location, years asked for, status and rating, then their requirements lined up
 * so that what they share and what only one asks for shows at a glance. Pay in another
 * currency is converted only at the user's own rates, and says so.
 */
export interface ComparisonProps {
  postings: readonly SavedPosting[];
  rates: ExchangeRates | null;
}

function Mine() {
  return (
    <>
      {' '}
      <CorrectionMark />
    </>
  );
}

function Missing({ text = 'Not stated' }: { text?: string }) {
  return <span class="jl-cmp-missing">{text}</span>;
}

function Row({ label, cells }: { label: string; cells: ComponentChildren[] }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      {cells.map((cell, i) => (
        <td key={i}>{cell}</td>
      ))}
    </tr>
  );
}

function shareLabel(group: RequirementGroup, total: number): string {
  if (group.count === total) return total === 2 ? 'Both ask' : `All ${total} ask`;
  if (group.count === 1) return 'Only one asks';
  return `${group.count} of ${total} ask`;
}

function shareClass(group: RequirementGroup, total: number): string {
  if (group.count === total) return 'jl-req jl-req-all';
  return group.count === 1 ? 'jl-req jl-req-one' : 'jl-req jl-req-some';
}

export function Comparison({ postings, rates }: ComparisonProps) {
  const groups = useMemo(
    () =>
      groupRequirements(
        postings.map((p) => ({ postingId: p.id, required: p.requirements.required, preferred: p.requirements.preferred })),
      ),
    [postings],
  );
  const total = postings.length;
  const shared = groups.filter((g) => g.count === total).length;
  const some = groups.filter((g) => g.count > 1 && g.count < total).length;
  const single = groups.filter((g) => g.count === 1).length;
  const pays = postings.map((p) => effectivePay(p));

  const head = (
    <thead>
      <tr>
        <td class="jl-cmp-corner" />
        {postings.map((p) => (
          <th key={p.id} scope="col">
            <span class="jl-cmp-title">{p.title || 'Untitled job'}</span>
            {p.company ? <span class="jl-cmp-company">{p.company}</span> : null}
            {p.closedAt ? <span class="jl-badge jl-badge-closed">Closed</span> : null}
          </th>
        ))}
      </tr>
    </thead>
  );

  return (
    <div class="jl-compare">
      <div class="jl-cmp-scroll">
        <table class="jl-cmp-table">
          <caption>Comparing {total} saved jobs</caption>
          {head}
          <tbody>
            <Row
              label="Pay as stated"
              cells={pays.map((pay, i) => {
                if (!pay) return <Missing />;
                const others = otherRanges(postings[i]!);
                return (
                  <>
                    {pay.label ? <span class="jl-cmp-pay-label">{pay.label}: </span> : null}
                    {formatEffectivePay(pay).amount}
                    {pay.ote ? ' (OTE)' : null}
                    {pay.corrected ? <Mine /> : null}
                    {others.length ? (
                      <ul class="jl-cmp-other-pay" aria-label="Other ranges this posting states">
                        {others.map((r, j) => (
                          <li key={j}>
                            {r.label ? `${r.label}: ` : ''}
                            {formatEffectivePay({ ...r, annual: r.annual ?? null, corrected: false }).amount}
                            {r.kind === 'ote' ? ' (OTE)' : ''}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                );
              })}
            />
            <Row
              label="A year"
              cells={pays.map((pay) => {
                const annual = pay ? formatEffectivePay(pay).annual : null;
                return annual ?? <Missing text="—" />;
              })}
            />
            <Row label="Currency" cells={pays.map((pay) => pay?.currency ?? <Missing text="—" />)} />
            {rates ? (
              <Row
                label={`In ${rates.base}`}
                cells={pays.map((pay) => {
                  if (!pay) return <Missing text="—" />;
                  if (pay.currency === rates.base) return <Missing text={`Already in ${rates.base}`} />;
                  return formatConverted(pay, rates) ?? <Missing text={`No rate for ${pay.currency} in your settings`} />;
                })}
              />
            ) : null}
            <Row
              label="Remote policy"
              cells={postings.map((p) => {
                const policy = effectivePolicy(p);
                return (
                  <>
                    {formatPolicy(policy.value)}
                    {policy.corrected ? <Mine /> : null}
                    {p.remote.regions.length > 0 ? <span class="jl-cmp-sub">{p.remote.regions.join(', ')}</span> : null}
                  </>
                );
              })}
            />
            <Row
              label="Location"
              cells={postings.map((p) => {
                const location = effectiveLocation(p);
                return (
                  <>
                    {location.value ?? <Missing />}
                    {location.corrected ? <Mine /> : null}
                  </>
                );
              })}
            />
            <Row
              label="Years asked for"
              cells={postings.map((p) => {
                const years = effectiveYearsMin(p);
                if (years.corrected) {
                  return (
                    <>
                      {formatYearsMin(years.value)}
                      <Mine />
                    </>
                  );
                }
                return formatYears(p.experience) ?? <Missing />;
              })}
            />
            <Row
              label="Status"
              cells={postings.map((p) => (
                <>
                  {STATUS_LABELS[p.status]}
                  {p.closedAt ? <span class="jl-cmp-sub">Closed {formatDate(p.closedAt)}</span> : null}
                </>
              ))}
            />
            <Row label="Rating" cells={postings.map((p) => formatRating(p.rating))} />
          </tbody>
        </table>
      </div>

      <h2 class="jl-cmp-heading" id="jl-cmp-req">
        Requirements
      </h2>
      <p class="jl-cmp-legend">
        <span class="jl-req-key jl-req-all">{shared} asked by all</span>
        {total > 2 ? <span class="jl-req-key jl-req-some">{some} by some</span> : null}
        <span class="jl-req-key jl-req-one">{single} by one only</span>
      </p>
      {groups.length === 0 ? (
        <p class="jl-cmp-missing">None of these postings lists requirements.</p>
      ) : (
        <div class="jl-cmp-scroll">
          <table class="jl-cmp-table jl-cmp-requirements" aria-labelledby="jl-cmp-req">
            {head}
            <tbody>
              {groups.map((group, i) => (
                <tr key={i} class={shareClass(group, total)}>
                  <th scope="row">{shareLabel(group, total)}</th>
                  {postings.map((p) => {
                    const entry = group.entries[p.id];
                    return (
                      <td key={p.id}>
                        {entry ? (
                          <>
                            {entry.text}
                            {entry.preferred ? <span class="jl-cmp-sub">preferred</span> : null}
                          </>
                        ) : (
                          <span class="jl-cmp-missing">
                            <span aria-hidden="true">—</span>
                            <span class="jl-sr">Not asked for</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
