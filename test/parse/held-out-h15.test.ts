import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';

/*
 * What held-out batch h15 (test/corpus/real/*\/h15-*) showed the reader getting wrong when it was
 * measured: a weight read as pounds sterling, a range with an aside on its lower bound, one rate
 * said twice read as two. Each rule is the pattern, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const figures = (text: string) => parseSalaryRanges(text).map((r) => [r.min, r.max, r.currency, r.period]);

describe('pay', () => {
  it("a weight to lift or carry is not pay ('parts weighing approximately 25-75 pounds': text/h15-merritt-woodwork-cabinetmaker-lodi)", () => {
    expect(annotateText(capture('text/h15-merritt-woodwork-cabinetmaker-lodi.txt')).salaries).toEqual([]);
    expect(figures('Must be able to lift up to 50 pounds and carry 30 pounds')).toEqual([]);
    // Pay in pounds is still pay.
    expect(figures('Salary: 25-75 pounds per hour')).toEqual([[25, 75, 'GBP', 'hour']]);
  });

  it("'between € 2,651 (scale 9) and € 3,997 (scale 10 …) gross per month' is one range; a scale's number is not an amount (text/h15-university-of-groningen-*)", () => {
    const read = annotateText(capture('text/h15-university-of-groningen-scientific-python-developer.md'));
    expect(read.salaries.map((r) => [r.min, r.max, r.currency, r.period])).toEqual([[2651, 3997, 'EUR', 'month']]);
  });

  it("one rate said in the headline ('Full time work @ $10 per hour') and under 'Pay and Perks' is one range, with no label (text/h15-cane-rosso-dynamic-dishwasher)", () => {
    const read = annotateText(capture('text/h15-cane-rosso-dynamic-dishwasher.md'));
    expect(read.salaries).toHaveLength(1);
    expect(read.salaries[0]).toMatchObject({ min: 10, max: 10, currency: 'USD', period: 'hour' });
    expect(read.salaries[0]!.label).toBeUndefined();
  });
});

describe('requirements', () => {
  it("Ukrainian and Russian headings: 'Обов’язково' and 'Вимоги' are required, 'Буде плюсом' preferred, 'Задачі' and 'Обов’язки' duties (jsonld/h15-djinni-*)", async () => {
    const { classifyHeading, isOtherHeading } = await import('../../src/parse/requirements.ts');
    expect(['Обов’язково', 'Вимоги', 'Требования', 'Що ми очікуємо'].map(classifyHeading)).toEqual(['required', 'required', 'required', 'required']);
    expect(['Буде плюсом', 'Будет преимуществом', 'Бажано'].map(classifyHeading)).toEqual(['preferred', 'preferred', 'preferred']);
    expect(['Задачі', 'Обов’язки', 'Ми пропонуємо', 'Обязанности'].every((h) => classifyHeading(h) === null && isOtherHeading(h))).toBe(true);
  });
});


describe('the workplace', () => {
  it("an office the role joins ('someone to join our teams in our office in the heart of Berlin') with 'Remote work is possible after consultation' is hybrid (text/h15-wikimedia-deutschland-*)", () => {
    expect(annotateText(capture('text/h15-wikimedia-deutschland-ux-interaction-designer.md')).remote.policy).toBe('hybrid');
  });

  it("a cabinetmaker works in the shop; 'based out of Gurugram office' is on site (text/h15-merritt-woodwork-*, text/h12-bain-*)", () => {
    expect(annotateText(capture('text/h15-merritt-woodwork-cabinetmaker-lodi.txt')).remote.policy).toBe('onsite');
    expect(annotateText(capture('text/h12-bain-associate-ams-coe-gurugram.txt')).remote.policy).toBe('onsite');
  });
});
