import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { genericAdapter, readProsePosting } from '../../src/sites/generic.ts';
import { readPage, readPageWithSource } from '../../src/sites/registry.ts';
import { annotate } from '../../src/annotate.ts';
import { RawPosting } from '../../src/model/index.ts';
import { parsePage } from './page.ts';
import { boardFixture, boardJson, checkAgainst, type Expected } from './expected.ts';

const CAREERS = 'https://fernweh.example/careers/product-designer';
const ARTICLE = 'https://spree-business.example/2026/05/fernweh-to-double-its-team';

let closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.map((close) => close()));
  closers = [];
});

function doc(html: string, url = CAREERS): Document {
  const page = parsePage(html, url);
  closers.push(page.close);
  return page.doc;
}

const fixture = (name: string): string => boardFixture('generic', name);

function prose(html: string, url = CAREERS): RawPosting | null {
  return readProsePosting(doc(html, url), new URL(url));
}

describe('genericAdapter.matches', () => {
  it.each([
    CAREERS,
    'https://jobs.lever.co/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://boards.greenhouse.io/x/jobs/1',
    'https://jobs.ashbyhq.com/x/7597d3d7-58d2-41b2-9f85-911d95c2c739',
    'https://acme.wd5.myworkdayjobs.com/en-US/Careers/job/Remote/Engineer_R-1',
    'https://www.linkedin.com/jobs/view/1',
    'https://www.indeed.com/viewjob?jk=1',
    'https://jobs.smartrecruiters.com/ServiceNow/744000012345678-sr-public-sector-account-executive-sled',
    'https://apply.workable.com/anonos/j/6A0F3C2D1B/',
    'https://wellfound.com/jobs/3123456-founding-frontend-engineer',
  ])('matches no URL (it is the last fallback): %s', (href) => {
    expect(genericAdapter.matches(new URL(href))).toBe(false);
  });
});

describe('readProsePosting', () => {
  it("reads the page's article, without its navigation and footer", () => {
    const raw = RawPosting.parse(prose(fixture('fernweh-product-designer-careers-page.html')));
    expect(raw).toMatchObject({ site: 'fernweh.example', jobId: null, url: CAREERS, title: 'Product Designer', company: 'Fernweh Studio' });
    expect(raw.sections.map((s) => s.heading)).toEqual([null, 'About the role', "What you'll do", "What we're looking for", 'Salary and benefits']);
    const text = JSON.stringify(raw.sections);
    for (const chrome of ['Imprint', 'Privacy', 'Contact', 'Work']) expect(text).not.toContain(`"${chrome}"`);
  });

  it('gives null for a news article about hiring', () => {
    const page = doc(fixture('fernweh-news-article-not-a-posting.html'), ARTICLE);
    expect(readProsePosting(page, new URL(ARTICLE))).toBeNull();
    expect(readPageWithSource(page, new URL(ARTICLE))).toBeNull();
  });

  const POSTING_BODY =
    '<h2>What you\'ll do</h2><ul><li>Plan delivery routes</li></ul><h2>Requirements</h2><ul><li>2+ years in logistics</li></ul>';

  it.each([
    ['no title', `<main>${POSTING_BODY}<a href="/apply">Apply now</a></main>`],
    ['no posting heading, whatever else it says', '<main><h1>Dispatcher</h1><p>Full-time, $45,000 a year.</p><a href="/apply">Apply now</a></main>'],
    ['posting headings and nothing else of a posting', '<main><h1>Our values</h1><h2>Benefits</h2><p>Of working together.</p></main>'],
    ['an about page', '<html><body><h1>About us</h1><p>We make tools.</p></body></html>'],
    ['an empty page', ''],
  ])('gives null for %s', (_name, html) => {
    expect(prose(html)).toBeNull();
  });

  it.each([
    ['an Apply link', `<main><h1>Dispatcher</h1>${POSTING_BODY.replace('2+ years in logistics', 'Calm on the phone')}<a href="/apply">Apply now</a></main>`],
    ['a pay range', `<main><h1>Dispatcher</h1>${POSTING_BODY.replace('2+ years in logistics', 'Calm on the phone')}<p>$45,000 – $52,000 a year</p></main>`],
    ['years of experience', `<main><h1>Dispatcher</h1>${POSTING_BODY.replace('2+ years in logistics', '2+ years of experience in logistics')}</main>`],
  ])('reads a posting that has a posting heading and %s', (_name, html) => {
    expect(prose(html)?.title).toBe('Dispatcher');
  });

  it('takes the title from og:title when the page has no h1', () => {
    const html = `<html><head><meta property="og:title" content="Dispatcher"></head><body><main>${POSTING_BODY}<a href="/apply">Apply</a></main></body></html>`;
    expect(prose(html)?.title).toBe('Dispatcher');
  });

  it('never throws, even when the document itself throws', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('hostile page');
        },
      },
    ) as Document;
    expect(genericAdapter.extract(hostile, new URL(CAREERS))).toBeNull();
  });
});

describe('prose fixtures: page in, what a careful reader says out', () => {
  const name = 'fernweh-product-designer-careers-page';
  const expected = boardJson<Expected>('generic', `${name}.expected.json`);
  const read = () => {
    const reading = readPageWithSource(doc(fixture(`${name}.html`), expected.url), new URL(expected.url));
    expect(reading?.via).toBe(expected.via);
    return annotate(reading!.raw);
  };
  it(name, () => checkAgainst(read(), expected));

  it.each(['fernweh-news-article-not-a-posting.html', 'article-not-a-posting.html'])('the news article %s reads as no posting at all', (name) => {
    expect(readPage(doc(fixture(name), ARTICLE), new URL(ARTICLE))).toBeNull();
  });
});

describe('career pages in other languages and in an ASP.NET form (test/corpus/real/career-pages)', () => {
  const real = (name: string) => readFileSync(new URL(`../corpus/real/career-pages/${name}.html`, import.meta.url), 'utf8');

  it('reads the page an ASP.NET WebForms site wraps in <form id="form1"> (page-roketsan-proses-muhendisi-mekanik)', () => {
    const url = 'https://kariyer.roketsan.com.tr/bg5e6nj7534vbvft5rgk88dc5q.job';
    const raw = readPage(doc(real('page-roketsan-proses-muhendisi-mekanik'), url), new URL(url));
    expect(raw?.title).toBe('Proses Mühendisi (Mekanik)');
    const posting = annotate(raw!);
    expect([posting.requirements.required.length, posting.requirements.preferred.length]).toEqual([3, 2]);
    expect([posting.remote.policy, posting.remote.evidence]).toEqual(['onsite', 'Çalışma Yeri: Yerinde']);
  });

  it("still leaves an application form's text out of a posting", () => {
    const raw = prose(
      '<main><h1>Product Designer</h1><h2>Requirements</h2><ul><li>3+ years of product design</li></ul><h2>Benefits</h2><p>Full-time, remote.</p><form><p>Upload your CV</p><label>First name</label><input></form><a href="/apply">Apply now</a></main>',
    );
    expect(JSON.stringify(raw?.sections)).not.toMatch(/Upload your CV/);
  });

  it("takes the part of the page's title that a lower heading shows (page-baykar-is-gelistirme-uzmani)", () => {
    const url = 'https://kariyer.baykartech.com/tr/acik-pozisyonlar/detay/is-gelistirme-uzmani';
    const posting = annotate(readPage(doc(real('page-baykar-is-gelistirme-uzmani'), url), new URL(url))!);
    expect(posting.title).toBe('İş Geliştirme Uzmanı');
    expect(posting.experience?.yearsMin).toBe(2);
    expect(posting.requirements.preferred[0]).toMatch(/^Tercihen /);
  });
});
