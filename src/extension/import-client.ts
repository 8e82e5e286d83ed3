import { interruptedImport } from '../model/index.ts';
import { ImportEvent, IMPORT_PIECE_CHARS, IMPORT_PORT, type ImportRequest } from '../messaging/import-port.ts';

/**
 * The popup's side of an import in the background (messaging/import-port.ts): one port per
 * popup, opened on first use. The file's text goes over it in pieces; what the background
 * says (progress, the outcome, refusals) comes back on it, checked against the schema.
 *
 * The port closes when the background stops (Chrome stops an idle service worker; the
 * browser may stop a busy one). With no import under way that is nothing to tell: the next
 * use opens a new port. With one under way, its outcome would never come, so the popup
 * connects again (starting a fresh background) and asks what became of it: the outcome, if
 * it was kept before the stop; else that it was interrupted, and nothing was imported. A
 * text cut off on its way, which the fresh background knows nothing of, is sent to it once
 * more: the popup still has it, and nothing of it was written.
 */

/** What the popup sees of a runtime.Port. */
export interface ClientPort {
  postMessage(message: ImportRequest): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface ImportClient {
  /**
   * Hands the file's text to the background. Resolves once the background has taken it
   * (from then on closing the popup does not stop it); how it goes comes to watchImport's
   * listeners. Rejects with the background's reason when it is refused.
   */
  importFile(fileName: string, text: string): Promise<void>;
  /** Tells `listener` what is going on now and each change after; returns the way to stop. */
  watchImport(listener: (event: ImportEvent) => void): () => void;
}

const GONE = 'JobLens stopped before the import began, so nothing was imported. Import the file again.';

export function importClient(connect: (name: string) => ClientPort, now: () => Date = () => new Date()): ImportClient {
  let port: ClientPort | null = null;
  const listeners = new Set<(event: ImportEvent) => void>();
  let pending: { fileName: string; text: string; sentAgain: boolean; resolve(): void; reject(error: Error): void } | null = null;
  // The import this popup knows to be running in the background (it handed it over, or heard
  // its progress): its outcome has not arrived.
  let underWay: string | null = null;
  // The port closed while that import was under way: the next answer to `watch` says what became of it.
  let asking: string | null = null;

  const settle = (error?: Error) => {
    const waiting = pending;
    pending = null;
    if (error) waiting?.reject(error);
    else waiting?.resolve();
  };

  const tell = (event: ImportEvent, from: ClientPort | null) => {
    if (event.type === 'progress') underWay = event.fileName;
    else underWay = null;
    for (const listener of listeners) listener(event);
    // Shown (the listeners put it on screen): the background need not keep it for the next popup.
    if (event.type === 'finished' && listeners.size > 0) from?.postMessage({ type: 'seen', finishedAt: event.outcome.finishedAt });
  };

  /** Nothing is left to ask: the import cut off is said to be interrupted (nothing was written), or the text was never taken. */
  const interrupted = (fileName: string) => {
    asking = null;
    if (pending) return settle(new Error(GONE));
    tell({ type: 'finished', outcome: interruptedImport(fileName, now()) }, null);
  };

  const send = (target: ClientPort, fileName: string, text: string) => {
    for (let at = 0; at < text.length; at += IMPORT_PIECE_CHARS) {
      target.postMessage({ type: 'piece', text: text.slice(at, at + IMPORT_PIECE_CHARS) });
    }
    target.postMessage({ type: 'start', fileName, length: text.length });
  };

  /** The fresh background's answer about the import the last port was cut from. */
  const answer = (cut: string, event: ImportEvent, from: ClientPort) => {
    asking = null;
    if (event.type === 'idle' && pending && !pending.sentAgain) {
      // The text never became an import: it goes to this background instead (once: a second cut is said).
      pending.sentAgain = true;
      return send(from, pending.fileName, pending.text);
    }
    if (event.type === 'idle') return interrupted(cut);
    // 'finished': the outcome kept before the stop, or the background's word that it was interrupted.
    // 'progress': another import, begun since; this popup's text went to the background that stopped.
    if (event.type === 'finished') settle();
    else if (event.type === 'progress') settle(new Error(GONE));
    tell(event, from);
  };

  const open = (): ClientPort => {
    if (port) return port;
    const opened = connect(IMPORT_PORT);
    opened.onMessage.addListener((message) => {
      const parsed = ImportEvent.safeParse(message);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === 'refused') return settle(new Error(event.error));
      if (event.type === 'accepted') {
        underWay = pending?.fileName ?? underWay;
        return settle();
      }
      if (asking !== null) return answer(asking, event, opened);
      tell(event, opened);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      const cut = pending?.fileName ?? asking ?? underWay;
      // Idle: the background stopped with nothing of this popup's to finish.
      if (cut === null) return;
      // The background asked also stopped before it answered: no second try.
      if (asking !== null) return interrupted(cut);
      asking = cut;
      try {
        open().postMessage({ type: 'watch' });
      } catch {
        // The extension was reloaded or removed: there is no background to ask.
        interrupted(cut);
      }
    });
    port = opened;
    return opened;
  };

  return {
    importFile: (fileName, text) =>
      new Promise<void>((resolve, reject) => {
        settle(new Error('A newer import was started.'));
        pending = { fileName, text, sentAgain: false, resolve, reject };
        send(open(), fileName, text);
      }),
    watchImport: (listener) => {
      listeners.add(listener);
      open().postMessage({ type: 'watch' });
      return () => listeners.delete(listener);
    },
  };
}
