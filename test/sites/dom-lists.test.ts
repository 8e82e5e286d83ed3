import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { extractRequirements } from '../../src/parse/requirements.ts';
import { sectionsOf } from '../../src/sites/dom.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage } from '../../src/sites/registry.ts';

/*
 * Lists as editors write them: a plain paragraph that labels the list after it ("Desirable:"),
 * and sub-bullets under an item. Real captures showed each rule (test/corpus/real).
 */

const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());
const body = (html: string): Node => new window.DOMParser().parseFromString(html, 'text/html').body as unknown as Node;
const doc = window.document as unknown as Document;

function payload(path: string, item: number) {
  const json: unknown = JSON.parse(readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8'));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  return annotate(reader.readItem(items[item], { doc, single: items.length === 1 }));
}

describe('sectionsOf: a paragraph that labels a list heads it', () => {
  it('starts a section at "Minimum requirements:" and at "Desirable:" (the shape of Workday descriptions)', () => {
    const html =
      '<p>Your responsibilities will include:</p><ul><li>Lead the team</li></ul>' +
      '<p>Minimum (essential) requirements:</p><ul><li>Python</li><li>SQL</li></ul>' +
      '<p>Desirable:</p><ul><li>Spark</li></ul>';
    expect(sectionsOf(body(html))).toEqual([
      { heading: 'Your responsibilities will include', paragraphs: [], items: ['Lead the team'] },
      { heading: 'Minimum (essential) requirements', paragraphs: [], items: ['Python', 'SQL'] },
      { heading: 'Desirable', paragraphs: [], items: ['Spark'] },
    ]);
  });

  it('reads "You may be a good fit if..." and "Bonus..." as labels (Greenhouse, Warp)', () => {
    const html = '<h3>The role</h3><p>You may be a good fit if...</p><ul><li>Rust</li></ul><p>Bonus...</p><ul><li>WASM</li></ul>';
    expect(sectionsOf(body(html)).map((s) => [s.heading, s.items])).toEqual([
      ['The role', []],
      ['You may be a good fit if', ['Rust']],
      ['Bonus', ['WASM']],
    ]);
  });

  it('keeps a neutral introduction in the section it is in', () => {
    const html = '<h3>Requirements</h3><p>In this role you will need:</p><ul><li>Python</li></ul>';
    expect(sectionsOf(body(html))).toEqual([{ heading: 'Requirements', paragraphs: ['In this role you will need:'], items: ['Python'] }]);
  });

  it('leaves a "Label: value" line and a long sentence ending in a colon as paragraphs', () => {
    const html = '<p>Requirements: Python and SQL</p><p>We are a company of many people who would love to tell you about our requirements:</p>';
    expect(sectionsOf(body(html))[0]!.paragraphs).toHaveLength(2);
  });

  it('reads Kainos\'s essential and desirable lists apart (workday/kainos-lead-data-engineer)', () => {
    const posting = payload('workday/kainos-lead-data-engineer.json', 0);
    expect(posting.requirements.required).toContain('Proficient in designing analytical and operational data models');
    expect(posting.requirements.preferred).toContain('Comfortable with Data Warehouse methods and techniques');
    expect(posting.requirements.preferred).toHaveLength(5);
    expect(posting.requirements.required).not.toContain('Leading troubleshooting and tuning of activities.');
  });
});

describe('sectionsOf: sub-bullets', () => {
  it('keeps sub-bullets under a full item as part of it', () => {
    const html = '<ul><li>Strong SQL and Excel skills<ul><li>Complex queries</li><li>Financial models</li></ul></li><li>Curiosity</li></ul>';
    expect(sectionsOf(body(html))[0]!.items).toEqual(['Strong SQL and Excel skills Complex queries Financial models', 'Curiosity']);
  });

  it('folds a list written straight inside a list into the item before it (LinkedIn keeps "</li><ul>")', () => {
    const html = '<ul><li>Impact-driven approach to technology.</li><ul><li>You stay current with AI tools.</li></ul><li>Team player.</li></ul>';
    expect(sectionsOf(body(html))[0]!.items).toEqual(['Impact-driven approach to technology. You stay current with AI tools.', 'Team player.']);
  });

  it('keeps the sub-bullets of a group label as items of their own', () => {
    const html = '<ul><li>Cloud &amp; DevOps:<ul><li>Azure</li><li>Docker</li></ul></li></ul>';
    expect(sectionsOf(body(html))[0]!.items).toEqual(['Cloud & DevOps:', 'Azure', 'Docker']);
  });

  it('reads an item that wraps labelled lists as the content it holds (eightfold/microsoft-senior-electrical-engineer-london)', () => {
    const html =
      '<b>Qualifications</b><ul><li><p><strong>Required Qualifications:</strong></p><ul><li>Engineering experience<ul><li>OR a degree</li></ul></li><li>HV/LV qualification.</li></ul>' +
      '<p><strong>Background Check Requirements: </strong></p><p>Ability to pass screenings, including the following:</p><ul><li>Cloud background check.</li></ul></li></ul>';
    const sections = sectionsOf(body(html));
    expect(sections.map((s) => [s.heading, s.items])).toEqual([
      ['Qualifications', []],
      ['Required Qualifications:', ['Engineering experience', 'OR a degree', 'HV/LV qualification.']],
      ['Background Check Requirements:', ['Cloud background check.']],
    ]);
    // The "OR" line is the other way to meet the item before it.
    expect(extractRequirements(sections).required).toEqual(['Engineering experience OR a degree', 'HV/LV qualification.', 'Cloud background check.']);
  });

  it("counts Notion's nested AI-tools bullet with its parent (linkedin/notion-software-engineer-new-grad)", async () => {
    const url = 'https://www.linkedin.com/jobs/view/software-engineer-new-grad-at-notion-4406118990';
    const html = readFileSync(new URL('../corpus/real/linkedin/notion-software-engineer-new-grad.html', import.meta.url), 'utf8');
    const page = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
    const raw = readPage(new page.DOMParser().parseFromString(html, 'text/html') as unknown as Document, new URL(url));
    await page.happyDOM.close();
    const { required } = annotate(raw!).requirements;
    expect(required).toHaveLength(9);
    expect(required.find((item) => item.startsWith('Impact-driven'))).toMatch(/You stay current with the latest tools/);
  });
});

describe('sectionsOf: a question that names a part of the posting', () => {
  it("heads the list after it, so the company's lines under 'Pourquoi nous rejoindre ?' leave the profile (jsonld/logical-conseils)", () => {
    const html = '<h3>Profil recherché</h3><ul><li>SQL</li></ul><p>Pourquoi nous rejoindre ?</p><ul><li>Pôle Data Platform</li></ul>';
    expect(sectionsOf(body(html)).map((s) => [s.heading, s.items])).toEqual([
      ['Profil recherché', ['SQL']],
      ['Pourquoi nous rejoindre', ['Pôle Data Platform']],
    ]);
  });
});

describe('a heading element that holds the content (aggregator/h8-expressoemprego-*: an <h3> never closed)', () => {
  it('is read as a block: its lines, emphasised headings and items, not one heading', () => {
    const intro = 'Procuramos um(a) Analista de Operações de Contact Center para integrar um projeto com foco na monitorização da operação, análise de desempenho e otimização contínua dos processos, em estreita colaboração com as equipas de qualidade, tecnologia e negócio, num contexto internacional e exigente.';
    const html = `<h3>${intro}<br><b>Perfil Procurado</b><br>Experiência em Contact Center;<br>Fluência em inglês;<br><b>O que valorizamos</b><br>Power BI;</h3>`;
    const sections = sectionsOf(body(html));
    expect(sections.map((s) => s.heading)).toEqual([null, 'Perfil Procurado', 'O que valorizamos']);
    expect(sections[1]!.paragraphs).toEqual(['Experiência em Contact Center;', 'Fluência em inglês;']);
    expect(sections[0]!.paragraphs[0]).toBe(intro);
  });

  it('a short heading stays a heading', () => {
    expect(sectionsOf(body('<h3>Requirements</h3><ul><li>SQL</li></ul>'))[0]!.heading).toBe('Requirements');
  });
});
