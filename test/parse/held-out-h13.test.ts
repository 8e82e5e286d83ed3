import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { classifyHeading } from '../../src/parse/requirements.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';

/*
 * What held-out batch h13 (test/corpus/real/*\/h13-*) showed the reader getting wrong when it was
 * measured. Each rule is the pattern, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const policy = (text: string) => parseRemote({ structured: [], location: null, text }).policy;

describe('pay', () => {
  it("a template's 'min_payrange' and 'max_payrange' are one range (career-pages/h13-gsa-tts-*)", () => {
    const { salaries } = annotateText(capture('career-pages/h13-gsa-tts-contact-center-analyst.md'));
    expect(salaries.map((r) => [r.min, r.max, r.currency, r.period])).toEqual([[86962, 140713, 'USD', 'year']]);
  });

  it("a pay field's bare figures ('salary = \"32.00 -40.00\"') are pay in the posting's currency; the add-ons listed under 'You may also earn an additional' are not (text/h13-pprm-registered-nurse-i-ii-denver)", () => {
    const { salaries } = annotateText(capture('text/h13-pprm-registered-nurse-i-ii-denver.txt'));
    expect(salaries.map((r) => [r.min, r.max, r.period])).toEqual([
      [32, 40, 'hour'],
      [32, 38.21, 'hour'],
      [33.5, 40, 'hour'],
    ]);
  });

  it('an amount on the same line as "additional compensation" is still pay; a shift differential is not', () => {
    expect(parseSalaryRanges('$80,000 USD/Eligible for additional compensation based on Commission Plan.')).toHaveLength(1);
    expect(parseSalaryRanges('Night shift differential: +$2.00/hour')).toEqual([]);
  });

  it('small bare figures need a pay field of their own', () => {
    expect(parseSalaryRanges('Salary: 32.00 - 40.00', { local: 'USD' })).toHaveLength(1);
    expect(parseSalaryRanges('Our salary bands run from level 3 - 5 across teams', { local: 'USD' })).toEqual([]);
  });
});

describe('titles and headings', () => {
  it("'Jobs' as the front matter title names the page; 'Stellenausschreibung Erzieher (m/w/d)' gives the role (career-pages/h13-zwergenland-chemnitz-erzieher)", () => {
    const posting = annotateText(capture('career-pages/h13-zwergenland-chemnitz-erzieher.md'));
    expect(posting.title).toBe('Erzieher (m/w/d)');
    expect(posting.remote.policy).toBe('onsite');
  });

  it("'En tant qu'Analytics Engineer (f/m/d)': the role after 'as' (text/h13-decathlon-digital-analytics-engineer-fr)", () => {
    expect(annotateText(capture('text/h13-decathlon-digital-analytics-engineer-fr.md')).title).toBe('Analytics Engineer (f/m/d)');
    expect(classifyHeading('CE QUE TU APPORTES')).toBe('required');
    expect(classifyHeading('Le petit + :')).toBe('preferred');
  });
});

describe('the workplace in Dutch and in plain words', () => {
  it('"In een van onze mooie panden … of gewoon vanuit huis" is hybrid; a fridge at the office is not the workplace (text/h13-iquality-*)', () => {
    expect(policy('In een van onze mooie panden in Nijmegen, Eindhoven of gewoon vanuit huis.')).toBe('hybrid');
    expect(policy('Een goed gevulde koelkast op kantoor.')).toBe('unspecified');
    expect(policy('Je werkt vier dagen per week op kantoor in Utrecht.')).toBe('onsite');
  });

  it('"we mostly work from home" is hybrid (text/h13-easy-lms-front-end-developer-design-skills)', () => {
    expect(annotateText(capture('text/h13-easy-lms-front-end-developer-design-skills.md')).remote.policy).toBe('hybrid');
  });
});

describe('text that opens with a paragraph, not a title', () => {
  it("takes a short line further on only where it ends in a role, never a duty that names one (text/scaleai-software-engineer-genai)", () => {
    const title = annotateText(capture('text/scaleai-software-engineer-genai.txt')).title;
    expect(title).not.toMatch(/^Collaborate with/);
    expect(title).toBe('At Scale AI, our mission is to accelerate the development of AI applications.');
    expect(annotateText('Rehearsals is backed by a16z and notable angels from DeepMind and OpenAI including Logan Kilpatrick, and we are building the tools every actor needs to prepare.\n\nSenior Backend Engineer\n\nWhat you will do').title).toBe('Senior Backend Engineer');
  });

  it('a Chinese advert names the role beside 招聘 (text/h9-xinminlabs-*, h9-eleme-*)', () => {
    expect(annotateText(capture('text/h9-xinminlabs-full-stack-engineer-shanghai-zh.md')).title).toBe('全栈工程师');
    expect(annotateText(capture('text/h9-eleme-frontend-engineer-zh.md')).title).toBe('前端');
  });

  it("else the paragraph's first sentence, so the page is still read as a posting (career-pages/h12-darien-library-shelver)", () => {
    const posting = annotateText(capture('career-pages/h12-darien-library-shelver.md'));
    expect(posting.title).toBe('The Materials Management Department at Darien Library has a part-time position open on our shelving team.');
    expect(posting.salary).toMatchObject({ min: 15, max: 15, period: 'hour' });
  });
});

describe("a team before the role (career-pages/h13-gsa-tts-contact-center-analyst)", () => {
  it("'Public Experience: Contact Center Analyst' is the Contact Center Analyst; 'Senior Engineer: Payments' keeps its words", async () => {
    const { withoutTeamPrefix } = await import('../../src/parse/title.ts');
    expect(annotateText(capture('career-pages/h13-gsa-tts-contact-center-analyst.md')).title).toBe('Contact Center Analyst');
    expect(withoutTeamPrefix('Senior Engineer: Payments')).toBe('Senior Engineer: Payments');
    expect(withoutTeamPrefix('Engineering: Senior Backend Engineer')).toBe('Senior Backend Engineer');
  });
});
