import { z } from 'zod/mini';

/*
 * A test case: a page as the panel saw it, and what JobLens read from it, in one file a user
 * can attach to a bug report (the panel's "Save this page as a test case"), and that becomes a
 * fixture. Written by src/io/test-case.ts; read back by the CLI (src/cli/annotate.ts).
 */

export const TEST_CASE_FORMAT = 'joblens-test-case' as const;
/** The version this build writes and reads. */
export const TEST_CASE_VERSION = 1 as const;

export const TestCase = z.object({
  format: z.literal(TEST_CASE_FORMAT),
  version: z.literal(TEST_CASE_VERSION),
  /** The page's address: the page is read back as if it were there (which reader, which job id). */
  url: z.url({ protocol: /^https?$/ }),
  capturedAt: z.iso.datetime(),
  /** The page's DOM when it was saved, with everything that could run removed (src/sites/page-snapshot.ts). */
  html: z.string(),
  /**
   * The Posting the panel showed, as the build that saved it wrote it. Not checked when read
   * back: it is the reading being reported (it may be the wrong one), a later build's model
   * may differ, and the CLI reads the page again rather than trusting it.
   */
  reading: z.unknown(),
  /** The extension's version (its manifest's `version`) that read the page. */
  extension: z.string(),
});
export type TestCase = z.infer<typeof TestCase>;
