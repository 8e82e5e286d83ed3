import type { JobLensDB } from '../store/db.ts';
import {
  deleteMany,
  deleteSaved,
  exportPostingParts,
  exportPostingsCsv,
  getSavedMany,
  getSettings,
  importExport,
  listSummaries,
  markClosed,
  newestSummaries,
  restoreSaved,
  setSettings,
  updateSaved,
} from '../store/repository.ts';
import type { PopupApi } from '../ui/popup/App.tsx';

/**
 * The popup's saved-jobs actions on the extension's database: the repository, called from
 * the popup itself (src/extension/database.ts says why). What it does with tabs is the
 * entrypoint's.
 */
export function repositoryApi(db: () => Promise<JobLensDB>): Omit<PopupApi, 'openUrl' | 'openCompare'> {
  return {
    list: async () => listSummaries(await db()),
    listFirst: async (count) => newestSummaries(await db(), count),
    get: async (ids) => getSavedMany(await db(), ids),
    remove: async (id) => deleteSaved(await db(), id),
    restore: async (posting) => restoreSaved(await db(), posting),
    removeMany: async (ids) => (await deleteMany(await db(), ids)).length,
    exportJson: async (ids) => exportPostingParts(await db(), ids),
    exportCsv: async (ids) => exportPostingsCsv(await db(), ids),
    importFile: async (text) => importExport(await db(), text),
    update: async (id, patch) => updateSaved(await db(), id, patch),
    markClosed: async (id, closed) => markClosed(await db(), id, closed),
    getSettings: async () => getSettings(await db()),
    setSettings: async (settings) => setSettings(await db(), settings),
  };
}
