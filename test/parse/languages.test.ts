import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseExperience } from '../../src/parse/experience.ts';
import { inferredOnsite } from '../../src/parse/inferred-onsite.ts';
import { parseRemote } from '../../src/parse/remote.ts';
import { classifyHeading, extractRequirements, isOtherHeading } from '../../src/parse/requirements.ts';
import { sectionsFromText } from '../../src/parse/sections.ts';

/*
 * Postings in other languages, as held-out batch h8 showed them (Norwegian, German, Dutch, French):
 * headings, closing lines, preferences, number words, workplace lines. Each names its capture.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const policyOf = (text: string) => parseRemote({ structured: [], location: null, text }).policy;

describe('Nordic headings (aggregator/h8-amedia-*)', () => {
  it.each(['Kandidater til stillingen har', 'Kvalifikasjoner', 'Kvalifikationer', 'Vi ser etter', 'Du har'])('%s is required', (h) => {
    expect(classifyHeading(h)).toBe('required');
  });
  it.each(['Ønskelig', 'Meriterande'])('%s is preferred', (h) => {
    expect(classifyHeading(h)).toBe('preferred');
  });
  it.each(['Vi kan tilby', 'Vi tilbyr', 'Vi erbjuder', 'Arbeidsoppgaver', 'Arbetsuppgifter'])('%s is another part', (h) => {
    expect(isOtherHeading(h)).toBe(true);
  });
  it('a driver, a shop, a GP are in-person work', () => {
    expect(inferredOnsite('Tankbilsjåfør', null)).not.toBeNull();
    expect(inferredOnsite('BUTIKK OG SERVICEMEDARBEIDER', null)).not.toBeNull();
    expect(inferredOnsite('Fastlege', null)).not.toBeNull();
  });
});

describe('German (text/h8-gerolsteiner-data-analytics-engineer)', () => {
  it("reads 'Das bringst du mit.' (a heading written as a sentence) and stops at the closing lines", () => {
    const { requirements, experience, remote } = annotateText(capture('text/h8-gerolsteiner-data-analytics-engineer.txt'));
    expect(requirements.required).toHaveLength(4);
    expect(requirements.preferred).toHaveLength(1);
    expect(experience).toMatchObject({ yearsMin: 2 });
    expect(remote.policy).toBe('hybrid');
  });
  it("does not make 'Gather business requirements from lab team.' a heading", () => {
    expect(sectionsFromText('What you will be doing\n\nGather business requirements from lab team.\n\nBuild dashboards.')[0]!.heading).toBe('What you will be doing');
  });
  it('reads years written as words', () => {
    expect(parseExperience(['mindestens zwei Jahre Berufserfahrung'])).toMatchObject({ yearsMin: 2 });
    expect(parseExperience(['Je hebt minimum twee jaar werkervaring.'])).toMatchObject({ yearsMin: 2 });
    expect(parseExperience(['au moins trois ans d’expérience'])).toMatchObject({ yearsMin: 3 });
  });
});

describe('workplace lines', () => {
  it.each([
    ['Dein Arbeitsplatz: Hybrid & Flexibel', 'hybrid'],
    ['Your workplace: Remote', 'remote'],
    ['The flexibility to create your own work-life balance, by partly working from home and flexible working hours.', 'hybrid'],
  ])('%s', (text, policy) => {
    expect(policyOf(text)).toBe(policy);
  });
});

describe('Dutch and French preferences', () => {
  it("'… is een plus' and '… is een mooie troef' prefer the item; 'Wat mag je verwachten?' among the items ends the list (text/h8-maxicon-*, h8-cartiere-*)", () => {
    const r = extractRequirements([
      {
        heading: 'Jouw profiel',
        paragraphs: [],
        items: ['Sterke kennis van SQL.', 'Ervaring met Docker en PySpark is een plus.', 'Kennis van Power BI en Azure is een mooie troef.', 'Wat mag je verwachten?', 'Een vaste functie.'],
      },
    ]);
    expect(r).toEqual({ required: ['Sterke kennis van SQL.'], preferred: ['Ervaring met Docker en PySpark is een plus.', 'Kennis van Power BI en Azure is een mooie troef.'] });
  });
  it("'Sont un plus' heads a preferred list (text/h8-territoires-memoire-*)", () => {
    expect(classifyHeading('Sont un plus')).toBe('preferred');
  });
});

describe('the role a Dutch advert is for: "zijn we op zoek naar een …" (text/h8-maxicon-bi-analist-data-engineer-vlaanderen)', () => {
  it.each([
    ['Voor een stabiele onderneming zijn we op zoek naar een BI Analist/ Data Engineer.', 'BI Analist/ Data Engineer'],
    ['Voor onze klant in Gent zijn we op zoek naar een Medior Java Developer met ervaring in Spring.', 'Medior Java Developer'],
  ])('%s', (line, title) => {
    expect(annotateText(`Ben jij gepassioneerd door data?\n\n${line}\n\nJouw profiel\n- SQL`).title).toBe(title);
  });
});

describe('Italian postings (no Italian capture in the corpus yet: the words of Italian adverts, one rule each)', () => {
  it.each(['Requisiti', 'Cosa cerchiamo', 'Il tuo profilo', 'Profilo ricercato', 'Competenze richieste'])('%s is required', (h) => {
    expect(classifyHeading(h)).toBe('required');
  });
  it.each(['Costituisce titolo preferenziale', 'Gradito'])('%s is preferred', (h) => {
    expect(classifyHeading(h)).toBe('preferred');
  });
  it.each(['Cosa offriamo', 'Chi siamo', 'Responsabilità', 'Mansioni'])('%s is another part', (h) => {
    expect(isOtherHeading(h)).toBe(true);
  });
  it.each([
    ['Lavoro da remoto', 'remote'],
    ['Modalità di lavoro: ibrida', 'hybrid'],
    ['Il lavoro si svolge in sede a Milano', 'onsite'],
  ])('%s', (text, policy) => {
    expect(policyOf(text)).toBe(policy);
  });
  it('reads "Retribuzione: 1.800 € netti al mese" and "almeno 3 anni di esperienza"', () => {
    const posting = annotateText('Sviluppatore Java\n\nRetribuzione: 1.800 € netti al mese\n\nRequisiti\n- almeno 3 anni di esperienza nel ruolo\n- Java');
    expect(posting.salary).toMatchObject({ min: 1800, max: 1800, currency: 'EUR', period: 'month' });
    expect(posting.experience).toMatchObject({ yearsMin: 3 });
    expect(posting.requirements.required).toHaveLength(2);
  });
});

describe('headings with an emoji, and Chinese headings (text/h9-fisiodesk-*, h9-eleme-*, h9-xinminlabs-*)', () => {
  it("reads '## 🎯 Requisiti (must)' and '## ⭐ Plus (molto apprezzato)' as headings", () => {
    const sections = sectionsFromText('## 🎯 Requisiti (must)\n- Java\n- Spring\n## ⭐ Plus (molto apprezzato)\n- Kotlin');
    expect(sections.map((s) => s.heading)).toEqual(['Requisiti (must)', 'Plus (molto apprezzato)']);
    expect(extractRequirements(sections)).toEqual({ required: ['Java', 'Spring'], preferred: ['Kotlin'] });
  });
  it.each([
    ['任职要求', 'required'],
    ['基本要求', 'required'],
    ['加分项', 'preferred'],
  ])('%s is %s', (h, bucket) => {
    expect(classifyHeading(h)).toBe(bucket);
  });
  it.each(['岗位职责', '待遇', '福利'])('%s is another part', (h) => {
    expect(isOtherHeading(h)).toBe(true);
  });
});
