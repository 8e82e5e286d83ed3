import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { OVERLAY_SCRIPT_FILE, readTab } from '../src/extension/on-request.ts';
import { createLazyHandler, toMessageListener } from '../src/messaging/handlers.ts';
import { openJobLensDB } from '../src/store/db.ts';

// The background owns the database (opened here only, on the first message that needs it),
// interprets what the content script read from a page, injects the panel into a tab whose
// reader found something to show, and answers the keyboard shortcut.
export default defineBackground(() => {
  /**
   * Runs the panel's script in the frame whose page reader asked for it, at once. The reader
   * runs at document_end and asks as soon as it has read a posting: without
   * `injectImmediately`, Chrome would hold the script back until document_idle.
   */
  const injectOverlay = async ({ tabId, frameId }: { tabId: number; frameId: number }): Promise<void> => {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [OVERLAY_SCRIPT_FILE], injectImmediately: true });
  };
  const handler = createLazyHandler((onClose) => openJobLensDB(undefined, { onClose }), { injectOverlay });
  browser.runtime.onMessage.addListener(toMessageListener(handler));

  // The shortcut grants activeTab for the tab it was pressed on, like the toolbar button.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'read-page' || tab?.id === undefined) return;
    readTab(tab.id).catch((error: unknown) => console.warn('JobLens: could not read this page', error));
  });
});
