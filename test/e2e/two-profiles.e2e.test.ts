import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportFile, type SavedPosting } from '../../src/model/index.ts';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, openPopup, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// One user with two browser profiles (say a laptop and a desktop), two launches of Chromium
// with the built extension and different user-data dirs. Each saves postings from their
// pages and annotates them; one only revisits a posting the other annotated (issue 11: that
// revisit used to make the import drop the other profile's note). Then each imports the
// other's export, and everything written on either side must be on both.

const FIXTURES = join(ROOT, 'test/fixtures');

interface Job {
  url: string;
  file: string;
  id: string;
  title: string;
}

function job(file: string): Job {
  const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), 'utf8')) as {
    url: string;
    posting: { id: string; title: string };
  };
  return { url: expected.url, file: join(FIXTURES, `${file}.html`), ...expected.posting };
}

const MUSIC = job('lever/spotify-senior-ml-engineer-music-understanding');
const NORTHWIND = job('lever/northwind-data-platform-salary-block');
const KESTREL = job('greenhouse/kestrel-senior-backend-payments-zones');
const PAGES = Object.fromEntries([MUSIC, NORTHWIND, KESTREL].map((j) => [j.url, j.file]));

/** What the user writes in each profile: a note, tags and a status per posting. */
interface Written {
  job: Job;
  notes?: string;
  tags: string[];
  status?: SavedPosting['status'];
}
const IN_A: Written[] = [
  { job: KESTREL, notes: 'Laptop: recruiter is Sam, call on Tuesday.', tags: ['payments'], status: 'applied' },
  { job: MUSIC, tags: ['ml'] },
];
const IN_B: Written[] = [
  { job: MUSIC, notes: 'Desktop: ask about the in-person meetings.', tags: ['nyc', 'referral'], status: 'interviewing' },
  { job: NORTHWIND, notes: 'Desktop: salary block looks firm.', tags: ['data'], status: 'applying' },
];

async function savePage(browser: Launched, j: Job): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(j.url);
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  const saved = panel.getByRole('button', { name: 'Saved to JobLens' });
  const save = panel.getByRole('button', { name: 'Save this job to JobLens' });
  // The panel shows before the saved status arrives: wait for one of the two answers.
  await expect.poll(async () => (await saved.isVisible()) || (await save.isVisible()), { timeout: 15_000 }).toBe(true);
  // Not saved yet: save it. Saved already: opening the page was the revisit.
  if (!(await saved.isVisible())) await save.click();
  await expect.poll(() => saved.isVisible(), { timeout: 10_000 }).toBe(true);
  // The revisit's save answers after the panel shows "Saved": wait for the refreshed copy.
  await page.waitForTimeout(500);
  await page.close();
}

/** Writes a note, tags and a status on one saved job, in the popup's details. */
async function annotate(popup: Page, written: Written): Promise<void> {
  await popup.reload();
  await popup.getByRole('button', { name: `Details for ${written.job.title}` }).click();
  if (written.status) {
    await popup.getByRole('combobox', { name: /^Status\b/ }).selectOption(written.status);
    await expect.poll(() => popup.getByRole('list', { name: 'Status history' }).innerText()).toMatch(new RegExp(written.status, 'i'));
  }
  if (written.notes) {
    await popup.getByLabel('Notes').fill(written.notes);
    await popup.getByRole('button', { name: 'Save notes' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Save notes' }).isDisabled()).toBe(true);
  }
  for (const tag of written.tags) {
    await popup.getByLabel('Add a tag').fill(tag);
    await popup.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => popup.getByRole('button', { name: `Remove tag ${tag}` }).isVisible()).toBe(true);
  }
  await popup.getByRole('button', { name: 'Back to the list' }).click();
}

async function exportJson(popup: Page, path: string): Promise<ExportFile> {
  await popup.reload();
  await expect.poll(() => popup.getByRole('list', { name: 'Saved jobs' }).isVisible(), { timeout: 10_000 }).toBe(true);
  const [file] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export saved jobs as JSON', exact: true }).click(),
  ]);
  const text = readFileSync((await file.path())!, 'utf8');
  writeFileSync(path, text);
  return ExportFile.parse(JSON.parse(text));
}

/** Imports the file at `path` and returns the popup's account of it. */
async function importJson(popup: Page, path: string): Promise<string> {
  await popup.reload();
  const [chooser] = await Promise.all([
    popup.waitForEvent('filechooser'),
    popup.getByRole('button', { name: 'Import saved jobs from a JSON export' }).click(),
  ]);
  await chooser.setFiles(path);
  const status = popup.getByRole('status').filter({ hasText: 'Imported' });
  await expect.poll(() => status.isVisible(), { timeout: 10_000 }).toBe(true);
  return status.innerText();
}

/** Each note, tag and status written in `written` that `file` does not hold, in words. */
function lostEdits(file: ExportFile, written: readonly Written[]): string[] {
  const lost: string[] = [];
  const byId = new Map(file.postings.map((p) => [p.id, p]));
  for (const w of written) {
    const saved = byId.get(w.job.id);
    if (!saved) {
      lost.push(`${w.job.id}: the whole posting`);
      continue;
    }
    if (w.notes && !saved.notes.includes(w.notes)) lost.push(`${w.job.id}: note "${w.notes}"`);
    for (const tag of w.tags) if (!saved.tags.includes(tag)) lost.push(`${w.job.id}: tag ${tag}`);
    if (w.status && !saved.statusHistory.some((s) => s.status === w.status)) lost.push(`${w.job.id}: status ${w.status}`);
  }
  return lost;
}

describe('two profiles exchanging exports both ways, after edits and a revisit, in Chromium', () => {
  const profiles = [newProfileDir(), newProfileDir()];
  const files = join(ARTIFACTS_DIR, 'two-profiles');
  let a: Launched;
  let b: Launched;
  let popupA: Page;
  let popupB: Page;

  beforeAll(async () => {
    // A fresh folder: a later step must never read an export an earlier run left behind.
    rmSync(files, { recursive: true, force: true });
    mkdirSync(files, { recursive: true });
    a = await launchWithExtension(profiles[0]!, PAGES);
    b = await launchWithExtension(profiles[1]!, PAGES);
  });

  afterAll(async () => {
    await a?.context.close().catch(() => undefined);
    await b?.context.close().catch(() => undefined);
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [a, b]);

  it('each profile saves from the pages and annotates; A then only revisits the posting B annotated', async () => {
    for (const j of [KESTREL, MUSIC]) await savePage(a, j);
    for (const j of [MUSIC, NORTHWIND]) await savePage(b, j);
    popupA = await openPopup(a);
    popupB = await openPopup(b);
    for (const w of IN_A) await annotate(popupA, w);
    for (const w of IN_B) await annotate(popupB, w);

    const before = (await exportJson(popupA, join(files, 'a-before-revisit.json'))).postings.find((p) => p.id === MUSIC.id)!;
    await savePage(a, MUSIC);
    const after = (await exportJson(popupA, join(files, 'a.json'))).postings.find((p) => p.id === MUSIC.id)!;
    // The revisit refreshed the reading and updatedAt, and touched none of the user's part.
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(after.parsedAt).not.toBe(before.parsedAt);
    expect({ tags: after.tags, notes: after.notes, edits: after.edits }).toEqual({ tags: before.tags, notes: before.notes, edits: before.edits });
    // Now A's copy of Music Understanding is the newer by updatedAt, though B wrote in its copy.
    const fromB = (await exportJson(popupB, join(files, 'b.json'))).postings.find((p) => p.id === MUSIC.id)!;
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(fromB.updatedAt));
  });

  it("each imports the other's export: the shared posting is merged, the other one added", async () => {
    const intoA = await importJson(popupA, join(files, 'b.json'));
    const intoB = await importJson(popupB, join(files, 'a.json'));
    expect(intoA).toBe("Imported: 1 new, 1 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged.");
    expect(intoB).toBe("Imported: 1 new, 1 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged.");
    await expect.poll(() => popupA.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').count(), { timeout: 10_000 }).toBe(3);
    await popupA.screenshot({ path: join(files, 'a-after-import.png') });
  });

  it('every note, tag and status written on either side is on both: edits lost, 0', async () => {
    const finalA = await exportJson(popupA, join(files, 'a-final.json'));
    const finalB = await exportJson(popupB, join(files, 'b-final.json'));
    const lost = [...lostEdits(finalA, [...IN_A, ...IN_B]), ...lostEdits(finalB, [...IN_A, ...IN_B])];
    const written = [...IN_A, ...IN_B].reduce((n, w) => n + (w.notes ? 1 : 0) + w.tags.length + (w.status ? 1 : 0), 0);
    console.log(`two profiles: ${written} edits written, checked in 2 profiles; edits lost: ${lost.length}`, lost);
    expect(lost).toEqual([]);

    // Both profiles hold the same records, field for field, but for each one's own tag order.
    const comparable = (file: ExportFile) =>
      new Map(file.postings.map((p) => [p.id, { ...p, tags: [...p.tags].sort() }]));
    expect(comparable(finalA)).toEqual(comparable(finalB));
    const music = finalA.postings.find((p) => p.id === MUSIC.id)!;
    expect(music).toMatchObject({ notes: IN_B[0]!.notes, status: 'interviewing' });
    expect([...music.tags].sort()).toEqual(['ml', 'nyc', 'referral']);

    // And in what the user sees: A's list shows B's status on Music Understanding.
    await popupA.reload();
    const row = popupA.getByRole('list', { name: 'Saved jobs' }).getByRole('listitem').filter({ hasText: MUSIC.title });
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toContain('Interviewing');
  });

  it('importing the same file again changes nothing', async () => {
    expect(await importJson(popupA, join(files, 'b.json'))).toBe(
      "Imported: 0 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 2 unchanged.",
    );
  });
});
