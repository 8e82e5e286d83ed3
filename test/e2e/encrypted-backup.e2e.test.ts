import { readFileSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPTED_FORMAT, PBKDF2_ITERATIONS } from '../../src/io/encrypted-export.ts';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// A backup moved between two machines: two launches of Chromium with the built extension and
// different user-data dirs. Profile A saves two postings, writes a note and sets exchange
// rates, then exports encrypted with a passphrase. Profile B imports the file: with a wrong
// passphrase (the message, and nothing written), then with the right one (postings, note and
// rates arrive).

const FIXTURES = join(ROOT, 'test/fixtures');

function job(file: string): { url: string; file: string; id: string; title: string } {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), 'utf8')) as {
    url: string;
    posting: { id: string; title: string };
  };
  return { url: expected.url, file: join(FIXTURES, `${file}.html`), ...expected.posting };
}

const MUSIC = job('lever/spotify-senior-ml-engineer-music-understanding');
const KESTREL = job('greenhouse/kestrel-senior-backend-payments-zones');
const PAGES = Object.fromEntries([MUSIC, KESTREL].map((j) => [j.url, j.file]));
const PASSPHRASE = 'granite otter lantern 42';
const NOTE = 'Laptop: recruiter is Sam, call on Tuesday.';
const WRONG = 'Wrong passphrase, or the file was changed: nothing was imported.';

async function savePage(browser: Launched, url: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  await panel.getByRole('button', { name: 'Save this job to JobLens' }).click();
  await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
  await page.close();
}

function savedList(popup: Page) {
  return popup.getByRole('list', { name: 'Saved jobs' });
}

/** Picks `path` in Import; an encrypted file then asks for its passphrase. */
async function chooseImport(popup: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([
    popup.waitForEvent('filechooser'),
    popup.getByRole('button', { name: 'Import saved jobs from a JSON export' }).click(),
  ]);
  await chooser.setFiles(path);
}

describe('an encrypted backup from one profile into another, in Chromium', () => {
  const profiles = [newProfileDir(), newProfileDir()];
  const files = join(ARTIFACTS_DIR, 'encrypted-backup');
  const backup = join(files, 'backup.encrypted.json');
  let a: Launched;
  let b: Launched;
  expectNoRequestsOfItsOwn(() => [a, b]);

  beforeAll(async () => {
    mkdirSync(files, { recursive: true });
    a = await launchWithExtension(profiles[0]!, PAGES);
    b = await launchWithExtension(profiles[1]!, PAGES);
  });

  afterAll(async () => {
    await a?.context.close().catch(() => undefined);
    await b?.context.close().catch(() => undefined);
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  it('A saves, writes a note, sets rates, and exports encrypted: the file shows how, and none of what it holds', async () => {
    for (const j of [MUSIC, KESTREL]) await savePage(a, j.url);
    const popup = await openPopup(a);
    await expect.poll(() => savedList(popup).getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);

    await popup.getByRole('button', { name: `Details for ${KESTREL.title}` }).click();
    await popup.getByLabel('Notes').fill(NOTE);
    await popup.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    await popup.getByRole('button', { name: 'Exchange rates' }).click();
    await popup.getByRole('textbox', { name: 'Base currency' }).fill('USD');
    // The form opens with one empty row.
    await popup.getByRole('textbox', { name: /^Units of .* per 1 USD$/ }).fill('0.92');
    await popup.getByRole('textbox', { name: 'Currency code' }).fill('EUR');
    await popup.getByRole('button', { name: 'Save rates' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Remove all rates' }).isVisible()).toBe(true);
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    await popup.getByRole('button', { name: 'Export encrypted' }).click();
    await popup.getByLabel('Passphrase', { exact: true }).fill('short');
    await expect.poll(() => popup.getByText(/This passphrase is short/).isVisible()).toBe(true);
    await popup.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await popup.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
    await popup.getByRole('button', { name: 'Export encrypted' }).last().click();
    await expect.poll(() => popup.getByRole('alert').filter({ hasText: 'The two passphrases differ' }).isVisible()).toBe(true);
    await popup.getByLabel('Passphrase again').fill(PASSPHRASE);
    const started = Date.now();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export encrypted' }).last().click(),
    ]);
    console.log(`encrypted export of 2 postings, PBKDF2 ${PBKDF2_ITERATIONS} rounds: ${Date.now() - started} ms`);
    expect(download.suggestedFilename()).toMatch(/^joblens-export-\d{4}-\d{2}-\d{2}\.encrypted\.json$/);
    const text = readFileSync((await download.path())!, 'utf8');
    writeFileSync(backup, text);
    const file = JSON.parse(text) as Record<string, unknown>;
    expect(file).toMatchObject({ format: ENCRYPTED_FORMAT, version: 1, encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: 600_000 } });
    // Words of six letters or more: a shorter one turns up in random base64 by chance.
    for (const secret of [NOTE, 'recruiter', 'Spotify', 'Kestrel', 'exchangeRates', 'joblens/export']) expect(text).not.toContain(secret);
    await popup.screenshot({ path: join(files, 'a-exported.png') });
    await popup.close();
  });

  it('B, with a wrong passphrase: the message, and nothing is written', async () => {
    const popup = await openPopup(b);
    await expect.poll(() => popup.getByText('No saved jobs yet', { exact: false }).isVisible(), { timeout: 10_000 }).toBe(true);
    await chooseImport(popup, backup);
    const field = popup.getByLabel('Passphrase for backup.encrypted.json');
    await field.fill('granite otter lantern 43');
    await popup.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => popup.getByRole('alert').filter({ hasText: WRONG }).isVisible(), { timeout: 10_000 }).toBe(true);
    await popup.screenshot({ path: join(files, 'b-wrong-passphrase.png') });

    // Nothing written: after a reopen, no saved jobs and no rates.
    await popup.reload();
    await expect.poll(() => popup.getByText('No saved jobs yet', { exact: false }).isVisible(), { timeout: 10_000 }).toBe(true);
    await popup.getByRole('button', { name: 'Exchange rates' }).click();
    expect(await popup.getByRole('button', { name: 'Remove all rates' }).count()).toBe(0);
    await popup.close();
  });

  it('B, with the right passphrase: the postings, the note and the rates arrive', async () => {
    const popup = await openPopup(b);
    await chooseImport(popup, backup);
    await popup.getByLabel('Passphrase for backup.encrypted.json').fill(PASSPHRASE);
    await popup.getByRole('button', { name: 'Import', exact: true }).click();
    const status = popup.getByRole('status').filter({ hasText: 'Imported' });
    await expect.poll(() => status.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await status.innerText()).toBe(
      "Imported: 2 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged. Exchange rates: the file's (you had set none).",
    );
    await expect.poll(() => savedList(popup).getByRole('listitem').count(), { timeout: 10_000 }).toBe(2);
    await popup.screenshot({ path: join(files, 'b-imported.png') });

    await popup.reload();
    await popup.getByRole('button', { name: `Details for ${KESTREL.title}` }).click();
    expect(await popup.getByLabel('Notes').inputValue()).toBe(NOTE);
    await popup.getByRole('button', { name: 'Back to the list' }).click();
    await popup.getByRole('button', { name: 'Exchange rates' }).click();
    expect(await popup.getByRole('textbox', { name: 'Base currency' }).inputValue()).toBe('USD');
    expect(await popup.getByRole('textbox', { name: /^Units of EUR per 1 USD$/ }).inputValue()).toBe('0.92');
    await popup.close();
  });
});
