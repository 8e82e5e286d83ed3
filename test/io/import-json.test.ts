import { describe, expect, it } from 'vitest';
import { buildExportFile, serializeExport } from '../../src/io/export-json.ts';
import { MAX_IMPORT_BYTES, ImportError, NOT_AN_EXPORT, parseExport } from '../../src/io/import-json.ts';
import { EXPORT_FORMAT, SavedPosting } from '../../src/model/index.ts';
import {
  hourlyPosting,
  musicUnderstandingPosting,
  sambaPosting,
  savedFrom,
  savedV1From,
  storytellingPosting,
  withoutEdits,
} from '../helpers/postings.ts';

const EXPORTED_AT = '2026-06-06T12:00:00.000Z';
const SAVED_AT = '2026-06-01T10:00:00.000Z';

function file(postings: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: EXPORTED_AT, postings, ...extra });
}

function refusal(text: string): ImportError {
  try {
    parseExport(text);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('parseExport accepted the file');
}

const samba = savedFrom(sambaPosting(), SAVED_AT, { status: 'applied', statusHistory: [
  { status: 'saved', at: SAVED_AT },
  { status: 'applied', at: '2026-06-03T10:00:00.000Z' },
], rating: 4, tags: ['ml'] });
const music = savedFrom(musicUnderstandingPosting(), SAVED_AT);

describe('parseExport: what is not an export', () => {
  it('says a file that is not JSON is not JSON', () => {
    expect(refusal('{"format": "joblens/export", ').message).toMatch(/^This file is not JSON: /);
    expect(refusal('id,title\r\nlever:1,Engineer\r\n').message).toMatch(/^This file is not JSON: /);
    expect(refusal('').message).toMatch(/^This file is not JSON: /);
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a number', '42'],
    ['an object without format', '{"postings": []}'],
    ['another format', '{"format": "linkedin/export", "version": 1, "postings": []}'],
    ['a bare saved posting', JSON.stringify(music)],
  ])('says %s is not a JobLens export', (_label, text) => {
    expect(refusal(text).message).toBe('This is not a JobLens export (no "format": "joblens/export").');
    expect(NOT_AN_EXPORT).toBe('This is not a JobLens export (no "format": "joblens/export").');
  });

  it('refuses a file over the size limit before parsing it', () => {
    const text = ' '.repeat(MAX_IMPORT_BYTES + 1);
    expect(() => parseExport(text)).toThrow(/^This file is 60 MB; JobLens imports exports of up to 60 MB\. Nothing was imported\.$/);
  });

  it('says a newer export needs a newer JobLens', () => {
    expect(refusal(file([music], { version: 5 })).message).toBe(
      'This export is version 5; this JobLens reads versions 1–4. Update JobLens to import it.',
    );
  });

  it.each([[undefined], [0], ['2'], [1.5], [null]])('refuses a version of %j', (version) => {
    expect(refusal(file([], { version })).message).toMatch(/no valid version .*reads versions 1–4/);
  });

  it('refuses an export without a postings list, or with a bad date', () => {
    expect(refusal(file([], { postings: {} })).message).toBe('This JobLens export is damaged: it has no "postings" list.');
    expect(refusal(file([], { exportedAt: 'last Tuesday' })).message).toMatch(/exportedAt: expected an ISO date-time/);
  });
});

describe('parseExport: invalid records are named by number, id and field', () => {
  it.each([
    [
      'a string where pay should be a number',
      { ...samba, salary: { ...samba.salary, max: '212716' } },
      'salary.max: expected number, received string',
    ],
    ['a status outside the pipeline', { ...samba, status: 'ghosted' }, 'status: expected "saved" or "applying" or'],
    ['a rating above 5', { ...samba, rating: 7 }, 'rating: must be at most 5, received 7'],
    ['a rating that is not whole', { ...samba, rating: 3.5 }, 'rating: expected a whole number, received number'],
    ['a missing field', (({ notes: _n, ...rest }) => rest)(samba), 'notes: missing (expected string)'],
    ['a bad date in the history', { ...samba, statusHistory: [{ status: 'saved', at: 'June' }] }, 'statusHistory[0].at: expected an ISO date-time'],
    ['a javascript: url', { ...samba, url: 'javascript:alert(1)' }, 'url: expected a web address (http or https), received "javascript:alert(1)"'],
    ['pay whose max is below its min', { ...samba, salary: { ...samba.salary, min: 300000 } }, 'salary: max must not be below min'],
    ['a tag that is not text', { ...samba, tags: ['ml', 7] }, 'tags[1]: expected string, received number'],
    ['an empty id', { ...samba, id: '' }, 'id: must not be empty'],
  ])('%s', (_label, bad, problem) => {
    const error = refusal(file([music, bad]));
    const id = (bad as { id: string }).id || 'no id';
    expect(error.message).toContain('Nothing was imported: 1 record is not valid.');
    expect(error.message).toContain(`Record 2 (${id}): ${problem}`);
    expect(error.problems[0]).toMatchObject({ record: 2, id: (bad as { id: string }).id || null });
  });

  it('names a record that is not an object at all', () => {
    expect(refusal(file(['lever:abc'])).message).toContain('Record 1 (no id): expected an object, received string');
  });

  it('refuses two records with the same id', () => {
    const error = refusal(file([music, samba, { ...music, notes: 'other copy' }]));
    expect(error.message).toContain(`Record 3 (${music.id}): id: the same id as record 1`);
  });

  it('lists every bad record, and cuts a long list short', () => {
    const bad = Array.from({ length: 12 }, (_, i) => ({ ...music, id: `lever:bad-${i}`, rating: 9 }));
    const error = refusal(file([samba, ...bad]));
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('Nothing was imported: 12 records are not valid.');
    expect(lines[1]).toBe('Record 2 (lever:bad-0): rating: must be at most 5, received 9');
    expect(lines).toHaveLength(12);
    expect(lines[11]).toBe('…and 2 more.');
    expect(error.problems).toHaveLength(12);
  });
});

describe('parseExport: valid files', () => {
  it('reads back what buildExportFile wrote, field for field', () => {
    const hourly = savedFrom(hourlyPosting(), SAVED_AT, {
      corrections: { salary: { min: 30, max: 45, currency: 'USD', period: 'hour' }, correctedAt: SAVED_AT },
      changes: [{ field: 'title', before: 'Support', after: 'Customer Support Specialist', at: SAVED_AT }],
      closedAt: '2026-06-05T10:00:00.000Z',
    });
    const written = buildExportFile([samba, music, hourly], new Date(EXPORTED_AT));
    expect(parseExport(serializeExport(written))).toStrictEqual(written);
  });

  it('migrates a version 1 export: history from the status at savedAt, unrated, uncorrected, open', () => {
    const v1 = [
      savedV1From(musicUnderstandingPosting(), SAVED_AT, { status: 'interviewing', notes: 'Panel on Monday', tags: ['ml'] }),
      savedV1From(storytellingPosting(), '2026-05-30T08:00:00.000Z', { updatedAt: '2026-06-02T08:00:00.000Z' }),
    ];
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: EXPORTED_AT, postings: v1 });

    const parsed = parseExport(text);

    expect(parsed.version).toBe(4);
    expect(parsed.exportedAt).toBe(EXPORTED_AT);
    // The note and the tag were last set at the latest at updatedAt; nothing else was ever set.
    const edits = [
      { at: { notes: SAVED_AT }, tags: { ml: { at: SAVED_AT, removed: false } } },
      { at: {}, tags: {} },
    ];
    expect(parsed.postings).toStrictEqual(
      v1.map((record, i) =>
        SavedPosting.parse({
          ...record,
          statusHistory: [{ status: record.status, at: record.savedAt }],
          rating: null,
          corrections: {},
          changes: [],
          closedAt: null,
          edits: edits[i],
        }),
      ),
    );
    expect(parsed.postings[0]).toMatchObject({ status: 'interviewing', notes: 'Panel on Monday', tags: ['ml'] });
  });

  it('migrates a version 2 export: each field set by the user takes its best known edit time, a field never set none', () => {
    const UPDATED = '2026-06-04T09:00:00.000Z';
    const CORRECTED = '2026-06-02T09:00:00.000Z';
    const CLOSED = '2026-06-03T09:00:00.000Z';
    // As JobLens wrote version 2 (today's record without edit times), written out here.
    const annotated = {
      ...withoutEdits(savedFrom(musicUnderstandingPosting(), SAVED_AT)),
      updatedAt: UPDATED,
      notes: 'Panel on Monday',
      tags: ['ML', 'New  York'],
      status: 'applied',
      statusHistory: [
        { status: 'saved', at: SAVED_AT },
        { status: 'applied', at: '2026-06-01T12:00:00.000Z' },
      ],
      rating: 4,
      corrections: { remotePolicy: 'remote', location: null, correctedAt: CORRECTED },
      closedAt: CLOSED,
    };
    const untouched = { ...withoutEdits(savedFrom(sambaPosting(), SAVED_AT)), updatedAt: UPDATED };
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 2, exportedAt: EXPORTED_AT, postings: [annotated, untouched] });

    const [first, second] = parseExport(text).postings;

    expect(first).toStrictEqual({
      ...annotated,
      edits: {
        at: {
          notes: UPDATED,
          rating: UPDATED,
          closed: CLOSED,
          'corrections.remotePolicy': CORRECTED,
          'corrections.location': CORRECTED,
        },
        tags: { ml: { at: UPDATED, removed: false }, 'new york': { at: UPDATED, removed: false } },
      },
    });
    // Empty notes, no tags, no rating, no corrections, open: the user never set them.
    expect(second).toStrictEqual({ ...untouched, edits: { at: {}, tags: {} } });
  });

  it('names the field of an invalid version 1 record too', () => {
    const bad = { ...savedV1From(sambaPosting(), SAVED_AT), savedAt: 42 };
    const text = JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: EXPORTED_AT, postings: [bad] });
    expect(refusal(text).message).toContain(`Record 1 (${bad.id}): savedAt: expected string, received number`);
  });

  it('accepts an empty export', () => {
    expect(parseExport(file([])).postings).toEqual([]);
  });
});
