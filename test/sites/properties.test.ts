import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { Posting, RawPosting } from '../../src/model/index.ts';
import { readPage, urlOfPage } from '../../src/sites/registry.ts';

/*
 * Any DOM: pages built at random from the pieces real posting pages are made of (Lever's
 * class names and data-qa attributes, JSON-LD blocks well and badly formed, lists,
 * headings, money, deep nesting, stray text), read at a Lever posting URL and at hosts
 * no adapter claims. `readPage` never throws and hands on null or a valid RawPosting;
 * `annotate` of that never throws and gives a valid Posting.
 */

const URLS = [
  'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  'https://jobs.eu.lever.co/quadcode/4b3a9532-8f64-47c7-9d4b-bfca2dcc9de1/',
  'https://jobs.lever.co/spotify',
  'https://careers.example.com/jobs/1234?utm_source=x',
  'http://unknown-host.test/',
] as const;

/**
 * A window per page, closed before the next: happy-dom keeps every document a window's
 * DOMParser made until the window closes, so one window for hundreds of pages runs out of memory.
 */
async function withDocument(url: string, html: string, use: (doc: Document) => void): Promise<void> {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  try {
    use(new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document);
  } finally {
    await window.happyDOM.close();
  }
}

// ---------------------------------------------------------------------------------------
// Text

const WORDS = [
  'Remote', 'Hybrid', 'On-site', 'onsite', 'North America', 'EMEA', 'New York, NY', 'EST', 'CET +/- 2h', 'Who You Are',
  "What You'll Do", 'Requirements', 'Nice to have', 'Preferred', 'is a plus', '5+ years of experience', '3-5 years',
  'at least three days a week', 'not eligible for remote work', '#LI-Remote', '$184,050 $262,928', '$148,901- $212,716',
  '$176166 $251666', '$210,000 - $260,000 a year', '£91K – £115K', '€55.000 - €70.000 per year', '₹18,00,000', '12-18 LPA',
  '$0 - $0', '$1e308', '99999999999999999999', '401(k)', 'per hour', '/yr', 'OTE', '(LinkedIn est.)', 'Zone 1 Pay Range',
  '&amp;', '&#8211;', '&#xZZ;', '&lt;li&gt;', '\u00a0', '\u200b', '\ufeff', '—', '-', '•', '\n', ' ', 'Apply for this job',
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 8 }).map((w) => w.join(' ')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
);

/** Text as it appears in HTML: escaped, or raw (so `<` and `&` may start markup). */
const htmlText = fc.oneof(
  { weight: 4, arbitrary: text.map((t) => t.replace(/&(?![#a-z])/gi, '&amp;').replace(/</g, '&lt;')) },
  { weight: 1, arbitrary: text },
);

const attrText = text.map((t) => t.replace(/&/g, '&amp;').replace(/"/g, '&quot;'));

// ---------------------------------------------------------------------------------------
// JSON-LD

const jsonScalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...WORDS),
  // Bounded: see the known bug at the end of this file.
  fc.double(),
  fc.integer(),
  fc.constantFrom(-1, 0, 1e15, -1e15, 5e-324, 120000, '120000', '$100,000', '120k', 'NaN', 'Infinity', '', null, true),
);

const amount = fc.oneof(jsonScalar, fc.constantFrom(150000, 200000, 35, '35.5'));

const baseSalary = fc.record(
  {
    '@type': fc.constantFrom('MonetaryAmount', 'PriceSpecification', 'x'),
    currency: fc.oneof(fc.constantFrom('USD', 'usd', 'EUR', 'GBP', ' CAD ', 'US$', '', 'XXXX'), jsonScalar),
    value: fc.oneof(
      amount,
      fc.record(
        {
          '@type': fc.constant('QuantitativeValue'),
          value: amount,
          minValue: amount,
          maxValue: amount,
          unitText: fc.oneof(fc.constantFrom('HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR', 'year', 'FORTNIGHT', ''), jsonScalar),
        },
        { requiredKeys: [] },
      ),
    ),
    minValue: amount,
    maxValue: amount,
    unitText: fc.constantFrom('HOUR', 'YEAR', 'MONTH'),
  },
  { requiredKeys: [] },
);

/** A description as a page's JSON-LD carries it: HTML, HTML escaped once more, or text. */
const ldDescription = fc
  .array(fc.oneof(htmlText, fc.constantFrom('<p>', '</p>', '<ul><li>', '</li></ul>', '<h3>Who You Are</h3>', '<br>', '<b>Requirements</b>')), {
    maxLength: 12,
  })
  .chain((parts) => fc.constantFrom(parts.join(''), parts.join('').replace(/</g, '&lt;').replace(/>/g, '&gt;')));

const jobPosting = fc.record(
  {
    '@context': fc.constant('https://schema.org'),
    '@type': fc.oneof(fc.constantFrom('JobPosting', 'schema:JobPosting', 'http://schema.org/JobPosting', 'WebPage'), fc.constant(['JobPosting'])),
    title: fc.oneof(text, jsonScalar),
    name: text,
    description: fc.oneof(ldDescription, jsonScalar),
    url: fc.oneof(fc.constantFrom(...URLS), fc.constantFrom('javascript:alert(1)', 'not a url', 'ftp://x.test/'), text),
    identifier: fc.oneof(jsonScalar, fc.record({ '@type': fc.constant('PropertyValue'), value: jsonScalar, name: jsonScalar }, { requiredKeys: [] })),
    hiringOrganization: fc.oneof(text, fc.record({ '@type': fc.constant('Organization'), name: jsonScalar }, { requiredKeys: [] })),
    datePosted: jsonScalar,
    jobLocation: fc.oneof(
      jsonScalar,
      fc.array(
        fc.record(
          {
            '@type': fc.constant('Place'),
            name: jsonScalar,
            address: fc.oneof(
              text,
              fc.record({ addressLocality: jsonScalar, addressRegion: jsonScalar, addressCountry: fc.oneof(jsonScalar, fc.record({ name: jsonScalar })) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    ),
    jobLocationType: fc.oneof(fc.constantFrom('TELECOMMUTE', 'telecommute', 'ONSITE', ''), jsonScalar, fc.array(jsonScalar, { maxLength: 3 })),
    employmentType: fc.oneof(fc.constantFrom('FULL_TIME', 'CONTRACTOR'), fc.array(jsonScalar, { maxLength: 3 })),
    baseSalary: fc.oneof(baseSalary, fc.array(baseSalary, { maxLength: 3 }), jsonScalar),
    experienceRequirements: fc.oneof(
      jsonScalar,
      fc.record({ '@type': fc.constant('OccupationalExperienceRequirements'), monthsOfExperience: amount }, { requiredKeys: [] }),
      fc.array(fc.record({ monthsOfExperience: amount }, { requiredKeys: [] }), { maxLength: 2 }),
    ),
  },
  { requiredKeys: ['@type'] },
);

/** The block's text: good JSON, a @graph, random JSON, or broken in the ways real pages break it. */
const jsonLdBody = fc.oneof(
  { weight: 3, arbitrary: jobPosting.map((p) => JSON.stringify(p)) },
  { weight: 1, arbitrary: fc.array(jobPosting, { maxLength: 3 }).map((list) => JSON.stringify({ '@context': 'https://schema.org', '@graph': list })) },
  { weight: 1, arbitrary: fc.array(jobPosting, { maxLength: 3 }).map((list) => JSON.stringify(list)) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(jobPosting.map((p) => JSON.stringify(p, null, 1)), fc.nat(), fc.constantFrom('cut', 'comma', 'newline', 'comment', 'cdata', 'garbage'))
      .map(([json, n, how]) => {
        const at = json.length ? n % json.length : 0;
        switch (how) {
          case 'cut':
            return json.slice(0, at);
          case 'comma':
            return json.replace(/}$/, ',}');
          case 'newline':
            return json.replace(/": "/g, '": "line\nbreak ');
          case 'comment':
            return `<!--${json}-->`;
          case 'cdata':
            return `/*<![CDATA[*/${json}/*]]>*/`;
          default:
            return `${json.slice(0, at)}\u0000{]"${json.slice(at)}`;
        }
      }),
  },
);

const jsonLdBlock = jsonLdBody.map(
  (body) => `<script type="application/ld+json">${body.replace(/<\/script/gi, '<\\/script')}</script>`,
);

// ---------------------------------------------------------------------------------------
// Markup

const LEVER_CATEGORY = [
  'sort-by-time posting-category medium-category-label width-full capitalize-labels location',
  'sort-by-team posting-category medium-category-label capitalize-labels department',
  'sort-by-commitment posting-category medium-category-label capitalize-labels commitment',
  'posting-category medium-category-label capitalize-labels workplaceTypes',
];

const BLOCK_OPENERS = [
  '<div class="section page-centered" data-qa="job-description">',
  '<div class="section page-centered">',
  '<div class="section page-centered" data-qa="closing-description">',
  '<div class="section page-centered" data-qa="salary-range">',
  '<div class="section page-centered last-section-apply" data-qa="btn-apply-bottom">',
  '<div class="section page-centered posting-header">',
  '<div class="posting-requirements plain-list" data-qa="posting-requirements">',
  '<div class="posting-headline">',
  '<div class="posting-categories">',
  '<div class="section-wrapper page-full-width">',
  '<div class="content-wrapper posting-page">',
  '<div data-qa="ai-disclaimer">',
  '<a class="main-header-logo" href="https://jobs.lever.co/spotify">',
  '<div>', '<p>', '<span>', '<b>', '<strong>', '<em>', '<ul>', '<ol>', '<li>', '<table><tr><td>', '<section>', '<article>',
  '<h2>', '<h3>', '<h4>', '<pre>', '<blockquote>', '<form>', '<button>', '<svg>', '<template>', '<noscript>', '<style>', '<script>',
];

const closerFor = (opener: string): string => {
  const tag = /^<([a-z0-9]+)/i.exec(opener)?.[1] ?? 'div';
  return opener.startsWith('<table') ? '</td></tr></table>' : `</${tag}>`;
};

const leaf = fc.oneof(
  { weight: 4, arbitrary: htmlText },
  { weight: 2, arbitrary: fc.constantFrom('<br>', '<hr>', '<img alt="Spotify logo" src="x.png">', '<input value="$100,000">', '<!-- $1 -->', '<![CDATA[ $5 ]]>', '</div>', '</li>', '<li>', '<') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...LEVER_CATEGORY), htmlText).map(([cls, t]) => `<div class="${cls}">${t}</div>`) },
  { weight: 1, arbitrary: jsonLdBlock },
);

const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(fc.constantFrom(...BLOCK_OPENERS), fc.array(tie('node'), { maxLength: 4 }), fc.boolean())
      .map(([open, children, closed]) => `${open}${children.join('')}${closed ? closerFor(open) : ''}`),
    // A Lever list section, as the page writes it.
    fc
      .tuple(htmlText, fc.array(htmlText, { maxLength: 5 }))
      .map(
        ([heading, items]) =>
          `<div class="section page-centered"><div><h3>${heading}</h3><div class="posting-requirements plain-list" data-qa="posting-requirements"><ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul></div></div></div>`,
      ),
  ),
}));

/** A long chain of nested elements: no stack or time blow-up on deep pages. */
const deep = fc
  .tuple(fc.integer({ min: 50, max: 400 }), fc.constantFrom('div', 'span', 'ul', 'li', 'b'), htmlText)
  .map(([depth, tag, inner]) => `<${tag}>`.repeat(depth) + inner + `</${tag}>`.repeat(depth));

const headline = fc
  .tuple(fc.oneof(htmlText, fc.constant('')), fc.array(fc.tuple(fc.constantFrom(...LEVER_CATEGORY), htmlText), { maxLength: 5 }))
  .map(
    ([title, cats]) =>
      `<div class="section page-centered posting-header"><div class="posting-headline"><h2>${title}</h2><div class="posting-categories">${cats
        .map(([cls, t]) => `<div class="${cls}">${t}</div>`)
        .join('')}</div></div></div>`,
  );

const head = fc
  .tuple(
    fc.option(attrText.map((t) => `<title>${t.replace(/</g, '&lt;')}</title>`), { nil: '' }),
    fc.option(fc.oneof(fc.constantFrom(...URLS), attrText).map((u) => `<link rel="canonical" href="${u}">`), { nil: '' }),
    fc.option(fc.oneof(fc.constantFrom(...URLS), attrText).map((u) => `<meta property="og:url" content="${u}">`), { nil: '' }),
    fc.array(jsonLdBlock, { maxLength: 3 }),
  )
  .map(([title, canonical, og, ld]) => `<head><meta charset="utf-8">${title}${canonical}${og}${ld.join('')}</head>`);

const page = fc
  .tuple(
    head,
    fc.option(headline, { nil: '' }),
    fc.array(fc.oneof({ weight: 6, arbitrary: node }, { weight: 1, arbitrary: deep }), { maxLength: 8 }),
    fc.boolean(),
  )
  .map(([h, top, body, wrapped]) => (wrapped ? `<!DOCTYPE html><html>${h}<body>${top}${body.join('')}</body></html>` : `${h}${top}${body.join('')}`));

// ---------------------------------------------------------------------------------------

/** Enough pages to reach the readers' odd corners, within a few seconds. */
const RUNS = 200;

function readAndAnnotate(doc: Document, url: string): void {
  let raw: ReturnType<typeof readPage> = null;
  expect(() => {
    raw = readPage(doc, new URL(url));
  }).not.toThrow();
  if (raw === null) return;
  const checked = RawPosting.safeParse(raw);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  let posting: Posting | undefined;
  expect(() => {
    posting = annotate(raw!);
  }).not.toThrow();
  const result = Posting.safeParse(posting);
  expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
}

// 200 random pages each: a few seconds alone, more on a loaded machine (the CI box has 2 cores). The
// limit guards against a hang, it measures nothing.
describe('readPage and annotate on any DOM', { timeout: 60_000 }, () => {
  it('at a Lever posting URL: null or a valid RawPosting, and a valid Posting from it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(URLS[0], URLS[1]), page, (url, html) =>
        withDocument(url, html, (doc) => readAndAnnotate(doc, url)),
      ),
      { numRuns: RUNS },
    );
  });

  it('at hosts no adapter claims (and a Lever page that is not a posting): the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(URLS[2], URLS[3], URLS[4]), page, (url, html) =>
        withDocument(url, html, (doc) => readAndAnnotate(doc, url)),
      ),
      { numRuns: RUNS },
    );
  });

  it('urlOfPage never throws: null or an http(s) URL', async () => {
    await fc.assert(
      fc.asyncProperty(page, (html) =>
        withDocument(URLS[3], html, (doc) => {
          const href = urlOfPage(doc);
          if (href !== null) expect(new URL(href).protocol).toMatch(/^https?:$/);
        }),
      ),
      { numRuns: 100 },
    );
  });

  it('reaches the adapters: many Lever-shaped pages and some JSON-LD blocks are read as postings', async () => {
    // Guards the properties above against a generator whose pages every reader rejects.
    let lever = 0;
    for (const [top, body] of fc.sample(fc.tuple(headline, fc.array(node, { maxLength: 6 })), { numRuns: 60, seed: 42 })) {
      await withDocument(URLS[0], top + body.join(''), (doc) => {
        if (readPage(doc, new URL(URLS[0])) !== null) lever++;
      });
    }
    expect(lever).toBeGreaterThan(20);
    let jsonLd = 0;
    for (const block of fc.sample(jsonLdBlock, { numRuns: 60, seed: 7 })) {
      await withDocument(URLS[3], block, (doc) => {
        if (readPage(doc, new URL(URLS[3])) !== null) jsonLd++;
      });
    }
    expect(jsonLd).toBeGreaterThan(5);
  });

  // A JSON-LD figure near the top of the double range used to become Infinity when annualised
  // or rounded, and annotate() threw. Such a figure is a data error: it is dropped.
  const ld = (fields: object) =>
    `<script type="application/ld+json">${JSON.stringify({ '@type': 'JobPosting', title: 'Engineer', ...fields })}</script>`;

  it('drops a JSON-LD baseSalary of 1e308 a year instead of failing', async () => {
    const html = ld({ baseSalary: { currency: 'USD', value: { minValue: 1, maxValue: 1e308, unitText: 'YEAR' } } });
    let posting: Posting | undefined;
    await withDocument(URLS[3], html, (doc) => {
      readAndAnnotate(doc, URLS[3]);
      posting = annotate(readPage(doc, new URL(URLS[3]))!);
    });
    expect(posting?.title).toBe('Engineer');
    expect(posting?.salary).toBeNull();
  });

  it('drops a JSON-LD monthsOfExperience of 1e308 instead of failing', async () => {
    const html = ld({ experienceRequirements: { monthsOfExperience: 1e308 } });
    let posting: Posting | undefined;
    await withDocument(URLS[3], html, (doc) => {
      readAndAnnotate(doc, URLS[3]);
      posting = annotate(readPage(doc, new URL(URLS[3]))!);
    });
    expect(posting?.title).toBe('Engineer');
    expect(posting?.experience).toBeNull();
  });
});
