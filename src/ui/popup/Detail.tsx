import type { SavedPosting } from '../../model/index.ts';
import { effectiveLocation, effectivePay, effectivePolicy, effectiveYearsMin } from '../../compare/values.ts';
import { formatPayLine, formatYearsMin } from '../compare/format.ts';
import { formatPolicy, formatYears } from '../format.ts';
import { Annotations, type AnnotationsApi } from '../overlay/Annotations.tsx';
import { CorrectionMark } from '../overlay/CorrectionMark.tsx';
import { SavedSummary } from '../overlay/SavedSummary.tsx';

/** One saved job in the popup: what it says (the user's corrections marked), and the user's part, editable. */
export interface DetailProps {
  saved: SavedPosting;
  api: AnnotationsApi;
  onBack: () => void;
}

function Fact({ label, value, corrected, parsed }: { label: string; value: string; corrected: boolean; parsed: string }) {
  return (
    <div class="jl-detail-fact">
      <dt>{label}</dt>
      <dd>
        {value}
        {corrected ? (
          <>
            {' '}
            <CorrectionMark />
            <span class="jl-parsed-label">Read from the posting: {parsed}</span>
          </>
        ) : null}
      </dd>
    </div>
  );
}

export function Detail({ saved, api, onBack }: DetailProps) {
  const pay = effectivePay(saved);
  const policy = effectivePolicy(saved);
  const location = effectiveLocation(saved);
  const years = effectiveYearsMin(saved);
  const parsedPay = effectivePay({ ...saved, corrections: {} });
  return (
    <section class="jl-detail" aria-labelledby="jl-detail-title">
      <div class="jl-view-header">
        <button type="button" class="jl-button" onClick={onBack}>
          Back to the list
        </button>
      </div>
      {/* The view's heading; focus lands here when the view opens (tabIndex -1, data-focus). */}
      <h1 class="jl-view-title" id="jl-detail-title" tabIndex={-1} data-focus="heading">
        {saved.title || 'Untitled job'}
      </h1>
      {saved.company ? <p class="jl-saved-company">{saved.company}</p> : null}
      <SavedSummary saved={saved} />
      <dl class="jl-detail-facts">
        <Fact label="Pay" value={formatPayLine(pay)} corrected={saved.corrections.salary !== undefined} parsed={formatPayLine(parsedPay)} />
        <Fact label="Remote policy" value={formatPolicy(policy.value)} corrected={policy.corrected} parsed={formatPolicy(saved.remote.policy)} />
        <Fact
          label="Location"
          value={location.value ?? 'Not stated'}
          corrected={location.corrected}
          parsed={saved.location ?? 'not stated'}
        />
        <Fact
          label="Experience"
          value={years.corrected ? formatYearsMin(years.value) : (formatYears(saved.experience) ?? 'Not stated')}
          corrected={years.corrected}
          parsed={formatYears(saved.experience) ?? 'not stated'}
        />
      </dl>
      <Annotations saved={saved} api={api} />
    </section>
  );
}
