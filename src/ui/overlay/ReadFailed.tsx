import { useEffect, useState } from 'preact/hooks';

/**
 * What the user sees when the page holds a posting but JobLens could not read it (its
 * background stopped, gave no answer, or failed): that, the reason, and Try again. Never
 * "No job posting found here.": that would say something false about the page.
 */
export function ReadFailed({ reason, attempt, onRetry, onClose }: { reason: string; attempt: number; onRetry: () => void; onClose: () => void }) {
  const [trying, setTrying] = useState(false);
  // A new answer from the reader (another failure) ends the wait.
  useEffect(() => setTrying(false), [attempt]);
  return (
    <aside class="jl-root jl-card jl-read-failed" role="complementary" aria-label="JobLens">
      <div class="jl-read-failed-text" role="alert">
        <p class="jl-read-failed-title">JobLens could not read this page.</p>
        <p class="jl-read-failed-reason">{reason}</p>
      </div>
      <div class="jl-row">
        <button
          type="button"
          class="jl-button"
          aria-busy={trying ? 'true' : undefined}
          // Not `disabled`: a disabled button drops the focus the user pressed it with.
          aria-disabled={trying ? 'true' : undefined}
          onClick={() => {
            if (trying) return;
            setTrying(true);
            onRetry();
          }}
        >
          {trying ? 'Trying again…' : 'Try again'}
        </button>
        <button type="button" class="jl-icon-button" aria-label="Close JobLens panel" title="Close" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </aside>
  );
}
