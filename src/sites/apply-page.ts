/**
 * `.../{id}/apply` without its last step, when what is left is one of the board's posting
 * pages: the posting an apply or application page belongs to (see SiteAdapter.postingUrlOfApplyPage).
 */
export function postingUrlBelow(url: URL, step: RegExp, isPosting: (url: URL) => unknown): URL | null {
  if (!step.test(url.pathname)) return null;
  const posting = new URL(url.href);
  posting.pathname = url.pathname.replace(step, '');
  posting.search = '';
  posting.hash = '';
  return isPosting(posting) ? posting : null;
}
