import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';
import type { MessageType, RequestPayload } from './protocol.ts';
import { askWithRetry } from './retry.ts';

/*
 * The page reader's client: the two messages it sends, and only what it uses of the
 * answers checked. The full client (client.ts) validates every response against the
 * protocol's schemas, which would put the Posting and SavedPosting schemas into the script
 * declared on every board page. The background still validates each request strictly, and
 * the overlay validates the whole Posting before it renders it.
 */

// The answers' schemas are built when the first message is sent, not when the reader loads
// (src/model/lazy.ts): most pages the reader is declared on never send one.

/** What the reader needs of an annotated posting: which one it is (the rest goes to the overlay as is). */
const postingHeadSchema = lazy(() => z.looseObject({ id: z.string(), title: z.string() }));
export type PostingHead = z.infer<ReturnType<typeof postingHeadSchema>>;

const failureSchema = lazy(() => z.object({ ok: z.literal(false), error: z.string() }));
const annotateAnswerSchema = lazy(() =>
  z.union([z.object({ ok: z.literal(true), data: z.object({ posting: postingHeadSchema() }) }), failureSchema()]),
);
const injectAnswerSchema = lazy(() => z.union([z.object({ ok: z.literal(true) }), failureSchema()]));

async function ask<T extends MessageType, A extends { ok: true } | { ok: false; error: string }>(
  type: T,
  payload: RequestPayload<T>,
  answer: () => z.ZodMiniType<A>,
): Promise<Extract<A, { ok: true }>> {
  // A background stopped mid-message is asked once more (src/messaging/retry.ts).
  const raw = await askWithRetry(() => browser.runtime.sendMessage({ type, payload }));
  const parsed = answer().safeParse(raw);
  if (!parsed.success) throw new Error(`JobLens: unexpected answer to ${type}.`);
  if (!parsed.data.ok) throw new Error((parsed.data as { error: string }).error);
  return parsed.data as Extract<A, { ok: true }>;
}

/**
 * The background's reading of what was read from the page. The posting is returned whole
 * (for the overlay to validate), typed only as far as it was checked here.
 */
export async function annotatePosting(raw: RequestPayload<'posting.annotate'>['raw']): Promise<PostingHead> {
  return (await ask('posting.annotate', { raw }, annotateAnswerSchema)).data.posting;
}

/** Asks the background to run the overlay script in this tab and frame. */
export async function requestOverlay(): Promise<void> {
  await ask('overlay.inject', {}, injectAnswerSchema);
}

const closedAnswerSchema = lazy(() =>
  z.union([z.object({ ok: z.literal(true), data: z.object({ marked: z.boolean() }) }), failureSchema()]),
);

/** The page says this posting is closed; the background marks it closed if it is saved. Resolves to whether it was. */
export async function reportClosed(id: string, evidence: string): Promise<boolean> {
  return (await ask('posting.seenClosed', { id, evidence }, closedAnswerSchema)).data.marked;
}
