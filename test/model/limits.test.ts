import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/io/import-json.ts';
import {
  EXPORT_FORMAT,
  FieldTooLongError,
  MAX_DESCRIPTION_CHARS,
  MAX_NOTES_CHARS,
  MAX_TAGS,
  MAX_TAG_CHARS,
  MAX_TEXT_CHARS,
  tooLongFields,
} from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, SUMMARIES_STORE, type JobLensDB } from '../../src/store/db.ts';
import { exportPostingParts, getSaved, importExport, listSummaries, savePosting, updateSaved } from '../../src/store/repository.ts';
import { checkLabel, findCaptures, makeWindow, readCapture } from '../eval/real.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function freshDb(): Promise<JobLensDB> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

async function everything(db: JobLensDB): Promise<unknown> {
  return { postings: await db.getAll(POSTINGS_STORE), summaries: await db.getAll(SUMMARIES_STORE) };
}

const JUNE_1 = new Date('2026-06-01T10:00:00.000Z');
const JUNE_2 = new Date('2026-06-02T10:00:00.000Z');
const FIFTY_MB = 50 * 1024 * 1024;

function exportText(postings: unknown[]): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: JUNE_2.toISOString(), postings });
}

describe('length limits on an edit', () => {
  it('keeps a note of 100,000 characters, and it exports and imports back whole', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    const note = 'Long notes from three interviews. '.repeat(3000).slice(0, 100_000);
    expect((await updateSaved(db, saved.id, { notes: note }, JUNE_2)).notes).toBe(note);

    const other = await freshDb();
    await importExport(other, (await exportPostingParts(db)).join(''));
    expect((await getSaved(other, saved.id))?.notes).toBe(note);
  });

  it('refuses a 50 MB note with which field, its length and the limit, and writes nothing', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await updateSaved(db, saved.id, { notes: 'kept' }, JUNE_1);
    const before = await everything(db);

    const attempt = updateSaved(db, saved.id, { notes: 'x'.repeat(FIFTY_MB), rating: 5 }, JUNE_2);

    await expect(attempt).rejects.toThrow(FieldTooLongError);
    await expect(attempt).rejects.toThrow(
      'Your notes are 52,428,800 characters long; JobLens keeps up to 200,000. Nothing was saved.',
    );
    expect(await everything(db)).toEqual(before);
  });

  it('refuses a tag that is too long, and too many tags', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    const before = await everything(db);
    await expect(updateSaved(db, saved.id, { tags: ['ok', 't'.repeat(MAX_TAG_CHARS + 1)] })).rejects.toThrow(
      `A tag is ${(MAX_TAG_CHARS + 1).toLocaleString('en-US')} characters long; JobLens keeps up to ${MAX_TAG_CHARS}.`,
    );
    const many = Array.from({ length: MAX_TAGS + 1 }, (_, i) => `tag ${i}`);
    await expect(updateSaved(db, saved.id, { tags: many })).rejects.toThrow('This posting has 501 tags; JobLens keeps up to 500.');
    expect(await everything(db)).toEqual(before);
    // At the limits, both are kept.
    const atLimit = Array.from({ length: MAX_TAGS }, (_, i) => `${i} ${'t'.repeat(MAX_TAG_CHARS - 4)}`);
    expect((await updateSaved(db, saved.id, { tags: atLimit })).tags).toHaveLength(MAX_TAGS);
  });

  it('refuses an over-long corrected location', async () => {
    const db = await freshDb();
    const { saved } = await savePosting(db, sambaPosting(), JUNE_1);
    await expect(
      updateSaved(db, saved.id, { corrections: { location: 'L'.repeat(MAX_TEXT_CHARS + 1) } }),
    ).rejects.toThrow('Your corrected location is 50,001 characters long; JobLens keeps up to 50,000.');
  });
});

describe('length limits on a save', () => {
  it("refuses a posting whose text is over the limit and saves nothing, but saves one at the limit", async () => {
    const db = await freshDb();
    const tooLong = musicUnderstandingPosting({ description: 'd'.repeat(MAX_DESCRIPTION_CHARS + 1) });
    await expect(savePosting(db, tooLong, JUNE_1)).rejects.toThrow(
      "The posting's text is 1,000,001 characters long; JobLens keeps up to 1,000,000. Nothing was saved.",
    );
    expect(await everything(db)).toEqual({ postings: [], summaries: [] });
    const atLimit = musicUnderstandingPosting({ description: 'd'.repeat(MAX_DESCRIPTION_CHARS) });
    expect((await savePosting(db, atLimit, JUNE_1)).saved.description).toHaveLength(MAX_DESCRIPTION_CHARS);
  });

  it('names any other text field by its path', async () => {
    const db = await freshDb();
    const posting = sambaPosting();
    const long = { ...posting, requirements: { ...posting.requirements, required: ['r', 'q'.repeat(MAX_TEXT_CHARS + 5)] } };
    await expect(savePosting(db, long, JUNE_1)).rejects.toThrow(
      'The field requirements.required[] is 50,005 characters long; JobLens keeps up to 50,000.',
    );
  });

  it('a record stored before the limits is still listed and can be revisited', async () => {
    const db = await freshDb();
    const old = savedFrom(sambaPosting(), JUNE_1.toISOString(), { notes: 'n'.repeat(MAX_NOTES_CHARS + 10) });
    await importExport(db, exportText([{ ...old, notes: '' }]));
    await db.put(POSTINGS_STORE, old);
    expect((await listSummaries(db)).map((s) => s.id)).toEqual([old.id]);
    const { saved } = await savePosting(db, sambaPosting({ title: 'Renamed' }), JUNE_2);
    expect(saved.notes).toBe(old.notes);
  });
});

describe('length limits on an import: the same limits, nothing written, the record and field named', () => {
  it('refuses a file holding a 50 MB note and writes nothing', async () => {
    const db = await freshDb();
    await savePosting(db, storytellingPosting(), JUNE_1);
    const before = await everything(db);
    const text = exportText([
      savedFrom(musicUnderstandingPosting(), JUNE_1.toISOString()),
      savedFrom(sambaPosting(), JUNE_1.toISOString(), { notes: 'x'.repeat(FIFTY_MB) }),
    ]);

    const attempt = importExport(db, text);

    await expect(attempt).rejects.toThrow(ImportError);
    await expect(attempt).rejects.toThrow(
      `Nothing was imported: 1 record is not valid.\nRecord 2 (${sambaPosting().id}): notes: is 52,428,800 characters long; JobLens keeps up to 200,000`,
    );
    expect(await everything(db)).toEqual(before);
  });

  it('names each over-long field of each record', async () => {
    const db = await freshDb();
    const text = exportText([
      savedFrom(musicUnderstandingPosting(), JUNE_1.toISOString(), { tags: ['a', 'b'.repeat(201)] }),
      savedFrom(sambaPosting({ title: 'T'.repeat(MAX_TEXT_CHARS + 1) }), JUNE_1.toISOString()),
    ]);
    const error: unknown = await importExport(db, text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      { record: 1, id: musicUnderstandingPosting().id, path: 'tags[1]', problem: 'is 201 characters long; JobLens keeps up to 200' },
      { record: 2, id: sambaPosting().id, path: 'title', problem: 'is 50,001 characters long; JobLens keeps up to 50,000' },
    ]);
    expect(await db.count(POSTINGS_STORE)).toBe(0);
  });
});

describe('the limits never meet a real posting', () => {
  it('every posting read from the real corpus is within every limit', () => {
    const window = makeWindow();
    let read = 0;
    let longest = 0;
    const over: string[] = [];
    for (const capture of findCaptures()) {
      const label = checkLabel(JSON.parse(readFileSync(capture.labelPath, 'utf8')));
      if (typeof label === 'string' || capture.capturePath === null) continue;
      for (const result of readCapture(capture.capturePath, label, window).values()) {
        if (typeof result === 'string') continue;
        read++;
        longest = Math.max(longest, result.description.length);
        for (const field of tooLongFields(result)) over.push(`${capture.name}: ${field.path.join('.')} ${field.length}`);
      }
    }
    window.close();
    expect(read).toBeGreaterThan(300);
    expect(over).toEqual([]);
    // The longest text is far below its limit: the limit is not tuned to the corpus.
    expect(longest * 10).toBeLessThan(MAX_DESCRIPTION_CHARS);
    // Reading 355 postings takes about 5 s, more on a busy machine.
  }, 60_000);
});
