import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPostingText } from '../../src/parse/pasted.ts';
import { isGenericTitle, titleFromText } from '../../src/parse/title.ts';

const REAL = new URL('../corpus/real/text/', import.meta.url);
const seed = (prefix: string) => {
  const file = readdirSync(REAL).find((f) => f.startsWith(prefix) && f.endsWith('.txt'));
  if (!file) throw new Error(`no capture ${prefix}*.txt in test/corpus/real/text`);
  return readFileSync(new URL(file, REAL), 'utf8');
};

describe('titleFromText: the title of posting text as people copy it', () => {
  it('takes the last step of a breadcrumb (seed 000, an aggregator page copied as text)', () => {
    expect(titleFromText(seed('seed-000')).title).toBe('Senior Machine Learning Engineer, Personalization, Music Understanding');
  });

  it("passes over the site's navigation to the line the page repeats (seed 002)", () => {
    const { title, line } = titleFromText(seed('seed-002'));
    expect(title).toBe('Machine Learning Engineer, Personalization, Samba');
    expect(line).toBe(4);
  });

  it('reads "looking for a <title> to join" when the text starts with the first paragraph (seed 003)', () => {
    expect(titleFromText(seed('seed-003'))).toEqual({ title: 'Machine Learning Engineer', line: null });
  });

  it('keeps a plain first line that is a title (seed 001)', () => {
    expect(titleFromText(seed('seed-001'))).toEqual({ title: 'Senior Machine Learning Engineer', line: 0 });
  });

  it('takes a title said outright, quoted or in front matter', () => {
    expect(titleFromText('Job Category: Software\nPosition Title: Software Developer 2 (Full Time)\nAbout us').title).toBe('Software Developer 2 (Full Time)');
    expect(titleFromText('---\ntitle: "Process Validation Engineer "\n---\nWe make soap.').title).toBe('Process Validation Engineer');
  });

  it('does not take a sentence, a list item or a section heading for the title', () => {
    expect(titleFromText('About the job\nWe are looking for an AI Software Developer\nThe pay is good.').title).toBe('AI Software Developer');
    expect(titleFromText('About Us\nWe sell shoes.\nResponsibilities:\nCollaborate with Forward Deployed Engineers').title).not.toMatch(/Collaborate/);
  });

  it('falls back to the first line, and never throws', () => {
    expect(titleFromText('\n\nLunch order\nTwo sandwiches.')).toEqual({ title: 'Lunch order', line: 2 });
    expect(titleFromText('')).toEqual({ title: '', line: null });
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const { title } = titleFromText(text);
        expect(typeof title).toBe('string');
      }),
    );
  });
});

describe('titleFromText: titles as real pasted postings give them (test/corpus/real/text)', () => {
  it.each([
    ['# [Senior Software Engineer](https://www.remotewlb.com/apply/senior-software-engineer-86987)  \n### PensionBee', 'Senior Software Engineer'],
    ['### **Data Analyst**\nABC', 'Data Analyst'],
    ['Description\n\nThe Kroger Senior Sales Insights Manager will be responsible for identifying business needs.', 'Kroger Senior Sales Insights Manager'],
    ['Trolley is the payouts platform.\nTrolley is seeking a self-driven individual to join our team as an Analytics Engineer. Reporting to the VP.', 'Analytics Engineer'],
    ['Do you want to work with us?\nMake a difference with us as:  Intern Data & GenAI / M&A Analytics (m/f/d) .', 'Intern Data & GenAI / M&A Analytics (m/f/d)'],
    ['About the job\nLAUNCH – Join AHEAD\'s Associate Development Program\nAHEAD builds platforms.\nAssociate AI Engineer\nWhat you will do', 'Associate AI Engineer'],
  ])('%j', (text, title) => {
    expect(titleFromText(text).title).toBe(title);
  });
});

describe('what is not a title in text (h6 texts read after the batch was measured)', () => {
  it('reads a front matter "titel" (text/h6-muettergenesung-lossburg-pflegefachkraft)', () => {
    const text = ['---', 'layout: job', 'titel: "Pflegefachkraft"', 'klinik: "Loßburg"', '---', '## Aufgaben:', '- Mitarbeit im Team'].join('\n');
    expect(readPostingText(text).title).toBe('Pflegefachkraft');
  });

  it("never takes a fact line ('Salary: £33,309 …') for the title", () => {
    expect(titleFromText('Salary: £33,309-£36,383 plus 33 days of annual leave.\n\nThe contract will be open-ended.').title).not.toMatch(/^Salary/);
  });

  it("takes an announcement ('Long-term position in Ragland, New Zealand') for the page's name, not the role", () => {
    expect(isGenericTitle('Long-term position in Ragland, New Zealand')).toBe(true);
    expect(isGenericTitle('Postdoc position in Oceanography (Edinburgh, UK)')).toBe(true);
    expect(isGenericTitle('Physical Oceanographer - WaveWatch III Modeller')).toBe(false);
  });
});

describe('titles of pasted text in held-out batch h9 (read after it was measured)', () => {
  it.each([
    ['* Junior Software Developer\nCloverhound, Inc.\nCharlotte, NC', 'Junior Software Developer'],
    ['# Job Description for Associate Lead, Software Development Engineer in Test (SDET)\n**Job ID:** R0098555', 'Associate Lead, Software Development Engineer in Test (SDET)'],
    ['# Developer Intern - Job Description\n## About Weaverse\nWeaverse is a platform.', 'Developer Intern'],
    ['## About The Role\nCrowdStrike Services is seeking a Sr. Platform Operations Specialist who would be responsible for the platform.', 'Sr. Platform Operations Specialist'],
    ['# Responsibilities\n## THE ROLE:\nWe are seeking a motivated and detail-oriented Verification Engineer to join our DDR PHY IP development team.', 'Verification Engineer'],
  ])('%s', (text, title) => {
    expect(readPostingText(text).title).toBe(title);
  });

  it('a bulleted line further down is an item, not the title', () => {
    expect(readPostingText('Acme | Senior Engineer, Staff Engineer | Berlin\nOpen roles:\n- Senior Engineer\n- Staff Engineer').title).not.toBe('Senior Engineer');
  });
});
