import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
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
}

/**
 * Starts Chromium with the built extension. `pages` maps an https URL to the file served for
 * it, as `text/html; charset=utf-8`; every other request is refused (unless `passThrough`),
 * so nothing leaves the machine and a test sees every request the extension makes.
 */
export async function launchWithExtension(
  profileDir: string,
  pages: Record<string, string>,
  options: { headless?: boolean; passThrough?: boolean } = {},
): Promise<Launched> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first`);
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
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const file = pages[url.split('#')[0] ?? url];
    if (file) {
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(file) });
    }
    if (options.passThrough || url.startsWith('chrome-extension://') || url.startsWith('data:') || url.startsWith('blob:')) {
      return route.continue();
    }
    return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId };
}

export async function openPopup(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(`chrome-extension://${launched.extensionId}/popup.html`);
  return page;
}
