import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adapterFor, adapters, isKnownPostingUrl, mayHoldPosting, postingKeyFor, readPage, readPageWithSource, urlOfPage } from '../../src/sites/registry.ts';
import { leverAdapter } from '../../src/sites/lever.ts';
import { RawPosting } from '../../src/model/index.ts';
import { fixture, parsePage } from './page.ts';

const SAMBA = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function doc(html: string, url = 'https://example.org/'): Document {
  const page = parsePage(html, url);
  closers.push(page.close);
  return page.doc;
}

const JOB_LD =
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Pharmacist","hiringOrganization":{"@type":"Organization","name":"Farmacia Alameda"},"identifier":"FA-7"}</script>';

describe('adapterFor / isKnownPostingUrl', () => {
  it('lists the Lever adapter', () => {
    expect(adapters).toContain(leverAdapter);
  });

  it('finds the adapter for a posting URL and none for anything else', () => {
    expect(adapterFor(new URL(SAMBA))).toBe(leverAdapter);
    expect(adapterFor(new URL('https://jobs.lever.co/spotify'))).toBeNull();
    expect(adapterFor(new URL('https://boards.greenhouse.io/x/jobs/1'))?.id).toBe('greenhouse');
    expect(adapterFor(new URL('https://jobs.ashbyhq.com/x/6f1b3c1e-8c1a-4c8e-9d0c-2b6f3f1d9a10'))?.id).toBe('ashby');
    expect(adapterFor(new URL('https://www.linkedin.com/jobs/view/4012345678/'))?.id).toBe('linkedin');
    expect(adapterFor(new URL('https://example.com/careers/engineer'))).toBeNull();
    expect(adapterFor(new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });

  it('gives each URL to at most one board', () => {
    const urls = [
      SAMBA,
      'https://boards.greenhouse.io/x/jobs/1',
      'https://job-boards.greenhouse.io/x/jobs/4012345',
      'https://jobs.ashbyhq.com/x/6f1b3c1e-8c1a-4c8e-9d0c-2b6f3f1d9a10',
      'https://acme.wd5.myworkdayjobs.com/en-US/External/job/Denver-CO/Analytics-Engineer_R-10234',
      'https://www.linkedin.com/jobs/view/4012345678/',
      'https://www.linkedin.com/jobs/search/?currentJobId=4012345678',
      'https://www.indeed.com/viewjob?jk=0123456789abcdef',
    ];
    for (const url of urls) {
      const claimed = adapters.filter((a) => a.matches(new URL(url))).map((a) => a.id);
      expect(claimed, url).toHaveLength(1);
    }
  });

  it('takes strings, and is false for what is not a URL', () => {
    expect(isKnownPostingUrl(SAMBA)).toBe(true);
    expect(isKnownPostingUrl(new URL(`${SAMBA}/apply`))).toBe(false);
    expect(isKnownPostingUrl('not a url')).toBe(false);
    expect(isKnownPostingUrl('')).toBe(false);
  });

  it('names the board and job of a known posting URL', () => {
    expect(postingKeyFor(`${SAMBA}?lever-source=LinkedIn`)).toEqual({ site: 'lever', jobId: '7597d3d7-58d2-41b2-9f85-911d95c2c739' });
    expect(postingKeyFor('https://example.org/jobs/1')).toBeNull();
    expect(postingKeyFor('::')).toBeNull();
  });
});

describe('mayHoldPosting', () => {
  it("is true for a board's posting pages and for pages of hosts that are no board's", () => {
    for (const url of [
      SAMBA,
      'https://boards.greenhouse.io/x/jobs/1',
      'https://jobs.ashbyhq.com/x/6f1b3c1e-8c1a-4c8e-9d0c-2b6f3f1d9a10',
      'https://acme.wd5.myworkdayjobs.com/en-US/External/job/Denver-CO/Analytics-Engineer_R-10234',
      'https://www.linkedin.com/jobs/view/4012345678/',
      'https://www.linkedin.com/jobs/search/?currentJobId=4012345678',
      'https://www.indeed.com/viewjob?jk=0123456789abcdef',
      'https://www.farmacia-alameda.example/empleos/farmaceutico',
      'https://example.com/careers/engineer?gh_jid=4012345',
      'https://news.example.org/2026/05/12/city-transport-plan-approved',
    ]) {
      expect(mayHoldPosting(url), url).toBe(true);
    }
  });

  it("is false for a board's other pages, and for what is not a URL", () => {
    for (const url of [
      'https://jobs.lever.co/company-name',
      'https://jobs.lever.co/spotify',
      // Its apply page shows the posting's headline and is read (test/sites/apply-pages.test.ts); the page after it is not.
      `${SAMBA}/thanks`,
      'https://boards.greenhouse.io/x',
      'https://jobs.ashbyhq.com/x',
      'https://acme.wd5.myworkdayjobs.com/en-US/External',
      'https://www.linkedin.com/jobs/',
      'https://www.indeed.com/',
      'not a url',
    ]) {
      expect(mayHoldPosting(url), url).toBe(false);
    }
  });

  it('agrees with readPageWithSource: where it is false, even a page full of posting data reads as nothing', () => {
    const page = doc(`<html><head>${JOB_LD}</head><body><h1>Pharmacist</h1><p>Apply now</p></body></html>`, 'https://jobs.lever.co/company-name');
    for (const url of ['https://jobs.lever.co/company-name', `${SAMBA}/thanks`, 'https://boards.greenhouse.io/x']) {
      expect(mayHoldPosting(url)).toBe(false);
      expect(readPageWithSource(page, new URL(url)), url).toBeNull();
    }
  });
});

describe('readPage', () => {
  it('reads a Lever posting with the Lever adapter', () => {
    const raw = readPage(doc(fixture('spotify-ml-engineer-samba.html'), SAMBA), new URL(SAMBA));
    expect(raw).toMatchObject({ site: 'lever', jobId: '7597d3d7-58d2-41b2-9f85-911d95c2c739', company: 'Spotify' });
  });

  it('falls back to JSON-LD on a page no adapter claims', () => {
    const url = new URL('https://www.farmacia-alameda.example/empleos/farmaceutico');
    const raw = readPage(doc(`<html><head>${JOB_LD}</head><body><h1>Pharmacist</h1></body></html>`), url);
    expect(RawPosting.safeParse(raw).success).toBe(true);
    expect(raw).toMatchObject({ site: 'farmacia-alameda.example', jobId: 'FA-7', title: 'Pharmacist', company: 'Farmacia Alameda' });
  });

  it('falls back to JSON-LD when the Lever markup is missing', () => {
    const raw = readPage(doc(`<html><head>${JOB_LD}</head><body></body></html>`, SAMBA), new URL(SAMBA));
    expect(raw).toMatchObject({ site: 'lever', jobId: '7597d3d7-58d2-41b2-9f85-911d95c2c739', title: 'Pharmacist' });
  });

  it("reads nothing on a board's pages that are not postings, even with JSON-LD", () => {
    for (const href of ['https://jobs.lever.co/spotify', `${SAMBA}/thanks`]) {
      expect(readPage(doc(`<html><head>${JOB_LD}</head><body></body></html>`, href), new URL(href))).toBeNull();
    }
  });

  it.each([
    ['an empty page', ''],
    ['a page with no posting', '<html><body><h1>About us</h1><p>We make tools.</p></body></html>'],
    ['garbage', '<<<>>>\u0000\u0001<div <p></li></ul>&&&;;<script>throw 1</script>'],
    ['a JSON-LD block that is not JSON', '<script type="application/ld+json">{{{</script>'],
    ['JSON-LD that is a number', '<script type="application/ld+json">42</script>'],
    ['a JobPosting with no title', '<script type="application/ld+json">{"@type":"JobPosting","description":"x"}</script>'],
  ])('is null for %s, on a Lever URL and any other', (_name, html) => {
    expect(readPage(doc(html, SAMBA), new URL(SAMBA))).toBeNull();
    expect(readPage(doc(html), new URL('https://example.org/jobs/1'))).toBeNull();
  });

  it('never throws, even when the document itself throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile page');
        },
      },
    ) as Document;
    expect(readPage(hostile, new URL(SAMBA))).toBeNull();
    expect(readPage(hostile, new URL('https://example.org/'))).toBeNull();
  });

  it('never throws on any markup', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.boolean(), (body, onLever) => {
        const url = onLever ? SAMBA : 'https://example.org/jobs/1';
        const html = `<div class="posting-headline"><h2>${body}</h2></div><div class="section" data-qa="job-description">${body}</div>`;
        const raw = readPage(doc(html, url), new URL(url));
        expect(raw === null || RawPosting.safeParse(raw).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('urlOfPage', () => {
  it('reads the canonical link, else og:url, else the JSON-LD url; http(s) only', () => {
    expect(urlOfPage(doc(`<link rel="canonical" href="${SAMBA}"><meta property="og:url" content="https://example.org/og">`))).toBe(SAMBA);
    expect(urlOfPage(doc('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://example.org/og">'))).toBe(
      'https://example.org/og',
    );
    expect(urlOfPage(doc('<script type="application/ld+json">{"@type":"JobPosting","title":"T","url":"https://example.org/ld"}</script>'))).toBe(
      'https://example.org/ld',
    );
    expect(urlOfPage(doc('<p>nothing</p>'))).toBeNull();
  });
});

describe('single-page boards: no reading of the previous job under the next job\'s URL', () => {
  const jobA = 'https://www.linkedin.com/jobs/search/?currentJobId=4011111111';
  const jsonLd = (url: string) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'Data Engineer', url, description: '<p>Build pipelines.</p>' })}</script>`;

  it('takes JSON-LD only when it names the job the URL names', () => {
    const sameJob = doc(`<html><head>${jsonLd('https://www.linkedin.com/jobs/view/4011111111/')}</head><body></body></html>`, jobA);
    const reading = readPageWithSource(sameJob, new URL(jobA));
    expect(reading?.via).toBe('jsonld');
    expect(reading?.raw).toMatchObject({ site: 'linkedin', jobId: '4011111111', title: 'Data Engineer' });

    const otherJob = doc(`<html><head>${jsonLd('https://www.linkedin.com/jobs/view/4022222222/')}</head><body></body></html>`, jobA);
    expect(readPageWithSource(otherJob, new URL(jobA))).toBeNull();
  });

  it('never reads a single-page board by its prose', () => {
    const prose = `<html><body><main><h1>Data Engineer</h1><h2>Requirements</h2><ul><li>5+ years of experience with SQL</li></ul>
      <p>Salary: $120,000 - $150,000 a year.</p><a href="/apply">Apply</a></main></body></html>`;
    expect(readPageWithSource(doc(prose, jobA), new URL(jobA))).toBeNull();
  });

  it('leaves a Workday tenant\'s job list alone', () => {
    const list = 'https://acme.wd5.myworkdayjobs.com/en-US/External';
    const page = doc(`<html><head>${jsonLd(list)}</head><body><h1>Jobs</h1></body></html>`, list);
    expect(readPageWithSource(page, new URL(list))).toBeNull();
  });
});
