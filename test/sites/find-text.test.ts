// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { findTextRange, textFinder } from '../../src/sites/find-text.ts';
import { sambaPosting } from '../helpers/postings.ts';
import { fixture } from './page.ts';

/**
 * The page, parsed and then imported into the window's own document: happy-dom's Range
 * only spans nodes of `window.document` (one made by DOMParser collapses every range).
 */
function load(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(parsed.head.childNodes, (n) => document.importNode(n, true)));
  document.body.replaceChildren(...Array.from(parsed.body.childNodes, (n) => document.importNode(n, true)));
  return document;
}

function page(body: string): Document {
  return load(`<!doctype html><html><head><title>Pay is $1</title></head><body>${body}</body></html>`);
}

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('findTextRange', () => {
  it('finds a sentence split by inline elements, as a range over the original text nodes', () => {
    const doc = page(
      '<p>We offer flexibility! For this role, you can be within the <strong>North America</strong> region as long as we have <a href="#x">a work location.</a></p>',
    );
    const range = findTextRange(doc, 'For this role, you can be within the North America region as long as we have a work location.')!;
    expect(range).not.toBeNull();
    expect(range.toString()).toBe('For this role, you can be within the North America region as long as we have a work location.');
    const p = doc.querySelector('p')!;
    expect(range.startContainer).toBe(p.firstChild);
    expect(range.startOffset).toBe('We offer flexibility! '.length);
    expect(range.endContainer).toBe(doc.querySelector('a')!.firstChild);
    expect(range.endOffset).toBe('a work location.'.length);
  });

  it('treats runs of whitespace, newlines and no-break spaces as one space', () => {
    const doc = page('<div>\n   The base   range\n\tis&nbsp;&nbsp;$100,000 <em> a year</em>.</div>');
    const range = findTextRange(doc, 'The base range is $100,000 a year.')!;
    expect(range.toString()).toBe('The base   range\n\tis\u00a0\u00a0$100,000  a year.');
    expect(range.startOffset).toBe(4);
  });

  it('matches entities, typographic quotes and dashes against their plain forms, both ways', () => {
    const doc = page('<p>We&rsquo;re paying $100&ndash;$200 &amp; equity &mdash; “really”.</p><p>Plain - text\'s "here"</p>');
    expect(findTextRange(doc, `We're paying $100-$200 & equity - "really".`)?.toString()).toBe('We’re paying $100–$200 & equity — “really”.');
    expect(findTextRange(doc, 'Plain – text’s “here”')?.toString()).toBe('Plain - text\'s "here"');
  });

  it('prefers an exact-case match, then falls back to any case', () => {
    const doc = page('<p id="a">remote first, always</p><p id="b">Remote first, always</p>');
    expect(findTextRange(doc, 'Remote first')!.startContainer.parentElement!.id).toBe('b');
    expect(findTextRange(doc, 'REMOTE FIRST')!.startContainer.parentElement!.id).toBe('a');
  });

  it('joins the text on either side of a block boundary with a space', () => {
    const doc = page('<ul><li>This role is based in New York</li><li>We offer you flexibility</li></ul><p>one<br>two</p>');
    expect(findTextRange(doc, 'based in New York We offer')?.toString()).toBe('based in New YorkWe offer');
    expect(findTextRange(doc, 'one two')).not.toBeNull();
    expect(findTextRange(doc, 'New YorkWe')).toBeNull();
  });

  it('returns null for text that is not on the page, and for empty text', () => {
    const doc = page('<p>The base range is $100,000.</p>');
    expect(findTextRange(doc, 'The base range is $200,000.')).toBeNull();
    expect(findTextRange(doc, '')).toBeNull();
    expect(findTextRange(doc, ' \u00a0 ')).toBeNull();
  });

  it('ignores scripts, styles, templates and the document title', () => {
    const doc = page(
      '<script>var pay = "Pay is $2";</script><style>.x::after{content:"Pay is $3"}</style><template><p>Pay is $4</p></template><noscript>Pay is $5</noscript><p>Nothing here</p>',
    );
    for (const n of [1, 2, 3, 4, 5]) expect(findTextRange(doc, `Pay is $${n}`)).toBeNull();
  });

  it('does not search inside the excluded element (our overlay host)', () => {
    const doc = page('<main><p>Nothing about pay.</p></main><joblens-overlay><p>The range is $1 – $2.</p></joblens-overlay>');
    const overlay = doc.querySelector('joblens-overlay')!;
    expect(findTextRange(doc, 'The range is $1 - $2.')).not.toBeNull();
    expect(findTextRange(doc, 'The range is $1 - $2.', overlay)).toBeNull();

    const both = page('<joblens-overlay><p>Remote in Canada</p></joblens-overlay><p id="page">Remote in Canada</p>');
    const range = findTextRange(both, 'Remote in Canada', both.querySelector('joblens-overlay'))!;
    expect(range.startContainer.parentElement!.id).toBe('page');
  });

  it('searches only under the given element', () => {
    const doc = page('<header><p>Remote</p></header><section id="s"><p>Hybrid</p></section>');
    const section = doc.getElementById('s')!;
    expect(findTextRange(section, 'Remote')).toBeNull();
    expect(findTextRange(section, 'Hybrid')?.toString()).toBe('Hybrid');
  });

  it('finds the evidence the pipeline reports on the Samba fixture page', () => {
    const doc = load(fixture('spotify-ml-engineer-samba.html'));
    const posting = sambaPosting();
    expect(findTextRange(doc, posting.salary!.evidence)?.toString()).toBe(posting.salary!.evidence);
    expect(findTextRange(doc, posting.experience!.evidence)?.toString()).toBe(posting.experience!.evidence);
    // Split by a link in the page.
    const remote = findTextRange(doc, posting.remote.evidence!)!;
    expect(remote.toString()).toBe(posting.remote.evidence);
    expect(remote.endContainer.parentElement!.tagName).toBe('A');
    // A field name ("API salaryRange: …") is not page text.
    expect(findTextRange(doc, 'Lever workplace type: Remote')).toBeNull();
  });
});

describe('textFinder', () => {
  it('answers several searches from one reading of the page, as findTextRange does one by one', () => {
    const doc = page('<p id="a">remote first, always</p><p id="b">Remote first, always</p><div>The base range is $100,000 <em>a year</em>.</div>');
    const find = textFinder(doc);
    for (const text of ['Remote first', 'REMOTE FIRST', 'The base range is $100,000 a year.', 'not on the page', '', ' ']) {
      expect(find(text)?.toString(), text).toBe(findTextRange(doc, text)?.toString());
      expect(find(text)?.startContainer, text).toBe(findTextRange(doc, text)?.startContainer);
    }
  });

  it('leaves out what is under the excluded element', () => {
    const doc = page('<p>Remote in Canada</p><joblens-overlay><p>Hybrid in Lisbon</p></joblens-overlay>');
    const find = textFinder(doc, doc.querySelector('joblens-overlay'));
    expect(find('Remote in Canada')).not.toBeNull();
    expect(find('Hybrid in Lisbon')).toBeNull();
  });
});
