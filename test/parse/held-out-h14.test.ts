import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateText } from '../../src/annotate.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';

/*
 * What held-out batch h14 (test/corpus/real/*\/h14-*) showed the reader getting wrong when it was
 * measured: list APIs of Indonesian and Korean boards, an obsolete currency code. Each rule is the
 * pattern, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());

function feed(path: string) {
  const json: unknown = JSON.parse(capture(path));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  return (i: number) => annotate(reader.readItem(items[i], { doc: window.document as unknown as Document, single: items.length === 1 }));
}

describe('JobStreet Indonesia search results (aggregator/h14-jobstreet-id-three-content-creator-postings)', () => {
  const read = feed('aggregator/h14-jobstreet-id-three-content-creator-postings.json');

  it("reads 'salaryLabel' as the pay text: Rp 4.000.000 – Rp 5.700.000 per month", () => {
    expect(read(0).salary).toMatchObject({ min: 4_000_000, max: 5_700_000, currency: 'IDR', period: 'month' });
  });

  it("reads 'workArrangements' ('Kantor', the office) as on site", () => {
    expect(read(0).remote.policy).toBe('onsite');
    expect(read(0).remote.evidence).toMatch(/Kantor/);
  });
});

describe("Kalibrr's flags (aggregator/h14-kalibrr-kompas-gramedia-two-video-editor-jobs)", () => {
  it('is_hybrid and is_work_from_home both false: an office job', () => {
    expect(feed('aggregator/h14-kalibrr-kompas-gramedia-two-video-editor-jobs.json')(0).remote.policy).toBe('onsite');
  });
});

describe("Wanted's years (aggregator/h14-wanted-kr-twenty-dev-postings)", () => {
  const read = feed('aggregator/h14-wanted-kr-twenty-dev-postings.json');

  it("reads annual_from / annual_to as the years asked, 100 for no upper limit, and its referral reward '100만원' as no pay", () => {
    expect(read(0).experience).toMatchObject({ yearsMin: 0, yearsMax: 3 });
    expect(read(5).experience).toMatchObject({ yearsMin: 0, yearsMax: null });
    expect(read(0).salary).toBeNull();
  });
});

describe('more of what a field or a title says', () => {
  it.each([
    ['Kantor', 'onsite'],
    ['Di kantor', 'onsite'],
    ['Jarak jauh', 'remote'],
  ])('a workplace field of %s → %s', (value, policy) => {
    expect(parseRemote({ structured: [{ value, source: 'board', field: 'feed workArrangements' }], location: null, text: '' }).policy).toBe(policy);
  });

  it('an order fulfilment associate works in person (text/h14-natural-essentials-order-fulfillment-associate)', () => {
    expect(parseRemote({ structured: [], location: null, text: 'Apply today.', title: 'Order Fulfillment Associate' }).policy).toBe('onsite');
  });

  it('"MXP", the peso\'s code before 1993 that some feeds still write, is MXN', async () => {
    const { canonicalCurrency } = await import('../../src/parse/money.ts');
    expect(canonicalCurrency('MXP')).toBe('MXN');
    expect(canonicalCurrency('USD')).toBe('USD');
  });
});

describe('the workplace, said in Markdown and with the job terms between', () => {
  it("'This is an on-site, contract position' and '- **Work Type**: On-site' say on site (text/h14-roamtech-*)", () => {
    expect(annotateText(capture('text/h14-roamtech-business-development-officer-nairobi.md')).remote.policy).toBe('onsite');
    expect(parseRemote({ text: '**Work Type:** Remote', location: null, structured: [] }).policy).toBe('remote');
    expect(parseRemote({ text: 'This is an on-site, fixed-term position.', location: null, structured: [] }).policy).toBe('onsite');
  });

  it("a label whose value is a sentence is read as the sentence: 'Location: Based at the office with flexibility to work from home occasionally' is hybrid (career-pages/h12-leeds-*)", () => {
    expect(annotateText(capture('career-pages/h12-leeds-community-homes-clh-adviser.md')).remote.policy).toBe('hybrid');
  });
});
