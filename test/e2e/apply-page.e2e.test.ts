import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// A board's apply page, as a user reaches it from the posting: the panel shows the posting's
// headline facts there, says where they were read, and never replaces the saved copy of the
// posting (whose text the apply page lacks). The apply page is a fixture made from the
// posting's own markup (test/fixtures/lever/spotify-ml-engineer-samba-apply.html says how).

const SAMBA_URL = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const APPLY_URL = `${SAMBA_URL}/apply`;
const FIXTURES = join(ROOT, 'test/fixtures/lever');

describe("a board's apply page, in Chromium", () => {
  const profile = newProfileDir();
  let browser: Launched;

  beforeAll(async () => {
    browser = await launchWithExtension(profile, {
      [SAMBA_URL]: join(FIXTURES, 'spotify-ml-engineer-samba.html'),
      [APPLY_URL]: join(FIXTURES, 'spotify-ml-engineer-samba-apply.html'),
    });
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [browser]);

  it('shows the posting on its apply page, saved, and leaves the saved copy whole', async () => {
    const page = await browser.context.newPage();
    await page.goto(SAMBA_URL);
    await page.getByRole('button', { name: 'Save this job to JobLens' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);

    await page.goto(APPLY_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    const text = await panel.innerText();
    expect(text).toContain('Machine Learning Engineer, Personalization, Samba');
    expect(text).toContain("Read from the board's apply page");
    expect(text).toContain('Remote');
    expect(text).not.toMatch(/Resume|Full name/);
    await expect.poll(() => page.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(1000);

    // The saved record still holds the posting's text and requirements, not the apply page's.
    const popup = await openPopup(browser);
    const saved = await popup.evaluate(
      () =>
        new Promise<{ description: string; required: number }>((resolve, reject) => {
          const open = indexedDB.open('joblens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('postings').objectStore('postings').get('lever:7597d3d7-58d2-41b2-9f85-911d95c2c739');
            get.onsuccess = () => resolve({ description: get.result.description, required: get.result.requirements.required.length });
            get.onerror = () => reject(get.error);
          };
        }),
    );
    expect(saved.description).toContain("What You'll Do");
    expect(saved.required).toBeGreaterThan(3);
    await popup.close();
    await page.close();
  });
});
