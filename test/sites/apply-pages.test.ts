import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { refreshesSaved } from '../../entrypoints/overlay.content/OverlayRoot.tsx';
import { applyPageOf, isKnownPostingUrl, mayHoldPosting, readPageWithSource } from '../../src/sites/registry.ts';

/*
 * Boards' apply and application pages show the posting's headline, place and workplace type
 * (and on Ashby the whole app data): a user opening one sees the posting's facts in the panel.
 * No real capture of an apply page is in the corpus: the pages below keep the fixtures' own
 * board markup for the posting's header (Lever's .posting-header, Ashby's app data) and put
 * an application form where the description was, as the apply pages do. They test one rule,
 * not an accuracy figure.
 */

const LEVER = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const ASHBY = 'https://jobs.ashbyhq.com/lumen-freight/3b7e2c1a-9f4d-4a8e-b6c2-5d1e8f7a9c20';
const fixture = (path: string) => readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function page(html: string, url: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** The Lever fixture with its description replaced by an application form, as Lever's /apply page has it. */
function leverApplyPage(): string {
  const html = fixture('lever/spotify-ml-engineer-samba.html');
  const start = html.indexOf('<div class="section-wrapper page-full-width">');
  const form = `<div class="section-wrapper page-full-width"><form id="application-form" class="application-form">
    <div class="section page-centered application-form"><h4>Submit your application</h4>
      <ul><li class="application-question"><div class="application-label">Resume/CV</div></li>
      <li class="application-question"><div class="application-label">Full name</div></li>
      <li class="application-question"><div class="application-label">Do you have 5+ years of experience with Python?</div></li></ul></div>
    <div class="section page-centered"><h4>Links</h4><ul><li>LinkedIn URL</li></ul></div></form></div></div></div></body></html>`;
  return html.slice(0, start) + form;
}

describe("boards' apply pages", () => {
  it('knows which posting an apply page belongs to, and only for the boards that have one', () => {
    expect(applyPageOf(new URL(`${LEVER}/apply`))?.postingUrl.href).toBe(LEVER);
    expect(applyPageOf(new URL(`${ASHBY}/application`))?.postingUrl.href).toBe(ASHBY);
    expect(applyPageOf(new URL('https://apply.workable.com/acme/j/4F2A9C1B7E/apply/'))?.postingUrl.href).toBe('https://apply.workable.com/acme/j/4F2A9C1B7E');
    expect(applyPageOf(new URL(`${LEVER}/thanks`))).toBeNull();
    expect(applyPageOf(new URL('https://jobs.lever.co/spotify/apply'))).toBeNull();
    expect(applyPageOf(new URL('https://example.com/jobs/1/apply'))).toBeNull();
    expect(mayHoldPosting(`${LEVER}/apply`)).toBe(true);
    expect(isKnownPostingUrl(`${LEVER}/apply`)).toBe(false);
  });

  it("reads a Lever apply page's headline as the posting, under the posting's own id, without the form's questions", () => {
    const reading = readPageWithSource(page(leverApplyPage(), `${LEVER}/apply`), new URL(`${LEVER}/apply`));
    expect(reading?.via).toBe('apply-page');
    const posting = annotate(reading!.raw);
    expect(posting).toMatchObject({
      id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
      url: LEVER,
      title: 'Machine Learning Engineer, Personalization, Samba',
      location: 'New York, NY',
    });
    expect(posting.remote.policy).toBe('remote');
    expect(posting.description).not.toMatch(/Resume|Full name|Python/);
    expect(posting.experience).toBeNull();
  });

  it("reads an Ashby application tab from the app data, under the posting's own id", () => {
    const reading = readPageWithSource(page(fixture('ashby/lumen-freight-senior-platform-engineer.html'), `${ASHBY}/application`), new URL(`${ASHBY}/application`));
    expect(reading?.via).toBe('apply-page');
    expect(annotate(reading!.raw).id).toBe('ashby:3b7e2c1a-9f4d-4a8e-b6c2-5d1e8f7a9c20');
  });

  it('never lets an apply page refresh the saved copy of its posting (it lacks the text)', () => {
    expect(refreshesSaved('apply-page')).toBe(false);
    expect(refreshesSaved('adapter')).toBe(true);
    expect(refreshesSaved(undefined)).toBe(true);
  });
});
