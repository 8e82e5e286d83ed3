/**
 * The comparison page's address carries the ids: `compare.html?ids=a,b`. Each id is
 * percent-encoded on its own, so an id holding a comma still round-trips.
 */
export function compareSearch(ids: readonly string[]): string {
  return `?ids=${ids.map((id) => encodeURIComponent(id)).join(',')}`;
}

/** The ids in a `?ids=a,b` query string, in order, without blanks or repeats. */
export function idsFromSearch(search: string): string[] {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const param = query.split('&').find((part) => part.startsWith('ids='));
  if (!param) return [];
  const ids: string[] = [];
  for (const raw of param.slice('ids='.length).split(',')) {
    let id: string;
    try {
      id = decodeURIComponent(raw.replace(/\+/g, ' ')).trim();
    } catch {
      continue;
    }
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
