// `npm start`: builds (in package.json), then opens Chromium with the extension on a bundled
// sample posting: a Lever page saved in test/fixtures, served for its real jobs.lever.co URL.
// With a display the browser stays open for you to try it (saved jobs persist in
// .output/start-profile). Without one it runs headless and writes the overlay's screenshot
// and the posting's annotation JSON under .output/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/cli/annotate.ts';
import { ROOT, launchWithExtension } from './browser.ts';

const SAMPLE_URL = 'https://jobs.lever.co/spotify/d7c43743-2240-45b6-bc31-33e50cbaba4a';
const SAMPLE_FILE = join(ROOT, 'test/fixtures/lever/spotify-senior-ml-engineer-music-understanding.html');
const OUT = join(ROOT, '.output');

const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;
const profileDir = join(OUT, 'start-profile');
mkdirSync(profileDir, { recursive: true });

const { context } = await launchWithExtension(
  profileDir,
  { [SAMPLE_URL]: SAMPLE_FILE },
  { headless: !hasDisplay, passThrough: hasDisplay },
);
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(SAMPLE_URL);
const panel = page.getByRole('complementary', { name: 'JobLens' });
await panel.waitFor({ state: 'visible', timeout: 15_000 });

if (hasDisplay) {
  console.log(`JobLens is running on ${SAMPLE_URL}. Press Save, then open the toolbar button.`);
  console.log('Close the browser window to stop.');
  await new Promise((resolve) => context.on('close', resolve));
} else {
  const screenshot = join(OUT, 'sample-overlay.png');
  // The panel fades in: the picture is taken once its entrance has finished, not halfway.
  await page.waitForFunction(
    () => {
      const root = document.querySelector('joblens-overlay')?.shadowRoot;
      return root !== null && root !== undefined && root.getAnimations().every((animation) => animation.playState !== 'running');
    },
    null,
    { timeout: 5_000 },
  );
  await page.screenshot({ path: screenshot });
  await context.close();

  const lines: string[] = [];
  const code = await runCli([SAMPLE_FILE, '--url', SAMPLE_URL, '--pretty'], {
    stdout: (line) => lines.push(line),
    stderr: (line) => console.error(line),
  });
  const json = join(OUT, 'sample-posting.json');
  writeFileSync(json, lines.join('\n') + '\n');
  console.log(`No display: ran headless.\n  overlay screenshot: ${screenshot}\n  annotation JSON:    ${json}`);
  process.exitCode = code;
}
