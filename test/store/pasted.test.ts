import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { annotatePastedText } from '../../src/annotate.ts';
import { CSV_COLUMNS } from '../../src/io/export-csv.ts';
import { ExportFile } from '../../src/model/index.ts';
import { openJobLensDB, type JobLensDB } from '../../src/store/db.ts';
import {
  exportPostingParts,
  exportPostingsCsv,
  getSaved,
  importExport,
  listSaved,
  listSummaries,
  savePosting,
  updateSaved,
} from '../../src/store/repository.ts';
import { sambaPosting } from '../helpers/postings.ts';

// A posting pasted into the popup, through the repository as the popup saves it: listed,
// found again by its text, one record however often it is saved, exported, and never in the
// place of a posting saved from its page. The text is the project's seed 001, kept in the
// repository with its provenance (test/corpus/real/text/).
const SEED_001 = readFileSync(
  join(import.meta.dirname, '../corpus/real/text/seed-001-spotify-senior-ml-engineer-personalization.txt'),
  'utf8',
);
const SAMBA_URL = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const JUNE_1 = new Date('2026-06-01T10:00:00.000Z');
const JUNE_2 = new Date('2026-06-02T10:00:00.000Z');

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function freshDb(): Promise<JobLensDB> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

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
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe('a pasted posting in the repository', () => {
  it('is saved as site "pasted" with no address of its own, listed, and found again by the same text', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, annotatePastedText(SEED_001, undefined, JUNE_1), JUNE_1);
    expect(saved).toMatchObject({ site: 'pasted', title: 'Senior Machine Learning Engineer', status: 'saved' });
    expect(saved.id).toMatch(/^pasted:/);
    expect(new URL(saved.url).hostname).toBe('joblens.invalid');

    const listed = await listSummaries(db);
    expect(listed.map((s) => [s.id, s.title])).toEqual([[saved.id, 'Senior Machine Learning Engineer']]);

    // The same text pasted again, with other line endings and trailing blanks, is the same job.
    const again = annotatePastedText(`${SEED_001.replace(/\n/g, '\r\n')}\n\n  `, undefined, JUNE_2);
    expect(again.id).toBe(saved.id);
    expect((await getSaved(db, again.id))?.savedAt).toBe(JUNE_1.toISOString());
    // Other text is another job.
    expect(annotatePastedText(`${SEED_001}\nApply by Friday.`).id).not.toBe(saved.id);
  });

  it('saving the same text twice updates one record and keeps what the user wrote', async () => {
    const db = await freshDb();
    const first = (await savePosting(db, annotatePastedText(SEED_001, undefined, JUNE_1), JUNE_1)).saved;
    await updateSaved(db, first.id, { notes: 'From the recruiter email', status: 'applied' }, JUNE_1);
    // Saved again with its address given this time: the same record, now with the address.
    await savePosting(db, annotatePastedText(SEED_001, 'https://example.org/careers/ml-engineer', JUNE_2), JUNE_2);

    const all = await listSaved(db);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      id: first.id,
      url: 'https://example.org/careers/ml-engineer',
      notes: 'From the recruiter email',
      status: 'applied',
      savedAt: JUNE_1.toISOString(),
      updatedAt: JUNE_2.toISOString(),
    });
  });

  it("never takes the place of a board posting saved from its page, even pasted with that page's address", async () => {
    const db = await freshDb();
    const fromPage = (await savePosting(db, sambaPosting(), JUNE_1)).saved;
    const pasted = annotatePastedText(SEED_001, SAMBA_URL, JUNE_2);
    expect(pasted.id).not.toBe(fromPage.id);
    expect(pasted).toMatchObject({ site: 'pasted', url: SAMBA_URL });
    await savePosting(db, pasted, JUNE_2);

    expect(await getSaved(db, fromPage.id)).toEqual(fromPage);
    expect((await listSummaries(db)).map((s) => s.id).sort()).toEqual([fromPage.id, pasted.id].sort());
  });

  it('is exported to JSON and CSV, and the JSON imports back', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, annotatePastedText(SEED_001, undefined, JUNE_1), JUNE_1);

    const file = ExportFile.parse(JSON.parse((await exportPostingParts(db, undefined, JUNE_2)).join('')));
    expect(file.postings).toEqual([saved]);

    const [header, row] = parseCsv(await exportPostingsCsv(db));
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(cell('id')).toBe(saved.id);
    expect(cell('site')).toBe('pasted');
    expect(cell('title')).toBe('Senior Machine Learning Engineer');
    expect(cell('description')).toContain('The Personalization team makes deciding what to play next');

    const other = await freshDb();
    const text = (await exportPostingParts(db, undefined, JUNE_2)).join('');
    expect(await importExport(other, text)).toMatchObject({ added: 1 });
    expect(await getSaved(other, saved.id)).toEqual(saved);
  });
});
