import { readFileSync, rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_MATCHES } from '../../src/sites/matches.ts';
import { mayHoldPosting } from '../../src/sites/registry.ts';
import { findCaptures, runRealEval, sameTitle, type CaptureLabel } from '../eval/real.ts';
import { launchWithExtension, newProfileDir, pressToolbarButtonThenClick, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

/*
 * Every real page in the corpus (test/corpus/real: saved from the real sites by someone else),
 * opened at its real address in Chromium with the built extension: the panel must show the
 * posting, with the title and pay its label states. On a board's posting pages the panel comes
 * by itself; elsewhere (a LinkedIn guest endpoint, an employer's site) through the toolbar's
 * "Read this page". Posting text (a capture saved as
 * .txt or Markdown) is opened as the plain-text page a browser shows for it, at an address of
 * its own, and read on request. A capture whose label states no title, whose text never states
 * the title its label gives (the labeller's own reading of an untitled paste), or that holds
 * several postings (a list), is left to the eval.
 *
 * The browser must read what the reader reads in Node: where the eval counts a miss on a
 * capture's title or pay, the panel must show the reader's reading (the miss is the eval's to
 * report, not hidden here); a capture the eval cannot read at all is the eval's miss too (it is
 * listed in `npm run eval`), and is not opened.
 */

const PAGE_KINDS = new Set(['page', 'apply-page', 'jsonld-page', 'career-page', 'aggregator-page', 'text']);

interface Case {
  name: string;
  url: string;
  file: string;
  title: string;
  /** The first range the label states; null when it states no pay; undefined when it does not say. */
  pay: { min: number; max: number } | null | undefined;
  onRequest: boolean;
}

function cases(): Case[] {
  const out: Case[] = [];
  const misses = runRealEval().misses;
  const missOf = (name: string, field: string) => misses.find((m) => m.case === name && m.field === field);
  for (const capture of findCaptures()) {
    if (!capture.capturePath) continue;
    const label = JSON.parse(readFileSync(capture.labelPath, 'utf8')) as CaptureLabel;
    const posting = label.postings[0];
    if (!PAGE_KINDS.has(label.kind) || label.postings.length !== 1 || !posting?.title) continue;
    const squeeze = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');
    if (!squeeze(readFileSync(capture.capturePath, 'utf8')).includes(squeeze(posting.title))) continue;
    const text = /\.(?:txt|md)$/.test(capture.capturePath);
    if (!text && !label.url) continue;
    const url = text ? `https://text.joblens.test/${basename(dirname(capture.capturePath))}/${basename(capture.capturePath)}` : label.url!;
    if (missOf(capture.name, 'found')) continue;
    const titleMiss = missOf(capture.name, 'title');
    out.push({
      name: capture.name,
      url,
      file: capture.capturePath,
      title: titleMiss ? String(titleMiss.got) : posting.title,
      pay: posting.pay === undefined || missOf(capture.name, 'pay') ? undefined : posting.pay[0] ? { min: posting.pay[0].min, max: posting.pay[0].max } : null,
      // The panel comes by itself only where the content script is declared and the address may be a posting.
      onRequest: text || !declaredOn(url) || !mayHoldPosting(url),
    });
  }
  return out;
}

const CASES = cases();

/** Whether the content script runs on `url` by itself: a match pattern, path included ("*.linkedin.com/jobs/*" is not "/jobs-guest/"). */
function declaredOn(url: string): boolean {
  return CONTENT_SCRIPT_MATCHES.some((pattern) => {
    const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace('://.*\\.', '://(?:[^/]+\\.)?')}$`);
    return re.test(url);
  });
}

async function panelOn(browser: Launched, page: Page, c: Case) {
  await page.goto(c.url);
  if (c.onRequest) await pressToolbarButtonThenClick(browser, page, 'Read this page');
  const panel = page.getByRole('complementary', { name: 'JobLens' });
  await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
  return panel;
}

describe('real pages in Chromium: a posting read on every one that holds one', () => {
  const profile = newProfileDir();
  let browser: Launched;

  beforeAll(async () => {
    browser = await launchWithExtension(profile, Object.fromEntries(CASES.map((c) => [c.url, c.file])));
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  // Real pages run their own scripts, which build addresses the HTML names only in part
  // ("googletagmanager.com/gtm.js?id=" + an id): a request to a host a served page names
  // is the page's. The extension makes none at all, to any host.
  const served = CASES.map((c) => readFileSync(c.file, 'utf8'));
  const pagesOwn = (url: string) => served.some((html) => html.includes(`${new URL(url).host}/`));
  expectNoRequestsOfItsOwn(() => [browser], pagesOwn);

  it('has real pages and pasted postings to open', () => {
    expect(CASES.filter((c) => !c.onRequest).length).toBeGreaterThan(0);
    expect(CASES.filter((c) => c.url.startsWith('https://text.joblens.test/')).length).toBeGreaterThan(20);
  });

  for (const c of CASES) {
    it(`${c.name}: the panel shows the posting, its title and its pay`, async () => {
      const page = await browser.context.newPage();
      try {
        const panel = await panelOn(browser, page, c);
        const text = await panel.innerText();
        expect(text, 'the panel found a posting').not.toContain('No job posting found here.');
        const title = (await panel.getByRole('heading', { level: 2 }).innerText()).trim();
        expect(sameTitle(title, c.title), `title ${JSON.stringify(title)}, label ${JSON.stringify(c.title)}`).toBe(true);
        const pay = (await panel.getByRole('region', { name: 'Pay' }).innerText()).replace(/\s+/g, ' ');
        if (c.pay) {
          const digits = pay.replace(/,/g, '');
          for (const n of [c.pay.min, c.pay.max]) expect(digits).toMatch(new RegExp(`(?<![\\d.])${String(n).replace('.', '\\.')}`));
        } else if (c.pay === null) {
          expect(pay).toContain('Not stated');
        }
      } finally {
        await page.close();
      }
    });
  }
});
