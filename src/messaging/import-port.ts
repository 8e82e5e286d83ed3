import { z } from 'zod/mini';
import { ImportOutcome } from '../model/index.ts';

/**
 * An import runs in the background, where closing the popup cannot cut it: the popup hands
 * the file's text over on a port named IMPORT_PORT, in pieces, and hears how far the import
 * is and how it ended. A popup opened later connects to the same port and hears the same:
 * the progress of an import still running, or the outcome of one nobody has seen yet.
 *
 * Only the extension's own pages may connect (the background checks the sender's URL): a
 * content script, which runs among a job site's pages, cannot import.
 */
export const IMPORT_PORT = 'joblens.import';

/**
 * Characters per piece: extension messaging refuses a message over 64 MB as JSON, and an
 * export's text grows when written as a JSON string (every quote escaped), so a 34 MB file
 * is not sent whole.
 */
export const IMPORT_PIECE_CHARS = 4 * 1024 * 1024;

/** The page to the background. */
export const ImportRequest = z.discriminatedUnion('type', [
  /** What is going on: answered with `idle`, `progress` or `finished`. */
  z.strictObject({ type: z.literal('watch') }),
  /** The next piece of the file's text, in order. */
  z.strictObject({ type: z.literal('piece'), text: z.string() }),
  /** Every piece was sent; `length` is the whole text's, to check that none went missing. */
  z.strictObject({ type: z.literal('start'), fileName: z.string(), length: z.int().check(z.nonnegative()) }),
  /**
   * The outcome was shown: the background stops keeping it. Until then it is kept, so an
   * outcome sent to a popup that closed on its way is shown by the next one.
   */
  z.strictObject({ type: z.literal('seen'), finishedAt: z.iso.datetime() }),
]);
export type ImportRequest = z.infer<typeof ImportRequest>;

/** The background to the page. */
export const ImportEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('idle') }),
  /** To the page that sent `start`: the text arrived whole and the import has begun. */
  z.object({ type: z.literal('accepted') }),
  z.object({
    type: z.literal('progress'),
    fileName: z.string(),
    phase: z.enum(['receiving', 'checking', 'writing']),
    done: z.number(),
    total: z.number(),
  }),
  z.object({ type: z.literal('finished'), outcome: ImportOutcome }),
  /** This request was not taken (another import is running, a piece went missing); nothing was written. */
  z.object({ type: z.literal('refused'), error: z.string() }),
]);
export type ImportEvent = z.infer<typeof ImportEvent>;
