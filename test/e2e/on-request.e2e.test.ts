import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchWithExtension, newProfileDir, pressToolbarButtonThenClick, type Launched } from './browser.ts';
import { extensionWorld } from './extension-world.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// On a host no adapter knows, JobLens runs only when asked: the toolbar button's
// "Read this page" (activeTab + scripting), never on its own.
const CAREERS_URL = 'https://careers.fernhill.example/jobs/senior-backend-engineer';
const ARTICLE_URL = 'https://news.example.test/2026/clinic-software-funding';
const PAGES: Record<string, string> = {
  [CAREERS_URL]: join(ROOT, 'test/fixtures/generic/jsonld-careers-page.html'),
  [ARTICLE_URL]: join(ROOT, 'test/fixtures/generic/article-not-a-posting.html'),
};

describe('any page, on request', () => {
  const profile = newProfileDir();
  let browser: Launched;

  beforeAll(async () => {
    browser = await launchWithExtension(profile, PAGES);
  });
  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [browser]);

  it('does nothing on an unlisted host until asked, then reads the posting there', async () => {
    const page = await browser.context.newPage();
    await page.goto(CAREERS_URL);
    // No fixed wait: no script of JobLens runs in the page (none is declared for this host, and
    // the extension may not add one here until asked), so nothing can show a panel.
    const joblens = await extensionWorld(browser, page);
    expect(joblens.count()).toBe(0);
    expect(await page.locator('joblens-overlay').count()).toBe(0);

    await pressToolbarButtonThenClick(browser, page, 'Read this page');
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('Senior Backend Engineer');
    expect(text).toContain('Fernhill Labs');
    expect(text).toMatch(/\$150,000\s*–\s*\$185,000/);
    expect(text).toContain('Remote');
    // No adapter knows this host: the panel says the figures came from the page's JSON-LD.
    expect(text).toContain("Read from the page's structured data (JSON-LD).");
    // Asked, JobLens runs in the page: the count of 0 above was seen, not missed.
    expect(joblens.count()).toBe(1);
    await joblens.detach();

    // Asking again reads again; it does not stack a second panel.
    await pressToolbarButtonThenClick(browser, page, 'Read this page');
    await page.waitForTimeout(800);
    expect(await page.locator('joblens-overlay').count()).toBe(1);
    await page.close();
  });

  it('says so when the page has no posting, instead of showing an empty panel', async () => {
    const page = await browser.context.newPage();
    await page.goto(ARTICLE_URL);
    await pressToolbarButtonThenClick(browser, page, 'Read this page');
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await panel.innerText()).toContain('No job posting found here.');
    expect(await panel.innerText()).not.toMatch(/\$1\.2B|Pay/);
    await page.close();
  });
});
