import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/workday.ts';
import { parsePage } from './page.ts';

/*
 * Which of the Workday adapter's selectors match on each fixture: printed as a table, so a
 * refreshed fixture shows at a glance what the board changed. A selector that should match on
 * every fixture of its layout and misses one fails the test by name.
 *
 * The real corpus has no Workday page to run these on instead: its Workday captures
 * (test/corpus/real/workday) are the CXS API's JSON, whose description HTML has none of the
 * page's data-automation-id markup (the payload reader, scored by the eval, reads those).
 * Until a real page is kept, this checks the fixtures only: it fails when a selector is renamed
 * without its fixture, and says nothing of whether Workday still uses that markup.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/workday');

/** Fixtures by layout, and the selectors (SELECTORS keys) that must match on each of them. */
const GROUPS = [
  {
    layout: 'job detail page',
    fixtures: ['begacheese-quality-specialist', 'northwind-analytics-engineer-hybrid'],
    everywhere: ['root', 'title[0]', 'locations', 'timeType', 'requisitionId', 'description'],
  },
];

/** Every selector in SELECTORS, named by its key (and index in a list of alternatives). */
function flatten(record: Record<string, string | readonly string[]>): Array<{ name: string; selector: string }> {
  return Object.entries(record).flatMap(([key, value]) =>
    typeof value === 'string' ? [{ name: key, selector: value }] : value.map((selector, i) => ({ name: `${key}[${i}]`, selector })),
  );
}

const ALL = flatten(SELECTORS);
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  // The table, so a refreshed fixture shows at a glance what the board changed.
  const names = [...hits.keys()];
  console.table(
    ALL.map(({ name, selector }) => ({
      selector: `${name}: ${selector}`,
      ...Object.fromEntries(names.map((fixture) => [fixture, hits.get(fixture)!.get(selector) ?? 0])),
    })),
  );
  await Promise.all(closers.map((close) => close()));
});

const hits = new Map<string, Map<string, number>>();
for (const { fixtures } of GROUPS) {
  for (const name of fixtures) {
    if (hits.has(name)) continue;
    const page = parsePage(readFileSync(join(DIR, `${name}.html`), 'utf8'));
    closers.push(page.close);
    hits.set(name, new Map(ALL.map(({ selector }) => [selector, page.doc.querySelectorAll(selector).length])));
  }
}

describe('Workday selector report', () => {
  for (const group of GROUPS) {
    it.each(group.everywhere)(`${group.layout}: %s matches on every fixture`, (key) => {
      const selector = (ALL.find((s) => s.name === key) ?? { selector: '' }).selector;
      expect(selector, `no selector named ${key} in SELECTORS`).not.toBe('');
      const missed = group.fixtures.filter((fixture) => (hits.get(fixture)!.get(selector) ?? 0) === 0);
      expect(missed, `selector ${key} (${selector}) matched nothing on ${missed.join(', ')}`).toEqual([]);
    });
  }
});
