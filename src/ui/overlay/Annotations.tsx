import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ApplicationStatus, SavedPatch, SavedPosting } from '../../model/index.ts';
import { STATUS_LABELS, STATUS_ORDER } from '../../compare/values.ts';
import { formatDate } from '../format.ts';
import { CorrectionsForm } from './Corrections.tsx';

/**
 * The user's part of a saved posting, editable: status (with when each step happened),
 * rating, tags, notes, corrections, and whether the posting has closed. Used by the
 * overlay and by the popup. It reports each edit through `api`; the caller stores it and
 * hands back the updated record as `saved`.
 */
export interface AnnotationsApi {
  update(patch: SavedPatch): Promise<unknown>;
  markClosed(closed: boolean): Promise<unknown>;
}

export interface AnnotationsProps {
  saved: SavedPosting;
  api: AnnotationsApi;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function StatusHistory({ saved }: { saved: SavedPosting }) {
  if (saved.statusHistory.length === 0) return null;
  return (
    <ol class="jl-history" aria-label="Status history">
      {saved.statusHistory.map((step, i) => (
        <li key={`${step.at}-${i}`}>
          <span class="jl-history-status">{STATUS_LABELS[step.status]}</span>{' '}
          <time dateTime={step.at}>{formatDate(step.at)}</time>
        </li>
      ))}
    </ol>
  );
}

function Rating({ value, name, onChange }: { value: number | null; name: string; onChange: (rating: number | null) => void }) {
  const starsRef = useRef<HTMLDivElement>(null);
  return (
    <fieldset class="jl-fieldset jl-rating">
      <legend>Rating</legend>
      <div class="jl-stars" ref={starsRef}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} class={value !== null && n <= value ? 'jl-star jl-star-on' : 'jl-star'}>
            <input type="radio" name={name} value={String(n)} checked={value === n} onChange={() => onChange(n)} />
            <span aria-hidden="true">{value !== null && n <= value ? '★' : '☆'}</span>
            <span class="jl-sr">
              {n} of 5
            </span>
          </label>
        ))}
        {value !== null ? (
          <button
            type="button"
            class="jl-link-button"
            onClick={() => {
              // The button goes once the rating is cleared: focus stays in the rating.
              starsRef.current?.querySelector('input')?.focus();
              onChange(null);
            }}
          >
            Clear rating
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

function Tags({ tags, onChange }: { tags: string[]; onChange: (tags: string[]) => Promise<boolean> }) {
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const add = async (event: Event) => {
    event.preventDefault();
    const tag = draft.trim();
    if (!tag) return;
    // The typed tag stays in the field until it is stored: a failed save loses nothing typed.
    if (tags.includes(tag) || (await onChange([...tags, tag]))) setDraft((current) => (current.trim() === tag ? '' : current));
  };
  return (
    <div class="jl-tags">
      <span class="jl-field-title">Tags</span>
      {tags.length > 0 ? (
        <ul class="jl-chips" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} class="jl-chip">
              <span>{tag}</span>
              <button
                type="button"
                class="jl-chip-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  // The chip goes with its button: focus moves to the tag field.
                  inputRef.current?.focus();
                  void onChange(tags.filter((t) => t !== tag));
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form class="jl-row" onSubmit={(event) => void add(event)}>
        <label class="jl-sr" for={inputId}>
          Add a tag
        </label>
        <input ref={inputRef} id={inputId} class="jl-grow" value={draft} placeholder="Add a tag" onInput={(e) => setDraft(e.currentTarget.value)} />
        <button type="submit" class="jl-button">
          Add
        </button>
      </form>
    </div>
  );
}

export function Annotations({ saved, api }: AnnotationsProps) {
  const id = useId();
  const [notes, setNotes] = useState(saved.notes);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => setNotes(saved.notes), [saved.notes]);

  /** Runs one edit; false when it was not saved (the error says so, and what was typed stays). */
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setError(null);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (err) {
      setError(`Could not save: ${messageOf(err)}`);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const update = (patch: SavedPatch) => run(() => api.update(patch));
  const closed = saved.closedAt !== null;

  return (
    <div class="jl-annotations" aria-busy={busy ? 'true' : undefined}>
      <label class="jl-field">
        <span>Status</span>
        <select
          value={saved.status}
          onChange={(e) => void update({ status: e.currentTarget.value as ApplicationStatus })}
        >
          {STATUS_ORDER.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </label>
      <StatusHistory saved={saved} />

      <Rating value={saved.rating} name={`${id}-rating`} onChange={(rating) => void update({ rating })} />

      <Tags tags={saved.tags} onChange={(tags) => update({ tags })} />

      <label class="jl-field">
        <span>Notes</span>
        <textarea class="jl-notes" rows={3} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />
      </label>
      <div class="jl-row">
        {/* aria-disabled, not disabled: saving makes it unavailable while it has the focus, which a disabled button would drop. */}
        <button
          type="button"
          class="jl-button"
          aria-disabled={notes === saved.notes ? 'true' : undefined}
          onClick={() => {
            if (notes !== saved.notes) void update({ notes });
          }}
        >
          Save notes
        </button>
      </div>

      <details class="jl-corrections-details">
        <summary class="jl-summary">Correct a value</summary>
        <CorrectionsForm saved={saved} onSubmit={(corrections) => api.update({ corrections })} />
      </details>

      <div class="jl-row">
        <button type="button" class="jl-button" onClick={() => void run(() => api.markClosed(!closed))}>
          {closed ? 'Mark as open again' : 'Mark as closed'}
        </button>
      </div>

      {error ? (
        <p class="jl-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
