import { describe, expect, it } from 'vitest';
import { summaryOf, type SavedSummary } from '../../src/model/index.ts';
import {
  SUMMARY_CHUNKS,
  byChunk,
  chunkOf,
  entryId,
  summariesIn,
  withSummaries,
  withoutIds,
} from '../../src/store/summary-chunks.ts';
import { hourlyPosting, sambaPosting, savedFrom } from '../helpers/postings.ts';

const JUNE_1 = '2026-06-01T10:00:00.000Z';

function summary(id: string, notes = ''): SavedSummary {
  return summaryOf(savedFrom(hourlyPosting({ id }), JUNE_1, { notes }));
}

/**
 * Ids as the adapters make them: Lever and Ashby UUIDs, Greenhouse and LinkedIn numbers
 * handed out in sequence (the case a weak hash clusters), Indeed's 16 hex digits.
 */
function realisticIds(count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) {
    ids.push(`lever:${crypto.randomUUID()}`);
    ids.push(`greenhouse:${4_100_000 + i}`);
    ids.push(`linkedin:${3_912_345_678 + i}`);
    ids.push(`indeed:${(0x3fa2b91c00000000n + BigInt(i) * 7919n).toString(16)}`);
    ids.push(`ashby:${crypto.randomUUID()}`);
  }
  return ids.slice(0, count);
}

describe('chunkOf', () => {
  it('is FNV-1a over UTF-16 code units, mod SUMMARY_CHUNKS', () => {
    // Published FNV-1a 32-bit values: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968.
    expect(chunkOf('')).toBe(0x811c9dc5 % SUMMARY_CHUNKS);
    expect(chunkOf('a')).toBe(0xe40c292c % SUMMARY_CHUNKS);
    expect(chunkOf('foobar')).toBe(0xbf9cf968 % SUMMARY_CHUNKS);
  });

  it('hashes UTF-16 code units, not bytes or code points, for ids beyond ASCII', () => {
    // The published vectors above are ASCII, where code units, UTF-8 bytes and code points agree.
    // The chunk is part of the stored format, so ids with accents, emoji and lone surrogates must
    // land where a plain FNV-1a over charCodeAt puts them, worked out here in BigInt arithmetic.
    const reference = (id: string): number => {
      let hash = 0x811c9dc5n;
      for (let i = 0; i < id.length; i++) hash = ((hash ^ BigInt(id.charCodeAt(i))) * 0x01000193n) % 2n ** 32n;
      return Number(hash % BigInt(SUMMARY_CHUNKS));
    };
    const ids = ['generic:café.example/jobs/ingénieur', 'pasted:\u{1F600}', 'generic:\uD800', 'linkedin:東京-4300123456', ...realisticIds(500)];
    for (const id of ids) expect(chunkOf(id), id).toBe(reference(id));
  });

  it('is a whole number from 0 to SUMMARY_CHUNKS - 1, for any string', () => {
    const odd = ['', 'é', '\u{1F600}', '\uD800', 'x'.repeat(10_000), '\0'];
    for (const id of [...realisticIds(2_000), ...odd]) {
      const chunk = chunkOf(id);
      expect(Number.isInteger(chunk)).toBe(true);
      expect(chunk).toBeGreaterThanOrEqual(0);
      expect(chunk).toBeLessThan(SUMMARY_CHUNKS);
    }
  });

  it('spreads 10,000 realistic ids evenly: every chunk used, none over twice the mean', () => {
    const counts = new Array<number>(SUMMARY_CHUNKS).fill(0);
    for (const id of realisticIds(10_000)) counts[chunkOf(id)]!++;
    const mean = 10_000 / SUMMARY_CHUNKS;
    expect(Math.max(...counts)).toBeLessThanOrEqual(2 * mean);
    expect(Math.min(...counts)).toBeGreaterThan(mean / 2);
  });

  it('spreads ids handed out in sequence too', () => {
    const counts = new Array<number>(SUMMARY_CHUNKS).fill(0);
    for (let i = 0; i < 10_000; i++) counts[chunkOf(`greenhouse:${5_000_000 + i}`)]!++;
    expect(Math.max(...counts)).toBeLessThanOrEqual((2 * 10_000) / SUMMARY_CHUNKS);
  });
});

describe('summariesIn', () => {
  it('gives the entries of { summaries: [...] }, and null for anything else', () => {
    const entries = [summary('lever:a'), { not: 'a summary' }];
    expect(summariesIn({ summaries: entries })).toBe(entries);
    expect(summariesIn({ summaries: [] })).toEqual([]);
    for (const value of [undefined, null, 'text', 3, [], [summary('lever:a')], {}, { summaries: 'x' }, { summaries: {} }]) {
      expect(summariesIn(value)).toBeNull();
    }
  });
});

describe('entryId', () => {
  it('is the string id of an entry, else undefined', () => {
    expect(entryId({ id: 'lever:a' })).toBe('lever:a');
    for (const value of [undefined, null, 'lever:a', { id: 3 }, {}, []]) expect(entryId(value)).toBeUndefined();
  });
});

describe('withSummaries', () => {
  it('adds summaries, sorted by id', () => {
    const chunk = withSummaries({ summaries: [summary('lever:b'), summary('lever:d')] }, [summary('lever:c'), summary('lever:a')]);
    expect(chunk.summaries.map(entryId)).toEqual(['lever:a', 'lever:b', 'lever:c', 'lever:d']);
  });

  it('replaces the entry with the same id, and keeps the others as they are', () => {
    const other = { id: 'lever:z', anything: 'kept as stored' };
    const chunk = withSummaries({ summaries: [summary('lever:a', 'old'), other] }, [summary('lever:a', 'new')]);
    expect(chunk.summaries).toEqual([summary('lever:a', 'new'), other]);
  });

  it('keeps one entry per id when given one twice: the last', () => {
    const chunk = withSummaries(undefined, [summary('lever:a', 'first'), summary('lever:a', 'second')]);
    expect(chunk.summaries).toEqual([summary('lever:a', 'second')]);
  });

  it('starts from empty when the chunk is absent or not a chunk', () => {
    for (const value of [undefined, null, 'garbled', { summaries: 'x' }]) {
      expect(withSummaries(value, [summary('lever:a')])).toEqual({ summaries: [summary('lever:a')] });
    }
  });

  it('does not change its inputs', () => {
    const stored = { summaries: [summary('lever:c'), summary('lever:a', 'old')] };
    const given = [summary('lever:b'), summary('lever:a', 'new')];
    const [storedCopy, givenCopy] = [structuredClone(stored), structuredClone(given)];
    const chunk = withSummaries(stored, given);
    expect(stored).toEqual(storedCopy);
    expect(given).toEqual(givenCopy);
    expect(chunk.summaries).not.toBe(stored.summaries);
  });
});

describe('withoutIds', () => {
  it('takes out the entries with these ids, keeping the order of the rest', () => {
    const stored = { summaries: [summary('lever:a'), summary('lever:b'), summary('lever:c')] };
    expect(withoutIds(stored, ['lever:b', 'lever:nothing']).summaries.map(entryId)).toEqual(['lever:a', 'lever:c']);
    expect(withoutIds(stored, new Set(['lever:a', 'lever:c'])).summaries.map(entryId)).toEqual(['lever:b']);
  });

  it('is empty for an absent or malformed chunk, and does not change its input', () => {
    expect(withoutIds(undefined, ['lever:a'])).toEqual({ summaries: [] });
    expect(withoutIds({ summaries: 1 }, ['lever:a'])).toEqual({ summaries: [] });
    const stored = { summaries: [summary('lever:b'), summary('lever:a')] };
    const copy = structuredClone(stored);
    withoutIds(stored, ['lever:a']);
    expect(stored).toEqual(copy);
  });
});

describe('byChunk', () => {
  it('groups by the chunk of each id, keeping the order given', () => {
    const items = realisticIds(500).map((id) => summaryOf(savedFrom(sambaPosting({ id }), JUNE_1)));
    const groups = byChunk(items, (s) => s.id);
    expect([...groups.values()].flat()).toHaveLength(500);
    for (const [chunk, group] of groups) {
      for (const s of group) expect(chunkOf(s.id)).toBe(chunk);
      expect(group).toEqual(items.filter((s) => chunkOf(s.id) === chunk));
    }
  });
});
