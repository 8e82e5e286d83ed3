import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { isPlainHeadingLine, sectionsOf } from '../../src/sites/dom.ts';

/* Plain lines as headings, for pages that keep no heading markup (LinkedIn's guest description, text-only pages). */

const window = new Window();
afterAll(() => window.happyDOM.close());
const body = (html: string): Node => new window.DOMParser().parseFromString(html, 'text/html').body as unknown as Node;

describe('isPlainHeadingLine', () => {
  it.each(["Skills You'll Need to Bring", 'Nice to Haves', 'Requirements:', 'What We Expect'])('is a heading: %s', (line) => {
    expect(isPlainHeadingLine(line)).toBe(true);
  });
  it.each([
    'Location: Central London / Hybrid',
    'Morning shift, 6:00am – 2:30pm, Monday -Friday',
    'We are looking for an engineer who loves TypeScript and wants to grow.',
    'to use ML',
    'TensorFlow)',
  ])('is not a heading: %s', (line) => {
    expect(isPlainHeadingLine(line)).toBe(false);
  });
});

describe('sectionsOf with plain headings', () => {
  // The shape of LinkedIn's guest description (test/corpus/real/linkedin/notion-software-engineer-new-grad.html).
  const html = '<div>Notion is hiring.<br><br>Nice to Haves<br><br><ul><li>React</li><li>Postgres</li></ul></div>';

  it('keeps the default: only markup makes headings', () => {
    expect(sectionsOf(body(html)).map((s) => s.heading)).toEqual([null]);
  });

  it('starts a section at a line the caller accepts', () => {
    expect(sectionsOf(body(html), { plainHeading: isPlainHeadingLine })).toEqual([
      { heading: null, paragraphs: ['Notion is hiring.'], items: [] },
      { heading: 'Nice to Haves', paragraphs: [], items: ['React', 'Postgres'] },
    ]);
  });
});
