import { z } from 'zod';
import type { JobLensDB } from '../store/db.ts';
import { deleteSaved, exportAll, getSaved, listSaved, restoreSaved, savePosting } from '../store/repository.ts';
import { Envelope, isMessageType, protocol, type MessageType, type Protocol, type Response, type ResponseData } from './protocol.ts';

export type Handler = (message: unknown) => Promise<Response>;

type RequestOf<T extends MessageType> = z.output<Protocol[T]['request']>;
type Handlers = { [T in MessageType]: (db: JobLensDB, request: RequestOf<T>) => Promise<ResponseData<T>> };

const handlers: Handlers = {
  'posting.save': async (db, { posting }) => ({ saved: await savePosting(db, posting) }),
  'posting.status': async (db, { id }) => ({ saved: await getSaved(db, id) }),
  'saved.list': async (db) => ({ postings: await listSaved(db) }),
  'saved.delete': async (db, { id }) => ({ deleted: await deleteSaved(db, id) }),
  'saved.restore': async (db, { posting }) => ({ saved: await restoreSaved(db, posting) }),
  'saved.export': async (db) => ({ file: await exportAll(db) }),
};

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
export function createHandler(db: JobLensDB): Handler {
  return async (message) => {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return failure('JobLens refused a message that is not of the form {type, payload}.');
    const { type, payload } = envelope.data;
    if (!isMessageType(type)) return failure(`JobLens does not know the message type "${type}".`);

    const request = protocol[type].request.safeParse(payload);
    if (!request.success) return failure(`JobLens refused ${type}: ${z.prettifyError(request.error)}`);

    const handle = handlers[type] as (db: JobLensDB, request: unknown) => Promise<unknown>;
    try {
      return { ok: true, data: await handle(db, request.data) };
    } catch (error) {
      console.error(`JobLens: ${type} failed`, error);
      return failure(errorMessage(error));
    }
  };
}

/**
 * Adapts a handler to runtime.onMessage. It answers through sendResponse and returns
 * true rather than returning a promise: Chrome before 144 ignores a returned promise,
 * while sendResponse works in every Chrome and Firefox version we support.
 */
export function toMessageListener(handler: Handler) {
  return (message: unknown, _sender: unknown, sendResponse: (response: Response) => void): true => {
    handler(message).then(sendResponse, (error: unknown) => sendResponse(failure(errorMessage(error))));
    return true;
  };
}

/**
 * A handler that opens the database on the first message, not at startup, and opens it
 * again after the connection closes (a newer version asked for it, or the browser
 * dropped it) or after a failed open.
 */
export function createLazyHandler(open: (onClose: () => void) => Promise<JobLensDB>): Handler {
  let ready: Promise<Handler> | null = null;
  const forget = () => {
    ready = null;
  };
  return async (message) => {
    ready ??= open(forget).then(createHandler, (error: unknown) => {
      forget();
      throw error;
    });
    let handler: Handler;
    try {
      handler = await ready;
    } catch (error) {
      console.error('JobLens: could not open the database', error);
      return failure(`JobLens could not open its database: ${errorMessage(error)}`);
    }
    return handler(message);
  };
}
