import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ashbyAdapter, ashbyFromApi, ashbyJobFromApi, ashbyPayloadReader, ashbyPostingKey } from '../../src/sites/ashby.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { adapterFor, readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { parseRemote } from '../../src/parse/index.ts';
import { parsePage } from './page.ts';
import { checkAgainstWithGaps as checkAgainst, type GapExpected as Expected } from './gap-check.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/ashby');
const fixture = (name: string): string => readFileSync(join(DIR, name), 'utf8');
const fixtureJson = <T = unknown>(name: string): T => JSON.parse(fixture(name)) as T;

const LUMEN_ID = '3b7e2c1a-9f4d-4a8e-b6c2-5d1e8f7a9c20';
const LUMEN = `https://jobs.ashbyhq.com/lumen-freight/${LUMEN_ID}`;
const QUARRY = 'https://jobs.ashbyhq.com/quarry-labs/e51f9a07-6c3d-4b2e-8f1a-0d9c7b5e3a64';

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

function read(html: string, url: string): RawPosting | null {
  const raw = ashbyAdapter.extract(page(html, url), new URL(url));
  return raw ? RawPosting.parse(raw) : null;
}

function parserDoc(): Document {
  return page('<html></html>', 'https://example.invalid/');
}

/** The page as the server sends it, before the app renders: the app data and JSON-LD, no posting markup. */
function serverShell(html: string): string {
  return html.replace(/<div id="root">[\s\S]*?\n<\/div>\n<script>/, '<div id="root"></div>\n<script>');
}

describe('ashbyAdapter.matches', () => {
  const mustMatch = [
    LUMEN,
    `${LUMEN}/`,
    `${LUMEN}?utm_source=LinkedIn`,
    `${LUMEN}?embed=js`,
    `${LUMEN}#overview`,
    `http://jobs.ashbyhq.com/lumen-freight/${LUMEN_ID}`,
    `https://jobs.ashbyhq.com/lumen-freight/${LUMEN_ID.toUpperCase()}`,
    `https://JOBS.ASHBYHQ.COM/Lumen-Freight/${LUMEN_ID}`,
    `https://jobs.ashbyhq.com/x/${LUMEN_ID}`,
    QUARRY,
  ];
  const mustNotMatch = [
    // Ashby, but not a posting page
    'https://jobs.ashbyhq.com/lumen-freight',
    'https://jobs.ashbyhq.com/lumen-freight/',
    'https://jobs.ashbyhq.com/lumen-freight?departmentId=5d1e8f7a',
    `${LUMEN}/application`,
    `${LUMEN}/application?utm_source=LinkedIn`,
    'https://jobs.ashbyhq.com/lumen-freight/not-a-posting-id',
    'https://jobs.ashbyhq.com/lumen-freight/3b7e2c1a-9f4d-4a8e-b6c2',
    'https://jobs.ashbyhq.com/lumen-freight/embed',
    'https://jobs.ashbyhq.com/lumen-freight/automation-notice',
    'https://jobs.ashbyhq.com/',
    'https://jobs.ashbyhq.com/api/non-user-graphql?op=ApiJobPosting',
    'https://api.ashbyhq.com/posting-api/job-board/lumen-freight?includeCompensation=true',
    'https://www.ashbyhq.com/',
    `https://ashbyhq.com/lumen-freight/${LUMEN_ID}`,
    // a company page embedding the board: the posting is the iframe's page (matched above with ?embed=js)
    `https://www.lumenfreight.example/careers?ashby_jid=${LUMEN_ID}`,
    // look-alikes
    `https://jobs.ashbyhq.com.example.com/lumen-freight/${LUMEN_ID}`,
    `https://example.com/jobs.ashbyhq.com/lumen-freight/${LUMEN_ID}`,
    `ftp://jobs.ashbyhq.com/lumen-freight/${LUMEN_ID}`,
    // other boards
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://job-boards.greenhouse.io/harborviewhealth/jobs/7214589003',
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=abc123def456',
    'https://jobs.smartrecruiters.com/Acme/743999912345678-backend-engineer',
    'https://apply.workable.com/acme/j/ABC123/',
    'https://wellfound.com/jobs/2981234-senior-backend-engineer',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(ashbyAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(ashbyAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the board name and the posting id, lower-cased', () => {
    expect(ashbyPostingKey(new URL(`https://jobs.ashbyhq.com/Lumen-Freight/${LUMEN_ID.toUpperCase()}/`))).toEqual({
      org: 'Lumen-Freight',
      id: LUMEN_ID,
    });
    expect(adapterFor(new URL(LUMEN))).toBe(ashbyAdapter);
  });
});

describe('ashbyAdapter.extract: the page as plain data', () => {
  it('reads the rendered page: heading, left pane, description', () => {
    const raw = read(fixture('lumen-freight-senior-platform-engineer.html'), `${LUMEN}?utm_source=LinkedIn`);
    expect(raw).toMatchObject({
      site: 'ashby',
      jobId: LUMEN_ID,
      url: LUMEN,
      title: 'Senior Platform Engineer',
      company: 'Lumen Freight',
      location: 'Remote - US',
      department: 'Engineering',
      commitment: 'Full time',
      payText: [{ value: '$165K – $210K • Offers Equity', source: 'board', field: 'Ashby compensation block' }],
      payStructured: [{ min: 165000, max: 210000, currency: 'USD', period: 'year', source: 'jsonld' }],
    });
    // The page's named type first; the app data's says the same.
    expect(raw?.workplace.slice(0, 2)).toEqual([
      { value: 'Remote', source: 'board', field: 'Ashby location type' },
      { value: 'Remote', source: 'board', field: 'Ashby app data workplaceType' },
    ]);
    expect(raw?.sections.map((s) => s.heading)).toEqual([
      null,
      'About the role:',
      "How you'll make an impact:",
      'What makes you a good fit:',
      'Benefits:',
    ]);
    expect(JSON.stringify(raw?.sections)).not.toContain('Apply for this Job');
  });

  it('equity is never pay: "Offers Equity" and percentages give no range', () => {
    const posting = annotate(read(fixture('lumen-freight-senior-platform-engineer.html'), LUMEN)!);
    expect(posting.salaries.every((s) => s.currency === 'USD' && s.min >= 1000)).toBe(true);
  });

  it('before the app renders, reads the app data the server sent', () => {
    const shell = serverShell(fixture('lumen-freight-senior-platform-engineer.html'));
    expect(shell).not.toContain('ashby-job-posting-heading"');
    const raw = read(shell, LUMEN);
    expect(raw).toMatchObject({
      jobId: LUMEN_ID,
      title: 'Senior Platform Engineer',
      company: 'Lumen Freight',
      location: 'Remote - US',
      department: 'Engineering – Platform',
      commitment: 'FullTime',
      workplace: [{ value: 'Remote', source: 'board', field: 'Ashby app data workplaceType' }],
      payText: [{ value: '$165K – $210K • Offers Equity', source: 'board', field: 'Ashby app data compensationTierSummary' }],
    });
    expect(raw?.sections.map((s) => s.heading)).toContain('What makes you a good fit:');
  });

  it('trusts a named workplace type over isRemote, which Ashby sets on hybrid roles', () => {
    const raw = read(serverShell(fixture('quarry-labs-product-designer-hybrid.html')), QUARRY);
    expect(raw?.workplace).toEqual([{ value: 'Hybrid', source: 'board', field: 'Ashby app data workplaceType' }]);
    // What the board's fields alone say, before the text is weighed.
    expect(parseRemote({ structured: raw!.workplace, location: null, text: '' }).policy).toBe('hybrid');
    // isRemote counts only when no type is named.
    const untyped = serverShell(fixture('quarry-labs-product-designer-hybrid.html')).replace('"workplaceType": "Hybrid", ', '');
    expect(read(untyped, QUARRY)?.workplace).toEqual([{ value: 'true', source: 'board', field: 'Ashby app data isRemote' }]);
  });

  it('does not read app data or JSON-LD about another posting (after in-app navigation)', () => {
    const other = 'https://jobs.ashbyhq.com/lumen-freight/8c0d4f6e-1a2b-4c3d-9e8f-7a6b5c4d3e21';
    // Rendered for the new route: the DOM is read, the stale embedded data is not.
    const rendered = read(fixture('lumen-freight-senior-platform-engineer.html'), other);
    expect(rendered?.jobId).toBe('8c0d4f6e-1a2b-4c3d-9e8f-7a6b5c4d3e21');
    expect(rendered?.payStructured).toEqual([]);
    expect(rendered?.workplace.map((w) => w.field)).toEqual(['Ashby location type']);
    // Not rendered yet: nothing on the page is about this posting.
    expect(read(serverShell(fixture('lumen-freight-senior-platform-engineer.html')), other)).toBeNull();
  });

  it('is null for an Ashby page that is not a posting', () => {
    const board = '<html><head><title>Lumen Freight Jobs</title></head><body><div id="root"></div><script>\nwindow.__appData = {"organization":{"name":"Lumen Freight"},"posting":null,"jobBoard":{"jobPostings":[]}};\n</script></body></html>';
    expect(read(board, LUMEN)).toBeNull();
  });

  it('ignores app data that is not JSON, and a script that only mentions it', () => {
    const html = serverShell(fixture('quarry-labs-product-designer-hybrid.html')).replace(
      /^window\.__appData = \{.*\};$/m,
      'window.__appData = {not json};\nconsole.log(window.__appData);',
    );
    const raw = read(html, QUARRY);
    // The JSON-LD is still about this posting.
    expect(raw).toMatchObject({ title: 'Product Designer', company: 'Quarry Labs', workplace: [] });
  });
});


describe('Ashby fixtures: page in, what a careful reader says out', () => {
  it.each(['lumen-freight-senior-platform-engineer', 'quarry-labs-product-designer-hybrid'])('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const reading = readPageWithSource(page(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(reading?.via).toBe('adapter');
    checkAgainst(annotate(reading!.raw), expected);
  });
});

describe('Ashby fixtures: API payload in, what a careful reader says out', () => {
  it.each(['api-lumen-freight-board', 'api-quarry-labs-board'])('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const json = fixtureJson(`${name}.json`);
    const reader = payloadReaderFor(json);
    expect(reader).toBe(ashbyPayloadReader);
    const items = reader!.items(json);
    const raw = reader!.readItem(items[expected.item ?? 0], { doc: parserDoc(), single: items.length === 1 });
    checkAgainst(annotate(RawPosting.parse(raw)), expected);
  });
});

describe('ashbyFromApi: the job posting API shape', () => {
  const lumen = fixtureJson<{ apiVersion: string; jobs: Record<string, unknown>[] }>('api-lumen-freight-board.json');

  it('gives one posting per job of the board listing', () => {
    const raws = ashbyFromApi(lumen, { doc: parserDoc() });
    expect(raws.map((r) => [r.jobId, r.title])).toEqual([
      [LUMEN_ID, 'Senior Platform Engineer'],
      ['8c0d4f6e-1a2b-4c3d-9e8f-7a6b5c4d3e21', 'Account Executive, Midwest'],
    ]);
    for (const raw of raws) expect(RawPosting.safeParse(raw).success).toBe(true);
    expect(ashbyFromApi(lumen.jobs[0])).toHaveLength(1);
  });

  it("reads an unnamed tier's Salary as structured pay, never its equity", () => {
    const raw = ashbyJobFromApi(lumen.jobs[0]);
    expect(raw.payStructured).toEqual([
      {
        min: 165000,
        max: 210000,
        currency: 'USD',
        period: 'year',
        source: 'board',
        evidence: 'Ashby API compensation Salary: 165000–210000 USD per 1 YEAR',
      },
    ]);
    expect(raw.payText).toEqual([]);
  });

  it('reads named tiers as labelled lines of pay text, not the summary that spans them', () => {
    const raw = ashbyJobFromApi(lumen.jobs[1]);
    expect(raw.payStructured).toEqual([]);
    expect(raw.payText).toEqual([
      { value: 'Zone A: 105,000 - 120,000 USD per year', source: 'board', field: 'Ashby API compensationTiers' },
      { value: 'Zone B: 95,000 - 108,000 USD per year', source: 'board', field: 'Ashby API compensationTiers' },
    ]);
    const posting = annotate(raw);
    expect(posting.salaries.map((s) => [s.label, s.min, s.max, s.period])).toEqual([
      ['Zone A', 105000, 120000, 'year'],
      ['Zone B', 95000, 108000, 'year'],
    ]);
    expect(posting.remote.policy).toBe('hybrid');
  });

  it.each([
    ['1 HOUR', 'hour'],
    ['1 DAY', 'day'],
    ['1 WEEK', 'week'],
    ['1 MONTH', 'month'],
    ['1 YEAR', 'year'],
  ])('maps interval %s to %s', (interval, period) => {
    const job = { ...lumen.jobs[0], compensation: { summaryComponents: [{ compensationType: 'Salary', interval, currencyCode: 'eur', minValue: 40, maxValue: 50 }] } };
    expect(ashbyJobFromApi(job).payStructured[0]).toMatchObject({ min: 40, max: 50, currency: 'EUR', period });
  });

  it.each([
    ['an equity percentage', { compensationType: 'EquityPercentage', interval: 'NONE', currencyCode: null, minValue: 0.5, maxValue: 1.75 }],
    ['a bonus', { compensationType: 'Bonus', interval: '1 YEAR', currencyCode: 'USD', minValue: 10000, maxValue: 20000 }],
    ['a salary over an interval the model has no period for', { compensationType: 'Salary', interval: '2 WEEK', currencyCode: 'USD', minValue: 3000, maxValue: 3500 }],
    ['a salary with no currency', { compensationType: 'Salary', interval: '1 YEAR', currencyCode: null, minValue: 90000, maxValue: 100000 }],
  ])('reads no pay from %s', (_name, component) => {
    const job = { ...lumen.jobs[0], compensation: { compensationTierSummary: null, summaryComponents: [component] } };
    expect(ashbyJobFromApi(job)).toMatchObject({ payStructured: [], payText: [] });
  });

  it('respects an employer who chose not to show pay', () => {
    const job = { ...lumen.jobs[0], shouldDisplayCompensationOnJobPostings: false };
    expect(ashbyJobFromApi(job)).toMatchObject({ payStructured: [], payText: [] });
  });

  it('falls back to the tier summary when no component has figures', () => {
    const job = { ...lumen.jobs[0], compensation: { compensationTierSummary: '$120K – $150K', compensationTiers: [], summaryComponents: [] } };
    expect(ashbyJobFromApi(job).payText).toEqual([{ value: '$120K – $150K', source: 'board', field: 'Ashby API compensationTierSummary' }]);
  });

  it('reads descriptionPlain when there is no DOMParser', () => {
    const raw = ashbyJobFromApi(lumen.jobs[0]);
    expect(raw.sections).toHaveLength(1);
    expect(raw.sections[0]?.paragraphs).toContain('5+ years of experience in infrastructure or platform engineering');
  });

  it('refuses what is not an Ashby job, saying why', () => {
    expect(() => ashbyFromApi({ hello: 'world' })).toThrow(/not an Ashby job: id/);
    expect(() => ashbyFromApi(null)).toThrow(/not an Ashby job/);
    expect(() => ashbyFromApi({ apiVersion: '1', jobs: [{ hello: 'world' }] })).toThrow(/not an Ashby job board listing/);
    expect(() => ashbyFromApi({ apiVersion: '1', jobs: [lumen.jobs[0], { id: 'x' }] })).toThrow(/job 1: not an Ashby job: title/);
    expect(() => ashbyJobFromApi({ id: 'x', title: 'Engineer' })).toThrow(/no jobUrl/);
    // The other boards' shapes are not Ashby's.
    expect(ashbyPayloadReader.detect({ id: 4658112006, title: 'Engineer', absolute_url: 'https://boards.greenhouse.io/x/jobs/1' })).toBe(false);
    expect(ashbyPayloadReader.detect([{ id: '7597d3d7', text: 'Engineer', hostedUrl: 'https://jobs.lever.co/x/y' }])).toBe(false);
  });

  it('gives the same posting as the page: one record, the same pay and workplace', () => {
    const fromPage = annotate(readPage(page(fixture('lumen-freight-senior-platform-engineer.html'), LUMEN), new URL(LUMEN))!);
    const fromApi = annotate(ashbyJobFromApi(lumen.jobs[0], { doc: parserDoc() }));
    expect(fromApi.id).toBe(fromPage.id);
    expect(fromApi.salary).toMatchObject({ min: fromPage.salary?.min, max: fromPage.salary?.max, currency: fromPage.salary?.currency });
    expect(fromApi.remote.policy).toBe(fromPage.remote.policy);
    expect(fromApi.requirements).toEqual(fromPage.requirements);
  });
});

describe('a changed page: selectors miss, the reading falls back and never throws', () => {
  const withoutClasses = (html: string): string => html.replace(/\sclass="[^"]*"/g, '');

  it('falls back to the app data and JSON-LD, pay included', () => {
    const html = withoutClasses(fixture('lumen-freight-senior-platform-engineer.html'));
    expect(html).not.toMatch(/\sclass=/);
    const doc = page(html, LUMEN);
    expect(() => ashbyAdapter.extract(doc, new URL(LUMEN))).not.toThrow();
    const reading = readPageWithSource(doc, new URL(LUMEN));
    expect(reading?.raw).toMatchObject({ site: 'ashby', jobId: LUMEN_ID, title: 'Senior Platform Engineer', company: 'Lumen Freight' });
    const posting = annotate(reading!.raw);
    expect(posting.salary).toMatchObject({ min: 165000, max: 210000, currency: 'USD', period: 'year', source: 'board' });
    expect(posting.remote.policy).toBe('remote');
  });

  it('with no app data either: JSON-LD alone, and nothing throws', () => {
    const html = withoutClasses(fixture('quarry-labs-product-designer-hybrid.html')).replace(/^window\.__appData = .*;$/m, '');
    expect(html).not.toContain('"posting"');
    const doc = page(html, QUARRY);
    const reading = readPageWithSource(doc, new URL(QUARRY));
    expect(reading?.raw).toMatchObject({ site: 'ashby', title: 'Product Designer', company: 'Quarry Labs' });
    expect(annotate(reading!.raw).experience?.yearsMin).toBe(3);
  });
});
