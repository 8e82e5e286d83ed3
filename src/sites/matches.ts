/**
 * The pages the content script is declared on: the known boards' hosts, nothing broader.
 * Data only, so the manifest can be built from it. Each board adds its own lines; its
 * adapter's `matches()` then decides which of those pages are postings.
 */
export const CONTENT_SCRIPT_MATCHES: readonly string[] = [
  // Lever
  'https://jobs.lever.co/*',
  'https://jobs.eu.lever.co/*',
  // Greenhouse (employer pages with `?gh_jid=` cannot be listed: they are read on request)
  'https://boards.greenhouse.io/*',
  'https://job-boards.greenhouse.io/*',
  'https://job-boards.eu.greenhouse.io/*',
  // Ashby
  'https://jobs.ashbyhq.com/*',
  // Workday: every employer has its own {tenant}.wd{N} host
  'https://*.myworkdayjobs.com/*',
  // LinkedIn: its jobs pages only, not the feed or profiles; signed out, LinkedIn serves them
  // from country hosts too (ca.linkedin.com, tr.linkedin.com: real captures in test/corpus/real/linkedin)
  'https://*.linkedin.com/jobs/*',
  // Indeed: the US site and the English-language country sites the adapter reads (src/sites/indeed.ts)
  'https://www.indeed.com/*',
  'https://uk.indeed.com/*',
  'https://ca.indeed.com/*',
  'https://au.indeed.com/*',
  'https://in.indeed.com/*',
  'https://ie.indeed.com/*',
  // SmartRecruiters, Workable, Wellfound (src/sites/smartrecruiters.ts, workable.ts, wellfound.ts)
  'https://jobs.smartrecruiters.com/*',
  'https://apply.workable.com/*',
  'https://wellfound.com/*',
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
