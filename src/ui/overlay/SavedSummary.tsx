import type { SavedPosting } from '../../model/index.ts';
import { STATUS_LABELS } from '../../compare/values.ts';
import { formatChange, formatChangeDate } from '../compare/format.ts';
import { formatDate } from '../format.ts';

/**
 * What the user sees on coming back to a saved posting: when they saved it, its status,
 * whether it has closed, and what changed on the page since, old value kept.
 */
export function SavedSummary({ saved }: { saved: Pick<SavedPosting, 'savedAt' | 'status' | 'closedAt' | 'changes'> }) {
  return (
    <section class="jl-saved-summary" aria-label="Your saved copy">
      <p class="jl-saved-line">
        Saved <time dateTime={saved.savedAt}>{formatDate(saved.savedAt)}</time>
        <span aria-hidden="true"> ·</span> Status: <strong>{STATUS_LABELS[saved.status]}</strong>
        {saved.closedAt ? (
          <>
            {' '}
            <span class="jl-badge jl-badge-closed">Closed</span>
            <span class="jl-closed-date">
              {' '}
              since <time dateTime={saved.closedAt}>{formatDate(saved.closedAt)}</time>
            </span>
          </>
        ) : null}
      </p>
      {saved.changes.length > 0 ? (
        <div class="jl-changes" role="note" aria-label="Changed since you saved">
          <p class="jl-changes-title">Changed since you saved</p>
          <ul class="jl-list-plain">
            {saved.changes.map((change, i) => (
              <li key={`${change.field}-${change.at}-${i}`} class="jl-change">
                {change.field === 'requirements' ? (
                  <details>
                    <summary>
                      {formatChange(change)} <span class="jl-change-date">({formatChangeDate(change)})</span>
                    </summary>
                    <p class="jl-change-label">Before</p>
                    <p class="jl-change-text">{change.before}</p>
                    <p class="jl-change-label">Now</p>
                    <p class="jl-change-text">{change.after}</p>
                  </details>
                ) : (
                  <>
                    {formatChange(change)} <span class="jl-change-date">({formatChangeDate(change)})</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
