import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/linkedin.ts';
import { readPageWithSource } from '../../src/sites/registry.ts';
import { parsePage } from './page.ts';

/*
 * The LinkedIn adapter's selectors on LinkedIn's own markup: every whole page in the real
 * corpus (test/corpus/real/linkedin/*.html, saved from linkedin.com by others, labelled by
 * reading). Each must give the title its label states and the description the requirements
 * are read from, through the adapter's selectors and not a fallback. A redesign shows up as
 * a named selector that stopped matching; the table printed at the end says where.
 *
 * Every real capture is a signed-out page. The signed-in layout (search pane, top card) has
 * none yet, so its selectors are checked on illustrative fixtures only, which say nothing of
 * LinkedIn's markup: they fail when a selector is renamed without its fixture, no more.
 */

const REAL = new URL('../corpus/real/linkedin/', import.meta.url);

interface Label {
  kind: string;
  url?: string;
  postings: Array<{ title?: string; requirements?: { required: number; preferred: number } | null }>;
}

const CAPTURES = readdirSync(REAL)
  .filter((name) => name.endsWith('.html'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.html'.length);
    const label = JSON.parse(readFileSync(new URL(`${name}.label.json`, REAL), 'utf8')) as Label;
    return { name, html: readFileSync(new URL(file, REAL), 'utf8'), label, title: label.postings[0]?.title };
  });

/**
 * The captures whose signed-out top card was kept, so its title element is there; by reading
 * them. The other two are the guest endpoint's description block without its top card.
 */
const WITH_TOP_CARD = ['atos-entry-level-automation-engineer', 'modine-general-laborer-morning-shift', 'notion-software-engineer-new-grad', 'page-asobo-studio-stage-level-designer', 'page-d7-technology-mekanik-tasarim-muhendisi'];

const closers: (() => Promise<void>)[] = [];
const table: Record<string, Record<string, number>> = {};
afterAll(async () => {
  console.log('LinkedIn selectors: matches per real capture');
  console.table(table);
  await Promise.all(closers.map((close) => close()));
});

/**
 * The page as a document at the address its label gives. One page kept no job id, so its
 * label's address is only the job-view path; in the browser it had an id, so one is added.
 */
function open(capture: (typeof CAPTURES)[number]): { doc: Document; url: URL } {
  const labelled = capture.label.url!;
  const url = new URL(labelled.endsWith('/jobs/view/') ? `${labelled}4000000000` : labelled);
  const { doc, close } = parsePage(capture.html, url.href);
  closers.push(close);
  table[capture.name] = Object.fromEntries(
    Object.entries(SELECTORS).flatMap(([key, value]) =>
      (typeof value === 'string' ? [value] : [...value]).map((selector, i) => [typeof value === 'string' ? key : `${key}[${i}]`, doc.querySelectorAll(selector).length]),
    ),
  );
  return { doc, url };
}

const textOf = (doc: Document, selector: string) => doc.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
const firstMatch = (doc: Document, selectors: readonly string[]) => selectors.find((selector) => doc.querySelector(selector) !== null) ?? null;

describe('LinkedIn selectors on the real signed-out pages', () => {
  it('has the captures this test is about', () => {
    expect(CAPTURES.filter((c) => c.label.kind === 'page').map((c) => c.name)).toEqual(expect.arrayContaining(WITH_TOP_CARD));
    expect(CAPTURES.length).toBeGreaterThanOrEqual(7);
  });

  it.each(CAPTURES.filter((c) => c.label.kind === 'page').map((c) => [c.name, c] as const))('%s: the adapter finds the labelled title and the description', (name, capture) => {
    const { doc, url } = open(capture);
    expect(capture.title, `${name}'s label states a title`).toBeTruthy();

    const description = firstMatch(doc, SELECTORS.description);
    expect(description, `no description selector (${SELECTORS.description.join(', ')}) matched on ${name}`).not.toBeNull();
    if (WITH_TOP_CARD.includes(name)) {
      const title = firstMatch(doc, SELECTORS.title);
      expect(title, `no title selector matched on ${name}, which has its top card`).not.toBeNull();
      expect(textOf(doc, title!)).toBe(capture.title);
    }

    const reading = readPageWithSource(doc, url);
    expect(reading?.via, `${name} is read by the LinkedIn adapter, not a fallback`).toBe('adapter');
    expect(reading!.raw.title).toBe(capture.title);
    // The description's own sections: where the label counts requirements, there are sections to read them from.
    const requirements = capture.label.postings[0]?.requirements;
    if (requirements && requirements.required + requirements.preferred > 0) expect(reading!.raw.sections.length).toBeGreaterThan(0);
  });
});

/** Every selector in SELECTORS, named by its key (and index in a list of alternatives). */
function flatten(record: Record<string, string | readonly string[]>): Array<{ name: string; selector: string }> {
  return Object.entries(record).flatMap(([key, value]) =>
    typeof value === 'string' ? [{ name: key, selector: value }] : value.map((selector, i) => ({ name: `${key}[${i}]`, selector })),
  );
}

describe('LinkedIn signed-in selectors on illustrative fixtures (no real signed-in capture yet)', () => {
  const FIXTURES = ['search-fernhill-backend-linkedin-est', 'collections-meridian-designer-from-description'];
  const EVERYWHERE = ['pane[0]', 'title[0]', 'paneJobLink', 'paneJobId', 'company[0]', 'location[0]', 'chips[0]', 'description[0]'];
  const ALL = flatten(SELECTORS);

  it.each(EVERYWHERE)('%s matches on every signed-in fixture', async (key) => {
    const selector = ALL.find((s) => s.name === key)?.selector;
    expect(selector, `no selector named ${key} in SELECTORS`).toBeDefined();
    const missed: string[] = [];
    for (const fixture of FIXTURES) {
      const { doc, close } = parsePage(readFileSync(new URL(`../fixtures/linkedin/${fixture}.html`, import.meta.url), 'utf8'));
      if (doc.querySelector(selector!) === null) missed.push(fixture);
      await close();
    }
    expect(missed, `selector ${key} (${selector}) matched nothing on ${missed.join(', ')}`).toEqual([]);
  });
});
