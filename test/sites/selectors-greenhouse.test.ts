import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SELECTORS } from '../../src/sites/greenhouse.ts';
import { parsePage } from './page.ts';

/*
 * Which of the Greenhouse adapter's selectors match on each fixture page, printed as a
 * table, so a markup change shows up as a column of zeros. Fails naming the selector when
 * one that every posting page has matches on none of them, and when any selector matches
 * nowhere at all (a dead selector).
 */

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/greenhouse');
const PAGES = readdirSync(DIR).filter((name) => name.endsWith('.html')).sort();

/** Every Greenhouse posting page has these, in either markup; the others (pay, the older header's company) only some. */
const ON_EVERY_PAGE: readonly (keyof typeof SELECTORS)[] = ['title', 'location', 'description'];

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(closers.map((close) => close()));
});

function countMatches(): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const name of PAGES) {
    const { doc, close } = parsePage(readFileSync(join(DIR, name), 'utf8'), 'https://boards.greenhouse.io/x/jobs/1');
    closers.push(close);
    table[name] = Object.fromEntries(Object.entries(SELECTORS).map(([key, selector]) => [key, doc.querySelectorAll(selector).length]));
  }
  return table;
}

describe('Greenhouse selector report', () => {
  const table = countMatches();

  it('prints which selectors matched on which fixture', () => {
    console.log('Greenhouse selectors: matches per fixture page');
    console.table(table);
    expect(PAGES.length).toBeGreaterThanOrEqual(2);
  });

  it.each(ON_EVERY_PAGE)('selector "%s" matches on every fixture page', (key) => {
    const missing = PAGES.filter((name) => table[name]![key] === 0);
    expect(missing, `selector ${key} (${SELECTORS[key]}) matched nothing on: ${missing.join(', ')}`).toEqual([]);
  });

  it.each(Object.keys(SELECTORS))('selector "%s" matches on at least one fixture page', (key) => {
    const total = PAGES.reduce((sum, name) => sum + table[name]![key]!, 0);
    expect(total, `selector ${key} (${SELECTORS[key as keyof typeof SELECTORS]}) matches on no fixture page`).toBeGreaterThan(0);
  });
});
