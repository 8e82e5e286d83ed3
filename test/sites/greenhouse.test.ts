import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  greenhouseAdapter,
  greenhouseFromApi,
  greenhousePayloadReader,
  greenhousePostingKey,
} from '../../src/sites/greenhouse.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { adapterFor, readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { checkAgainstWithGaps as checkAgainst, type GapExpected as Expected } from './gap-check.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/greenhouse');
const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name)) as T;

const KESTREL = 'https://boards.greenhouse.io/kestrelpayments/jobs/4658112006';
const HARBORVIEW = 'https://job-boards.greenhouse.io/harborviewhealth/jobs/7214589003';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function page(html: string, url: string): Document {
  const { doc, close } = parsePage(html, url);
  closers.push(close);
  return doc;
}

function read(name: string, url: string): RawPosting {
  const raw = greenhouseAdapter.extract(page(fixture(name), url), new URL(url));
  if (!raw) throw new Error(`${name}: not read as a posting`);
  return RawPosting.parse(raw);
}

/** A document whose window has a DOMParser, for the API's HTML `content`. */
function parserDoc(): Document {
  return page('<html></html>', 'https://example.invalid/');
}

describe('greenhouseAdapter.matches', () => {
  const mustMatch = [
    KESTREL,
    `${KESTREL}/`,
    `${KESTREL}?gh_jid=4658112006&gh_src=8a1b2c3d4`,
    `${KESTREL}#app`,
    'http://boards.greenhouse.io/kestrelpayments/jobs/4658112006',
    'https://BOARDS.GREENHOUSE.IO/kestrelpayments/jobs/4658112006',
    'https://boards.greenhouse.io/x/jobs/1',
    HARBORVIEW,
    `${HARBORVIEW}?utm_source=LinkedIn`,
    'https://job-boards.eu.greenhouse.io/quadrant/jobs/4500123101',
    // An employer's own careers page embedding the board: recognised, read on request.
    'https://careers.kestrelpayments.example/jobs?gh_jid=4658112006',
    'https://www.kestrelpayments.example/careers/openings/?gh_jid=4658112006&gh_src=abc123',
  ];
  const mustNotMatch = [
    // Greenhouse, but not a posting page
    'https://boards.greenhouse.io/kestrelpayments',
    'https://boards.greenhouse.io/kestrelpayments/',
    'https://boards.greenhouse.io/kestrelpayments/jobs',
    'https://boards.greenhouse.io/kestrelpayments/jobs/not-a-number',
    'https://boards.greenhouse.io/kestrelpayments/jobs/4658112006/extra',
    'https://job-boards.greenhouse.io/harborviewhealth',
    'https://job-boards.greenhouse.io/harborviewhealth?error=true',
    'https://job-boards.greenhouse.io/harborviewhealth?page=2',
    'https://job-boards.eu.greenhouse.io/quadrant',
    'https://boards.greenhouse.io/embed/job_app?for=kestrelpayments&token=4658112006',
    'https://boards.greenhouse.io/embed/job_board?for=kestrelpayments',
    'https://boards.greenhouse.io/embed/jobs/4658112006',
    'https://boards-api.greenhouse.io/v1/boards/kestrelpayments/jobs/4658112006',
    'https://www.greenhouse.io/',
    'https://www.greenhouse.io/careers?gh_jid=4658112006',
    'https://app.greenhouse.io/jobs/4658112006',
    // an employer page whose gh_jid is not a job id
    'https://careers.kestrelpayments.example/jobs?gh_jid=',
    'https://careers.kestrelpayments.example/jobs?gh_jid=abc',
    'https://careers.kestrelpayments.example/jobs',
    // look-alikes
    'https://boards.greenhouse.io.example.com/kestrelpayments/jobs/4658112006',
    'https://example.com/boards.greenhouse.io/kestrelpayments/jobs/4658112006',
    'ftp://boards.greenhouse.io/kestrelpayments/jobs/4658112006',
    // other boards
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://jobs.ashbyhq.com/x/3b7e2c1a-9f4d-4a8e-b6c2-5d1e8f7a9c20',
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=abc123def456',
    'https://jobs.smartrecruiters.com/Acme/743999912345678-backend-engineer',
    'https://apply.workable.com/acme/j/ABC123/',
    'https://wellfound.com/jobs/2981234-senior-backend-engineer',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(greenhouseAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(greenhouseAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the board token and the job post id; an employer page has only the id', () => {
    expect(greenhousePostingKey(new URL(`${HARBORVIEW}/`))).toEqual({ token: 'harborviewhealth', id: '7214589003' });
    expect(greenhousePostingKey(new URL('https://careers.kestrelpayments.example/jobs?gh_jid=4658112006'))).toEqual({
      token: null,
      id: '4658112006',
    });
    expect(greenhouseAdapter.jobIdFromUrl?.(new URL(KESTREL))).toBe('4658112006');
  });

  it('is the adapter the registry picks for Greenhouse URLs, and not for the other boards', () => {
    expect(adapterFor(new URL(KESTREL))).toBe(greenhouseAdapter);
    expect(adapterFor(new URL('https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739'))?.id).toBe('lever');
  });
});

describe('greenhouseAdapter.extract: the page as plain data', () => {
  it("reads the older board's header, content and pay-transparency block", () => {
    const raw = read('kestrel-senior-backend-payments-zones.html', `${KESTREL}?gh_src=8a1b2c3d4`);
    expect(raw).toMatchObject({
      site: 'greenhouse',
      jobId: '4658112006',
      url: KESTREL,
      title: 'Senior Backend Engineer, Payments',
      company: 'Kestrel Payments',
      location: 'Remote - US',
      workplace: [],
      payStructured: [],
    });
    expect(raw.payText).toEqual([
      { value: 'Zone 1: $144,800 — $199,100 USD', source: 'board', field: 'Greenhouse pay range block' },
      { value: 'Zone 2: $130,300 — $179,200 USD', source: 'board', field: 'Greenhouse pay range block' },
    ]);
    expect(raw.sections.map((s) => s.heading)).toEqual([
      'About Kestrel Payments',
      'About the role',
      "What you'll do",
      "What you'll bring",
      'Nice to have',
    ]);
    expect(JSON.stringify(raw.sections)).not.toContain('Apply Now');
  });

  it("reads the job-boards app's title, location and three description blocks", () => {
    const raw = read('harborview-data-analyst-care-ops.html', HARBORVIEW);
    expect(raw).toMatchObject({
      site: 'greenhouse',
      jobId: '7214589003',
      url: HARBORVIEW,
      title: 'Data Analyst, Care Operations',
      company: 'Harborview Health',
      location: 'Chicago, IL',
      payText: [],
      payStructured: [],
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([
      null,
      'About the Role',
      "What you'll do",
      "What we're looking for",
      'Bonus points',
      'About Harborview Health',
    ]);
  });

  it('reads a range with no name, and one whose name ends in a colon', () => {
    const html = fixture('kestrel-senior-backend-payments-zones.html')
      .replace('<div class="title">Zone 1</div>', '')
      .replace('<div class="title">Zone 2</div>', '<div class="title">Annual Salary:</div>');
    const raw = greenhouseAdapter.extract(page(html, KESTREL), new URL(KESTREL));
    expect(raw?.payText.map((p) => p.value)).toEqual(['$144,800 — $199,100 USD', 'Annual Salary: $130,300 — $179,200 USD']);
  });

  it('falls back to the board token for the company when the page names none', () => {
    const html = fixture('harborview-data-analyst-care-ops.html').replace(
      '<title>Job Application for Data Analyst, Care Operations at Harborview Health</title>',
      '<title>Careers</title>',
    );
    expect(greenhouseAdapter.extract(page(html, HARBORVIEW), new URL(HARBORVIEW))?.company).toBe('harborviewhealth');
  });

  it('is null for a Greenhouse page that is not a posting', () => {
    const board =
      '<html><head><title>Jobs at Harborview Health</title></head><body><main><h1>Current openings</h1><div class="opening"><a href="/harborviewhealth/jobs/7214589003">Data Analyst</a><span class="location">Chicago, IL</span></div></main></body></html>';
    expect(greenhouseAdapter.extract(page(board, HARBORVIEW), new URL(HARBORVIEW))).toBeNull();
  });
});


describe('Greenhouse fixtures: page in, what a careful reader says out', () => {
  it.each(['kestrel-senior-backend-payments-zones', 'harborview-data-analyst-care-ops'])('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const reading = readPageWithSource(page(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(reading?.via).toBe('adapter');
    checkAgainst(annotate(reading!.raw), expected);
  });
});

describe('Greenhouse fixtures: API payload in, what a careful reader says out', () => {
  it.each(['api-kestrel-senior-backend-payments', 'api-harborview-board'])('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const json = fixtureJson(`${name}.json`);
    const reader = payloadReaderFor(json);
    expect(reader).toBe(greenhousePayloadReader);
    const items = reader!.items(json);
    const raw = reader!.readItem(items[expected.item ?? 0], { doc: parserDoc(), single: items.length === 1 });
    checkAgainst(annotate(RawPosting.parse(raw)), expected);
  });
});

describe('greenhouseFromApi: the job board API shape', () => {
  const kestrel = fixtureJson<Record<string, unknown>>('api-kestrel-senior-backend-payments.json');

  it('reads pay_input_ranges as lines of pay text named by their title (StructuredPay has no label)', () => {
    const raw = greenhouseFromApi(kestrel, { doc: parserDoc() });
    expect(raw.payStructured).toEqual([]);
    expect(raw.payText).toEqual([
      { value: 'Zone 1: 144,800 - 199,100 USD', source: 'board', field: 'Greenhouse API pay_input_ranges' },
      { value: 'Zone 2: 130,300 - 179,200 USD', source: 'board', field: 'Greenhouse API pay_input_ranges' },
    ]);
    const salaries = annotate(raw).salaries;
    expect(salaries.map((s) => [s.label, s.min, s.max, s.currency, s.period, s.source])).toEqual([
      ['Zone 1', 144800, 199100, 'USD', 'year', 'board'],
      ['Zone 2', 130300, 179200, 'USD', 'year', 'board'],
    ]);
  });

  it('leaves the period to the words of the title: an hourly range stays hourly', () => {
    const json = { ...kestrel, pay_input_ranges: [{ min_cents: 4550, max_cents: 6000, currency_type: 'usd', title: 'Hourly Base Pay Range:', blurb: null }] };
    const raw = greenhouseFromApi(json, { doc: parserDoc() });
    expect(raw.payText[0]?.value).toBe('Hourly Base Pay Range: 45.5 - 60 USD');
    expect(annotate(raw).salary).toMatchObject({ min: 45.5, max: 60, currency: 'USD', period: 'hour', source: 'board' });
  });

  it('skips a 0–0 placeholder range and malformed entries, keeping the others', () => {
    const json = {
      ...kestrel,
      pay_input_ranges: [{ min_cents: 0, max_cents: 0, currency_type: 'USD', title: 'Zone 1' }, { min_cents: 'lots' }, null, ...(kestrel.pay_input_ranges as unknown[]).slice(1)],
    };
    expect(greenhouseFromApi(json).payText.map((p) => p.value)).toEqual(['Zone 2: 130,300 - 179,200 USD']);
  });

  it('decodes the escaped HTML of content once, with a DOMParser or without one', () => {
    const withParser = greenhouseFromApi(kestrel, { doc: parserDoc() });
    expect(withParser.sections[0]).toMatchObject({ heading: 'About Kestrel Payments' });
    expect(withParser.sections.find((s) => s.heading === "What you'll bring")?.items).toHaveLength(4);
    // A service worker has no DOMParser: the text is kept as paragraphs, without markup.
    const plain = greenhouseFromApi(kestrel);
    const text = JSON.stringify(plain.sections);
    expect(text).toContain('6+ years of experience building backend services in production');
    expect(text).not.toMatch(/&lt;|&amp;|<p>/);
  });

  it("reads the metadata's Workplace Type as the board's workplace field, and departments", () => {
    const board = fixtureJson<{ jobs: unknown[] }>('api-harborview-board.json');
    const raw = greenhouseFromApi(board.jobs[1], { doc: parserDoc() });
    expect(raw).toMatchObject({
      jobId: '7220316003',
      title: 'Patient Care Coordinator',
      department: 'Care Operations',
      workplace: [{ value: 'On-site', source: 'board', field: 'Greenhouse API metadata "Workplace Type"' }],
    });
    expect(annotate(raw).remote.policy).toBe('onsite');
  });

  it('refuses what is not a Greenhouse job post, saying why', () => {
    expect(() => greenhouseFromApi({ hello: 'world' })).toThrow(/not a Greenhouse job post: id/);
    expect(() => greenhouseFromApi(null)).toThrow(/not a Greenhouse job post/);
    expect(() => greenhouseFromApi(fixtureJson('api-harborview-board.json'))).toThrow(/board listing/);
    expect(() => greenhouseFromApi({ id: 12, title: 'Engineer' })).toThrow(/no absolute_url/);
    // Lever's and Ashby's shapes are not Greenhouse's.
    expect(() => greenhouseFromApi({ id: '7597d3d7-58d2-41b2-9f85-911d95c2c739', text: 'Engineer', hostedUrl: 'https://jobs.lever.co/x/y' })).toThrow(
      /not a Greenhouse job post/,
    );
    expect(greenhousePayloadReader.detect({ id: '3b7e2c1a', title: 'Engineer', jobUrl: 'https://jobs.ashbyhq.com/x/y' })).toBe(false);
    expect(greenhousePayloadReader.detect({ apiVersion: '1', jobs: [] })).toBe(false);
  });

  it('uses the given URL when the payload has no absolute_url', () => {
    const json = { id: 12, title: 'Engineer', content: '&lt;p&gt;Build things.&lt;/p&gt;' };
    expect(greenhouseFromApi(json, { url: 'https://boards.greenhouse.io/acme/jobs/12' })).toMatchObject({
      url: 'https://boards.greenhouse.io/acme/jobs/12',
      company: 'acme',
      jobId: '12',
    });
  });

  it('gives the same posting as the page: one record, the same pay and workplace', () => {
    const fromPage = annotate(readPage(page(fixture('kestrel-senior-backend-payments-zones.html'), KESTREL), new URL(KESTREL))!);
    const fromApi = annotate(greenhouseFromApi(kestrel, { doc: parserDoc() }));
    expect(fromApi.id).toBe(fromPage.id);
    expect(fromApi.salaries.map((s) => [s.label, s.min, s.max])).toEqual(fromPage.salaries.map((s) => [s.label, s.min, s.max]));
    expect(fromApi.remote.policy).toBe(fromPage.remote.policy);
    expect(fromApi.requirements).toEqual(fromPage.requirements);
  });
});

describe('a changed page: selectors miss, the reading falls back and never throws', () => {
  /** The fixture as it would look if Greenhouse renamed every class: all class attributes removed. */
  const withoutClasses = (html: string): string => html.replace(/\sclass="[^"]*"/g, '');

  it('older board: #content keeps its id, and the JSON-LD gives what the classes named', () => {
    const html = withoutClasses(fixture('kestrel-senior-backend-payments-zones.html'));
    expect(html).not.toMatch(/\sclass=/);
    const reading = readPageWithSource(page(html, KESTREL), new URL(KESTREL));
    expect(reading?.via).toBe('adapter');
    expect(reading?.raw).toMatchObject({
      site: 'greenhouse',
      jobId: '4658112006',
      title: 'Senior Backend Engineer, Payments',
      company: 'Kestrel Payments',
      location: null,
      payText: [],
    });
    // The pay block is still text in the description: read as prose, without its zone names.
    const posting = annotate(reading!.raw);
    expect(posting.salaries.map((s) => [s.min, s.max, s.source])).toEqual([
      [144800, 199100, 'prose'],
      [130300, 179200, 'prose'],
    ]);
  });

  it('older board without JSON-LD or #content: the registry falls back, and nothing throws', () => {
    const html = withoutClasses(fixture('kestrel-senior-backend-payments-zones.html'))
      .replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, '')
      .replace('<div id="content">', '<div>');
    const doc = page(html, KESTREL);
    expect(greenhouseAdapter.extract(doc, new URL(KESTREL))).toBeNull();
    const reading = readPageWithSource(doc, new URL(KESTREL));
    expect(reading === null || reading.raw.site === 'greenhouse').toBe(true);
    if (reading) expect(() => annotate(reading.raw)).not.toThrow();
  });

  it('job-boards app (no JSON-LD): falls back to reading the page as prose', () => {
    const html = withoutClasses(fixture('harborview-data-analyst-care-ops.html'));
    const doc = page(html, HARBORVIEW);
    expect(greenhouseAdapter.extract(doc, new URL(HARBORVIEW))).toBeNull();
    const reading = readPageWithSource(doc, new URL(HARBORVIEW));
    expect(reading?.via).toBe('generic');
    expect(reading?.raw).toMatchObject({ site: 'greenhouse', jobId: '7214589003', title: 'Data Analyst, Care Operations' });
    expect(annotate(reading!.raw).experience?.yearsMin).toBe(2);
  });

  it('an employer page with gh_jid: its posting is in a cross-origin iframe, so only its own JSON-LD is read', () => {
    const url = new URL('https://careers.kestrelpayments.example/jobs?gh_jid=4658112006');
    const shell =
      '<html><body><h1>Careers at Kestrel</h1><div id="grnhse_app"><iframe id="grnhse_iframe" src="https://boards.greenhouse.io/embed/job_app?for=kestrelpayments&amp;token=4658112006"></iframe></div></body></html>';
    expect(() => readPage(page(shell, url.href), url)).not.toThrow();
    expect(greenhouseAdapter.extract(page(shell, url.href), url)).toBeNull();
  });
});
