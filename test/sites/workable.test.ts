import { afterEach, describe, expect, it } from 'vitest';
import { workableAdapter, workablePostingKey } from '../../src/sites/workable.ts';
import { adapterFor, readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const ANONOS = 'https://apply.workable.com/anonos/j/6A0F3C2D1B/';
const KELPIE = 'https://apply.workable.com/kelpie-labs/j/3F9C21B7AE/';
const PAGES = ['anonos-product-content-marketer', 'kelpie-senior-backend-engineer-remote'];

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

const fixture = (name: string): string => boardFixture('workable', name);

describe('workableAdapter.matches', () => {
  const mustMatch = [
    ANONOS,
    'https://apply.workable.com/anonos/j/6A0F3C2D1B',
    `${ANONOS}?utm_source=linkedin`,
    `${ANONOS}#apply`,
    'https://apply.workable.com/tmeic-corporation-americas/j/532EE44DFB/',
    'http://apply.workable.com/anonos/j/6A0F3C2D1B/',
    'https://APPLY.WORKABLE.COM/anonos/j/6a0f3c2d1b/',
    // Workable's short links carry no account
    'https://apply.workable.com/j/81B46579FE',
  ];
  const mustNotMatch = [
    // Workable, but not a posting page
    'https://apply.workable.com/',
    'https://apply.workable.com/anonos',
    'https://apply.workable.com/anonos/',
    `${ANONOS}apply`,
    `${ANONOS}apply/`,
    'https://apply.workable.com/j/81B46579FE/apply',
    'https://apply.workable.com/api/v3/accounts/anonos/jobs/6A0F3C2D1B',
    'https://apply.workable.com/api/j/6A0F3C2D1B',
    'https://apply.workable.com/anonos/j/',
    'https://jobs.workable.com/view/4HH9sDX74n9tqGZuoNBFV8/junior-software-engineer-in-athens-at-workable',
    'https://www.workable.com/',
    'https://anonos.workable.com/j/6A0F3C2D1B',
    // look-alikes
    'https://apply.workable.com.example.com/anonos/j/6A0F3C2D1B/',
    'https://example.com/apply.workable.com/anonos/j/6A0F3C2D1B/',
    'ftp://apply.workable.com/anonos/j/6A0F3C2D1B/',
    // other boards
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://wellfound.com/jobs/3123456-founding-frontend-engineer',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(workableAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(workableAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the account and the shortcode, upper-cased; the registry chooses it', () => {
    expect(workablePostingKey(new URL('https://apply.workable.com/anonos/j/6a0f3c2d1b'))).toEqual({ account: 'anonos', id: '6A0F3C2D1B' });
    expect(workablePostingKey(new URL('https://apply.workable.com/j/81B46579FE'))).toEqual({ account: null, id: '81B46579FE' });
    expect(adapterFor(new URL(ANONOS))).toBe(workableAdapter);
  });
});

describe('workableAdapter.extract: the page as plain data', () => {
  it("reads Workable's data-ui hooks, the title's company and the three blocks", () => {
    const raw = RawPosting.parse(workableAdapter.extract(doc(fixture('kelpie-senior-backend-engineer-remote.html'), KELPIE), new URL(KELPIE)));
    expect(raw).toMatchObject({
      site: 'workable',
      jobId: '3F9C21B7AE',
      url: KELPIE,
      title: 'Senior Backend Engineer (Go)',
      company: 'Kelpie Labs',
      location: 'Lisbon, Portugal',
      department: 'Engineering',
      commitment: 'Full time',
      workplace: [{ value: 'Remote', source: 'board', field: 'Workable workplace' }],
      payStructured: [],
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, 'Requirements', 'Benefits']);
    expect(JSON.stringify(raw.sections)).not.toContain('Apply for this job');
  });

  it("reads the page's JobPosting JSON-LD first when it has one", () => {
    // Shape: schema.org JobPosting (no Workable sample was found; see test/fixtures/workable/README.md).
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'JobPosting',
      title: 'Product Content Marketer (f/m/d)',
      hiringOrganization: { '@type': 'Organization', name: 'Anonos Inc.' },
      employmentType: 'PART_TIME',
      baseSalary: { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 40000, maxValue: 50000, unitText: 'YEAR' } },
    };
    const html = fixture('anonos-product-content-marketer.html').replace('</head>', `<script type="application/ld+json">${JSON.stringify(ld)}</script>\n</head>`);
    const raw = workableAdapter.extract(doc(html, ANONOS), new URL(ANONOS));
    expect(raw).toMatchObject({ company: 'Anonos Inc.', commitment: 'PART_TIME', location: 'Germany' });
    expect(raw?.payStructured).toEqual([expect.objectContaining({ min: 40000, max: 50000, currency: 'EUR', period: 'year', source: 'jsonld' })]);
    // The page's own blocks still give the sections: JSON-LD carries no headings.
    expect(raw?.sections.map((s) => s.heading)).toContain('Requirements:');
  });

  it('reads the company after a job title that itself holds " - "', () => {
    const html = fixture('kelpie-senior-backend-engineer-remote.html')
      .replace('<title>Senior Backend Engineer (Go) - Kelpie Labs</title>', '<title>Senior Backend Engineer - Payments - Kelpie Labs</title>')
      .replace('<h1 data-ui="job-title">Senior Backend Engineer (Go)</h1>', '<h1 data-ui="job-title">Senior Backend Engineer - Payments</h1>');
    expect(workableAdapter.extract(doc(html, KELPIE), new URL(KELPIE))).toMatchObject({ title: 'Senior Backend Engineer - Payments', company: 'Kelpie Labs' });
  });

  it('uses the URL\'s account when the page title names no company', () => {
    const html = fixture('anonos-product-content-marketer.html').replace(/<title>[^<]*<\/title>/, '<title>Careers</title>');
    expect(workableAdapter.extract(doc(html, ANONOS), new URL(ANONOS))?.company).toBe('anonos');
  });

  it('is null for a Workable page that is not a posting', () => {
    const gone = doc('<html><head><title>Workable</title></head><body><div id="app"><h1>This job is no longer available</h1></div></body></html>', ANONOS);
    expect(workableAdapter.extract(gone, new URL(ANONOS))).toBeNull();
    expect(readPage(gone, new URL(ANONOS))).toBeNull();
  });

  it("reads nothing on the board's pages that are not postings", () => {
    const href = 'https://apply.workable.com/anonos/';
    expect(readPage(doc(fixture('anonos-product-content-marketer.html'), href), new URL(href))).toBeNull();
  });
});

describe('a copy whose selectors miss', () => {
  it("falls back to the prose reader, keeping the board's id, without throwing", () => {
    // A redesign without the data-ui hooks: the text, its headings and the Apply link stay.
    const html = fixture('anonos-product-content-marketer.html').replace(/ data-ui="[^"]*"/g, '');
    const page = doc(html, ANONOS);
    expect(workableAdapter.extract(page, new URL(ANONOS))).toBeNull();
    let reading: ReturnType<typeof readPageWithSource> = null;
    expect(() => {
      reading = readPageWithSource(page, new URL(ANONOS));
    }).not.toThrow();
    expect(reading).toMatchObject({ via: 'generic', raw: { site: 'workable', jobId: '6A0F3C2D1B', title: 'Product Content Marketer (f/m/d)' } });
    expect(annotate(reading!.raw).requirements.required).toHaveLength(6);
  });
});

describe('Workable fixtures: page in, what a careful reader says out', () => {
  for (const name of PAGES) {
    const expected = boardJson<Expected>('workable', `${name}.expected.json`);
    const read = () => {
      const reading = readPageWithSource(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
      expect(reading?.via).toBe(expected.via);
      return annotate(reading!.raw);
    };
    it(name, () => checkAgainst(read(), expected));
  }
});
