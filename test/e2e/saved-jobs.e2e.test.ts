import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile, type SavedPosting } from '../../src/model/index.ts';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// One user, one browser profile, the whole story of saved jobs: save three postings from
// their pages, annotate them in the overlay and in the popup, compare two, export, delete
// everything, import the export, and find it all back. The built extension in Chromium, on
// fixture pages served for their real URLs.

const FIXTURES = join(ROOT, 'test/fixtures');

interface Job {
  url: string;
  file: string;
  id: string;
  title: string;
  company: string;
}

function job(file: string): Job {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), 'utf8')) as {
    url: string;
    posting: { id: string; title: string; company: string };
  };
  return { url: expected.url, file: join(FIXTURES, `${file}.html`), ...expected.posting };
}

// Two Lever postings that share a requirement (both ask for cloud platforms, GCP or AWS),
// and a Greenhouse one.
const MUSIC = job('lever/spotify-senior-ml-engineer-music-understanding');
const NORTHWIND = job('lever/northwind-data-platform-salary-block');
const KESTREL = job('greenhouse/kestrel-senior-backend-payments-zones');
const JOBS = [MUSIC, NORTHWIND, KESTREL];
const PAGES = Object.fromEntries(JOBS.map((j) => [j.url, j.file]));

// What the user writes; the note has a quote, a comma and a line break, as notes do.
const NOTE = 'Asked Dana for a referral, "payouts" team.\nFollow up on Friday';
const TAG = 'fintech';

/** RFC 4180: quoted fields with doubled quotes, commas and line breaks inside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function byId(file: ExportFile): Map<string, SavedPosting> {
  return new Map(file.postings.map((p) => [p.id, p]));
}

async function download(popup: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: button, exact: true }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

/** The overlay on a posting page, once it is shown. */
async function overlayOn(browser: Launched, url: string): Promise<{ page: Page; panel: Locator }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  return { page, panel };
}

/** The text of each cell in the comparison's row named `label`, in column order. */
async function rowCells(scope: Page, label: string): Promise<string[]> {
  const row = scope.locator('tr', { has: scope.getByRole('rowheader', { name: label, exact: true }) });
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
}

/** What a comparison (in the popup or in its own tab) shows for Music Understanding beside Northwind. */
async function checkComparison(scope: Page): Promise<void> {
  await expect.poll(() => scope.getByRole('table', { name: /Comparing 2 saved jobs/ }).isVisible(), { timeout: 10_000 }).toBe(true);
  const heads = (await scope.getByRole('table', { name: /Comparing 2 saved jobs/ }).getByRole('columnheader').allInnerTexts()).map((t) =>
    t.replace(/\s+/g, ' '),
  );
  expect(heads[0]).toContain(MUSIC.title);
  expect(heads[0]).toContain('Spotify');
  expect(heads[1]).toContain(NORTHWIND.title);
  expect(heads[1]).toContain('Northwind Analytics');

  // Pay as stated (the user's hourly correction, marked), and a year.
  const stated = await rowCells(scope, 'Pay as stated');
  expect(stated[0]).toMatch(/^\$90\s*–\s*\$125 an hour your correction$/);
  expect(stated[1]).toMatch(/^\$210,000\s*–\s*\$260,000 a year$/);
  const annual = await rowCells(scope, 'A year');
  // 2,080 working hours a year: $187,200 – $260,000.
  expect(annual[0]).toMatch(/^\$187,200\s*–\s*\$260,000 a year$/);
  expect(annual[1]).toMatch(/^\$210,000\s*–\s*\$260,000 a year$/);
  expect(await rowCells(scope, 'Currency')).toEqual(['USD', 'USD']);
  // Music Understanding: Lever's field says Remote but the text asks for the New York office.
  expect(await rowCells(scope, 'Remote policy')).toEqual(['Hybrid', 'Hybrid']);
  expect(await rowCells(scope, 'Status')).toEqual(['Saved', 'Interviewing']);

  // Requirements: the cloud requirement is shared (each posting's own words), the rest asked by one.
  const requirements = scope.getByRole('table', { name: 'Requirements' });
  const shared = requirements.locator('tr', { has: scope.getByRole('rowheader', { name: 'Both ask', exact: true }) });
  expect(await shared.count()).toBe(1);
  const sharedCells = (await shared.getByRole('cell').allInnerTexts()).map((t) => t.trim());
  expect(sharedCells).toEqual(['You have worked with cloud platforms like GCP or AWS', 'Experience running services on AWS or GCP']);
  const onlyOne = requirements.locator('tr', { has: scope.getByRole('rowheader', { name: 'Only one asks', exact: true }) });
  // Music Understanding lists 8 requirements, Northwind 4 required and 2 preferred: one shared, 7 + 5 asked by one.
  expect(await onlyOne.count()).toBe(7 + 5);
  expect(await scope.getByText('1 asked by all').isVisible()).toBe(true);
}

describe('saved jobs, from saving to importing back, in Chromium', () => {
  const profile = newProfileDir();
  let browser: Launched;
  let popup: Page;
  let firstExport: { name: string; text: string };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchWithExtension(profile, PAGES);
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [browser]);

  it('saves three postings from their pages', async () => {
    for (const j of JOBS) {
      const { page, panel } = await overlayOn(browser, j.url);
      await panel.getByRole('button', { name: 'Save this job to JobLens' }).click();
      await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
      await page.close();
    }
    popup = await openPopup(browser);
    await expect.poll(() => popup.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    for (const j of JOBS) {
      const row = popup.getByRole('listitem').filter({ hasText: j.title });
      expect(await row.count()).toBe(1);
      expect(await row.innerText()).toContain(j.company);
    }
    expect(await popup.getByRole('heading', { name: 'Saved jobs (3)' }).isVisible()).toBe(true);
  });

  it('annotates one in the overlay: status applied, a note, a tag, four stars', async () => {
    const { page, panel } = await overlayOn(browser, KESTREL.url);
    await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await panel.getByText('Your notes, status and rating').click();

    await panel.getByRole('combobox', { name: /^Status\b/ }).selectOption('applied');
    const summary = panel.getByRole('region', { name: 'Your saved copy' });
    await expect.poll(() => summary.innerText()).toMatch(/Status:\s*Applied/);
    await expect.poll(() => panel.getByRole('list', { name: 'Status history' }).getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Saved /),
      expect.stringMatching(/^Applied /),
    ]);

    await panel.getByLabel('Notes').fill(NOTE);
    await panel.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);

    await panel.getByLabel('Add a tag').fill(TAG);
    await panel.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => panel.getByRole('list', { name: 'Tags' }).getByRole('listitem').allInnerTexts()).toEqual([expect.stringContaining(TAG)]);

    // A click, as a user gives it (the star shows once the rating is stored, so no check() here).
    await panel.getByRole('radio', { name: '4 of 5' }).click();
    await expect.poll(() => panel.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    await expect.poll(() => panel.getByRole('button', { name: 'Clear rating' }).isVisible()).toBe(true);
    await page.close();

    // Kept: the page opened again shows all of it.
    const again = await overlayOn(browser, KESTREL.url);
    await expect.poll(() => again.panel.getByRole('region', { name: 'Your saved copy' }).innerText(), { timeout: 10_000 }).toMatch(
      /Status:\s*Applied/,
    );
    await again.panel.getByText('Your notes, status and rating').click();
    expect(await again.panel.getByLabel('Notes').inputValue()).toBe(NOTE);
    expect(await again.panel.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    expect(await again.panel.getByRole('button', { name: `Remove tag ${TAG}` }).isVisible()).toBe(true);
    await again.page.close();
  });

  it("changes another's status and corrects a third's pay in the popup; the overlay then shows the correction as the user's", async () => {
    await popup.reload();
    await popup.getByRole('button', { name: `Details for ${NORTHWIND.title}` }).click();
    await popup.getByRole('combobox', { name: /^Status\b/ }).selectOption('interviewing');
    await expect.poll(() => popup.getByRole('region', { name: 'Your saved copy' }).innerText()).toMatch(/Status:\s*Interviewing/);
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    await popup.getByRole('button', { name: `Details for ${MUSIC.title}` }).click();
    await popup.getByText('Correct a value').click();
    const form = popup.getByRole('form', { name: 'Correct the values read' });
    await form.getByLabel('From', { exact: true }).fill('90');
    await form.getByLabel('To', { exact: true }).fill('125');
    await form.getByLabel('Currency', { exact: true }).fill('USD');
    await form.getByRole('combobox', { name: /^Per\b/ }).selectOption('hour');
    await form.getByRole('button', { name: 'Save corrections' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Your corrections are saved.');
    const detail = (await popup.getByRole('region', { name: MUSIC.title }).innerText()).replace(/\s+/g, ' ');
    expect(detail).toMatch(/\$90\s*–\s*\$125 an hour \(≈ \$187,200\s*–\s*\$260,000 a year\) your correction/);
    expect(detail).toMatch(/Read from the posting: \$184,050\s*–\s*\$262,928 a year/);
    await popup.getByRole('button', { name: 'Back to the list' }).click();

    const rows = popup.getByRole('list', { name: 'Saved jobs' });
    expect(await rows.getByRole('listitem').filter({ hasText: NORTHWIND.title }).innerText()).toContain('Interviewing');
    const kestrelRow = rows.getByRole('listitem').filter({ hasText: KESTREL.title });
    expect(await kestrelRow.innerText()).toContain('Applied');
    expect(await kestrelRow.getByLabel('Rated 4 of 5').isVisible()).toBe(true);
    expect(await rows.getByRole('listitem').filter({ hasText: MUSIC.title }).innerText()).toMatch(/\$90\s*–\s*\$125 an hour/);

    // The posting's page: the user's figure first, marked, then what the posting says.
    const { page, panel } = await overlayOn(browser, MUSIC.url);
    const pay = panel.getByRole('region', { name: 'Pay' });
    await expect.poll(async () => (await pay.innerText()).replace(/\s+/g, ' '), { timeout: 10_000 }).toMatch(
      /^pay \$90\s*–\s*\$125 an hour your correction ≈ \$187,200\s*–\s*\$260,000 a year Read from the posting: \$184,050\s*–\s*\$262,928 a year/i,
    );
    await page.close();
  });

  it('compares two: pay as stated and a year, remote policy, and the requirement they share', async () => {
    await popup.reload();
    await popup.getByRole('checkbox', { name: `Select ${MUSIC.title}` }).check();
    await popup.getByRole('checkbox', { name: `Select ${NORTHWIND.title}` }).check();
    await popup.getByRole('button', { name: 'Compare', exact: true }).click();
    await checkComparison(popup);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'saved-jobs-compare-popup.png'), fullPage: true });

    const [tab] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/compare.html') }),
      popup.getByRole('button', { name: 'Open in a tab' }).click(),
    ]);
    await tab.setViewportSize({ width: 1280, height: 900 });
    await checkComparison(tab);
    await tab.screenshot({ path: join(ARTIFACTS_DIR, 'saved-jobs-compare.png'), fullPage: true });
    await tab.close();
    await popup.getByRole('button', { name: 'Back to the list' }).click();
  });

  it('exports JSON with the annotations and status history, and CSV with a header and three rows', async () => {
    await popup.reload();
    await expect.poll(() => popup.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'saved-jobs-popup.png') });

    firstExport = await download(popup, 'Export saved jobs as JSON');
    expect(firstExport.name).toMatch(/^joblens-export-\d{4}-\d{2}-\d{2}\.json$/);
    const file = ExportFile.parse(JSON.parse(firstExport.text));
    expect(file.postings.map((p) => p.id).sort()).toEqual(JOBS.map((j) => j.id).sort());
    const saved = byId(file);

    const kestrel = saved.get(KESTREL.id)!;
    expect(kestrel).toMatchObject({ title: KESTREL.title, status: 'applied', notes: NOTE, tags: [TAG], rating: 4, corrections: {} });
    expect(kestrel.statusHistory.map((s) => s.status)).toEqual(['saved', 'applied']);

    const northwind = saved.get(NORTHWIND.id)!;
    expect(northwind).toMatchObject({ status: 'interviewing', notes: '', tags: [], rating: null });
    expect(northwind.statusHistory.map((s) => s.status)).toEqual(['saved', 'interviewing']);

    const music = saved.get(MUSIC.id)!;
    expect(music.corrections.salary).toEqual({ min: 90, max: 125, currency: 'USD', period: 'hour' });
    expect(music.salary).toMatchObject({ min: 184050, max: 262928, currency: 'USD', period: 'year' });
    expect(music).toMatchObject({ status: 'saved', rating: null });
    expect(music.statusHistory.map((s) => s.status)).toEqual(['saved']);

    const csv = await download(popup, 'Export saved jobs as CSV');
    expect(csv.name).toMatch(/^joblens-export-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
    expect(header).toContain('id');
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toHaveLength(header!.length);
    const column = (row: string[], name: string) => row[header!.indexOf(name)];
    const kestrelRow = rows.find((r) => column(r, 'id') === KESTREL.id)!;
    expect(column(kestrelRow, 'status')).toBe('applied');
    expect(column(kestrelRow, 'notes')).toBe(NOTE);
    expect(column(kestrelRow, 'tags')).toBe(TAG);
    expect(column(kestrelRow, 'rating')).toBe('4');
    const musicRow = rows.find((r) => column(r, 'id') === MUSIC.id)!;
    expect(column(musicRow, 'corrected_pay_min')).toBe('90');
    expect(column(musicRow, 'corrected_period')).toBe('hour');
  });

  it('deletes all, after asking', async () => {
    await popup.getByRole('button', { name: 'Delete all', exact: true }).click();
    const dialog = popup.getByRole('alertdialog', { name: 'Delete all 3 saved jobs?' });
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Delete 3 jobs' }).click();
    await expect.poll(() => popup.getByText('Deleted 3 jobs.').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await popup.getByRole('list', { name: 'Saved jobs' }).count()).toBe(0);
    // Gone from storage too, not only from the list.
    await popup.reload();
    await expect.poll(() => popup.getByText('No saved jobs yet.', { exact: false }).isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('imports the export and finds everything back as it was', async () => {
    const exported = join(ARTIFACTS_DIR, 'saved-jobs-export.json');
    writeFileSync(exported, firstExport.text);
    const [chooser] = await Promise.all([
      popup.waitForEvent('filechooser'),
      popup.getByRole('button', { name: 'Import saved jobs from a JSON export' }).click(),
    ]);
    await chooser.setFiles(exported);
    await expect.poll(() => popup.getByRole('status').filter({ hasText: 'Imported' }).innerText(), { timeout: 10_000 }).toBe(
      "Imported: 3 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged.",
    );
    await expect.poll(() => popup.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').count()).toBe(3);

    // The records, field for field, as first exported (only the export's own date differs).
    const again = ExportFile.parse(JSON.parse((await download(popup, 'Export saved jobs as JSON')).text));
    const first = ExportFile.parse(JSON.parse(firstExport.text));
    expect(again.postings).toHaveLength(3);
    const before = byId(first);
    for (const posting of again.postings) expect(posting).toStrictEqual(before.get(posting.id));
    expect({ ...again, exportedAt: null, postings: null }).toStrictEqual({ ...first, exportedAt: null, postings: null });

    // And in what the user sees: the list, and the overlay on the annotated posting.
    const rows = popup.getByRole('list', { name: 'Saved jobs' });
    const kestrelRow = rows.getByRole('listitem').filter({ hasText: KESTREL.title });
    expect(await kestrelRow.innerText()).toContain('Applied');
    expect(await kestrelRow.getByLabel('Rated 4 of 5').isVisible()).toBe(true);
    expect(await rows.getByRole('listitem').filter({ hasText: NORTHWIND.title }).innerText()).toContain('Interviewing');
    expect(await rows.getByRole('listitem').filter({ hasText: MUSIC.title }).innerText()).toMatch(/\$90\s*–\s*\$125 an hour/);
    await popup.screenshot({ path: join(ARTIFACTS_DIR, 'saved-jobs-popup-imported.png') });

    const { page, panel } = await overlayOn(browser, KESTREL.url);
    await expect.poll(() => panel.getByRole('region', { name: 'Your saved copy' }).innerText(), { timeout: 10_000 }).toMatch(
      /Status:\s*Applied/,
    );
    await panel.getByText('Your notes, status and rating').click();
    expect(await panel.getByLabel('Notes').inputValue()).toBe(NOTE);
    expect(await panel.getByRole('radio', { name: '4 of 5' }).isChecked()).toBe(true);
    expect(await panel.getByRole('button', { name: `Remove tag ${TAG}` }).isVisible()).toBe(true);
    await page.close();
  });
});
