import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { periodFromMagnitude } from '../../src/model/pay.ts';
import { feedPayloadReader } from '../../src/sites/feeds.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';

/*
 * The generic feed reader on real captures (test/corpus/real): aggregators' APIs, Workable's
 * and SmartRecruiters' list endpoints, a Hacker News thread. Their labels are scored by the
 * eval; here, the feed rules each capture showed.
 */

const window = new Window();
afterAll(() => window.happyDOM.close());
const doc = window.document as unknown as Document;
const capture = (path: string): unknown => JSON.parse(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'));
function read(path: string, item: number) {
  const json = capture(path);
  const reader = payloadReaderFor(json);
  expect(reader?.id, `${path} is read by the feed reader`).toBe('feed');
  const items = reader!.items(json);
  return annotate(reader!.readItem(items[item], { doc, single: items.length === 1 }));
}

describe('feed payloads: what no board reader claims', () => {
  it('reads cents as the shown salary says (4 Day Week: 28620000 beside "$286k - $392k"), and once', () => {
    const posting = read('aggregator/fourdayweek-api-two-jobs.json', 0);
    expect(posting.salaries.map(({ min, max, currency, period }) => ({ min, max, currency, period }))).toEqual([
      { min: 286200, max: 392000, currency: 'USD', period: 'year' },
    ]);
  });

  it('infers a yearly period from the size of figures that state none, and says so (Landing.jobs)', () => {
    const posting = read('aggregator/landingjobs-api-two-jobs.json', 0);
    expect(posting.salary).toMatchObject({ min: 50000, max: 67000, currency: 'EUR', period: 'year', periodInferred: true });
    expect(posting.salary?.evidence).toMatch(/no period; per year by its size/);
  });

  it('reads a Hacker News header line: role, remote and pay, with no address of its own', () => {
    const posting = read('aggregator/hn-who-is-hiring-september-2026.json', 0);
    expect(posting.title).toBe('Senior Product Engineer');
    expect(posting.remote.policy).toBe('remote');
    expect(posting.url).toMatch(/^https:\/\/joblens\.invalid\/feed\//);
    expect(posting.salary).toMatchObject({ min: 75000, max: 110000, currency: 'EUR' });
  });

  it("reads SmartRecruiters' remote and hybrid flags, both false, as an office job", () => {
    const posting = read('smartrecruiters/ubisoft-postings-list.json', 0);
    expect(posting.remote).toMatchObject({ policy: 'onsite', source: 'board' });
    expect(posting.location).toBe('Montreal, QC, Canada');
  });

  it("reads Workable's telecommuting flag and hourly pay in the description (Mindrift)", () => {
    const posting = read('workable/mindrift-widget.json', 0);
    expect(posting.remote.policy).toBe('remote');
    expect(posting.site).toBe('workable');
  });

  it("reads a posting in an envelope (Eightfold's { status, data })", () => {
    const posting = read('eightfold/paypal-venmo-sr-software-engineer-cloud-devops.json', 0);
    expect(posting.title).toBe('Sr. Software Engineer – Cloud Infrastructure and Devops');
    expect(posting.salary).toMatchObject({ min: 130500, max: 193600, currency: 'USD' });
  });

  it("reads keys in any case (Oracle's Title, ExternalDescriptionStr, ExternalQualificationsStr)", () => {
    const posting = read('oracle/southern-nuclear-radiation-protection-supervisor.json', 0);
    expect(posting.title).toBe('Radiation Protection Supervisor - Plant Hatch');
    expect(posting.experience?.yearsMin).toBe(5);
  });

  it("reads SmartRecruiters' job ad sections with their headings", () => {
    const posting = read('smartrecruiters/vitol-platform-engineer.json', 0);
    expect(posting.experience?.yearsMin).toBe(3);
    expect(posting.requirements.required.length).toBeGreaterThan(0);
  });

  it("reads Recruitee's hybrid flag", () => {
    expect(read('recruitee/bunq-offers-three-istanbul.json', 0).remote).toMatchObject({ policy: 'hybrid', source: 'board' });
  });

  it('claims nothing that is not a list of jobs', () => {
    expect(feedPayloadReader.detect({ name: 'x', items: [{ a: 1 }] })).toBe(false);
    expect(feedPayloadReader.detect([1, 2, 3])).toBe(false);
    expect(feedPayloadReader.detect('jobs')).toBe(false);
  });
});

describe('periodFromMagnitude', () => {
  it.each([
    [50000, 67000, 'EUR', 'year'],
    [15, 30, 'USD', 'hour'],
    [3000, 4000, 'GBP', null],
    [50000, 67000, 'INR', null],
    [0, 0, 'USD', null],
  ] as const)('%d–%d %s is %s', (min, max, currency, period) => {
    expect(periodFromMagnitude(min, max, currency)).toBe(period);
  });
});

describe('a list of job cards saved by a job tool (indeed/in-indeed-python-developer-search-cards)', () => {
  it('reads the role as the title, its pay and its place', () => {
    const posting = read('indeed/in-indeed-python-developer-search-cards.json', 0);
    expect(posting.title).toBe('Python developer');
    expect(posting.salary).toMatchObject({ min: 50000, max: 50000, currency: 'INR', period: 'month' });
  });
});

describe("a feed's job_description (eightfold/netflix-associate-apac-revenue-analytics)", () => {
  it('reads the text and its years', () => {
    expect(read('eightfold/netflix-associate-apac-revenue-analytics.json', 0).experience?.yearsMin).toBe(5);
  });
});

describe("an employer's own workplace field on Eightfold (eightfold/microsoft-software-engineer-ai-compilers)", () => {
  it('reads efcustomTextWorkSite before the platform default workLocationOption', () => {
    const remote = read('eightfold/microsoft-software-engineer-ai-compilers.json', 0).remote;
    expect([remote.policy, remote.evidence]).toEqual(['remote', 'feed efcustomTextWorkSite: 0 days / week in-office – remote']);
  });
});

describe('feeds that give pay as bare numbers (aggregator/h2-adzuna-*, h2-devitjobs-*)', () => {
  it("takes the currency from the board's country site and marks Adzuna's own estimate", () => {
    const posting = read('aggregator/h2-adzuna-uk-london-applied-ai-search.json', 0);
    expect(posting.salary).toMatchObject({ min: 72730.16, max: 72730.16, currency: 'GBP', period: 'year', estimated: true });
    expect(posting.salary?.evidence).toMatch(/currency by the posting’s country/);
  });
  it('reads a period named in the key ("annualSalaryFrom") and a currency from the address the item links to', () => {
    expect(read('aggregator/h2-devitjobs-uk-four-postings.json', 0).salary).toMatchObject({ min: 65000, max: 105000, currency: 'GBP', period: 'year' });
    expect(read('aggregator/h2-devitjobs-uk-four-postings.json', 1).salary).toMatchObject({ min: 41509, max: 58044, currency: 'GBP' });
  });
  it('states no currency where neither the site nor the place says one', () => {
    const feed = { jobs: [{ title: 'Data Engineer', description: 'Build pipelines. '.repeat(10), salary_min: 50000, salary_max: 60000 }] };
    const reader = payloadReaderFor(feed)!;
    expect(annotate(reader.readItem(reader.items(feed)[0], { doc, single: true })).salary).toBeNull();
  });
});

describe('pay kept as an object of its own', () => {
  it("reads SmartRecruiters' compensation { min, max, currency, period: YEARLY } (smartrecruiters/h2-wise-*)", () => {
    const json = capture('smartrecruiters/h2-wise-software-engineer-fx-markets-london.json');
    const reader = payloadReaderFor(json)!;
    const posting = annotate(reader.readItem(reader.items(json)[0], { doc, single: true }));
    expect(posting.salary).toMatchObject({ min: 68500, max: 87500, currency: 'GBP', period: 'year' });
  });
  it("reads Recruitee's salary with figures written as strings (recruitee/h2-channable-*)", () => {
    const json = capture('recruitee/h2-channable-two-offers-utrecht.json');
    const reader = payloadReaderFor(json)!;
    const items = reader.items(json);
    expect(annotate(reader.readItem(items[0], { doc, single: false })).salary).toMatchObject({ min: 3750, max: 5250, currency: 'EUR', period: 'month' });
  });
});

describe("a scraper's LinkedIn cards with the workplace in contract_type (linkedin/h2-france-finance-search-cards-25)", () => {
  it('reads "Hybrid" there, and nothing from "Full-time"', () => {
    const json = capture('linkedin/h2-france-finance-search-cards-25.json');
    const reader = payloadReaderFor(json)!;
    const items = reader.items(json);
    expect(annotate(reader.readItem(items[1], { doc, single: false })).remote.policy).toBe('hybrid');
    const feed = [{ title: 'Data Engineer', url: 'https://example.org/jobs/1', location: 'Paris', contract_type: 'Full-time' }];
    const r = payloadReaderFor(feed)!;
    expect(annotate(r.readItem(r.items(feed)[0], { doc, single: true })).remote.policy).toBe('unspecified');
  });
});

describe('a board that lists pay per contract and skills as fields (aggregator/h3-justjoinit-three-polish-offers)', () => {
  it("reads the employer's own figures, not the board's conversions, and the required skills", () => {
    const posting = read('aggregator/h3-justjoinit-three-polish-offers.json', 1);
    expect(posting.salaries.map(({ min, max, currency, period }) => ({ min, max, currency, period }))).toEqual([{ min: 26000, max: 31000, currency: 'PLN', period: 'month' }]);
    expect(posting.requirements.required).toEqual(['.Net', 'Python', 'Azure', 'Kubernetes', 'React', 'English']);
  });
});

describe('more places feeds keep pay (aggregator/h3-reed-*, smartrecruiters/h3-wise-two-postings-list-london)', () => {
  it("reads Reed's minimumSalary/maximumSalary", () => {
    expect(read('aggregator/h3-reed-search-five-london-ai-postings.json', 1).salary).toMatchObject({ min: 70000, max: 100000, currency: 'GBP', period: 'year' });
  });
  it('reads a custom field named for pay when no pay field is set', () => {
    const json = capture('smartrecruiters/h3-wise-two-postings-list-london.json');
    const reader = payloadReaderFor(json)!;
    const posting = annotate(reader.readItem(reader.items(json)[1], { doc, single: false }));
    expect(posting.salary).toMatchObject({ min: 60000, max: 85000, currency: 'GBP', period: 'year' });
    expect(posting.salary?.evidence).toMatch(/Job Ad Salary Range/);
  });
});

describe("one posting in a `{ job: { … } }` envelope (aggregator/h5-wttj-developpeur-junior-saint-marcel)", () => {
  it("reads Welcome to the Jungle's job: title, pay fields, and remote 'partial' as hybrid", () => {
    const json = capture('aggregator/h5-wttj-developpeur-junior-saint-marcel.json');
    const reader = payloadReaderFor(json)!;
    expect(reader.id).toBe('feed');
    const posting = annotate(reader.readItem(reader.items(json)[0], { doc, single: true }));
    expect(posting.title).toBe('Développeur Junior');
    expect(posting.salary).toMatchObject({ min: 30000, max: 35000, currency: 'EUR', period: 'year' });
    expect(posting.remote).toMatchObject({ policy: 'hybrid', evidence: expect.stringContaining('partial') });
  });
});

describe('list APIs of batch h7, read after the batch was measured', () => {
  it("reads BambooHR's careers list with each entry's detail: title, pay field, locationType 0/1/2 (bamboohr/h7-holistic-ai-bamboohr-twelve-openings)", () => {
    const first = read('bamboohr/h7-holistic-ai-bamboohr-twelve-openings.json', 0);
    expect(first.title).toBe('Director of Product – London, United Kingdom');
    expect(first.salary).toMatchObject({ min: 100000, max: 100000, currency: 'GBP', period: 'year' });
    expect(first.remote).toMatchObject({ policy: 'hybrid', source: 'board' });
    const second = read('bamboohr/h7-holistic-ai-bamboohr-twelve-openings.json', 1);
    // "£50,000–£60,000/ OTE: £100,000–£120,000": base first, then on-target earnings.
    expect(second.salaries.map((r) => [r.min, r.max, r.kind ?? 'base'])).toEqual([
      [50000, 60000, 'base'],
      [100000, 120000, 'ote'],
    ]);
    expect(read('bamboohr/h7-holistic-ai-bamboohr-twelve-openings.json', 2).remote.policy).toBe('remote');
  });

  it("reads Torre's search results: objective as title, the organisation, compensation.data, and 'to-be-agreed' zeros as no pay (aggregator/h7-torre-*)", () => {
    const grafana = read('aggregator/h7-torre-search-grafana-sweden-japan-deepgram-apac.json', 0);
    expect(grafana).toMatchObject({ title: 'Senior Solutions Engineer (SE) – Sweden (Remote)', company: 'Grafana Labs' });
    expect(grafana.salary).toMatchObject({ min: 1119000, max: 1400000, currency: 'SEK', period: 'year' });
    expect(read('aggregator/h7-torre-search-grafana-sweden-japan-deepgram-apac.json', 2).salary).toBeNull();
  });

  it("reads Manatal's list (position_name) (manatal/h7-manatal-business-development-internships-bangkok)", () => {
    expect(read('manatal/h7-manatal-business-development-internships-bangkok.json', 0).title).toBe('Business Development Internship (12PM - 9PM)');
  });
});

describe('a board that lists remote jobs only (aggregator/h7-himalayas-*, h7-remotive-*)', () => {
  it('makes its postings remote, with the board as evidence', () => {
    const himalayas = read('aggregator/h7-himalayas-cottage-health-pdl-revenue-operations-analyst.json', 0);
    expect(himalayas.remote).toMatchObject({ policy: 'remote', evidence: expect.stringContaining('himalayas.app') });
    expect(read('aggregator/h7-remotive-telus-digital-content-reviewer-english-us.json', 0).remote.policy).toBe('remote');
  });
});

describe("a feed's parts with their own headings (pinpoint/h7-pinpoint-founding-legal-counsel-and-implementation-manager)", () => {
  it("reads 'skills_knowledge_expertise' under its 'What you'll bring' header, and compensation_* fields as pay", () => {
    const counsel = read('pinpoint/h7-pinpoint-founding-legal-counsel-and-implementation-manager.json', 0);
    expect(counsel.experience).toMatchObject({ yearsMin: 4 });
    expect(counsel.requirements.required[0]).toMatch(/^4\+ years as a qualified lawyer/);
    expect(counsel.salary).toBeNull();
    const manager = read('pinpoint/h7-pinpoint-founding-legal-counsel-and-implementation-manager.json', 1);
    expect(manager.salary).toMatchObject({ min: 70000, max: 90000, currency: 'GBP', period: 'year' });
  });
});

describe('feeds of batch h8, read after the batch was measured', () => {
  it("reads an Elasticsearch answer's hits and a text kept as labelled parts (aggregator/h8-amedia-boreal-minol-tankbilsjafor)", () => {
    const driver = read('aggregator/h8-amedia-boreal-minol-tankbilsjafor.json', 0);
    expect(driver.title).toBe('Tankbilsjåfør');
    expect(driver.requirements.required).toHaveLength(2);
    expect(driver.remote.policy).toBe('onsite');
  });

  it("reads No Fluff Jobs: monthly salary, requirement tiles, location.fullyRemote (aggregator/h8-nofluffjobs-szczecin-three-offers)", () => {
    const sii = read('aggregator/h8-nofluffjobs-szczecin-three-offers.json', 1);
    expect(sii.salary).toMatchObject({ min: 26880, max: 30240, currency: 'PLN', period: 'month' });
    expect(sii.requirements.required).toEqual(['Microsoft Power Platform', 'Microsoft Dynamics 365', 'Software Development Lifecycle (SDLC)']);
    expect(sii.remote.policy).toBe('remote');
    expect(read('aggregator/h8-nofluffjobs-szczecin-three-offers.json', 0).remote.policy).toBe('unspecified');
  });
});
