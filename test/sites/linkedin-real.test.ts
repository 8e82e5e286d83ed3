import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { annotate } from '../../src/annotate.ts';
import { linkedinAdapter } from '../../src/sites/linkedin.ts';
import { readPage } from '../../src/sites/registry.ts';

/*
 * The LinkedIn reader on real captures (test/corpus/real/linkedin): signed-out pages served
 * from a country host in another interface language, the guest endpoint's posting block
 * (whole, or cut down to its description by the tool that kept it), and the guest search
 * endpoint's list of cards. Their labels are scored by the eval; here, what each showed.
 */

let windows: Window[] = [];
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

function page(name: string, url: string): Document {
  const html = readFileSync(new URL(`../corpus/real/linkedin/${name}.html`, import.meta.url), 'utf8');
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

const read = (name: string, url: string) => readPage(page(name, url), new URL(url));

describe('real LinkedIn captures', () => {
  it('reads a signed-out page from a country host in Turkish: a closed posting still reads (Modine, ca.linkedin.com)', () => {
    const url = 'https://ca.linkedin.com/jobs/view/general-laborer-morning-shift-at-modine-manufacturing-company-4300123456';
    expect(read('modine-general-laborer-morning-shift', url)).toMatchObject({
      site: 'linkedin',
      jobId: '4300123456',
      url: 'https://www.linkedin.com/jobs/view/4300123456/',
      title: 'General Laborer - Morning Shift',
      company: 'Modine Manufacturing Company',
      location: 'Calgary, Alberta, Kanada',
      // "İstihdam türü": the criteria's second entry, whatever the interface language
      commitment: 'Tam Zamanlı',
    });
  });

  it("takes the title from the head of a description block kept without its top card (Robert Half's 'AI Adoption Lead')", () => {
    const raw = read('robert-half-ai-adoption-lead', 'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/4465981744');
    expect(raw).toMatchObject({ site: 'linkedin', jobId: '4465981744', title: 'AI Adoption Lead' });
    const posting = annotate(raw!);
    expect(posting.salary).toMatchObject({ min: 60000, max: 75000, currency: 'GBP', period: 'year' });
  });

  it("takes a labelled title from the description ('Role: AI/ML Intern') when the top card's title was cut (Fairdeal.Market)", () => {
    const raw = read('fairdeal-market-ai-ml-intern', 'https://www.linkedin.com/jobs-guest/jobs/api/jobPosting/');
    expect(raw).toMatchObject({
      jobId: null,
      title: 'AI/ML Intern',
      company: 'Fairdeal.Market',
      location: 'Gurgaon, Haryana, India',
      commitment: 'Full-time',
    });
  });

  it("reads the guest description's plain lines standing as headings (Notion: 'Skills You'll Need to Bring<br><br><ul>')", () => {
    const raw = read('notion-software-engineer-new-grad', 'https://www.linkedin.com/jobs/view/software-engineer-new-grad-at-notion-4406118990');
    const headings = raw!.sections.map((s) => s.heading);
    expect(headings).toEqual(expect.arrayContaining(['Qualifications', "Skills You'll Need to Bring", 'Nice to Haves']));
    const nice = raw!.sections.find((s) => s.heading === 'Nice to Haves');
    expect(nice?.items).toHaveLength(4);
  });

  it('does not read the guest search endpoint\'s cards as one posting: a list of jobs is not a posting (Kraken)', () => {
    const url = 'https://www.linkedin.com/jobs-guest/jobs/api/seeMoreJobPostings/search';
    expect(linkedinAdapter.matches(new URL(url))).toBe(false);
    expect(read('kraken-search-cards-rust-engineers', url)).toBeNull();
  });
});
