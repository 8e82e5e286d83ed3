import { afterEach, describe, expect, it } from 'vitest';
import { leverAdapter, leverFromApi, leverPostingKey } from '../../src/sites/lever.ts';
import { adapterFor, readPage } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { fixture, fixtureJson, parsePage } from './page.ts';

const SAMBA = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const MUSIC = 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a';
const NORTHWIND = 'https://jobs.lever.co/northwind-analytics/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function read(name: string, url: string): RawPosting {
  const { doc, close } = parsePage(fixture(name), url);
  closers.push(close);
  const raw = leverAdapter.extract(doc, new URL(url));
  if (!raw) throw new Error(`${name}: not read as a posting`);
  return RawPosting.parse(raw);
}

describe('leverAdapter.matches', () => {
  const mustMatch = [
    SAMBA,
    `${SAMBA}/`,
    `${SAMBA}?lever-origin=applied&lever-source%5B%5D=LinkedIn`,
    `${SAMBA}#top`,
    'http://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://jobs.lever.co/spotify/7597D3D7-58D2-41B2-9F85-911D95C2C739',
    'https://jobs.eu.lever.co/quadcode/4b3a9532-8f64-47c7-9d4b-bfca2dcc9de1',
    'https://JOBS.LEVER.CO/palantir/0a1b2c3d-4e5f-6789-abcd-ef0123456789',
  ];
  const mustNotMatch = [
    // Lever, but not a posting page
    'https://jobs.lever.co/spotify',
    'https://jobs.lever.co/spotify/',
    'https://jobs.lever.co/spotify?team=Engineering',
    `${SAMBA}/apply`,
    `${SAMBA}/apply?lever-source=LinkedIn`,
    `${SAMBA}/thanks`,
    'https://jobs.lever.co/',
    'https://jobs.lever.co/spotify/not-a-posting-id',
    'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85',
    'https://www.lever.co/',
    'https://www.lever.co/blog/hiring-in-2026/',
    'https://lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://hire.lever.co/candidates/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://api.lever.co/v0/postings/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    // look-alikes
    'https://jobs.lever.co.example.com/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://example.com/jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'ftp://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    // other boards
    'https://boards.greenhouse.io/x/jobs/1',
    'https://job-boards.greenhouse.io/spotify/jobs/4012345005',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://www.linkedin.com/jobs/view/1',
    'https://acme.wd1.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://apply.workable.com/acme/j/ABC123/',
    'https://www.indeed.com/viewjob?jk=abc123def456',
  ];

  it.each(mustMatch)('matches %s', (href) => {
    expect(leverAdapter.matches(new URL(href))).toBe(true);
  });

  it.each(mustNotMatch)('does not match %s', (href) => {
    expect(leverAdapter.matches(new URL(href))).toBe(false);
  });

  it('reads the site name and the posting id, lower-cased', () => {
    expect(leverPostingKey(new URL('https://jobs.eu.lever.co/quadcode/4B3A9532-8F64-47C7-9D4B-BFCA2DCC9DE1/'))).toEqual({
      site: 'quadcode',
      id: '4b3a9532-8f64-47c7-9d4b-bfca2dcc9de1',
    });
  });

  it('chose: the apply form is not a posting page (the description, lists and pay block are not on it)', () => {
    expect(adapterFor(new URL(`${SAMBA}/apply`))).toBeNull();
  });
});

describe('leverAdapter.extract: the page as plain data', () => {
  it('reads the headline, categories and sections of seed 002', () => {
    const raw = read('spotify-ml-engineer-samba.html', SAMBA);
    expect(raw).toMatchObject({
      site: 'lever',
      jobId: '7597d3d7-58d2-41b2-9f85-911d95c2c739',
      url: SAMBA,
      title: 'Machine Learning Engineer, Personalization, Samba',
      company: 'Spotify',
      location: 'New York, NY',
      department: 'Engineering – Personalization',
      commitment: 'Permanent',
      workplace: [{ value: 'Remote', source: 'board', field: 'Lever workplace type' }],
      payText: [],
      payStructured: [],
      experienceMonths: null,
    });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What You'll Do", 'Who You Are', "Where You'll Be", null]);
    expect(raw.sections[0]!.paragraphs).toHaveLength(2);
    expect(raw.sections[2]!.items[0]).toBe('You have 5+ years of experience in machine learning, data, or backend engineering');
    expect(raw.sections[3]!.items[0]).toBe(
      'We offer you the flexibility to work where you work best! For this role, you can be within the North America region as long as we have a work location.',
    );
    expect(raw.sections[4]!.paragraphs[0]).toMatch(/^The United States base range for this position is \$148,901- \$212,716/);
    expect(JSON.stringify(raw.sections)).not.toContain('Apply for this job');
  });

  it("reads Lever's pay block as the board's own pay text", () => {
    const raw = read('northwind-data-platform-salary-block.html', NORTHWIND);
    expect(raw.payText).toEqual([{ value: '$210,000 - $260,000 a year', source: 'board', field: 'Lever pay block' }]);
    expect(raw.workplace[0]).toEqual({ value: 'Hybrid', source: 'board', field: 'Lever workplace type' });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What you'll do", "What you'll bring", 'Nice to have', null, null]);
  });

  it('keeps only the posting uuid from a URL with tracking parameters', () => {
    const raw = read('spotify-ml-engineer-samba.html', `${SAMBA}/?lever-origin=applied&lever-source%5B%5D=LinkedIn`);
    expect(raw.url).toBe(SAMBA);
    expect(raw.jobId).toBe('7597d3d7-58d2-41b2-9f85-911d95c2c739');
  });

  it('falls back to JSON-LD and then the URL slug for the company', () => {
    const html = fixture('spotify-ml-engineer-samba.html')
      .replace(/<title>[^<]*<\/title>/, '<title>Careers</title>')
      .replace(/<img alt="[^"]*"/, '<img alt=""');
    const { doc, close } = parsePage(html, SAMBA);
    closers.push(close);
    expect(leverAdapter.extract(doc, new URL(SAMBA))?.company).toBe('Spotify');

    const bare = parsePage(
      '<div class="posting-headline"><h2>Engineer</h2></div><div class="section page-centered" data-qa="job-description"><div>Build things.</div></div>',
      SAMBA,
    );
    closers.push(bare.close);
    expect(leverAdapter.extract(bare.doc, new URL(SAMBA))?.company).toBe('spotify');
  });

  it('is null for a Lever page that is not a posting', () => {
    const notFound = parsePage(
      '<html><head><title>Lever</title></head><body><div class="content"><h2>Sorry, we couldn\'t find anything here</h2></div></body></html>',
      SAMBA,
    );
    closers.push(notFound.close);
    expect(leverAdapter.extract(notFound.doc, new URL(SAMBA))).toBeNull();

    const board = parsePage(
      '<div class="postings-group"><div class="posting" data-qa-posting-id="7597d3d7-58d2-41b2-9f85-911d95c2c739"><a class="posting-title" href="https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739"><h5 data-qa="posting-name">Machine Learning Engineer</h5><div class="posting-categories"><span class="sort-by-location posting-category small-category-label location">New York, NY</span></div></a></div></div>',
      'https://jobs.lever.co/spotify',
    );
    closers.push(board.close);
    expect(leverAdapter.extract(board.doc, new URL('https://jobs.lever.co/spotify'))).toBeNull();
  });
});

interface Expected {
  url: string;
  posting: Record<string, unknown>;
  salaryCount: number;
  salaryEvidenceIncludes: string;
  requirements: { requiredCount: number; requiredFirst: string; preferredCount: number; preferredFirst?: string };
  descriptionIncludes: string[];
  descriptionExcludes: string[];
}

function checkAgainst(posting: Posting, expected: Expected): void {
  expect(Posting.safeParse(posting).success).toBe(true);
  expect(posting).toMatchObject(expected.posting);
  expect(posting.salaries).toHaveLength(expected.salaryCount);
  expect(posting.salary?.evidence).toContain(expected.salaryEvidenceIncludes);
  expect(posting.requirements.required).toHaveLength(expected.requirements.requiredCount);
  expect(posting.requirements.required[0]).toBe(expected.requirements.requiredFirst);
  expect(posting.requirements.preferred).toHaveLength(expected.requirements.preferredCount);
  if (expected.requirements.preferredFirst) expect(posting.requirements.preferred[0]).toBe(expected.requirements.preferredFirst);
  for (const text of expected.descriptionIncludes) expect(posting.description).toContain(text);
  for (const text of expected.descriptionExcludes) expect(posting.description).not.toContain(text);
}

describe('Lever fixtures: page in, what a careful reader says out', () => {
  const pages = [
    'spotify-ml-engineer-samba',
    'spotify-senior-ml-engineer-music-understanding',
    'northwind-data-platform-salary-block',
  ];

  it.each(pages)('%s', (name) => {
    const expected = fixtureJson<Expected>(`${name}.expected.json`);
    const { doc, close } = parsePage(fixture(`${name}.html`), expected.url);
    closers.push(close);
    const raw = readPage(doc, new URL(expected.url));
    expect(raw).not.toBeNull();
    checkAgainst(annotate(raw!), expected);
  });
});

describe('leverFromApi: the postings API shape', () => {
  const board = fixtureJson<unknown[]>('api-spotify-board.json');

  it('reads categories, workplaceType and lists as board data', () => {
    const raw = RawPosting.parse(leverFromApi(board[1]));
    expect(raw).toMatchObject({
      site: 'lever',
      jobId: '7597d3d7-58d2-41b2-9f85-911d95c2c739',
      url: SAMBA,
      title: 'Machine Learning Engineer, Personalization, Samba',
      company: 'spotify',
      location: 'New York, NY',
      department: 'Engineering – Personalization',
      commitment: 'Permanent',
      workplace: [{ value: 'remote', source: 'board', field: 'Lever API workplaceType' }],
      payStructured: [],
      payText: [],
    });
    // Without a DOMParser the HTML fields fall back to their plain-text twins.
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What You'll Do", 'Who You Are', "Where You'll Be", null]);
    expect(raw.sections[3]!.items).toHaveLength(2);
  });

  it('reads the HTML fields with a DOMParser when given a document', () => {
    const { doc, close } = parsePage('<html></html>');
    closers.push(close);
    const raw = leverFromApi(board[1], undefined, { doc });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, "What You'll Do", 'Who You Are', "Where You'll Be", null]);
    expect(raw.sections[0]!.paragraphs).toHaveLength(2);
    expect(raw.sections[1]!.items[0]).toBe(
      'Design and build machine learning systems that optimize ranking and sequencing across personalized surfaces',
    );
    expect(raw.sections[3]!.items[0]).toMatch(/as long as we have a work location\.$/);
  });

  it("reads salaryRange as the board's structured pay", () => {
    const raw = leverFromApi(fixtureJson('api-northwind-salary-range.json'));
    expect(raw.payStructured).toEqual([
      {
        min: 210000,
        max: 260000,
        currency: 'USD',
        period: 'year',
        source: 'board',
        evidence: 'API salaryRange: 210000–260000 USD per-year-salary',
      },
    ]);
    expect(raw.payText).toEqual([
      { value: 'Final offers depend on experience and location.', source: 'board', field: 'Lever API salaryDescription' },
    ]);
    expect(raw.department).toBe('Engineering – Data Platform');
  });

  it.each([
    ['per-hour-wage', 'hour'],
    ['per-day-wage', 'day'],
    ['per-week-salary', 'week'],
    ['per-month-salary', 'month'],
    ['per-year-salary', 'year'],
  ])('maps interval %s to %s', (interval, period) => {
    const json = { ...fixtureJson<object>('api-northwind-salary-range.json'), salaryRange: { min: 30, max: 40, currency: 'usd', interval } };
    expect(leverFromApi(json).payStructured[0]).toMatchObject({ min: 30, max: 40, currency: 'USD', period });
  });

  it.each(['bi-week-salary', 'semi-month-salary', 'bi-month-salary', 'one-time', 'per-quarter-salary'])(
    'does not convert interval %s into a period the employer did not write',
    (interval) => {
      const json = { ...fixtureJson<object>('api-northwind-salary-range.json'), salaryRange: { min: 3000, max: 3500, currency: 'USD', interval } };
      expect(leverFromApi(json).payStructured).toEqual([]);
    },
  );

  it('ignores a 0–0 placeholder range', () => {
    const json = { ...fixtureJson<object>('api-northwind-salary-range.json'), salaryRange: { min: 0, max: 0, currency: 'USD', interval: 'per-year-salary' } };
    expect(leverFromApi(json).payStructured).toEqual([]);
  });

  it('throws on a payload that is not a Lever posting', () => {
    expect(() => leverFromApi({ hello: 'world' })).toThrow(/not a Lever posting/);
    expect(() => leverFromApi(null)).toThrow(/not a Lever posting/);
    expect(() => leverFromApi({ id: 'x', text: 'Engineer' })).toThrow(/no hostedUrl/);
  });

  it('uses the given URL when the payload has no hostedUrl', () => {
    const json = { id: 'abc', text: 'Engineer' };
    expect(leverFromApi(json, 'https://jobs.lever.co/acme/abc').url).toBe('https://jobs.lever.co/acme/abc');
  });

  it('gives the same posting id as the page, so page and API are one record', () => {
    const { doc, close } = parsePage(fixture('spotify-senior-ml-engineer-music-understanding.html'), MUSIC);
    closers.push(close);
    const fromPage = annotate(readPage(doc, new URL(MUSIC))!);
    const fromApi = annotate(leverFromApi(board[0], undefined, { doc }));
    expect(fromApi.id).toBe(fromPage.id);
    expect(fromApi.salary).toMatchObject({ min: fromPage.salary?.min, max: fromPage.salary?.max });
    expect(fromApi.remote.policy).toBe(fromPage.remote.policy);
    expect(fromApi.requirements).toEqual(fromPage.requirements);
  });
});
