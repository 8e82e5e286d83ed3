import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../src/sites/linkedin.ts';
import { parsePage } from './page.ts';

/*
 * Which of the LinkedIn adapter's selectors match on each fixture: printed as a table, so a
 * refreshed fixture shows at a glance what the board changed. A selector that should match on
 * every fixture of its layout and misses one fails the test by name.
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/linkedin');

/** Fixtures by layout, and the selectors (SELECTORS keys) that must match on each of them. */
const GROUPS = [
  {
    layout: 'signed out',
    fixtures: ['guest-tcs-senior-net-developer', 'guest-northwind-staff-data-engineer-pay'],
    everywhere: ['title[3]', 'company[2]', 'location[2]', 'guestJobId', 'criteria', 'criteriaName', 'criteriaValue', 'description[2]'],
  },
  {
    layout: 'signed in',
    fixtures: ['search-fernhill-backend-linkedin-est', 'collections-meridian-designer-from-description'],
    everywhere: ['pane[0]', 'title[0]', 'paneJobLink', 'paneJobId', 'company[0]', 'location[0]', 'chips[0]', 'description[0]'],
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

describe('LinkedIn selector report', () => {
  it('lists which selectors match on which fixture', () => {
    const names = [...hits.keys()];
    const rows = ALL.map(({ name, selector }) => ({
      selector: `${name}: ${selector}`,
      ...Object.fromEntries(names.map((fixture) => [fixture, hits.get(fixture)!.get(selector) ?? 0])),
    }));
    console.table(rows);
    expect(rows).toHaveLength(ALL.length);
  });

  for (const group of GROUPS) {
    it.each(group.everywhere)(`${group.layout}: %s matches on every fixture`, (key) => {
      const selector = (ALL.find((s) => s.name === key) ?? { selector: '' }).selector;
      expect(selector, `no selector named ${key} in SELECTORS`).not.toBe('');
      const missed = group.fixtures.filter((fixture) => (hits.get(fixture)!.get(selector) ?? 0) === 0);
      expect(missed, `selector ${key} (${selector}) matched nothing on ${missed.join(', ')}`).toEqual([]);
    });
  }
});
