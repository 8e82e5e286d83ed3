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

/** True when the content script is declared for `url` (a match-pattern check: scheme, host with `*.`, any path). */
export function isDeclaredPage(url: string, patterns: readonly string[] = CONTENT_SCRIPT_MATCHES): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return patterns.some((pattern) => {
    const m = /^(https?|\*):\/\/([^/]+)\//.exec(pattern);
    if (!m) return false;
    const [, scheme, host] = m as unknown as [string, string, string];
    if (scheme !== '*' && `${scheme}:` !== protocol) return false;
    return host.startsWith('*.') ? hostname === host.slice(2) || hostname.endsWith(host.slice(1)) : hostname === host;
  });
}
