import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, ROOT, launchWithExtension, newProfileDir, type Launched } from './browser.ts';
import { expectNoRequestsOfItsOwn } from './no-network.ts';

// The overlay on the boards other than Lever, as a user sees it: the built extension in
// Chromium, on fixture pages served for their real URLs. What the panel must say comes from
// each fixture's .expected.json (a careful reader's reading of the page), never from our code.

const FIXTURES = join(ROOT, 'test/fixtures');

interface Expected {
  url: string;
  posting: {
    title: string;
    company: string | null;
    salary: { min: number; max: number; currency: string; period: 'hour' | 'day' | 'week' | 'month' | 'year'; label?: string } | null;
    remote: { policy: 'remote' | 'hybrid' | 'onsite' | 'unknown'; officeDaysMin?: number | null };
  };
  salaryEstimated?: boolean;
}

function expected(file: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), 'utf8')) as Expected;
}

const PERIOD_WORDS = { hour: 'an hour', day: 'a day', week: 'a week', month: 'a month', year: 'a year' } as const;
const POLICY_WORDS = { remote: 'Remote', hybrid: 'Hybrid', onsite: 'On-site', unknown: 'Not stated' } as const;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "$144,800 – $199,100 a year", written here from the expected numbers, spaces around the dash loose. */
function payPattern(salary: NonNullable<Expected['posting']['salary']>): RegExp {
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: salary.currency, maximumFractionDigits: 0 });
  const range = salary.min === salary.max ? escape(money.format(salary.min)) : `${escape(money.format(salary.min))}\\s*–\\s*${escape(money.format(salary.max))}`;
  return new RegExp(`${range}\\s+${PERIOD_WORDS[salary.period]}`);
}

// One posting page per board reader, with and without stated pay.
const BOARDS: Array<{ board: string; file: string }> = [
  { board: 'Greenhouse (boards.greenhouse.io, pay-transparency block)', file: 'greenhouse/kestrel-senior-backend-payments-zones' },
  { board: 'Greenhouse (job-boards app, no pay)', file: 'greenhouse/harborview-data-analyst-care-ops' },
  { board: 'Ashby (published compensation)', file: 'ashby/lumen-freight-senior-platform-engineer' },
  { board: 'Ashby (no pay)', file: 'ashby/quarry-labs-product-designer-hybrid' },
  { board: 'LinkedIn (signed-out posting, base pay range)', file: 'linkedin/guest-northwind-staff-data-engineer-pay' },
  { board: 'LinkedIn (signed-out posting, no pay)', file: 'linkedin/guest-tcs-senior-net-developer' },
  { board: 'LinkedIn (signed-in search, LinkedIn estimate)', file: 'linkedin/search-fernhill-backend-linkedin-est' },
  { board: 'Workday (pay in the text)', file: 'workday/northwind-analytics-engineer-hybrid' },
  { board: 'Workday (no pay)', file: 'workday/begacheese-quality-specialist' },
];

// LinkedIn's search page with job A selected; job B's detail pane comes from the collections
// fixture (the same signed-in markup), swapped in the way LinkedIn swaps it: no page load.
const A = expected('linkedin/search-fernhill-backend-linkedin-est');
const B = expected('linkedin/collections-meridian-designer-from-description');
const A_ID = '4302761950';
const B_ID = '4309876543';
const SEARCH_A_URL = `https://www.linkedin.com/jobs/search/?currentJobId=${A_ID}`;
const SEARCH_B_URL = `https://www.linkedin.com/jobs/search/?currentJobId=${B_ID}`;
const PANE = '.jobs-search__job-details--container';

/** Job B's detail pane as the collections fixture has it: its inner HTML, read in Node. */
function paneOfB(): string {
  const window = new Window({ url: 'https://www.linkedin.com/jobs/collections/recommended/' });
  window.document.write(readFileSync(join(FIXTURES, 'linkedin/collections-meridian-designer-from-description.html'), 'utf8'));
  const pane = window.document.querySelector(PANE);
  if (!pane) throw new Error('no detail pane in the collections fixture');
  const html = pane.innerHTML;
  void window.happyDOM.close();
  return html;
}

const PAGES: Record<string, string> = {
  ...Object.fromEntries(BOARDS.map(({ file }) => [expected(file).url, join(FIXTURES, `${file}.html`)])),
  [SEARCH_A_URL]: join(FIXTURES, 'linkedin/search-fernhill-backend-linkedin-est.html'),
};

/** What the page shows of JobLens at one moment, recorded in the page itself. */
interface Snapshot {
  href: string;
  hosts: number;
  title: string | null;
  pay: string | null;
  save: string | null;
}

/**
 * Records, in the page, every state of the overlay (each DOM change inside it, and every 20 ms)
 * with the URL at that moment, so a state that lasts a single frame is seen too.
 */
async function recordOverlay(page: Page): Promise<void> {
  await page.evaluate(() => {
    const log: Snapshot[] = [];
    const snap = () => {
      const hosts = document.querySelectorAll('joblens-overlay');
      const root = hosts[0]?.shadowRoot ?? null;
      const panel = root?.querySelector('aside[aria-label="JobLens"]') ?? null;
      const payHeading = Array.from(panel?.querySelectorAll('h3') ?? []).find((h) => h.textContent?.trim() === 'Pay');
      const entry: Snapshot = {
        href: location.href,
        hosts: hosts.length,
        title: panel?.querySelector('h2')?.textContent?.trim() ?? null,
        pay: (payHeading?.parentElement as HTMLElement | undefined)?.innerText.replace(/\s+/g, ' ').trim() ?? null,
        save: Array.from(panel?.querySelectorAll('button') ?? []).find((b) => /JobLens$/.test(b.getAttribute('aria-label') ?? '') && /Save/.test(b.getAttribute('aria-label') ?? ''))?.getAttribute('aria-label') ?? null,
      };
      const last = log[log.length - 1];
      if (!last || JSON.stringify(last) !== JSON.stringify(entry)) log.push(entry);
    };
    const watched = new WeakSet<Node>();
    const observer = new MutationObserver(() => {
      for (const host of Array.from(document.querySelectorAll('joblens-overlay'))) {
        if (host.shadowRoot && !watched.has(host.shadowRoot)) {
          watched.add(host.shadowRoot);
          observer.observe(host.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
        }
      }
      snap();
    });
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    for (const host of Array.from(document.querySelectorAll('joblens-overlay'))) {
      if (host.shadowRoot) {
        watched.add(host.shadowRoot);
        observer.observe(host.shadowRoot, { subtree: true, childList: true, characterData: true, attributes: true });
      }
    }
    setInterval(snap, 20);
    snap();
    (window as unknown as { jlLog: Snapshot[] }).jlLog = log;
  });
}

async function recorded(page: Page): Promise<Snapshot[]> {
  return page.evaluate(() => (window as unknown as { jlLog: Snapshot[] }).jlLog);
}

/** Puts job B's markup in the detail pane, with DOM APIs, as LinkedIn's app does on a click. */
async function showBInPane(page: Page, html: string): Promise<void> {
  await page.evaluate(
    ({ html, selector, title }) => {
      const pane = document.querySelector(selector);
      if (!pane) throw new Error('no detail pane');
      const parsed = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
      pane.replaceChildren(...Array.from(parsed.body.childNodes, (node) => document.importNode(node, true)));
      pane.setAttribute('aria-label', title);
    },
    { html, selector: PANE, title: B.posting.title },
  );
}

describe('the overlay on Greenhouse, Ashby, LinkedIn and Workday, in Chromium', () => {
  const profile = newProfileDir();
  let browser: Launched;
  const paneB = paneOfB();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    browser = await launchWithExtension(profile, PAGES);
  });

  afterAll(async () => {
    await browser?.context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  });

  expectNoRequestsOfItsOwn(() => [browser]);

  for (const { board, file } of BOARDS) {
    const want = expected(file);
    it(`${board}: title, company, pay and remote policy as the posting states them`, async () => {
      const page = await browser.context.newPage();
      await page.goto(want.url);
      const panel = page.getByRole('complementary', { name: 'JobLens' });
      await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);

      expect((await panel.getByRole('heading', { level: 2 }).innerText()).trim()).toBe(want.posting.title);
      const text = await panel.innerText();
      if (want.posting.company) expect(text).toContain(want.posting.company);

      const pay = (await panel.getByRole('region', { name: 'Pay' }).innerText()).replace(/\s+/g, ' ');
      if (want.posting.salary) {
        expect(pay).toMatch(payPattern(want.posting.salary));
        if (want.posting.salary.label) expect(pay).toContain(want.posting.salary.label);
        if (want.salaryEstimated) expect(pay).toContain('estimate');
        else expect(pay).not.toContain('estimate');
        expect(pay).not.toContain('Not stated');
      } else {
        expect(pay).toContain('Not stated');
        expect(pay).not.toMatch(/[$€£]\s?\d/);
      }

      const where = await panel.getByRole('region', { name: 'Where' }).innerText();
      expect(where).toContain(POLICY_WORDS[want.posting.remote.policy]);
      const days = want.posting.remote.officeDaysMin;
      if (days) expect(where).toContain(`at least ${days} days a week in the office`);

      expect(await page.locator('joblens-overlay').count()).toBe(1);
      await page.close();
    });
  }

  it('LinkedIn: the detail pane and the URL change to job B without a page load, pane first', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_A_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText()).toBe(A.posting.title);
    // Job A is saved: job B must not show as saved.
    await panel.getByRole('button', { name: 'Save this job to JobLens' }).click();
    await expect.poll(() => panel.getByRole('button', { name: 'Saved to JobLens' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await recordOverlay(page);

    await showBInPane(page, paneB);
    await page.evaluate((url) => history.pushState({}, '', url), SEARCH_B_URL);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), { timeout: 5_000 }).toBe(B.posting.title);
    await expect.poll(async () => (await panel.getByRole('region', { name: 'Pay' }).innerText()).replace(/\s+/g, ' ')).toMatch(payPattern(B.posting.salary!));
    expect(await panel.innerText()).toContain(B.posting.company!);
    expect(await panel.getByRole('button', { name: 'Save this job to JobLens' }).isVisible()).toBe(true);
    expect(page.url()).toBe(SEARCH_B_URL);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'linkedin-switched.png') });

    await checkNoMixing(page);
    await leaveToNonPosting(page);
    await page.close();
  });

  it('LinkedIn: the URL changes to job B first and the pane fills in after, as LinkedIn does on a click', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_A_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText()).toBe(A.posting.title);
    await recordOverlay(page);

    await page.evaluate((url) => history.pushState({}, '', url), SEARCH_B_URL);
    // The pane is still job A's for a moment (LinkedIn fetches the job), then shows job B.
    await page.waitForTimeout(300);
    await showBInPane(page, paneB);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), { timeout: 5_000 }).toBe(B.posting.title);
    await expect.poll(async () => (await panel.getByRole('region', { name: 'Pay' }).innerText()).replace(/\s+/g, ' ')).toMatch(payPattern(B.posting.salary!));

    await checkNoMixing(page);
    await leaveToNonPosting(page);
    await page.close();
  });

  it('LinkedIn: a pane that fills in long after the URL changed (a slow network) is still read', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_A_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText()).toBe(A.posting.title);
    await recordOverlay(page);

    await page.evaluate((url) => history.pushState({}, '', url), SEARCH_B_URL);
    // Longer than the reader's retries after a navigation (about 4.5 s): only watching the pane catches it.
    await page.waitForTimeout(6_000);
    await showBInPane(page, paneB);
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), { timeout: 5_000 }).toBe(B.posting.title);

    await checkNoMixing(page);
    await page.close();
  });

  it('LinkedIn: the same job\'s pane read again when it changes in place, and the panel follows it', async () => {
    const page = await browser.context.newPage();
    await page.goto(SEARCH_A_URL);
    const panel = page.getByRole('complementary', { name: 'JobLens' });
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), { timeout: 15_000 }).toBe(A.posting.title);
    // LinkedIn re-renders the selected job's pane as more of it arrives; here its title gains a word.
    const edited = `${A.posting.title} (Remote)`;
    await page.evaluate(
      ({ selector, title, edited }) => {
        const pane = document.querySelector(selector)!;
        const heading = [...pane.querySelectorAll('h1, h2, h3, a, span')].find((el) => el.textContent?.trim() === title && el.children.length === 0);
        if (!heading) throw new Error('no title in the pane');
        heading.textContent = edited;
      },
      { selector: PANE, title: A.posting.title, edited },
    );
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), { timeout: 5_000 }).toBe(edited);
    await page.close();
  });

  /** Every recorded state showed one job whole (A's or B's), B never with A's pay or A's saved state, and A never again once B was shown. */
  async function checkNoMixing(page: Page): Promise<void> {
    const log = await recorded(page);
    const aPay = payPattern(A.posting.salary!);
    const bPay = payPattern(B.posting.salary!);
    let sawB = false;
    for (const s of log) {
      expect(s.hosts, JSON.stringify(s)).toBeLessThanOrEqual(1);
      if (s.title === B.posting.title) {
        sawB = true;
        if (s.pay !== null) {
          expect(s.pay, JSON.stringify(s)).not.toMatch(aPay);
          expect(s.pay, JSON.stringify(s)).not.toContain('estimate');
        }
        expect(s.save, JSON.stringify(s)).not.toBe('Saved to JobLens');
        expect(s.href, JSON.stringify(s)).toBe(SEARCH_B_URL);
      } else if (s.title === A.posting.title) {
        expect(sawB, `job A shown again after job B: ${JSON.stringify(s)}`).toBe(false);
        if (s.pay !== null) expect(s.pay, JSON.stringify(s)).not.toMatch(bPay);
      } else {
        expect(s.title, JSON.stringify(s)).toBeNull();
      }
    }
    expect(sawB).toBe(true);
    expect(await page.locator('joblens-overlay').count()).toBe(1);
  }

  /** pushState to the search page with no job selected: nothing to show, so the panel goes. */
  async function leaveToNonPosting(page: Page): Promise<void> {
    await page.evaluate(() => history.pushState({}, '', '/jobs/search/?keywords=backend%20engineer'));
    await expect.poll(() => page.locator('joblens-overlay').count(), { timeout: 5_000 }).toBe(0);
  }
});
