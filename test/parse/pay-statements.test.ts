import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateText } from '../../src/annotate.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';

/*
 * How many pay statements a posting makes: the same figures for two things it names apart are two,
 * a sum paid once for a piece of work is none. Each names the capture (test/corpus/real) that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());

function feedItem(path: string, item: number) {
  const json: unknown = JSON.parse(capture(path));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  return annotate(reader.readItem(items[item], { doc: window.document as unknown as Document, single: items.length === 1 }));
}

describe('the same figures for two things a posting names apart', () => {
  it('keeps a range per contract, each labelled (aggregator/h3-rocketjobs-three-polish-offers, B2B and umowa zlecenie)', () => {
    const { salaries } = feedItem('aggregator/h3-rocketjobs-three-polish-offers.json', 1);
    expect(salaries.map((r) => [r.min, r.max, r.currency, r.period])).toEqual([
      [9000, 13000, 'PLN', 'month'],
      [9000, 13000, 'PLN', 'month'],
    ]);
    expect(new Set(salaries.map((r) => r.label)).size).toBe(2);
  });

  it('keeps two locations at one rate (eightfold/paypal-venmo-sr-software-engineer-cloud-devops: Austin and Chicago)', () => {
    const { salaries } = feedItem('eightfold/paypal-venmo-sr-software-engineer-cloud-devops.json', 0);
    expect(salaries.filter((r) => r.min === 130500 && r.max === 193600)).toHaveLength(2);
    expect(salaries).toHaveLength(4);
  });

  it('reads the same range said twice under one pay word as one ("SUELDO $23,000 a $26,000" and "Sueldo: $23,000.00 - $26,000.00 al mes")', () => {
    const { salaries } = feedItem('indeed/rove-mx-indeed-twenty-postings.json', 1);
    expect(salaries).toHaveLength(1);
  });
});

describe('a sum paid once for a piece of work is not pay (text/h9-posthog-product-manager-ex-founder)', () => {
  it.each(["we'll pay you $1,000 for your efforts!", 'We pay $500 for the take-home assignment.'])('%s', (text) => {
    expect(parseSalaryRanges(text)).toEqual([]);
  });

  it('PostHog states one range, not the paid day', () => {
    const { salaries } = annotateText(capture('text/h9-posthog-product-manager-ex-founder.md'));
    expect(salaries.map((r) => r.min)).toEqual([162336]);
  });
});
