import { ImportEvent, IMPORT_PIECE_CHARS, IMPORT_PORT, type ImportRequest } from '../messaging/import-port.ts';

/**
 * The popup's side of an import in the background (messaging/import-port.ts): one port per
 * popup, opened on first use. The file's text goes over it in pieces; what the background
 * says (progress, the outcome, refusals) comes back on it, checked against the schema.
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

export function importClient(connect: (name: string) => ClientPort): ImportClient {
  let port: ClientPort | null = null;
  const listeners = new Set<(event: ImportEvent) => void>();
  let pending: { resolve(): void; reject(error: Error): void } | null = null;

  const settle = (error?: Error) => {
    const waiting = pending;
    pending = null;
    if (error) waiting?.reject(error);
    else waiting?.resolve();
  };

  const open = (): ClientPort => {
    if (port) return port;
    const opened = connect(IMPORT_PORT);
    opened.onMessage.addListener((message) => {
      const parsed = ImportEvent.safeParse(message);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.type === 'refused') return settle(new Error(event.error));
      if (event.type === 'accepted') return settle();
      for (const listener of listeners) listener(event);
      // Shown (the listeners put it on screen): the background need not keep it for the next popup.
      if (event.type === 'finished' && listeners.size > 0) opened.postMessage({ type: 'seen', finishedAt: event.outcome.finishedAt });
    });
    opened.onDisconnect.addListener(() => {
      port = null;
      settle(new Error(GONE));
    });
    port = opened;
    return opened;
  };

  return {
    importFile: (fileName, text) =>
      new Promise<void>((resolve, reject) => {
        settle(new Error('A newer import was started.'));
        pending = { resolve, reject };
        const target = open();
        for (let at = 0; at < text.length; at += IMPORT_PIECE_CHARS) {
          target.postMessage({ type: 'piece', text: text.slice(at, at + IMPORT_PIECE_CHARS) });
        }
        target.postMessage({ type: 'start', fileName, length: text.length });
      }),
    watchImport: (listener) => {
      listeners.add(listener);
      open().postMessage({ type: 'watch' });
      return () => listeners.delete(listener);
    },
  };
}
