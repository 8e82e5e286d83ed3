import { useEffect, useState } from 'preact/hooks';
import type { ExchangeRates, SavedPosting } from '../../model/index.ts';
import { Comparison } from './Comparison.tsx';

/** The comparison in a tab of its own: the chosen saved jobs, loaded through `api`. */
export interface ComparePageApi {
  /** The saved postings with these ids (those still saved), and the user's exchange rates. */
  load(ids: readonly string[]): Promise<{ postings: SavedPosting[]; rates: ExchangeRates | null }>;
}

export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; postings: SavedPosting[]; rates: ExchangeRates | null };

export function ComparePage({ api, ids }: { api: ComparePageApi; ids: readonly string[] }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const chosen = ids.slice(0, MAX_COMPARE);

  useEffect(() => {
    let live = true;
    api.load(chosen).then(
      ({ postings, rates }) => {
        // In the order the user picked them.
        const byId = new Map(postings.map((p) => [p.id, p]));
        const ordered = chosen.flatMap((id) => byId.get(id) ?? []);
        if (live) setState({ kind: 'ready', postings: ordered, rates });
      },
      (error: unknown) => live && setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api, chosen.join('\n')]);

  return (
    <main class="jl-compare-page">
      <h1 class="jl-compare-title">Compare saved jobs</h1>
      {ids.length > MAX_COMPARE ? (
        <p class="jl-notice" role="note">
          Only the first {MAX_COMPARE} of the {ids.length} jobs chosen are compared.
        </p>
      ) : null}
      {state.kind === 'loading' ? (
        <p role="status">Loading…</p>
      ) : state.kind === 'error' ? (
        <p class="jl-notice" role="alert">
          Could not load the saved jobs: {state.message}
        </p>
      ) : (
        <>
          {state.postings.length < chosen.length ? (
            <p class="jl-notice" role="note">
              {chosen.length - state.postings.length} of the jobs chosen {chosen.length - state.postings.length === 1 ? 'is' : 'are'} no
              longer saved.
            </p>
          ) : null}
          {state.postings.length >= MIN_COMPARE ? (
            <Comparison postings={state.postings} rates={state.rates} />
          ) : (
            <p class="jl-notice" role="alert">
              Pick {MIN_COMPARE} to {MAX_COMPARE} saved jobs in the JobLens popup to compare them.
            </p>
          )}
        </>
      )}
    </main>
  );
}
