/**
 * The pages the content script is declared on: the known boards' hosts, nothing broader.
 * Data only, so the manifest can be built from it. Each board adds its own lines; its
 * adapter's `matches()` then decides which of those pages are postings.
 */
export const CONTENT_SCRIPT_MATCHES: readonly string[] = [
  // Lever
  'https://jobs.lever.co/*',
  'https://jobs.eu.lever.co/*',
];
