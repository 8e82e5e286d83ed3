import { Posting, SavedPosting, noEdits, type SalaryRange } from '../../src/model/index.ts';

/**
 * Postings as the pipeline would produce them from the Spotify seed roles in
 * test/corpus/real/text/seed-*.txt (Lever postings), plus an hourly role for the formatting cases.
 * Every factory returns a fresh object validated with the schema, so a test that
 * mutates one cannot leak into another, and a schema change breaks here first.
 */

const PARSED_AT = '2026-06-06T08:00:00.000Z';

function posting(value: Posting): Posting {
  return Posting.parse(value);
}

/** Seed 000: pay with no dash, structured "Remote" contradicted by the text. */
export function musicUnderstandingPosting(overrides: Partial<Posting> = {}): Posting {
  const salary: SalaryRange = {
    min: 184050,
    max: 262928,
    currency: 'USD',
    period: 'year',
    annual: { min: 184050, max: 262928 },
    label: 'United States',
    kind: 'base',
    evidence: 'The United States base range for this position is $184,050 $262,928 plus equity.',
    source: 'prose',
  };
  return posting({
    id: 'lever:d7c43743-2240-45b6-bc31-33e50cbaba4a',
    url: 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a',
    site: 'lever',
    title: 'Senior Machine Learning Engineer, Personalization, Music Understanding',
    company: 'Spotify',
    location: 'New York, NY',
    department: 'Engineering – Personalization',
    commitment: 'Permanent',
    salary,
    salaries: [salary],
    remote: {
      policy: 'hybrid',
      regions: [],
      timezones: [],
      officeDaysMin: null,
      evidence: 'There will be some in person meetings, but still allows for flexibility to work from home.',
      source: 'prose',
      conflict: {
        structured: 'remote',
        structuredEvidence: 'Lever workplace type: Remote',
        text: 'hybrid',
        textEvidence:
          'This role is based in New York. There will be some in person meetings, but still allows for flexibility to work from home.',
      },
    },
    requirements: {
      required: [
        'You have a strong background in machine learning, natural language processing, and generative AI',
        'You have hands-on experience building and deploying end-to-end ML systems at scale',
        'You are experienced with large-scale distributed data processing tools such as Apache Beam or Apache Spark',
        'You have worked with cloud platforms like GCP or AWS',
      ],
      preferred: [],
    },
    experience: null,
    description:
      'The Personalization team makes deciding what to play next easier and more enjoyable for every listener.',
    parsedAt: PARSED_AT,
    parserVersion: 1,
    ...overrides,
  });
}

/** Seed 002: "5+ years", North America, Eastern time zone, structured and text agree on remote. */
export function sambaPosting(overrides: Partial<Posting> = {}): Posting {
  const salary: SalaryRange = {
    min: 148901,
    max: 212716,
    currency: 'USD',
    period: 'year',
    annual: { min: 148901, max: 212716 },
    label: 'United States',
    kind: 'base',
    evidence: 'The United States base range for this position is $148,901- $212,716 plus equity.',
    source: 'prose',
  };
  return posting({
    id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
    url: 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    site: 'lever',
    title: 'Machine Learning Engineer, Personalization, Samba',
    company: 'Spotify',
    location: 'New York, NY',
    department: 'Engineering – Personalization',
    commitment: 'Permanent',
    salary,
    salaries: [salary],
    remote: {
      policy: 'remote',
      regions: ['North America'],
      timezones: ['America/New_York'],
      officeDaysMin: null,
      evidence: 'For this role, you can be within the North America region as long as we have a work location.',
      source: 'prose',
      conflict: null,
    },
    requirements: {
      required: [
        'You have 5+ years of experience in machine learning, data, or backend engineering',
        'You are experienced with production-grade systems and scalable architectures',
        'You have worked on recommendation systems, ranking, or optimization problems',
      ],
      preferred: [],
    },
    experience: {
      yearsMin: 5,
      yearsMax: null,
      evidence: 'You have 5+ years of experience in machine learning, data, or backend engineering',
      source: 'prose',
    },
    description: 'Samba sits at the heart of Spotify’s personalization engine.',
    parsedAt: PARSED_AT,
    parserVersion: 1,
    ...overrides,
  });
}

/** Seed 003: no pay at all, hybrid, required and preferred requirements. */
export function storytellingPosting(overrides: Partial<Posting> = {}): Posting {
  return posting({
    id: 'lever:0dc8aa09-c7d0-714d-0000-000000000003',
    url: 'https://jobs.lever.co/spotify/0dc8aa09-c7d0-714d-0000-000000000003',
    site: 'lever',
    title: 'Machine Learning Engineer',
    company: 'Spotify',
    location: 'North America',
    department: null,
    commitment: null,
    salary: null,
    salaries: [],
    remote: {
      policy: 'hybrid',
      regions: ['North America'],
      timezones: ['America/New_York'],
      officeDaysMin: null,
      evidence: 'supporting a hybrid model that values both autonomy and connection',
      source: 'prose',
      conflict: null,
    },
    requirements: {
      required: [
        'Proven experience solving complex, real-world problems with machine learning',
        'Strong track record of building and deploying production-grade ML systems at scale',
      ],
      preferred: ['Experience improving LLM outputs using feedback-driven techniques like DPO or reinforcement fine-tuning'],
    },
    experience: null,
    description: 'We’re looking for a Machine Learning Engineer to join a team focused on shaping the future of audio discovery.',
    parsedAt: PARSED_AT,
    parserVersion: 1,
    ...overrides,
  });
}

/** An hourly role stated by the board's structured data, with an OTE range in the text. */
export function hourlyPosting(overrides: Partial<Posting> = {}): Posting {
  const hourly: SalaryRange = {
    min: 28,
    max: 47,
    currency: 'USD',
    period: 'hour',
    annual: { min: 58240, max: 97760 },
    kind: 'base',
    evidence: 'API salaryRange: 28–47 USD per hour',
    source: 'board',
  };
  const ote: SalaryRange = {
    min: 70000,
    max: 110000,
    currency: 'USD',
    period: 'year',
    annual: { min: 70000, max: 110000 },
    label: 'With commission',
    kind: 'ote',
    evidence: 'On-target earnings with commission are $70,000 – $110,000.',
    source: 'prose',
  };
  return posting({
    id: 'lever:hourly-0001',
    url: 'https://jobs.lever.co/example/hourly-0001',
    site: 'lever',
    title: 'Customer Support Specialist',
    company: 'Example Co',
    location: 'Austin, TX',
    department: 'Support',
    commitment: 'Full-time',
    salary: hourly,
    salaries: [hourly, ote],
    remote: {
      policy: 'onsite',
      regions: [],
      timezones: [],
      officeDaysMin: 5,
      evidence: 'Workplace type: On-site',
      source: 'board',
      conflict: null,
    },
    requirements: { required: ['Two years in a support role'], preferred: [] },
    experience: { yearsMin: 2, yearsMax: null, evidence: 'Two years in a support role', source: 'prose' },
    description: 'Help our customers.',
    parsedAt: PARSED_AT,
    parserVersion: 1,
    ...overrides,
  });
}

/**
 * A valid SavedPosting. The status history starts with the status at savedAt, so a
 * test that passes only `status` still gets a history whose last entry is that status.
 * No field has an edit time unless `extra.edits` gives one.
 */
export function savedFrom(p: Posting, savedAt: string, extra: Partial<SavedPosting> = {}): SavedPosting {
  const status = extra.status ?? 'saved';
  return SavedPosting.parse({
    ...p,
    savedAt,
    updatedAt: savedAt,
    notes: '',
    tags: [],
    status,
    statusHistory: [{ status, at: savedAt }],
    rating: null,
    corrections: {},
    changes: [],
    closedAt: null,
    edits: noEdits(),
    ...extra,
  });
}

/** A saved posting as database versions 2–3 and export version 2 stored it: no edit times. */
export type SavedPostingV2 = Omit<SavedPosting, 'edits'>;

export function withoutEdits(saved: SavedPosting): SavedPostingV2 {
  const { edits: _none, ...rest } = saved;
  return rest;
}

/**
 * A saved posting as database version 1 and export version 1 stored it: a Posting plus
 * savedAt, updatedAt, notes, tags and status, nothing more. Built by hand, not from the
 * current schema, because that shape no longer validates.
 */
export interface SavedPostingV1 extends Posting {
  savedAt: string;
  updatedAt: string;
  notes: string;
  tags: string[];
  status: SavedPosting['status'];
}

export function savedV1From(
  p: Posting,
  savedAt: string,
  extra: Partial<Pick<SavedPostingV1, 'updatedAt' | 'notes' | 'tags' | 'status'>> = {},
): SavedPostingV1 {
  return { ...p, savedAt, updatedAt: savedAt, notes: '', tags: [], status: 'saved', ...extra };
}

/** A title a hostile page could carry: must reach the screen as literal text. */
export const HOSTILE_TITLE = 'Engineer <img src=x onerror=alert(1)>';
