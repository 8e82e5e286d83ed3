/*
 * Asking the background when it may not be there. An MV3 background is a service worker:
 * Chrome stops it when idle, after an update, or when it misbehaves, and a message it was
 * handling then is never answered (runtime.sendMessage rejects: "the message channel closed
 * before a response was received"). The next message starts it again. Every message the
 * content scripts send is idempotent by posting id (annotate, status, save, a patch of the
 * user's fields, closed), so a message that went unanswered is sent once more, after a
 * moment; a second failure is the user's to hear about.
 *
 * No imports: this is bundled into the page reader, which every board page may load.
 */

/** The background never answered (stopped, gone, or silent past the time-out). */
export class BackgroundUnanswered extends Error {
  override readonly name = 'BackgroundUnanswered';
}

export interface AskTimings {
  /** How long one attempt waits for an answer before it counts as unanswered. */
  timeoutMs: number;
  /** The wait before the one retry, so a stopped worker has been started again by then. */
  retryDelayMs: number;
}

/**
 * The background answers in a few milliseconds (annotating the slowest fixture takes 4 ms;
 * a stopped worker starts again in about 100 ms), so five seconds of silence means it is not
 * going to answer.
 */
export const ASK_TIMINGS: AskTimings = { timeoutMs: 5_000, retryDelayMs: 300 };

type Timers = { setTimeout: (fn: () => void, ms: number) => unknown; clearTimeout: (id: unknown) => void };
const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (id) => globalThis.clearTimeout(id as ReturnType<typeof setTimeout>),
};

/** The extension itself was reloaded or updated: this page's scripts can no longer reach it, however often they try. */
function isContextGone(error: unknown): boolean {
  return error instanceof Error && /context invalidated/i.test(error.message);
}

/** What the user is told when the background could not be reached, in plain words. */
function unansweredMessage(cause: unknown, timeoutMs: number): string {
  if (isContextGone(cause)) return 'JobLens was reloaded or updated since this page opened. Reload the page to use it here.';
  if (cause === 'timeout') return `JobLens's background gave no answer within ${Math.round(timeoutMs / 1000)} seconds.`;
  return "JobLens's background stopped before it answered, and gave no answer when asked again.";
}

/**
 * Sends with `send` (one runtime.sendMessage) and resolves to the answer. A rejection or an
 * empty answer (no listener answered) is tried once more after `retryDelayMs`; a time-out is
 * not, since a background that is running but silent would keep the user waiting twice as
 * long for the same news. Rejects with BackgroundUnanswered when no answer came.
 */
export async function askWithRetry(send: () => Promise<unknown>, timings: AskTimings = ASK_TIMINGS, timers: Timers = realTimers): Promise<unknown> {
  let lastCause: unknown = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (attempt > 0) await new Promise<void>((resolve) => timers.setTimeout(resolve, timings.retryDelayMs));
    let timer: unknown;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = timers.setTimeout(() => resolve('timeout'), timings.timeoutMs);
    });
    const outcome = await Promise.race([
      send().then(
        (answer) => ({ answer }),
        (error: unknown) => ({ error }),
      ),
      timedOut,
    ]);
    timers.clearTimeout(timer);
    if (outcome === 'timeout') throw new BackgroundUnanswered(unansweredMessage('timeout', timings.timeoutMs), { cause: 'timeout' });
    if ('answer' in outcome && outcome.answer !== undefined) return outcome.answer;
    lastCause = 'error' in outcome ? outcome.error : 'no answer';
    if (isContextGone(lastCause)) break;
  }
  throw new BackgroundUnanswered(unansweredMessage(lastCause, timings.timeoutMs), { cause: lastCause });
}
