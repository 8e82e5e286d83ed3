import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate, annotateText } from '../../src/annotate.ts';
import { classifyHeading, extractRequirements, isOtherHeading } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';
import { readPage } from '../../src/sites/registry.ts';
import { parsePage } from '../sites/page.ts';

/*
 * How real postings mark a list's class and its items outside English headings and bullets:
 * German headings, a heading that trails off ("Solliciteer als..."), Markdown hard breaks, an
 * item that calls itself optional in brackets or with a label, and a JSON-LD description in
 * plain text. Each rule names the captures (test/corpus/real) that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');

describe('German requirement headings', () => {
  it.each([
    'Das bringen Sie mit',
    'Was Sie mitbringen sollten',
    'Das solltest du mitbringen',
    'Wir wünschen uns von unserem neuen Teammitglied',
    'Was wir uns von dir wünschen',
    'Du bist bei uns richtig, wenn du',
    'Das zeichnet Sie aus',
  ])('%s introduces what is required', (heading) => {
    expect(classifyHeading(heading)).toBe('required');
  });

  it.each(['Das bieten wir', 'Deine Aufgaben', 'Wir bieten Ihnen'])('%s does not', (heading) => {
    expect(classifyHeading(heading)).toBeNull();
  });

  it("reads the four lines under 'Wir wünschen uns …' written with Markdown hard breaks (text/h3-knirpsenstadt-panketal-erzieher)", () => {
    const posting = annotateText(capture('text/h3-knirpsenstadt-panketal-erzieher.txt'));
    expect(posting.requirements.required).toEqual([
      'eine abgeschlossene Ausbildung als Erzieher (m/w/d)',
      'einen liebevollen und einfühlsamen Umgang mit den Kindern',
      'Engagement und Teamfähigkeit',
      'selbstständiges Arbeiten und Naturverbundenheit',
    ]);
  });
});

describe('Markdown hard breaks', () => {
  it('are line ends, not text: a heading ending in a backslash is still a heading', () => {
    const sections = sectionsFromText('Ihr Profil:\\\n- Erfahrung in der Pflege\\\n- Teamfähigkeit\\\n\\\nWir bieten:\\\n- Urlaub');
    expect(sections.map((s) => [s.heading, s.items])).toEqual([
      ['Ihr Profil', ['Erfahrung in der Pflege', 'Teamfähigkeit']],
      ['Wir bieten', ['Urlaub']],
    ]);
  });

  it('keeps an escaped backslash that ends a line', () => {
    const line = 'Files are kept in the shared folder C:\\\\';
    expect(sectionsFromText(line)[0]!.paragraphs).toEqual([line]);
  });
});

describe('a heading that trails off into its list', () => {
  it("reads '## Solliciteer als...' as the heading of the 7 required lines, then 'Pre’s' as preferred (text/h2-grrr-front-end-developer)", () => {
    const { requirements } = annotateText(capture('text/h2-grrr-front-end-developer.txt'));
    expect(requirements.required).toHaveLength(7);
    expect(requirements.required[0]).toMatch(/^Je met jouw tech talent/);
    expect(requirements.preferred).toHaveLength(4);
  });

  it('is a heading only when what it says is a known part of a posting', () => {
    const sections = sectionsFromText('We also work with many other tools...\n- Jira\n- Slack');
    expect(sections[0]!.heading).toBeNull();
  });
});

describe('an item that says it is optional', () => {
  it("'(not essential)' in brackets makes the item preferred (text/h3-jonesco-trainee-production-operative-nightshift)", () => {
    const { requirements } = annotateText(capture('text/h3-jonesco-trainee-production-operative-nightshift.txt'));
    expect(requirements.preferred).toEqual(['Forklift truck experience (not essential)']);
    expect(requirements.required).toContain('Ability to use hand tools');
  });

  it("'Good to have:' opening an item makes it preferred (text/h4-crunch-part-time-junior-digital-designer)", () => {
    const { requirements } = annotateText(capture('text/h4-crunch-part-time-junior-digital-designer.txt'));
    expect(requirements.preferred).toEqual(['Good to have: After Effects (Editing skills)']);
    expect(requirements.required).toHaveLength(8);
  });

  it('a bracket that prefers a detail leaves the item required', () => {
    const r = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: ['Cloud experience (AWS preferred)', "Bachelor's degree (preferred)", 'Driving licence (desirable)'] }]);
    expect(r).toEqual({ required: ['Cloud experience (AWS preferred)'], preferred: ["Bachelor's degree (preferred)", 'Driving licence (desirable)'] });
  });
});

describe('a JSON-LD description in plain text (jsonld/h3-kuntarekry-esko-sovellusarkkitehti-oulu)', () => {
  it('keeps its line breaks and "•\\t" bullets as list items instead of one paragraph', () => {
    const url = 'https://www.kuntarekry.fi/fi/tyopaikka/sovellusarkkitehti';
    const { doc } = parsePage(capture('jsonld/h3-kuntarekry-esko-sovellusarkkitehti-oulu.html'), url);
    const raw = readPage(doc, new URL(url))!;
    const items = raw.sections.flatMap((s) => s.items);
    expect(items).toContain('Yhteiskäyttöisten palveluiden, komponenttien ja toimintamallien määrittely');
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(annotate(raw).title).toBeTruthy();
  });
});

describe('a list headed as what the employer would prefer (text/h3-pollinator-pathways-communications-coordinator)', () => {
  it.each(['Preferable Experience and Skills', 'Preference will be given to candidates with the following skills'])('%s is preferred', (heading) => {
    expect(classifyHeading(heading)).toBe('preferred');
  });

  it('reads the 2 eligibility lines as required and the 4 preferable ones as preferred', () => {
    const { requirements } = annotateText(capture('text/h3-pollinator-pathways-communications-coordinator.txt'));
    expect([requirements.required.length, requirements.preferred.length]).toEqual([2, 4]);
  });
});

describe('text kept in order around a list (text/h5-suffolk-libraries-*)', () => {
  it("reads 'We're looking for an individual who:' as the introduction of the list after it, not the pay after the list", () => {
    const text = [
      "We're looking for a stock assistant at Ipswich Stock Unit. We're looking for an individual who:",
      '',
      '- Has interpersonal skills',
      '- Is confident using email',
      '',
      'The rate of pay is £15,962.63 pro rata.',
    ].join('\n');
    const sections = sectionsFromText(text);
    expect(sections.map((s) => s.paragraphs)).toEqual([
      ["We're looking for a stock assistant at Ipswich Stock Unit. We're looking for an individual who:"],
      ['The rate of pay is £15,962.63 pro rata.'],
    ]);
    expect(extractRequirements(sections).required).toEqual(['Has interpersonal skills', 'Is confident using email']);
  });

  it('reads the seven lines of the prison library manager posting', () => {
    expect(annotateText(capture('text/h5-suffolk-libraries-prison-library-manager-ranby.txt')).requirements.required).toHaveLength(7);
  });
});

describe("a list of personality traits beside the qualifications (text/paypay-ml-engineer-credit-modeling)", () => {
  it("is not counted with them", () => {
    const r = extractRequirements([
      { heading: 'Qualifications', paragraphs: [], items: ['3+ years of ML', 'Python'] },
      { heading: 'Expected personality', paragraphs: [], items: ['Strong problem-solving skills', 'Adaptability'] },
    ]);
    expect(r.required).toEqual(['3+ years of ML', 'Python']);
  });
});

describe('a preference for a detail inside a required item (workable/h5-hugging-face-three-remote-engineers)', () => {
  it("keeps 'Proficiency in a low-level systems language, with Rust strongly preferred' required", () => {
    const r = extractRequirements([
      {
        heading: "What we're looking for",
        paragraphs: [],
        items: ['Proficiency in a low-level systems language, with Rust strongly preferred (we also work in Python).', 'Experience working with ArchivesSpace preferred'],
      },
    ]);
    expect(r.required).toEqual(['Proficiency in a low-level systems language, with Rust strongly preferred (we also work in Python).']);
    expect(r.preferred).toEqual(['Experience working with ArchivesSpace preferred']);
  });
});

describe('a line stating an amount is never a heading (text/h6-north-castle-library-hourly-youth-services-librarian)', () => {
  it("keeps 'Starting at $23 (commensurate with experience)' as the Compensation section's text", () => {
    expect(sectionsFromText('Compensation\n\nStarting at $23 (commensurate with experience)')).toEqual([
      { heading: 'Compensation', paragraphs: ['Starting at $23 (commensurate with experience)'], items: [] },
    ]);
  });
});

describe('text/h6-inn-manager-support-documentation-training (read after the batch was measured)', () => {
  it('reads the list after a paragraph whose last sentence introduces it', () => {
    const r = extractRequirements([
      {
        heading: null,
        paragraphs: ['While much of this role is writing, customer service and project management, we also need this person to perform some technical tasks. To be successful in this role, the ideal candidate should have:'],
        items: ['Intermediate front-end skills (HTML/CSS and some JavaScript)', 'Familiarity with version control tools (we use git)'],
      },
    ]);
    expect(r.required).toHaveLength(2);
  });

  it("keeps 'Excellent written and verbal communication skills, experience with direct client interaction … strongly preferred' required", () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: [], items: ['Excellent written and verbal communication skills, experience with direct client interaction and front-line support strongly preferred', 'Experience with Python, Java, or Go preferred'] },
    ]);
    expect(r.required).toHaveLength(1);
    expect(r.preferred).toEqual(['Experience with Python, Java, or Go preferred']);
  });
});

describe("'Qualifikationen' alone heads the requirements (text/h6-breuninger-it-system-engineer-devops)", () => {
  it('is required', () => {
    expect(classifyHeading('Qualifikationen')).toBe('required');
  });
});

describe('Markdown headings with a closing run of hashes (text/h6-nypd-*, h6-suny-maritime-*)', () => {
  it("reads '### Qualifications###' as 'Qualifications'", () => {
    expect(sectionsFromText('### Qualifications###\n* Cataloging\n* Excel').map((s) => s.heading)).toEqual(['Qualifications']);
  });
});

describe('headings the corpus showed unclassified (a count of every heading no rule named)', () => {
  it.each(['Person specification', 'Essential criteria', 'Selection criteria', 'To qualify for the role', 'Candidates must be', 'Education required'])('%s is required', (heading) => {
    expect(classifyHeading(heading)).toBe('required');
  });

  it.each(['Job description', 'Role overview', 'Position overview', 'In this role, you will', 'Key outcomes', 'Your charter', 'Company information', 'Process to apply', 'Accommodations'])(
    '%s is another part of the posting',
    (heading) => {
      expect(classifyHeading(heading)).toBeNull();
      expect(isOtherHeading(heading)).toBe(true);
    },
  );

  it("'In this role you will need' still introduces requirements, not duties", () => {
    expect(isOtherHeading('In this role you will need')).toBe(false);
  });
});

describe('headings that ask about the candidate in other words', () => {
  it.each([
    ['What makes you a fit', 'indeed/rove-mx-indeed-twenty-postings (MAVI)'],
    ['Who are you?', 'recruitee/h2-channable-two-offers-utrecht'],
    ['6 boxes you tick (the more the merrier)', 'text/h8-fronteers-vi-company-junior-frontend-developer'],
    ['WAT STAAT ER OP JE CV?', 'text/h5-fronteers-sonic-equipment-senior-react-developer'],
    ['Vi ønsker oss søkere med:', 'aggregator/h8-polaris-vagsoy-kommune-fastlege'],
  ])('%s is required (%s)', (heading) => {
    expect(classifyHeading(heading)).toBe('required');
  });

  it("what the company ticks is not what the candidate brings ('6 boxes we tick')", () => {
    expect(classifyHeading('6 boxes we tick')).toBeNull();
  });

  it("reads Sonic's list under 'WAT STAAT ER OP JE CV?': four required, the two 'is een pré' preferred", () => {
    const { requirements } = annotateText(capture('text/h5-fronteers-sonic-equipment-senior-react-developer.txt'));
    expect(requirements.required).toHaveLength(4);
    expect(requirements.preferred).toEqual(['Ervaring met Next.js is een pré;', 'Ervaring met e-commerceplatformen is een pré;']);
  });
});
