import { afterEach, describe, expect, it } from 'vitest';
import { decryptExport, encryptExport, readEncryptedExport } from '../../src/io/encrypted-export.ts';
import { ImportError } from '../../src/io/import-json.ts';
import { EXPORT_FORMAT, type ExchangeRates } from '../../src/model/index.ts';
import { openJobLensDB, SETTINGS_STORE, type JobLensDB } from '../../src/store/db.ts';
import {
  exportPostingParts,
  getSaved,
  getSettings,
  importExport,
  listSaved,
  savePosting,
  setSettings,
  updateSaved,
} from '../../src/store/repository.ts';
import { dropSitesFromBackup, getSitesFromBackup } from '../../src/store/settings.ts';
import { importSummary } from '../../src/ui/popup/import-summary.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom } from '../helpers/postings.ts';

const dbs: JobLensDB[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function freshDb(): Promise<JobLensDB> {
  const db = await openJobLensDB(`joblens-test-${crypto.randomUUID()}`);
  dbs.push(db);
  return db;
}

const JUNE_1 = new Date('2026-06-01T10:00:00.000Z');
const JUNE_2 = new Date('2026-06-02T10:00:00.000Z');
const JUNE_3 = new Date('2026-06-03T10:00:00.000Z');
const JUNE_4 = new Date('2026-06-04T10:00:00.000Z');

function rates(eur: number, at: Date): ExchangeRates {
  return { base: 'USD', rates: { EUR: eur }, updatedAt: at.toISOString() };
}

async function exportOf(db: JobLensDB, sites: string[] = []): Promise<string> {
  return (await exportPostingParts(db, undefined, JUNE_4, undefined, sites)).join('');
}

/** Everything in the settings store, to see that nothing was written. */
async function settingsStore(db: JobLensDB): Promise<unknown[]> {
  return db.getAll(SETTINGS_STORE);
}

describe('settings in the export', () => {
  it('go out with every export and come back in another profile: rates, when they were set, the sites', async () => {
    const a = await freshDb();
    await setSettings(a, { exchangeRates: rates(0.92, JUNE_1) }, JUNE_1);
    await savePosting(a, sambaPosting(), JUNE_1);
    const text = await exportOf(a, ['https://careers.example.org', 'https://jobs.example.com']);
    const head = JSON.parse(text) as { version: number; settings: unknown };
    expect(head.version).toBe(4);
    expect(head.settings).toEqual({
      exchangeRates: rates(0.92, JUNE_1),
      edits: { exchangeRates: JUNE_1.toISOString() },
      alwaysRunOn: ['https://careers.example.org', 'https://jobs.example.com'],
    });

    const b = await freshDb();
    const result = await importExport(b, text);
    expect(await getSettings(b)).toEqual({ exchangeRates: rates(0.92, JUNE_1) });
    const sites = ['https://careers.example.org', 'https://jobs.example.com'];
    expect(result.settings).toEqual({ exchangeRates: 'added', sitesToOffer: sites });
    expect(await getSitesFromBackup(b)).toEqual(sites);
    expect(importSummary(result)).toBe(
      "Imported: 1 new, 0 merged (edits from both kept), 0 replaced by the file's newer copy, 0 unchanged. " +
        "Exchange rates: the file's (you had set none). " +
        'The file lists 2 sites JobLens always reads; any not on here are listed above, to allow or dismiss.',
    );

    // And back out of B as they came in: the edit time travels with them.
    const again = JSON.parse(await exportOf(b)) as { settings: { edits: unknown } };
    expect(again.settings.edits).toEqual({ exchangeRates: JUNE_1.toISOString() });
  });

  it("keep the user's rates where the user set them later, and say so", async () => {
    const a = await freshDb();
    await setSettings(a, { exchangeRates: rates(0.9, JUNE_1) }, JUNE_1);
    const b = await freshDb();
    await setSettings(b, { exchangeRates: rates(0.95, JUNE_2) }, JUNE_2);

    const result = await importExport(b, await exportOf(a));
    expect(result.settings?.exchangeRates).toBe('ours');
    expect(await getSettings(b)).toEqual({ exchangeRates: rates(0.95, JUNE_2) });
    expect(importSummary(result)).toContain("Exchange rates: yours kept, set later than the file's.");

    // The other way round, the newer rates (B's) win.
    const back = await importExport(a, await exportOf(b));
    expect(back.settings?.exchangeRates).toBe('theirs');
    expect(await getSettings(a)).toEqual({ exchangeRates: rates(0.95, JUNE_2) });
  });

  it('count clearing the rates as an edit: a later clear wins over older rates, both ways', async () => {
    const a = await freshDb();
    await setSettings(a, { exchangeRates: rates(0.9, JUNE_1) }, JUNE_1);
    const b = await freshDb();
    await importExport(b, await exportOf(a));
    await setSettings(b, { exchangeRates: null }, JUNE_3);

    expect((await importExport(b, await exportOf(a))).settings?.exchangeRates).toBe('ours');
    expect(await getSettings(b)).toEqual({ exchangeRates: null });
    expect((await importExport(a, await exportOf(b))).settings?.exchangeRates).toBe('theirs');
    expect(await getSettings(a)).toEqual({ exchangeRates: null });
  });

  it('from a profile that never set any, change nothing; importing the same file twice changes nothing', async () => {
    const a = await freshDb();
    const b = await freshDb();
    await setSettings(b, { exchangeRates: rates(0.95, JUNE_2) }, JUNE_2);
    expect((await importExport(b, await exportOf(a))).settings?.exchangeRates).toBe('none');
    expect(await getSettings(b)).toEqual({ exchangeRates: rates(0.95, JUNE_2) });

    await setSettings(a, { exchangeRates: rates(0.9, JUNE_3) }, JUNE_3);
    const text = await exportOf(a, ['https://careers.example.org']);
    await importExport(b, text);
    const after = await settingsStore(b);
    const twice = await importExport(b, text);
    expect(twice.settings).toEqual({ exchangeRates: 'same', sitesToOffer: ['https://careers.example.org'] });
    expect(await settingsStore(b)).toEqual(after);
  });

  it('rates stored before edit times were kept count as set when they say they were updated', async () => {
    const b = await freshDb();
    // An older build wrote the Settings object alone.
    await b.put(SETTINGS_STORE, { exchangeRates: rates(0.95, JUNE_3) }, 'settings');
    const a = await freshDb();
    await setSettings(a, { exchangeRates: rates(0.9, JUNE_2) }, JUNE_2);
    expect((await importExport(b, await exportOf(a))).settings?.exchangeRates).toBe('ours');
    expect(await getSettings(b)).toEqual({ exchangeRates: rates(0.95, JUNE_3) });
  });

  it('an old export (version 3, no settings) still imports, and leaves the settings alone', async () => {
    const b = await freshDb();
    await setSettings(b, { exchangeRates: rates(0.95, JUNE_2) }, JUNE_2);
    const before = await settingsStore(b);
    const music = savedFrom(musicUnderstandingPosting(), JUNE_1.toISOString(), { notes: 'From the old export.' });
    const v3 = JSON.stringify({ format: EXPORT_FORMAT, version: 3, exportedAt: JUNE_1.toISOString(), postings: [music] });

    const result = await importExport(b, v3);
    expect(result).toEqual({ added: 1, merged: 0, replaced: 0, unchanged: 0, overwritten: [] });
    expect((await getSaved(b, music.id))?.notes).toBe('From the old export.');
    expect(await settingsStore(b)).toEqual(before);
    expect(importSummary(result)).not.toContain('Exchange rates');
  });

  it('settings that are not valid refuse the whole file, naming the field; nothing is written', async () => {
    const b = await freshDb();
    const a = await freshDb();
    await savePosting(a, sambaPosting(), JUNE_1);
    const file = JSON.parse(await exportOf(a)) as Record<string, unknown>;
    const bad = JSON.stringify({ ...file, settings: { exchangeRates: null, edits: {}, alwaysRunOn: ['javascript:alert(1)'] } });
    await expect(importExport(b, bad)).rejects.toThrow(ImportError);
    await expect(importExport(b, bad)).rejects.toThrow(/damaged: settings\.alwaysRunOn\[0\]: is not in the expected form/);
    expect(await listSaved(b)).toEqual([]);
    expect(await settingsStore(b)).toEqual([]);
  });

  it('sites waiting are taken off once allowed or dismissed, and one import more adds only what is new', async () => {
    const a = await freshDb();
    const b = await freshDb();
    await importExport(b, await exportOf(a, ['https://a.example', 'https://b.example']));
    expect(await dropSitesFromBackup(b, ['https://a.example'])).toEqual(['https://b.example']);
    await importExport(b, await exportOf(a, ['https://c.example']));
    expect(await getSitesFromBackup(b)).toEqual(['https://b.example', 'https://c.example']);
    await dropSitesFromBackup(b, ['https://b.example', 'https://c.example']);
    expect(await getSitesFromBackup(b)).toEqual([]);
  });
});

describe('an encrypted export, end to end through the repository', () => {
  it('brings postings, notes and settings into another profile with the passphrase; a wrong one writes nothing', async () => {
    const a = await freshDb();
    await setSettings(a, { exchangeRates: rates(0.92, JUNE_1) }, JUNE_1);
    await savePosting(a, sambaPosting(), JUNE_1);
    await updateSaved(a, sambaPosting().id, { notes: 'Laptop: call on Tuesday.' }, JUNE_2);
    const locked = await encryptExport(await exportOf(a, ['https://careers.example.org']), 'a long enough passphrase');

    const b = await freshDb();
    const file = readEncryptedExport(locked)!;
    await expect(decryptExport(file, 'not the passphrase')).rejects.toThrow(
      'Wrong passphrase, or the file was changed: nothing was imported.',
    );
    expect(await listSaved(b)).toEqual([]);
    expect(await settingsStore(b)).toEqual([]);

    await importExport(b, await decryptExport(file, 'a long enough passphrase'));
    expect((await getSaved(b, sambaPosting().id))?.notes).toBe('Laptop: call on Tuesday.');
    expect(await getSettings(b)).toEqual({ exchangeRates: rates(0.92, JUNE_1) });
    expect(await getSitesFromBackup(b)).toEqual(['https://careers.example.org']);
  });
});
