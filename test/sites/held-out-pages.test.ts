import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { payloadReaderFor } from '../../src/sites/payloads.ts';
import { readPage } from '../../src/sites/registry.ts';
import { parsePage } from './page.ts';

/*
 * Real captures of held-out batches (h5, h7) that the reader could not read when the batch was measured: an
 * amazon.jobs search payload, and two Portuguese JSON-LD pages (SAPO Emprego, ITJobs). Each
 * test names the pattern, which other boards and languages share, not only these pages.
 */

const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const window = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
afterAll(() => window.happyDOM.close());

function page(path: string, url: string) {
  const { doc } = parsePage(capture(path), url);
  return annotate(readPage(doc, new URL(url))!);
}

describe('a feed that keeps basic and preferred qualifications in fields of their own (career-pages/h5-amazon-jobs-api-three-uk-postings)', () => {
  const json: unknown = JSON.parse(capture('career-pages/h5-amazon-jobs-api-three-uk-postings.json'));
  const reader = payloadReaderFor(json)!;
  const items = reader.items(json);
  const read = (i: number) => annotate(reader.readItem(items[i], { doc: window.document as unknown as Document, single: false }));

  it('reads basic_qualifications as required and preferred_qualifications as preferred', () => {
    const { requirements } = read(2);
    expect(requirements.required.length).toBe(5);
    expect(requirements.preferred.length).toBe(6);
  });

  it("leaves out the line about the list itself ('Preferred qualifications are not required to apply …')", () => {
    const { requirements } = read(0);
    expect(requirements.preferred.some((item) => /not required to apply/.test(item))).toBe(false);
    expect(requirements.preferred.length).toBe(4);
  });
});

describe('Portuguese postings', () => {
  it("reads 'Perfil:', 'Responsabilidades' and 'Oferecemos:' as three lists, only the first as requirements, with '(valorizado)' items preferred (jsonld/h5-sapo-emprego-*)", () => {
    const posting = page('jsonld/h5-sapo-emprego-olisipo-software-developer-lisboa.html', 'https://emprego.sapo.pt/offers/software-developer?id=c88530f3-6fe8-488e-a901-41e95521df36');
    expect(posting.requirements.required.length).toBe(10);
    expect(posting.requirements.preferred).toEqual(['Experiência com Microsoft Power Platform (valorizado);', 'Experiência em integrações com Primavera ERP (valorizado).']);
    expect(posting.experience).toMatchObject({ yearsMin: 4, evidence: expect.stringContaining('Experiência mínima de 4 anos') });
  });

  it("ends a plain-line list at 'Localidade:' and reads 'Modelo de trabalho: Híbrido' as the policy (jsonld/h5-itjobs-*)", () => {
    const posting = page('jsonld/h5-itjobs-to-be-portugal-software-developer-coimbra.html', 'https://www.itjobs.pt/oferta/516462');
    expect(posting.requirements.required).toHaveLength(4);
    expect(posting.remote.policy).toBe('hybrid');
  });

  it("reads the pay a page shows in its 'Salário' field when its JSON-LD has none (jsonld/h5-itjobs-*)", () => {
    const posting = page('jsonld/h5-itjobs-to-be-portugal-software-developer-coimbra.html', 'https://www.itjobs.pt/oferta/516462');
    expect(posting.salary).toMatchObject({ min: 20000, max: 40000, currency: 'EUR', period: 'year' });
    expect(posting.salary?.evidence).toContain('Salário');
  });
});

describe('a labelled pay field on a JSON-LD page', () => {
  const ld = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"JobPosting","title":"Nurse","description":"<p>Ward nurse.</p>"}</script>';
  it('is read only when the label is the whole text of its element and a figure follows', () => {
    const url = 'https://jobs.example.org/1';
    const withField = parsePage(`<html><head>${ld}</head><body><ul><li><span>Salary</span><span>£30,000 - £34,000 per year</span></li></ul></body></html>`, url).doc;
    expect(annotate(readPage(withField, new URL(url))!).salary).toMatchObject({ min: 30000, max: 34000, currency: 'GBP' });
    const competitive = parsePage(`<html><head>${ld}</head><body><ul><li><span>Salary</span><span>Competitive</span></li></ul><p>Pay reviews 2024</p></body></html>`, url).doc;
    expect(annotate(readPage(competitive, new URL(url))!).salary).toBeNull();
    const prose = parsePage(`<html><head>${ld}</head><body><p>Salary reviews happen each year. <span>2025</span></p></body></html>`, url).doc;
    expect(annotate(readPage(prose, new URL(url))!).salary).toBeNull();
  });
});

describe("amazon.jobs' locations typed ONSITE (career-pages/h5-amazon-jobs-api-three-uk-postings #1)", () => {
  it('reads the type inside each JSON-encoded location as the workplace', () => {
    const json: unknown = JSON.parse(capture('career-pages/h5-amazon-jobs-api-three-uk-postings.json'));
    const reader = payloadReaderFor(json)!;
    const posting = annotate(reader.readItem(reader.items(json)[1], { doc: window.document as unknown as Document, single: false }));
    expect(posting.remote).toMatchObject({ policy: 'onsite', source: 'board' });
  });
});

describe("a known heading of up to five words before a list (recruitee/h7-aikido-security-*)", () => {
  it("'What you can expect' ends the requirements list the paragraph sits between", () => {
    const json: unknown = JSON.parse(capture('recruitee/h7-aikido-security-cse-tel-aviv-dubai-office-manager-chicago.json'));
    const reader = payloadReaderFor(json)!;
    const posting = annotate(reader.readItem(reader.items(json)[0], { doc: window.document as unknown as Document, single: false }));
    expect(posting.requirements.required).toHaveLength(5);
    expect(posting.requirements.required).not.toContain('Flexibility in working hours');
  });
});

describe("Avature's microdata with the title outside the posting's item (career-pages/h7-cu-boulder-director-protective-services)", () => {
  it("takes the page's one title property that belongs to no item", () => {
    const url = 'https://jobs.colorado.edu/jobs/JobDetail/Director-of-Protective-Services/74468';
    const posting = page('career-pages/h7-cu-boulder-director-protective-services.html', url);
    expect(posting.title).toBe('Director of Protective Services');
  });
});
