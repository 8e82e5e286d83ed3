import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pageDatabase } from '../../src/extension/database.ts';
import {
  deleteMany,
  deleteSaved,
  exportPostingParts,
  exportPostingsCsv,
  getSavedMany,
  getSettings,
  importExport,
  listSummaries,
  newestSummaries,
  markClosed,
  restoreSaved,
  setSettings,
  updateSaved,
} from '../../src/store/repository.ts';
import { alwaysRunOn, listAlwaysOn, readTab, stopRunningOn, webOrigin } from '../../src/extension/on-request.ts';
import { isDeclaredPage } from '../../src/sites/matches.ts';
import { compareSearch } from '../../src/compare/url.ts';
import { App, type PopupApi } from '../../src/ui/popup/App.tsx';
import type { PageActionsApi } from '../../src/ui/popup/PageActions.tsx';
import '../../src/ui/popup/popup.css';
import '../../src/ui/overlay/annotations.css';
import '../../src/ui/compare/compare.css';

// Glue: the popup app, wired to the extension's database (an extension page opens it
// itself: src/extension/database.ts says why), and to the tab it was opened on (opening the
// popup grants activeTab for that tab).
const db = pageDatabase();
const api: PopupApi = {
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
  // tabs.create with a url needs no "tabs" permission.
  openUrl: (url) => browser.tabs.create({ url }),
  openCompare: (ids) => browser.tabs.create({ url: `${browser.runtime.getURL('/compare.html')}${compareSearch(ids)}` }),
};

const pageActions: PageActionsApi = {
  currentPage: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const origin = webOrigin(tab?.url);
    if (!tab?.id || !origin || !tab.url) return null;
    return { tabId: tab.id, origin, known: isDeclaredPage(tab.url) };
  },
  readPage: readTab,
  listAlwaysOn,
  alwaysRunOn,
  stopRunningOn,
  close: () => window.close(),
};

const root = document.getElementById('app');
if (root) render(<App api={api} pageActions={pageActions} />, root);
