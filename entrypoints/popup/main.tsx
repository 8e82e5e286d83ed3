import { render } from 'preact';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../src/messaging/client.ts';
import { App, type PopupApi } from '../../src/ui/popup/App.tsx';

// Glue: the popup app, wired to the background through the typed messaging client.
const api: PopupApi = {
  list: async () => (await sendMessage('saved.list', {})).postings,
  remove: async (id) => (await sendMessage('saved.delete', { id })).deleted,
  restore: async (posting) => (await sendMessage('saved.restore', { posting })).saved,
  exportFile: async () => (await sendMessage('saved.export', {})).file,
  // tabs.create with a url needs no "tabs" permission.
  openUrl: (url) => browser.tabs.create({ url }),
};

const root = document.getElementById('app');
if (root) render(<App api={api} />, root);
