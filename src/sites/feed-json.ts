import { z } from 'zod/mini';

/* The shape-agnostic reading of a feed item's JSON, shared by the feed reader (feeds.ts) and its workplace fields (feed-workplace.ts). */

const recordSchema = z.record(z.string(), z.unknown());
export type Json = Record<string, unknown>;

export function record(value: unknown): Json | null {
  const parsed = recordSchema.safeParse(value);
  return parsed.success && !Array.isArray(value) ? parsed.data : null;
}

export function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  const named = record(value);
  if (named && typeof named.name === 'string') return named.name;
  if (named && typeof named.descriptor === 'string') return named.descriptor;
  return null;
}

/** A key's value, whatever its case: feeds write `title`, `Title` (Oracle) or `jobTitle`. */
export function get(item: Json, key: string): unknown {
  if (key in item) return item[key];
  const lower = key.toLowerCase();
  const found = Object.keys(item).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : item[found];
}
