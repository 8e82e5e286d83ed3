import type { SavedSummary } from '../model/index.ts';

/**
 * The summaries store holds the saved list's summaries (SavedSummary) in SUMMARY_CHUNKS
 * records rather than one record per saved posting: record n (an out-of-line key, a number)
 * is `{ summaries: [...] }`, every summary whose id has chunkOf(id) === n, sorted by id.
 *
 * Why chunks: in Chromium every put costs about 90 µs whatever its size (one readwrite
 * transaction, 10,000 records). One summary record per posting added ~1 s to an import of
 * 10,000 (budget: 3 s); the same 10,000 summaries put as 64 records took ~40 ms, and
 * reading them back ~60 ms instead of ~140 ms. The price: a write to one posting reads
 * and rewrites its whole chunk (of 10,000 summaries, ~160, ~60 KB; not yet measured).
 *
 * The assignment is part of the stored format: a change to SUMMARY_CHUNKS or to chunkOf
 * needs an upgrade step that rebuilds every chunk (listSummaries would otherwise treat
 * every summary as in the wrong chunk and rebuild the lot on the next open, but an upgrade
 * step is where such a change belongs, and is tested as one).
 *
 * These helpers are pure and read chunk values as unknown without zod: entries are
 * validated one by one (SavedSummary) by whoever lists them, so one bad entry costs only
 * itself.
 */

export const SUMMARY_CHUNKS = 64;

/** A chunk as written. Entries are SavedSummary when written; read back, each is unvalidated. */
export interface SummaryChunk {
  summaries: unknown[];
}

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The chunk a posting's summary lives in: FNV-1a (32 bits) over the id's UTF-16 code units, mod SUMMARY_CHUNKS. */
export function chunkOf(id: string): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return (hash >>> 0) % SUMMARY_CHUNKS;
}

/** The entries of a stored chunk value, or null when the value is not `{ summaries: [...] }`. */
export function summariesIn(chunk: unknown): unknown[] | null {
  if (typeof chunk !== 'object' || chunk === null || Array.isArray(chunk)) return null;
  const summaries = (chunk as { summaries?: unknown }).summaries;
  return Array.isArray(summaries) ? summaries : null;
}

/** An entry's id when it has a string one. */
export function entryId(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function byId(a: unknown, b: unknown): number {
  const x = entryId(a) ?? '';
  const y = entryId(b) ?? '';
  // Code-unit order, as IndexedDB orders string keys.
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * A new chunk value: `chunk`'s entries with `summaries` in place of any entry with the same
 * id, sorted by id. A value that is not a chunk (absent, corrupt) counts as empty. Inputs
 * are not changed.
 */
export function withSummaries(chunk: unknown, summaries: readonly SavedSummary[]): SummaryChunk {
  const replaced = new Set(summaries.map((s) => s.id));
  const kept = (summariesIn(chunk) ?? []).filter((entry) => {
    const id = entryId(entry);
    return id === undefined || !replaced.has(id);
  });
  // One summary per id even when `summaries` repeats one: the last given wins.
  const latest = new Map(summaries.map((s) => [s.id, s]));
  return { summaries: [...kept, ...latest.values()].sort(byId) };
}

/** A new chunk value: `chunk`'s entries without those with these ids, in order. A value that is not a chunk counts as empty. */
export function withoutIds(chunk: unknown, ids: Iterable<string>): SummaryChunk {
  const removed = new Set(ids);
  const kept = (summariesIn(chunk) ?? []).filter((entry) => {
    const id = entryId(entry);
    return id === undefined || !removed.has(id);
  });
  return { summaries: kept.sort(byId) };
}

/** Groups items by the chunk of their id. */
export function byChunk<T>(items: Iterable<T>, idOf: (item: T) => string): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const chunk = chunkOf(idOf(item));
    const group = groups.get(chunk);
    if (group) group.push(item);
    else groups.set(chunk, [item]);
  }
  return groups;
}
