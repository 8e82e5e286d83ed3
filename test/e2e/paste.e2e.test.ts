import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// Read pasted text, as a user does it: open the popup of the built extension in Chromium,
// paste a posting that came by email, read it, save it, find it in the list. The text is the
// project's seed 001, kept in the repository with its provenance (test/corpus/real/text/).
// What is asserted is what the user sees (a pay figure and its sentence, a remote policy, the
// saved row), not the parsers' figures, which others are still improving.
const SEED_001 = readFileSync(join(ROOT, 'test/corpus/real/text/seed-001-spotify-senior-ml-engineer-personalization.txt'), 'utf8');
const TITLE = 'Senior Machine Learning Engineer';
const PAY_SENTENCE = 'The United States base range for this position is $176166 $251666 plus equity.';
// A charity's vacancies page giving two openings in full (a real capture, with its provenance).
const TWO_OPENINGS = readFileSync(join(ROOT, 'test/corpus/real/career-pages/h14-sogive-director-senior-analyst.md'), 'utf8');

describe('Read pasted text in the popup (Chromium, built extension)', () => {
  const profile = newProfileDir();
  let browser: Launched;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchWithExtension(profile, {});
  });
  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [browser]);

  it('refuses empty text, then reads a pasted posting, saves it, and lists it', async () => {
    const popup = await openPopup(browser);
    await popup.getByText(/No saved jobs yet/).waitFor();
    await popup.getByRole('button', { name: 'Read pasted text' }).click();

    const text = popup.getByRole('textbox', { name: 'Posting text' });
    await popup.getByRole('button', { name: 'Read', exact: true }).click();
    expect(await popup.getByRole('alert').innerText()).toBe('Paste the text of a job posting first.');

    await text.fill(SEED_001);
    await popup.getByRole('button', { name: 'Read', exact: true }).click();

    await popup.getByRole('heading', { name: TITLE, level: 2 }).waitFor();
    const pay = popup.getByRole('region', { name: 'Pay' });
    expect(await pay.locator('.jl-pay-amount').first().innerText()).toMatch(/\$\d/);
    expect(await pay.getByText(PAY_SENTENCE).isVisible()).toBe(true);
    const where = popup.getByRole('region', { name: 'Where' });
    expect(await where.locator('.jl-policy strong').innerText()).toMatch(/^(Remote|Hybrid|On-site)/);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'paste-read.png'), fullPage: true });

    await popup.getByRole('button', { name: 'Save', exact: true }).click();
    expect(await popup.getByRole('status').filter({ hasText: 'from pasted text' }).innerText()).toBe(`Saved ${TITLE} from pasted text.`);
    const row = popup.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').filter({ hasText: TITLE });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Saved .*· Saved/);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'paste-saved-list.png') });

    // A new popup reads the list from the database: the job was kept.
    await popup.close();
    const again = await openPopup(browser);
    const kept = again.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').filter({ hasText: TITLE });
    await kept.waitFor();
    expect(await kept.count()).toBe(1);
    await again.close();
  });

  it('reads a text of two openings as two postings and saves both as separate jobs', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('button', { name: 'Read pasted text' }).click();
    await popup.getByRole('textbox', { name: 'Posting text' }).fill(TWO_OPENINGS);
    await popup.getByRole('button', { name: 'Read', exact: true }).click();

    await popup.getByRole('heading', { name: 'Director of SoGive', level: 2 }).waitFor();
    expect(await popup.getByRole('note').filter({ hasText: 'postings' }).innerText()).toBe('This text holds 2 postings. Each is read on its own and saved as its own job.');
    await popup.getByRole('button', { name: '2. Senior Analyst' }).click();
    await popup.getByRole('heading', { name: 'Senior Analyst', level: 2 }).waitFor();
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'paste-two-openings.png'), fullPage: true });

    await popup.getByRole('button', { name: 'Save all 2' }).click();
    expect(await popup.getByRole('status').filter({ hasText: 'from pasted text' }).innerText()).toBe('Saved 2 jobs from pasted text.');
    const list = popup.getByRole('list', { name: 'Saved jobs' });
    await list.getByRole('listitem').filter({ hasText: 'Director of SoGive' }).waitFor();
    expect(await list.getByRole('listitem').filter({ hasText: 'Senior Analyst' }).count()).toBe(1);
    await popup.close();
  });
});
