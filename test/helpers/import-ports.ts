import type { ClientPort } from '../../src/extension/import-client.ts';
import type { ImportPortLike } from '../../src/extension/import-runner.ts';
import type { ImportEvent, ImportRequest } from '../../src/messaging/import-port.ts';

/**
 * Two ends of a runtime.Port, as the browser links a page and the background: each message
 * is copied (structuredClone, as extension messaging copies) and delivered on a later task;
 * closing one end tells the other, and nothing is delivered after.
 */
export interface PortPair {
  page: ClientPort & { disconnect(): void };
  background: ImportPortLike;
}

export function portPair(name: string, senderUrl: string): PortPair {
  const toPage = new Set<(message: unknown) => void>();
  const toBackground = new Set<(message: unknown) => void>();
  const pageGone = new Set<() => void>();
  const backgroundGone = new Set<() => void>();
  let open = true;
  const deliver = (listeners: Set<(message: unknown) => void>, message: unknown) => {
    const copy = structuredClone(message);
    setTimeout(() => {
      if (open) for (const listener of listeners) listener(copy);
    }, 0);
  };
  const close = (others: Set<() => void>) => {
    if (!open) return;
    open = false;
    setTimeout(() => others.forEach((listener) => listener()), 0);
  };
  return {
    page: {
      postMessage: (message: ImportRequest) => deliver(toBackground, message),
      onMessage: { addListener: (listener) => toPage.add(listener) },
      onDisconnect: { addListener: (listener) => pageGone.add(listener) },
      disconnect: () => close(backgroundGone),
    },
    background: {
      name,
      sender: { url: senderUrl },
      postMessage: (message: ImportEvent) => deliver(toPage, message),
      onMessage: { addListener: (listener) => toBackground.add(listener) },
      onDisconnect: { addListener: (listener) => backgroundGone.add(listener) },
      disconnect: () => close(pageGone),
    },
  };
}

export const PAGES_URL = 'chrome-extension://joblens-test/';
export const POPUP_URL = `${PAGES_URL}popup.html`;
