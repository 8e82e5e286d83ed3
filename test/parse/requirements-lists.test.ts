import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate, annotateTextPostings } from '../../src/annotate.ts';
import { classifyHeading, extractRequirements, isOtherHeading } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';

/*
 * Which lists a reader counts, as real postings lay them out: a list of traits beside a list of
 * requirements, sub-headings under a requirements heading, labels inside a list, duties under
 * "Essential Functions", extras preferred inside a required item. Each rule names the captures
 * (test/corpus/real) that showed it.
 */

const settings = { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };
const window = new Window({ settings });
afterAll(() => window.happyDOM.close());
const doc = window.document as unknown as Document;

function payload(path: string, item: number) {
  const json: unknown = JSON.parse(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  return annotate(reader.readItem(items[item], { doc, single: items.length === 1 })).requirements;
}

const counts = (r: { required: string[]; preferred: string[] }) => ({ required: r.required.length, preferred: r.preferred.length });

describe('headings of duties', () => {
  it.each(['Essential Job Functions', 'Essential Functions', 'Essential Responsibilities:', 'Essential Duties and Responsibilities', 'Key Accountabilities'])(
    '%s is about the job, not the candidate',
    (heading) => {
      expect(classifyHeading(heading)).toBeNull();
      expect(isOtherHeading(heading)).toBe(true);
    },
  );

  it('keeps "essential" and "key" for requirement headings that name no duties', () => {
    expect(classifyHeading('Essential criteria')).toBe('required');
    expect(classifyHeading('Key skills')).toBe('required');
    expect(classifyHeading('Additional Responsibilities & Preferred Qualifications')).toBe('preferred');
  });

  it("leaves the duties under 'Essential Job Functions' out (jobvite/savers, lever/velo3d #2, eightfold/paypal)", () => {
    const r = extractRequirements([
      { heading: 'Essential Job Functions', paragraphs: [], items: ['Analyze pricing performance'] },
      { heading: 'Required Knowledge, Skills and Abilities:', paragraphs: [], items: ['Strong Excel skills'] },
    ]);
    expect(r).toEqual({ required: ['Strong Excel skills'], preferred: [] });
  });

  it('reads Japanese requirement headings (greenhouse/databricks-solutions-architect-presales-tokyo)', () => {
    expect(classifyHeading('必要な条件/経験:')).toBe('required');
    expect(classifyHeading('望ましい経験/スキル:')).toBe('preferred');
    expect(isOtherHeading('仕事の内容')).toBe(true);
    expect(counts(payload('greenhouse/databricks-solutions-architect-presales-tokyo.json', 0))).toEqual({ required: 6, preferred: 4 });
  });
});

describe('which item is preferred', () => {
  it('keeps an item required when only a later clause of its own prefers an extra (workable/vortexa-widget #1, linkedin/notion)', () => {
    const r = extractRequirements([
      {
        heading: 'Essential',
        paragraphs: [],
        items: [
          'Proficiency in Python; familiarity with SQL and/or R is a strong plus.',
          'Familiarity with backend systems: you understand the data model. Familiarity with database systems like Postgres is a plus.',
          'Experience with Go; a plus.',
          'Large Language Models: Proficiency in the use of large language models is a plus.',
        ],
      },
    ]);
    expect(r.required).toHaveLength(2);
    expect(r.preferred).toEqual(['Experience with Go; a plus.', 'Large Language Models: Proficiency in the use of large language models is a plus.']);
  });

  it('reads the plus an item states in other words: "would be an important asset", "is welcomed", "You preferably speak", Indonesian "nilai tambah" / "Diutamakan" (text/h12-flint-ien-outpatient-immunization-rn-corona, text/h11-danske-bank-vilnius-software-architect, recruitee/h3-bunq-three-offers-amsterdam-brussels #2, aggregator/h14-kalibrr-kompas-gramedia-two-video-editor-jobs)', () => {
    const text = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
    const flint = annotateTextPostings(text('text/h12-flint-ien-outpatient-immunization-rn-corona.md'))[0]!.requirements;
    expect(flint.preferred).toEqual(['Experience in ICU, NICU, ER, OR would be an important asset']);
    expect(flint.required).toHaveLength(9);
    const danske = annotateTextPostings(text('text/h11-danske-bank-vilnius-software-architect.md'))[0]!.requirements;
    expect(danske.preferred).toHaveLength(1);
    expect(danske.preferred[0]).toMatch(/^Experience with open-source projects is welcomed/);
    expect(payload('recruitee/h3-bunq-three-offers-amsterdam-brussels.json', 2).preferred).toEqual(['You preferably speak French or Dutch.']);
    expect(counts(payload('aggregator/h14-kalibrr-kompas-gramedia-two-video-editor-jobs.json', 0))).toEqual({ required: 6, preferred: 1 });
    const kalibrr = payload('aggregator/h14-kalibrr-kompas-gramedia-two-video-editor-jobs.json', 1);
    expect(kalibrr.preferred.map((i) => i.slice(0, 20))).toEqual(['Diutamakan mahasiswa', 'Memahami basic story']);
    // A welcome to apply is not an item's plus, and "welcome" alone says nothing of the item.
    const welcome = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Python experience', 'You are welcome to bring your own laptop setup and tools'] }]);
    expect(counts(welcome)).toEqual({ required: 2, preferred: 0 });
  });

  it("leaves out lines that close a list without asking anything: an invitation to apply, a pointer to the recruiter, the job's hours, the board's keyword tags (text/h4-zambia-research-data-analyst, text/h10-citi-placement-analyst-investment-banking-zurich, text/h6-sunlight-foundation-open-data-project-lead, text/h11-rea-singapore-data-scientist)", () => {
    const read = (path: string) => annotateTextPostings(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'))[0]!.requirements;
    const zambia = read('text/h4-zambia-research-data-analyst.txt');
    expect(zambia.required).toHaveLength(14);
    expect(zambia.required.join('\n')).not.toMatch(/invited to apply|shortlisted/);
    expect(read('text/h10-citi-placement-analyst-investment-banking-zurich.md').required.join('\n')).not.toMatch(/contact the recruiter/);
    expect(read('text/h6-sunlight-foundation-open-data-project-lead.md').required.join('\n')).not.toMatch(/full-time position/);
    const rea = read('text/h11-rea-singapore-data-scientist.md');
    expect(rea.required).toHaveLength(7);
    expect(rea.required.join('\n')).not.toContain('·');
    // A list of three named skills is still an item.
    const short = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Python · SQL · Spark', 'Three years of data work'] }]);
    expect(short.required).toHaveLength(2);
  });

  it('ends a plus list at a heading of the stack ("Il nostro stack", "Our stack", "Stack technique") and leaves out a closing "Interested?" (text/h9-fisiodesk-backend-engineer-rag, text/h13-parfumado-analytics-engineer)', () => {
    const read = (path: string) => annotateTextPostings(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'))[0]!.requirements;
    const fisiodesk = read('text/h9-fisiodesk-backend-engineer-rag.md');
    expect(counts(fisiodesk)).toEqual({ required: 4, preferred: 2 });
    expect(fisiodesk.preferred.join('\n')).not.toMatch(/^Backend: Java/m);
    const parfumado = read('text/h13-parfumado-analytics-engineer.md');
    expect(parfumado.preferred).not.toContain('Interested?');
    expect(counts(parfumado)).toEqual({ required: 9, preferred: 2 });
    expect(isOtherHeading('Our stack')).toBe(true);
    expect(isOtherHeading('STACK TECHNIQUE'.toLowerCase())).toBe(true);
    // A longer question is a candidate's item in some postings ("Do you have a driving licence?").
    expect(extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Do you have a valid driving licence?', 'Python'] }]).required).toHaveLength(2);
  });

  it('leaves out a job fact under a label naming another part of the posting ("**Key Contacts**: CEO & staff, …", "**Financial Responsibilities**: OPEX/P&L") (text/h14-roamtech-business-development-officer-nairobi)', () => {
    const roamtech = annotateTextPostings(readFileSync(new URL('../corpus/real/text/h14-roamtech-business-development-officer-nairobi.md', import.meta.url), 'utf8'))[0]!.requirements;
    expect(counts(roamtech)).toEqual({ required: 16, preferred: 2 });
    expect(roamtech.required.join('\n')).not.toMatch(/Key Contacts|Financial Responsibilities/);
    // A label that names what is asked stays an item.
    const labelled = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['**Languages**: fluent English and Swahili', '**Responsibilities**: budget owner'] }]);
    expect(labelled.required).toEqual(['**Languages**: fluent English and Swahili']);
  });

  it('folds a nested list into the item that introduces it, and reads that item\'s plus from its introduction (text/h12-caisse-des-depots-data-scientist-fr)', () => {
    const caisse = annotateTextPostings(readFileSync(new URL('../corpus/real/text/h12-caisse-des-depots-data-scientist-fr.md', import.meta.url), 'utf8'))[0]!.requirements;
    expect(counts(caisse)).toEqual({ required: 7, preferred: 1 });
    expect(caisse.preferred[0]).toMatch(/^La maîtrise .* est appréciée : Pandas, scikit-learn .*; TensorFlow/);
    // Sub-items under an item that does not introduce them (no colon) stay items of their own.
    const flat = sectionsFromText('Requirements:\n- Python\n    - Django\n- SQL');
    expect(flat.flatMap((s) => s.items)).toEqual(['Python', 'Django', 'SQL']);
  });

  it('reads an item that ends in "… or similar role preferred." as preferred, though its list of roles has commas (workable/ff-properties-company-jobs #1)', () => {
    const r = extractRequirements([
      {
        heading: 'Requirements',
        paragraphs: [],
        items: ['Previous experience as an onsite manager, resident manager, apartment manager, leasing professional, or similar property management role preferred.', 'Excellent communication skills, experience with direct client interaction strongly preferred'],
      },
    ]);
    expect(r.preferred).toHaveLength(1);
    expect(r.preferred[0]).toMatch(/^Previous experience as an onsite manager/);
    expect(r.required).toHaveLength(1);
  });

  it('knows the headings "You are an excellent candidate if you\'re:", "Vous avez :" and "What You\'ve Done" (career-pages/h16-cds-administrative-officer-internal-operations, text/h12-caisse-des-depots-data-scientist-fr, text/h16-canadian-tire-next-generation-talent-program-it)', () => {
    expect(classifyHeading('You are an excellent candidate if you’re:')).toBe('required');
    expect(classifyHeading('Vous avez :')).toBe('required');
    expect(classifyHeading("What You've Done")).toBe('required');
    const cds = annotateTextPostings(readFileSync(new URL('../corpus/real/career-pages/h16-cds-administrative-officer-internal-operations.md', import.meta.url), 'utf8'))[0]!.requirements;
    expect(counts(cds)).toEqual({ required: 9, preferred: 0 });
  });

  it('splits a list whose line breaks were lost and whose bullets stayed glued to the words before them (jsonld/h16-hellowork-apef-stage-ressources-humaines-montpellier)', () => {
    const r = extractRequirements([
      { heading: 'Le profil recherché', paragraphs: [], items: ["Formation responsable de secteur SAP- Enthousiasme, et persévérance- Sens des responsabilités et de l'initiative- Autonomie - Organisation et rigueur- Goût pour les services à la personne"] },
    ]);
    expect(r.required).toEqual(['Formation responsable de secteur SAP', 'Enthousiasme, et persévérance', "Sens des responsabilités et de l'initiative", 'Autonomie', 'Organisation et rigueur', 'Goût pour les services à la personne']);
    expect(extractRequirements([{ heading: 'Le profil recherché', paragraphs: ['- Formation de secteur- Enthousiasme- Autonomie'], items: [] }]).required).toEqual(['Formation de secteur', 'Enthousiasme', 'Autonomie']);
    // One dash between words is not a join: "Fluent English - German a plus" stays one item.
    expect(extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Full-stack experience with Node - React or Vue- TypeScript'] }]).required).toHaveLength(1);
  });

  it("reads \"We'd love it if you ...\" as a wish (recruitee/bunq-offers-three-istanbul #2)", () => {
    const r = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['You have knowledge of fraud prevention', "We'd love it if you already have knowledge of KYC"] }]);
    expect(counts(r)).toEqual({ required: 1, preferred: 1 });
  });

  it('leaves out where the role is worked (ashby/weavegrid-job-board #2)', () => {
    const r = extractRequirements([
      { heading: 'About you', paragraphs: [], items: ['You care about the craft', 'If working remotely, you are available during US West Coast hours', "If you're based in the Bay Area, you will work from our office 2 days/week"] },
    ]);
    expect(r.required).toEqual(['You care about the craft']);
  });
});

describe('a list of traits beside a list of requirements', () => {
  const traits = { heading: 'About You', paragraphs: [], items: ['You are a strategic leader', 'You embrace our values'] };

  it('counts the requirements, not the traits, where both are given', () => {
    const r = extractRequirements([traits, { heading: 'Requirements', paragraphs: [], items: ['8+ years in energy policy'] }, { heading: 'Preferred Qualifications', paragraphs: [], items: ['An advanced degree'] }]);
    expect(r).toEqual({ required: ['8+ years in energy policy'], preferred: ['An advanced degree'] });
  });

  it('counts the traits where they are the only list', () => {
    expect(extractRequirements([traits]).required).toHaveLength(2);
  });

  it('reads WeaveGrid, Elliptic and F&F so (ashby/weavegrid-job-board #0, ashby/elliptic-..., workable/ff-properties-company-jobs #2)', () => {
    expect(counts(payload('ashby/weavegrid-job-board.json', 0))).toEqual({ required: 8, preferred: 4 });
    expect(counts(payload('ashby/elliptic-engineering-manager-devops-ai-platform.json', 0))).toEqual({ required: 6, preferred: 6 });
    expect(counts(payload('workable/ff-properties-company-jobs.json', 2))).toEqual({ required: 7, preferred: 1 });
  });
});

describe('labels and sub-headings inside a requirements list', () => {
  it('switches to preferred at a "Bonus:" item and skips an introduction (greenhouse/warp #3, lever/velo3d #2)', () => {
    const r = extractRequirements([{ heading: 'You may be a good fit if', paragraphs: [], items: ['The experience needed involves...', 'Rust', 'Bonus:', 'WASM'] }]);
    expect(r).toEqual({ required: ['Rust'], preferred: ['WASM'] });
  });

  it('reads a line in capitals that names a part of the posting as its heading (workable/ff-properties-company-jobs #1)', () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: ['Strong observation skills.', 'PHYSICAL REQUIREMENTS', 'Frequent walking throughout the property.', 'KEY RESPONSIBILITIES', 'Walk the property.'], items: [] },
    ]);
    // PHYSICAL REQUIREMENTS heads the job's conditions, which are not what the candidate brings.
    expect(r.required).toEqual(['Strong observation skills.']);
  });

  it('lends a group heading\'s class to the neutral sub-headings under it (workable/vortexa-widget #3)', () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: [], items: [] },
      { heading: "You've Done This Before:", paragraphs: [], items: ['Built sales processes from scratch'] },
      { heading: 'You Think in Systems:', paragraphs: [], items: ['You design the underlying structure'] },
      { heading: 'Values', paragraphs: [], items: ['We are client first: our clients come first.'] },
      { heading: 'Hybrid working', paragraphs: ['Two days in the office.'], items: [] },
      { heading: 'Perks', paragraphs: [], items: ['Gym'] },
    ]);
    expect(r.required).toEqual(['Built sales processes from scratch', 'You design the underlying structure']);
    expect(counts(payload('workable/vortexa-widget.json', 3))).toEqual({ required: 13, preferred: 0 });
  });

  it('does not lend it past a section of prose or to the company\'s own lines', () => {
    const r = extractRequirements([
      { heading: 'Your attitudes we value:', paragraphs: [], items: ['Proficiency in C#'] },
      { heading: 'Cloud & DevOps', paragraphs: [], items: ['Hands-on experience with Azure'] },
      { heading: 'Kainos Values', paragraphs: ['Our values are the bedrock of our culture.'], items: [] },
      { heading: 'Life here', paragraphs: [], items: ['We are client first', 'We move fast'] },
    ]);
    expect(r.required).toEqual(['Proficiency in C#', 'Hands-on experience with Azure']);
  });
});

describe('plain text: a bold label with its colon outside the marks', () => {
  it('is a heading (career-pages/natural-essentials-process-validation-engineer)', () => {
    const text = ['## Duties and Responsibilities', '* Writes validation reports.', '', '**Required Knowledge, Skills, and Abilities**:', '', '* Previous experience in manufacturing.'].join('\n');
    expect(sectionsFromText(text).map((s) => [s.heading, s.items])).toEqual([
      ['Duties and Responsibilities', ['Writes validation reports.']],
      ['Required Knowledge, Skills, and Abilities', ['Previous experience in manufacturing.']],
    ]);
  });
});

describe("lines a board appends to the posting's text", () => {
  it('ends a plain-line list at the job facts (indeed/pk-indeed-karachi-eleven-postings #1)', () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: ['1–2 years of experience with Flutter.', 'Familiarity with Git.', 'Job Type: Full-time', 'Work Location: In person'], items: [] },
    ]);
    expect(r.required).toEqual(['1–2 years of experience with Flutter.', 'Familiarity with Git.']);
  });

  it("leaves out Indeed's screening questions and a line of links (indeed/pk-indeed-islamabad-three-developers #2, karachi #6, career-pages/natural-essentials-it-support-specialist)", () => {
    const r = extractRequirements([
      { heading: 'Job Requirements', paragraphs: ['Strong communication skills in English', 'Facebook | X | Instagram | YouTube'], items: [] },
      { heading: 'Experience', paragraphs: [], items: ['React.js: 1 year (Required)', 'IT support: 1 year (Required)', 'Team Lead: 1 year (Preferred)'] },
    ]);
    expect(r).toEqual({ required: ['Strong communication skills in English'], preferred: [] });
  });

  it('reads "*Qualifications*" as a heading (indeed/pk-indeed-islamabad-three-developers #1)', () => {
    const r = extractRequirements([{ heading: null, paragraphs: ['*Qualifications*'], items: ['2-5 years of full stack development', 'Experience with Azure'] }]);
    expect(r.required).toHaveLength(2);
  });
});

describe('more headings', () => {
  it.each([
    ['Required', 'required'],
    ['Education', 'required'],
    ['Competencias técnicas', 'required'],
    ['Requisitos', 'required'],
    ['Conocimientos Deseables', 'preferred'],
  ])('%s is a %s heading (indeed/rove-mx #1 #2 #6 #15, karachi #3)', (heading, bucket) => {
    expect(classifyHeading(heading)).toBe(bucket);
  });

  it.each(['Education assistance', 'Responsabilidades', 'Beneficios'])('%s is not a requirements heading', (heading) => {
    expect(classifyHeading(heading)).toBeNull();
  });
});

describe('alternatives, introductions and values', () => {
  it("joins an 'Or, alternatively, ...' line to the item it is an alternative to (workday/fidelity, eightfold/microsoft-software-engineer-ai-compilers)", () => {
    const r = extractRequirements([
      { heading: 'Education and Experience', paragraphs: ["Bachelor's degree and 3 years of experience.", "Or, alternatively, Master's degree and 1 year of experience."], items: [] },
    ]);
    expect(r.required).toEqual(["Bachelor's degree and 3 years of experience. Or, alternatively, Master's degree and 1 year of experience."]);
  });

  it('reads the lines after a neutral introduction of a list as following the list (workday/fidelity)', () => {
    const r = extractRequirements([
      { heading: 'Skills and Knowledge', paragraphs: ['Candidate must also possess:', 'Fidelity’s Onsite Working Model'], items: ['DE designing financial services applications'] },
    ]);
    expect(r.required).toEqual(['DE designing financial services applications']);
  });

  it("reads 'What We Value' above the candidate's qualities as preferred, not above the company's own lines (lever/palantir-admin-partner-*)", () => {
    expect(classifyHeading('What We Value')).toBe('preferred');
    const r = extractRequirements([
      { heading: 'What We Value', paragraphs: [], items: ['Ability to adjust quickly', 'High level of integrity'] },
      { heading: 'What We Require', paragraphs: [], items: ['Three years of administrative experience'] },
    ]);
    expect(counts(r)).toEqual({ required: 1, preferred: 2 });
    expect(extractRequirements([{ heading: 'What we value', paragraphs: [], items: ['We put clients first', 'We move fast', 'Ownership'] }])).toEqual({ required: [], preferred: [] });
  });

  it("does not count a line about 'these values' under 'Who you are' (workday/kainos-lead-data-engineer)", () => {
    const r = extractRequirements([{ heading: 'Who you are:', paragraphs: ['These values, applied collectively, help to produce an outstanding team.'], items: [] }]);
    expect(r.required).toEqual([]);
  });
});

describe('French postings', () => {
  it("reads 'Profil recherché' as required and 'Vos missions', 'Nos valeurs', 'Pourquoi nous rejoindre' as other parts (jsonld/logical-conseils-analytics-engineer-fabric-lille)", () => {
    expect(classifyHeading('Profil recherché')).toBe('required');
    expect(classifyHeading('Vos missions')).toBeNull();
    expect(['Vos missions', 'Nos valeurs', 'Pourquoi nous rejoindre ?'].every(isOtherHeading)).toBe(true);
    const r = extractRequirements([{ heading: 'Profil recherché', paragraphs: [], items: ['Maîtrise de Power BI', 'Une expérience en conseil serait un plus'] }]);
    expect(counts(r)).toEqual({ required: 1, preferred: 1 });
  });
});

function postingOf(path: string, item: number) {
  const json: unknown = JSON.parse(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  return annotate(reader.readItem(items[item], { doc, single: items.length === 1 }));
}

describe('items written with a hyphen against them (greenhouse/stripe-board-four-account-executives#2)', () => {
  it('reads "-5–8 years …" among "- Strong …" paragraphs as an item, and its years', () => {
    const posting = postingOf('greenhouse/stripe-board-four-account-executives.json', 2);
    expect(posting.requirements.required[0]).toMatch(/^5–8 years of full sales cycle/);
    expect([posting.requirements.required.length, posting.experience?.yearsMin, posting.experience?.yearsMax]).toEqual([8, 5, 8]);
  });
});

describe("the board's required screening questions ask for years too (indeed/pk-indeed-*)", () => {
  it('takes the smallest required minimum of the list and the screeners', () => {
    expect(postingOf('indeed/pk-indeed-islamabad-three-developers.json', 2).experience?.yearsMin).toBe(1);
    expect(postingOf('indeed/pk-indeed-karachi-eleven-postings.json', 10).experience?.yearsMin).toBe(2);
  });
});
