import { z } from 'zod/mini';
import { annotate } from '../annotate.ts';
import { clipRawPosting } from '../model/text-limit.ts';
import { DatabaseUnavailableError, lazyDatabase, type JobLensDB } from '../store/db.ts';
import { StorageFullError, getSaved, markClosed, savePosting, updateSaved } from '../store/repository.ts';
import { Envelope, isMessageType, protocol, type MessageType, type Protocol, type Response, type ResponseData } from './protocol.ts';

/**
 * Who sent a message, as runtime.onMessage reports it: a content script's tab and frame,
 * or nothing for the extension's own pages. Typed structurally, so tests need no browser.
 */
export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
  /** The sending frame's URL. */
  url?: string;
}

/** What the background can do beyond the database; entrypoints/background.ts supplies it. */
export interface BackgroundServices {
  /** Runs the overlay script in one frame of one tab. */
  injectOverlay(target: { tabId: number; frameId: number }): Promise<void>;
  /** Runs the page reader in one frame of one tab when its URL may hold a posting; true when it did. */
  injectReader(target: { tabId: number; frameId: number; url: string }): Promise<boolean>;
}

export type Handler = (message: unknown, sender?: MessageSender) => Promise<Response>;

type RequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
/** The database, asked for by the handlers that use it, so a message that needs none never opens it. */
type Database = () => Promise<JobLensDB>;
interface Context {
  db: Database;
  sender: MessageSender | undefined;
  services: Partial<BackgroundServices>;
}
type Handlers = { [T in MessageType]: (context: Context, request: RequestOf<T>) => Promise<ResponseData<T>> };

const handlers: Handlers = {
  // No database here: a posting is read and shown even when the database cannot be opened.
  // The reader sends at most 200 KB of text; one that sends more (an older copy, a bug) is read as far as that too.
  'posting.annotate': async (_context, { raw }) => ({ posting: annotate(clipRawPosting(raw).raw) }),
  // The target is the sender itself: a page cannot name another tab, frame or URL.
  'reader.inject': async ({ sender, services }) => {
    const tabId = sender?.tab?.id;
    const frameId = sender?.frameId;
    const url = sender?.url;
    if (tabId === undefined || frameId === undefined || !url) throw new Error('JobLens reads only a page that asks for it.');
    if (!services.injectReader) throw new Error('JobLens cannot read pages from here.');
    return { injected: await services.injectReader({ tabId, frameId, url }) };
  },
  // The target is the sender itself: a page cannot name another tab or frame.
  'overlay.inject': async ({ sender, services }) => {
    const tabId = sender?.tab?.id;
    const frameId = sender?.frameId;
    if (tabId === undefined || frameId === undefined) throw new Error('JobLens shows its panel only in a page that asks for it.');
    if (!services.injectOverlay) throw new Error('JobLens cannot show its panel from here.');
    await services.injectOverlay({ tabId, frameId });
    return {};
  },
  'posting.save': async ({ db }, { posting }) => savePosting(await db(), posting),
  'posting.status': async ({ db }, { id }) => ({ saved: await getSaved(await db(), id) }),
  'saved.update': async ({ db }, { id, patch }) => ({ saved: await updateSaved(await db(), id, patch) }),
  'saved.markClosed': async ({ db }, { id, closed }) => ({ saved: await markClosed(await db(), id, closed) }),
  'posting.seenClosed': async ({ db }, { id }) => {
    const database = await db();
    if (!(await getSaved(database, id))) return { marked: false };
    const saved = await markClosed(database, id, true);
    return { marked: saved.closedAt !== null };
  },
};

/** Failures whose message is the whole answer for the user; not logged as faults. */
function isExpected(error: unknown): boolean {
  return error instanceof DatabaseUnavailableError || error instanceof StorageFullError;
}

function failure(error: string): Response {
  return { ok: false, error };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The background's one message handler. Every message is validated against its schema
 * before anything touches the database; a message that does not match is refused with
 * the reason, and nothing is written.
 */
function dispatch(db: Database, services: Partial<BackgroundServices>): Handler {
  return async (message, sender) => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return failure('JobLens refused a message that is not of the form {type, payload}.');
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return failure(`JobLens does not know the message type "${type}".`);

    const request = protocol[type].request.safeParse(payload);
    if (!request.success) return failure(`JobLens refused ${type}: ${z.prettifyError(request.error)}`);

    const handle = handlers[type] as (context: Context, request: unknown) => Promise<unknown>;
    try {
      return { ok: true, data: await handle({ db, sender, services }, request.data) };
    } catch (error) {
      if (!isExpected(error)) console.error(`JobLens: ${type} failed`, error);
      return failure(errorMessage(error));
    }
  };
}

/** The message handler over an open database. */
export function createHandler(db: JobLensDB, services: Partial<BackgroundServices> = {}): Handler {
  return dispatch(async () => db, services);
}

/**
 * Adapts a handler to runtime.onMessage. It answers through sendResponse and returns
 * true rather than returning a promise: Chrome before 144 ignores a returned promise,
 * while sendResponse works in every Chrome and Firefox version we support.
 */
export function toMessageListener(handler: Handler) {
  return (message: unknown, sender: MessageSender | undefined, sendResponse: (response: Response) => void): true => {
    handler(message, sender).then(sendResponse, (error: unknown) => sendResponse(failure(errorMessage(error))));
    return true;
  };
}

/**
 * A handler that opens the database on the first message that needs it, not at startup,
 * and opens it again after the connection closes or a failed open (lazyDatabase).
 */
export function createLazyHandler(
  open: (onClose: () => void) => Promise<JobLensDB>,
  services: Partial<BackgroundServices> = {},
): Handler {
  return dispatch(lazyDatabase(open), services);
}
