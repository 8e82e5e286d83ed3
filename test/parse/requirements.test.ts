import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RawSection, Requirements } from '../../src/model/index.ts';
import { classifyHeading, extractRequirements } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';

// The project's four founding postings, byte for byte (test/corpus/real/text/seed-*.txt, from shared/seeds).
const seedDir = new URL('../corpus/real/text/', import.meta.url);
function seed(prefix: string): string {
  const name = readdirSync(seedDir).find((f) => f.startsWith(`seed-${prefix.replace(/_$/, '')}`) && f.endsWith('.txt'));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(new URL(name, seedDir), 'utf8');
}

describe('classifyHeading', () => {
  it.each([
    ['Who You Are', 'required'],
    ["What We're Looking For", 'required'],
    ['What We’re Looking For', 'required'],
    ["What you'll need", 'required'],
    ['Requirements', 'required'],
    ['Requirements:', 'required'],
    ['Qualifications', 'required'],
    ['Minimum qualifications', 'required'],
    ['Basic Qualifications', 'required'],
    ['You have', 'required'],
    ['Must have', 'required'],
    ['About you', 'required'],
    ['Nice to have', 'preferred'],
    ['Nice-to-haves', 'preferred'],
    ['Preferred qualifications', 'preferred'],
    ['Bonus points', 'preferred'],
    ['Bonus', 'preferred'],
    ['Pluses', 'preferred'],
    ['What makes you a good fit:', 'required'],
    ['Your attitudes we value:', 'required'],
    ['Culture fit and values', null],
    // "What we value" heads the candidate's qualities in real postings (lever/palantir-admin-partner-*,
    // read as preferred); a list of the company's own lines under it is left out by its content.
    ['What we value', 'preferred'],
    ['Things we value', null],
    ['Qualities we value', 'required'],
    ["What You'll Do", null],
    ['Benefits', null],
    ["Where You'll Be", null],
    ['Compensation and Bonus', null],
    ['About Spotify', null],
  ])('%s -> %s', (heading, expected) => {
    expect(classifyHeading(heading)).toBe(expected);
  });
});

describe('sectionsFromText', () => {
  it('reads headings, "- item" bullets and paragraphs', () => {
    const sections = sectionsFromText('Intro line of the posting.\nRequirements:\n- Go\n• Rust\n* SQL\n1. Kubernetes\nNice to have\n– Terraform');
    expect(sections).toEqual([
      { heading: null, paragraphs: ['Intro line of the posting.'], items: [] },
      { heading: 'Requirements', paragraphs: [], items: ['Go', 'Rust', 'SQL', 'Kubernetes'] },
      { heading: 'Nice to have', paragraphs: [], items: ['Terraform'] },
    ]);
    for (const s of sections) expect(() => RawSection.parse(s)).not.toThrow();
  });

  it('reads a lone "-" line as the bullet of the next line (seed 001)', () => {
    const who = sectionsFromText(seed('001')).find((s) => s.heading === 'Who You Are');
    expect(who?.items).toHaveLength(6);
    expect(who?.items[0]).toMatch(/^You have a strong background/);
  });

  it('does not take a short sentence for a heading', () => {
    const sections = sectionsFromText("Where You'll Be\nThis role is based in New York\nWe offer flexibility.");
    expect(sections).toEqual([{ heading: "Where You'll Be", paragraphs: ['This role is based in New York', 'We offer flexibility.'], items: [] }]);
  });
});

describe('extractRequirements', () => {
  it('seed 001: "Who You Are" items are required; the "strong plus" one is preferred', () => {
    const r = extractRequirements(sectionsFromText(seed('001')));
    expect(() => Requirements.parse(r)).not.toThrow();
    expect(r.required).toHaveLength(5);
    expect(r.required[0]).toMatch(/^You have a strong background in machine learning/);
    expect(r.required.at(-1)).toMatch(/^You care about agile software processes/);
    expect(r.preferred).toEqual(['Experience with TensorFlow PyTorch Scikit-learn etc. is a strong plus']);
    // "What You'll Do" and "Where You'll Be" are not requirements.
    expect([...r.required, ...r.preferred].some((i) => /A\/B test|North America/.test(i))).toBe(false);
  });

  it('seed 003: "What We\'re Looking For" items are required; "...is a plus" is preferred', () => {
    const r = extractRequirements(sectionsFromText(seed('003')));
    expect(r.required).toEqual([
      'Proven experience solving complex, real-world problems with machine learning, especially in natural language processing and generative AI',
      'Strong track record of building and deploying production-grade ML systems at scale',
      'Familiarity with large-scale data processing tools such as Apache Beam or Spark and cloud platforms like GCP or AWS',
      'Ability to design modular, maintainable architectures in collaboration with cross-functional teams',
    ]);
    expect(r.preferred).toEqual(['Experience improving LLM outputs using feedback-driven techniques like DPO or reinforcement fine-tuning is a plus']);
  });

  it('reads bold and colon pseudo-headings inside paragraphs, and "Label: text" lines', () => {
    const r = extractRequirements([
      { heading: 'About the job', paragraphs: ['**Requirements**', 'Five years of Go.', 'Nice to have:', 'Rust.'], items: [] },
      { heading: null, paragraphs: ['Must have: a driving licence'], items: [] },
    ]);
    expect(r).toEqual({ required: ['Five years of Go.', 'a driving licence'], preferred: ['Rust.'] });
  });

  it('treats paragraphs as items only when a requirements section has no list', () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: ["You'll thrive here if you have:"], items: ['TypeScript', 'Testing'] },
    ]);
    expect(r.required).toEqual(['TypeScript', 'Testing']);
  });

  it('trims bullets and drops duplicates', () => {
    const r = extractRequirements([
      { heading: 'Requirements', paragraphs: [], items: ['• SQL', 'SQL', '  - Python  ', 'python'] },
      { heading: 'Preferred qualifications', paragraphs: [], items: ['SQL', 'dbt'] },
    ]);
    expect(r).toEqual({ required: ['SQL', 'Python'], preferred: ['dbt'] });
  });

  it('keeps a leading number, sign or abbreviation that is no bullet: "1.5+ years" stays 1.5', () => {
    const r = extractRequirements([
      {
        heading: 'Requirements',
        paragraphs: [],
        items: ['1.5+ years of experience with Go', '2.5 years building APIs', 'e.g. Kafka or Pulsar', '-5% churn targets met', '1. SQL', 'a) dbt'],
      },
    ]);
    expect(r.required).toEqual(['1.5+ years of experience with Go', '2.5 years building APIs', 'e.g. Kafka or Pulsar', '-5% churn targets met', 'SQL', 'dbt']);
  });
});
