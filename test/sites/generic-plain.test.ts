import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { readProsePosting } from '../../src/sites/generic.ts';
import { readPageWithSource } from '../../src/sites/registry.ts';

/*
 * The prose reader on postings without heading markup. A posting served as text/plain is
 * shown by a browser as one <pre> in an empty page (the wrapper below is Chromium's); the
 * texts are real captures from test/corpus/real (an employer's Markdown career page, an
 * aggregator's text render). The other pages are shapes of one rule each.
 */

const URL_OF_TEXT = 'https://files.example.org/jobs/posting.txt';

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function page(html: string, url = URL_OF_TEXT): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** A text response as Chromium renders it. */
function textPage(text: string): Document {
  const doc = page('<html><head><meta name="color-scheme" content="light dark"></head><body><pre style="word-wrap: break-word; white-space: pre-wrap;"></pre></body></html>');
  doc.querySelector('pre')!.textContent = text;
  return doc;
}

const capture = (path: string): string => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');
const read = (doc: Document) => readProsePosting(doc, new URL(URL_OF_TEXT));

describe('a posting served as text (a <pre> page)', () => {
  it("reads an employer's Markdown posting: its front matter's title, its bold 'Label:' lines as headings (Natural Essentials)", () => {
    const raw = read(textPage(capture('career-pages/natural-essentials-ehs-manager.md')));
    expect(raw?.title).toBe('Environmental Health and Safety Manager');
    const headings = raw!.sections.map((s) => s.heading);
    expect(headings).toEqual(expect.arrayContaining(['Responsibilities', 'Qualifications']));
    expect(raw!.sections.find((s) => s.heading === 'Qualifications')?.items).toHaveLength(9);
  });

  it("reads an aggregator's text render: '# [Title](url)', '### Heading', and its 'CLICK TO [APPLY](...)' line (Consensys)", () => {
    const raw = read(textPage(capture('text/consensys-staff-software-engineer-metamask.txt')));
    expect(raw?.title).toBe('Staff Software Engineer - MetaMask');
    expect(raw!.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['About MetaMask', 'Responsibilities']));
  });

  it("reads a posting whose text never gives a title, untitled, when its headings say it is one (Canadian Tire's 'What You’ll Do', 'Who You Are')", () => {
    const raw = read(textPage(capture('text/h16-canadian-tire-next-generation-talent-program-it.txt')));
    expect(raw?.title).toBe('');
    expect(raw!.sections.map((s) => s.heading)).toEqual(expect.arrayContaining(['What You’ll Do']));
  });

  it('reads a Vietnamese posting page: its benefits heading and "Tuyển dụng" (recruiting) (Agriseco)', () => {
    expect(read(textPage(capture('text/h16-agriseco-chuyen-vien-phat-trien-phan-mem-hanoi-vi.md')))?.title.toLowerCase()).toBe('chuyên viên phát triển phần mềm');
  });

  it('is read by the registry at an address no board owns', () => {
    const doc = textPage(capture('text/abc-australia-data-analyst.txt'));
    expect(readPageWithSource(doc, new URL(URL_OF_TEXT))).toMatchObject({ via: 'generic', raw: { title: 'Data Analyst' } });
  });

  it.each([
    [
      'a blog post',
      'How we hire engineers\n\nIntroduction\nWe grew from 10 to 40 people this year. Most joined full-time.\n\nWhat we learned\nInterviews should be short.\n\nConclusion\nThanks for reading.',
    ],
    [
      'a list of jobs',
      'Open positions\n\nEngineering\nSenior Engineer - Berlin - Full-time - Apply\nData Analyst - Remote - Full-time - Apply\n\nSales\nAccount Executive - London - Full-time - Apply',
    ],
    ['a news article', 'Acme to double its team\n\nAcme, the Berlin logistics start-up, will hire 200 full-time staff next year, its chief executive said on Monday.'],
  ])('gives null for %s', (_name, text) => {
    expect(read(textPage(text))).toBeNull();
  });
});

describe('a page whose headings are not heading elements', () => {
  const BODY = '<p>Plan delivery routes for our vans.</p><ul><li>2+ years of experience in logistics</li></ul>';

  it.each([
    ['bold spans, as editors paste from word processors', '<p><span style="font-weight: 700;">Requirements</span></p>'],
    ['larger text', '<p><span style="font-size: 20px">Requirements</span></p>'],
    ['a plain "Label:" line', '<div>Requirements:</div>'],
    ['a capitalised line', '<div>REQUIREMENTS</div>'],
  ])('finds the posting when its headings are %s', (_name, heading) => {
    const raw = read(page(`<html><head><title>Dispatcher</title></head><body><main>${heading}${BODY}</main></body></html>`));
    expect(raw?.title).toBe('Dispatcher');
    expect(raw?.sections.map((s) => s.heading?.toLowerCase())).toContain('requirements');
  });

  it("keeps a page's tagged headings as they were: plain lines are headings only when the markup gives none", () => {
    const html = '<html><body><main><h1>Dispatcher</h1><h2>Requirements</h2><ul><li>2+ years of experience</li></ul><p>Notes From The Team</p></main></body></html>';
    expect(read(page(html))?.sections.map((s) => s.heading)).toEqual(['Requirements']);
  });

  it('gives null for a blog post whose bold lines are not a posting\'s headings', () => {
    const html =
      '<html><head><title>How we hire</title></head><body><main><p><b>Introduction</b></p><p>We grew to 40 people, most full-time.</p><p><span style="font-weight:bold">What We Learned</span></p><p>Short interviews work.</p></main></body></html>';
    expect(read(page(html))).toBeNull();
  });
});

describe('a text page is read as pasted text is (the same title and section rules)', () => {
  it.each([
    ['text/seed-003-spotify-ml-engineer-audio-discovery.txt', 'Machine Learning Engineer'],
    ['text/seed-001-spotify-senior-ml-engineer-personalization.txt', 'Senior Machine Learning Engineer'],
    ['text/trolley-analytics-engineer.txt', 'Analytics Engineer'],
    ['text/harvest-group-senior-sales-insights-manager-kroger.txt', 'Kroger Senior Sales Insights Manager'],
  ])('%s reads as a posting titled %j', (path, title) => {
    const raw = read(textPage(capture(path)));
    expect(raw?.title).toBe(title);
    expect(raw?.sections.some((s) => s.items.length > 0 || s.paragraphs.length > 0)).toBe(true);
  });

  it('reads a text page that is not a posting as nothing', () => {
    expect(read(textPage('Minutes of the garden club\n\nWe met on Tuesday.\nThe roses are doing well this year.\nNext meeting: June.'))).toBeNull();
  });
});

describe('posting headings of European postings on a text page', () => {
  it('reads "Your impact", "Your skillset" and a title marked (m/f/d) as a posting (text/deloitte-intern-data-genai-ma-analytics)', () => {
    expect(read(textPage(capture('text/deloitte-intern-data-genai-ma-analytics.txt')))?.title).toBe('Intern Data & GenAI / M&A Analytics (m/f/d)');
  });
});

describe('text pages of batches h5 and h6, as the browser opens them', () => {
  it.each([
    'text/h2-heriot-watt-postdoc-microplastics.txt',
    'text/h6-metocean-wavewatch-modeller-raglan.md',
    'text/h5-fronteers-sonic-equipment-senior-react-developer.txt',
    'text/h5-planned-parenthood-ncs-clinic-associate-nurse-rochester.txt',
  ])('%s is read as a posting', (path) => {
    expect(read(textPage(capture(path)))).not.toBeNull();
  });

  it("keeps an announcement's front matter title when the text names no role, only sentences", () => {
    expect(read(textPage(capture('text/h2-heriot-watt-postdoc-microplastics.txt')))?.title).toMatch(/^Postdoc position in environmental microbiology/);
  });

  it('still reads a blog post with front matter as no posting', () => {
    const text = ['---', 'title: Our summer retreat', '---', 'We went to the lake. It was sunny and the team cooked dinner together.', '', 'Next year we will go again.'].join('\n');
    expect(read(textPage(text))).toBeNull();
  });
});

describe('Dutch text pages (text/h8-maxicon-*, h8-cartiere-*)', () => {
  it.each(['text/h8-maxicon-bi-analist-data-engineer-vlaanderen.txt', 'text/h8-cartiere-analytics-engineer-belgium.txt'])('%s is read as a posting', (path) => {
    expect(read(textPage(capture(path)))).not.toBeNull();
  });
});
