import { readFileSync } from 'node:fs';
import { annotate } from '../../src/annotate.ts';
import { readPage } from '../../src/sites/registry.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonLdAdapter, parseLooseJson, readJsonLdPosting, readJsonLdPostings } from '../../src/sites/jsonld.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';

const URL_ = 'https://careers.example.org/jobs/rn-ward-7';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function page(...blocks: string[]): Document {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('\n');
  const { doc, close } = parsePage(`<html><head>${scripts}</head><body><h1>Page</h1></body></html>`, URL_);
  closers.push(close);
  return doc;
}

const NURSE = {
  '@context': 'https://schema.org',
  '@type': 'JobPosting',
  title: 'Registered Nurse – Ward 7',
  hiringOrganization: { '@type': 'Organization', name: "St Aidan's Hospital" },
  jobLocation: [
    {
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: 'Manchester', addressRegion: 'Greater Manchester', addressCountry: 'United Kingdom' },
    },
  ],
  employmentType: ['FULL_TIME'],
  baseSalary: {
    '@type': 'MonetaryAmount',
    currency: 'GBP',
    value: { '@type': 'QuantitativeValue', minValue: '35392', maxValue: '42618', unitText: 'YEAR' },
  },
  experienceRequirements: { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 12 },
  identifier: { '@type': 'PropertyValue', name: "St Aidan's Hospital", value: 'SAH-RN-2026-117' },
  description: '<p>Ward 7 is a 28-bed acute medical ward.</p><h3>Essential criteria</h3><ul><li>Current NMC registration</li><li>12 months of acute care experience</li></ul>',
};

describe('readJsonLdPosting', () => {
  it('maps a JobPosting to the parts of a raw posting', () => {
    const ld = readJsonLdPosting(page(JSON.stringify(NURSE)));
    expect(ld).toEqual({
      title: 'Registered Nurse – Ward 7',
      company: "St Aidan's Hospital",
      experienceText: null,
      location: 'Manchester, Greater Manchester, United Kingdom',
      address: null,
      commitment: 'FULL_TIME',
      workplace: [],
      payStructured: [
        {
          min: 35392,
          max: 42618,
          currency: 'GBP',
          period: 'year',
          source: 'jsonld',
          evidence: 'JSON-LD baseSalary: 35392–42618 GBP per YEAR',
        },
      ],
      payText: [],
      experienceMonths: { months: 12, evidence: 'JSON-LD experienceRequirements.monthsOfExperience: 12' },
      sections: [
        { heading: null, paragraphs: ['Ward 7 is a 28-bed acute medical ward.'], items: [] },
        { heading: 'Essential criteria', paragraphs: [], items: ['Current NMC registration', '12 months of acute care experience'] },
      ],
      jobId: 'SAH-RN-2026-117',
      url: null,
    });
  });

  it("keeps jobLocation's streetAddress apart from the location shown, so the remote reader can tell a street address says on site", () => {
    const placed = {
      ...NURSE,
      jobLocation: [
        { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: 'Blvd. Luis Donaldo Colosio No. 703', addressLocality: 'Hermosillo', addressCountry: 'MX' } },
        { '@type': 'Place', address: { '@type': 'PostalAddress', streetAddress: 'Blvd. Luis Donaldo Colosio No. 703', addressLocality: 'Hermosillo', addressCountry: 'MX' } },
      ],
    };
    const ld = readJsonLdPosting(page(JSON.stringify(placed)));
    expect(ld?.address).toBe('Blvd. Luis Donaldo Colosio No. 703');
    expect(ld?.location).not.toContain('Colosio');
  });

  it('reads a JobPosting inside an array', () => {
    expect(readJsonLdPosting(page(JSON.stringify([{ '@type': 'WebPage' }, NURSE])))?.title).toBe('Registered Nurse – Ward 7');
  });

  it("leaves the employer's name out of a title that ends with it ('Sovellusarkkitehti, Esko Systems Oy', as Kuntarekry writes it), and keeps a title that only contains it", () => {
    const titled = (title: string) => readJsonLdPosting(page(JSON.stringify({ ...NURSE, title, hiringOrganization: { name: 'Esko Systems Oy' } })))?.title;
    expect(titled('Sovellusarkkitehti, Esko Systems Oy')).toBe('Sovellusarkkitehti');
    expect(titled('Nurse at Esko Systems Oy')).toBe('Nurse');
    expect(titled('Nurse - Esko Systems Oy')).toBe('Nurse');
    expect(titled('Esko Systems Oy Nurse')).toBe('Esko Systems Oy Nurse');
    expect(titled('Esko Systems Oy')).toBe('Esko Systems Oy');
  });

  it('reads a JobPosting inside @graph', () => {
    const graph = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'Careers' }, { ...NURSE, '@context': undefined }] };
    expect(readJsonLdPosting(page(JSON.stringify(graph)))?.company).toBe("St Aidan's Hospital");
  });

  it('reads @type given as a list or a full IRI', () => {
    expect(readJsonLdPosting(page(JSON.stringify({ ...NURSE, '@type': ['JobPosting', 'Thing'] })))?.title).toBeTruthy();
    expect(readJsonLdPosting(page(JSON.stringify({ ...NURSE, '@type': 'http://schema.org/JobPosting' })))?.title).toBeTruthy();
  });

  it('looks through several blocks, skipping ones that are not JSON or not a JobPosting', () => {
    const doc = page('{ "@type": "Organization", "name": "Acme" }', '{not valid json}', JSON.stringify(NURSE));
    expect(readJsonLdPosting(doc)?.title).toBe('Registered Nurse – Ward 7');
  });

  it('repairs raw newlines inside strings and trailing commas', () => {
    const malformed = `{
  "@context": "https://schema.org",
  "@type": "JobPosting",
  "title": "Pharmacist",
  "description": "Dispense prescriptions accurately.
Counsel patients on their medicines.",
  "hiringOrganization": { "@type": "Organization", "name": "Farmacia Alameda", },
  "jobLocation": { "@type": "Place", "address": { "addressLocality": "Santiago", "addressCountry": "Chile", }, },
}`;
    const ld = readJsonLdPosting(page(malformed));
    expect(ld).toMatchObject({ title: 'Pharmacist', company: 'Farmacia Alameda', location: 'Santiago, Chile' });
    // A plain-text description keeps its line break: each line is a paragraph.
    expect(ld?.sections).toEqual([
      { heading: null, paragraphs: ['Dispense prescriptions accurately.', 'Counsel patients on their medicines.'], items: [] },
    ]);
  });

  it('gives up on JSON it cannot repair', () => {
    const broken = '{ "@context": "https://schema.org", "@type": "JobPosting", "title": "Assistant Accountant", "description": "<p>Unterminated';
    expect(parseLooseJson(broken)).toBeUndefined();
    expect(readJsonLdPosting(page(broken))).toBeNull();
  });

  it('reads an HTML-escaped description as HTML', () => {
    const escaped = {
      ...NURSE,
      description: '&lt;p&gt;Collect and analyse investor data.&lt;/p&gt;&lt;p&gt;&lt;strong&gt;Requirements&lt;/strong&gt;&lt;/p&gt;&lt;ul&gt;&lt;li&gt;8 years experience&lt;/li&gt;&lt;/ul&gt;',
    };
    expect(readJsonLdPosting(page(JSON.stringify(escaped)))?.sections).toEqual([
      { heading: null, paragraphs: ['Collect and analyse investor data.'], items: [] },
      { heading: 'Requirements', paragraphs: [], items: ['8 years experience'] },
    ]);
  });

  it('reads a description written with bold headings, <br> lines, bullet characters and nested lists', () => {
    const description = [
      '<div><b>About the role</b><br>We run the ward.<br>Shifts vary.</div>',
      '<p><strong>Requirements:</strong></p>',
      '<p>• NMC registration<br>• 12 months acute experience</p>',
      '<ul><li>Clinical skills:<ul><li>Cannulation</li><li>IV medicines</li></ul></li></ul>',
      '<p><strong>Note:</strong> interviews are in person.</p>',
      '<p><strong>We are an equal opportunity employer.</strong></p>',
      '<script>ignored()</script><style>p{}</style>',
    ].join('');
    // As pages write it: "</" escaped, so the description cannot end the <script> block.
    const json = JSON.stringify({ ...NURSE, description }).replace(/<\//g, '<\\/');
    expect(readJsonLdPosting(page(json))?.sections).toEqual([
      { heading: 'About the role', paragraphs: ['We run the ward.', 'Shifts vary.'], items: [] },
      {
        heading: 'Requirements:',
        paragraphs: ['Note: interviews are in person.', 'We are an equal opportunity employer.'],
        items: ['NMC registration', '12 months acute experience', 'Clinical skills:', 'Cannulation', 'IV medicines'],
      },
    ]);
  });

  it('reads jobLocationType TELECOMMUTE as a workplace field', () => {
    const ld = readJsonLdPosting(page(JSON.stringify({ ...NURSE, jobLocationType: 'TELECOMMUTE' })));
    expect(ld?.workplace).toEqual([{ value: 'TELECOMMUTE', source: 'jsonld', field: 'JSON-LD jobLocationType' }]);
  });

  it.each([
    [{ currency: 'USD', value: { '@type': 'QuantitativeValue', value: 40, unitText: 'HOUR' } }, { min: 40, max: 40, period: 'hour' }],
    [{ currency: 'usd', value: { minValue: 25, maxValue: 32, unitText: 'hour' } }, { min: 25, max: 32, currency: 'USD', period: 'hour' }],
    [{ currency: 'USD', minValue: 100000, maxValue: 120000, unitText: 'YEAR' }, { min: 100000, max: 120000, period: 'year' }],
    [{ currency: 'USD', value: { value: '$100,000', unitText: 'YEAR' } }, { min: 100000, max: 100000, period: 'year' }],
    [{ currency: 'EUR', value: { minValue: 3000, maxValue: 3500, unitText: 'MONTH' } }, { currency: 'EUR', period: 'month' }],
    // No unitText: the period is read from the size, and marked so (issue 10; common on real pages).
    [{ currency: 'USD', value: { minValue: 25, maxValue: 32 } }, { min: 25, max: 32, period: 'hour', periodInferred: true }],
  ])('reads baseSalary %j', (baseSalary, expected) => {
    const ld = readJsonLdPosting(page(JSON.stringify({ ...NURSE, baseSalary })));
    expect(ld?.payStructured[0]).toMatchObject({ source: 'jsonld', ...expected });
  });

  it.each([
    // Neither stated nor clear from the size: a week's pay? a month's?
    [{ currency: 'USD', value: { minValue: 2500, maxValue: 3200 } }],
    [{ value: { minValue: 25, maxValue: 32, unitText: 'HOUR' } }],
    [{ currency: 'USD', value: { minValue: 'competitive', unitText: 'YEAR' } }],
    ['competitive'],
  ])('leaves out a baseSalary with no currency, period or figure: %j', (baseSalary) => {
    const ld = readJsonLdPosting(page(JSON.stringify({ ...NURSE, baseSalary })));
    expect(ld?.title).toBe('Registered Nurse – Ward 7');
    expect(ld?.payStructured).toEqual([]);
  });

  it('keeps the other fields when one is malformed', () => {
    const ld = readJsonLdPosting(page(JSON.stringify({ ...NURSE, hiringOrganization: 42, jobLocation: 'nowhere', experienceRequirements: 'Minimum 3 years' })));
    expect(ld).toMatchObject({ title: 'Registered Nurse – Ward 7', company: '42', location: null, experienceMonths: null });
  });

  it('is null for a page without a JobPosting', () => {
    expect(readJsonLdPosting(page('{ "@type": "Organization", "name": "Acme" }'))).toBeNull();
    expect(readJsonLdPosting(page())).toBeNull();
  });

  it('is null for a listing page describing several different jobs', () => {
    const doc = page(JSON.stringify([NURSE, { ...NURSE, title: 'Healthcare Assistant', identifier: 'HCA-1' }]));
    expect(readJsonLdPostings(doc)).toHaveLength(2);
    expect(readJsonLdPosting(doc)).toBeNull();
  });

  it('reads the same JobPosting given twice as one', () => {
    expect(readJsonLdPosting(page(JSON.stringify(NURSE), JSON.stringify(NURSE)))?.title).toBe('Registered Nurse – Ward 7');
  });
});

describe('jsonLdAdapter', () => {
  it('matches no URL by itself', () => {
    expect(jsonLdAdapter.matches(new URL(URL_))).toBe(false);
  });

  it('reads any page with a JobPosting into a raw posting named after the site', () => {
    const raw = jsonLdAdapter.extract(page(JSON.stringify(NURSE)), new URL('https://www.careers.example.org/jobs/rn?utm_source=x'));
    expect(RawPosting.safeParse(raw).success).toBe(true);
    expect(raw).toMatchObject({
      site: 'careers.example.org',
      jobId: 'SAH-RN-2026-117',
      title: 'Registered Nurse – Ward 7',
      department: null,
      payText: [],
    });
  });

  it('is null for a page without one', () => {
    expect(jsonLdAdapter.extract(page(), new URL(URL_))).toBeNull();
  });
});

describe('JSON-LD baseSalary without unitText (common on real pages)', () => {
  it('infers the period from the size, marks it inferred, and says so in the evidence', async () => {
    const { Window } = await import('happy-dom');
    const { readPage } = await import('../../src/sites/registry.ts');
    const { annotate } = await import('../../src/annotate.ts');
    const window = new Window({ url: 'https://careers.example.org/jobs/1' });
    const doc = window.document as unknown as Document;
    doc.documentElement.innerHTML = `<head><script type="application/ld+json">${JSON.stringify({
      '@type': 'JobPosting',
      title: 'Analyst',
      description: '<p>Analyse things.</p>',
      baseSalary: { '@type': 'MonetaryAmount', currency: 'GBP', value: { '@type': 'QuantitativeValue', minValue: 42000, maxValue: 48000 } },
    })}</script></head><body><h1>Analyst</h1></body>`;
    const posting = annotate(readPage(doc, new URL('https://careers.example.org/jobs/1'))!);
    expect(posting.salary).toMatchObject({ min: 42000, max: 48000, currency: 'GBP', period: 'year', periodInferred: true });
    expect(posting.salary?.evidence).toContain('no unitText');
    await window.happyDOM.close();
  });
});

describe('JSON-LD unitText as real pages write it', () => {
  it('reads MONTHLY, ANNUAL, PER_HOUR', async () => {
    const { periodOfUnitText } = await import('../../src/model/pay.ts');
    expect(['MONTHLY', 'Annual', 'PER_HOUR', 'YEAR', 'fortnight'].map(periodOfUnitText)).toEqual(['month', 'year', 'hour', 'year', null]);
  });
});

describe('JSON-LD baseSalary written as a sentence (jsonld/h3-valtiolle-palkeet-paakirjanpitaja)', () => {
  it('reads the sentence as pay text, not its digits run together as one number', () => {
    const html = readFileSync(new URL('../corpus/real/jsonld/h3-valtiolle-palkeet-paakirjanpitaja.html', import.meta.url), 'utf8');
    const url = 'https://www.valtiolle.fi/jobs/paakirjanpitaja';
    const raw = readPage(parsePage(html, url).doc, new URL(url))!;
    expect(raw.payStructured).toEqual([]);
    expect(annotate(raw).salary).toMatchObject({ min: 3270.19, max: 3270.19, currency: 'EUR', period: 'month' });
  });
});
