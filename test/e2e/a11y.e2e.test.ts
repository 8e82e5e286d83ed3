import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// Issue 6, "Accessibility and comfort", on the built extension in Chromium: the overlay on
// Lever postings, the popup and the comparison page. axe-core (WCAG 2.0/2.1 A and AA, and
// best practice) in light and in dark, with no serious or critical violation; colour
// contrast measured where axe cannot; the keyboard alone, with a visible focus ring on
// every stop; reduced motion; and 200% zoom.

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
  title: 'Senior Machine Learning Engineer, Personalization, Music Understanding',
};
const NORTHWIND = {
  url: 'https://jobs.lever.co/northwind-analytics/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
  file: join(FIXTURES, 'northwind-data-platform-salary-block.html'),
  title: 'Senior Data Platform Engineer',
};
const PAGES: Record<string, string> = { [SAMBA.url]: SAMBA.file, [MUSIC.url]: MUSIC.file, [NORTHWIND.url]: NORTHWIND.file };

const AXE_PATH = join(ROOT, 'node_modules/axe-core/axe.min.js');
const AXE_SOURCE = readFileSync(AXE_PATH, 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
const SHOW = /Show this sentence on the page$/;

// ---------------------------------------------------------------------------------------
// axe

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown; summary: string }[];
}

/**
 * Loads axe into `page`. On a web page a script tag does (it runs in the page's main world,
 * and axe reads open shadow roots such as the overlay's). The extension's own pages have a
 * CSP (script-src 'self') that refuses an inline script and eval; an expression evaluated
 * through the DevTools protocol (Runtime.evaluate, which Playwright's string evaluate uses)
 * is not subject to the page's CSP.
 */
async function injectAxe(page: Page, kind: 'web' | 'extension'): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (kind === 'web') await page.addScriptTag({ path: AXE_PATH });
  else await page.evaluate(AXE_SOURCE);
  expect(await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe)).toBe('object');
}

/**
 * Runs axe on `page` (or on the element `include` selects, shadow tree included) and
 * returns the serious and critical violations; the others, and what axe leaves for review,
 * are printed.
 */
async function axe(page: Page, label: string, kind: 'web' | 'extension', include?: string): Promise<Violation[]> {
  await injectAxe(page, kind);
  const result = await page.evaluate(
    async ({ include, tags }) => {
      const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<any> } }).axe;
      const r = await axe.run(include ? { include: [[include]] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'passes', 'incomplete'],
      });
      const count = (rules: any[]) => rules.reduce((n: number, rule: any) => n + rule.nodes.length, 0);
      return {
        passes: count(r.passes),
        contrastPasses: count(r.passes.filter((rule: any) => rule.id === 'color-contrast')),
        review: (r.incomplete as any[]).map((v) => `${v.id} ×${v.nodes.length}`),
        violations: (r.violations as any[]).map((v) => ({
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
  expect(result.passes, `${label}: axe checked nothing`).toBeGreaterThan(10);
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result.violations.filter((v) => !serious.includes(v))) {
    console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.help}) at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }
  for (const v of serious) console.log(`[axe ${label}] ${v.impact}: ${v.id} (${v.help})`, JSON.stringify(v.nodes, null, 1));
  if (result.review.length > 0) {
    console.log(`[axe ${label}] for review: ${result.review.join(', ')}; colour contrast passed on ${result.contrastPasses} nodes`);
  }
  return serious;
}

/** Runs `check` in light and in dark, the system colour scheme emulated. */
async function inBothSchemes<T>(page: Page, label: string, check: (label: string) => Promise<T>): Promise<Record<string, T>> {
  const found: Record<string, T> = {};
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    found[`${label} (${colorScheme})`] = await check(`${label} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

function expectNone(found: Record<string, unknown[]>): void {
  const summary = Object.fromEntries(
    Object.entries(found).map(([k, v]) => [k, v.map((x) => (x && typeof x === 'object' && 'id' in x ? `${(x as Violation).id}: ${(x as Violation).nodes.length}` : x))]),
  );
  expect(summary).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
}

// ---------------------------------------------------------------------------------------
// Colour contrast, measured

interface ContrastIssue {
  text: string;
  ratio: string;
  need: number;
  color: string;
  background: string;
}

/**
 * The contrast of every visible piece of text in the overlay's shadow root (or the whole
 * document): its colour against the backgrounds under it, composited. axe leaves the
 * overlay's text "for review" (it finds no background through the zero-size fixed host),
 * so this is what holds the overlay to 4.5:1 (3:1 for large text, and for glyphs that are
 * graphics: aria-hidden or role="img", such as the rating stars; WCAG 1.4.3 and 1.4.11).
 * Inactive controls are exempt, as WCAG exempts them.
 */
function contrastIssues(page: Page, scope: 'overlay' | 'document'): Promise<{ checked: number; issues: ContrastIssue[] }> {
  return page.evaluate((scope) => {
    const root: ParentNode | null = scope === 'overlay' ? (document.querySelector('joblens-overlay')?.shadowRoot ?? null) : document;
    if (!root) throw new Error('nothing to measure');
    type Rgba = [number, number, number, number];
    const rgba = (c: string): Rgba | null => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return null;
      const p = m[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const lum = (c: Rgba) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null);
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = parentOf(e)) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let bg: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) bg = over(layer, bg);
      return bg;
    };
    const issues: ContrastIssue[] = [];
    let checked = 0;
    for (const el of Array.from(root.querySelectorAll('*'))) {
      if (el.closest('.jl-highlight-layer, .jl-sr, [aria-disabled="true"], :disabled, script, style, head')) continue;
      const text = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join('')
        .trim();
      if (!text || el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility !== 'visible') continue;
      const bg = background(el);
      const fg = over(rgba(s.color)!, bg);
      const size = parseFloat(s.fontSize);
      const bold = parseInt(s.fontWeight, 10) >= 700;
      const graphic = el.closest('[aria-hidden="true"], [role="img"]') !== null;
      const need = graphic || size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
      const r = ratio(fg, bg);
      checked++;
      if (r < need - 0.005) {
        issues.push({ text: text.slice(0, 40), ratio: r.toFixed(2), need, color: s.color, background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})` });
      }
    }
    return { checked, issues };
  }, scope);
}

async function contrastInBothSchemes(page: Page, label: string, scope: 'overlay' | 'document', least = 4): Promise<Record<string, ContrastIssue[]>> {
  return inBothSchemes(page, label, async (name) => {
    const { checked, issues } = await contrastIssues(page, scope);
    expect(checked, `${name}: no text measured`).toBeGreaterThanOrEqual(least);
    for (const issue of issues) console.log(`[contrast ${name}]`, JSON.stringify(issue));
    return issues;
  });
}

// ---------------------------------------------------------------------------------------
// Focus

interface Focused {
  tag: string;
  /** The name as a user hears it: aria-label, else its label, else its text. */
  name: string;
  inOverlay: boolean;
  inDialog: boolean;
  rect: { top: number; bottom: number; left: number; right: number };
  /** A focus ring: an outline (not none, wider than 0, not transparent) or a box-shadow, on it or on its label. */
  ring: boolean;
  checked: boolean | null;
  expanded: string | null;
}

/** The focused element, looking through shadow roots (the overlay's is open). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const hasRing = (e: Element) => {
      const s = getComputedStyle(e);
      const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && !/rgba\(.*,\s*0\)$|transparent/.test(s.outlineColor);
      return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
    };
    // A visually hidden native control (a rating star's radio) shows its focus on its label.
    const label = el.closest('label');
    const ring = hasRing(el) || (label !== null && hasRing(label));
    const input = el as HTMLInputElement;
    // A label's own words, without the text of the control inside it (a select's options).
    const labelled = input.labels?.[0]?.cloneNode(true) as HTMLElement | undefined;
    labelled?.querySelectorAll('input, select, textarea, [aria-hidden="true"]').forEach((c) => c.remove());
    const fromLabel = labelled?.textContent ?? null;
    const name = (el.getAttribute('aria-label') ?? fromLabel ?? (el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      name,
      inOverlay: el.getRootNode() !== document,
      inDialog: el.closest('[role="alertdialog"]') !== null,
      rect: { top: r.top, bottom: r.bottom, left: r.left, right: r.right },
      ring,
      checked: input.type === 'checkbox' || input.type === 'radio' ? input.checked : null,
      expanded: el.getAttribute('aria-expanded'),
    };
  });
}

async function press(page: Page, key: string): Promise<Focused | null> {
  await page.keyboard.press(key);
  return focused(page);
}

/** Presses `key` (Tab) until the focused element's name matches; fails after `max` presses. */
async function tabTo(page: Page, name: string | RegExp, key = 'Tab', max = 80): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    const f = await press(page, key);
    if (f && (typeof name === 'string' ? f.name === name : name.test(f.name))) return f;
  }
  throw new Error(`${key} never reached ${String(name)}`);
}

/**
 * Focus back at the start of the document, as after loading it. Blurring alone is not
 * enough: Chromium starts the next Tab from the element last focused or clicked, so the
 * root is focused (made focusable for the moment) and blurred.
 */
async function focusStart(page: Page): Promise<void> {
  await page.evaluate(() => {
    const root = document.documentElement;
    root.setAttribute('tabindex', '-1');
    root.focus();
    root.blur();
    root.removeAttribute('tabindex');
    window.getSelection()?.removeAllRanges();
  });
}

/** Every Tab stop in the overlay, from the page's start, until focus leaves the overlay. */
async function overlayTabStops(page: Page): Promise<Focused[]> {
  await focusStart(page);
  const stops: Focused[] = [];
  for (let i = 0; i < 150; i++) {
    const f = await press(page, 'Tab');
    if (f?.inOverlay) stops.push(f);
    else if (stops.length > 0) return stops;
  }
  throw new Error(stops.length ? 'focus never left the overlay' : 'Tab never reached the overlay');
}

// ---------------------------------------------------------------------------------------
// Overlay helpers

async function overlayOn(browser: Launched, url: string, setup?: (page: Page) => Promise<void>): Promise<{ page: Page; panel: Locator }> {
  const page = await browser.context.newPage();
  await setup?.(page);
  await page.goto(url);
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  return { page, panel };
}

async function saveFromOverlay(browser: Launched, url: string): Promise<void> {
  const { page, panel } = await overlayOn(browser, url);
  // Saving a saved posting again only refreshes it, so either label will do.
  await panel.getByRole('button', { name: /^(Save this job to|Saved to) JobLens$/ }).click();
  await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
  await page.close();
}

const highlightCount = (page: Page) =>
  page.evaluate(() => document.querySelector('joblens-overlay')?.shadowRoot?.querySelectorAll('.jl-highlight-box').length ?? 0);

const detailsOpen = (page: Page, summaryText: RegExp) =>
  page.evaluate(
    (source) =>
      Array.from(document.querySelector('joblens-overlay')?.shadowRoot?.querySelectorAll('summary') ?? []).find((s) =>
        new RegExp(source).test(s.textContent ?? ''),
      )?.parentElement?.hasAttribute('open') ?? null,
    summaryText.source,
  );

/**
 * What is cut off sideways. An element that clips (overflow other than visible) and whose
 * content is wider than its box loses text, unless it says so with an ellipsis and carries
 * the whole text in its title (a saved job's one-line summary in the list; all of it is in
 * the job's details too). Scroll containers that scroll sideways by design are named in
 * `scrollers` (a data table may, WCAG 1.4.10). Any other element must lie inside the
 * window, sideways.
 */
function clippedSideways(page: Page, scope: 'overlay' | 'document', scrollers: string[] = []) {
  return page.evaluate(
    ({ scope, scrollers }) => {
      const root: ParentNode | null = scope === 'overlay' ? (document.querySelector('joblens-overlay')?.shadowRoot ?? null) : document;
      if (!root) throw new Error('nothing to measure');
      const cut: { element: string; text: string; scrollWidth: number; clientWidth: number }[] = [];
      let checked = 0;
      for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
        if (el.closest('.jl-highlight-layer, .jl-sr, script, style, head') || el.getClientRects().length === 0) continue;
        const s = getComputedStyle(el);
        if (s.display === 'inline' || s.display === 'contents' || el.clientWidth === 0) continue;
        checked++;
        const text = (el.innerText ?? '').replace(/\s+/g, ' ').trim();
        const what = `${el.tagName.toLowerCase()}.${el.className}`;
        if (s.overflowX === 'visible') {
          const r = el.getBoundingClientRect();
          if (r.left < -1 || r.right > innerWidth + 1) cut.push({ element: what, text: text.slice(0, 60), scrollWidth: Math.round(r.right), clientWidth: innerWidth });
          continue;
        }
        if (el.scrollWidth <= el.clientWidth + 1) continue;
        if (scrollers.some((sel) => el.matches(sel)) && (s.overflowX === 'auto' || s.overflowX === 'scroll')) continue;
        const signposted = s.textOverflow === 'ellipsis' && (el.getAttribute('title') ?? '').replace(/\s+/g, ' ').trim() === text;
        if (!signposted) cut.push({ element: what, text: text.slice(0, 60), scrollWidth: el.scrollWidth, clientWidth: el.clientWidth });
      }
      const doc = document.documentElement;
      return { checked, cut, pageScrollsSideways: doc.scrollWidth > doc.clientWidth + 1, width: doc.clientWidth };
    },
    { scope, scrollers },
  );
}

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

  expectNoRequestsOfItsOwn(() => [browser]);

  it('overlay: no serious or critical axe violation and text at 4.5:1, expanded, requirements open, saved with its annotations open, collapsed; light and dark', async () => {
    const { page, panel } = await overlayOn(browser, SAMBA.url);
    const found: Record<string, unknown[]> = {};
    const scan = async (label: string, least?: number) => {
      Object.assign(found, await inBothSchemes(page, label, (name) => axe(page, name, 'web', 'joblens-overlay')));
      Object.assign(found, await contrastInBothSchemes(page, `${label}, contrast`, 'overlay', least));
    };

    // The theme follows the system: the panel is light in light and dark in dark.
    const cardBackground = () => page.evaluate(() => getComputedStyle(document.querySelector('joblens-overlay')!.shadowRoot!.querySelector('.jl-card')!).backgroundColor);
    expect(await cardBackground()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await cardBackground()).toBe('rgb(28, 33, 40)');
    await page.emulateMedia({ colorScheme: 'light' });

    await scan('overlay expanded');

    await panel.getByText(/^Requirements \(/).click();
    expect(await panel.getByRole('heading', { name: 'Required' }).isVisible()).toBe(true);
    await scan('overlay requirements');

    await panel.getByRole('button', { name: 'Save this job to JobLens' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await panel.getByText('Your notes, status and rating').click();
    await panel.getByRole('radio', { name: '4 of 5' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Clear rating' }).isVisible()).toBe(true);
    await panel.getByLabel('Add a tag').fill('ml');
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Remove tag ml' }).isVisible()).toBe(true);
    await panel.getByText('Correct a value').click();
    await scan('overlay saved + annotations');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'a11y-overlay-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });

    await panel.getByRole('button', { name: 'Collapse JobLens panel' }).click();
    await scan('overlay collapsed', 1);
    expectNone(found);
    await page.close();
  });

  it('overlay: the keyboard alone, in reading order, with a visible focus everywhere', async () => {
    const { page, panel } = await overlayOn(browser, MUSIC.url);
    // Showing up does not take the focus from the page.
    expect((await focused(page))?.inOverlay ?? false).toBe(false);

    // From the page, Tab comes to the panel (the page's last element) and goes through it
    // top to bottom: header buttons, the sentences that can be shown on the page, the
    // requirements, then Save, and last the quieter "Save this page as a test case" under it.
    const stops = await overlayTabStops(page);
    const names = stops.map((s) => s.name);
    console.log('[keyboard overlay]', JSON.stringify(names));
    expect(names.slice(0, 2)).toEqual(['Collapse JobLens panel', 'Close JobLens panel']);
    expect(names.slice(-2)).toEqual(['Save this job to JobLens', 'Save this page as a test case']);
    expect(names.filter((n) => SHOW.test(n)).length).toBeGreaterThanOrEqual(2);
    expect(names.some((n) => /^Requirements \(\d+ required/.test(n))).toBe(true);
    for (let i = 2; i < stops.length; i++) expect(stops[i]!.rect.top).toBeGreaterThanOrEqual(stops[i - 1]!.rect.top - 1);
    expect(stops.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);

    // "Show on page": Enter shows the sentence; the first Escape clears the highlight and
    // leaves the panel open, focus where it was.
    await focusStart(page);
    const show = await tabTo(page, SHOW);
    await page.keyboard.press('Enter');
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    expect((await focused(page))?.name).toBe(show.name);
    await page.keyboard.press('Escape');
    await expect.poll(() => highlightCount(page)).toBe(0);
    expect(await panel.getByRole('button', { name: 'Collapse JobLens panel' }).isVisible()).toBe(true);
    expect((await focused(page))?.name).toBe(show.name);
    // Space shows it too.
    await page.keyboard.press('Space');
    await expect.poll(() => highlightCount(page)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => highlightCount(page)).toBe(0);

    // With no highlight, Escape folds the panel to its pill, focus on the pill; Enter opens
    // it again, focus on the collapse button. The collapse button and Space do the same.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await focused(page))?.name).toBe('JobLens');
    expect((await focused(page))?.expanded).toBe('false');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.name).toBe('Collapse JobLens panel');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page))?.name).toBe('JobLens');
    expect((await focused(page))?.ring).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await focused(page))?.name).toBe('Collapse JobLens panel');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.name).toBe('JobLens');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.name).toBe('Collapse JobLens panel');

    // The requirements: Enter and Space open and close them.
    await tabTo(page, /^Requirements \(/);
    await page.keyboard.press('Enter');
    expect(await detailsOpen(page, /^Requirements/)).toBe(true);
    await page.keyboard.press('Space');
    expect(await detailsOpen(page, /^Requirements/)).toBe(false);
    await page.keyboard.press('Enter');
    expect(await detailsOpen(page, /^Requirements/)).toBe(true);

    // Save with Enter; the button keeps the focus through "Saving…" to "Saved"; Space saves again.
    await tabTo(page, 'Save this job to JobLens');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page))?.name, { timeout: 10_000 }).toBe('Saved to JobLens');
    await page.keyboard.press('Space');
    await expect.poll(() => panel.getByRole('button', { name: 'Saving this job to JobLens' }).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(async () => (await focused(page))?.name).toBe('Saved to JobLens');

    // The user's part, by keyboard: status, rating, a tag, notes.
    await tabTo(page, 'Your notes, status and rating', 'Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await detailsOpen(page, /^Your notes/)).toBe(true);
    expect((await press(page, 'Tab'))?.name).toBe('Status');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => panel.getByRole('region', { name: 'Your saved copy' }).innerText()).toMatch(/Status:\s*Applying/);
    const star = await tabTo(page, '1 of 5');
    expect(star.ring).toBe(true);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => panel.getByRole('radio', { name: '2 of 5' }).isChecked()).toBe(true);
    await tabTo(page, 'Clear rating');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Clear rating' }).count()).toBe(0);
    // The button went; focus stayed in the rating.
    expect((await focused(page))?.name).toMatch(/^\d of 5$/);
    await tabTo(page, 'Add a tag');
    await page.keyboard.type('remote');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Remove tag remote' }).isVisible()).toBe(true);
    await tabTo(page, 'Remove tag remote', 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Remove tag remote' }).count()).toBe(0);
    expect((await focused(page))?.name).toBe('Add a tag');
    await tabTo(page, 'Notes');
    await page.keyboard.type('Ask about the team');
    // Escape in a field is the field's: the panel stays open, the note typed stays.
    await page.keyboard.press('Escape');
    expect(await panel.getByLabel('Notes').inputValue()).toBe('Ask about the team');
    await tabTo(page, 'Save notes');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
    expect((await focused(page))?.name).toBe('Save notes');

    // Every stop of the full panel shows its focus, and sits in reading order.
    const all = await overlayTabStops(page);
    console.log('[keyboard overlay, saved]', JSON.stringify(all.map((s) => s.name)));
    expect(all.length).toBeGreaterThanOrEqual(stops.length + 8);
    expect(all.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);

    // Close with Enter: the panel goes and the focus is back on the page where it was
    // before it went into the panel.
    await focusStart(page);
    let before: Focused | null = null;
    for (let i = 0; i < 60; i++) {
      const f = await press(page, 'Tab');
      if (f?.inOverlay) break;
      before = f;
    }
    expect(before).not.toBeNull();
    await tabTo(page, 'Close JobLens panel');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('joblens-overlay').count()).toBe(0);
    const after = await focused(page);
    expect(after?.inOverlay).toBe(false);
    expect(after?.name).toBe(before!.name);
    await page.close();
  });

  it('overlay: no motion with reduced motion, and "Show on page" jumps instead of scrolling', async () => {
    // Without the preference: the panel fades in, and the page scrolls smoothly (the check
    // below would see both).
    const moving = await overlayOn(browser, SAMBA.url);
    const motion = (page: Page) =>
      page.evaluate(() => {
        const moving: string[] = [];
        const root = document.querySelector('joblens-overlay')!.shadowRoot!;
        const seconds = (list: string) => Math.max(...list.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 0.001 : 1)));
        for (const el of Array.from(root.querySelectorAll('*'))) {
          const s = getComputedStyle(el);
          const animated = s.animationName !== 'none' && seconds(s.animationDuration) > 0;
          const transition = seconds(s.transitionDuration) > 0 && s.transitionProperty !== 'none';
          if (animated || transition) moving.push(`${el.tagName.toLowerCase()}.${el.className}: ${s.animationName} ${s.animationDuration} / ${s.transitionProperty} ${s.transitionDuration}`);
        }
        return moving;
      });
    expect((await motion(moving.page)).length).toBeGreaterThan(0);
    // The show control, pressed from script: where the window is right after the press.
    const pressShow = (page: Page) =>
      page.evaluate(() => {
        const button = Array.from(document.querySelector('joblens-overlay')!.shadowRoot!.querySelectorAll('button')).find((b) =>
          /Show this sentence on the page$/.test(b.textContent ?? ''),
        )!;
        const before = window.scrollY;
        button.click();
        return { before, after: window.scrollY };
      });
    await moving.page.setViewportSize({ width: 1280, height: 600 });
    const smooth = await pressShow(moving.page);
    expect(smooth).toEqual({ before: 0, after: 0 });
    await expect.poll(() => moving.page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await moving.page.close();

    // With it: nothing in the panel animates or transitions, and the page jumps to the
    // sentence at once, even on a page whose own CSS asks for smooth scrolling.
    const { page } = await overlayOn(browser, SAMBA.url, async (p) => {
      await p.emulateMedia({ reducedMotion: 'reduce' });
      await p.setViewportSize({ width: 1280, height: 600 });
    });
    expect(await motion(page)).toEqual([]);
    await page.addStyleTag({ content: 'html { scroll-behavior: smooth; }' });
    const jump = await pressShow(page);
    expect(jump.before).toBe(0);
    expect(jump.after).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(jump.after);
    expect(await highlightCount(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('overlay at 200% zoom: the whole panel fits the window, nothing is cut off sideways, every control can be reached', async () => {
    // Browser zoom at 200% lays a 1280×900 window out as 640×450 CSS pixels; the panel is
    // sized in CSS pixels, so that viewport gives the very layout 200% zoom gives. (WCAG
    // 1.4.10's 320 CSS pixels wide, 400% zoom, is checked for the width too.)
    for (const viewport of [
      { width: 640, height: 450 },
      { width: 320, height: 450 },
    ]) {
      const { page, panel } = await overlayOn(browser, SAMBA.url, (p) => p.setViewportSize(viewport));
      await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
      await panel.getByText(/^Requirements \(/).click();
      await panel.getByText('Your notes, status and rating').click();
      await panel.getByText('Correct a value').click();
      const box = await page.evaluate(() => {
        const card = document.querySelector('joblens-overlay')!.shadowRoot!.querySelector('.jl-card')!.getBoundingClientRect();
        const save = document.querySelector('joblens-overlay')!.shadowRoot!.querySelector('.jl-save')!.getBoundingClientRect();
        return { card: card.toJSON() as DOMRect, save: save.toJSON() as DOMRect, width: innerWidth, height: innerHeight };
      });
      expect(box.card.left).toBeGreaterThanOrEqual(0);
      expect(box.card.right).toBeLessThanOrEqual(box.width);
      expect(box.card.top).toBeGreaterThanOrEqual(0);
      expect(box.card.bottom).toBeLessThanOrEqual(box.height);
      // Save, in the footer, stays in view however long the body is.
      expect(box.save.bottom).toBeLessThanOrEqual(box.card.bottom);
      const { checked, cut } = await clippedSideways(page, 'overlay');
      expect(checked).toBeGreaterThan(20);
      expect(cut, `at ${viewport.width}×${viewport.height}`).toEqual([]);
      // Every control, reached by Tab, is scrolled into view inside the panel.
      const stops = await overlayTabStops(page);
      expect(stops.length).toBeGreaterThan(15);
      const outside = stops.filter(
        (s) => s.rect.top < box.card.top - 1 || s.rect.bottom > box.card.bottom + 1 || s.rect.left < box.card.left - 1 || s.rect.right > box.card.right + 1,
      );
      expect(outside.map((s) => s.name)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS_DIR, `a11y-overlay-${viewport.width}.png`) });
      await page.close();
    }
  });

  it('popup and comparison: no serious or critical axe violation in any view; light and dark', async () => {
    for (const url of [SAMBA.url, MUSIC.url, NORTHWIND.url]) await saveFromOverlay(browser, url);
    const popup = await openPopup(browser);
    const list = popup.getByRole('list', { name: 'Saved jobs' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    const found: Record<string, unknown[]> = {};
    const scan = async (page: Page, label: string) => {
      Object.assign(found, await inBothSchemes(page, label, (name) => axe(page, name, 'extension')));
      Object.assign(found, await contrastInBothSchemes(page, `${label}, contrast`, 'document'));
    };
    await scan(popup, 'popup list');

    await popup.getByText(/^Filter and sort/).click();
    await popup.getByRole('checkbox', { name: `Select ${SAMBA.title}` }).check();
    await popup.getByRole('checkbox', { name: `Select ${MUSIC.title}` }).check();
    await scan(popup, 'popup filters + selection');

    await popup.getByRole('button', { name: 'Delete all', exact: true }).click();
    await expect.poll(() => popup.getByRole('alertdialog').isVisible()).toBe(true);
    await scan(popup, 'popup confirm');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'a11y-popup-confirm.png') });
    await popup.getByRole('button', { name: 'Cancel' }).click();

    // The comparison is wide: the popup grows to it (Chrome's popups go up to 800 pixels).
    await popup.setViewportSize({ width: 800, height: 600 });
    await popup.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => popup.getByRole('table', { name: /Comparing 2 saved jobs/ }).isVisible()).toBe(true);
    await scan(popup, 'popup compare');
    await popup.getByRole('button', { name: 'Back to the list' }).click();
    await popup.setViewportSize({ width: 420, height: 600 });

    await popup.getByRole('button', { name: `Details for ${SAMBA.title}` }).click();
    await popup.getByText('Correct a value').click();
    await scan(popup, 'popup detail');
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    await popup.getByRole('button', { name: 'Exchange rates' }).click();
    await scan(popup, 'popup settings');
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    // Read pasted text: with a field's error shown, then with a reading shown (nothing saved).
    await popup.getByRole('button', { name: 'Read pasted text' }).click();
    await popup.getByRole('button', { name: 'Read', exact: true }).click();
    await popup.getByRole('alert').waitFor();
    await scan(popup, 'popup paste, error');
    await popup.getByRole('textbox', { name: 'Posting text' }).fill(
      'Data Engineer\nThe base pay for this role is $120,000 - $140,000 per year.\nThis role is fully remote.\nRequirements\n- 3+ years of Python\n- SQL',
    );
    await popup.getByRole('button', { name: 'Read', exact: true }).click();
    await popup.getByRole('heading', { name: 'Data Engineer', level: 2 }).waitFor();
    await scan(popup, 'popup paste, read');
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    await popup.getByRole('button', { name: `Delete ${NORTHWIND.title}`, exact: true }).click();
    await expect.poll(() => popup.getByRole('button', { name: /^Undo deleting/ }).isVisible()).toBe(true);
    await scan(popup, 'popup undo');
    await popup.getByRole('button', { name: /^Undo deleting/ }).click();
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);

    const compare = await browser.context.newPage();
    await compare.goto(`chrome-extension://${browser.extensionId}/compare.html?ids=${encodeURIComponent(SAMBA.id)},${encodeURIComponent(MUSIC.id)}`);
    await expect.poll(() => compare.getByRole('table', { name: /Comparing 2 saved jobs/ }).isVisible(), { timeout: 10_000 }).toBe(true);
    await scan(compare, 'compare page');
    expectNone(found);
    await compare.close();
    await popup.close();
  });

  it('popup and comparison at 200% zoom: no sideways scrolling, no text cut off', async () => {
    // A popup grows with the zoom, up to 800×600 window pixels: at 200% the popup has 400
    // CSS pixels of width. Emulated as CSS zoom 2 on the root in an 800×600 window.
    const popup = await openPopup(browser);
    await popup.setViewportSize({ width: 800, height: 600 });
    await expect.poll(() => popup.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    await popup.evaluate(() => (document.documentElement.style.zoom = '2'));
    const check = async (label: string) => {
      const result = await clippedSideways(popup, 'document', ['.jl-cmp-scroll']);
      console.log(`[zoom ${label}]`, JSON.stringify(result));
      expect(result.checked).toBeGreaterThan(5);
      expect({ label, scrolls: result.pageScrollsSideways, cut: result.cut }).toEqual({ label, scrolls: false, cut: [] });
    };
    await check('popup list');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'a11y-popup-200.png') });
    await popup.getByRole('button', { name: `Details for ${MUSIC.title}` }).click();
    await check('popup detail');
    await popup.getByRole('button', { name: 'Back to the list' }).click();
    await popup.getByRole('button', { name: 'Exchange rates' }).click();
    await check('popup settings');
    await popup.close();

    // The comparison tab in a 1280×900 window at 200%: 640×450 CSS pixels.
    const compare = await browser.context.newPage();
    await compare.setViewportSize({ width: 640, height: 450 });
    await compare.goto(`chrome-extension://${browser.extensionId}/compare.html?ids=${encodeURIComponent(SAMBA.id)},${encodeURIComponent(MUSIC.id)}`);
    await expect.poll(() => compare.getByRole('table', { name: /Comparing 2 saved jobs/ }).isVisible(), { timeout: 10_000 }).toBe(true);
    const result = await clippedSideways(compare, 'document', ['.jl-cmp-scroll']);
    console.log('[zoom compare page]', JSON.stringify(result));
    expect({ scrolls: result.pageScrollsSideways, cut: result.cut }).toEqual({ scrolls: false, cut: [] });
    await compare.close();
  });

  it('popup: every action by keyboard alone, focus visible, the delete dialog holding the focus', async () => {
    const popup = await openPopup(browser);
    const list = popup.getByRole('list', { name: 'Saved jobs' });
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    const titles = (await list.locator('.jl-saved-title').allInnerTexts()).map((t) => t.trim());

    // Tab order: what acts on all saved jobs, search and filters, then each row's controls.
    const stops: Focused[] = [];
    await focusStart(popup);
    for (let i = 0; i < 9 + 4 * titles.length; i++) stops.push((await press(popup, 'Tab'))!);
    console.log('[keyboard popup]', JSON.stringify(stops.map((s) => s.name)));
    expect(stops.map((s) => s.name)).toEqual([
      'Export saved jobs as JSON',
      'Export saved jobs as CSV',
      'Export encrypted',
      'Import saved jobs from a JSON export',
      'Read pasted text',
      'Exchange rates',
      'Delete all',
      'Search saved jobs',
      'Filter and sort',
      ...titles.flatMap((t) => [`Select ${t}`, t, `Details for ${t}`, `Delete ${t}`]),
    ]);
    expect(stops.filter((s) => !s.ring).map((s) => s.name)).toEqual([]);

    // Search: type, and the list follows.
    await tabTo(popup, 'Search saved jobs', 'Shift+Tab');
    await popup.keyboard.type('Samba');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await popup.keyboard.press('Control+A');
    await popup.keyboard.press('Backspace');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(3);

    // Select two for comparison with Space; Compare with Enter; back, focus on Compare.
    await tabTo(popup, `Select ${titles[0]}`);
    await popup.keyboard.press('Space');
    expect((await focused(popup))?.checked).toBe(true);
    await tabTo(popup, `Select ${titles[1]}`);
    await popup.keyboard.press('Space');
    expect((await focused(popup))?.checked).toBe(true);
    await tabTo(popup, 'Compare', 'Shift+Tab');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByRole('table', { name: /Comparing 2 saved jobs/ }).isVisible()).toBe(true);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Compare saved jobs');
    expect((await press(popup, 'Tab'))?.name).toBe('Back to the list');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await focused(popup))?.name).toBe('Compare');

    // Export: the selection as CSV with Enter, everything as JSON with Space; the button
    // keeps the focus while it works.
    const download = async (key: string) => {
      const [file] = await Promise.all([popup.waitForEvent('download'), popup.keyboard.press(key)]);
      return file.suggestedFilename();
    };
    await tabTo(popup, 'Export selected jobs as CSV');
    expect(await download('Enter')).toMatch(/\.csv$/);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Export selected jobs as CSV');
    await tabTo(popup, 'Export saved jobs as JSON', 'Shift+Tab');
    expect(await download('Space')).toMatch(/\.json$/);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Export saved jobs as JSON');

    // A job's details, and back: focus on the view's heading, then back on the row's button.
    await tabTo(popup, `Details for ${titles[2]}`);
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await focused(popup))?.name).toBe(titles[2]);
    expect((await focused(popup))?.tag).toBe('h1');
    await tabTo(popup, 'Back to the list', 'Shift+Tab');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await focused(popup))?.name).toBe(`Details for ${titles[2]}`);

    // Exchange rates, and back.
    await tabTo(popup, 'Exchange rates', 'Shift+Tab');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await focused(popup))?.name).toBe('Exchange rates');
    await tabTo(popup, 'Back to the list');
    await popup.keyboard.press('Enter');
    await expect.poll(async () => (await focused(popup))?.name).toBe('Exchange rates');

    // Delete a row: focus moves to the next row (here the one before: it was the last);
    // Undo is reached by Tab, and brings the row back with the focus on it.
    await tabTo(popup, `Delete ${titles[2]}`);
    await popup.keyboard.press('Enter');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await expect.poll(async () => (await focused(popup))?.name).toBe(`Select ${titles[1]}`);
    await tabTo(popup, `Undo deleting ${titles[2]}`);
    await popup.keyboard.press('Enter');
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    await expect.poll(async () => (await focused(popup))?.name).toBe(`Select ${titles[2]}`);

    // Delete the selection: a dialog that takes the focus (on Cancel), keeps it on Tab and
    // Shift+Tab, and gives it back on Escape.
    await tabTo(popup, 'Delete selected jobs', 'Shift+Tab');
    await popup.keyboard.press('Enter');
    const dialog = popup.getByRole('alertdialog', { name: 'Delete 2 selected jobs?' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Cancel');
    const round: (string | undefined)[] = [];
    for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      const f = await press(popup, key);
      expect(f?.inDialog).toBe(true);
      expect(f?.ring).toBe(true);
      round.push(f?.name);
    }
    expect(round).toEqual(['Delete 2 jobs', 'Cancel', 'Delete 2 jobs', 'Cancel', 'Delete 2 jobs', 'Cancel']);
    await popup.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Delete selected jobs');
    expect(await list.getByRole('listitem').count()).toBe(3);

    // And confirmed: Enter on "Delete 2 jobs"; focus on the list's heading.
    await popup.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Cancel');
    await press(popup, 'Shift+Tab');
    expect((await focused(popup))?.name).toBe('Delete 2 jobs');
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByText('Deleted 2 jobs.').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await list.getByRole('listitem').count()).toBe(1);
    await expect.poll(async () => (await focused(popup))?.name).toBe('Saved jobs (1)');
    await popup.close();
  });
});
