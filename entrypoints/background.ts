import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createImportRunner } from '../src/extension/import-runner.ts';
import { injectOverlay, injectReader, readTab } from '../src/extension/on-request.ts';
import { createLazyHandler, toMessageListener } from '../src/messaging/handlers.ts';
import { lazyDatabase, openJobLensDB } from '../src/store/db.ts';

// The background answers the content scripts: it runs the page reader on a board's page that
// may hold a posting, interprets what the reader read, injects the panel where there is
// something to show, and keeps what the panel saves (the database is opened here on the
// first message that needs it; the extension's own pages open it themselves). It also answers
// the keyboard shortcut, and runs imports the popup hands it.
export default defineBackground(() => {
  const handler = createLazyHandler((onClose) => openJobLensDB(undefined, { onClose }), { injectOverlay, injectReader });
  browser.runtime.onMessage.addListener(toMessageListener(handler));

  // Imports run here, where closing the popup cannot cut them; only extension pages may ask.
  const imports = createImportRunner({
    db: lazyDatabase((onClose) => openJobLensDB(undefined, { onClose })),
    pagesUrl: browser.runtime.getURL('/'),
  });
  browser.runtime.onConnect.addListener((port) => imports.connect(port));

  // The shortcut grants activeTab for the tab it was pressed on, like the toolbar button.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'read-page' || tab?.id === undefined) return;
    readTab(tab.id).catch((error: unknown) => console.warn('JobLens: could not read this page', error));
  });
});
