import { z } from 'zod/mini';
import {
  ExportedSettings,
  Settings,
  SettingsEdits,
  SiteOrigin,
  defaultSettings,
} from '../model/index.ts';
import type { IDBPObjectStore } from 'idb';
import { SETTINGS_STORE, type JobLensDB, type JobLensSchema } from './db.ts';
import { mergeSettings, type SettingOutcome } from './settings-merge.ts';
import { write, type StoreList } from './transaction.ts';

/**
 * The user's settings in the settings store: the Settings object, when each setting was last
 * set (to merge an import's settings key by key, settings-merge.ts), and the sites an
 * imported file listed that wait for the user to let JobLens run on them.
 */

/** The settings store holds one record per key; the Settings object is this one. */
export const SETTINGS_KEY = 'settings';
/** SettingsEdits: apart from the Settings object, which stays as older builds wrote and read it. */
export const SETTINGS_EDITS_KEY = 'settingsEdits';
/** Sites an imported file asked JobLens to always run on, not yet allowed or dismissed here. */
export const SITES_FROM_BACKUP_KEY = 'sitesFromBackup';

const Sites = z.array(SiteOrigin);

type Reporter = (record: { id: unknown; error: string }) => void;

const warn: Reporter = ({ id, error }) => {
  console.warn(`JobLens: the stored ${String(id)} are not valid; the defaults are used and the record is kept.`, error);
};

function readSettings(raw: unknown, report: Reporter): Settings {
  if (raw === undefined) return defaultSettings();
  const parsed = Settings.safeParse(raw);
  if (parsed.success) return parsed.data;
  report({ id: SETTINGS_KEY, error: z.prettifyError(parsed.error) });
  return defaultSettings();
}

function readEdits(raw: unknown): SettingsEdits {
  const parsed = SettingsEdits.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function readSites(raw: unknown): string[] {
  const parsed = Sites.safeParse(raw);
  return parsed.success ? parsed.data : [];
}

/** The user's settings, or the defaults when none are stored or the stored ones do not validate (they are kept). */
export async function getSettings(db: JobLensDB, report: Reporter = warn): Promise<Settings> {
  return readSettings(await db.get(SETTINGS_STORE, SETTINGS_KEY), report);
}

/** Saves the settings; each setting whose value changed gets `now` as its edit time. */
export async function setSettings(db: JobLensDB, settings: Settings, now: Date = new Date()): Promise<Settings> {
  const valid = Settings.parse(settings);
  await write(db, [SETTINGS_STORE], async (tx) => {
    const store = tx.objectStore(SETTINGS_STORE);
    const [current, edits] = await Promise.all([store.get(SETTINGS_KEY), store.get(SETTINGS_EDITS_KEY)]);
    const before = readSettings(current, () => undefined);
    const changed = JSON.stringify(before.exchangeRates) !== JSON.stringify(valid.exchangeRates);
    await store.put(valid, SETTINGS_KEY);
    if (changed) await store.put({ ...readEdits(edits), exchangeRates: now.toISOString() }, SETTINGS_EDITS_KEY);
  });
  return valid;
}

/** What an export carries of the settings; `alwaysRunOn` comes from the browser, which holds those sites. */
export async function exportedSettings(db: JobLensDB, alwaysRunOn: readonly string[]): Promise<ExportedSettings> {
  const tx = db.transaction(SETTINGS_STORE, 'readonly');
  const [settings, edits] = await Promise.all([tx.store.get(SETTINGS_KEY), tx.store.get(SETTINGS_EDITS_KEY)]);
  return ExportedSettings.parse({
    exchangeRates: readSettings(settings, warn).exchangeRates,
    edits: readEdits(edits),
    alwaysRunOn: [...alwaysRunOn].sort(),
  });
}

/** Sites from an imported file that wait for the user's permission here. */
export async function getSitesFromBackup(db: JobLensDB): Promise<string[]> {
  return readSites(await db.get(SETTINGS_STORE, SITES_FROM_BACKUP_KEY));
}

/** Takes these sites off the list (the user allowed them, or said no). */
export async function dropSitesFromBackup(db: JobLensDB, sites: readonly string[]): Promise<string[]> {
  const gone = new Set(sites);
  return write(db, [SETTINGS_STORE], async (tx) => {
    const store = tx.objectStore(SETTINGS_STORE);
    const left = readSites(await store.get(SITES_FROM_BACKUP_KEY)).filter((site) => !gone.has(site));
    await (left.length > 0 ? store.put(left, SITES_FROM_BACKUP_KEY) : store.delete(SITES_FROM_BACKUP_KEY));
    return left;
  });
}

/** What an import did with the file's settings, for its summary. */
export interface SettingsImport {
  exchangeRates: SettingOutcome;
  /** The file's sites: kept to offer until the user allows or dismisses them (those on here already are not shown). */
  sitesToOffer: string[];
}

/**
 * Merges a file's settings into the user's, in the import's own transaction (so they land
 * with its postings or not at all). A stored Settings object that does not validate counts
 * as never set.
 */
export async function importSettings(
  store: IDBPObjectStore<JobLensSchema, StoreList, typeof SETTINGS_STORE, 'readwrite'>,
  file: ExportedSettings,
): Promise<SettingsImport> {
  const [current, edits, waiting] = await Promise.all([
    store.get(SETTINGS_KEY),
    store.get(SETTINGS_EDITS_KEY),
    store.get(SITES_FROM_BACKUP_KEY),
  ]);
  const merged = mergeSettings(readSettings(current, () => undefined), readEdits(edits), file);
  const writes: Promise<unknown>[] = [];
  if (merged.exchangeRates === 'theirs' || merged.exchangeRates === 'added') {
    writes.push(store.put(merged.settings, SETTINGS_KEY), store.put(merged.edits, SETTINGS_EDITS_KEY));
  }
  const before = readSites(waiting);
  const offered = [...new Set([...before, ...merged.sitesToOffer])].sort();
  if (offered.length !== before.length) writes.push(store.put(offered, SITES_FROM_BACKUP_KEY));
  await Promise.all(writes);
  return { exchangeRates: merged.exchangeRates, sitesToOffer: merged.sitesToOffer };
}
