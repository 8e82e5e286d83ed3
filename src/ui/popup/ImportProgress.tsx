import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportEvent } from '../../messaging/import-port.ts';
import { IMPORT_INTERRUPTED_MESSAGE, type ImportOutcome } from '../../model/index.ts';
import { importSummary } from './import-summary.ts';

/**
 * How an import in the background shows in the popup: how far it is while it runs (whether
 * this popup started it or one since closed did), and how it ended, once. The popup learns
 * both from `watchImport` (src/extension/import-client.ts); this module only shows them.
 */

export type ImportWatch = (listener: (event: ImportEvent) => void) => () => void;
export type RunningImport = Extract<ImportEvent, { type: 'progress' }>;

/** The import running now, or null; `onFinished` hears each outcome once. */
export function useRunningImport(watch: ImportWatch | undefined, onFinished: (outcome: ImportOutcome) => void): RunningImport | null {
  const [running, setRunning] = useState<RunningImport | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  useEffect(() => {
    if (!watch) return undefined;
    return watch((event) => {
      if (event.type === 'progress') setRunning(event);
      else if (event.type === 'idle') setRunning(null);
      else if (event.type === 'finished') {
        setRunning(null);
        finished.current(event.outcome);
      }
    });
  }, [watch]);
  return running;
}

/** What the popup says when an import has ended: the summary, or why nothing was imported. */
export function outcomeNotice(outcome: ImportOutcome): { kind: 'info' | 'error'; text: string } {
  if (outcome.result) return { kind: 'info', text: importSummary(outcome.result) };
  // Said as it is: the import was cut off, not refused, so "Could not import" would mislead.
  if (outcome.interrupted) return { kind: 'error', text: IMPORT_INTERRUPTED_MESSAGE };
  return { kind: 'error', text: `Could not import ${outcome.fileName}: ${outcome.error ?? 'it failed.'}` };
}

function progressText(running: RunningImport): string {
  if (running.phase !== 'writing') return `Checking ${running.fileName}…`;
  const count = (n: number) => n.toLocaleString('en-US');
  return `Importing ${running.fileName}: ${count(running.done)} of ${count(running.total)} postings`;
}

/** The running import's line, with a bar; it goes on if the popup is closed. */
export function ImportProgress({ running }: { running: RunningImport }) {
  const writing = running.phase === 'writing' && running.total > 0;
  return (
    <div class="jl-import-progress" role="status">
      <p class="jl-info">
        {progressText(running)}. It goes on if you close this window.
      </p>
      {/* Without a value the bar shows that work is going on, not how much is done. */}
      <progress aria-hidden="true" max={writing ? running.total : undefined} value={writing ? running.done : undefined} />
    </div>
  );
}
