import { afterEach, describe, expect, it } from 'vitest';
import { aggregatorAdapter } from '../../src/sites/aggregator.ts';
import { readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { fixture as leverFixture, parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const MUSIC_PAGE = 'https://bluedoor.sh/jobs/38533e1004917007a1fb401932049d32c9bb03fb';
const SAMBA_PAGE = 'https://bluedoor.sh/jobs/c8e039268b3eb3fa40ade9757770c4110a2db1e3';
const SAMBA_LEVER = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const MUSIC = 'bluedoor-spotify-senior-ml-engineer-music-understanding';
const SAMBA = 'bluedoor-spotify-ml-engineer-samba';

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

const fixture = (name: string): string => boardFixture('aggregator', name);

function read(html: string, url: string): RawPosting | null {
  return aggregatorAdapter.extract(doc(html, url), new URL(url));
}

/** The page without the embedded ATS JSON: the facts table and the description only. */
function withoutJson(html: string): string {
  return html.replace(/<h3>[^<]*<\/h3>\s*<pre>[\s\S]*?<\/pre>/g, '');
}

describe('aggregatorAdapter.matches', () => {
  // Aggregators are unlisted hosts: the page's shape decides, never its URL.
  it.each([
    MUSIC_PAGE,
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://apply.workable.com/anonos/j/6A0F3C2D1B/',
    'https://wellfound.com/jobs/3123456-founding-frontend-engineer',
  ])('matches no URL: %s', (href) => {
    expect(aggregatorAdapter.matches(new URL(href))).toBe(false);
  });
});

describe('aggregatorAdapter.extract: the page as plain data', () => {
  it("keeps each facts-table value as a board field named by its table and label", () => {
    const raw = RawPosting.parse(read(fixture(`${MUSIC}.html`), MUSIC_PAGE));
    expect(raw.workplace).toEqual([
      { value: 'remote', source: 'board', field: 'Embedded Lever posting workplaceType' },
      { value: 'Remote / Remote', source: 'board', field: 'Job facts: Work model' },
      { value: 'remote', source: 'board', field: 'Full job record: Workplace Type' },
      { value: 'remote', source: 'board', field: 'Full job record: Remote Policy' },
    ]);
    // "Salary: -" and "Salary Raw: —" say nothing.
    expect(raw.payText).toEqual([]);
    expect(raw.payStructured).toEqual([]);
  });

  it("reads the embedded Lever payload's lists as the sections after the description's own text", () => {
    const raw = RawPosting.parse(read(fixture(`${SAMBA}.html`), SAMBA_PAGE));
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What You'll Do", 'Who You Are', "Where You'll Be"]);
    expect(raw.sections[0]!.paragraphs[0]).toMatch(/^The Personalization team/);
    expect(raw.sections[0]!.paragraphs.join(' ')).not.toContain("What You'll Do");
  });

  it('is the Lever posting its Source URL names: one record with the Lever page', () => {
    const fromAggregator = annotate(read(fixture(`${SAMBA}.html`), SAMBA_PAGE)!);
    const leverPage = doc(leverFixture('spotify-ml-engineer-samba.html'), SAMBA_LEVER);
    const fromLever = annotate(readPage(leverPage, new URL(SAMBA_LEVER))!);
    expect(fromAggregator.id).toBe(fromLever.id);
    expect(fromAggregator.url).toBe(fromLever.url);
    expect(fromAggregator.salary).toMatchObject({ min: fromLever.salary?.min, max: fromLever.salary?.max });
    expect(fromAggregator.remote.policy).toBe(fromLever.remote.policy);
    expect(fromAggregator.requirements).toEqual(fromLever.requirements);
  });

  it('reads the facts table and the description when the page shows no posting JSON', () => {
    const raw = RawPosting.parse(read(withoutJson(fixture(`${MUSIC}.html`)), MUSIC_PAGE));
    expect(raw).toMatchObject({
      site: 'lever',
      jobId: 'd7c43743-2240-45b6-bc31-33e50cbaba4a',
      title: 'Senior Machine Learning Engineer, Personalization, Music Understanding',
      company: 'Spotify',
      location: 'New York, NY, United States',
      department: 'Engineering / Personalization',
      commitment: 'Permanent',
    });
    expect(raw.workplace.map((f) => f.field)).toEqual(['Job facts: Work model', 'Full job record: Workplace Type', 'Full job record: Remote Policy']);
    const posting = annotate(raw);
    expect(posting.salary).toMatchObject({ min: 184050, max: 262928, currency: 'USD' });
    expect(posting.description).toContain('Who You Are');
  });

  it('is a posting of the aggregator itself when its source is not a Lever posting', () => {
    const html = fixture(`${MUSIC}.html`).replace(
      '<td>https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a</td>',
      '<td>https://boards.greenhouse.io/spotify/jobs/4012345005</td>',
    );
    expect(read(html, MUSIC_PAGE)).toMatchObject({ site: 'bluedoor.sh', jobId: null, url: MUSIC_PAGE });
  });

  it.each([
    ['a page with no tables', '<html><body><h1>Jobs at Spotify</h1><p>We are hiring.</p></body></html>'],
    [
      'a table that is not about a posting',
      '<html><body><h1>Pricing</h1><table><tr><td>Plan</td><td>Pro</td></tr><tr><td>Price</td><td>$20</td></tr><tr><td>Seats</td><td>5</td></tr></table><h2>Description</h2><p>Our plans.</p></body></html>',
    ],
    [
      'posting facts without a description or posting JSON',
      '<html><body><h1>Engineer</h1><table><tr><td>Title</td><td>Engineer</td></tr><tr><td>Company</td><td>Acme</td></tr><tr><td>Location</td><td>Berlin</td></tr><tr><td>Salary</td><td>-</td></tr></table></body></html>',
    ],
    ['JSON that is not a Lever posting', '<html><body><h1>Engineer</h1><pre>{"lists": "nope", "categories": 3}</pre><pre>not json at all {</pre></body></html>'],
  ])('is null for %s', (_name, html) => {
    expect(read(html, 'https://example.org/jobs/1')).toBeNull();
  });

  it('reads a definition list of facts as well as a table', () => {
    const html =
      '<html><body><h1>Data Engineer</h1><h2>Job facts</h2><dl><dt>Company</dt><dd>Acme</dd><dt>Title</dt><dd>Data Engineer</dd><dt>Location</dt><dd>Berlin</dd><dt>Work model</dt><dd>Hybrid</dd><dt>Salary</dt><dd>€60,000 – €70,000 per year</dd></dl><h2>Description</h2><p>Build pipelines.</p><h3>Requirements</h3><ul><li>3+ years of experience with SQL</li></ul></body></html>';
    const raw = read(html, 'https://jobs.example.net/42');
    expect(raw).toMatchObject({
      site: 'jobs.example.net',
      title: 'Data Engineer',
      company: 'Acme',
      location: 'Berlin',
      workplace: [{ value: 'Hybrid', source: 'board', field: 'Job facts: Work model' }],
      payText: [{ value: '€60,000 – €70,000 per year', source: 'board', field: 'Job facts: Salary' }],
    });
    expect(annotate(raw!).salary).toMatchObject({ min: 60000, max: 70000, currency: 'EUR', source: 'board' });
  });
});

describe('a copy whose shape is missing', () => {
  it('without its description heading and posting JSON it is not read as an aggregator page, and nothing throws', () => {
    const html = withoutJson(fixture(`${MUSIC}.html`)).replace('<h2>Description</h2>', '<h2>Overview</h2>');
    const page = doc(html, MUSIC_PAGE);
    expect(aggregatorAdapter.extract(page, new URL(MUSIC_PAGE))).toBeNull();
    expect(() => readPageWithSource(page, new URL(MUSIC_PAGE))).not.toThrow();
    expect(readPageWithSource(page, new URL(MUSIC_PAGE))?.via ?? null).not.toBe('aggregator');
  });
});

describe('aggregator fixtures (seeds 000 and 002): page in, what a careful reader says out', () => {
  for (const name of [MUSIC, SAMBA]) {
    const expected = boardJson<Expected>('aggregator', `${name}.expected.json`);
    const readFixture = () => {
      const reading = readPageWithSource(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
      expect(reading?.via).toBe(expected.via);
      return annotate(reading!.raw);
    };
    it(name, () => checkAgainst(readFixture(), expected));
  }
});
