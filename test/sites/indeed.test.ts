import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEED_HOSTS, indeedAdapter, indeedPostingKey } from '../../src/sites/indeed.ts';
import { adapterFor, readPage } from '../../src/sites/registry.ts';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { checkAgainstWithGaps as checkAgainst, type GapExpected as Expected } from './gap-check.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/indeed');
const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name)) as T;

const SUMMIT = 'https://www.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60';
const HARBOUR = 'https://uk.indeed.com/jobs?q=site+reliability+engineer&l=London&vjk=9b1d2e3f4a5c6d7e';

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

/** Every other board's URLs: none is an Indeed posting. */
const OTHER_BOARDS = [
  'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://boards.greenhouse.io/x/jobs/1',
  'https://job-boards.greenhouse.io/spotify/jobs/4012345005',
  'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
  'https://www.linkedin.com/feed/',
  'https://www.linkedin.com/jobs/search/?keywords=engineer',
  'https://www.linkedin.com/jobs/view/4422277574/',
  'https://jobs.smartrecruiters.com/ExampleCo/744000082260485-customer-success-manager',
  'https://apply.workable.com/acme/j/ABC123/',
  'https://wellfound.com/jobs/3012345-senior-backend-engineer',
];

describe('indeedAdapter.matches', () => {
  const mustMatch = [
    SUMMIT,
    'https://www.indeed.com/viewjob?jk=4F2A9C1B7D3E8A60&from=serp&vjs=3',
    'https://indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
    'https://uk.indeed.com/viewjob?jk=9b1d2e3f4a5c6d7e',
    'https://ca.indeed.com/viewjob?jk=d3e9cd48aa379808',
    'https://au.indeed.com/viewjob?jk=d3e9cd48aa379808',
    'https://in.indeed.com/viewjob?jk=d3e9cd48aa379808',
    'https://ie.indeed.com/viewjob?jk=d3e9cd48aa379808',
    // search pages with a job selected
    'https://www.indeed.com/jobs?q=data+analyst&l=Austin%2C+TX&vjk=4f2a9c1b7d3e8a60',
    HARBOUR,
    'https://ca.indeed.com/?r=us&vjk=d3e9cd48aa379808',
    'https://www.indeed.com/?advn=8876452989351355&vjk=ec7f774ce9a3d1d1',
    'https://www.indeed.com/q-software-engineer-l-remote-jobs.html?vjk=ec7f774ce9a3d1d1',
  ];
  const mustNotMatch = [
    'https://www.indeed.com/',
    'https://www.indeed.com/jobs?q=x',
    'https://www.indeed.com/jobs?q=data+analyst&l=Austin%2C+TX',
    'https://www.indeed.com/viewjob',
    'https://www.indeed.com/viewjob?jk=abc123def456',
    'https://www.indeed.com/viewjob?vjk=4f2a9c1b7d3e8a60',
    'https://www.indeed.com/cmp/Summit-Ridge-Credit-Union',
    'https://www.indeed.com/cmp/Summit-Ridge-Credit-Union/jobs?jk=4f2a9c1b7d3e8a60',
    'https://www.indeed.com/rc/clk?jk=4f2a9c1b7d3e8a60&from=vj',
    'https://www.indeed.com/career-advice/finding-a-job/data-analyst',
    'https://smartapply.indeed.com/beta/indeedapply/form/contact-info',
    'https://employers.indeed.com/jobs',
    // chose: country sites in other languages are not read until tested
    'https://de.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
    'https://pk.indeed.com/jobs?q=reactjs+developer&l=lahore&vjk=93f28d2bdecad8ac',
    // look-alikes
    'https://www.indeed.com.example.com/viewjob?jk=4f2a9c1b7d3e8a60',
    'https://example.com/www.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
    'ftp://www.indeed.com/viewjob?jk=4f2a9c1b7d3e8a60',
    ...OTHER_BOARDS,
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(indeedAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(indeedAdapter.matches(new URL(href))).toBe(false);
  });

  it('takes the job key from jk, or from vjk on a search page, lower-cased', () => {
    expect(indeedPostingKey(new URL(SUMMIT))).toEqual({ jk: '4f2a9c1b7d3e8a60', selected: false });
    expect(indeedPostingKey(new URL(HARBOUR))).toEqual({ jk: '9b1d2e3f4a5c6d7e', selected: true });
    expect(indeedAdapter.jobIdFromUrl?.(new URL('https://www.indeed.com/viewjob?jk=4F2A9C1B7D3E8A60'))).toBe('4f2a9c1b7d3e8a60');
  });

  it('is chosen by the registry, and every host it reads has a content script pattern', () => {
    expect(adapterFor(new URL(HARBOUR))).toBe(indeedAdapter);
    for (const host of INDEED_HOSTS.filter((h) => h !== 'indeed.com')) {
      expect(CONTENT_SCRIPT_MATCHES).toContain(`https://${host}/*`);
    }
  });
});


const PAGES = ['viewjob-summit-data-analyst-pay', 'search-uk-harbour-sre-selected'];

describe('Indeed fixtures: page in, what a careful reader says out', () => {
  it.each(PAGES)('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const raw = readPage(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(raw).not.toBeNull();
    checkAgainst(annotate(raw!), expected);
  });
});

describe('indeedAdapter.extract: the page as plain data', () => {
  it('splits the pay line from the job type, and drops the " - job post" suffix and the svg', () => {
    const raw = RawPosting.parse(indeedAdapter.extract(doc(fixture('viewjob-summit-data-analyst-pay.html'), SUMMIT), new URL(SUMMIT)));
    expect(raw).toMatchObject({
      site: 'indeed',
      jobId: '4f2a9c1b7d3e8a60',
      url: SUMMIT,
      title: 'Data Analyst',
      company: 'Summit Ridge Credit Union',
      location: 'Hybrid work in Austin, TX 78701',
      commitment: 'Full-time',
      payText: [{ value: '$65,000 - $80,000 a year', source: 'board', field: 'Indeed pay line' }],
      workplace: [],
    });
  });

  it("reads the selected job's pane, not another result's card", () => {
    const raw = indeedAdapter.extract(doc(fixture('search-uk-harbour-sre-selected.html'), HARBOUR), new URL(HARBOUR));
    expect(raw).toMatchObject({
      jobId: '9b1d2e3f4a5c6d7e',
      url: 'https://uk.indeed.com/viewjob?jk=9b1d2e3f4a5c6d7e',
      title: 'Site Reliability Engineer',
      company: 'Harbour Analytics Ltd',
      commitment: 'Full-time',
      payText: [],
    });
  });

  it('reads an estimate marked as such as an estimate', () => {
    // The header's spans as on the fixture; "Estimated" is how Indeed is said to mark its own figures (not seen on a capture).
    const html = fixture('viewjob-summit-data-analyst-pay.html').replace(
      'eu4oa1w0"><span class="css-1oc7tea eu4oa1w0">$65,000 - $80,000 a year</span>',
      'eu4oa1w0"><span class="css-1oc7tea eu4oa1w0">Estimated $61.2K - $77.5K a year</span>',
    );
    expect(html).toContain('Estimated $61.2K');
    const raw = indeedAdapter.extract(doc(html, SUMMIT), new URL(SUMMIT));
    const estimate = annotate(raw!).salaries.find((s) => s.source === 'board');
    expect(estimate).toMatchObject({ min: 61200, max: 77500, estimated: true });
  });

  it.each(PAGES)('%s without its classes, ids and test ids: no throw, and nothing read from the page', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const url = new URL(expected.url);
    const page = doc(stripped(fixture(`${name}.html`)), expected.url);
    expect(indeedAdapter.extract(page, url)).toBeNull();
    // The registry's fallbacks may still read the page; whatever they read keeps Indeed's name and key, and fits the model.
    const raw = readPage(page, url);
    if (raw) {
      expect(RawPosting.safeParse(raw).success).toBe(true);
      expect(raw).toMatchObject({ site: 'indeed', jobId: indeedPostingKey(url)!.jk });
    }
  });

  it("falls back to a job page's JSON-LD when its markup is gone", () => {
    const ld =
      '<script type="application/ld+json">{"@context":"http://schema.org","@type":"JobPosting","title":"Data Analyst","hiringOrganization":{"@type":"Organization","name":"Summit Ridge Credit Union"}}</script>';
    const html = stripped(fixture('viewjob-summit-data-analyst-pay.html')).replace('</head>', `${ld}</head>`);
    const raw = readPage(doc(html, SUMMIT), new URL(SUMMIT));
    expect(raw).toMatchObject({ site: 'indeed', jobId: '4f2a9c1b7d3e8a60', title: 'Data Analyst', company: 'Summit Ridge Credit Union' });
  });

  it.each([
    ['an empty page', ''],
    ['a verification wall', '<html><body><h1>Verify you are human</h1></body></html>'],
    ['garbage', '<<<>>>\u0000<h1 data-testid="jobsearch-JobInfoHeader-title"> - job post</h1>&&&'],
  ])('is null for %s', (_label, html) => {
    expect(indeedAdapter.extract(doc(html, SUMMIT), new URL(SUMMIT))).toBeNull();
  });
});
