import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/smartrecruiters.ts';
import { boardFixture, formatReport, neverMatched, selectorReport } from './expected.ts';

/*
 * Which of the adapter's selectors each saved SmartRecruiters page still carries. A redesign
 * shows up here as a selector that matches on no fixture, named, before it shows up as
 * postings read wrongly.
 */

const PAGES = [
  {
    name: 'servicenow-public-sector-account-executive',
    url: 'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
  },
  { name: 'nordlicht-data-engineer-hybrid', url: 'https://jobs.smartrecruiters.com/NordlichtFreight/744000087654321-data-engineer-m-f-d-' },
].map((page) => ({ ...page, html: boardFixture('smartrecruiters', `${page.name}.html`) }));

/** Every SmartRecruiters posting page has these; the salary detail and the address parts vary. */
// Typed as the adapter's own selector names, so a name it does not have fails to compile.
const EVERY_PAGE = ['title', 'titleMicrodata', 'company', 'details', 'location', 'addressLocality', 'employmentType', 'sections', 'sectionTitle', 'sectionBody'] as const satisfies readonly (keyof typeof SELECTORS)[];

describe('SmartRecruiters selector report', () => {
  it('logs which selectors matched per fixture; fails naming a required selector that matches on none', async () => {
    const report = await selectorReport(SELECTORS, PAGES);
    console.log(`SmartRecruiters selectors on ${PAGES.length} fixtures:\n${formatReport(report)}`);
    expect(neverMatched(report, EVERY_PAGE), 'selectors that should match on every fixture and match on none').toEqual([]);
  });

  it('would name them on a page without the markup', async () => {
    const report = await selectorReport(SELECTORS, [{ name: 'redesign', html: '<main><h1>Engineer</h1><section><h2>Job Description</h2></section></main>', url: PAGES[0]!.url }]);
    expect(neverMatched(report, EVERY_PAGE)).toEqual([...EVERY_PAGE]);
  });
});
