import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { parseRemote } from '../../src/parse/remote.ts';

/*
 * What held-out batch h12 (test/corpus/real/*\/h12-*) showed the reader getting wrong when it was
 * measured: titles of pasted text and career pages, a workplace label whose value is a sentence,
 * an age read as years. Each rule is the pattern, with the capture that showed it.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const title = (path: string) => annotateText(capture(path)).title;

describe('titles', () => {
  it.each([
    ['text/h12-caisse-des-depots-data-scientist-fr.md', 'DATA SCIENTIST', "a labelled title in French ('Intitulé de l'offre : DATA SCIENTIST')"],
    ['career-pages/h12-darien-library-custodian.md', 'Custodian', "the role a library 'seeks'"],
    ['career-pages/h12-leeds-community-homes-clh-adviser.md', 'Community Led Housing Adviser', "'We're hiring!!!' before it"],
    ['text/h12-flint-ien-outpatient-immunization-rn-corona.md', 'IEN - Outpatient / Immunization Clinic - (RN)', "an address's slug as the first line"],
    ['text/h12-lseg-ftse-russell-lead-software-data-engineer.txt', 'Lead Software Data Engineer', "'Company: LSEG' first; 'As a Lead Software Data Engineer, you’ll' in a sentence"],
  ])('%s → %s (%s)', (path, expected) => {
    expect(title(path)).toBe(expected);
  });

  it("leaves a title's terms and workplace out: '(6 months, Full-Time Position)', 'Temporary Part-Time (…)', '- Remote'", () => {
    expect(title('text/h3-nyhs-project-archivist.txt')).toBe('Project Archivist');
    expect(title('text/h3-great-neck-library-childrens-librarian.txt')).toBe('Librarian, Children’s Department');
    expect(title('text/h6-flint-nurse-licensing-specialist-remote.md')).toBe('Nurse Licensing Specialist');
    // A bracket without a duration is the employer's wording, kept.
    expect(annotateText('Software Developer 2 (Full Time)\n\nWe are looking for a developer.').title).toBe('Software Developer 2 (Full Time)');
  });
});

describe('the workplace', () => {
  it("'Ability to Work Remotely: Onsite Full-time: The work … performed onsite' is on site, not hybrid (text/h12-lockheed-martin-*)", () => {
    expect(annotateText(capture('text/h12-lockheed-martin-manufacturing-support-team-member.md')).remote.policy).toBe('onsite');
  });

  it.each(['Pädagogische Fachkraft (m/w/d)', 'Driving Instructor'])('%s works in person', (t) => {
    expect(parseRemote({ structured: [], location: null, text: 'Apply today.', title: t }).policy).toBe('onsite');
  });

  it('an online instructor does not', () => {
    expect(parseRemote({ structured: [], location: null, text: 'Apply today.', title: 'Remote Online Instructor' }).policy).toBe('unspecified');
  });
});

describe('an age is not years of experience (career-pages/h12-hermeshof-paedagogische-fachkraft)', () => {
  it('"ab einem Alter von 13 Jahren", "aged 18 years or over"', () => {
    expect(parseExperience(['Geflüchtete ab einem Alter von 13 Jahren in ihrem Alltag begleiten.'], { requirements: true })).toBeNull();
    expect(parseExperience(['Applicants must be aged 18 years or over.'], { requirements: true })).toBeNull();
    expect(annotateText(capture('career-pages/h12-hermeshof-paedagogische-fachkraft.md')).experience).toBeNull();
  });
});

describe("a front matter's contact person (text/h8-muettergenesung-*)", () => {
  it("'position:' beside 'ansprechpartnerin:' is the contact's position; 'titel:' is the job's", () => {
    const posting = annotateText(capture('text/h8-muettergenesung-bad-wurzach-fachaerztin-allgemeinmedizin.txt'));
    expect(posting.title).toBe('Fachärztin für Allgemeinmedizin');
    expect(posting.remote.policy).toBe('onsite');
  });
});
