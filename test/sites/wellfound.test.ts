import { afterEach, describe, expect, it } from 'vitest';
import { wellfoundAdapter, wellfoundJobId } from '../../src/sites/wellfound.ts';
import { adapterFor, readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const TERN = 'https://wellfound.com/jobs/3123456-founding-frontend-engineer';
const PARCELWISE = 'https://wellfound.com/company/parcelwise/jobs/3198765-operations-associate';
const PAGES = ['tern-health-founding-frontend-engineer', 'parcelwise-operations-associate-onsite'];

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

const fixture = (name: string): string => boardFixture('wellfound', name);

describe('wellfoundAdapter.matches', () => {
  const mustMatch = [
    TERN,
    `${TERN}/`,
    `${TERN}?utm_source=newsletter`,
    'https://wellfound.com/jobs/2747178-python-developer',
    'https://wellfound.com/jobs/4465216-associate-product-manager-technical',
    'https://wellfound.com/jobs/42',
    PARCELWISE,
    'http://wellfound.com/jobs/2747178-python-developer',
    'https://WELLFOUND.COM/jobs/2747178-python-developer',
  ];
  const mustNotMatch = [
    // Wellfound, but not a posting page
    'https://wellfound.com/',
    'https://wellfound.com/jobs',
    'https://wellfound.com/jobs/',
    'https://wellfound.com/jobs?query=engineer',
    'https://wellfound.com/jobs/list/remote',
    'https://wellfound.com/jobs/feed?keywords=devops&remote=true',
    'https://wellfound.com/role/l/software-engineer/india',
    'https://wellfound.com/role/r/software-engineer',
    'https://wellfound.com/company/parcelwise',
    'https://wellfound.com/company/parcelwise/jobs',
    'https://wellfound.com/jobs/not-a-posting',
    'https://angel.co/company/parcelwise/jobs/3198765-operations-associate',
    // look-alikes
    'https://wellfound.com.example.com/jobs/2747178-python-developer',
    'https://example.com/wellfound.com/jobs/2747178-python-developer',
    'ftp://wellfound.com/jobs/2747178-python-developer',
    // other boards
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://apply.workable.com/anonos/j/6A0F3C2D1B/',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(wellfoundAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(wellfoundAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the numeric job id from either URL form; the registry chooses it', () => {
    expect(wellfoundJobId(new URL(TERN))).toBe('3123456');
    expect(wellfoundJobId(new URL(PARCELWISE))).toBe('3198765');
    expect(adapterFor(new URL(PARCELWISE))).toBe(wellfoundAdapter);
  });
});

describe('wellfoundAdapter.extract: the JSON-LD as plain data', () => {
  it('reads baseSalary, jobLocationType and the description', () => {
    const raw = RawPosting.parse(wellfoundAdapter.extract(doc(fixture('tern-health-founding-frontend-engineer.html'), TERN), new URL(TERN)));
    expect(raw).toMatchObject({
      site: 'wellfound',
      jobId: '3123456',
      url: TERN,
      title: 'Founding Frontend Engineer',
      company: 'Tern Health',
      location: null,
      commitment: 'FULL_TIME',
      workplace: [{ value: 'TELECOMMUTE', source: 'jsonld', field: 'JSON-LD jobLocationType' }],
      payStructured: [{ min: 140000, max: 170000, currency: 'USD', period: 'year', source: 'jsonld' }],
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What you'll do", "What we're looking for", 'Compensation']);
  });

  it('never takes the board for the employer', () => {
    const html = fixture('parcelwise-operations-associate-onsite.html')
      .replace('"hiringOrganization":{"@type":"Organization","name":"Parcelwise","sameAs":"https://wellfound.com/company/parcelwise"},', '')
      .replace('<head>', '<head>\n<meta property="og:site_name" content="Wellfound">');
    expect(wellfoundAdapter.extract(doc(html, PARCELWISE), new URL(PARCELWISE))?.company).toBeNull();
  });

  it('is null for a listing: a page describing several jobs', () => {
    const two = '[{"@type":"JobPosting","title":"Engineer","url":"https://wellfound.com/jobs/1-engineer"},{"@type":"JobPosting","title":"Designer","url":"https://wellfound.com/jobs/2-designer"}]';
    const page = doc(`<html><head><script type="application/ld+json">${two}</script></head><body><h1>Jobs</h1></body></html>`, TERN);
    expect(wellfoundAdapter.extract(page, new URL(TERN))).toBeNull();
    expect(readPage(page, new URL(TERN))).toBeNull();
  });
});

describe('a copy whose selectors miss', () => {
  it('without its JSON-LD the page is not read, and nothing throws', () => {
    // The body has only the title: no other reader may invent a posting from it.
    const html = fixture('tern-health-founding-frontend-engineer.html').replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '');
    const page = doc(html, TERN);
    expect(wellfoundAdapter.extract(page, new URL(TERN))).toBeNull();
    let reading: ReturnType<typeof readPageWithSource> = { raw: {} as RawPosting, via: 'adapter' };
    expect(() => {
      reading = readPageWithSource(page, new URL(TERN));
    }).not.toThrow();
    expect(reading).toBeNull();
  });

  it("with its description in the body, the prose reader takes over, keeping the board's id", () => {
    const html = fixture('parcelwise-operations-associate-onsite.html')
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replace(
        '<h1>Operations Associate</h1>',
        '<h1>Operations Associate</h1><h2>The role</h2><p>This role is on-site in our San Francisco office, five days a week.</p><h2>Requirements</h2><ul><li>2+ years in operations or logistics</li></ul><a href="#apply">Apply</a>',
      );
    expect(readPageWithSource(doc(html, PARCELWISE), new URL(PARCELWISE))).toMatchObject({
      via: 'generic',
      raw: { site: 'wellfound', jobId: '3198765', title: 'Operations Associate' },
    });
  });
});

describe('Wellfound fixtures: page in, what a careful reader says out', () => {
  for (const name of PAGES) {
    const expected = boardJson<Expected>('wellfound', `${name}.expected.json`);
    const read = () => {
      const reading = readPageWithSource(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
      expect(reading?.via).toBe(expected.via);
      return annotate(reading!.raw);
    };
    it(name, () => checkAgainst(read(), expected));
  }
});
