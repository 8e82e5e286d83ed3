import type { JobLensDB } from '../store/db.ts';
import {
  deleteMany,
  deleteSaved,
  exportPostingParts,
  exportPostingsCsv,
  getSaved,
  getSavedMany,
  getSettings,
  listSummaries,
  markClosed,
  newestSummaries,
  restoreSaved,
  savePosting,
  setSettings,
  updateSaved,
} from '../store/repository.ts';
import type { PopupApi } from '../ui/popup/App.tsx';
import type { PastedApi } from '../ui/popup/PasteView.tsx';
import type { SitesFromBackupApi } from '../ui/popup/SitesFromBackup.tsx';
import { dropSitesFromBackup, getSitesFromBackup } from '../store/settings.ts';

/**
 * The popup's saved-jobs actions on the extension's database: the repository, called from
 * the popup itself (src/extension/database.ts says why); `alwaysRunOn` lists the sites the
 * browser lets JobLens always run on, for exports. What it does with tabs is the
 * entrypoint's, and an import runs in the background (import-client.ts), where closing the
 * popup cannot cut it.
 */
export function repositoryApi(
  db: () => Promise<JobLensDB>,
  alwaysRunOn: () => Promise<string[]> = async () => [],
): Omit<PopupApi, 'openUrl' | 'openCompare' | 'importFile' | 'watchImport'> {
  return {
    list: async () => listSummaries(await db()),
    listFirst: async (count) => newestSummaries(await db(), count),
    get: async (ids) => getSavedMany(await db(), ids),
    remove: async (id) => deleteSaved(await db(), id),
    restore: async (posting) => restoreSaved(await db(), posting),
    removeMany: async (ids) => (await deleteMany(await db(), ids)).length,
    // The sites JobLens always runs on go into every export (the browser holds them, not the database).
    exportJson: async (ids) => exportPostingParts(await db(), ids, new Date(), undefined, await alwaysRunOn()),
    exportCsv: async (ids) => exportPostingsCsv(await db(), ids),
    update: async (id, patch) => updateSaved(await db(), id, patch),
    markClosed: async (id, closed) => markClosed(await db(), id, closed),
    getSettings: async () => getSettings(await db()),
    setSettings: async (settings) => setSettings(await db(), settings),
  };
}

/**
 * Read pasted text on the extension's database. The reading code (the parsers, the CLI's text
 * path) is not in the popup's first bundle: it is loaded when the view opens (`prepare`), or
 * at the first Read. The save goes through the repository like a posting saved from a page.
 */
export function pastedApi(db: () => Promise<JobLensDB>): PastedApi {
  let reader: Promise<typeof import('../read-pasted.ts')> | null = null;
  const load = () => {
    // A failed load is tried again at the next Read rather than remembered.
    reader ??= import('../read-pasted.ts').catch((error: unknown) => {
      reader = null;
      throw error;
    });
    return reader;
  };
  return {
    prepare: () => void load().catch(() => undefined),
    read: async (input) => (await load()).readPastedTexts(input),
    find: async (id) => getSaved(await db(), id),
    save: async (posting) => (await savePosting(await db(), posting)).saved,
  };
}

/**
 * An imported backup's sites on the extension's database, and the browser's side of them
 * (`browserSites`: on-request.ts). Allowing asks the browser first, while the click counts.
 */
export function sitesFromBackupApi(
  db: () => Promise<JobLensDB>,
  browserSites: { listAlwaysOn(): Promise<string[]>; alwaysRunOnMany(origins: readonly string[]): Promise<boolean> },
): SitesFromBackupApi {
  return {
    sitesFromBackup: async () => {
      const [waiting, on] = await Promise.all([getSitesFromBackup(await db()), browserSites.listAlwaysOn()]);
      // Those on here already are done with: not kept to come back if the user later removes one.
      const done = waiting.filter((site) => on.includes(site));
      if (done.length > 0) await dropSitesFromBackup(await db(), done);
      return waiting.filter((site) => !on.includes(site));
    },
    allowSitesFromBackup: async (origins) => {
      const granted = await browserSites.alwaysRunOnMany(origins);
      if (granted) await dropSitesFromBackup(await db(), origins);
      return granted;
    },
    dismissSitesFromBackup: async (origins) => {
      await dropSitesFromBackup(await db(), origins);
    },
  };
}
