import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readRealPosting } from '../eval/real.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { parseSalaryRanges } from '../../src/parse/salary.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';
import { readProsePosting } from '../../src/sites/generic.ts';

/*
 * Rules that the held-out batch h18 (test/corpus/real/*\/h18-*) showed missing on first contact,
 * each shown on its capture and on a line or page written for the rule alone.
 */

const readReal = (path: string, item = 0) => readRealPosting(path, item);

const window = new Window();
afterAll(() => window.happyDOM.close());
const page = (html: string): Document => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

describe('pay', () => {
  it("a JSON-LD baseSalary of 0 to 0 is a field left empty, never pay (jsonld/h18-mercyhealth-*)", () => {
    for (const name of ['medical-laboratory-scientist-harvard', 'patient-access-lead-rockford', 'patient-access-supervisor-crystal-lake']) {
      expect(readReal(`jsonld/h18-mercyhealth-${name}.html`).salaries).toEqual([]);
    }
  });

  it("Korean '월' (a month) before the figure: '급여: 월 정액 30만원' is 300,000 KRW a month (career-pages/h18-pnu-inrs-lab-operations-assistant-ko)", () => {
    const read = readReal('career-pages/h18-pnu-inrs-lab-operations-assistant-ko.html').salaries;
    expect(read.map((r) => [r.min, r.max, r.currency, r.period])).toEqual([[300000, 300000, 'KRW', 'month']]);
    expect(parseSalaryRanges('給与: 月額 25万円', { source: 'prose' }).map((r) => r.period)).toEqual(['month']);
    // 월요일 (Monday) is not the month.
    expect(parseSalaryRanges('근무: 월요일 급여 3000만원', { source: 'prose' }).map((r) => r.period)).not.toEqual(['month']);
  });

  it("Ashby's compensation tiers whose summary says 'OTE' are on-target earnings, each with its tier's name (ashby/h18-ramp-board-…#0); 'Target Base Salary' tiers stay base (#2)", () => {
    const ote = readReal('ashby/h18-ramp-board-consultant-ae-marketing-director.json', 0).salaries;
    expect(ote.map((r) => [r.label, r.min, r.max, r.kind])).toEqual([
      ['SF/NY', 168000, 231000, 'ote'],
      ['Nationwide', 151000, 207000, 'ote'],
    ]);
    const base = readReal('ashby/h18-ramp-board-consultant-ae-marketing-director.json', 2).salaries;
    expect(base.map((r) => [r.label, r.min, r.kind ?? 'base'])).toEqual([
      ['SF/NY', 212000, 'base'],
      ['Nationwide', 191000, 'base'],
    ]);
  });
});

describe('the parts of a pay figure', () => {
  it("'Level 3: £65,000–£75,000 (Base £39,850 + Technical Allowance £25,150–£35,150)': one range per level, the bracket's parts none (text/h18-uk-aisi-security-engineer)", () => {
    const read = readReal('text/h18-uk-aisi-security-engineer.txt').salaries;
    expect(read.map((r) => [r.label ?? null, r.min, r.max])).toEqual([
      [null, 65000, 145000],
      ['Level 3', 65000, 75000],
      ['Level 4', 85000, 95000],
      ['Level 5', 105000, 115000],
      ['Level 6', 125000, 135000],
      ['Level 7', 145000, 145000],
    ]);
    // A bracket that is not a sum of amounts stays: a base range beside a total.
    expect(parseSalaryRanges('Total compensation up to $150,000/yr ($80K–$100K base + bonus)', { source: 'prose' })).toHaveLength(2);
  });
});

describe('remote', () => {
  it("'In-office perks: lunch, snacks, drinks' is a benefit of an office, not this role's arrangement (ashby/h18-ramp-board-…#0, workplaceType Remote)", () => {
    expect(readReal('ashby/h18-ramp-board-consultant-ae-marketing-director.json', 0).remote.policy).toBe('remote');
    expect(parseRemote({ structured: [], location: null, text: 'In-office perks: lunch, snacks, drinks, and more' }).policy).toBe('unspecified');
    expect(parseRemote({ structured: [], location: null, text: 'In-office, Monday to Friday' }).policy).toBe('onsite');
  });

  it("'we expect all staff to be in one of our offices at least 25% of the time' does not overrule a board's Remote for this role (greenhouse/h18-anthropic-board-…#0), but still reads beside On-Site (#1)", () => {
    expect(readReal('greenhouse/h18-anthropic-board-dc-security-gtm-public-sector.json', 0).remote.policy).toBe('remote');
    expect(readReal('greenhouse/h18-anthropic-board-dc-security-gtm-public-sector.json', 1).remote.policy).toBe('hybrid');
  });
});

describe('remote in other words', () => {
  it("'Hybrid working, flexibility for occasional remote work abroad': hybrid; a few weeks abroad is a perk, not mostly on site (text/h18-uk-aisi-security-engineer)", () => {
    expect(readReal('text/h18-uk-aisi-security-engineer.txt').remote.policy).toBe('hybrid');
    expect(parseRemote({ structured: [], location: null, text: 'Office-based, with occasional remote work.' }).policy).toBe('onsite');
  });

  it("Portuguese 'poderá trabalhar plenamente remoto o tempo que você quiser' is remote (text/h18-joinrs-estagio-tecnologia-pt)", () => {
    expect(readReal('text/h18-joinrs-estagio-tecnologia-pt.txt').remote.policy).toBe('remote');
    expect(parseRemote({ structured: [], location: null, text: 'Você vai trabalhar remotamente com o time de produto.' }).policy).toBe('remote');
  });
});

describe('requirements in Portuguese', () => {
  it("'Para participar do nosso processo você precisa ter:' heads the requirements and 'No dia a dia você irá:' the duties (greenhouse/h18-arco-educacao-advogado-senior-contencioso)", () => {
    const read = readReal('greenhouse/h18-arco-educacao-advogado-senior-contencioso.json').requirements;
    expect([read.required.length, read.preferred.length]).toEqual([7, 2]);
    expect(read.required.join('\n')).not.toMatch(/Atuar no contencioso/);
  });

  it("'Esperamos de você' heads the requirements; an item opening 'Preferencialmente' or 'Desejável' is a plus (text/h18-btg-pactual-desenvolvedor-wealth-management-pt)", () => {
    const read = readReal('text/h18-btg-pactual-desenvolvedor-wealth-management-pt.txt').requirements;
    expect(read.preferred).toEqual([
      'Preferencialmente formação superior completa em engenharia, ciências da computação ou áreas relacionadas.',
      'Desejável conhecimento em SQL Server e serviço REST.',
    ]);
    expect(read.required).toContain('Inglês intermediário.');
  });
});

describe('headings run into other lines', () => {
  it("'…boundaries\u00a0 \u00a0 Profile requirements: You may be a good fit if you have some of the following…' and '… CV. Desired experience: We additionally may factor in experience with areas like:' head their lists (text/h18-uk-aisi-security-engineer)", () => {
    const read = readReal('text/h18-uk-aisi-security-engineer.txt').requirements;
    expect(read.required).toHaveLength(8);
    expect(read.required[0]).toBe('Writing production-quality code at a fast pace, and designing, shipping, and maintaining complex tech products');
    expect(read.preferred).toEqual([
      'Cloud security, identity, networking, and org-level services',
      'Cybersecurity expertise (threat modelling, detection and response, supply-chain security, secrets management)',
      'Software supply-chain security and provenance',
      'ML Ops and AI/ML platform surfaces',
      'Practical understanding of AI/ML risks',
    ]);
  });

  it('a label that is not a heading stays part of its line', () => {
    const read = extractRequirements(sectionsFromText('Engineer\n\nRequirements\n- SQL\n- Python: 3.11 or newer, with the following libraries: pandas'));
    expect(read.required).toEqual(['SQL', 'Python: 3.11 or newer, with the following libraries: pandas']);
  });
});

describe('a list of names under the item that introduces it', () => {
  it("'Proficient … in at least two of the following programming languages:' and then 'Java', 'Python', 'C#' a line each: one item (text/h18-oracle-undergrad-software-engineer-intern-giu)", () => {
    const read = readReal('text/h18-oracle-undergrad-software-engineer-intern-giu.txt').requirements.required;
    expect(read).toContain('Proficient (i.e., able to complete coding projects with no assistance) in at least two of the following programming languages: Java, Python, C#, SQL, JavaScript, CSS, HTML');
    expect(read).not.toContain('Python');
    // A line ending its sentence is whole though it opens a bracket it never closes: the next line is an item of its own.
    expect(read.some((item) => item.startsWith('Currently enrolled in a Bachelor’s degree program') && !item.includes('Proficient'))).toBe(true);
    // The label's 5: the first paragraph (about the list) and the visa statement's three sentences are still read as items.
    expect(read).toHaveLength(9);
  });

  it('short lines after a heading-length line are items of their own', () => {
    const read = extractRequirements([{ heading: 'Requirements', paragraphs: ['Languages:', 'Python', 'Go'], items: [] }]).required;
    expect(read).toEqual(['Python', 'Go']);
  });
});

describe('licences and certifications', () => {
  it("'Certification and Licensure' heads a requirement; 'within 1 year of hire' is a deadline, not years of experience (jsonld/h18-mercyhealth-patient-access-*)", () => {
    const lead = readReal('jsonld/h18-mercyhealth-patient-access-lead-rockford.html');
    expect([lead.requirements.required.length, lead.requirements.preferred.length]).toEqual([7, 4]);
    expect(lead.requirements.required).toContain('Healthcare revenue cycle related certification or an equivalently designated certification approved by management required within 1 year.');
    const supervisor = readReal('jsonld/h18-mercyhealth-patient-access-supervisor-crystal-lake.html');
    expect([supervisor.requirements.required.length, supervisor.requirements.preferred.length]).toEqual([8, 1]);
    expect(supervisor.experience?.yearsMin).toBe(2);
    expect(parseExperience(['Obtain the certification within 2 years of hire.'])).toBeNull();
  });
});

describe("a board's own buttons", () => {
  it("LinkedIn's 'Help me stand out' over 'Meet the hiring team' and the poster's name is not a list of pluses (text/h18-affix-genomical-senior-software-engineer-melbourne)", () => {
    const read = readReal('text/h18-affix-genomical-senior-software-engineer-melbourne.txt').requirements;
    expect(read.preferred).toEqual([]);
  });
});

describe('lines in a requirements list that ask nothing', () => {
  it("what the employer tells every applicant (accommodations on request, a criminal records check to complete, a notice to NYC applicants) and LinkedIn's '3rd' are not items (text/h18-magna-…, h18-doordash-…, h18-lendi-…)", () => {
    expect(readReal('text/h18-magna-exteriors-data-engineer-concord.txt').requirements.preferred).toEqual([]);
    expect(readReal('text/h18-doordash-software-engineer-i-entry-level.txt').requirements.preferred.join('\n')).not.toMatch(/Notice to Applicants/);
    expect(readReal('text/h18-lendi-group-software-engineer-mid-level-sydney.txt').requirements.preferred).not.toContain('3rd');
    // A check the candidate must pass, said as a requirement of them, still counts.
    expect(extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Must be able to pass a background check', 'Python'] }]).required).toHaveLength(2);
  });
});

describe('years', () => {
  it("'8+ years of performance marketing experience, with at least 3+ years managing a team': the 8 (ashby/h18-ramp-board-…#2)", () => {
    expect(readReal('ashby/h18-ramp-board-consultant-ae-marketing-director.json', 2).experience?.yearsMin).toBe(8);
    expect(parseExperience(['5+ years in support operations, including 3+ years in advertising'])?.yearsMin).toBe(5);
  });
});

describe('an employer page the prose reader must find', () => {
  it("a posting written as several <article> cards side by side, under an <h1> of the site's name (career-pages/h18-ticketmaster-mobile-studio-…)", () => {
    const read = readReal('career-pages/h18-ticketmaster-mobile-studio-senior-qa-engineer-durham.html');
    expect(read.title).toBe('Senior QA Engineer');
    expect(read.requirements.required.length).toBeGreaterThan(4);
  });

  it("an <h1> 'Open Positions' over one role: the role's heading is the title; 'To apply … send your resume' is a sign of a posting (career-pages/h18-tufa-labs-research-engineer-zurich)", () => {
    const read = readReal('career-pages/h18-tufa-labs-research-engineer-zurich.html');
    expect(read.title).toBe('Research Engineer');
    expect([read.requirements.required.length, read.requirements.preferred.length]).toEqual([3, 3]);
  });

  it("a page of prose with none of a posting's headings: its title names a role, the employer is looking for someone, and says to e-mail a CV (career-pages/h18-media-suite-nodejs-javascript-developer-christchurch)", () => {
    const read = readReal('career-pages/h18-media-suite-nodejs-javascript-developer-christchurch.html');
    expect(read.title).toBe('Node.js / JavaScript Developer');
    expect(read.remote.policy).toBe('remote');
  });

  it('a blog post about a role, with no word of hiring, is not a posting', () => {
    const doc = page('<html><head><title>Blog</title></head><body><article><h1>How I became a Software Engineer</h1><p>I sent my CV to ten companies. Then I learned Go.</p></article></body></html>');
    expect(readProsePosting(doc, new URL('https://blog.test/how-i-became'))).toBeNull();
  });

  it('a page about hiring without a posting heading is still not a posting', () => {
    const doc = page('<html><head><title>Blog | Acme</title></head><body><article><h1>We are hiring!</h1><p>We are looking for great people. Send us your CV.</p></article></body></html>');
    expect(readProsePosting(doc, new URL('https://acme.test/blog/hiring'))).toBeNull();
  });
});
