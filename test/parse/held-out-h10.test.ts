import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate, annotateText } from '../../src/annotate.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';
import { readPage } from '../../src/sites/registry.ts';
import { parsePage } from '../sites/page.ts';

/*
 * What held-out batch h10 (test/corpus/real/*\/h10-*) showed the reader getting wrong when it was
 * measured, each rule written as the pattern other postings share, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const page = (path: string, url: string) => {
  const { doc } = parsePage(capture(path), url);
  const raw = readPage(doc, new URL(url));
  return raw ? annotate(raw) : null;
};
const pay = (text: string) => parseSalaryRanges(text).map((r) => [r.min, r.max, r.currency, r.period]);

describe("a level's number before its range is not the lowest pay (text/h10-costco-pos-quality-assurance-analyst)", () => {
  it.each([
    ['Level 1  - $32.60 - 45.67', [32.6, 45.67, 'USD', 'hour']],
    ['Level 2  - $85,000 - $115,000', [85000, 115000, 'USD', 'year']],
    ['Grade 3 – $40,000 – $50,000', [40000, 50000, 'USD', 'year']],
    ['L5 - $180,000 - $220,000', [180000, 220000, 'USD', 'year']],
  ])('%s', (text, range) => {
    expect(pay(text)).toEqual([range]);
  });

  it('a bare number that is the low end of a pay range still is ("Pay: 20 - $30 per hour")', () => {
    expect(pay('Pay: 20 - $30 per hour')).toEqual([[20, 30, 'USD', 'hour']]);
  });

  it("reads Costco's four levels, the first hourly, each labelled", () => {
    const ranges = annotateText(capture('text/h10-costco-pos-quality-assurance-analyst.md')).salaries;
    expect(ranges.map((r) => [r.min, r.max, r.period])).toEqual([
      [32.6, 45.67, 'hour'],
      [85000, 115000, 'year'],
      [105000, 135000, 'year'],
      [125000, 160000, 'year'],
    ]);
    expect(ranges.every((r) => /^Level/.test(r.label ?? ''))).toBe(true);
  });
});

describe('an emoji before a label, and years before the skill (text/h10-ubu-english-senior-python-developer-contract)', () => {
  it('"📍 Remote: Yes" in a list is remote', () => {
    expect(parseRemote({ structured: [], location: null, text: '- 🕒 Duration: 4-6 week assessment\n- 📍 Remote: Yes' }).policy).toBe('remote');
  });

  it('"3+ years Python development" in a requirement list asks 3 years; the same words elsewhere ask nothing', () => {
    const posting = annotateText(capture('text/h10-ubu-english-senior-python-developer-contract.md'));
    expect(posting.remote.policy).toBe('remote');
    expect(posting.experience?.yearsMin).toBe(3);
    expect(parseExperience(['Our team has 10 years Python development behind it.'])).toBeNull();
  });

  it('after a requirements list, headings that are clauses ("We prioritize", "You can") are other parts of the posting', () => {
    const sections = [
      { heading: 'Required Skills', paragraphs: [], items: ['3+ years Python development', 'Strong text processing experience'] },
      { heading: 'Strategic Capabilities', paragraphs: [], items: ['Experience with educational technology'] },
      { heading: 'Development Approach', paragraphs: [], items: [] },
      { heading: 'We prioritize', paragraphs: [], items: ['Efficient development using AI assistants', 'High code quality'] },
      { heading: "You'll have access to", paragraphs: [], items: ['Comprehensive test suite'] },
    ];
    expect(extractRequirements(sections).required).toEqual(['3+ years Python development', 'Strong text processing experience', 'Experience with educational technology']);
  });

  it('under a heading with nothing of its own, clause sub-headings are still its parts (workable/vortexa-widget)', () => {
    const sections = [
      { heading: 'What We’re Looking For:', paragraphs: [], items: [] },
      { heading: 'You’ve Done This Before:', paragraphs: [], items: ['Built sales processes from scratch'] },
      { heading: 'You Think in Systems:', paragraphs: [], items: ['You design the underlying structure'] },
    ];
    expect(extractRequirements(sections).required).toHaveLength(2);
  });
});

describe('Korean postings (career-pages/h10-stepup-mario-outlet-executive-secretary-ko)', () => {
  const posting = page('career-pages/h10-stepup-mario-outlet-executive-secretary-ko.html', 'https://withusps-coder.github.io/job-postings/mario-secretary/');

  it('is read as a posting: 주요 업무 / 지원 요건 / 우대 사항 / 복지 및 혜택 are a posting\'s headings, 지원하기 its Apply', () => {
    expect(posting?.title).toBe('[마리오쇼핑] 임원 비서');
  });

  it('reads 지원 요건 as required and 우대 사항 as preferred, and 경력 1년 이상 ~ 10년 이하 as 1 to 10 years', () => {
    expect(posting?.requirements.required).toHaveLength(5);
    expect(posting?.requirements.preferred).toHaveLength(1);
    expect(posting?.experience).toMatchObject({ yearsMin: 1, yearsMax: 10 });
  });

  it('reads the years of Chinese and Japanese postings, not a year of founding', () => {
    expect(parseExperience(['2年以上的后台开发工作经验'])).toMatchObject({ yearsMin: 2, yearsMax: null });
    expect(parseExperience(['3-5年工作经验'])).toMatchObject({ yearsMin: 3, yearsMax: 5 });
    expect(parseExperience(['3年以上の実務経験'])).toMatchObject({ yearsMin: 3 });
    expect(parseExperience(['公司成立于2010年，经验丰富'])).toBeNull();
  });
});

describe('titles of career pages', () => {
  it('"Position: Junior technician": the label is not part of the title (career-pages/h10-uottawa-cube-junior-technician)', () => {
    expect(page('career-pages/h10-uottawa-cube-junior-technician.html', 'https://cube-ontario.github.io/job_posting.html')?.title).toBe('Junior technician');
  });

  it("an <h1> that is the site's logo is not the title (career-pages/h10-sickkids-goldenberg-lab-bioinformatician)", () => {
    expect(page('career-pages/h10-sickkids-goldenberg-lab-bioinformatician.html', 'https://goldenberg-lab.github.io/bioinformatician.html')?.title).toBe('bioinformatician');
  });
});
