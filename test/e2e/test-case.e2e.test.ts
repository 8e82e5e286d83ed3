import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/annotate.ts';
import { Posting, TestCase } from '../../src/model/index.ts';
import { ARTIFACTS_DIR, EXTENSION_DIR, ROOT, launchWithExtension, newProfileDir, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// "Save this page as a test case" as a user does it: the built extension in Chromium, on a
// Lever fixture served at its real address; the panel's action pressed from the keyboard, the
// download caught, and the file checked, then read back by the command line.
const SAMBA_URL = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const SAMBA_TITLE = 'Machine Learning Engineer, Personalization, Samba';
const PAGES: Record<string, string> = { [SAMBA_URL]: join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html') };

describe('Save this page as a test case, in Chromium', () => {
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

  it('downloads one file: the page without its scripts, handlers, typed text or the panel, and the reading, which reads back the same', async () => {
    const page = await browser.context.newPage();
    await page.goto(SAMBA_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);

    // What a live page may hold by now: code its scripts added, a handler, a field the user
    // began to fill in (typed, so only the field's value holds it), and elements whose names
    // shadow the DOM's own properties (DOM clobbering).
    await page.evaluate(() => {
      const extra = document.createElement('div');
      extra.id = 'added-by-the-page';
      extra.innerHTML =
        '<a href=" java&#x09;script:alert(1)" onclick="alert(2)">Share</a>' +
        '<svg><script>alert(3)</script><a href="javascript:alert(4)"><text>x</text></a></svg>' +
        '<form onsubmit="alert(6)" action="javascript:alert(7)"><input name="email" aria-label="Email"><textarea name="cover" aria-label="Cover letter"></textarea>' +
        // Names that shadow the DOM's own: the form's `attributes` and `localName`, the document's `URL` and more.
        '<input type="hidden" name="attributes"><input type="hidden" name="localName"></form>' +
        '<img name="URL" alt=""><img name="documentElement" alt=""><img name="createElement" alt="">';
      const script = document.createElement('script');
      script.textContent = 'window.addedByPage = true;';
      document.body.append(extra, script);
      document.body.setAttribute('onload', 'alert(5)');
    });
    await page.getByLabel('Email').fill('jobseeker@example.com');
    await page.getByLabel('Cover letter').fill('Dear hiring manager, I began my application here.');
    // A highlight drawn on the page: it lives in the panel's shadow root, so it must not be in the file either.
    await panel.getByRole('region', { name: 'Pay' }).getByRole('button', { name: /Show this sentence on the page/ }).first().click();

    const action = panel.getByRole('button', { name: 'Save this page as a test case' });
    await action.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    expect(download.suggestedFilename()).toBe(`joblens-test-case-lever-7597d3d7-${day}.json`);
    await expect.poll(() => panel.getByRole('status').filter({ hasText: 'Downloaded' }).innerText()).toContain(download.suggestedFilename());

    const path = (await download.path())!;
    const text = readFileSync(path, 'utf8');
    const file = TestCase.parse(JSON.parse(text));
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string };
    expect(file).toMatchObject({ format: 'joblens-test-case', version: 1, url: SAMBA_URL, extension: manifest.version });
    expect(Date.now() - Date.parse(file.capturedAt)).toBeLessThan(5 * 60_000);
    const reading = Posting.parse(file.reading);
    expect(reading.title).toBe(SAMBA_TITLE);

    const { html } = file;
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(SAMBA_TITLE);
    const scripts = html.match(/<script\b[^>]*>/gi) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((tag) => !/type="application\/ld\+json"/i.test(tag))).toEqual([]);
    expect(html).not.toMatch(/\bon[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:|alert\(|addedByPage/i);
    expect(html).not.toMatch(/jobseeker@example\.com|Dear hiring manager/);
    expect(html).not.toMatch(/joblens-overlay|jl-highlight|jl-card|Save this page as a test case/);
    // The page's own additions that are not code stay: it is the page as it is now.
    expect(html).toContain('id="added-by-the-page"');
    expect(html).toContain('name="documentElement"');

    // The file is a fixture: the command line reads its page at its address to the same posting.
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli([download.suggestedFilename()], {
      stdout: (line) => out.push(line),
      stderr: (line) => err.push(line),
      readFile: async () => text,
      now: new Date(reading.parsedAt),
    });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(Posting.parse(JSON.parse(out[0]!))).toEqual(reading);

    // The page itself was not cleaned: only the copy.
    expect(await page.evaluate(() => document.body.getAttribute('onload'))).toBe('alert(5)');
    expect(await page.getByLabel('Email').inputValue()).toBe('jobseeker@example.com');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'test-case-saved.png') });
    await page.close();
  });
});
