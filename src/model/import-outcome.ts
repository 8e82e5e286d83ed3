import { z } from 'zod/mini';

/** What an import did (store/repository.ts ImportResult), as kept and sent between the background and the popup. */
export const ImportCounts = z.object({
  added: z.number(),
  merged: z.number(),
  replaced: z.number(),
  unchanged: z.number(),
  overwritten: z.array(z.object({ id: z.string(), title: z.string(), fields: z.array(z.string()) })),
  /** What became of the file's settings (store/settings.ts); absent when the file had none. */
  settings: z.optional(
    z.object({
      exchangeRates: z.enum(['added', 'theirs', 'ours', 'same', 'none']),
      sitesToOffer: z.array(z.string()),
    }),
  ),
});

/** How an import ended: its counts, or the message saying why nothing was imported. */
export const ImportOutcome = z.object({
  fileName: z.string(),
  finishedAt: z.iso.datetime(),
  /** Null when nothing was imported. */
  result: z.nullable(ImportCounts),
  /** Null when it succeeded. */
  error: z.nullable(z.string()),
  /**
   * The background was stopped (by the browser, or a reload) before the import ended: its one
   * transaction was undone. Absent in outcomes kept before this was told apart.
   */
  interrupted: z.optional(z.boolean()),
});
export type ImportOutcome = z.infer<typeof ImportOutcome>;

export const IMPORT_INTERRUPTED_MESSAGE =
  "The import was interrupted: JobLens's background stopped before it finished. Nothing was imported; import the file again.";

/** The outcome of an import cut off by a stopped background: nothing of it was written. */
export function interruptedImport(fileName: string, finishedAt: Date): ImportOutcome {
  return { fileName, finishedAt: finishedAt.toISOString(), result: null, error: IMPORT_INTERRUPTED_MESSAGE, interrupted: true };
}
