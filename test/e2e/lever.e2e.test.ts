import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile } from '../../src/model/index.ts';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { extensionWorld } from './extension-world.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// The extension as a user gets it: the built MV3 package loaded into Debian's Chromium,
// on Lever fixture pages served for their real jobs.lever.co URLs.
const FIXTURES = join(ROOT, 'test/fixtures/lever');
const SAMBA_URL = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const MUSIC_URL = 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a';
const BOARD_URL = 'https://jobs.lever.co/spotify';
// The same page at a host the extension does not match: the page as it looks without us.
const PLAIN_URL = 'https://example.test/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';

const PAGES: Record<string, string> = {
  [SAMBA_URL]: join(FIXTURES, 'spotify-ml-engineer-samba.html'),
  [MUSIC_URL]: join(FIXTURES, 'spotify-senior-ml-engineer-music-understanding.html'),
  [BOARD_URL]: join(FIXTURES, 'spotify-ml-engineer-samba.html'),
  [PLAIN_URL]: join(FIXTURES, 'spotify-ml-engineer-samba.html'),
};

describe('the extension on Lever, in Chromium', () => {
  const profile = newProfileDir();
  let browser: Launched;
  // Every launch of the browser, so the last test sees the requests of each, relaunches included.
  const launches: Launched[] = [];
  const launch = async (pages: Record<string, string>) => {
    browser = await launchWithExtension(profile, pages);
    launches.push(browser);
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await launch(PAGES);
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => launches);

  it('shows pay, remote policy and requirements on a posting, without moving the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(PLAIN_URL);
    const layoutWithout = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      title: document.querySelector('.posting-headline h2')?.getBoundingClientRect().toJSON(),
      bodyFont: getComputedStyle(document.body).fontFamily,
    }));

    await page.goto(SAMBA_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);

    const text = await panel.innerText();
    expect(text).toContain('Machine Learning Engineer, Personalization, Samba');
    expect(text).toContain('Spotify');
    expect(text).toMatch(/\$148,901\s*–\s*\$212,716/);
    expect(text).toContain('Remote');
    expect(text).toContain('North America');
    expect(text).toMatch(/5\+ years/);

    // The overlay lives in a shadow root and changes nothing of the page's own layout or styles.
    const layoutWith = await page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      title: document.querySelector('.posting-headline h2')?.getBoundingClientRect().toJSON(),
      bodyFont: getComputedStyle(document.body).fontFamily,
    }));
    expect(layoutWith).toEqual(layoutWithout);
    // The panel is inside the overlay element's shadow root, and nothing of it is in the page's own DOM.
    // (`?.shadowRoot !== null` alone was true with no overlay element at all: undefined is not null.)
    expect(
      await page.evaluate(() => ({
        inShadowRoot: document.querySelector('joblens-overlay')?.shadowRoot?.querySelector('aside[aria-label="JobLens"]') != null,
        inPage: document.querySelector('aside[aria-label="JobLens"]') !== null,
      })),
    ).toEqual({ inShadowRoot: true, inPage: false });
    expect(await page.evaluate(() => document.head.querySelectorAll('style[wxt-shadow-root-document-styles]').length)).toBe(0);

    await page.screenshot({ path: join(ARTIFACTS_DIR, 'overlay.png') });
    await page.close();
  });

  it('reports the conflict when the board says Remote and the text says otherwise', async () => {
    const page = await browser.context.newPage();
    await page.goto(MUSIC_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('Hybrid');
    expect(text).toMatch(/board says\s+Remote/);
    expect(text).toMatch(/\$184,050\s*–\s*\$262,928/);
    await page.close();
  });

  it('shows the pay sentence on the page: scrolled to, highlighted over it, the page itself untouched', async () => {
    const SENTENCE = 'The United States base range for this position is $148,901- $212,716 plus equity.';
    const page = await browser.context.newPage();
    // A window short enough that the sentence starts below the fold.
    await page.setViewportSize({ width: 1280, height: 600 });
    await page.goto(SAMBA_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);

    // Measured in the page with a Range of its own, not with the extension's code.
    const measure = (sentence: string) =>
      page.evaluate((sentence) => {
        const div = Array.from(document.querySelectorAll('div')).find((d) => d.firstChild?.nodeValue?.includes(sentence));
        if (!div?.firstChild) throw new Error('sentence not in the page');
        const range = document.createRange();
        const start = div.firstChild.nodeValue!.indexOf(sentence);
        range.setStart(div.firstChild, start);
        range.setEnd(div.firstChild, start + sentence.length);
        const heading = document.querySelector('.posting-headline h2')!.getBoundingClientRect();
        return {
          rects: Array.from(range.getClientRects(), (r) => r.toJSON() as DOMRect),
          viewport: window.innerHeight,
          scrollY: window.scrollY,
          text: document.body.innerText,
          height: document.documentElement.scrollHeight,
          headingInDocument: { top: heading.top + window.scrollY, left: heading.left, width: heading.width, height: heading.height },
          selection: String(window.getSelection()),
        };
      }, sentence);
    const boxes = () =>
      page.evaluate(() =>
        Array.from(document.querySelector('joblens-overlay')?.shadowRoot?.querySelectorAll('.jl-highlight-box') ?? [], (box) => {
          const style = getComputedStyle(box);
          const rect = box.getBoundingClientRect();
          return {
            rect: rect.toJSON() as DOMRect,
            painted: style.display !== 'none' && style.visibility === 'visible' && style.backgroundColor !== 'rgba(0, 0, 0, 0)',
            // The box lets clicks through to the page: what is under its centre is the page's.
            under: document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2)?.tagName ?? null,
          };
        }),
      );

    const before = await measure(SENTENCE);
    expect(before.scrollY).toBe(0);
    expect(before.rects[0]!.top).toBeGreaterThan(before.viewport); // below the fold: the click must scroll
    // Any change to the page's DOM (a node, an attribute, a character) is recorded.
    await page.evaluate(() => {
      const seen: string[] = [];
      new MutationObserver((records) => seen.push(...records.map((r) => `${r.type} ${r.target.nodeName}`))).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
      (window as unknown as { jlMutations: string[] }).jlMutations = seen;
    });

    const show = panel.getByRole('region', { name: 'Pay' }).getByRole('button', { name: 'Show this sentence on the page' });
    await show.click();

    // Smooth scrolling (no reduced-motion preference here): wait until it settles.
    let lastY = -1;
    await expect
      .poll(
        async () => {
          const y = await page.evaluate(() => window.scrollY);
          const settled = y === lastY;
          lastY = y;
          return settled && y > 0;
        },
        { timeout: 10_000, interval: 150 },
      )
      .toBe(true);
    const after = await measure(SENTENCE);
    for (const r of after.rects) {
      expect(r.top).toBeGreaterThanOrEqual(0);
      expect(r.bottom).toBeLessThanOrEqual(after.viewport);
    }

    // The boxes sit on the sentence's lines (within the few pixels of padding) after the scroll.
    await expect.poll(async () => (await boxes()).length).toBeGreaterThan(0);
    const drawn = await boxes();
    expect(drawn.length).toBe(after.rects.length);
    for (const [i, box] of drawn.entries()) {
      const line = after.rects[i]!;
      expect(box.painted).toBe(true);
      expect(box.under).not.toBe('JOBLENS-OVERLAY');
      expect(Math.abs(box.rect.left - line.left)).toBeLessThanOrEqual(4);
      expect(Math.abs(box.rect.top - line.top)).toBeLessThanOrEqual(4);
      expect(Math.abs(box.rect.right - line.right)).toBeLessThanOrEqual(4);
      expect(Math.abs(box.rect.bottom - line.bottom)).toBeLessThanOrEqual(4);
    }
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'evidence-highlight.png') });

    // The page's text, layout and DOM are as they were; only its scroll position moved.
    expect(after.text).toBe(before.text);
    expect(after.height).toBe(before.height);
    expect(after.headingInDocument).toEqual(before.headingInDocument);
    expect(after.selection).toBe('');
    expect(await page.evaluate(() => (window as unknown as { jlMutations: string[] }).jlMutations)).toEqual([]);

    // Escape clears it; showing it again and closing the panel clears it too.
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await boxes()).length).toBe(0);
    await show.click();
    await expect.poll(async () => (await boxes()).length).toBe(after.rects.length);
    await panel.getByRole('button', { name: 'Close JobLens panel' }).click();
    await expect.poll(() => page.locator('joblens-overlay').count()).toBe(0);
    expect(await boxes()).toEqual([]);
    await page.close();
  });

  it('leaves a board index page alone', async () => {
    // The index is served with a posting's HTML: only its address says it is not a posting.
    const page = await browser.context.newPage();
    await page.goto(BOARD_URL);
    // No fixed wait: a panel would follow the background agreeing to run the reader here,
    // which the board script asks as the page starts. The same question, asked now, is
    // answered no, and no reader runs in the page.
    const joblens = await extensionWorld(browser, page);
    expect(joblens.count(), "the board script runs on the board's pages").toBe(1);
    expect(await joblens.askForReader()).toEqual({ ok: true, data: { injected: false } });
    expect(await joblens.readerRunning()).toBe(false);
    expect(await page.locator('joblens-overlay').count()).toBe(0);
    await joblens.detach();
    await page.close();
  });

  it('saves the posting, lists it in the popup, and exports a valid file', async () => {
    const page = await browser.context.newPage();
    await page.goto(SAMBA_URL);
    const save = page.getByRole('button', { name: 'Save this job to JobLens' });
    await save.click();
    await expect.poll(() => page.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    // Saving twice updates the one record.
    await page.getByRole('button', { name: 'Saved to JobLens' }).click();
    await page.close();

    const popup = await openPopup(browser);
    const item = popup.getByRole('listitem').filter({ hasText: 'Machine Learning Engineer, Personalization, Samba' });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    const row = await item.innerText();
    expect(row).toContain('Spotify');
    expect(row).toMatch(/\$148,901/);
    expect(row).toContain('Remote');
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'popup.png') });

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export saved jobs as JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^joblens-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = ExportFile.parse(JSON.parse(readFileSync((await download.path())!, 'utf8')));
    expect(file.postings).toHaveLength(1);
    expect(file.postings[0]).toMatchObject({
      id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
      salary: { min: 148901, max: 212716, currency: 'USD', period: 'year' },
      status: 'saved',
    });
    await popup.close();
  });

  it('keeps the saved job after the browser is closed and reopened on the same profile', async () => {
    await browser.context.close();
    await launch(PAGES);
    const page = await browser.context.newPage();
    await page.goto(SAMBA_URL);
    await expect.poll(() => page.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 15_000 }).toBe(true);
    const popup = await openPopup(browser);
    await expect
      .poll(() => popup.getByRole('listitem').filter({ hasText: 'Samba' }).count(), { timeout: 10_000 })
      .toBe(1);
  });

  it('marks a saved posting closed when its page is gone, and keeps it', async () => {
    await browser.context.close();
    // The same address now serves the board's "no longer available" page.
    await launch({ ...PAGES, [SAMBA_URL]: join(ROOT, 'test/fixtures/e2e/posting-gone.html') });
    const page = await browser.context.newPage();
    await page.goto(SAMBA_URL);
    const popup = await openPopup(browser);
    const item = popup.getByRole('listitem').filter({ hasText: 'Samba' });
    // The reader gives a single-page board a few seconds to render before it decides; the
    // popup shows the list as it was when opened, so look again until the mark is there.
    await expect
      .poll(
        async () => {
          await popup.reload();
          await item.first().waitFor({ timeout: 5_000 });
          return item.innerText();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toMatch(/closed/i);
    expect(await page.locator('joblens-overlay').count()).toBe(0);
  });
});
