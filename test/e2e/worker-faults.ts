import type { CDPSession } from 'playwright-core';
import type { Launched } from './browser.ts';

/**
 * The extension's service worker, driven through the DevTools protocol: run code in it, pause
 * it at a chosen step of a message (a `debugger` statement, with the debugger on), and stop it
 * there, as Chrome does to an idle or misbehaving worker. A worker stopped while paused never
 * runs another line: what it had not committed is gone, and what it had not answered is never
 * answered. The next message starts a fresh worker, as in real use.
 */
export interface WorkerFaults {
  /** Runs `expression` in the running worker (waiting up to 10 s for one); resolves to its value. */
  evaluate(expression: string): Promise<unknown>;
  /**
   * Arms the current worker to pause at `step` of the next message of `type` it handles.
   * Resolves once armed, to `paused`, which resolves once the worker has paused there (or
   * rejects after `timeoutMs`): arm, make the user's move, await `paused`, stop.
   */
  pauseAt(step: WorkerStep, type: string, timeoutMs?: number): Promise<{ paused: Promise<void> }>;
  /**
   * Arms the current worker to pause as it writes the `nth` posting of its next write to the
   * postings store (an import's, which comes over a port, not as a message): inside the
   * import's one transaction, before it commits. Resolves as pauseAt does.
   */
  pauseAtPostingWrite(nth: number, timeoutMs?: number): Promise<{ paused: Promise<void> }>;
  /** Stops the extension's service worker, paused or not (Target.closeTarget on its target), and waits until it is gone. */
  stop(): Promise<void>;
  detach(): Promise<void>;
}

/**
 * Where in handling a message the worker is stopped:
 * - `received`: the message reached the worker's listener; nothing written yet;
 * - `writing`: inside the database write (an object store's put), before it commits;
 * - `committed`: the write has committed; the answer has not been sent.
 */
export type WorkerStep = 'received' | 'writing' | 'committed';

interface Target {
  targetId: string;
  type: string;
  url: string;
}

export async function workerFaults(launched: Launched): Promise<WorkerFaults> {
  const browser = launched.context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const workerUrl = `chrome-extension://${launched.extensionId}/background.js`;

  // One non-flattened session per worker instance (as browser.ts drives the popup).
  let session: { targetId: string; sessionId: string } | null = null;
  let nextId = 1;
  const replies = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const pauseListeners = new Set<() => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== session?.sessionId) return;
    const message = JSON.parse(event.message) as {
      id?: number;
      method?: string;
      result?: { result?: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      error?: { message: string };
    };
    if (message.method === 'Debugger.paused') for (const listener of [...pauseListeners]) listener();
    if (message.id === undefined) return;
    const reply = replies.get(message.id);
    replies.delete(message.id);
    if (!reply) return;
    const thrown = message.result?.exceptionDetails;
    if (message.error) reply.reject(new Error(message.error.message));
    else if (thrown) reply.reject(new Error(thrown.exception?.description ?? thrown.text));
    else reply.resolve(message.result?.result?.value);
  });
  cdp.on('Target.detachedFromTarget', (event: { sessionId: string }) => {
    if (event.sessionId === session?.sessionId) session = null;
  });

  const targets = async () => ((await cdp.send('Target.getTargets', { filter: [{}] })).targetInfos as Target[]).filter((t) => t.url === workerUrl);

  /** The running worker's session; a stopped worker is started by opening an extension page's message to it. */
  const attach = async () => {
    for (let i = 0; i < 100; i++) {
      const target = (await targets()).find((t) => t.type === 'service_worker');
      if (target && session?.targetId === target.targetId) return session;
      if (target) {
        const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as { sessionId: string };
        session = { targetId: target.targetId, sessionId };
        await send('Runtime.enable', {});
        return session;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the extension has no running service worker');
  };

  const send = async (method: string, params: Record<string, unknown>): Promise<unknown> => {
    if (!session) throw new Error('not attached to the worker');
    const id = nextId++;
    const done = new Promise<unknown>((resolve, reject) => replies.set(id, { resolve, reject }));
    await cdp.send('Target.sendMessageToTarget', { sessionId: session.sessionId, message: JSON.stringify({ id, method, params }) });
    return done;
  };

  const evaluate = async (expression: string) => {
    await attach();
    return send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
  };

  // Each trap is armed once and disarms itself the first time it fires.
  const traps: Record<WorkerStep, (type: string) => string> = {
    received: (type) => `(() => {
      const listener = (message) => {
        if (message?.type !== ${JSON.stringify(type)}) return;
        chrome.runtime.onMessage.removeListener(listener);
        debugger;
      };
      chrome.runtime.onMessage.addListener(listener);
    })()`,
    writing: (type) => `(() => {
      let armed = false;
      chrome.runtime.onMessage.addListener(function arm(message) {
        if (message?.type !== ${JSON.stringify(type)}) return;
        chrome.runtime.onMessage.removeListener(arm);
        armed = true;
      });
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (...args) {
        if (armed) {
          armed = false;
          debugger;
        }
        return put.apply(this, args);
      };
    })()`,
    // The listener goes on the native transaction before idb wraps it, so it runs before the
    // handler's continuation can send the answer.
    committed: (type) => `(() => {
      let armed = false;
      chrome.runtime.onMessage.addListener(function arm(message) {
        if (message?.type !== ${JSON.stringify(type)}) return;
        chrome.runtime.onMessage.removeListener(arm);
        armed = true;
      });
      const transaction = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (...args) {
        const tx = transaction.apply(this, args);
        if (armed && tx.mode === 'readwrite') {
          armed = false;
          tx.addEventListener('complete', () => {
            debugger;
          });
        }
        return tx;
      };
    })()`,
  };

  /** Turns the debugger on, runs `trap` (which reaches a `debugger` statement some time later), and says when it has paused there. */
  const arm = async (trap: string, what: string, timeoutMs: number) => {
    await attach();
    await send('Debugger.enable', {});
    let onPause!: () => void;
    const paused = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        pauseListeners.delete(onPause);
        reject(new Error(`the worker did not reach ${what} in ${timeoutMs} ms`));
      }, timeoutMs);
      onPause = () => {
        clearTimeout(timer);
        pauseListeners.delete(onPause);
        resolve();
      };
      pauseListeners.add(onPause);
    });
    paused.catch(() => undefined);
    await send('Runtime.evaluate', { expression: trap, returnByValue: true });
    return { paused };
  };

  return {
    evaluate,
    pauseAt: (step, type, timeoutMs = 15_000) => arm(traps[step](type), `"${step}" of ${type}`, timeoutMs),
    pauseAtPostingWrite: (nth, timeoutMs = 30_000) =>
      arm(
        `(() => {
          let puts = 0;
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (...args) {
            if (this.name === 'postings' && ++puts === ${nth}) debugger;
            return put.apply(this, args);
          };
        })()`,
        `the write of posting ${nth}`,
        timeoutMs,
      ),
    async stop() {
      const running = (await targets()).filter((t) => t.type === 'service_worker');
      for (const target of running) await cdp.send('Target.closeTarget', { targetId: target.targetId }).catch(() => undefined);
      session = null;
      // The closed worker leaves the list; the next message starts a new one.
      for (let i = 0; i < 50 && (await targets()).some((t) => t.type === 'service_worker'); i++) await new Promise((r) => setTimeout(r, 100));
    },
    async detach() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
