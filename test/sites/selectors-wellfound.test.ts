import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/wellfound.ts';
import { boardFixture, formatReport, neverMatched, selectorReport } from './expected.ts';

/*
 * Wellfound is read from its JSON-LD block: the report says whether each saved page still
 * carries one (and the title heading the adapter falls back to).
 */

const PAGES = [
  { name: 'tern-health-founding-frontend-engineer', url: 'https://wellfound.com/jobs/3123456-founding-frontend-engineer' },
  { name: 'parcelwise-operations-associate-onsite', url: 'https://wellfound.com/company/parcelwise/jobs/3198765-operations-associate' },
].map((page) => ({ ...page, html: boardFixture('wellfound', `${page.name}.html`) }));

// Typed as the adapter's own selector names, so a name it does not have fails to compile.
const EVERY_PAGE = ['jsonLd', 'heading'] as const satisfies readonly (keyof typeof SELECTORS)[];

describe('Wellfound selector report', () => {
  it('logs which selectors matched per fixture; fails naming a required selector that matches on none', async () => {
    const report = await selectorReport(SELECTORS, PAGES);
    console.log(`Wellfound selectors on ${PAGES.length} fixtures:\n${formatReport(report)}`);
    expect(neverMatched(report, EVERY_PAGE), 'selectors that should match on every fixture and match on none').toEqual([]);
  });

  it('would name them on a page without the markup', async () => {
    const report = await selectorReport(SELECTORS, [{ name: 'redesign', html: '<main><div>Founding Frontend Engineer</div></main>', url: PAGES[0]!.url }]);
    expect(neverMatched(report, EVERY_PAGE)).toEqual([...EVERY_PAGE]);
  });
});
