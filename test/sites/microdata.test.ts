import { afterEach, describe, expect, it } from 'vitest';
import { microdataAdapter, readMicrodataPosting } from '../../src/sites/microdata.ts';
import { readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const URL_ = 'https://careers.abc-company.example/jobs/software-engineer';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function doc(html: string, url = URL_): Document {
  const page = parsePage(html, url);
  closers.push(page.close);
  return page.doc;
}

const schemaOrgExample = (): string => boardFixture('generic', 'schemaorg-software-engineer-microdata.html');

describe('microdataAdapter.matches', () => {
  it.each([
    URL_,
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://apply.workable.com/anonos/j/6A0F3C2D1B/',
    'https://wellfound.com/jobs/3123456-founding-frontend-engineer',
  ])('matches no URL (it is a fallback): %s', (href) => {
    expect(microdataAdapter.matches(new URL(href))).toBe(false);
  });
});

describe('readMicrodataPosting', () => {
  it("reads schema.org's own example: nested items, text properties beside the description", () => {
    const posting = readMicrodataPosting(doc(schemaOrgExample()));
    expect(posting).toMatchObject({
      title: 'Software Engineer',
      company: 'ABC Company Inc.',
      location: 'Kirkland, WA',
      commitment: 'Full-time',
      workplace: [],
      payText: [{ value: 'USD 100000', source: 'jsonld', field: 'schema.org microdata baseSalary' }],
      payStructured: [],
      jobId: null,
    });
    const headings = posting!.sections.map((s) => s.heading);
    expect(headings).toEqual([
      null,
      'Responsibilities:',
      'Educational requirements:',
      'Experience requirements:',
      'Desired Skills:',
      'Qualifications:',
      'Benefits:',
      'Incentives:',
    ]);
  });

  it("reads a board's microdata: SmartRecruiters' header, address metas and description", () => {
    const url = 'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled';
    const posting = readMicrodataPosting(doc(boardFixture('smartrecruiters', 'servicenow-public-sector-account-executive.html'), url));
    expect(posting).toMatchObject({
      title: 'Sr. Public Sector Account Executive - SLED',
      company: 'ServiceNow',
      location: 'New York, NY, United States',
      commitment: 'Full-time',
    });
    // The description holds every section, so the header is not part of the text.
    expect(posting!.sections.map((s) => s.heading)).toContain('Additional Information');
    expect(JSON.stringify(posting!.sections)).not.toContain("I'm interested");
  });

  it('reads a MonetaryAmount with a QuantitativeValue as structured pay, and an identifier', () => {
    const html = `<div itemscope itemtype="https://schema.org/JobPosting">
      <h1 itemprop="title">Registered Nurse</h1>
      <span itemprop="identifier" itemscope itemtype="https://schema.org/PropertyValue"><meta itemprop="value" content="SAH-RN-117"></span>
      <div itemprop="baseSalary" itemscope itemtype="https://schema.org/MonetaryAmount"><meta itemprop="currency" content="GBP">
        <div itemprop="value" itemscope itemtype="https://schema.org/QuantitativeValue"><meta itemprop="minValue" content="35392"><meta itemprop="maxValue" content="42618"><meta itemprop="unitText" content="YEAR"></div>
      </div>
      <meta itemprop="jobLocationType" content="TELECOMMUTE">
      <div itemprop="description"><h3>Essential criteria</h3><ul><li>Current NMC registration</li></ul></div>
    </div>`;
    expect(readMicrodataPosting(doc(html))).toMatchObject({
      title: 'Registered Nurse',
      jobId: 'SAH-RN-117',
      workplace: [{ value: 'TELECOMMUTE', source: 'jsonld', field: 'schema.org microdata jobLocationType' }],
      payStructured: [{ min: 35392, max: 42618, currency: 'GBP', period: 'year', source: 'jsonld', evidence: 'schema.org microdata baseSalary: 35392–42618 GBP per YEAR' }],
      sections: [{ heading: 'Essential criteria', paragraphs: [], items: ['Current NMC registration'] }],
    });
  });

  it('reads a JobPosting that is the mainEntity of a page item', () => {
    const html = '<body itemscope itemtype="https://schema.org/WebPage"><main itemprop="mainEntity" itemscope itemtype="http://schema.org/JobPosting"><h1 itemprop="title">Welder</h1><p itemprop="description">Weld things.</p></main></body>';
    expect(readMicrodataPosting(doc(html))?.title).toBe('Welder');
  });

  it.each([
    ['no microdata', '<html><body><h1>Welder</h1></body></html>'],
    ['another type only', '<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">News</h1></div>'],
    [
      'a listing of several postings',
      '<ul itemscope itemtype="https://schema.org/ItemList"><li itemprop="itemListElement" itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">Welder</span></li><li itemprop="itemListElement" itemscope itemtype="https://schema.org/JobPosting"><span itemprop="title">Fitter</span></li></ul>',
    ],
  ])('is null for %s', (_name, html) => {
    expect(readMicrodataPosting(doc(html))).toBeNull();
  });

  it('adapter: null without a title', () => {
    const html = '<div itemscope itemtype="https://schema.org/JobPosting"><p itemprop="description">No title.</p></div>';
    expect(microdataAdapter.extract(doc(html), new URL(URL_))).toBeNull();
  });
});

describe('readPageWithSource order', () => {
  it('JSON-LD comes before microdata on a page that has both', () => {
    const ld = '<script type="application/ld+json">{"@type":"JobPosting","title":"Software Engineer (JSON-LD)"}</script>';
    const reading = readPageWithSource(doc(schemaOrgExample().replace('</head>', `${ld}</head>`)), new URL(URL_));
    expect(reading).toMatchObject({ via: 'jsonld', raw: { title: 'Software Engineer (JSON-LD)' } });
  });

  it('microdata comes before the prose reader', () => {
    const reading = readPageWithSource(doc(schemaOrgExample()), new URL(URL_));
    expect(reading?.via).toBe('microdata');
    expect(RawPosting.safeParse(reading?.raw).success).toBe(true);
  });
});

describe('microdata fixture: page in, what a careful reader says out', () => {
  const name = 'schemaorg-software-engineer-microdata';
  const expected = boardJson<Expected>('generic', `${name}.expected.json`);
  const read = () => {
    const reading = readPageWithSource(doc(boardFixture('generic', `${name}.html`), expected.url), new URL(expected.url));
    expect(reading?.via).toBe(expected.via);
    return annotate(reading!.raw);
  };
  it(name, () => checkAgainst(read(), expected));
});
