import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built extension; JOBLENS_EXTENSION_DIR points elsewhere (a copy, so a rebuild mid-run cannot change it). */
export const EXTENSION_DIR = process.env.JOBLENS_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const ARTIFACTS_DIR = join(ROOT, '.output/e2e');

/** Debian's Chromium (apt-get install chromium); a test tool's own browser download is not used. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH');
  return found;
}

export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'joblens-profile-'));
}

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  /**
   * Requests for anything the test did not serve and the served pages do not name (their
   * images, say): the extension's own traffic, if it made any. It must make none.
   */
  foreignRequests: string[];
}

/**
 * Starts Chromium with the built extension. `pages` maps an https URL to the file served for
 * it, as `text/html; charset=utf-8` (`.txt` and `.md` files as `text/plain`); every other request is refused (unless `passThrough`),
 * so nothing leaves the machine and a test sees every request the extension makes.
 */
export async function launchWithExtension(
  profileDir: string,
  pages: Record<string, string>,
  options: { headless?: boolean; passThrough?: boolean; extensionDir?: string } = {},
): Promise<Launched> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Lets the test press the toolbar button through the DevTools protocol (Extensions.triggerAction).
      '--enable-unsafe-extension-debugging',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  const served = Object.values(pages).map((file) => readFileSync(file, 'utf8'));
  const named = new Set(Object.entries(pages).flatMap(([pageUrl, file]) => relativeUrlsIn(readFileSync(file, 'utf8'), pageUrl)));
  const foreignRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const file = pages[url.split('#')[0] ?? url];
    if (file) {
      // Text captures (a posting saved as .txt or Markdown) are served as the plain text they are.
      const contentType = /\.(?:txt|md)$/i.test(file) ? 'text/plain; charset=utf-8' : 'text/html; charset=utf-8';
      return route.fulfill({ status: 200, contentType, body: readFileSync(file) });
    }
    if (options.passThrough || url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    if (!named.has(url) && !served.some((html) => html.includes(url))) foreignRequests.push(url);
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, foreignRequests };
}

/**
 * The addresses a page's own src/href attributes name relative to it (`<img src=x>` on a
 * posting at /company/id loads /company/x): the page's requests, not the extension's. An
 * overlay that copied such an element would ask for the same address: that is for a test of
 * the overlay's markup to catch (the hostile pages' audit), not for the request log.
 */
function relativeUrlsIn(html: string, pageUrl: string): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(/\b(?:src|href|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)) {
    const value = match[1] ?? match[2] ?? match[3] ?? '';
    try {
      urls.push(new URL(value, pageUrl).href);
    } catch {
      // Not an address.
    }
  }
  return urls;
}

export async function openPopup(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  return page;
}

/**
 * Presses the extension's toolbar button on `page`, as a user would (this grants activeTab
 * for that tab), then clicks the button named `buttonText` in the popup that opens.
 * Playwright does not see action popups as pages, so the popup is driven through the
 * DevTools protocol directly. Resolves to the popup's text after the click.
 */
export async function pressToolbarButtonThenClick(launched: Launched, page: Page, buttonText: string): Promise<string> {
  const browser = launched.context.browser();
  if (!browser) throw new Error('no browser to talk to');
  const cdp = await browser.newBrowserCDPSession();
  const pageUrl = page.url();
  const targets = async () =>
    (await cdp.send('Target.getTargets', { filter: [{}] })).targetInfos as Array<{ targetId: string; type: string; url: string }>;
  const tab = (await targets()).find((t) => t.type === 'tab' && t.url === pageUrl);
  if (!tab) throw new Error(`no tab target for ${pageUrl}`);
  await page.bringToFront();
  const popupUrl = `chrome-extension://${launched.extensionId}/popup.html`;
  // A popup from an earlier press may still be closing: only a popup opened by this press counts.
  const earlier = new Set((await targets()).filter((t) => t.url === popupUrl).map((t) => t.targetId));
  await cdp.send('Extensions.triggerAction', { id: launched.extensionId, targetId: tab.targetId });

  let popup: { targetId: string } | undefined;
  for (let i = 0; i < 50 && !popup; i++) {
    popup = (await targets()).find((t) => t.type === 'page' && t.url === popupUrl && !earlier.has(t.targetId));
    if (!popup) await new Promise((r) => setTimeout(r, 100));
  }
  if (!popup) throw new Error('the toolbar popup did not open');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });

  let nextId = 1;
  const pending = new Map<number, (value: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const reply = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: unknown } } };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result?.result?.value);
  });
  const evaluate = async (expression: string): Promise<unknown> => {
    const id = nextId++;
    const done = new Promise((resolve) => pending.set(id, resolve));
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, userGesture: true, awaitPromise: true, returnByValue: true } }),
    });
    return done;
  };
  const clickButton = `(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(buttonText)});
    if (!button) return false;
    button.click();
    return true;
  })()`;
  let clicked = false;
  for (let i = 0; i < 50 && !clicked; i++) {
    clicked = (await evaluate(clickButton)) === true;
    if (!clicked) await new Promise((r) => setTimeout(r, 100));
  }
  if (!clicked) throw new Error(`no "${buttonText}" button in the popup`);
  // The popup may already have closed itself (Read this page does): then there is no text to read.
  const text = String(
    (await Promise.race([evaluate('document.body.innerText').catch(() => ''), new Promise((r) => setTimeout(() => r(''), 1000))])) ?? '',
  );
  await cdp.detach().catch(() => undefined);
  return text;
}
