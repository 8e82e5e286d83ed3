import { annotatePastedText, annotateTextPostings } from './annotate.ts';
import type { Posting } from './model/index.ts';
import { checkPastedInput, type PastedInput } from './model/pasted.ts';
import { clipPostingText } from './model/text-limit.ts';

/*
 * The popup's Read pasted text: the CLI's text reading (annotatePastedText beside
 * annotateText: site "pasted", its id a hash of the text; annotate.ts says why). The parsers are heavy for
 * the popup's first render, so the popup loads this module only when the user opens the view
 * (src/extension/popup-api.ts).
 */

/**
 * Reads pasted text, its first 200 KB only (the paste box says so when there was more);
 * throws with the input's problem (empty, a bad address) as the message.
 */
export function readPastedText(input: PastedInput, now: Date = new Date()): Posting {
  const checked = checkPastedInput(input);
  if (!checked.ok) throw new Error(checked.message);
  return annotatePastedText(clipPostingText(checked.input.text).text, checked.input.url ?? undefined, now);
}

/**
 * Every posting the pasted text holds (a vacancies page copied whole gives each opening in
 * full): one for most texts, several when the text repeats a posting's parts under titles of
 * its own (`splitPostings`). Throws as readPastedText does.
 */
export function readPastedTexts(input: PastedInput, now: Date = new Date()): Posting[] {
  const checked = checkPastedInput(input);
  if (!checked.ok) throw new Error(checked.message);
  return annotateTextPostings(clipPostingText(checked.input.text).text, { url: checked.input.url ?? undefined, pasted: true, now });
}
