import { useState } from 'preact/hooks';

type State = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; fileName: string } | { kind: 'error'; message: string };

/**
 * "Save this page as a test case": for a user who sees a wrong reading, one file to attach to
 * a bug report. The panel only reports the press; `onSave` makes and downloads the file and
 * resolves to its name.
 */
export function TestCaseAction({ onSave }: { onSave: () => Promise<string> }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const save = async () => {
    if (state.kind === 'saving') return;
    setState({ kind: 'saving' });
    try {
      setState({ kind: 'saved', fileName: await onSave() });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="jl-test-case">
      <button
        type="button"
        class="jl-link-button"
        title="Downloads one file: this page (without its scripts or anything you typed) and what JobLens read from it. Nothing is sent."
        aria-disabled={state.kind === 'saving' ? 'true' : undefined}
        onClick={save}
      >
        Save this page as a test case
      </button>
      <p class="jl-test-case-status" role="status">
        {state.kind === 'saved' ? (
          <>
            Downloaded {state.fileName}. It holds the page as you see it: look it over before you share it.
          </>
        ) : state.kind === 'error' ? (
          <span class="jl-error">Could not save the test case: {state.message}</span>
        ) : null}
      </p>
    </div>
  );
}
