/**
 * A value built on its first use instead of when its module loads, then kept.
 *
 * For zod schemas the page reader may need: the reader is declared on every page of the
 * boards' hosts, most of which are not postings, and building its schemas when the script
 * loaded was most of its cost on those pages (README.md, "Budgets"). Calling `lazy` builds
 * nothing, so a bundle that never calls the getter drops it.
 */
// @__NO_SIDE_EFFECTS__
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | null = null;
  return () => (built ??= { value: build() }).value;
}
