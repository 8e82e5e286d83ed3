import { z } from 'zod/mini';
import { ExportFile, FieldChange, Posting, RawPosting, SavedPatch, SavedPosting, Settings } from '../model/index.ts';

/**
 * Every message the background answers: name -> request payload and response data.
 * Request payloads are strict objects, so a misspelt or extra field is refused rather
 * than silently dropped.
 */
const PostingId = z.string().check(z.minLength(1));
/** A selection of saved postings; absent means all of them. */
const Selection = z.strictObject({ ids: z.optional(z.array(PostingId)) });

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
  /** The posting's page is gone or says it is closed (or is back); the record is kept. */
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
  /** All or nothing; the deleted records come back for undo (restore each with saved.restore). */
  'saved.deleteMany': {
    request: z.strictObject({ ids: z.array(PostingId) }),
    response: z.object({ deleted: z.array(SavedPosting) }),
  },
  'saved.export': {
    request: Selection,
    response: z.object({ file: ExportFile }),
  },
  'saved.exportCsv': {
    request: Selection,
    response: z.object({ csv: z.string() }),
  },
  /** The text of an export file; a refusal's error says which record and field is wrong. */
  'saved.import': {
    // No bound of its own: the import checks the size first, before any parsing, and says it in
    // words (MAX_IMPORT_BYTES, src/io/import-json.ts). A second, smaller bound here answered a
    // file between the two, which the popup lets through, with zod's "Invalid input".
    request: z.strictObject({ text: z.string() }),
    response: z.object({
      added: z.int().check(z.nonnegative()),
      updated: z.int().check(z.nonnegative()),
      unchanged: z.int().check(z.nonnegative()),
    }),
  },
  'settings.get': {
    request: z.strictObject({}),
    response: z.object({ settings: Settings }),
  },
  'settings.set': {
    request: z.strictObject({ settings: Settings }),
    response: z.object({ settings: Settings }),
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
