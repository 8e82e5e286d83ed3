import { z } from 'zod/mini';
import { lazy } from '../model/lazy.ts';

/*
 * Pieces the boards' payload schemas share. A board's payload is read leniently: a field
 * of the wrong type reads as absent, and a list keeps the entries that fit.
 *
 * The boards' schemas are built on first use (`lazy`), never when the page reader loads:
 * it is declared on every page of the boards' hosts, and most of those are not postings.
 */

/** A text field; absent, null or of another type reads as null. */
export const optionalText = lazy(() => z.catch(z.nullish(z.string()), null));

/** A yes/no field; absent, null or of another type reads as null. */
export const optionalFlag = lazy(() => z.catch(z.nullish(z.boolean()), null));

/** The entries of a list that fit `schema`; anything else in the field reads as an empty list. */
export function entriesOf<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    // Optional, so a payload without the field reads as an empty list rather than failing.
    z.optional(z.unknown()),
    z.transform((v: unknown): z.output<T>[] =>
      Array.isArray(v)
        ? v.flatMap((item) => {
            const parsed = schema.safeParse(item);
            return parsed.success ? [parsed.data as z.output<T>] : [];
          })
        : [],
    ),
  );
}
