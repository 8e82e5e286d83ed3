// Talking to the extension's service worker through the DevTools protocol: Playwright opens
// CDP sessions on pages only, so the worker is reached with Target.attachToTarget and
// messages relayed through the browser session (as test/e2e/browser.ts drives the popup).
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface TargetSession {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  detach(): Promise<void>;
}

export async function attachToServiceWorker(context: BrowserContext, extensionId: string): Promise<TargetSession> {
  const browser = context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
  if (!worker) throw new Error('the extension has no running service worker');
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
    if (event.sessionId && event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (reply.id === undefined) return;
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.error) waiter?.reject(new Error(reply.error.message));
    else waiter?.resolve(reply.result);
  });
  return {
    send: async <T>(method: string, params: Record<string, unknown> = {}) => {
      const id = nextId++;
      const done = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }));
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return (await done) as T;
    },
    detach: () => cdp.detach().catch(() => undefined),
  };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took most time in a CPU profile, inclusive of what they called, in ms. */
export function topFunctions(profile: CpuProfile, count = 12, urlPart = ''): Array<{ name: string; ms: number; selfMs: number }> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`;
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let node = byId.get(profile.samples[i]!);
    if (!node) continue;
    self.set(key(node), (self.get(key(node)) ?? 0) + dt);
    const seen = new Set<string>();
    while (node) {
      const k = key(node);
      if (!seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
      const up = parent.get(node.id);
      node = up === undefined ? undefined : byId.get(up);
    }
  }
  return [...inclusive]
    .filter(([k]) => k.includes(urlPart) && !k.startsWith('(root)') && !k.startsWith('(program)') && !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms, selfMs: self.get(name) ?? 0 }));
}
