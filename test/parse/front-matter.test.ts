import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { frontMatterText, readFrontMatter } from '../../src/parse/front-matter.ts';
import { readPostingText } from '../../src/parse/pasted.ts';
import { withoutEmployer, withoutSiteName } from '../../src/parse/title.ts';

/*
 * Postings kept as Markdown by site generators (Jekyll, Hugo): the title, pay and place in
 * front matter, sometimes the whole text too. Real captures in test/corpus/real/text/.
 */

const capture = (name: string) => readFileSync(new URL(`../corpus/real/text/${name}.txt`, import.meta.url), 'utf8');

describe('front matter', () => {
  it('reads TOML between +++ lines: title, pay and place (text/h2-womens-centers-sonographer)', () => {
    const posting = annotateText(capture('h2-womens-centers-sonographer'));
    expect(posting.title).toBe('Ultrasound Tech / Sonographer');
    expect(posting.location).toBe('Pennsylvania, New Jersey');
    expect(posting.salary).toMatchObject({ min: 28, max: 30, currency: 'USD', period: 'hour' });
  });

  it('reads a folded YAML title (`title: >-` and an indented line) (text/h2-territoires-memoire-animateur-trice)', () => {
    const { title } = readPostingText(capture('h2-territoires-memoire-animateur-trice'));
    expect(title).toBe('Animateur-trice de groupes d’enfants, de jeunes et d’adultes');
  });

  it('joins a title wrapped onto an indented line (text/h2-territoires-memoire-bibliothecaire)', () => {
    expect(readPostingText(capture('h2-territoires-memoire-bibliothecaire')).title).toBe(
      'Bibliothécaire pour la Bibliothèque George Orwell et la Librairie Stéphane Hessel (H/F/X)',
    );
  });

  it('drops a comment after a quoted value and the word "Stellenausschreibung" (text/h2-quarteera-sozialarbeiter-in)', () => {
    expect(readPostingText(capture('h2-quarteera-sozialarbeiter-in')).title).toBe('Sozialarbeiter*in bzw. Sozialrechtsberater*in');
  });

  it('reads the text kept in front matter fields, under the heading each names (text/h2-merritt-woodwork-otr-truck-driver)', () => {
    const posting = annotateText(capture('h2-merritt-woodwork-otr-truck-driver'));
    expect(posting.title).toBe('Over-the-Road Truck Driver');
    expect(posting.requirements.required[0]).toMatch(/^Class "A" Commercial Driver's License/);
    expect(posting.requirements.required).toHaveLength(8);
    expect(posting.requirements.required.join(' ')).not.toMatch(/Deliver finished products/);
    expect(posting.experience).toMatchObject({ yearsMin: 3, yearsMax: 5 });
  });

  it('prefers a role field to a page title that names the employer', () => {
    expect(readPostingText('---\ntitle: The Coral Project\nrole: UX/UI Designer\n---\nText.').title).toBe('UX/UI Designer');
  });

  it('is not front matter without a closing fence, and text without it reads as before', () => {
    expect(readFrontMatter('---\ntitle: X\nNo closing line')).toBeNull();
    expect(readPostingText('Senior Data Engineer\nRequirements\n- SQL').title).toBe('Senior Data Engineer');
  });

  it('folds `>` blocks into paragraphs and keeps `|` lines', () => {
    const front = readFrontMatter('---\nrequirements: >-\n  * Class A licence with\n  3 years on the road\n\n  * A clean record\nbenefits: |\n  line one\n  line two\n---\n')!;
    expect(front.fields.get('requirements')).toBe('* Class A licence with 3 years on the road\n\n* A clean record');
    expect(front.fields.get('benefits')).toBe('line one\nline two');
    expect(frontMatterText(front.fields)).toMatch(/^## Requirements\n\n\* Class A/);
  });
});

describe('titles of text: slugs and lone facts are not titles (text/h2-flint-*)', () => {
  it.each([
    ['h2-flint-ien-rn-icu-new-mexico', 'Internationally Educated Nurse - RN - ICU'],
    ['h2-flint-nursing-educator-remote', 'Nursing Educator (Remote)'],
  ])('%s: %s', (name, title) => {
    expect(readPostingText(capture(name)).title).toBe(title);
  });
});

describe('the location a text states (text/h2-orbus-application-support-specialist)', () => {
  it('reads "**Location:** Sydney, …" as the location, so a bare $ is Australian', () => {
    const posting = annotateText(capture('h2-orbus-application-support-specialist'));
    expect(posting.location).toBe('Sydney, New South Wales, Australia (Hybrid)');
    expect(posting.salary).toMatchObject({ min: 75000, max: 85000, currency: 'AUD', period: 'year' });
  });
});

describe('the job title before the employer in text ("X bij Y", "X at Y")', () => {
  it.each([
    ['Frontend Developer bij de Nederlandse Transplantatie Stichting', 'Frontend Developer'],
    ['Head of Growth at Acme Robotics', 'Head of Growth'],
    ['Ingénieur logiciel chez Doctolib', 'Ingénieur logiciel'],
    // No role before "at": left whole.
    ['Work at Scale', 'Work at Scale'],
    ['Senior Engineer, Payments', 'Senior Engineer, Payments'],
  ])('%j: %j', (title, expected) => {
    expect(withoutEmployer(title)).toBe(expected);
  });
});

describe('a text page with front matter is a posting (text/h2-womens-centers-sonographer)', () => {
  it('reads it in the browser as the paste is read', async () => {
    const { Window } = await import('happy-dom');
    const { readProsePosting } = await import('../../src/sites/generic.ts');
    const w = new Window();
    const doc = w.document as unknown as Document;
    const pre = doc.createElement('pre');
    pre.textContent = capture('h2-womens-centers-sonographer');
    doc.body.appendChild(pre);
    expect(readProsePosting(doc, new URL('https://jobs.example.org/sonographer.md'))?.title).toBe('Ultrasound Tech / Sonographer');
    // Without the front matter its body shows too few signs of a posting.
    pre.textContent = capture('h2-womens-centers-sonographer').replace(/^\+\+\+[\s\S]*?\n\+\+\+\n/, '');
    expect(readProsePosting(doc, new URL('https://jobs.example.org/sonographer.md'))).toBeNull();
    await w.happyDOM.close();
  });
});

describe('titles that carry the site, the employer or the page (test/corpus/real/text/h3-*)', () => {
  it.each([
    ['Hauswirtschafter*in (m/w/d) | HermesHof', 'Hauswirtschafter*in (m/w/d)'],
    ['Project Archivist - New-York Historical Society', 'Project Archivist'],
    ['Sovellusarkkitehti, Esko Systems Oy', 'Sovellusarkkitehti'],
    // Board titles keep what follows a dash when it names no organisation.
    ['DFT Engineer - Nightshift', 'DFT Engineer - Nightshift'],
    ['Sales Assistant | Senior Engineer', 'Sales Assistant | Senior Engineer'],
  ])('%j: %j', (title, expected) => {
    expect(withoutSiteName(title)).toBe(expected);
  });
  it('reads the title after "NOW HIRING:" and past a page name (text/h3-pollinator-*, h3-numfocus-*)', () => {
    expect(readPostingText('NOW HIRING: Communications Coordinator\n\nWe are a small team.').title).toBe('Communications Coordinator');
    expect(readPostingText(capture('h3-numfocus-executive-director')).title).toBe('Executive Director');
    expect(readPostingText('---\ntitle: Offene Stellen\n---\n## Staatlich anerkannter Erzieher (m/w/d)\n\nWir suchen Verstärkung.').title).toBe('Staatlich anerkannter Erzieher (m/w/d)');
  });
  it('reads a posting kept in a `job_markdown: |-` field (text/h3-jonesco-trainee-production-operative-nightshift)', () => {
    const posting = annotateText(capture('h3-jonesco-trainee-production-operative-nightshift'));
    expect(posting.requirements.required[0]).toMatch(/^Minimum of 2 GCSE/);
  });
});

describe('titles: "based at" is part of the title, "Job Summary:" is not one (text/h4-*)', () => {
  it('keeps "IT support analyst, based at Ipswich County Library" whole', () => {
    expect(withoutEmployer('IT support analyst, based at Ipswich County Library')).toBe('IT support analyst, based at Ipswich County Library');
  });
  it('skips a first line "Job Summary:" when nothing better is found', () => {
    expect(readPostingText('Job Summary:\nResearch Data Analyst\nThe analyst will clean data.').title).not.toBe('Job Summary:');
  });
});

describe('escapes in a double-quoted front matter value (text/h4-cane-rosso-kitchen-manager)', () => {
  it('reads "\\r\\n" as line breaks, so the lines are a list', () => {
    const front = readFrontMatter('---\nqualifications: "Qualifications\\r\\n\\r\\n1+ years of kitchen management\\r\\nServSafe certified"\nnote: \'it\'\'s fine\'\n---\n')!;
    expect(front.fields.get('qualifications')).toBe('Qualifications\r\n\r\n1+ years of kitchen management\r\nServSafe certified');
    expect(front.fields.get('note')).toBe("it's fine");
    const posting = annotateText(capture('h4-cane-rosso-kitchen-manager'));
    expect(posting.experience?.yearsMin).toBe(1);
  });
});

describe('text pages the browser must read (text/h4-sprinkles-shift-leader, h4-zambia-research-data-analyst)', () => {
  it('reads "job_type: full_time" as the words it is, a sign of a posting', () => {
    expect(JSON.stringify(readPostingText(capture('h4-sprinkles-shift-leader')).sections)).toContain('Job type: full time');
  });
  it('reads the title named as a sentence\'s subject after a clause ("Reporting to …, the Research Data Analyst will support …")', () => {
    expect(readPostingText(capture('h4-zambia-research-data-analyst')).title).toBe('Research Data Analyst');
  });
});

describe('a front matter field that states a requirement (text/h5-aclu-colorado-paralegal, h5-ppnne-*)', () => {
  it("reads 'aa_degrees_required' as a required item", () => {
    const text = ['+++', 'title = "Paralegal "', 'aa_degrees_required = "High school degree required"', '+++', 'The Paralegal will provide support for all litigation.'].join('\n');
    expect(annotateText(text).requirements).toEqual({ required: ['High school degree required'], preferred: [] });
  });

  it('leaves out an empty or "None" value', () => {
    const text = ['---', 'title: Paralegal', 'education_required: None', '---', 'The Paralegal will provide support.'].join('\n');
    expect(annotateText(text).requirements.required).toEqual([]);
  });
});

describe('a front-matter title padded with spaces', () => {
  it('reads as its words with one space between them (the bench\'s hostile text: a title of 400 KB of spaces took minutes before)', () => {
    const text = `---\ntitle: Engineer${' '.repeat(5000)}II\n---\nWe hire.\n`;
    expect(readPostingText(text).title).toBe('Engineer II');
  });
});
