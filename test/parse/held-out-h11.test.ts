import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';

/*
 * What held-out batch h11 (test/corpus/real/*\/h11-*) showed the reader getting wrong when it was
 * measured: Japanese, Korean and Chinese pay, workplace and headings, text that opens without a
 * title line, HTML written into text. Each rule is the pattern, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const pay = (text: string) => parseSalaryRanges(text).map((r) => [r.min, r.max, r.currency, r.period]);
const policy = (text: string) => parseRemote({ structured: [], location: null, text }).policy;

describe('pay counted in 万 / 만 (ten thousands), with the currency and period its words give', () => {
  it.each([
    ['想定給与\t500万 ～ 700万', [5_000_000, 7_000_000, 'JPY', 'year']],
    ['年収500万円〜700万円', [5_000_000, 7_000_000, 'JPY', 'year']],
    ['月給30万円以上', [300_000, 300_000, 'JPY', 'month']],
    ['時給1,200円', [1200, 1200, 'JPY', 'hour']],
    ['연봉 4,000만원 ~ 5,000만원', [40_000_000, 50_000_000, 'KRW', 'year']],
    ['月薪：2万-3万元', [20_000, 30_000, 'CNY', 'month']],
  ])('%s', (text, range) => {
    expect(pay(text)).toEqual([range]);
  });

  it("a company's capital or funding in 万 is not pay", () => {
    expect(pay('■資本金　2億4500万円')).toEqual([]);
    expect(pay('公司融资8000万美元')).toEqual([]);
  });
});

describe('the workplace in Japanese and Korean', () => {
  it.each([
    ['配属部署\tリモートワーク可（週1‐2回程度）', 'hybrid'],
    ['フルリモート', 'remote'],
    ['주 2회 재택근무', 'hybrid'],
    ['재택근무 가능', 'remote'],
  ])('%s → %s', (text, expected) => {
    expect(policy(text)).toBe(expected);
  });
});

describe('a Japanese posting (text/h11-linkers-remote-frontend-engineer-ja)', () => {
  const posting = annotateText(capture('text/h11-linkers-remote-frontend-engineer-ja.md'));

  it('takes the title from the line after the company name, not the name (リンカーズ株式会社)', () => {
    // The ideographic space between its parts is read as a space.
    expect(posting.title).toBe('【東京：リモート】リモートフロントエンドエンジニア （自社開発SaaS）');
  });

  it('reads 想定給与 as yen a year, リモートワーク可（週1‐2回程度） as hybrid, （1.5年以上） as 1.5 years', () => {
    expect(posting.salaries.map((r) => [r.min, r.max, r.currency, r.period])).toEqual([[5_000_000, 7_000_000, 'JPY', 'year']]);
    expect(posting.remote.policy).toBe('hybrid');
    expect(posting.experience?.yearsMin).toBe(1.5);
  });

  it('reads ・ as a bullet and 【尚可】 as the heading of what is welcome', () => {
    expect(posting.requirements.preferred).toEqual(['JS系のビルドツール・モジュールバンドラーのチューニング経験', 'WEBバックエンド開発の実務経験', 'SQLの実務利用経験', 'AWSの実務利用経験']);
    expect(posting.requirements.required[0]).toBe('TypeScript、JavaScriptの実務利用経験（1.5年以上）');
  });
});

describe('Korean headings in words (text/h11-daangn-crm-specialist-ko)', () => {
  it('이런 분과 함께하고 싶어요 heads what is asked, 이런 분이면 더 좋아요 what is a plus', () => {
    const { requirements } = annotateText(capture('text/h11-daangn-crm-specialist-ko.md'));
    expect(requirements.required).toHaveLength(4);
    expect(requirements.preferred).toEqual(['CRM 마케팅에 대한 경험이 있는 분', '자기주도적인 업무 환경에서 빠르게 배우고 성장하고자 하는 분']);
  });
});

describe('text that opens without its title', () => {
  it('opening with a list heading, the role is named in a sentence (text/h11-google-cloud-genai-forward-deployed-engineer)', () => {
    const posting = annotateText(capture('text/h11-google-cloud-genai-forward-deployed-engineer.md'));
    expect(posting.title).toBe('GenAI Forward Deployed Engineer (FDE)');
    expect(posting.requirements.required).toHaveLength(6);
    expect(posting.requirements.preferred).toHaveLength(3);
  });

  it('opening with a field ("Reports to: Chief Financial Officer"), the role is the one looked for (text/h11-pepper-data-analytics-manager)', () => {
    expect(annotateText(capture('text/h11-pepper-data-analytics-manager.md')).title).toBe('Data Analytics Manager');
  });

  it('"Anthropic — Startup Partnerships, EMEA" over "About Anthropic": the employer is not part of the title', () => {
    expect(annotateText(capture('text/h11-anthropic-startup-partnerships-emea.md')).title).toBe('Startup Partnerships, EMEA');
    expect(parseExperience(['（1.5年以上）の実務経験'])?.yearsMin).toBe(1.5);
  });
});

describe('HTML written into text is read as the lines it shows (aggregator/h11-imol-aalto-phd-postdoc-acai)', () => {
  const posting = annotateText(capture('aggregator/h11-imol-aalto-phd-postdoc-acai.md'));

  it('takes the labelled position as the title, and no tag reaches what is read', () => {
    expect(posting.title).toBe('PhD Position in Creative Practices - Project Autotelic Creative Artificial Intelligence (ACAI)');
    const texts = [posting.title, ...posting.requirements.required, ...posting.requirements.preferred, ...posting.salaries.map((r) => r.evidence)];
    expect(texts.some((t) => /<\/?[a-z][^>]*>/i.test(t))).toBe(false);
  });
});

describe("facility work in German titles is in person (career-pages/h11-landenhof-*)", () => {
  it.each(['Mitarbeiterin Reinigung (35%)', 'Mitarbeiter:in Technischer Dienst (100%)', 'Hauswart (80%)'])('%s', (title) => {
    expect(parseRemote({ structured: [], location: null, text: 'Wir freuen uns auf Ihre Bewerbung.', title }).policy).toBe('onsite');
  });
});

describe('a posting as a plain-text page in the browser (text/h11-danske-bank-vilnius-software-architect)', () => {
  it('"You will:" and "How will you contribute to our team?" are a posting\'s headings, so the page is read', async () => {
    const { Window } = await import('happy-dom');
    const { readProsePosting } = await import('../../src/sites/generic.ts');
    const window = new Window();
    const doc = window.document as unknown as Document;
    const pre = doc.createElement('pre');
    pre.textContent = capture('text/h11-danske-bank-vilnius-software-architect.md');
    doc.body.appendChild(pre);
    const read = readProsePosting(doc, new URL('https://text.joblens.test/danske.md'));
    expect(read?.title).toBe('Experienced Software Architect (Java) with a Change Mindset.');
    await window.happyDOM.close();
  });
});

describe("a board's yearly salary field typed in thousands (recruitee/h7-aikido-security-cse-tel-aviv-dubai-office-manager-chicago)", () => {
  it('reads min 75.00, max 95.00, USD a year as $75,000–$95,000, marked as read so', async () => {
    const { Window } = await import('happy-dom');
    const { annotate } = await import('../../src/annotate.ts');
    const { payloadReaderFor } = await import('../../src/sites/payloads.ts');
    const window = new Window();
    const json: unknown = JSON.parse(capture('recruitee/h7-aikido-security-cse-tel-aviv-dubai-office-manager-chicago.json'));
    const reader = payloadReaderFor(json)!;
    const items = reader.items(json);
    const posting = annotate(reader.readItem(items[2], { doc: window.document as unknown as Document, single: false }));
    expect(posting.salary).toMatchObject({ min: 75_000, max: 95_000, currency: 'USD', period: 'year', thousandsInferred: true });
    await window.happyDOM.close();
  });
});

describe('pay the page gives without a currency, where the posting\'s country says it', () => {
  const local = (text: string, currency: string | null) => parseSalaryRanges(text, { local: currency }).map((r) => [r.min, r.max, r.currency, r.period]);

  it("reads 'Vencimento … entre 1400 e 2000' on a Portuguese site as euros a month (aggregator/h8-expressoemprego-adecco-analista-contact-center-lisboa)", () => {
    expect(local('Vencimento Mediante Experiência, com intervalos entre 1400 e 2000', 'EUR')).toEqual([[1400, 2000, 'EUR', 'month']]);
  });

  it('needs a pay word before the figures, a country that says the currency, and no unit after them', () => {
    expect(local('Vencimento Mediante Experiência, com intervalos entre 1400 e 2000', null)).toEqual([]);
    expect(local('Uma equipa entre 1400 e 2000 pessoas', 'EUR')).toEqual([]);
    expect(local('Salary reviewed after 100 - 200 hours of training', 'EUR')).toEqual([]);
  });

  it('a UK postcode says the feed\'s bare figures are pounds (aggregator/h2-devitjobs-uk-four-postings, "CM5 0EN")', async () => {
    const { currencyOfPlace } = await import('../../src/parse/dollar.ts');
    expect(currencyOfPlace({ url: null, location: 'ONGAR CM5 0EN' })).toBe('GBP');
    expect(currencyOfPlace({ url: null, location: 'Ottawa K1A 0B1' })).not.toBe('GBP');
  });
});

describe('a street address in other words (text/h11-rea-singapore-data-scientist)', () => {
  it("'Hong Leong Building, 16 Raffles Quay, Singapore 048581' is where the work is done", () => {
    expect(parseRemote({ structured: [], location: 'Hong Leong Building, 16 Raffles Quay, Singapore 048581', text: 'Apply now.' }).policy).toBe('onsite');
    expect(annotateText(capture('text/h11-rea-singapore-data-scientist.md')).remote.evidence).toMatch(/Raffles Quay/);
  });
});
