import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';

/*
 * Requirements as real postings write them when copied as text: one item per line without
 * bullets, headings in Markdown or glued into flattened text, and the company's prose
 * right after the list.
 */

const capture = (name: string) => readFileSync(new URL(`../corpus/real/text/${name}.txt`, import.meta.url), 'utf8');
const counts = (text: string) => {
  const r = extractRequirements(sectionsFromText(text));
  return { required: r.required.length, preferred: r.preferred.length };
};

describe('a list written one item per line, without bullets', () => {
  it('keeps short lines shaped like headings in the list ("HTML and CSS", "Highly self-motivated")', () => {
    const text = [
      "What You'll Need",
      '7+ years of .NET and SQL Server experience',
      'Unit Testing experience',
      'Highly self-motivated',
      'HTML and CSS',
      'Prior managerial experience preferred',
      'Why Join Us?',
      'Work on high-impact projects.',
    ].join('\n');
    const r = extractRequirements(sectionsFromText(text));
    expect(r.required).toEqual(['7+ years of .NET and SQL Server experience', 'Unit Testing experience', 'Highly self-motivated', 'HTML and CSS']);
    expect(r.preferred).toEqual(['Prior managerial experience preferred']);
  });

  it('ends the list at the company\'s prose, pay or contact lines', () => {
    const text = [
      'Requirements',
      '3+ years of relevant software engineering experience',
      'Strong product intuition',
      'Compensation packages at Acme include base salary, equity, and benefits.',
      'Ability to relocate',
      'Skills',
      'Well-developed SQL skills.',
      'For further information on this position please contact Jamie via email.',
    ].join('\n');
    expect(counts(text)).toEqual({ required: 3, preferred: 0 });
  });

  it('ends a section at a known heading in sentence case or as a question, and starts one at a longer requirements heading', () => {
    const text = ['Our ideal candidate has the following attributes', 'You are a team player.', 'Das bieten wir dir', 'Ein MacBook oder eigenes Device.'].join('\n');
    expect(sectionsFromText(text).map((s) => s.heading)).toEqual(['Our ideal candidate has the following attributes', 'Das bieten wir dir']);
    expect(sectionsFromText('Intro.\nNice to Have (Not Required)\nRust').map((s) => s.heading)).toEqual([null, 'Nice to Have (Not Required)']);
  });

  it('does not count an introduction or a paragraph of several sentences as an item', () => {
    const r = extractRequirements([
      { heading: 'Who you are', paragraphs: ["We're looking for someone who meets the minimum requirements. If you meet them, apply. The preferred ones are a bonus."], items: [] },
      { heading: 'Requirements', paragraphs: ['To be considered, you should have the following qualifications:', 'Fluent German'], items: [] },
    ]);
    expect(r).toEqual({ required: ['Fluent German'], preferred: [] });
  });

  it('real captures: Harvest Group (12 + 2), Waystar (12 + 2), ConveyThis (5 + 4), Deccan AI (3 + 1), Scale AI (6 + 0)', () => {
    const read = (name: string) => {
      const r = annotateText(capture(name)).requirements;
      return [r.required.length, r.preferred.length];
    };
    expect(read('harvest-group-senior-sales-insights-manager-kroger')).toEqual([12, 2]);
    expect(read('waystar-manager-application-engineering')).toEqual([12, 2]);
    expect(read('conveythis-software-engineering-intern')).toEqual([5, 4]);
    expect(read('deccan-ai-data-analyst-freelance')).toEqual([3, 1]);
    expect(read('scaleai-software-engineer-genai')).toEqual([6, 0]);
  });
});

describe('headings as copied text keeps them', () => {
  it('reads Markdown-marked lines as headings, questions included', () => {
    const text = ['**What you’ll do with us**', '  * Design web services', '**What will set you apart**', '  * 10+ years of experience', '###  **Does this sound like you?**', '  * Hungry'].join('\n');
    expect(sectionsFromText(text).map((s) => [s.heading, s.items.length])).toEqual([
      ['What you’ll do with us', 1],
      ['What will set you apart', 1],
      ['Does this sound like you?', 1],
    ]);
  });

  it('splits flattened text at runs of spaces (Hopper: the posting as one line)', () => {
    const text = 'We build travel.   Minimum Qualifications   Love for building customer centric software 6+ years professional experience in backend development   Benefits   Unlimited paid time off.';
    expect(sectionsFromText(text).map((s) => s.heading)).toEqual([null, 'Minimum Qualifications', 'Benefits']);
  });
});

describe('items run together into one line', () => {
  it('splits where a capitalised requirement opener follows a lower-case word (seed 002, Hopper)', () => {
    const r = extractRequirements([
      {
        heading: 'Minimum Qualifications',
        paragraphs: [
          'Love for building customer centric software 6+ years professional experience in backend development Deep comfort with at least one server-side stack Excelled in an environment with cross-functional teams, working with Product Managers',
        ],
        items: [],
      },
    ]);
    expect(r.required).toEqual([
      'Love for building customer centric software',
      '6+ years professional experience in backend development',
      'Deep comfort with at least one server-side stack',
      'Excelled in an environment with cross-functional teams, working with Product Managers',
    ]);
  });
});

describe('run-on text read whole (real captures)', () => {
  it('seed 002: the 7 "Who You Are" items glued into one flattened line', () => {
    const r = annotateText(capture('seed-002-spotify-ml-engineer-personalization-samba')).requirements;
    expect(r.required).toHaveLength(7);
    expect(r.required[0]).toBe('You have 5+ years of experience in machine learning, data, or backend engineering');
    expect(r.preferred).toEqual([]);
  });

  it('Hopper: blocks separated by runs of spaces, 4 minimum and 5 preferred qualifications', () => {
    const r = annotateText(capture('hopper-senior-backend-engineer-corporate-travel')).requirements;
    expect([r.required.length, r.preferred.length]).toEqual([4, 5]);
  });

  it('Blueshift: "If you are interested, please apply ... the following requirements:" ends the list, it introduces no items', () => {
    const r = annotateText(capture('blueshift-junior-software-engineer')).requirements;
    expect(r.required).toHaveLength(8);
    expect(r.required.at(-1)).toMatch(/^Although this role is fully remote, to be considered you must reside in Sydney/);
  });
});

describe('run-on splitting leaves ordinary items whole', () => {
  it('does not split at a capital after a function word ("with a Master\'s degree")', () => {
    const item = "You will graduate in fall 2026 or spring 2027 with a Master's or PhD degree in a quantitative field (e.g., Statistics, Math, Computer Science, Physics)";
    expect(extractRequirements([{ heading: 'What We Look For', paragraphs: [item, 'Proven ability to work with data in SQL and Python'], items: [] }]).required).toEqual([
      item,
      'Proven ability to work with data in SQL and Python',
    ]);
  });

  it('real captures: Databricks "What We Look For" (4), Deloitte "Your skillset" (6 + 3)', () => {
    const read = (name: string) => {
      const r = annotateText(capture(name)).requirements;
      return [r.required.length, r.preferred.length];
    };
    expect(read('databricks-data-science-intern')).toEqual([4, 0]);
    expect(read('deloitte-intern-data-genai-ma-analytics')).toEqual([6, 3]);
  });
});

describe('what makes an item preferred', () => {
  it.each([
    ['Experience with Docker and cloud platforms (AWS preferred)', 'required'],
    ['5+ years of sales experience, ideally in a fast-paced startup environment.', 'required'],
    ['Ideally, experience with Kafka', 'preferred'],
    ['Advantage: Experience working with Kafka/Spark', 'preferred'],
    ['Ability to get a security clearance desired', 'preferred'],
    ['Experience with cloud platforms (Azure, AWS) is beneficial.', 'preferred'],
    ["Bachelor's degree in a related field, preferred.", 'preferred'],
    ['Fluent in German and English, with a preferred C1 level in both', 'required'],
  ])('%s -> %s', (item, bucket) => {
    const r = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: [item] }]);
    expect(r[bucket === 'required' ? 'required' : 'preferred']).toHaveLength(1);
  });
});

describe('lines that are not headings nor items', () => {
  it('a bold sentence or a bold label line is no pseudo-heading', () => {
    const r = extractRequirements([
      { heading: 'Qualifications', paragraphs: ['**Flexible unpaid time off available after 30 days.**', '**Wage: from $21.00-$24.00/hour, dependent upon experience **'], items: ['Forklift certification required'] },
    ]);
    expect(r.required).toEqual(['Forklift certification required']);
  });

  it('"Label: text" counts only when the label names a list ("Minimum education:" in a Logistics section does not)', () => {
    const r = extractRequirements([
      { heading: 'Logistics', paragraphs: ["Minimum education: Bachelor's degree or equivalent", 'Requirements: Python, SQL'], items: [] },
    ]);
    expect(r).toEqual({ required: ['Python, SQL'], preferred: [] });
  });
});

describe('requirements: hard-wrapped text and long introductions (test/corpus/real)', () => {
  it('joins a sentence wrapped across lines and lists what its introduction heads (career-pages/openfreeenergy-software-scientist)', () => {
    const text = [
      'In particular you will work on:',
      '',
      '* Implementing advanced force field features to our simulations',
      '* Software infrastructure for coordinating related computational jobs',
      '',
      'The ideal candidate for this position has specific experience or expertise',
      'in one or more of the following areas:',
      '',
      '* Python programming experience',
      '* Good knowledge of biomolecular simulation',
      '',
      'The following skills would also be beneficial:',
      '',
      '* Knowledge of free energy calculations',
    ].join('\n');
    const r = extractRequirements(sectionsFromText(text));
    expect(r.required).toEqual(['Python programming experience', 'Good knowledge of biomolecular simulation']);
    expect(r.preferred).toEqual(['Knowledge of free energy calculations']);
  });

  it('does not join lines that end a sentence or start a new one', () => {
    const sections = sectionsFromText('We build simulation software for drug discovery teams worldwide.\nthe next line starts lower case but the last ended.\nA line of forty-five characters or more, wrapped\nAnother line.');
    expect(sections[0]!.paragraphs).toHaveLength(4);
  });

  it('reads "It is useful to have … in these:" as a list of pluses (text/pensionbee-senior-software-engineer)', () => {
    const r = extractRequirements(sectionsFromText(capture('pensionbee-senior-software-engineer')));
    expect(r.preferred).toContain('Node.js');
    expect(r.required).not.toContain('Node.js');
  });

  it('reads a list headed only as a plus as what the posting asks for when it has no other (text/range-senior-software-engineer)', () => {
    const r = extractRequirements(sectionsFromText(capture('range-senior-software-engineer')));
    expect(r.required[0]).toBe('10+ years of software engineering experience.');
    expect(r.preferred).toEqual([]);
    // Beside a list of requirements, the same heading is a list of pluses.
    const both = extractRequirements(sectionsFromText('Requirements\n- 5+ years of Go\n\nWhat will set you apart\n- Kafka experience'));
    expect([both.required, both.preferred]).toEqual([['5+ years of Go'], ['Kafka experience']]);
  });

  it('reads two plus-headed lists as the asked and the extra (text/consensys-staff-software-engineer-metamask)', () => {
    const r = extractRequirements(sectionsFromText(capture('consensys-staff-software-engineer-metamask')));
    expect([r.required.length, r.preferred.length]).toEqual([9, 4]);
    expect(r.preferred).toContain('Experience developing browser extensions');
  });

  it.each([
    ['Bonne maîtrise de SQL', 'required'],
    ['Connaissance de Python appréciée', 'preferred'],
    ['Power BI or Looker experience is especially valued', 'preferred'],
    ['English language only is welcome! Japanese bilingual ideal.', 'required'],
  ] as const)('%j is %s', (item, expected) => {
    const r = extractRequirements([{ heading: 'Requirements', paragraphs: [], items: [item] }]);
    expect(r[expected]).toEqual([item]);
  });
});

describe('requirements in other languages (test/corpus/real: Dutch, German, French, Turkish postings)', () => {
  it.each([
    ['Daarnaast beschik je over', 'required'],
    ['Wat vragen wij', 'required'],
    ['Pré', 'preferred'],
    ['Sie bringen mit', 'required'],
    ['Le/La candidat-e devra', 'required'],
    ['Est un plus', 'preferred'],
    ['Aradığımız Nitelikler', 'required'],
    ['Tercih Sebebi', 'preferred'],
  ] as const)('%j heads a %s list', (heading, expected) => {
    const r = extractRequirements([{ heading, paragraphs: [], items: ['Item one of the list', 'Item two of the list'] }]);
    expect(r[expected]).toHaveLength(2);
  });
  it.each(['Wat we bieden', 'Die Aufgaben beinhalten', 'Description de fonction', 'Görev Tanımı', 'Über uns'])('%j heads no requirements', (heading) => {
    const r = extractRequirements([{ heading, paragraphs: [], items: ['Item one of the list', 'Item two of the list'] }]);
    expect([r.required, r.preferred]).toEqual([[], []]);
  });
});

describe('a posting flattened to one line (linkedin/h2-egypt-jsonld-five-postings-*#1)', () => {
  const flat =
    "About Us A career at Hitachi Rail will help create a legacy. And that's where you come in. Cairo, Egypt (On-Site) Job Description: Review station coordination drawings. Oversee the installation of AFC equipment on-site. Coordinate with other contractors on-site to resolve issues. Job Requirements: Bachelor's degree in Power Engineering. 1 to 5 years of relevant experience. Proficiency in AutoCAD and Revit. Proficiency in written and spoken English. Thank you for your interest in Hitachi Rail. If your application is of interest, we will be in contact.";
  it('splits at a heading written as a label and reads its sentences as items, not the closing words', () => {
    const r = extractRequirements(sectionsFromText(flat));
    expect(r.required).toEqual([
      "Bachelor's degree in Power Engineering.",
      '1 to 5 years of relevant experience.',
      'Proficiency in AutoCAD and Revit.',
      'Proficiency in written and spoken English.',
    ]);
  });
  it('reads the place written with "(On-Site)" as on site', () => {
    expect(annotateText(`Installation Engineer\n\n${flat}`).remote.policy).toBe('onsite');
  });
  it('leaves a paragraph of prose under a requirements heading alone', () => {
    const r = extractRequirements([{ heading: 'Requirements', paragraphs: ['We are a team of builders. Our customers rely on us. We believe in ownership and we move fast together.'], items: [] }]);
    expect(r.required).toEqual([]);
  });
});

describe("the job's conditions are not requirements (jobvite/savers-financial-analyst-pricing)", () => {
  it('leaves out Physical Requirements, even after a requirements list, and reads "What do you need"', () => {
    const r = extractRequirements([
      { heading: 'What do you need', paragraphs: [], items: ['Knowledge of Java and Spring Boot.'] },
      { heading: 'Physical Requirements', paragraphs: [], items: ['Ability to express or exchange ideas by means of the spoken word'] },
      { heading: 'Working Conditions and Physical Effort', paragraphs: [], items: ['Office environment'] },
      { heading: 'Travel', paragraphs: [], items: ['Travel 10% or less'] },
    ]);
    expect(r.required).toEqual(['Knowledge of Java and Spring Boot.']);
  });
});

describe('requirements in Polish and Finnish', () => {
  it.each([
    ['Wymagania', 'required'],
    ['Mile widziane', 'preferred'],
    ['Edellytämme', 'required'],
    ['Eduksi katsomme', 'preferred'],
  ] as const)('%j heads a %s list', (heading, expected) => {
    expect(extractRequirements([{ heading, paragraphs: [], items: ['Item one of the list', 'Item two of the list'] }])[expected]).toHaveLength(2);
  });
  it.each(['Obowiązki', 'Oferujemy', 'Tehtävät', 'Tarjoamme'])('%j heads no requirements', (heading) => {
    const r = extractRequirements([{ heading, paragraphs: [], items: ['Item one of the list'] }]);
    expect([r.required, r.preferred]).toEqual([[], []]);
  });
});

describe('lists written as one sentence or after a long introduction (text/h3-nyhs-project-archivist, h3-zelman-*)', () => {
  it('reads items between semicolons under a requirements heading, a plus among them', () => {
    const r = extractRequirements([
      {
        heading: 'Qualifications',
        paragraphs: [
          'ALA-accredited MLIS or equivalent degree; a minimum of two years’ experience as a professional archivist; strong written, oral and interpersonal communication skills; experience working with ArchivesSpace preferred; and ability to work independently.',
        ],
        items: [],
      },
    ]);
    expect(r.required).toEqual([
      'ALA-accredited MLIS or equivalent degree',
      'a minimum of two years’ experience as a professional archivist',
      'strong written, oral and interpersonal communication skills',
      'ability to work independently',
    ]);
    expect(r.preferred).toEqual(['experience working with ArchivesSpace preferred']);
  });
  it('reads "We are ideally looking for … candidates who are:" and ends the lines at "If you would like to …"', () => {
    const text = [
      'We are ideally looking for General Manager candidates who are:',
      'Previous experience in a busy, high profile, high volume restaurant',
      'True leader of people who leads with autonomy',
      'If you would like to be part of our amazing team then please email us today with your CV!',
    ].join('\n');
    expect(extractRequirements(sectionsFromText(text)).required).toEqual([
      'Previous experience in a busy, high profile, high volume restaurant',
      'True leader of people who leads with autonomy',
    ]);
  });
});
