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

/**
 * The popup's saved-jobs actions on the extension's database: the repository, called from
 * the popup itself (src/extension/database.ts says why). What it does with tabs is the
 * entrypoint's, and an import runs in the background (import-client.ts), where closing the
 * popup cannot cut it.
 */
export function repositoryApi(db: () => Promise<JobLensDB>): Omit<PopupApi, 'openUrl' | 'openCompare' | 'importFile' | 'watchImport'> {
  return {
    list: async () => listSummaries(await db()),
    listFirst: async (count) => newestSummaries(await db(), count),
    get: async (ids) => getSavedMany(await db(), ids),
    remove: async (id) => deleteSaved(await db(), id),
    restore: async (posting) => restoreSaved(await db(), posting),
    removeMany: async (ids) => (await deleteMany(await db(), ids)).length,
    exportJson: async (ids) => exportPostingParts(await db(), ids),
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
    read: async (input) => (await load()).readPastedText(input),
    find: async (id) => getSaved(await db(), id),
    save: async (posting) => (await savePosting(await db(), posting)).saved,
  };
}
