import { afterEach, expect } from 'vitest';
import type { Launched } from './browser.ts';

/**
 * After each test of the suite that calls this: the extension made no network request of its
 * own while that test ran. The check belongs to every test's own run (a failing afterEach fails
 * the test it follows), so running one test alone still checks what that test did. A last
 * test that read the list instead passed when run alone, having watched nothing.
 *
 * Kept apart from browser.ts, which `npm start` and the benchmarks load outside vitest.
 */
export function expectNoRequestsOfItsOwn(
  launched: () => ReadonlyArray<Launched | undefined>,
  pagesOwn: (url: string) => boolean = () => false,
): void {
  afterEach(() => {
    // Taken out as they are checked: each test answers for the requests made since the last.
    const made = launched().flatMap((browser) => browser?.foreignRequests.splice(0) ?? []);
    expect(
      made.filter((url) => !pagesOwn(url)),
      'requests the extension made of its own during this test',
    ).toEqual([]);
  });
}
