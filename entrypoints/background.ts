import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createLazyHandler, toMessageListener } from '../src/messaging/handlers.ts';
import { openJobLensDB } from '../src/store/db.ts';

// The background owns the database (opened here only, on the first message that needs it)
// and interprets what the content script read from a page.
export default defineBackground(() => {
  const handler = createLazyHandler((onClose) => openJobLensDB(undefined, { onClose }));
  browser.runtime.onMessage.addListener(toMessageListener(handler));
});
