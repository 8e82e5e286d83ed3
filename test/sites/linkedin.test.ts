import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { linkedinAdapter, linkedinPostingKey } from '../../src/sites/linkedin.ts';
import { adapterFor, readPage } from '../../src/sites/registry.ts';
import { CONTENT_SCRIPT_MATCHES, isDeclaredPage } from '../../src/sites/matches.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { checkAgainstWithGaps as checkAgainst, type GapExpected as Expected } from './gap-check.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin');
const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name)) as T;

const TCS = 'https://www.linkedin.com/jobs/view/senior-net-developer-at-tata-consultancy-services-4422277574';
const FERNHILL = 'https://www.linkedin.com/jobs/search/?currentJobId=4302761950&keywords=backend%20engineer&f_WT=2';
const MERIDIAN = 'https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4309876543';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function doc(html: string, url: string): Document {
  const page = parsePage(html, url);
  closers.push(page.close);
  return page.doc;
}

/** A copy with every class, id and data-* attribute gone (comments too, which quote them). */
function stripped(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, '').replace(/\s(?:class|id|data-[\w-]+)="[^"]*"/g, '');
}

/** Every other board's URLs: none is a LinkedIn posting. */
const OTHER_BOARDS = [
  'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://boards.greenhouse.io/x/jobs/1',
  'https://job-boards.greenhouse.io/spotify/jobs/4012345005',
  'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
  'https://www.indeed.com/jobs?q=x',
  'https://www.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
  'https://jobs.smartrecruiters.com/ExampleCo/744000082260485-customer-success-manager',
  'https://apply.workable.com/acme/j/ABC123/',
  'https://wellfound.com/jobs/3012345-senior-backend-engineer',
];

describe('linkedinAdapter.matches', () => {
  const mustMatch = [
    'https://www.linkedin.com/jobs/view/4422277574/',
    'https://www.linkedin.com/jobs/view/4422277574',
    'https://linkedin.com/jobs/view/4422277574/',
    TCS,
    'https://www.linkedin.com/jobs/view/4302668926/?alternateChannel=search&refId=tJ6Q6bOTwbj8ZGX8CMx5aQ%3D%3D&trk=d_flagship3_search_srp_jobs',
    // a search page with a job selected (the address a live page redirected to sign-in with)
    'https://www.linkedin.com/jobs/search/?currentJobId=4295730239&distance=25&f_E=1&f_I=109%2C4&f_WT=1%2C3&geoId=103644278&keywords=programmer',
    'https://www.linkedin.com/jobs/search?currentJobId=4302761950',
    FERNHILL,
    MERIDIAN,
    'https://www.linkedin.com/jobs/collections/similar-jobs/?referenceJobId=4449683666&currentJobId=4457185005',
    // Signed out, LinkedIn serves the page from country hosts (the real corpus's Modine capture, from ca.)
    'https://pl.linkedin.com/jobs/view/senior-net-developer-at-tata-consultancy-services-4422277574',
    'https://ca.linkedin.com/jobs/view/general-laborer-morning-shift-at-modine-manufacturing-company-4300123456',
    // The guest endpoint's posting block, which tools fetch and keep (the corpus's Robert Half and Fairdeal captures)
    'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/4422277574',
    'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/',
  ];
  const mustNotMatch = [
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/',
    'https://www.linkedin.com/jobs/',
    'https://www.linkedin.com/jobs/search/',
    'https://www.linkedin.com/jobs/search/?keywords=backend%20engineer&f_WT=2',
    'https://www.linkedin.com/jobs/search/?currentJobId=abc',
    'https://www.linkedin.com/jobs/collections/recommended/',
    'https://www.linkedin.com/jobs/view/',
    'https://www.linkedin.com/jobs/view/123/',
    'https://www.linkedin.com/jobs/view/4422277574/apply/',
    'https://www.linkedin.com/company/tata-consultancy-services/jobs/',
    'https://www.linkedin.com/in/someone/',
    'https://www.linkedin.com/messaging/',
    // the guest endpoint's list of search cards is a list of jobs, not one posting
    'https://www.linkedin.com/jobs-guest/jobs/api/seeMoreJobPostings/search?keywords=rust&start=25',
    'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/4422277574/apply',
    // not country hosts
    'https://business.linkedin.com/jobs/view/4422277574/',
    'https://www.linkedin.co/jobs/view/4422277574/',
    // look-alikes
    'https://www.linkedin.com.example.com/jobs/view/4422277574/',
    'https://example.com/www.linkedin.com/jobs/view/4422277574/',
    'ftp://www.linkedin.com/jobs/view/4422277574/',
    ...OTHER_BOARDS,
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(linkedinAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(linkedinAdapter.matches(new URL(href))).toBe(false);
  });

  it('takes the job id from the path, or from currentJobId on a search page', () => {
    expect(linkedinPostingKey(new URL(TCS))).toEqual({ id: '4422277574', selected: false });
    expect(linkedinPostingKey(new URL(FERNHILL))).toEqual({ id: '4302761950', selected: true });
    expect(linkedinAdapter.jobIdFromUrl?.(new URL(MERIDIAN))).toBe('4309876543');
    expect(linkedinAdapter.jobIdFromUrl?.(new URL('https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/4465981744'))).toBe('4465981744');
    expect(linkedinAdapter.jobIdFromUrl?.(new URL('https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/'))).toBeNull();
  });

  it('is chosen by the registry, and the content script is declared on its jobs pages only', () => {
    expect(adapterFor(new URL(FERNHILL))).toBe(linkedinAdapter);
    expect(CONTENT_SCRIPT_MATCHES).toContain('https://*.linkedin.com/jobs/*');
    expect(isDeclaredPage('https://ca.linkedin.com/jobs/view/general-laborer-4300123456')).toBe(true);
    expect(CONTENT_SCRIPT_MATCHES.some((p) => /linkedin\.com\/\*$/.test(p))).toBe(false);
  });
});


const PAGES = [
  'guest-tcs-senior-net-developer',
  'guest-northwind-staff-data-engineer-pay',
  'search-fernhill-backend-linkedin-est',
  'collections-meridian-designer-from-description',
];

describe('LinkedIn fixtures: page in, what a careful reader says out', () => {
  it.each(PAGES)('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const raw = readPage(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(raw).not.toBeNull();
    checkAgainst(annotate(raw!), expected);
  });
});

describe('linkedinAdapter.extract: the page as plain data', () => {
  it('reads the selected job from the detail pane: pay chip, workplace chip, job type chip', () => {
    const raw = RawPosting.parse(linkedinAdapter.extract(doc(fixture('search-fernhill-backend-linkedin-est.html'), FERNHILL), new URL(FERNHILL)));
    expect(raw).toMatchObject({
      site: 'linkedin',
      jobId: '4302761950',
      url: 'https://www.linkedin.com/jobs/view/4302761950/',
      title: 'Senior Backend Engineer',
      company: 'Fernhill Logistics',
      location: 'United States',
      commitment: 'Full-time',
      // the chip's screen-reader copy ("Matches your job preferences, ...") is not its value
      workplace: [{ value: 'Remote', source: 'board', field: 'LinkedIn workplace type' }],
      payText: [{ value: '$104K/yr - $131K/yr (LinkedIn est.)', source: 'board', field: 'LinkedIn pay insight' }],
    });
  });

  it("keeps LinkedIn's estimate apart from the employer's figure", () => {
    const estimate = annotate(readPage(doc(fixture('search-fernhill-backend-linkedin-est.html'), FERNHILL), new URL(FERNHILL))!);
    const stated = annotate(readPage(doc(fixture('collections-meridian-designer-from-description.html'), MERIDIAN), new URL(MERIDIAN))!);
    expect(estimate.salary?.estimated).toBe(true);
    expect(stated.salary?.estimated).toBeUndefined();
  });

  it("reads the signed-out page's pay block as the board's, and its criteria", () => {
    const url = 'https://www.linkedin.com/jobs/view/staff-data-engineer-at-northwind-analytics-4301234567';
    const raw = linkedinAdapter.extract(doc(fixture('guest-northwind-staff-data-engineer-pay.html'), url), new URL(url));
    expect(raw).toMatchObject({
      jobId: '4301234567',
      commitment: 'Full-time',
      payText: [{ value: '$126,000.00/yr - $158,000.00/yr', source: 'board', field: 'LinkedIn base pay range' }],
    });
  });

  it('gives a search page and the posting page the same record', () => {
    const fromSearch = linkedinAdapter.extract(doc(fixture('search-fernhill-backend-linkedin-est.html'), FERNHILL), new URL(FERNHILL));
    const view = 'https://www.linkedin.com/jobs/view/4302761950/?trk=public_jobs';
    const fromView = linkedinAdapter.extract(doc(fixture('search-fernhill-backend-linkedin-est.html'), view), new URL(view));
    expect(fromSearch?.url).toBe(fromView?.url);
    expect(annotate(fromSearch!).id).toBe(annotate(fromView!).id);
  });

  it('reads nothing while the pane still shows the job selected before', () => {
    const other = 'https://www.linkedin.com/jobs/search/?currentJobId=4299011223&keywords=backend%20engineer';
    expect(linkedinAdapter.extract(doc(fixture('search-fernhill-backend-linkedin-est.html'), other), new URL(other))).toBeNull();
  });

  it.each(PAGES)('%s without its classes and ids: no throw, and nothing read from the page', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const url = new URL(expected.url);
    const page = doc(stripped(fixture(`${name}.html`)), expected.url);
    expect(linkedinAdapter.extract(page, url)).toBeNull();
    // The registry's fallbacks may still read the page; whatever they read keeps LinkedIn's name and id, and fits the model.
    const raw = readPage(page, url);
    if (raw) {
      expect(RawPosting.safeParse(raw).success).toBe(true);
      expect(raw).toMatchObject({ site: 'linkedin', jobId: linkedinPostingKey(url)!.id });
    }
  });

  it("falls back to a posting page's JSON-LD when its markup is gone", () => {
    const ld =
      '<script type="application/ld+json">{"@context":"http://schema.org","@type":"JobPosting","title":"Senior .Net Developer","hiringOrganization":{"@type":"Organization","name":"Tata Consultancy Services"}}</script>';
    const html = stripped(fixture('guest-tcs-senior-net-developer.html')).replace('</head>', `${ld}</head>`);
    const raw = readPage(doc(html, TCS), new URL(TCS));
    expect(raw).toMatchObject({ site: 'linkedin', jobId: '4422277574', title: 'Senior .Net Developer', company: 'Tata Consultancy Services' });
  });

  it.each([
    ['an empty page', ''],
    ['the sign-in wall', '<html><body><h1>Sign in</h1><form><input name="session_key"></form></body></html>'],
    ['garbage', '<<<>>>\u0000<div class="jobs-search__job-details--container"><h1></h1></div>&&&'],
  ])('is null for %s', (_label, html) => {
    expect(linkedinAdapter.extract(doc(html, FERNHILL), new URL(FERNHILL))).toBeNull();
  });
});
