import { z } from 'zod/mini';
import { ExportFile, Posting, RawPosting, SavedPosting } from '../model/index.ts';

/**
 * Every message the background answers: name -> request payload and response data.
 * Request payloads are strict objects, so a misspelt or extra field is refused rather
 * than silently dropped.
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
  'posting.save': {
    request: z.strictObject({ posting: Posting }),
    response: z.object({ saved: SavedPosting }),
  },
  'posting.status': {
    request: z.strictObject({ id: PostingId }),
    response: z.object({ saved: z.nullable(SavedPosting) }),
  },
  'saved.list': {
    request: z.strictObject({}),
    response: z.object({ postings: z.array(SavedPosting) }),
  },
  'saved.delete': {
    request: z.strictObject({ id: PostingId }),
    response: z.object({ deleted: z.nullable(SavedPosting) }),
  },
  'saved.restore': {
    request: z.strictObject({ posting: SavedPosting }),
    response: z.object({ saved: SavedPosting }),
  },
  'saved.export': {
    request: z.strictObject({}),
    response: z.object({ file: ExportFile }),
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
