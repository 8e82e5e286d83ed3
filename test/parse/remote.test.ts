import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FieldValue, RemotePolicy } from '../../src/model/index.ts';
import { Remote } from '../../src/model/index.ts';
import { parseRemote } from '../../src/parse/remote.ts';

interface Phrase {
  text: string;
  expected: RemotePolicy;
  regions?: string[];
  timezones?: string[];
  officeDaysMin?: number;
  location?: string;
  note?: string;
}
interface StructuredCase {
  source: string;
  value: string | Record<string, unknown>;
  expected: RemotePolicy;
  note?: string;
}

const corpus: { phrases: Phrase[]; structured: StructuredCase[] } = JSON.parse(
  readFileSync(new URL('../corpus/strings/remote-phrases.json', import.meta.url), 'utf8'),
);

// The project's four founding postings, byte for byte (test/corpus/real/text/seed-*.txt, from shared/seeds).
const seedDir = new URL('../corpus/real/text/', import.meta.url);
function seed(prefix: string): string {
  const name = readdirSync(seedDir).find((f) => f.startsWith(`seed-${prefix.replace(/_$/, '')}`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(name, seedDir), 'utf8');
}

/** The aggregator pages (seeds 000, 002) around the posting: what an adapter hands on as the description. */
function aggregatorDescription(page: string): string {
  return page.slice(page.indexOf('\nDescription') + 1, page.indexOf('Full job record'));
}

const text = (t: string) => parseRemote({ structured: [], location: null, text: t });
const board = (value: string, field = 'workplaceType'): FieldValue => ({ value, field, source: 'board' });

describe('parseRemote: reference phrases', () => {
  // The corpus also names the role's city (`location`); Remote has no field for it, so it is
  // not checked here. A city is not a region: regions stay empty for "London | Hybrid".
  it.each(corpus.phrases.map((p) => [p.text, p] as const))('%s', (_t, phrase) => {
    const r = text(phrase.text);
    expect(() => Remote.parse(r)).not.toThrow();
    expect(r.policy).toBe(phrase.expected);
    expect(r.regions).toEqual(phrase.regions ?? []);
    expect(r.timezones).toEqual(phrase.timezones ?? []);
    expect(r.officeDaysMin).toBe(phrase.officeDaysMin ?? null);
    if (r.policy === 'unspecified') expect([r.evidence, r.source]).toEqual([null, null]);
    else expect(phrase.text).toContain(r.evidence);
  });
});

describe('parseRemote: structured fields', () => {
  /** A corpus value as the FieldValues an adapter would hand on: one per field, prose apart. */
  function asInput(c: StructuredCase) {
    const source = c.source.startsWith('JSON-LD') ? 'jsonld' : 'board';
    if (typeof c.value === 'string') return { structured: [{ value: c.value, field: c.source, source } as FieldValue], location: null, text: '' };
    const fields = Object.entries(c.value).filter(([key]) => key !== 'text');
    return {
      structured: fields.map(([key, value]) => ({ value: String(value), field: `${c.source} ${key}`, source }) as FieldValue),
      location: null,
      text: typeof c.value.text === 'string' ? c.value.text : '',
    };
  }

  it.each(corpus.structured.map((c) => [`${c.source}: ${JSON.stringify(c.value)}`, c] as const))('%s', (_name, c) => {
    const r = parseRemote(asInput(c));
    expect(() => Remote.parse(r)).not.toThrow();
    expect(r.policy).toBe(c.expected);
    const withProse = typeof c.value === 'object' && 'text' in c.value;
    if (withProse) {
      expect(r.conflict).toMatchObject({ structured: 'remote', text: c.expected });
      expect(r.source).toBe('prose');
    } else {
      expect(r.conflict).toBeNull();
      if (c.expected !== 'unspecified') expect(r.evidence).toMatch(/: /);
    }
  });

  it('trusts the board over JSON-LD, whatever the order given', () => {
    const r = parseRemote({
      structured: [{ value: 'TELECOMMUTE', field: 'jobLocationType', source: 'jsonld' }, board('hybrid')],
      location: null,
      text: '',
    });
    expect([r.policy, r.source, r.evidence]).toEqual(['hybrid', 'board', 'workplaceType: hybrid']);
  });

  it('does not let company-level or weak text overrule a structured field', () => {
    const r = parseRemote({ structured: [board('remote')], location: null, text: "We're a hybrid company. This role is based in Denver." });
    expect([r.policy, r.conflict]).toEqual(['remote', null]);
  });
});

describe('parseRemote: seed postings', () => {
  it('000: structured remote, but based in New York with in-person meetings: hybrid, with the conflict', () => {
    const r = parseRemote({ structured: [board('remote')], location: 'New York, NY', text: aggregatorDescription(seed('000')) });
    expect(r.policy).toBe('hybrid');
    expect(r.conflict).toMatchObject({ structured: 'remote', structuredEvidence: 'workplaceType: remote', text: 'hybrid' });
    expect(r.conflict!.textEvidence).toContain('in person meetings');
    expect(() => Remote.parse(r)).not.toThrow();
  });

  it('001: remote within North America (plain text, no structured field)', () => {
    const r = text(seed('001'));
    expect([r.policy, r.regions, r.conflict]).toEqual(['remote', ['North America'], null]);
    expect(r.evidence).toContain('North America region');
  });

  it('002: remote, North America, Eastern time', () => {
    const r = parseRemote({ structured: [board('remote')], location: 'New York, NY', text: aggregatorDescription(seed('002')) });
    expect([r.policy, r.regions, r.timezones, r.conflict]).toEqual(['remote', ['North America'], ['America/New_York'], null]);
  });

  it('003: hybrid, North America', () => {
    const r = text(seed('003'));
    expect([r.policy, r.regions]).toEqual(['hybrid', ['North America']]);
    expect(r.evidence).toContain('hybrid model');
  });
});

describe('parseRemote: rules', () => {
  it.each([
    ['Remote work is not possible for this position.', 'onsite'],
    ['This is a fully remote role.', 'remote'],
    ['You can work remotely from anywhere in Canada.', 'remote'],
    ['Workplace type: Hybrid', 'hybrid'],
    ['Location: London (Hybrid)', 'hybrid'],
    ['#LI-Onsite', 'onsite'],
    ['We ship remote control software for drones.', 'unspecified'],
    ['Our hybrid cloud platform', 'unspecified'],
    ['Homeoffice möglich', 'hybrid'],
    ['This position is office-based in our Paris HQ.', 'onsite'],
    ['In the office two days per week, the rest from home.', 'hybrid'],
    ['Work from home two days a week', 'hybrid'],
    ['San Francisco, CA or Remote', 'remote'],
    ['Senior Engineer (Remote)', 'remote'],
    ['Collaborate with remote teams across time zones', 'unspecified'],
    ['Home | Offices | Careers', 'unspecified'],
    ['This role works on site Monday to Friday at our Melbourne office.', 'onsite'],
    ['The position is based on-site, five days a week.', 'onsite'],
    ['You will work onsite at our Denver office.', 'onsite'],
    ['Work on site two days a week, the rest from home.', 'hybrid'],
    ['Team lunch on Fridays at our office.', 'unspecified'],
    ['Customer calls on Monday.', 'unspecified'],
  ])('%s -> %s', (t, policy) => {
    expect(text(t).policy).toBe(policy);
  });

  it.each([
    ["This is a hybrid role: you'll work from our Denver office at least three days a week.", 3],
    ['Hybrid: 2-3 days per week in our NYC office', 2],
    ['In office 4 days a week', 4],
    ['This role requires 5 days a week in the office.', 5],
    ['We work from our New York office three days a week (Tuesday to Thursday); the rest of the week is yours to work from home.', 3],
    ['You will work two days a week in our downtown Austin office.', 2],
    ['Hybrid: work from our Denver or Chicago office three days a week.', 3],
    ['Hybrid: in the office on Tuesdays, Wednesdays and Thursdays.', 3],
    ['This role works on site Monday to Friday at our Melbourne office.', 5],
    ['This role is on-site in our San Francisco office, five days a week.', 5],
  ])('office days: %s', (t, days) => {
    expect(text(t).officeDaysMin).toBe(days);
  });

  it('reads the location string as a labelled field', () => {
    const r = parseRemote({ structured: [], location: 'Remote - Canada', text: '' });
    expect([r.policy, r.regions, r.evidence, r.source]).toEqual(['remote', ['Canada'], 'location: Remote - Canada', 'board']);
  });

  it('reads time zones as IANA names or as written offsets', () => {
    expect(text('Remote, overlapping 9am-5pm PT').timezones).toEqual(['America/Los_Angeles']);
    expect(text('Remote (UTC+2)').timezones).toEqual(['UTC+2']);
    expect(text('Remote; must work Pacific Time hours').timezones).toEqual(['America/Los_Angeles']);
  });

  it('says "anywhere in X" is X, not worldwide', () => {
    expect(text('Work from anywhere in the EU').regions).toEqual(['EU']);
  });

  it('is unspecified, with no evidence, on an empty posting', () => {
    expect(parseRemote({ structured: [], location: null, text: '' })).toEqual({
      policy: 'unspecified', regions: [], timezones: [], officeDaysMin: null, evidence: null, source: null, conflict: null,
    });
  });
});

describe('parseRemote: label lines and answers as real postings write them (test/corpus/real)', () => {
  it.each<[string, RemotePolicy]>([
    // Workday's header block renders label and value on lines of their own (workday/hitachi-energy-maintenance-worker).
    ['Job Schedule:\nFull time\nRemote:\nNo\nJob Description:', 'onsite'],
    ['Remote: No', 'onsite'],
    ['Work remotely: No', 'onsite'],
    ['Remote: Yes', 'remote'],
    // workday/gdit-data-engineer: the label names telecommuting, the value says on site.
    ['Telecommuting Options:\nOnsite', 'onsite'],
    // text/conveythis-software-engineering-intern
    ['Location: New York City (in-office only; no remote)', 'onsite'],
    // text/rehearsals-founding-software-engineer
    ['Ability to work 5 days in-person in our NYC office', 'onsite'],
    // text/scaleai-software-engineer-genai
    ['Excited to join a hybrid team based in San Francisco or New York City', 'hybrid'],
    ['Hybrid-friendly: we meet in the office on Wednesdays.', 'hybrid'],
  ])('%j is %s', (t, policy) => {
    expect(text(t).policy).toBe(policy);
  });

  it('reads "Homeworker - UK" in a location as remote', () => {
    expect(parseRemote({ structured: [], location: 'Belfast, Homeworker - UK', text: '' }).policy).toBe('remote');
  });

  it("lets the role's own sentence outrank a labelled line of the page, and shows the conflict (seed 000)", () => {
    const r = text('Spotify · New York, NY · Remote · Active · Lever\nThis role is based in New York\nThere will be some in person meetings, but still allows for flexibility to work from home.');
    expect(r.policy).toBe('hybrid');
    expect(r.conflict).toMatchObject({ structured: 'remote', text: 'hybrid', structuredEvidence: 'Spotify · New York, NY · Remote · Active · Lever' });
  });

  it('keeps a labelled line when the prose says nothing of the role', () => {
    const r = text('Work model: Remote\nWe are a remote-friendly company that believes in in-person offsites.');
    expect([r.policy, r.conflict]).toEqual(['remote', null]);
  });
});

describe("parseRemote: company culture is not this role's policy (test/corpus/real)", () => {
  const board = (value: string): FieldValue[] => [{ value, source: 'board', field: 'Lever API workplaceType' }];
  it.each([
    // lever/palantir-*: the closing text beside a Lever workplace type of Hybrid.
    'In keeping consistent with Palantir’s values and culture, we believe employees are “better together” and in-person work affords the opportunity for more creative outcomes.',
    // workday/fidelity-senior-software-engineer
    'Currently, some roles and locations require 100% onsite presence, while others require less. This transition does not apply to fully remote roles.',
    // text/anima-account-executive-uk
    'We have remote hubs in EU West, NA and India (in addition to our fully remote teams).',
    // lever/zoox-postings-4: an ability asked of the candidate, not the arrangement.
    'Able to work on-site at one of our office locations.',
  ])('keeps the board\'s Hybrid beside %j', (t) => {
    const r = parseRemote({ structured: board('hybrid'), location: null, text: t });
    expect([r.policy, r.conflict]).toEqual(['hybrid', null]);
  });

  it('reads office days with the place between (greenhouse/stripe-board-four-account-executives)', () => {
    const r = text('- Willingness and ability to work in-office in London at least three days per week.');
    expect([r.policy, r.officeDaysMin]).toEqual(['hybrid', 3]);
  });

  it('reads a workplace field of "Flexible" as hybrid (smartrecruiters/servicenow-*: Work Persona)', () => {
    expect(parseRemote({ structured: board('Flexible'), location: null, text: '' }).policy).toBe('hybrid');
  });
});

describe("parseRemote: a company's named working model is company text (workday/fidelity-senior-software-engineer)", () => {
  it('does not read "Fidelity’s Onsite Working Model" as this role being on site', () => {
    expect(text('Fidelity’s Onsite Working Model\nFidelity is transitioning to a full-time onsite working model through a phased rollout across regions and roles. Currently, some roles and locations require 100% onsite presence, while others require less.').policy).toBe('unspecified');
    expect(text('This role is onsite, working from our Boston office five days a week.').policy).toBe('onsite');
  });
});

describe('parseRemote: who a workplace sentence covers (test/corpus/real)', () => {
  const board = (value: string, field = 'Greenhouse API metadata "Location Type"'): FieldValue[] => [{ value, source: 'board', field }];
  it('lets a rule for all staff outrank the board, with the conflict (greenhouse/anthropic-full-stack-engineer-rl)', () => {
    const r = parseRemote({
      structured: board('On-Site'),
      location: null,
      text: 'Location-based hybrid policy: Currently, we expect all staff to be in one of our offices at least 25% of the time. However, some roles may require more time in our offices.',
    });
    expect([r.policy, r.conflict?.structured]).toEqual(['hybrid', 'onsite']);
  });
  it('does not let a model "for the majority of employees" outrank the board (eightfold/paypal-*)', () => {
    const r = parseRemote({
      structured: board('onsite', 'feed workLocationOption'),
      location: null,
      text: "For the majority of employees, PayPal's balanced hybrid work model offers 3 days in the office for effective in-person collaboration and 2 days at your choice of either the PayPal office or your home workspace.",
    });
    expect([r.policy, r.conflict]).toEqual(['onsite', null]);
  });
  it('does not let an arrangement for some candidates outrank the board (ashby/weavegrid-job-board)', () => {
    const r = parseRemote({
      structured: board('Remote', 'Ashby API workplaceType'),
      location: null,
      text: '- If you’re based in the San Francisco Bay Area, you will be working from our San Francisco office 2 days/week',
    });
    expect([r.policy, r.conflict]).toEqual(['remote', null]);
    // Said of everyone, the same office days do make the role hybrid.
    expect(parseRemote({ structured: [], location: null, text: 'You will be working from our San Francisco office 2 days/week.' }).policy).toBe('hybrid');
  });
  it('does not read a hybrid cloud environment as the workplace (smartrecruiters/vitol-platform-engineer)', () => {
    expect(text('- 3+ years of experience with cloud platform engineering in an AWS-based hybrid environment.').policy).toBe('unspecified');
    expect(text('Experience running hybrid cloud and on-prem infrastructure.').policy).toBe('unspecified');
    expect(text('This is a hybrid role in our Singapore office.').policy).toBe('hybrid');
  });
});

describe('parseRemote: where the work happens, said without a policy word (test/corpus/real)', () => {
  it.each([
    // aggregator/opensourcedesign-coral-project-ux-ui-designer
    ["You'll work either from New York or Washington, DC, based inside the offices of the New York Times or the Washington Post.", 'onsite'],
    // text/databricks-data-science-intern
    ['We are hiring for the Mountain View & San Francisco offices.', 'onsite'],
    // oracle/southern-nuclear-radiation-protection-supervisor
    ['Must live within a 90-minute response time of Plant Hatch.', 'onsite'],
    // workable/amazing-care-home-health-widget
    ['Provide private duty nursing care to pediatric patients in their homes.', 'onsite'],
    ['Mileage provided for commuting between patient visits', 'onsite'],
  ] as const)('%j: %s', (t, expected) => {
    expect(text(t).policy).toBe(expected);
  });
  it('lets any policy word outrank them', () => {
    expect(text('Must live within 50 miles of Denver. This is a hybrid role, three days a week in the office.').policy).toBe('hybrid');
    expect(text('Home visits are part of the job.\nThis role is fully remote otherwise.').policy).toBe('remote');
  });
});

describe('parseRemote: other languages and tag rows (test/corpus/real)', () => {
  it.each([
    // indeed/rove-mx-indeed-twenty-postings#1
    ['presencial: culiacan sin.', 'onsite'],
    ['Modalidad: Presencial', 'onsite'],
    ['Modalidad: Híbrido', 'hybrid'],
    ['Lugar de trabajo: Empleo remoto', 'remote'],
    // indeed/rove-mx-indeed-twenty-postings#15
    ['Horario de lunes a viernes, 2 días al mes en oficina.', 'hybrid'],
    // linkedin/atos-entry-level-automation-engineer
    ['Je bent bereid om op (klant)locatie te werken.', 'onsite'],
    ['Poste en présentiel à Angers.', 'onsite'],
    // text/nielseniq-software-developer-front-end-uk: the aggregator's Markdown tag row
    ['#### `💰 ~0k` `🌎 Remote`  ', 'remote'],
    ['#### `💰 ~0k` `🏢 Hybrid`', 'hybrid'],
  ] as const)('%j: %s', (t, expected) => {
    expect(text(t).policy).toBe(expected);
  });
  it('lets the employer’s "presencial" outrank a feed’s remote flag, with the conflict', () => {
    const r = parseRemote({ structured: [{ value: 'true', source: 'board', field: 'feed remote' }], location: null, text: 'Trabajo presencial: culiacan sin.' });
    expect([r.policy, r.conflict?.structured]).toEqual(['onsite', 'remote']);
  });
});

describe("parseRemote: Microsoft's work-site values (eightfold/microsoft-software-engineer-ai-compilers)", () => {
  it.each([
    ['0 days / week in-office – remote', 'remote'],
    ['3 days / week in-office', 'hybrid'],
    ['Up to 50% work from home', 'hybrid'],
    ['Microsoft on-site only', 'onsite'],
  ] as const)('%j: %s', (value, expected) => {
    expect(parseRemote({ structured: [{ value, source: 'board', field: 'feed efcustomTextWorkSite' }], location: null, text: '' }).policy).toBe(expected);
  });
});

describe('parseRemote: work done where it is (title only, when nothing else is said)', () => {
  const titled = (title: string, t = 'We are hiring.') => parseRemote({ structured: [], location: 'Philadelphia, PA', text: t, title });
  it.each(['Ultrasound Tech / Sonographer', 'Registered Nurse - ICU', 'Store Sales Associate', 'Over-the-Road Truck Driver', 'Bibliothécaire (H/F/X)'])(
    '%j is on site, and says why',
    (title) => {
      const r = titled(title);
      expect([r.policy, r.evidence]).toEqual(['onsite', `${title} (work done in person; no remote work is stated)`]);
    },
  );
  it('says nothing of other work, of a title that names remote work, or where the text says otherwise', () => {
    expect(titled('Senior Software Engineer').policy).toBe('unspecified');
    // annotate() reads the title with the text, as here.
    expect(titled('Nursing Educator (Remote)', 'Nursing Educator (Remote)\nWe are hiring.').policy).toBe('remote');
    expect(titled('Nursing Educator (Remote)').policy).toBe('unspecified');
    expect(titled('Telehealth Nurse', 'This is a fully remote position.').policy).toBe('remote');
  });
});

describe('parseRemote: "Remote" alone on its line before the text (aggregator/h2-workingnomads-*#1)', () => {
  it('reads it as the workplace, not as a label waiting for its answer', () => {
    expect(text('Stack .NET Developer\nRemote\nWe are looking for an experienced Full Stack .Net Developer with strong algorithm skills.').policy).toBe('remote');
    // A label that its next line answers stays a label.
    expect(text('Remote:\nNo').policy).toBe('onsite');
  });
});

describe('parseRemote: Finnish and Polish (jsonld/h3-kuntarekry-*, h3-valtiolle-*, aggregator/h3-rocketjobs-*)', () => {
  it.each([
    ['Etätyö: Osittainen etätyömahdollisuus', 'hybrid'],
    ['Joustavan hybridityön mallin ansiosta voit tehdä töitä myös kotoa.', 'hybrid'],
    ['Tryb pracy: praca zdalna', 'remote'],
    ['Tryb pracy: hybrydowy', 'hybrid'],
    ['Tryb pracy: stacjonarny', 'onsite'],
  ] as const)('%j: %s', (t, expected) => {
    expect(text(t).policy).toBe(expected);
  });
  it.each(['Restaurant General Manager', 'Trainee Production Operative - Nightshift', 'Project Archivist', 'Hauswirtschafter*in (m/w/d)'])('%j is work done in person', (title) => {
    expect(parseRemote({ structured: [], location: null, text: 'We are hiring.', title }).policy).toBe('onsite');
  });
});

describe('parseRemote: software titles that borrow a word of in-person work stay unspecified', () => {
  it.each(['Linux Driver Developer', 'Backend Server Engineer', 'Data Store Engineer', 'Shopify Developer'])('%j', (title) => {
    expect(parseRemote({ structured: [], location: null, text: 'We are hiring.', title }).policy).toBe('unspecified');
  });
});

describe('parseRemote: where the work is, said by an address or of the post-holder (text/h4-*)', () => {
  it.each(['4715 S Lamar Blvd', '42 El Hegaz Street, Giza', 'Hauptstraße 12, Berlin', '15 rue de Rivoli, Paris'])('a street address as the location, %j, is on site', (location) => {
    const r = parseRemote({ structured: [], location, text: 'We are hiring.' });
    expect([r.policy, r.evidence]).toEqual(['onsite', `location: ${location} (a street address; no remote work is stated)`]);
  });
  it('leaves a city, or a street address beside a remote statement, to the other rules', () => {
    expect(parseRemote({ structured: [], location: 'Austin, TX', text: 'We are hiring.' }).policy).toBe('unspecified');
    expect(parseRemote({ structured: [], location: '4715 S Lamar Blvd', text: 'This is a fully remote role.' }).policy).toBe('remote');
  });
  it('reads "She/he will be based in Lusaka" as where the post-holder works', () => {
    expect(text('She/he will be based in Lusaka.').policy).toBe('onsite');
  });
  it('reads plural titles of in-person work ("Line Cooks, Bakers & Bussers")', () => {
    expect(parseRemote({ structured: [], location: null, text: 'Join us.', title: 'Line Cooks, Bakers & Bussers' }).policy).toBe('onsite');
  });
});
