import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { protocol, responseSchema, type MessageType, type RequestPayload, type ResponseData } from './protocol.ts';

/**
 * Asks the background, typed from the protocol map. The request is checked before it
 * leaves, the response is validated when it arrives, and a refusal from the background
 * becomes an Error carrying the background's own message.
 */
export async function sendMessage<T extends MessageType>(type: T, payload: RequestPayload<T>): Promise<ResponseData<T>> {
  const request = protocol[type].request.safeParse(payload);
  if (!request.success) {
    throw new Error(`JobLens: refusing to send an invalid ${type} request: ${z.prettifyError(request.error)}`);
  }
  const raw: unknown = await browser.runtime.sendMessage({ type, payload: request.data });
  if (raw === undefined) throw new Error(`JobLens: no answer from the background to ${type}.`);
  const response = responseSchema(type).safeParse(raw);
  if (!response.success) {
    throw new Error(`JobLens: unexpected answer to ${type}: ${z.prettifyError(response.error)}`);
  }
  if (!response.data.ok) throw new Error(response.data.error);
  return response.data.data as ResponseData<T>;
}
