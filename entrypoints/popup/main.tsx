import { render } from 'preact';
import { browser } from 'wxt/browser';
import { pageDatabase } from '../../src/extension/database.ts';
import { importClient } from '../../src/extension/import-client.ts';
import { pastedApi, repositoryApi, sitesFromBackupApi } from '../../src/extension/popup-api.ts';
import { alwaysRunOn, alwaysRunOnMany, listAlwaysOn, readTab, stopRunningOn, webOrigin } from '../../src/extension/on-request.ts';
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
const database = pageDatabase();
const api: PopupApi = {
  // Exports carry the sites JobLens always runs on, which the browser holds.
  ...repositoryApi(database, listAlwaysOn),
  ...importClient((name) => browser.runtime.connect({ name })),
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

const sitesFromBackup = sitesFromBackupApi(database, { listAlwaysOn, alwaysRunOnMany });

const root = document.getElementById('app');
if (root) render(<App api={api} pageActions={pageActions} pasted={pastedApi(database)} sitesFromBackup={sitesFromBackup} />, root);
