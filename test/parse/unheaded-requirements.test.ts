import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateText } from '../../src/annotate.ts';
import { readFrontMatter } from '../../src/parse/front-matter.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';

/*
 * Requirement lists no heading names: a CMS that keeps the posting's lists in front matter under
 * `list_two:`, a board that puts every list under "Job Description:". Read only where no headed list
 * says what the posting asks for, and only a list most of whose items are qualifications.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());

describe('a list of qualifications without a heading', () => {
  const duties = { heading: null, paragraphs: [], items: ['Grund- und Behandlungspflege der Patienten', 'Pflegedokumentation', 'Kommunikation mit Angehörigen, Ärzten usw.'] };
  const qualities = {
    heading: null,
    paragraphs: [],
    items: [
      'abgeschlossene Berufsausbildung zur examinierten Pflegefachkraft',
      'Vorkenntnisse im Bereich der Intensiv- oder Beatmungspflege sind wünschenswert',
      'Freude am Umgang mit Menschen',
      'Empathievermögen',
      'Teamfähigkeit',
    ],
  };

  it('is what the posting asks for when no heading names one; an item that says it is a plus is preferred', () => {
    const { required, preferred } = extractRequirements([duties, qualities]);
    expect(required).toEqual(['abgeschlossene Berufsausbildung zur examinierten Pflegefachkraft', 'Freude am Umgang mit Menschen', 'Empathievermögen', 'Teamfähigkeit']);
    expect(preferred).toEqual(['Vorkenntnisse im Bereich der Intensiv- oder Beatmungspflege sind wünschenswert']);
  });

  it('a list of duties or an offer is not read as one', () => {
    expect(extractRequirements([duties])).toEqual({ required: [], preferred: [] });
    const offer = { heading: 'Wir bieten', paragraphs: [], items: ['Erfahrung in einem tollen Team', 'Weiterbildung', 'Kenntnisse teilen'] };
    expect(extractRequirements([offer]).required).toEqual([]);
  });

  it('a headed list wins: an unheaded one is not added to it', () => {
    const headed = { heading: 'Requirements', paragraphs: [], items: ['5+ years of experience with Go'] };
    expect(extractRequirements([headed, qualities]).required).toEqual(['5+ years of experience with Go']);
  });

  it('reads the Turkish list under "Job Description:" of a Workday posting (workday/hitachi-energy-maintenance-worker)', () => {
    const json: unknown = JSON.parse(capture('workday/hitachi-energy-maintenance-worker.json'));
    const reader = payloadReaderFor(json)!;
    const items = reader.items(json);
    const posting = annotate(reader.readItem(items[0], { doc: window.document as unknown as Document, single: items.length === 1 }));
    expect(posting.requirements.required).toHaveLength(10);
    expect(posting.requirements.required[1]).toMatch(/en az 3 yıl tecrübesi olan/);
  });
});

describe('lists and text kept deeper in a CMS front matter', () => {
  it('reads `list_two:` > `list-items:` > `- item:` as a list of its own (text/h3-iks-hannover-pflegefachkraft-intensivpflege)', () => {
    const text = capture('text/h3-iks-hannover-pflegefachkraft-intensivpflege.txt');
    expect(readFrontMatter(text)!.nested.map((n) => [n.key, n.items.length])).toEqual([
      ['list_one', 4],
      ['list_two', 6],
      ['list_three', 6],
    ]);
    const { requirements } = annotateText(text);
    expect(requirements.required).toHaveLength(5);
    expect(requirements.preferred).toEqual(['Vorkenntnisse im Bereich der Intensiv- oder Beatmungspflege sind wünschenswert']);
  });

  it('reads a `text: |-` block deep in `sections:`, blank lines and all (text/h3-hermeshof-hauswirtschafter)', () => {
    const { requirements, title } = annotateText(capture('text/h3-hermeshof-hauswirtschafter.txt'));
    expect(title).toMatch(/^Hauswirtschafter\*in/);
    expect(requirements.required).toHaveLength(2);
    expect(requirements.required[0]).toMatch(/^Freude am selbstständigen Arbeiten/);
  });
});

describe('more of how postings head and wrap their lists', () => {
  it("'You’ll fit right in if' heads what is asked (text/h9-posthog-product-manager-ex-founder)", () => {
    const { requirements } = annotateText(capture('text/h9-posthog-product-manager-ex-founder.md'));
    expect(requirements.required).toHaveLength(5);
    expect(requirements.preferred).toHaveLength(3);
  });

  it('a PDF line cut inside a bracket or after a preposition goes on in the next line (text/h8-hypha-junior-web-designer)', () => {
    const { requirements } = annotateText(capture('text/h8-hypha-junior-web-designer.txt'));
    expect(requirements.required).toContain(
      'Experience with collaborative and remote working tools, such as version control (e.g. Git), productivity tools, chat, task managers and project boards, and video conferencing software',
    );
    expect(requirements.required).toContain('Demonstrated commitment to the principles of equity and diversity with alignment on Hypha’s mission and values');
    expect(requirements.preferred).toEqual(['Familiarity with static site generators is highly beneficial']);
  });
});

describe("a company's values after the requirements (text/h11-pepper-data-analytics-manager)", () => {
  it("'Curiosity 🤔: We’re relentless …' is the company speaking, not a requirement", () => {
    const { requirements } = annotateText(capture('text/h11-pepper-data-analytics-manager.md'));
    expect(requirements.required.some((r) => /^(?:Curiosity|Resilience|Community)\b/.test(r))).toBe(false);
    expect(requirements.required[0]).toMatch(/^5\+ years experience in a data analytics role/);
  });
});

describe('a board section cut short does not swallow the next (smartrecruiters/h4-scalable-financial-risk-manager-munich)', () => {
  it("reads the Qualifications section after a job description that ends inside an open <li> ('strictl <!-- trimmed -->')", () => {
    const posting = (() => {
      const json: unknown = JSON.parse(capture('smartrecruiters/h4-scalable-financial-risk-manager-munich.json'));
      const reader = payloadReaderFor(json)!;
      const items = reader.items(json);
      return annotate(reader.readItem(items[0], { doc: window.document as unknown as Document, single: items.length === 1 }));
    })();
    expect(posting.requirements.required).toHaveLength(6);
    expect(posting.requirements.required[0]).toMatch(/^You have completed a degree/);
  });
});

describe('a page that gives its description as one run of text (workday/h9-autodesk-senior-industry-strategy-manager-montreal)', () => {
  it("splits it at the headings it holds ('… key industry bodies Minimum Qualifications 8-10 years …', 'Learn More About Autodesk') and its glued items", async () => {
    const { parsePage } = await import('../sites/page.ts');
    const { readPage } = await import('../../src/sites/registry.ts');
    const label = JSON.parse(capture('workday/h9-autodesk-senior-industry-strategy-manager-montreal.label.json')) as { url: string };
    const { doc } = parsePage(capture('workday/h9-autodesk-senior-industry-strategy-manager-montreal.html'), label.url);
    const posting = annotate(readPage(doc, new URL(label.url))!);
    expect(posting.requirements.required).toHaveLength(8);
    expect(posting.requirements.required.at(-1)).toBe('Bachelor’s degree');
    expect(posting.requirements.required.some((r) => /Amazing things|Welcome to Autodesk/.test(r))).toBe(false);
    expect(posting.experience).toMatchObject({ yearsMin: 5 });
  });
});
