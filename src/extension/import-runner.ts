import { MAX_IMPORT_BYTES, tooLargeMessage } from '../io/import-json.ts';
import { ImportRequest, IMPORT_PORT, type ImportEvent } from '../messaging/import-port.ts';
import type { ImportOutcome } from '../model/index.ts';
import type { JobLensDB } from '../store/db.ts';
import { keepFailedImport, keepImportOutcome, markImportRunning, setUnseenImport, takeUnseenImport, type ImportRunning } from '../store/last-import.ts';
import { importExport, type ImportProgress } from '../store/repository.ts';

/**
 * The background's side of an import (messaging/import-port.ts): takes the file's text from
 * an extension page in pieces, runs the import (one transaction: all of it lands or none),
 * tells every connected page how far it is, and keeps the outcome until a page has shown it.
 * The page that started it may close at any time: once the text is here, the import goes
 * on; if the page closes while the text is still on its way, nothing is imported.
 *
 * The browser may stop the background itself mid-import (Chrome stops a service worker; a
 * reload stops it too): the transaction is undone, and this code runs no further. So an
 * import leaves a mark before it writes, dropped in the transaction that keeps its outcome;
 * the next background, finding a mark it did not write, says the import was interrupted.
 */

/** What the background sees of a runtime.Port; typed structurally so tests need no browser. */
export interface ImportPortLike {
  name: string;
  sender?: { url?: string };
  postMessage(message: ImportEvent): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ImportRunnerOptions {
  db: () => Promise<JobLensDB>;
  /** The start of every URL of the extension's own pages (runtime.getURL('/')). */
  pagesUrl: string;
  now?: () => Date;
  /** Tells this background's marks from those of one stopped before it; a new one per start. */
  runnerId?: string;
}

export interface ImportRunner {
  /** For runtime.onConnect: takes ports named IMPORT_PORT, leaves others alone. */
  connect(port: ImportPortLike): void;
  /** Settles when the import running now (if any) has ended and its outcome is kept. */
  settled(): Promise<void>;
}

type Running = Extract<ImportEvent, { type: 'progress' }>;

const BUSY = 'Another import is still running: wait for it to finish, then import this file.';
const INCOMPLETE = 'The file did not arrive whole (the popup closed while sending it?), so nothing was imported. Import it again.';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createImportRunner({ db, pagesUrl, now = () => new Date(), runnerId = crypto.randomUUID() }: ImportRunnerOptions): ImportRunner {
  const ports = new Set<ImportPortLike>();
  let running: Running | null = null;
  let current: Promise<void> = Promise.resolve();
  // Finished while no page was open to show it: kept here, and in the database when it can be.
  let unseen: ImportOutcome | null = null;

  const broadcast = (event: ImportEvent) => {
    for (const port of ports) port.postMessage(event);
  };

  /** A page showed this outcome: not kept any longer. */
  const forget = async (finishedAt: string) => {
    if (unseen?.finishedAt !== finishedAt) return;
    unseen = null;
    await setUnseenImport(await db(), null).catch(() => undefined);
  };

  // Kept until a page says it showed it: a popup closing as the import ends would otherwise
  // lose it on the way. An import that succeeded kept it in its own transaction.
  const finish = async (outcome: ImportOutcome, mark: ImportRunning, kept: boolean) => {
    running = null;
    unseen = outcome;
    broadcast({ type: 'finished', outcome });
    if (kept) return;
    try {
      await keepFailedImport(await db(), outcome, mark);
    } catch (error) {
      // Kept in memory only: a popup opened before the background stops still shows it.
      console.warn('JobLens: could not keep the import outcome', error);
    }
  };

  const run = async (fileName: string, text: string) => {
    running = { type: 'progress', fileName, phase: 'checking', done: 0, total: 0 };
    const mark: ImportRunning = { fileName, startedAt: now().toISOString(), by: runnerId };
    try {
      await markImportRunning(await db(), mark);
    } catch (error) {
      // Without it a background stopped mid-import leaves nothing to tell; the popup that
      // started the import still says it was interrupted (import-client.ts).
      console.warn('JobLens: could not mark the import as running', error);
    }
    const onProgress = (progress: ImportProgress) => {
      running = progress.phase === 'writing'
        ? { type: 'progress', fileName, phase: 'writing', done: progress.done, total: progress.total }
        : { type: 'progress', fileName, phase: 'checking', done: 0, total: 0 };
      broadcast(running);
    };
    const kept: { outcome?: ImportOutcome } = {};
    try {
      await importExport(await db(), text, onProgress, async (settings, result) => {
        // In the import's transaction: a background stopped once it commits leaves this outcome, not the mark.
        kept.outcome = { fileName, finishedAt: now().toISOString(), result, error: null };
        await keepImportOutcome(settings, kept.outcome, mark);
      });
    } catch (error) {
      await finish({ fileName, finishedAt: now().toISOString(), result: null, error: messageOf(error) }, mark, false);
      return;
    }
    if (kept.outcome) await finish(kept.outcome, mark, true);
  };

  const watch = async (port: ImportPortLike) => {
    if (running) return port.postMessage(running);
    const kept = unseen ?? (await takeUnseenImport(await db(), runnerId, now()).catch(() => null));
    // An import may have started or ended while the database was asked.
    if (running) return port.postMessage(running);
    if (!kept) return port.postMessage({ type: 'idle' });
    unseen = kept;
    port.postMessage({ type: 'finished', outcome: kept });
  };

  const connect = (port: ImportPortLike) => {
    if (port.name !== IMPORT_PORT) return;
    if (!port.sender?.url?.startsWith(pagesUrl)) {
      // A content script, on a job site's page: it may not import.
      port.disconnect();
      return;
    }
    ports.add(port);
    let pieces: string[] = [];
    let received = 0;
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      pieces = [];
    });
    port.onMessage.addListener((message) => {
      const request = ImportRequest.safeParse(message);
      if (!request.success) return port.postMessage({ type: 'refused', error: 'JobLens did not understand that import request.' });
      const { data } = request;
      if (data.type === 'watch') {
        void watch(port);
      } else if (data.type === 'seen') {
        void forget(data.finishedAt);
      } else if (data.type === 'piece') {
        received += data.text.length;
        if (received > MAX_IMPORT_BYTES) {
          pieces = [];
          return port.postMessage({ type: 'refused', error: tooLargeMessage(received) });
        }
        pieces.push(data.text);
      } else {
        const text = pieces.join('');
        pieces = [];
        received = 0;
        if (running) return port.postMessage({ type: 'refused', error: BUSY });
        if (text.length !== data.length) return port.postMessage({ type: 'refused', error: INCOMPLETE });
        port.postMessage({ type: 'accepted' });
        current = run(data.fileName, text);
      }
    });
  };

  return { connect, settled: () => current };
}
