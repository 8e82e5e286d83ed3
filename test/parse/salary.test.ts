import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SalaryRange, annualise } from '../../src/model/index.ts';
import { parseSalaryRanges, saysRangeIsOte } from '../../src/parse/salary.ts';
import { decodeEntities, splitSentences } from '../../src/parse/text.ts';

interface CorpusEntry {
  text: string;
  expected: Array<Pick<SalaryRange, 'min' | 'max' | 'currency' | 'period' | 'label' | 'kind' | 'estimated'>>;
  note: string;
}

const corpus: CorpusEntry[] = JSON.parse(
  readFileSync(new URL('../corpus/strings/salary-strings.json', import.meta.url), 'utf8'),
);

// The project's four founding postings, byte for byte (test/corpus/real/text/seed-*.txt, from shared/seeds).
const seedDir = new URL('../corpus/real/text/', import.meta.url);
function seed(prefix: string): string {
  const name = readdirSync(seedDir).find((f) => f.startsWith(`seed-${prefix.replace(/_$/, '')}`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(name, seedDir), 'utf8');
}

/** The fields a reader compares; `label`, `kind` and `estimated` only where present, so their absence is checked too. */
function comparable(r: SalaryRange) {
  const out: Record<string, unknown> = { min: r.min, max: r.max, currency: r.currency, period: r.period };
  if ('label' in r) out.label = r.label;
  if ('kind' in r) out.kind = r.kind;
  if ('estimated' in r) out.estimated = r.estimated;
  return out;
}

function one(text: string) {
  const ranges = parseSalaryRanges(text);
  expect(ranges).toHaveLength(1);
  return ranges[0]!;
}

describe('parseSalaryRanges: reference corpus', () => {
  it('has entries to check', () => {
    expect(corpus.length).toBeGreaterThan(40);
  });

  it.each(corpus.map((c) => [c.note || c.text.slice(0, 40), c] as const))('%s', (_name, entry) => {
    const ranges = parseSalaryRanges(entry.text);
    expect(ranges.map(comparable)).toEqual(entry.expected);
    for (const range of ranges) {
      expect(() => SalaryRange.parse(range)).not.toThrow();
      expect(decodeEntities(entry.text)).toContain(range.evidence);
      expect(range.evidence).toBe(range.evidence.trim());
      expect(range.source).toBe('prose');
      expect(range.annual).toEqual(annualise(range.min, range.max, range.period));
    }
  });
});

describe('parseSalaryRanges: seed postings', () => {
  it('000: "$184,050 $262,928" with no dash; 401(k) and "23 paid days" are not pay', () => {
    const ranges = parseSalaryRanges(seed('000'));
    expect(ranges.map(comparable)).toEqual([{ min: 184050, max: 262928, currency: 'USD', period: 'year' }]);
    expect(ranges[0]!.evidence).toContain('$184,050 $262,928');
    expect(ranges.some((r) => r.min === 401 || r.max === 401 || r.min === 23 || r.max === 23)).toBe(false);
  });

  it('001: "$176166 $251666" with no separators at all', () => {
    expect(parseSalaryRanges(seed('001')).map(comparable)).toEqual([{ min: 176166, max: 251666, currency: 'USD', period: 'year' }]);
  });

  it('002: a page flattened to one line', () => {
    expect(parseSalaryRanges(seed('002')).map(comparable)).toEqual([{ min: 148901, max: 212716, currency: 'USD', period: 'year' }]);
  });

  it('003 states no pay', () => {
    expect(parseSalaryRanges(seed('003'))).toEqual([]);
  });
});

describe('parseSalaryRanges: separators', () => {
  it.each([
    ['$100,000 - $120,000'],
    ['$100,000 – $120,000'],
    ['$100,000 — $120,000'],
    ['$100,000 to $120,000'],
    ['$100,000 &#8211; $120,000'],
    ['$100,000&ndash;$120,000'],
    ['$100,000 &mdash; $120,000'],
    ['$100,000 $120,000'],
    ['$100000 $120000'],
    ['between $100,000 and $120,000'],
  ])('%s', (text) => {
    const r = one(`Salary: ${text}`);
    expect([r.min, r.max, r.currency]).toEqual([100000, 120000, 'USD']);
  });

  it('does not pair two amounts with words between them', () => {
    const ranges = parseSalaryRanges('The salary is $90,000 and the bonus target is 10%.');
    expect(ranges.map((r) => [r.min, r.max])).toEqual([[90000, 90000]]);
  });
});

describe('parseSalaryRanges: amounts', () => {
  it.each([
    ['$120k - $150k', 120000, 150000],
    ['$120-150k', 120000, 150000],
    ['$120K–150K', 120000, 150000],
    ['$95.5k - $110k', 95500, 110000],
    ['$132,949.00 - 189,927.00', 132949, 189927],
    ['$70,720.00 - $115,252,80', 70720, 115252.8],
    ['€55.000 - €70.000', 55000, 70000],
    ['1 234 567 - 1 500 000 HUF', 1234567, 1500000],
    ['₹12,34,567 - ₹15,00,000', 1234567, 1500000],
    ['CHF 110\'000 - 130\'000', 110000, 130000],
  ])('Pay range: %s', (text, min, max) => {
    const r = one(`Pay range: ${text}`);
    expect([r.min, r.max]).toEqual([min, max]);
  });

  it('reads lakhs per annum as rupees a year', () => {
    expect(comparable(one('CTC: 8-12 LPA'))).toEqual({ min: 800000, max: 1200000, currency: 'INR', period: 'year' });
    expect(comparable(one('Salary: 15 lakhs per annum'))).toMatchObject({ min: 1500000, currency: 'INR' });
  });

  it('takes the currency from a code over a bare $', () => {
    expect(one('$90,000 - $110,000 CAD').currency).toBe('CAD');
    expect(one('CAD $90,000 - $110,000').currency).toBe('CAD');
    expect(one('Salary (AUD): $90,000 - $110,000')).toMatchObject({ currency: 'AUD' });
    expect(one('Salary (AUD): $90,000 - $110,000')).not.toHaveProperty('label');
    expect(one('Salary: $90,000 - $110,000').currency).toBe('USD');
  });

  it('keeps two currencies in one sentence apart', () => {
    const ranges = parseSalaryRanges('US: $100k-$120k USD; UK: £70k-£85k');
    expect(ranges.map((r) => [r.currency, r.min, r.max, r.label])).toEqual([
      ['USD', 100000, 120000, 'US'],
      ['GBP', 70000, 85000, 'UK'],
    ]);
  });
});

describe('parseSalaryRanges: periods', () => {
  it.each([
    ['$25/hr', 'hour'],
    ['$25 per hour', 'hour'],
    ['$25 an hour', 'hour'],
    ['hourly rate of $25', 'hour'],
    ['$400/day', 'day'],
    ['$400 per day', 'day'],
    ['$2,000 per week', 'week'],
    ['$5,000/mo', 'month'],
    ['$5,000 monthly', 'month'],
    ['R$5.000/mês', 'month'],
    ['$90,000/yr', 'year'],
    ['$90,000 a year', 'year'],
    ['$90,000 annually', 'year'],
    ['£90,000 per annum', 'year'],
    ['salary of $90,000', 'year'],
  ])('%s', (text, period) => {
    expect(one(text).period).toBe(period);
  });

  it('lets a second range inherit the stated period of the first', () => {
    const ranges = parseSalaryRanges('NYC: $40 - $50 per hour\nElsewhere: $35 - $45');
    expect(ranges.map((r) => [r.period, r.label])).toEqual([
      ['hour', 'NYC'],
      ['hour', 'Elsewhere'],
    ]);
  });

  it('annualises by the period', () => {
    expect(annualise(50, 60, 'hour')).toEqual({ min: 104000, max: 124800 });
    expect(annualise(400, 400, 'day')).toEqual({ min: 104000, max: 104000 });
    expect(annualise(2000, 2000, 'week')).toEqual({ min: 104000, max: 104000 });
    expect(annualise(5000, 6000, 'month')).toEqual({ min: 60000, max: 72000 });
    expect(annualise(90000, 100000, 'year')).toEqual({ min: 90000, max: 100000 });
  });
});

describe('parseSalaryRanges: what is not pay', () => {
  it.each([
    ['401(k) with a 4% match'],
    ['We raised $50M in our Series B.'],
    ['We have raised over $120 million from top investors.'],
    ['We are a family business with an annual turnover in excess of $3 billion.'],
    ['Profits of $40 million last year let us grow the team.'],
    ['Our customers processed $2B in payments.'],
    ['$30M ARR and growing'],
    ['A team of 250 engineers in 12 offices, founded in 2012.'],
    ['10% annual bonus target and 0.1% - 0.5% equity'],
    ['A $1,500 annual learning stipend'],
    ['$500 home office budget'],
    ['A $10,000 signing bonus'],
    ['$100/month phone allowance'],
    ['Salary range: $0 - $0'],
    ['Salary: $150,000 - $120,000'],
    ['Competitive salary and benefits.'],
    ['Must be able to lift 50 pounds.'],
    ['Call us at 555-0100 or visit 123 Main St.'],
  ])('%s', (text) => {
    expect(parseSalaryRanges(text)).toEqual([]);
  });

  it('keeps the salary and drops the bonus in the same sentence', () => {
    const ranges = parseSalaryRanges('Base salary $150,000 plus a $20,000 signing bonus.');
    expect(ranges.map((r) => [r.min, r.max])).toEqual([[150000, 150000]]);
  });

  it('counts a living allowance as pay and an earmarked one as not', () => {
    expect(one('Interns receive a monthly stipend of €1,200').period).toBe('month');
    expect(parseSalaryRanges('Interns receive a monthly meal allowance of €200')).toEqual([]);
  });
});

describe('parseSalaryRanges: a price list is not pay', () => {
  const prices = ['$1,234 / year', '$1,234 a month', '$12,345 per year', 'from $1,234 annually', '$49 per month'];
  it('drops a column of lone amounts with periods and no pay word', () => {
    expect(parseSalaryRanges(prices.join('\n'))).toEqual([]);
  });
  it('keeps the stated pay beside a price list', () => {
    const text = [...prices, 'The salary range for this role is $120,000 - $150,000 a year.'].join('\n');
    expect(parseSalaryRanges(text).map((r) => [r.min, r.max])).toEqual([[120000, 150000]]);
  });
  it('keeps one lone rate', () => {
    expect(parseSalaryRanges('$50/hr • Offers Equity').map((r) => [r.min, r.period])).toEqual([[50, 'hour']]);
  });
});

describe('parseSalaryRanges: labels, OTE, estimates, source', () => {
  it('labels a range by the zone written before it, not by a sentence', () => {
    expect(one('Zone 2: $100,000 - $120,000').label).toBe('Zone 2');
    expect(one('Zone 3 Pay Range\n$90,000 - $110,000').label).toBe('Zone 3');
    expect(one('The base salary for this role is $100,000 - $120,000.')).not.toHaveProperty('label');
    expect(one('Canada Salary Range\n$90,000 - $110,000 CAD')).not.toHaveProperty('label');
  });

  it('marks on-target earnings', () => {
    expect(one('OTE: $200k - $250k').kind).toBe('ote');
    expect(one('On-target earnings of $180,000 - $220,000').kind).toBe('ote');
    expect(one('Base salary: $100k - $120k')).not.toHaveProperty('kind');
  });

  it("marks a board's estimate, never the employer's own", () => {
    expect(one('$90K - $110K a year (Glassdoor est.)').estimated).toBe(true);
    expect(one('Estimated: $90K - $110K a year').estimated).toBe(true);
    expect(one('$90K - $110K (Employer est.)')).not.toHaveProperty('estimated');
    expect(one('The range is estimated to be $90K - $110K.')).not.toHaveProperty('estimated');
  });

  it('carries the source it is given', () => {
    expect(parseSalaryRanges('$210,000 - $260,000 a year', { source: 'board' })[0]!.source).toBe('board');
  });

  it('returns ranges in the order written, each with its own sentence', () => {
    const ranges = parseSalaryRanges('Junior: $80k - $100k. Senior: $120k - $150k.');
    expect(ranges.map((r) => [r.label, r.evidence])).toEqual([
      ['Junior', 'Junior: $80k - $100k.'],
      ['Senior', 'Senior: $120k - $150k.'],
    ]);
  });
});

describe('text helpers the salary reader relies on', () => {
  it('decodes numeric and named entities once', () => {
    expect(decodeEntities('$113,000 &#8211; $155,000 &amp; &#x2014; &nbsp;&euro;5')).toBe('$113,000 – $155,000 & — \u00a0€5');
    expect(decodeEntities('&amp;amp; R&D &bogus; &#0; &#xD800;')).toBe('&amp; R&D &bogus; &#0; &#xD800;');
  });

  it('splits sentences at line breaks and sentence ends, not at decimals or abbreviations', () => {
    expect(splitSentences('The range is $54 — $60 per hour. Other locations: $51.50 — $60 USD')).toEqual([
      'The range is $54 — $60 per hour.',
      'Other locations: $51.50 — $60 USD',
    ]);
    expect(splitSentences('$117,000/yr (LinkedIn est.) Full-time\nWe use e.g. Go. Then Rust!')).toEqual([
      '$117,000/yr (LinkedIn est.) Full-time',
      'We use e.g. Go.',
      'Then Rust!',
    ]);
  });
});

describe('parseSalaryRanges: patterns from the real corpus (test/corpus/real)', () => {
  const figures = (text: string, options = {}) =>
    parseSalaryRanges(text, options).map(({ min, max, currency, period, kind }) => ({ min, max, currency, period, ...(kind ? { kind } : {}) }));

  it('gives a bare "$" the currency its sentence names (text/rokt-aftersell-ai-software-developer)', () => {
    expect(figures('The salary range is CAD $119,000 - $246,000, including a base salary of $100,000 - $160,000.').map((r) => r.currency)).toEqual(['CAD', 'CAD']);
  });

  it("gives a bare \"$\" the posting's own dollar, and leaves a marked currency alone", () => {
    expect(figures('Salary: $75,000 – $80,000 + super per year', { dollar: 'AUD' })[0]?.currency).toBe('AUD');
    expect(figures('Salary: US$75,000 – US$80,000 per year', { dollar: 'AUD' })[0]?.currency).toBe('USD');
  });

  it('reads a base/variable split as on-target earnings (greenhouse/warp-board-four-postings)', () => {
    expect(figures('The budgeted compensation amount for this role is targeted at $230,000 to $250,000, with a 60/40 split.')[0]?.kind).toBe('ote');
    expect(figures('targeted at $200,000 to $250,000 (inclusive of an 80% base / 20% variable split).')[0]?.kind).toBe('ote');
  });

  it('says when a posting calls its range on-target earnings, and not when that is a rule for other roles', () => {
    expect(saysRangeIsOte('The compensation range indicated in this posting reflects the On-Target Earnings (“OTE”) for this role.')).toBe(true);
    expect(saysRangeIsOte("For sales roles, the range provided is the role's On Target Earnings (\"OTE\") range.")).toBe(false);
  });

  it('does not read sales figures, perks for a purpose or earmarked allowances as pay', () => {
    // text/anima-account-executive-uk, text/rehearsals-founding-software-engineer, text/paypay-ml-engineer-credit-modeling
    expect(figures("It's helpful to have experience generating leads of $30-50k+ ACV, but not mandatory")).toEqual([]);
    expect(figures('$1,000/month for gym membership and food')).toEqual([]);
    expect(figures('Late overtime allowance, Work from anywhere allowance (JPY100,000)')).toEqual([]);
    // ...while "+ Equity" after a range is still "and equity".
    expect(figures('£91K – £115K + Equity')).toEqual([{ min: 91000, max: 115000, currency: 'GBP', period: 'year' }]);
  });
});

describe('parseSalaryRanges: lone amounts in real postings (test/corpus/real)', () => {
  const figures = (text: string) => parseSalaryRanges(text).map(({ min, max, currency, period }) => ({ min, max, currency, period }));
  it('reads an amount named by the pay that comes with it (text/pensionbee-senior-software-engineer)', () => {
    expect(figures('### ●£67,000, annual bonus and share options')).toEqual([{ min: 67000, max: 67000, currency: 'GBP', period: 'year' }]);
    expect(figures('A $10,000 signing bonus and equity')).toEqual([]);
  });

  it('reads pay that contributors earn: contributors are people, not contributions (workable/mindrift-widget)', () => {
    expect(figures('On this project, contributors can earn up to $25 per hour equivalent.')).toEqual([{ min: 25, max: 25, currency: 'USD', period: 'hour' }]);
    expect(figures('We match 401(k) contributions of up to $5,000 a year.')).toEqual([]);
  });
});

describe('parseSalaryRanges: perks and projections beside pay (workable/ff-properties-company-jobs)', () => {
  const figures = (text: string) => parseSalaryRanges(text).map(({ min, max, currency, period }) => ({ min, max, currency, period }));
  it('does not read a rent discount as pay', () => {
    expect(figures('• $500/month off rent at an eligible F&F property after 60 days')).toEqual([]);
    expect(figures('$ 500/month rent discount for employees living in F&F Communities')).toEqual([]);
  });

  it('does not read a projection as pay, nor carry an hourly period onto a yearly sum', () => {
    expect(figures('Ongoing pay: Hourly base ($17.75) + aggressive commissions\nEligible to earn (not guaranteed): ~$100K within first 14 months')).toEqual([
      { min: 17.75, max: 17.75, currency: 'USD', period: 'hour' },
    ]);
    expect(figures('Pay: $20 an hour.\nSenior salary: $95,000')).toEqual([
      { min: 20, max: 20, currency: 'USD', period: 'hour' },
      { min: 95000, max: 95000, currency: 'USD', period: 'year' },
    ]);
  });
});

describe('parseSalaryRanges: other languages and meal vouchers (test/corpus/real/jsonld)', () => {
  const figures = (text: string) => parseSalaryRanges(text).map(({ min, max, currency, period }) => ({ min, max, currency, period }));
  it('reads "entre X et Y" as a range', () => {
    expect(figures('Rémunération entre 2095€ et 2295€ brut mensuel.')).toEqual([{ min: 2095, max: 2295, currency: 'EUR', period: 'month' }]);
  });
  it('does not read meal vouchers as pay', () => {
    expect(figures("Tickets restaurant (9€/jour travaillé, 60% pris en charge par l'entreprise)")).toEqual([]);
  });
});

describe('parseSalaryRanges: pay quoted by the month in Latin America', () => {
  const figures = (text: string, dollar?: string) => parseSalaryRanges(text, { dollar }).map(({ min, max, currency, period }) => ({ min, max, currency, period }));
  it('reads "al mes", "Sueldo" and a peso figure with no period as monthly', () => {
    expect(figures('Sueldo: $23,000.00 - $26,000.00 al mes', 'MXN')).toEqual([{ min: 23000, max: 26000, currency: 'MXN', period: 'month' }]);
    expect(figures('Sueldo: $38,000 libres', 'MXN')).toEqual([{ min: 38000, max: 38000, currency: 'MXN', period: 'month' }]);
    expect(figures('Salary: $75,000 a year')).toEqual([{ min: 75000, max: 75000, currency: 'USD', period: 'year' }]);
  });
});

describe('parseSalaryRanges: French pay words (text/h2-territoires-memoire-*)', () => {
  it.each([
    ['Le montant de la rémunération mensuelle brute liée à cette fonction est de **2160,74 €**.', 2160.74],
    ['Rémunération : 2 160 € brut mensuel', 2160],
  ])('%j is monthly euros', (text, amount) => {
    expect(parseSalaryRanges(text)[0]).toMatchObject({ min: amount, max: amount, currency: 'EUR', period: 'month' });
  });
});

describe('a pay floor written with a plus (text/h5-planned-parenthood-ncs-clinic-associate-nurse-rochester)', () => {
  it.each([
    ['Salary: $20+', 20, 'hour'],
    ['Salary: $85,000+ per year', 85000, 'year'],
    ['Pay: $20+/hr', 20, 'hour'],
  ])('reads %s as its figure', (text, figure, period) => {
    expect(parseSalaryRanges(text)).toMatchObject([{ min: figure, max: figure, currency: 'USD', period }]);
  });

  it.each(['We grew to $1m+ ARR last year.', 'Deals of $30-50k+ ACV.', 'Top performers close $150+ deals a day.'])('is not pay without a pay word before it: %s', (text) => {
    expect(parseSalaryRanges(text)).toEqual([]);
  });
});

describe('pay rules from the held-out batch h5 (greenhouse/h5-anthropic-board-ai-native-ae-and-fellows)', () => {
  it('amounts listed side by side share the period written after the last of them', () => {
    const ranges = parseSalaryRanges('The expected base stipend for this role is 3,850 USD / 2,310 GBP / 4,300 CAD per week, with an expectation of 40 hours per week.');
    expect(ranges.map((r) => [r.min, r.currency, r.period])).toEqual([
      [3850, 'USD', 'week'],
      [2310, 'GBP', 'week'],
      [4300, 'CAD', 'week'],
    ]);
  });

  it('but not where the period does not fit the size', () => {
    expect(parseSalaryRanges('Salary: $120,000, $40 per hour for contractors').map((r) => r.period)).toEqual(['year', 'hour']);
  });

  it("'(~$15k/month)' after 'Funding for compute' is funding, not pay", () => {
    expect(parseSalaryRanges('Funding for compute (~$15k/month) and other research expenses')).toEqual([]);
  });

  it("'For sales roles, the range provided is the role's On Target Earnings' makes the range OTE on a sales posting only", () => {
    const text = 'For sales roles, the range provided is the role’s On Target Earnings ("OTE") range, meaning that the range includes both the sales commissions target and annual base salary.';
    expect(saysRangeIsOte(text, 'AI Native Account Executive')).toBe(true);
    expect(saysRangeIsOte(text, 'Full Stack Engineer, RL')).toBe(false);
    expect(saysRangeIsOte(text)).toBe(false);
  });
});

describe('pay rules from the held-out batch h6 (text/h6-north-castle-*, text/h6-suffolk-libraries-artist-in-residence)', () => {
  it("reads an amount under a 'Compensation' heading as pay, its period by its size", () => {
    expect(parseSalaryRanges('### Compensation\n\nStarting at $23 (commensurate with experience)')).toMatchObject([{ min: 23, max: 23, currency: 'USD', period: 'hour' }]);
    expect(parseSalaryRanges('### Our history\n\nStarting at $23 we built a company.')).toEqual([]);
  });

  it("reads '£500 for the week' as weekly", () => {
    expect(parseSalaryRanges('The rate of pay is £500 for the week (including lunch provided by Suffolk Libraries)')).toMatchObject([{ min: 500, currency: 'GBP', period: 'week' }]);
  });
});

describe('benefit amounts (ashby/h7-ramp-security-android-frontend-engineers)', () => {
  it("'Fertility HRA (up to $10,000 per year)' is a benefit, not pay", () => {
    expect(parseSalaryRanges('Fertility HRA (up to $10,000 per year)')).toEqual([]);
  });
});

describe('pay rules from held-out batch h9 (read after it was measured)', () => {
  it("'$162,336 - $177,715+ significant equity' is the pay, with equity beside it (text/h9-posthog-*)", () => {
    expect(parseSalaryRanges('Salary$162,336 - $177,715+ significant equity')).toMatchObject([{ min: 162336, max: 177715, currency: 'USD', period: 'year' }]);
    expect(parseSalaryRanges('Deals of $30-50k+ ACV.')).toEqual([]);
  });

  it("'For US-based roles, … $148,200 and $239,800' is US dollars on a Canadian posting (workday/h9-autodesk-*)", () => {
    const [range] = parseSalaryRanges('For US-based roles, we expect a starting base salary between $148,200 and $239,800.', { dollar: 'CAD' });
    expect(range).toMatchObject({ min: 148200, max: 239800, currency: 'USD' });
    expect(parseSalaryRanges('We expect a starting base salary between $148,200 and $239,800.', { dollar: 'CAD' })[0]!.currency).toBe('CAD');
  });
});
