import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';

// Issue 6, "Accessibility and comfort": the overlay, the popup and the comparison page in
// the built extension in Chromium. axe-core (WCAG 2.0/2.1 A and AA, and best practice) in
// light and in dark; the keyboard alone; visible focus; reduced motion; 200% zoom.

const FIXTURES = join(ROOT, 'test/fixtures/lever');
const SAMBA = {
  url: 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739',
  file: join(FIXTURES, 'spotify-ml-engineer-samba.html'),
  id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
  title: 'Machine Learning Engineer, Personalization, Samba',
};
const MUSIC = {
  url: 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a',
  file: join(FIXTURES, 'spotify-senior-ml-engineer-music-understanding.html'),
  id: 'lever:d7c43743-2240-45b6-bc31-33e50cbaba4a',
  title: '',
};
const PAGES: Record<string, string> = { [SAMBA.url]: SAMBA.file, [MUSIC.url]: MUSIC.file };

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; summary: string }[];
}

/**
 * Loads axe into `page`. On a web page a script tag is enough (it runs in the page's main
 * world, and axe reads open shadow roots such as the overlay's). The extension's own pages
 * have a CSP (script-src 'self') that refuses an inline script tag and eval; an expression
 * evaluated through the DevTools protocol (Runtime.evaluate, which Playwright's string
 * evaluate uses) is not subject to the page's CSP.
 */
async function injectAxe(page: Page, kind: 'web' | 'extension'): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (kind === 'web') await page.addScriptTag({ path: AXE_PATH });
  else await page.evaluate(AXE_SOURCE);
  expect(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)).toBe('object');
}

/**
 * Runs axe on `page` (or on the elements `include` selects) and returns the serious and
 * critical violations; the others are printed, not failed on.
 */
async function axe(page: Page, label: string, kind: 'web' | 'extension', include?: string): Promise<Violation[]> {
  await injectAxe(page, kind);
  const { violations, passes } = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
      const result = await axe.run(include ? { include: [[include]] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'passes'],
      });
      return {
        passes: (result.passes as { nodes: unknown[] }[]).reduce((n, r) => n + r.nodes.length, 0),
        violations: (result.violations as any[]).map((v) => ({
          id: v.id as string,
          impact: v.impact as string | null,
          help: v.help as string,
          nodes: (v.nodes as any[]).map((n) => ({ target: n.target, summary: String(n.failureSummary ?? '').slice(0, 400) })),
        })),
      };
    },
    { include, tags: AXE_TAGS },
  );
  // A scan that looked at nothing would pass vacuously.
  expect(passes, `${label}: axe checked nothing`).toBeGreaterThan(10);
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = violations.filter((v) => !serious.includes(v));
  for (const v of minor) console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.help}) ×${v.nodes.length}`, JSON.stringify(v.nodes.map((n) => n.target)));
  for (const v of serious) console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.help})`, JSON.stringify(v.nodes, null, 1));
  return serious;
}

/** axe in light and in dark, the page's system colour scheme emulated. */
async function axeBothSchemes(page: Page, label: string, kind: 'web' | 'extension', include?: string): Promise<Record<string, Violation[]>> {
  const found: Record<string, Violation[]> = {};
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // Let the style change apply before axe measures colours.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found[`${label} (${colorScheme})`] = await axe(page, `${label} (${colorScheme})`, kind, include);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

function noSerious(found: Record<string, Violation[]>): void {
  const summary = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.map((x) => `${x.id}: ${x.nodes.length}`)]));
  expect(summary).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
}

interface Focused {
  /** Tag, and the accessible name as a user would hear it (aria-label, else text). */
  tag: string;
  name: string;
  inOverlay: boolean;
  top: number;
  /** A focus ring: an outline (not none, wider than 0, not transparent) or a box-shadow, on it or on its label. */
  ring: boolean;
  outline: string;
}

/** The focused element, looking through shadow roots (the overlay's is open). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const hasRing = (e: Element) => {
      const s = getComputedStyle(e);
      const outline =
        s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'transparent' && s.outlineColor !== 'rgba(0, 0, 0, 0)';
      return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // A visually hidden native control (the rating's radios) shows focus on its label.
    const ringOn = hasRing(el) ? el : el.closest('label') && hasRing(el.closest('label')!) ? el.closest('label')! : null;
    const s = getComputedStyle(ringOn ?? el);
    const name = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
    return {
      tag: el.tagName.toLowerCase(),
      name: name || (el as HTMLInputElement).type || '',
      inOverlay: el.getRootNode() !== document,
      top: el.getBoundingClientRect().top,
      ring: ringOn !== null,
      outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} / ${s.boxShadow}`,
    };
  });
}

/** Presses Tab until focus is in the overlay (the panel is the page's last element). */
async function tabIntoOverlay(page: Page): Promise<Focused> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f?.inOverlay) return f;
  }
  throw new Error('Tab never reached the overlay');
}

/** Every Tab stop in the overlay, from the first, until focus leaves it. */
async function overlayTabStops(page: Page): Promise<Focused[]> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.focus());
  const stops = [await tabIntoOverlay(page)];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f?.inOverlay) return stops;
    stops.push(f);
  }
  throw new Error('focus never left the overlay');
}

/** Presses Tab until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, max = 60, key = 'Tab'): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && (typeof name === 'string' ? f.name === name : name.test(f.name))) return f;
  }
  throw new Error(`${key} never reached ${String(name)}`);
}

async function overlayOn(browser: Launched, url: string): Promise<{ page: Page; panel: Locator }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  return { page, panel };
}

const highlightCount = (page: Page) =>
  page.evaluate(() => document.querySelector('joblens-overlay')?.shadowRoot?.querySelectorAll('.jl-highlight-box').length ?? 0);

describe('accessibility and comfort, in Chromium', () => {
  const profile = newProfileDir();
  let browser: Launched;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchWithExtension(profile, PAGES);
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  it('overlay: no serious or critical axe violations, expanded, requirements open, saved with the annotations open; light and dark', async () => {
    const { page, panel } = await overlayOn(browser, SAMBA.url);
    const found: Record<string, Violation[]> = {};
    Object.assign(found, await axeBothSchemes(page, 'overlay expanded', 'web', 'joblens-overlay'));

    await panel.getByText(/^Requirements \(/).click();
    expect(await panel.getByRole('heading', { name: 'Required' }).isVisible()).toBe(true);
    Object.assign(found, await axeBothSchemes(page, 'overlay requirements', 'web', 'joblens-overlay'));

    await panel.getByRole('button', { name: 'Save this job to JobLens' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await panel.getByText('Your notes, status and rating').click();
    await panel.getByRole('radio', { name: '4 of 5' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Clear rating' }).isVisible()).toBe(true);
    await panel.getByLabel('Add a tag').fill('ml');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Remove tag ml' }).isVisible()).toBe(true);
    await panel.getByText('Correct a value').click();
    Object.assign(found, await axeBothSchemes(page, 'overlay saved + annotations', 'web', 'joblens-overlay'));

    await panel.getByRole('button', { name: 'Collapse JobLens panel' }).click();
    Object.assign(found, await axeBothSchemes(page, 'overlay collapsed', 'web', 'joblens-overlay'));
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'a11y-overlay-collapsed.png') });
    noSerious(found);
    await page.close();
  });
});
