import { afterEach, describe, expect, it } from 'vitest';
import { smartRecruitersAdapter, smartRecruitersPostingKey } from '../../src/sites/smartrecruiters.ts';
import { adapterFor, readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const SERVICENOW = 'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled';
const NORDLICHT = 'https://jobs.smartrecruiters.com/NordlichtFreight/744000087654321-data-engineer-m-f-d-';
const PAGES = ['servicenow-public-sector-account-executive', 'nordlicht-data-engineer-hybrid'];

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

const fixture = (name: string): string => boardFixture('smartrecruiters', name);

describe('smartRecruitersAdapter.matches', () => {
  const mustMatch = [
    SERVICENOW,
    `${SERVICENOW}/`,
    `${SERVICENOW}?trid=2b8f1a3c-1111-2222-3333-444455556666`,
    `${SERVICENOW}#st-qualifications`,
    'http://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://JOBS.SMARTRECRUITERS.COM/WesternDigital/744000153868469-staff-developer-software-development',
    // the bare posting id, as SmartRecruiters' own links sometimes give it
    'https://jobs.smartrecruiters.com/Nexthink/743999106810286',
  ];
  const mustNotMatch = [
    // SmartRecruiters, but not a posting page
    'https://jobs.smartrecruiters.com/',
    'https://jobs.smartrecruiters.com/ServiceNow',
    'https://jobs.smartrecruiters.com/ServiceNow/',
    'https://jobs.smartrecruiters.com/ServiceNow/not-a-posting',
    'https://jobs.smartrecruiters.com/ServiceNow/12345-too-short-an-id',
    `${SERVICENOW}/apply`,
    'https://jobs.smartrecruiters.com/oneclick-ui/company/ServiceNow/publication/5b3c2f0e-7d1a-4c2e-9a51-3f6b2d8e4c10',
    'https://jobs.smartrecruiters.com/my-applications/744000012345678',
    'https://jobs.smartrecruiters.com/sr-jobs/744000012345678-search',
    'https://careers.smartrecruiters.com/ServiceNow',
    'https://careers.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://api.smartrecruiters.com/v1/companies/ServiceNow/postings/744000012345678',
    'https://www.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    // look-alikes
    'https://jobs.smartrecruiters.com.example.com/ServiceNow/744000012345678-x',
    'https://example.com/jobs.smartrecruiters.com/ServiceNow/744000012345678-x',
    'ftp://jobs.smartrecruiters.com/ServiceNow/744000012345678-x',
    // other boards
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://apply.workable.com/anonos/j/6A0F3C2D1B/',
    'https://wellfound.com/jobs/3123456-founding-frontend-engineer',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(smartRecruitersAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(smartRecruitersAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the company and the posting id; the registry chooses it', () => {
    expect(smartRecruitersPostingKey(new URL(`${SERVICENOW}?trid=x`))).toEqual({ company: 'ServiceNow', id: '744000012345678' });
    expect(smartRecruitersAdapter.jobIdFromUrl?.(new URL(SERVICENOW))).toBe('744000012345678');
    expect(adapterFor(new URL(SERVICENOW))).toBe(smartRecruitersAdapter);
  });
});

describe('smartRecruitersAdapter.extract: the page as plain data', () => {
  it("reads the header's microdata, the workplace type and the sections", () => {
    const raw = RawPosting.parse(smartRecruitersAdapter.extract(doc(fixture('servicenow-public-sector-account-executive.html'), SERVICENOW), new URL(SERVICENOW)));
    expect(raw).toMatchObject({
      site: 'smartrecruiters',
      jobId: '744000012345678',
      url: SERVICENOW,
      title: 'Sr. Public Sector Account Executive - SLED',
      company: 'ServiceNow',
      location: 'New York, NY, United States',
      commitment: 'Full-time',
      workplace: [{ value: 'on-site', source: 'board', field: 'SmartRecruiters workplace type' }],
      payText: [],
      payStructured: [],
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([
      null,
      'Job Description',
      'What you get to do in this role',
      'Qualifications',
      'To be successful in this role you have',
      'Additional Information',
    ]);
    expect(JSON.stringify(raw.sections)).not.toContain("I'm interested");
  });

  it('reads a "Salary Range" job detail as the board\'s own pay text', () => {
    const html = fixture('nordlicht-data-engineer-hybrid.html').replace(
      '<li class="job-detail" itemprop="employmentType">Full-time</li>',
      '<li class="job-detail" itemprop="employmentType">Full-time</li>\n<li class="job-detail">Salary Range: 124,000.00-165,300.00</li>',
    );
    const raw = smartRecruitersAdapter.extract(doc(html, NORDLICHT), new URL(NORDLICHT));
    expect(raw?.payText).toEqual([{ value: 'Salary Range: 124,000.00-165,300.00', source: 'board', field: 'SmartRecruiters job details' }]);
  });

  it('falls back to the address microdata when the location element is missing', () => {
    const html = fixture('nordlicht-data-engineer-hybrid.html').replace(/<spl-job-location[^>]*><\/spl-job-location>/, '');
    const raw = smartRecruitersAdapter.extract(doc(html, NORDLICHT), new URL(NORDLICHT));
    expect(raw).toMatchObject({ location: 'Hamburg, Germany', workplace: [] });
  });

  it('is null for a SmartRecruiters page that is not a posting', () => {
    const gone = doc('<html><head><title>SmartRecruiters</title></head><body><h1>Oops! This job is no longer available.</h1></body></html>', SERVICENOW);
    expect(smartRecruitersAdapter.extract(gone, new URL(SERVICENOW))).toBeNull();
    expect(readPage(gone, new URL(SERVICENOW))).toBeNull();
  });

  it("reads nothing on the board's pages that are not postings, even with JSON-LD", () => {
    const ld = '<script type="application/ld+json">{"@type":"JobPosting","title":"Engineer","hiringOrganization":"ServiceNow"}</script>';
    const href = 'https://jobs.smartrecruiters.com/ServiceNow';
    expect(readPage(doc(`<html><head>${ld}</head><body><h1>Engineer</h1></body></html>`, href), new URL(href))).toBeNull();
  });
});

describe('a copy whose selectors miss', () => {
  it("falls back to the page's microdata, keeping the board's id, without throwing", () => {
    // A redesign that renames the classes the adapter reads; the schema.org itemprops stay.
    const html = fixture('servicenow-public-sector-account-executive.html')
      .replaceAll('class="job-section"', 'class="jobad-section"')
      .replaceAll('class="job-title"', 'class="jobad-title"')
      .replaceAll('<spl-job-location', '<spl-job-place')
      .replaceAll('</spl-job-location>', '</spl-job-place>');
    const page = doc(html, SERVICENOW);
    expect(smartRecruitersAdapter.extract(page, new URL(SERVICENOW))).toBeNull();
    let reading: ReturnType<typeof readPageWithSource> = null;
    expect(() => {
      reading = readPageWithSource(page, new URL(SERVICENOW));
    }).not.toThrow();
    expect(reading).toMatchObject({
      via: 'microdata',
      raw: { site: 'smartrecruiters', jobId: '744000012345678', title: 'Sr. Public Sector Account Executive - SLED', company: 'ServiceNow', location: 'New York, NY, United States' },
    });
    expect(annotate(reading!.raw).id).toBe('smartrecruiters:744000012345678');
  });
});

describe('SmartRecruiters fixtures: page in, what a careful reader says out', () => {
  for (const name of PAGES) {
    const expected = boardJson<Expected>('smartrecruiters', `${name}.expected.json`);
    const read = () => {
      const reading = readPageWithSource(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
      expect(reading?.via).toBe(expected.via);
      return annotate(reading!.raw);
    };
    it(name, () => checkAgainst(read(), expected));
  }
});
