import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES, NOT_AN_EXPORT, parseExport, tooLargeMessage } from '../../src/io/import-json.ts';
import { EXPORT_FORMAT, type SavedPosting } from '../../src/model/index.ts';
import { openJobLensDB, POSTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import { exportPostingParts, getSaved, importExport, savePosting } from '../../src/store/repository.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

// Issue 6, the import path: files built to hurt. Each is refused with a message that says
// what is wrong (or, for markup in strings, accepted as text), and the database is exactly
// as it was: the repository's own import over fake-indexeddb, as in import.test.ts.

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  vi.restoreAllMocks();
});

const JUNE_1 = '2026-06-01T10:00:00.000Z';
const JUNE_3 = '2026-06-03T10:00:00.000Z';

/** A database holding one saved posting, and a snapshot of every record as stored. */
async function storedDb(): Promise<{ db: JobLensDB; before: unknown[] }> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  await savePosting(db, musicUnderstandingPosting(), new Date(JUNE_1));
  return { db, before: await db.getAll(POSTINGS_STORE) };
}

function exportText(postings: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: JUNE_3, postings, ...extra });
}

/** Imports `text` into a database holding one posting: the refusal, and proof nothing changed. */
async function refused(text: string): Promise<ImportError> {
  const { db, before } = await storedDb();
  let error: unknown = null;
  try {
    await importExport(db, text);
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ImportError);
  expect(await db.getAll(POSTINGS_STORE)).toEqual(before);
  return error as ImportError;
}

const nested = (depth: number, open = '[', close = ']') => open.repeat(depth) + close.repeat(depth);

describe('a file that is not JSON', () => {
  it.each([
    ['a PNG image', '\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01'],
    ['a CSV export', 'id,title\r\nlever:1,Engineer\r\n'],
    ['an HTML page', '<!DOCTYPE html><html><body><script>globalThis.__pwned = 1</script></body></html>'],
    ['JSON cut off', exportText([]).slice(0, -5)],
    ['an empty file', ''],
    ['a byte-order mark and nothing', '\ufeff'],
  ])('%s: "This file is not JSON", nothing written', async (_label, text) => {
    const error = await refused(text);
    expect(error.message).toMatch(/^This file is not JSON: /);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

describe('a 100 MB file', () => {
  const HUNDRED_MB = 100 * 1024 * 1024;

  it('is refused by its size before any parsing, and nothing is written', async () => {
    // Valid-looking JSON all the way, so only the size can refuse it.
    const text = exportText([]).replace('"postings":[]', `"postings":[],"padding":"${'x'.repeat(HUNDRED_MB)}"`);
    expect(text.length).toBeGreaterThan(HUNDRED_MB);
    const parse = vi.spyOn(JSON, 'parse');

    const error = await refused(text);

    expect(error.message).toBe(tooLargeMessage(text.length));
    expect(error.message).toBe('This file is 100 MB; JobLens imports exports of up to 60 MB. Nothing was imported.');
    expect(parse).not.toHaveBeenCalled();
  });

  it('one character over the limit is refused the same way; at the limit it is read', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const over = ' '.repeat(MAX_IMPORT_BYTES - 1) + '{}';
    expect(over.length).toBe(MAX_IMPORT_BYTES + 1);
    expect(() => parseExport(over)).toThrow(/^This file is 60 MB; JobLens imports exports of up to 60 MB/);
    expect(parse).not.toHaveBeenCalled();
    const at = ' '.repeat(MAX_IMPORT_BYTES - 2) + '{}';
    expect(() => parseExport(at)).toThrow(NOT_AN_EXPORT);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('imported as the popup does (importExport on its own database): refused with the size message, nothing written', async () => {
    const { db, before } = await storedDb();
    const parse = vi.spyOn(JSON, 'parse');
    const text = exportText([]).replace('"postings":[]', `"postings":[],"padding":"${'x'.repeat(HUNDRED_MB)}"`);

    await expect(importExport(db, text)).rejects.toThrow(tooLargeMessage(text.length));

    expect(parse).not.toHaveBeenCalled();
    expect(await db.getAll(POSTINGS_STORE)).toEqual(before);
  });
});

describe('deeply nested JSON (100,000 levels)', () => {
  const DEPTH = 100_000;
  const valid = () => savedFrom(sambaPosting(), JUNE_1) as unknown as Record<string, unknown>;
  /** A valid export with `deep` put in place of one value, written as JSON text (too deep for JSON.stringify). */
  const withDeep = (place: 'file' | 'version' | 'format' | 'exportedAt' | 'postings' | 'record' | 'status' | 'rating' | 'notes' | 'object') => {
    const deep = place === 'object' ? `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}` : nested(DEPTH);
    const MARK = '"__DEEP__"';
    if (place === 'file') return deep;
    const record = valid();
    const file: Record<string, unknown> = { format: EXPORT_FORMAT, version: 3, exportedAt: JUNE_3, postings: [record] };
    if (place === 'version' || place === 'format' || place === 'exportedAt') file[place] = '__DEEP__';
    else if (place === 'postings') file.postings = '__DEEP__';
    else if (place === 'record' || place === 'object') file.postings = [record, '__DEEP__'];
    else record[place] = '__DEEP__';
    return JSON.stringify(file).replace(MARK, deep);
  };

  it.each([
    ['the whole file', 'file', new RegExp(`^${NOT_AN_EXPORT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)],
    ['the format', 'format', /^This is not a JobLens export/],
    ['the version', 'version', /^This JobLens export has no valid version \("version": a list nested too deeply to show\); this JobLens reads versions 1–4\.$/],
    ['exportedAt', 'exportedAt', /^This JobLens export is damaged: exportedAt: expected string, received array\.$/],
    ['the postings list', 'postings', /^Nothing was imported: 1 record is not valid\.\nRecord 1 \(no id\): expected an object, received array$/],
    ['a record', 'record', /^Nothing was imported: 1 record is not valid\.\nRecord 2 \(no id\): expected an object, received array$/],
    ['a record, as objects', 'object', /^Nothing was imported: 1 record is not valid\.\nRecord 2 \(no id\): id: missing/],
    ['a record\'s status', 'status', /^Nothing was imported: 1 record is not valid\.\nRecord 1 \(lever:[^)]+\): status: expected "saved" or .*, received a list nested too deeply to show$/],
    ['a record\'s rating', 'rating', /^Nothing was imported: 1 record is not valid\.\nRecord 1 \(lever:[^)]+\): rating: expected number, received array$/],
    ['a record\'s notes', 'notes', /^Nothing was imported: 1 record is not valid\.\nRecord 1 \(lever:[^)]+\): notes: expected string, received array$/],
  ] as const)('in %s: a clear message, no stack overflow, nothing written', async (_label, place, message) => {
    const text = withDeep(place);
    expect(text.length).toBeGreaterThanOrEqual(2 * DEPTH);
    const error = await refused(text);
    expect(error.message).toMatch(message);
    expect(error.message.length).toBeLessThan(1_000);
  });

  it('opened and never closed: not JSON', async () => {
    expect((await refused('['.repeat(DEPTH))).message).toMatch(/^This file is not JSON: /);
  });
});

describe('records with wrong types', () => {
  const base = () => savedFrom(sambaPosting(), JUNE_1) as unknown as Record<string, unknown>;
  it.each([
    ['id as a number', { id: 42 }, /Record 2 \(no id\): id: expected string, received number/],
    ['an empty id', { id: '' }, /Record 2 \(no id\): id: must not be empty/],
    ['title null', { title: null }, /title: expected string, received null/],
    ['salary as text', { salary: '$150,000' }, /salary: expected an object, received string/],
    ['tags as one string', { tags: 'ml, nyc' }, /tags: expected a list, received string/],
    ['rating as text', { rating: '5' }, /rating: expected number, received string/],
    ['rating out of range', { rating: 6 }, /rating: must be at most 5, received 6/],
    ['a status that does not exist', { status: 'hired' }, /status: expected "saved" or .*, received "hired"/],
    ['statusHistory as an object', { statusHistory: { saved: JUNE_1 } }, /statusHistory: expected a list, received object/],
    ['savedAt not a date', { savedAt: 'yesterday' }, /savedAt: expected an ISO date-time such as 2026-06-01T10:00:00\.000Z, received "yesterday"/],
    ['notes as a number', { notes: 42 }, /notes: expected string, received number/],
    ['a javascript: url', { url: "javascript:alert('x')" }, /url: expected a web address \(http or https\), received "javascript:alert\('x'\)"/],
    ['corrections as a list', { corrections: [] }, /corrections: expected an object, received array/],
  ])('%s: named by record, id and field; nothing written', async (_label, patch, message) => {
    const record = { ...base(), ...patch };
    const error = await refused(exportText([savedFrom(storytellingPosting(), JUNE_1), record]));
    expect(error.message).toMatch(/^Nothing was imported: 1 record is not valid\.\n/);
    expect(error.message).toMatch(message);
    expect(error.message.split('\n')).toHaveLength(2);
    expect(error.message.split('\n')[1]).toMatch(/^Record 2 \((?:no id|lever:[^)]+)\): /);
  });

  it('a record that is not an object at all, in every JSON shape', async () => {
    const error = await refused(exportText([null, 7, 'posting', true, []]));
    expect(error.message.split('\n')).toEqual([
      'Nothing was imported: 5 records are not valid.',
      'Record 1 (no id): expected an object, received null',
      'Record 2 (no id): expected an object, received number',
      'Record 3 (no id): expected an object, received string',
      'Record 4 (no id): expected an object, received boolean',
      'Record 5 (no id): expected an object, received array',
    ]);
  });
});

describe('markup and odd keys in strings', () => {
  const MARKUP = {
    title: `Engineer <img src=x onerror="globalThis.__pwned='title'"> <script>globalThis.__pwned='title-script'</script>`,
    company: `<a href="javascript:globalThis.__pwned='company'">Northwind</a>`,
    location: '<svg onload="globalThis.__pwned=1">Denver</svg>',
    description: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>&lt;b&gt;escaped&lt;/b&gt; {{constructor.constructor("return 1")()}} ${1+1}',
    notes: '<script>globalThis.__pwned="notes"</script>\n"quotes", \\backslashes\\ and \u2028 separators',
    tags: ['<b>bold</b>', 'javascript:void(0)', '__proto__'],
  };

  it('are accepted as text and stored verbatim, and never run', async () => {
    const { db } = await storedDb();
    const record = savedFrom(sambaPosting(), JUNE_1, { notes: MARKUP.notes, tags: MARKUP.tags });
    const hostile = { ...record, ...MARKUP } as SavedPosting;

    expect(await importExport(db, exportText([hostile]))).toEqual({ added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] });

    const stored = await getSaved(db, hostile.id);
    expect(stored).toEqual(hostile);
    for (const [field, value] of Object.entries(MARKUP)) expect(stored?.[field as keyof SavedPosting], field).toEqual(value);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    // And they leave again exactly as they came.
    const again = JSON.parse((await exportPostingParts(db, [hostile.id], new Date(JUNE_3))).join('')) as { postings: SavedPosting[] };
    expect(again.postings).toEqual([hostile]);
  });

  it('"__proto__", "constructor" and "prototype" keys pollute nothing and are not stored', async () => {
    const { db } = await storedDb();
    const record = savedFrom(storytellingPosting(), JUNE_1);
    const text = exportText([{ ...record, corrections: {} }])
      .replace('"corrections":{}', '"corrections":{"__proto__":{"polluted":"corrections"}},"__proto__":{"polluted":"record"},"constructor":{"prototype":{"polluted":"constructor"}}')
      .replace(/^\{/, '{"__proto__":{"polluted":"file"},');

    expect(await importExport(db, text)).toEqual({ added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] });

    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    const stored = (await db.get(POSTINGS_STORE, record.id)) as Record<string, unknown>;
    expect(stored).toEqual(record);
    expect(Object.hasOwn(stored, '__proto__')).toBe(false);
    expect(Object.hasOwn(stored, 'constructor')).toBe(false);
    expect(Object.hasOwn(stored.corrections as object, '__proto__')).toBe(false);
  });
});
