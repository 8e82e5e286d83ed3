import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/workable.ts';
import { boardFixture, formatReport, neverMatched, selectorReport } from './expected.ts';

/*
 * Which of the adapter's `data-ui` hooks each saved Workable page still carries. A redesign
 * shows up here as a hook that matches on no fixture, named, before it shows up as postings
 * read wrongly.
 */

const PAGES = [
  { name: 'anonos-product-content-marketer', url: 'https://apply.workable.com/anonos/j/6A0F3C2D1B/' },
  { name: 'kelpie-senior-backend-engineer-remote', url: 'https://apply.workable.com/kelpie-labs/j/3F9C21B7AE/' },
].map((page) => ({ ...page, html: boardFixture('workable', `${page.name}.html`) }));

/** Every Workable posting page has these; workplace, type, department and benefits are per posting. */
// Typed as the adapter's own selector names, so a name it does not have fails to compile.
const EVERY_PAGE = ['title', 'location', 'description', 'requirements'] as const satisfies readonly (keyof typeof SELECTORS)[];

describe('Workable selector report', () => {
  it('logs which selectors matched per fixture; fails naming a required selector that matches on none', async () => {
    const report = await selectorReport(SELECTORS, PAGES);
    console.log(`Workable selectors on ${PAGES.length} fixtures:\n${formatReport(report)}`);
    expect(neverMatched(report, EVERY_PAGE), 'selectors that should match on every fixture and match on none').toEqual([]);
  });

  it('would name them on a page without the hooks', async () => {
    const html = boardFixture('workable', 'anonos-product-content-marketer.html').replace(/ data-ui="[^"]*"/g, '');
    const report = await selectorReport(SELECTORS, [{ name: 'redesign', html, url: PAGES[0]!.url }]);
    expect(neverMatched(report, EVERY_PAGE)).toEqual([...EVERY_PAGE]);
  });
});
