import { describe, expect, it } from 'vitest';
import { readRealPosting } from '../eval/real.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';

/*
 * Rules that the held-out batch h17 (test/corpus/real/*\/h17-*) showed missing on first contact,
 * each shown on its capture and on a line written for the rule alone.
 */

const readReal = (path: string, item = 0) => readRealPosting(path, item);

describe('an employer defining every arrangement is not this role\'s policy', () => {
  it("'Hybrid: If this position is listed as hybrid, you will be expected to…' says nothing of this role (workday/h17-booz-allen-systems-administrator-intern-annapolis-junction)", () => {
    expect(readReal('workday/h17-booz-allen-systems-administrator-intern-annapolis-junction.json').remote.policy).toBe('unspecified');
    const text = 'Remote: If this position is listed as remote, there may still be occasions when you are required to work in person.\nHybrid: If this role is listed as hybrid, you will be expected to work from a facility frequently.';
    expect(parseRemote({ structured: [], location: null, text }).policy).toBe('unspecified');
    // The role's own sentence still decides.
    expect(parseRemote({ structured: [], location: null, text: `${text}\nThis position is fully remote.` }).policy).toBe('remote');
  });
});

describe("a page's list of other jobs", () => {
  it("'Other jobs at VectorShift' lists other postings, whose pay is not this one's (aggregator/h17-waas-vectorshift-backend-engineer-india)", () => {
    const read = readReal('aggregator/h17-waas-vectorshift-backend-engineer-india.html');
    expect(read.salaries.map((r) => [r.min, r.max])).toEqual([[20000, 30000]]);
  });
});

describe("a freelancer's day rate", () => {
  it("'TJM envisagé : entre 500€ et 700€' is by the day (career-pages/h17-betagouv-dora-developpeur-full-stack-django)", () => {
    const read = readReal('career-pages/h17-betagouv-dora-developpeur-full-stack-django.md');
    expect(read.salary).toMatchObject({ min: 500, max: 700, currency: 'EUR', period: 'day' });
    expect(parseSalaryRanges('Day rate: £450 - £550 outside IR35')[0]).toMatchObject({ min: 450, max: 550, period: 'day' });
  });
});

describe("a job board's title around the title", () => {
  it("'[CURITIBA] Técnico em Eletrônica JR @ Human Robotics - Vaga de Emprego', '[100% Remoto] Full Stack Developer PHP na Round Pegs (R$ 18.000,00) - Vaga de Emprego' (aggregator/h17-phpwebsite-*)", () => {
    expect(readReal('aggregator/h17-phpwebsite-backendbr-human-robotics-tecnico-eletronica-curitiba.md').title).toBe('Técnico em Eletrônica JR');
    expect(readReal('aggregator/h17-phpwebsite-phpdevbr-round-pegs-full-stack-php-remoto.md').title).toBe('Full Stack Developer PHP');
  });
});

describe("Brazilian job boards' 'Alocação' field", () => {
  it("'Alocação' then 'Remoto' is the workplace (aggregator/h17-phpwebsite-phpdevbr-round-pegs-full-stack-php-remoto)", () => {
    expect(readReal('aggregator/h17-phpwebsite-phpdevbr-round-pegs-full-stack-php-remoto.md').remote.policy).toBe('remote');
    expect(parseRemote({ structured: [], location: null, text: 'Alocação:\nPresencial' }).policy).toBe('onsite');
  });
});

describe('a recruiter\'s heading and French remote work', () => {
  it("'What they're looking for:' heads the requirements of a recruiter's ad (aggregator/h17-seek-iterate-senior-platform-engineer-remote-au)", () => {
    const read = readReal('aggregator/h17-seek-iterate-senior-platform-engineer-remote-au.html');
    expect(read.requirements.required).toHaveLength(6);
    expect(read.requirements.required[3]).toBe('Kubernetes and container runtime experience');
  });

  it("'L'équipe … travaille principalement à distance' is remote work (career-pages/h17-betagouv-dora-developpeur-full-stack-django)", () => {
    expect(readReal('career-pages/h17-betagouv-dora-developpeur-full-stack-django.md').remote.policy).toBe('remote');
    // A distance that is not the work's is nothing.
    expect(parseRemote({ structured: [], location: null, text: 'Le bureau est à distance de marche du métro.' }).policy).toBe('unspecified');
  });
});

describe("beta.gouv.fr's front matter", () => {
  it("names the job in 'roles:' (career-pages/h17-betagouv-dora-developpeur-full-stack-django)", () => {
    expect(readReal('career-pages/h17-betagouv-dora-developpeur-full-stack-django.md').title).toBe('Développeur·se Full Stack - Python Django');
  });
});

describe("an aggregator's heading", () => {
  it("'Backend Engineer (India) at VectorShift(S23)' names the employer after the role (aggregator/h17-waas-vectorshift-backend-engineer-india)", () => {
    expect(readReal('aggregator/h17-waas-vectorshift-backend-engineer-india.html').title).toBe('Backend Engineer (India)');
  });
});

describe("an aggregator's location chip", () => {
  it("'IN / Remote (IN)' glued to the next chip is remote within a place (aggregator/h17-waas-vectorshift-backend-engineer-india)", () => {
    expect(readReal('aggregator/h17-waas-vectorshift-backend-engineer-india.html').remote.policy).toBe('remote');
    expect(parseRemote({ structured: [], location: null, text: 'Our tools support Remote (SSH) sessions to the lab servers.' }).policy).toBe('unspecified');
  });
});

describe('an item that says it must be met, in a preferred list', () => {
  it("'Knowledge of MS Office applications required' under 'Preferred Qualifications' is required (oracle/h17-amex-summer-internship-credit-fraud-risk-phoenix)", () => {
    const r = readReal('oracle/h17-amex-summer-internship-credit-fraud-risk-phoenix.json').requirements;
    expect(r.required).toContain('Knowledge of MS Office applications required');
    expect(r.preferred).toHaveLength(8);
    const notRequired = extractRequirements([{ heading: 'Nice to have', paragraphs: [], items: ['A degree in physics, not required', 'Rust'] }]);
    expect(notRequired.preferred).toHaveLength(2);
  });
});

describe('a total beside its base', () => {
  it("'Total compensation up to $150,000/yr ($80K–$100K base DOQ + bonus …)': the total is on-target earnings, the base is the pay shown (workable/ff-properties-company-jobs #0)", () => {
    const ranges = parseSalaryRanges('Total compensation up to $150,000/yr  ($80K–$100K base DOQ + bonus opportunity up to 50% of base)');
    expect(ranges.map((r) => [r.min, r.max, r.kind ?? 'base'])).toEqual([
      [150000, 150000, 'ote'],
      [80000, 100000, 'base'],
    ]);
    // A total with no base beside it is the pay.
    expect(parseSalaryRanges('Total compensation: $120,000 - $140,000 per year')[0]?.kind).toBeUndefined();
  });

  it("'Contratação e remuneração' heads the pay under it (aggregator/h17-phpwebsite-phpdevbr-round-pegs-full-stack-php-remoto)", () => {
    expect(readReal('aggregator/h17-phpwebsite-phpdevbr-round-pegs-full-stack-php-remoto.md').salary).toMatchObject({ min: 18000, max: 18000, currency: 'BRL', period: 'month' });
  });
});
