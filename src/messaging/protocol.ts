import { z } from 'zod/mini';
import { FieldChange, Posting, RawPosting, SavedPatch, SavedPosting } from '../model/index.ts';

/**
 * Every message the background answers: name -> request payload and response data.
 * Request payloads are strict objects, so a misspelt or extra field is refused rather
 * than silently dropped.
 *
 * These are what the content scripts (the page reader and the panel) need, and no more:
 * the extension's own pages open the database themselves (src/extension/database.ts), so a
 * content script, which runs among a job site's pages, cannot ask for the whole list, an
 * export, an import or a deletion.
 */
const PostingId = z.string().check(z.minLength(1));

export const protocol = {
  /**
   * What the content script read from the page, interpreted by the background: the parsers
   * run there, so the content script injected into every posting page stays small.
   */
  'posting.annotate': {
    request: z.strictObject({ raw: RawPosting }),
    response: z.object({ posting: Posting }),
  },
  /**
   * The small script declared on the boards' pages (entrypoints/board.content) asks for the
   * page reader. The background runs it in the sender's own tab and frame when the sender's
   * URL may hold a posting (mayHoldPosting, src/sites/registry.ts), and says whether it did.
   * Tab, frame and URL are the sender's, never the payload's.
   */
  'reader.inject': {
    request: z.strictObject({}),
    response: z.object({ injected: z.boolean() }),
  },
  /**
   * The page reader has something to show: the background runs the overlay script in the
   * sender's own tab and frame, taken from the sender and never from the payload. The panel
   * is a separate script so the reader, declared on every board page, stays small.
   */
  'overlay.inject': {
    request: z.strictObject({}),
    response: z.object({}),
  },
  /** Saves or refreshes a posting; `changes` is what this read found changed since the stored one. */
  'posting.save': {
    request: z.strictObject({ posting: Posting }),
    response: z.object({ saved: SavedPosting, changes: z.array(FieldChange) }),
  },
  'posting.status': {
    request: z.strictObject({ id: PostingId }),
    response: z.object({ saved: z.nullable(SavedPosting) }),
  },
  /** The user's part: status (with history), notes, tags, rating, corrections (the whole set). */
  'saved.update': {
    request: z.strictObject({ id: PostingId, patch: SavedPatch }),
    response: z.object({ saved: SavedPosting }),
  },
  /**
   * The page reader found a posting's page gone or saying it is closed. Marks it closed if
   * it is saved (the record is kept); a posting that is not saved is left alone, quietly.
   */
  'posting.seenClosed': {
    request: z.strictObject({ id: PostingId, evidence: z.string().check(z.maxLength(2000)) }),
    response: z.object({ marked: z.boolean() }),
  },
  'saved.markClosed': {
    request: z.strictObject({ id: PostingId, closed: z.boolean() }),
    response: z.object({ saved: SavedPosting }),
  },
} as const;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestPayload<T extends MessageType> = z.input<Protocol[T]['request']>;
export type ResponseData<T extends MessageType> = z.output<Protocol[T]['response']>;

export const MESSAGE_TYPES = Object.keys(protocol) as MessageType[];

export function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(protocol, type);
}

/** What travels from a sender to the background. */
export const Envelope = z.strictObject({
  type: z.string(),
  payload: z.unknown(),
});
export type Envelope = z.infer<typeof Envelope>;

export interface Message<T extends MessageType> {
  type: T;
  payload: RequestPayload<T>;
}

export type Response<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export const Failure = z.object({ ok: z.literal(false), error: z.string() });

/** The response schema for one message type: its data on success, or the background's error. */
export function responseSchema<T extends MessageType>(type: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data: protocol[type].response }),
    Failure,
  ]);
}
