import type { RawSection } from '../model/index.ts';
import { sectionsFromText } from './sections.ts';
import { titleFromText } from './title.ts';

/**
 * Posting text as people have it (pasted, copied from a page, a page served as plain text):
 * its title (read, not assumed to be the first line) and its sections. One rule for the
 * popup's "Read pasted text", the CLI's text path and a text page read in the browser.
 */
export function readPostingText(text: string): { title: string; sections: RawSection[] } {
  const source = typeof text === 'string' ? text : '';
  const lines = source.split(/\r\n|[\n\r\u2028\u2029]/);
  // The title line leaves the body; a title read from inside a sentence leaves it whole.
  const { title, line } = titleFromText(source);
  const body = lines.filter((_, i) => i !== line).join('\n');
  return { title, sections: sectionsFromText(body) };
}
