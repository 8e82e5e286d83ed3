import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ASK_TIMINGS, BackgroundUnanswered, askWithRetry } from '../../src/messaging/retry.ts';

const CLOSED = new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('asking a background that may have stopped', () => {
  it('answers at once when the background answers', async () => {
    const send = vi.fn(async () => ({ ok: true }));
    await expect(askWithRetry(send)).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledOnce();
  });

  it('asks once more, after the retry delay, when the worker stopped before answering; the second answer counts', async () => {
    const send = vi.fn().mockRejectedValueOnce(CLOSED).mockResolvedValueOnce({ ok: true });
    const answer = askWithRetry(send);
    await vi.advanceTimersByTimeAsync(ASK_TIMINGS.retryDelayMs - 1);
    expect(send).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ ok: true });
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('an empty answer (no listener answered) is asked again too', async () => {
    const send = vi.fn().mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true });
    const answer = askWithRetry(send);
    await vi.runAllTimersAsync();
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('two failures in a row reject, in plain words, with the cause kept', async () => {
    const send = vi.fn().mockRejectedValue(CLOSED);
    const answer = askWithRetry(send).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = (await answer) as BackgroundUnanswered;
    expect(error).toBeInstanceOf(BackgroundUnanswered);
    expect(error.message).toBe("JobLens's background stopped before it answered, and gave no answer when asked again.");
    expect(error.cause).toBe(CLOSED);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a silent background times out after 5 s and is not asked twice', async () => {
    const send = vi.fn(() => new Promise<unknown>(() => undefined));
    const answer = askWithRetry(send).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(ASK_TIMINGS.timeoutMs - 1);
    expect(send).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(1);
    expect(((await answer) as Error).message).toBe("JobLens's background gave no answer within 5 seconds.");
    await vi.runAllTimersAsync();
    expect(send).toHaveBeenCalledOnce();
  });

  it('an answer that comes just before the time-out counts', async () => {
    const send = vi.fn(() => new Promise<unknown>((resolve) => setTimeout(() => resolve({ ok: true }), ASK_TIMINGS.timeoutMs - 10)));
    const answer = askWithRetry(send);
    await vi.advanceTimersByTimeAsync(ASK_TIMINGS.timeoutMs);
    await expect(answer).resolves.toEqual({ ok: true });
  });

  it('a reloaded extension is not asked again: the page must be reloaded, and the user is told so', async () => {
    const send = vi.fn().mockRejectedValue(new Error('Extension context invalidated.'));
    const answer = askWithRetry(send).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(((await answer) as Error).message).toBe('JobLens was reloaded or updated since this page opened. Reload the page to use it here.');
    expect(send).toHaveBeenCalledOnce();
  });
});
