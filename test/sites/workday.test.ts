import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { workdayAdapter, workdayFromApi, workdayPostingKey } from '../../src/sites/workday.ts';
import { adapterFor, readPage } from '../../src/sites/registry.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { checkAgainstWithGaps as checkAgainst, type GapExpected as Expected } from './gap-check.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/workday');
const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name)) as T;

const BEGA =
  'https://begacheese.wd3.myworkdayjobs.com/Bega_Careers/job/Hobart-TAS/Quality-Specialist---Environmental---Sanitation_JR-7309';
const NORTHWIND = 'https://northwind.wd5.myworkdayjobs.com/en-US/Northwind_Careers/job/Denver-CO/Analytics-Engineer-II_R-20417';

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

/** Every other board's URLs: none is a Workday posting. */
const OTHER_BOARDS = [
  'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://boards.greenhouse.io/x/jobs/1',
  'https://job-boards.greenhouse.io/spotify/jobs/4012345005',
  'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/search/?keywords=engineer',
  'https://www.linkedin.com/jobs/view/4422277574/',
  'https://www.indeed.com/jobs?q=x',
  'https://www.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
  'https://jobs.smartrecruiters.com/ExampleCo/744000082260485-customer-success-manager',
  'https://apply.workable.com/acme/j/ABC123/',
  'https://wellfound.com/jobs/3012345-senior-backend-engineer',
];

describe('workdayAdapter.matches', () => {
  const mustMatch = [
    BEGA,
    NORTHWIND,
    `${BEGA}/`,
    `${BEGA}?source=LinkedIn`,
    `${BEGA}#apply`,
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    // a two-letter locale, and an id with a repost suffix (a live BBVA link)
    'https://bbva.wd3.myworkdayjobs.com/es/BBVA/job/SING---DIR-GENERAL-PISO-4/ANALYST-I---GRM-DATA---ANALYTICS---CoE---RIESGOS_JR00068618-1?locationCountry=e8106cd6a3534f2dba6fdee2d41db89d',
    'https://zillow.wd5.myworkdayjobs.com/en-US/Zillow_Group_External/job/Remote-USA/Data-Scientist_P751219-2',
    // `/details/` links, with and without a location segment
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/details/Senior-HPC-Storage-Engineer_JR2014997',
    'https://nvidia.wd5.myworkdayjobs.com/NVIDIAExternalCareerSite/details/US-CA/Intern_JR1?source=indeed',
    // no location segment
    'https://nvidia.wd5.myworkdayjobs.com/en-US/NVIDIAExternalCareerSite/job/Manager--Site-Reliability-Engineer---DGX-Cloud_JR2010800-1',
    'https://houstonmethodist.wd12.myworkdayjobs.com/GTI/job/HM-West---Main-Hospital-Building/Sr-Surgical-Technologist_JR-13515-2',
    'https://NVIDIA.WD5.MyWorkdayJobs.com/NVIDIAExternalCareerSite/job/US-CA-Santa-Clara/Senior-Architect_JR2001099-1',
    'http://acme.wd1.myworkdayjobs.com/Careers/job/Remote/Engineer_R-1',
  ];
  const mustNotMatch = [
    // Workday, but not a posting page
    'https://begacheese.wd3.myworkdayjobs.com/Bega_Careers',
    'https://begacheese.wd3.myworkdayjobs.com/en-US/Bega_Careers?q=quality',
    'https://begacheese.wd3.myworkdayjobs.com/en-US/Bega_Careers/login',
    `${BEGA}/apply`,
    `${BEGA}/apply/applyManually`,
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote',
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer',
    // the job detail JSON is not a page
    'https://begacheese.wd3.myworkdayjobs.com/wday/cxs/begacheese/Bega_Careers/job/Hobart-TAS/Quality-Specialist---Environmental---Sanitation_JR-7309',
    // Workday's own sites and the employee app
    'https://www.myworkdayjobs.com/',
    'https://www.workday.com/en-us/company/careers/overview.html',
    'https://wd5.myworkday.com/acme/d/home.htmld',
    'https://acme.myworkdayjobs.com/Careers/job/Remote/Engineer_R-1',
    // look-alikes
    'https://acme.wd1.myworkdayjobs.com.example.com/Careers/job/Remote/Engineer_R-1',
    'https://example.com/acme.wd1.myworkdayjobs.com/Careers/job/Remote/Engineer_R-1',
    'ftp://acme.wd1.myworkdayjobs.com/Careers/job/Remote/Engineer_R-1',
    ...OTHER_BOARDS,
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(workdayAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(workdayAdapter.matches(new URL(href))).toBe(false);
  });

  it('names the tenant, site and posting id; the id is the tenant and the URL id', () => {
    expect(workdayPostingKey(new URL(NORTHWIND))).toEqual({ tenant: 'northwind', site: 'Northwind_Careers', id: 'R-20417' });
    expect(workdayAdapter.jobIdFromUrl?.(new URL(BEGA))).toBe('begacheese:JR-7309');
  });

  it('is chosen by the registry, and its pages are covered by the content script patterns', () => {
    expect(adapterFor(new URL(BEGA))).toBe(workdayAdapter);
    expect(CONTENT_SCRIPT_MATCHES).toContain('https://*.myworkdayjobs.com/*');
  });
});


const PAGES = ['begacheese-quality-specialist', 'northwind-analytics-engineer-hybrid'];

describe('Workday fixtures: page in, what a careful reader says out', () => {
  it.each(PAGES)('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const raw = readPage(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(raw).not.toBeNull();
    checkAgainst(annotate(raw!), expected);
  });
});

describe('workdayAdapter.extract: the page as plain data', () => {
  it("reads the fields' dd values and names the remote type field as the board's", () => {
    const raw = RawPosting.parse(workdayAdapter.extract(doc(fixture('northwind-analytics-engineer-hybrid.html'), NORTHWIND), new URL(NORTHWIND)));
    expect(raw).toMatchObject({
      site: 'workday',
      jobId: 'northwind:R-20417',
      location: 'Denver, CO / Chicago, IL',
      commitment: 'Full time',
      workplace: [{ value: 'Hybrid', source: 'board', field: 'Workday remote type' }],
      payText: [],
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([
      'About the team',
      'What you will do',
      'Qualifications',
      'Preferred Qualifications',
      'Where you will work',
      'Pay',
    ]);
  });

  it('keeps the locale in the URL and drops tracking parameters', () => {
    const raw = workdayAdapter.extract(doc(fixture('begacheese-quality-specialist.html'), `${BEGA}?source=LinkedIn#x`), new URL(`${BEGA}?source=LinkedIn#x`));
    expect(raw?.url).toBe(BEGA);
  });

  it('reads only the posting, not a similar job card beside it', () => {
    const html = fixture('begacheese-quality-specialist.html').replace(
      '<div id="root">',
      '<div id="root"><div data-automation-id="similarJobsCard"><h2 data-automation-id="jobPostingHeader">Other job</h2><div data-automation-id="locations"><dl><dd>Elsewhere</dd></dl></div></div>',
    );
    expect(workdayAdapter.extract(doc(html, BEGA), new URL(BEGA))).toMatchObject({
      title: 'Quality Specialist - Environmental & Sanitation',
      location: 'Hobart (TAS)',
    });
  });

  it('falls back to JSON-LD, without throwing, when every data-automation-id and class is gone', () => {
    const stripped = fixture('begacheese-quality-specialist.html')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/\s(?:class|id|data-[\w-]+)="[^"]*"/g, '');
    expect(stripped.includes('data-automation-id')).toBe(false);
    const raw = readPage(doc(stripped, BEGA), new URL(BEGA));
    expect(RawPosting.safeParse(raw).success).toBe(true);
    expect(raw).toMatchObject({
      site: 'workday',
      jobId: 'begacheese:JR-7309',
      title: 'Quality Specialist - Environmental & Sanitation',
      company: 'Bega Dairy and Drinks Services Pty Ltd',
      location: 'Hobart (TAS), Australia',
      commitment: 'FULL_TIME',
      workplace: [],
    });
    expect(JSON.stringify(raw!.sections)).toContain('Strong knowledge of HACCP/GMP/GLP/BRC standards');
  });

  it.each([
    ['an empty page', ''],
    ['the app shell before it renders', '<html><body><div id="root"></div></body></html>'],
    ['garbage', '<<<>>>\u0000<div data-automation-id="jobPostingHeader"></div><dd></li>&&&'],
  ])('is null for %s', (_label, html) => {
    expect(workdayAdapter.extract(doc(html, BEGA), new URL(BEGA))).toBeNull();
  });
});

describe('workdayFromApi: the job detail JSON', () => {
  it('reads a live payload as board data', () => {
    const raw = RawPosting.parse(workdayFromApi(fixtureJson('api-begacheese-quality-specialist.json')));
    expect(raw).toMatchObject({
      site: 'workday',
      jobId: 'begacheese:JR-7309',
      url: BEGA,
      title: 'Quality Specialist - Environmental & Sanitation',
      company: 'Bega Dairy and Drinks Services Pty Ltd',
      location: 'Hobart (TAS)',
      commitment: 'Full time',
      workplace: [],
      payText: [],
      payStructured: [],
    });
    // Without a DOMParser the HTML falls back to plain lines.
    expect(raw.sections[0]!.paragraphs).toContain('Strong knowledge of HACCP/GMP/GLP/BRC standards');
  });

  it('reads remoteType and additionalLocations, and the HTML with a DOMParser', () => {
    const { doc: window } = parsePage('<html></html>');
    const raw = workdayFromApi(fixtureJson('api-northwind-analytics-engineer-hybrid.json'), undefined, { doc: window });
    expect(raw).toMatchObject({
      location: 'Denver, CO / Chicago, IL',
      workplace: [{ value: 'Hybrid', source: 'board', field: 'Workday API remoteType' }],
    });
    expect(raw.sections.map((s) => s.heading)).toContain('Preferred Qualifications');
  });

  it.each([
    ['api-begacheese-quality-specialist.json', 'begacheese-quality-specialist.expected.json'],
    ['api-northwind-analytics-engineer-hybrid.json', 'northwind-analytics-engineer-hybrid.expected.json'],
  ])('%s gives the posting the page gives', (payload, expectedName) => {
    const expected = fixtureJson<Expected>(expectedName);
    const page = doc('<html></html>', expected.url);
    const posting = annotate(workdayFromApi(fixtureJson(payload), undefined, { doc: page }));
    // The payload's externalUrl has no locale segment; the id is the same.
    checkAgainst(posting, { ...expected, posting: { ...expected.posting, url: posting.url } });
    const fromPage = annotate(readPage(doc(fixture(expectedName.replace('.expected.json', '.html')), expected.url), new URL(expected.url))!);
    expect(posting.id).toBe(fromPage.id);
    expect(posting.remote.policy).toBe(fromPage.remote.policy);
    expect(posting.requirements).toEqual(fromPage.requirements);
  });

  it('is recognised by shape among the payload readers', () => {
    expect(payloadReaderFor(fixtureJson('api-begacheese-quality-specialist.json'))?.id).toBe('workday');
    expect(payloadReaderFor({ jobPostings: [{ title: 'x', externalPath: '/job/x_R1' }] })?.id).not.toBe('workday');
  });

  it('throws a one-line reason on a payload that is not a job detail, or gives no URL', () => {
    expect(() => workdayFromApi({ hello: 'world' })).toThrow(/not a Workday job detail: jobPostingInfo/);
    expect(() => workdayFromApi(null)).toThrow(/not a Workday job detail/);
    expect(() => workdayFromApi({ jobPostingInfo: { title: '' } })).toThrow(/not a Workday job detail/);
    expect(() => workdayFromApi({ jobPostingInfo: { title: 'Engineer' } })).toThrow(/no externalUrl/);
  });

  it('takes the given URL when the payload has no externalUrl, and a string hiringOrganization', () => {
    const raw = workdayFromApi(
      { jobPostingInfo: { title: 'Engineer', jobReqId: 'R-1' }, hiringOrganization: 'Acme Corp' },
      'https://acme.wd1.myworkdayjobs.com/Careers/job/Remote/Engineer_R-1',
    );
    expect(raw).toMatchObject({ jobId: 'acme:R-1', company: 'Acme Corp', sections: [] });
  });
});
