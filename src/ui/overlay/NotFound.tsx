import { useEffect } from 'preact/hooks';

/** What the user sees after asking JobLens to read a page that has no posting: a note, not an empty panel. */
export function NotFound({ onClose, dismissMs = 6000 }: { onClose: () => void; dismissMs?: number }) {
  useEffect(() => {
    const timer = setTimeout(onClose, dismissMs);
    return () => clearTimeout(timer);
  }, [onClose, dismissMs]);
  return (
    <aside class="jl-root jl-card jl-not-found" role="complementary" aria-label="JobLens">
      <p class="jl-not-found-text" role="status">
        No job posting found here.
      </p>
      <button type="button" class="jl-icon-button" aria-label="Close JobLens panel" title="Close" onClick={onClose}>
        <span aria-hidden="true">×</span>
      </button>
    </aside>
  );
}
