import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { askWithRetry } from './retry.ts';
import { protocol, responseSchema, type MessageType, type RequestPayload, type ResponseData } from './protocol.ts';

/**
 * Asks the background, typed from the protocol map. The request is checked before it
 * leaves, the response is validated when it arrives, and a refusal from the background
 * becomes an Error carrying the background's own message. No answer at all, after one more
 * try, is a BackgroundUnanswered error whose message says so in plain words.
 */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestPayload<T>): Promise<ResponseData<T>> {
  const request = protocol[type].request.safeParse(payload);
  if (!request.success) {
    throw new Error(`JobLens: refusing to send an invalid ${type} request: ${z.prettifyError(request.error)}`);
  }
  // Every message is idempotent by posting id: one that went unanswered (a worker stopped
  // while handling it) is sent once more before the caller hears of it (src/messaging/retry.ts).
  const raw = await askWithRetry(() => browser.runtime.sendMessage({ type, payload: request.data }));
  const response = responseSchema(type).safeParse(raw);
  if (!response.success) {
    throw new Error(`JobLens: unexpected answer to ${type}: ${z.prettifyError(response.error)}`);
  }
  if (!response.data.ok) throw new Error(response.data.error);
  return response.data.data as ResponseData<T>;
}
