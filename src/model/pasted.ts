import { z } from 'zod/mini';

/**
 * What the user pastes into the popup's Read pasted text: a posting's text, and its address
 * when they have one. Checked here, at the boundary, before anything reads it; the popup
 * shows the message next to the field it is about.
 */

/** Longer than any address a board gives; the schema's limit, not a guess at what browsers allow. */
export const MAX_PASTED_URL_CHARS = 2048;

export const EMPTY_TEXT_MESSAGE = 'Paste the text of a job posting first.';
export const BAD_URL_MESSAGE = 'The address must be a web address that starts with http:// or https://, or be left empty.';

function isWebAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
}

export const PastedInput = z.object({
  // Any length: only the first 200 KB is read, and the paste box says so (src/model/text-limit.ts).
  text: z.string().check(z.refine((text) => text.trim() !== '', { error: EMPTY_TEXT_MESSAGE, abort: true })),
  /** Trimmed; empty means no address. */
  url: z.pipe(
    z.optional(z.string()),
    z.transform((url) => url?.trim() || null),
  ).check(
    z.refine((url) => url === null || (url.length <= MAX_PASTED_URL_CHARS && isWebAddress(url)), { error: BAD_URL_MESSAGE }),
  ),
});
export type PastedInput = z.input<typeof PastedInput>;
export type CheckedPastedInput = z.output<typeof PastedInput>;

export type PastedInputCheck =
  | { ok: true; input: CheckedPastedInput }
  | { ok: false; field: 'text' | 'url'; message: string };

/** The input checked, or the first thing wrong with it and which field that is. */
export function checkPastedInput(input: PastedInput): PastedInputCheck {
  const parsed = PastedInput.safeParse(input);
  if (parsed.success) return { ok: true, input: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, field: issue?.path[0] === 'url' ? 'url' : 'text', message: issue?.message ?? EMPTY_TEXT_MESSAGE };
}
