// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { saveTestCase } from '../../src/extension/test-case-capture.ts';
import { Posting, TestCase } from '../../src/model/index.ts';
import { sambaPosting } from '../helpers/postings.ts';

describe('saveTestCase', () => {
  let blobs: Blob[];
  let clicks: { link: HTMLAnchorElement; parent: Node | null }[];

  beforeEach(() => {
    blobs = [];
    clicks = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:joblens-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ link: this, parent: this.parentNode });
      this.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    });
    document.documentElement.innerHTML =
      '<head><title>Samba</title><script>track()</script></head><body><h1 onclick="track()">Machine Learning Engineer</h1><input value="typed"></body>';
  });
  afterEach(() => vi.restoreAllMocks());

  it('downloads the page without the panel, and the reading, from a link in the panel\'s shadow root that the page does not see', async () => {
    const host = document.createElement('joblens-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append(Object.assign(document.createElement('p'), { textContent: 'Panel text' }));
    document.documentElement.append(host);
    const pageSawClick = vi.fn();
    document.addEventListener('click', pageSawClick);
    const reading = sambaPosting();
    const pageUrl = document.URL;

    const fileName = saveTestCase({ doc: document, reading, extension: '0.1.0', panelHost: host, into: shadow, now: new Date(2026, 5, 6, 9, 30) });

    expect(fileName).toBe('joblens-test-case-lever-7597d3d7-2026-06-06.json');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.parent).toBe(shadow);
    expect(clicks[0]!.link.download).toBe(fileName);
    expect(clicks[0]!.link.isConnected).toBe(false);
    expect(pageSawClick).not.toHaveBeenCalled();
    expect(blobs[0]!.type).toBe('application/json');

    const file = TestCase.parse(JSON.parse(await blobs[0]!.text()));
    expect(file).toMatchObject({ format: 'joblens-test-case', version: 1, url: pageUrl, extension: '0.1.0' });
    expect(Posting.parse(file.reading)).toEqual(reading);
    expect(file.html).toContain('<h1>Machine Learning Engineer</h1>');
    expect(file.html).not.toMatch(/<script|onclick|typed|joblens-overlay|Panel text/);
    // The page keeps what it had: only the copy was cleaned.
    expect(document.querySelector('script')).not.toBeNull();
    expect(document.querySelector('joblens-overlay')).toBe(host);
  });
});
