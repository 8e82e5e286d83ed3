import type { RawPosting } from '../model/index.ts';
import { leverApiPostingSchema, leverFromApi } from './lever.ts';
import { greenhousePayloadReader } from './greenhouse.ts';
import { ashbyPayloadReader } from './ashby.ts';
import { workdayPayloadReader } from './workday.ts';
import { feedPayloadReader } from './feeds.ts';

/**
 * Readers for boards' posting JSON (their public APIs), recognised by the payload's shape,
 * not by a file name. Each board adds one entry to `payloadReaders`. Used by the CLI; the
 * extension may use the same readers when it fetches a board's API.
 */
export interface PayloadReader {
  id: string;
  /** What messages name it by: "Lever postings API". */
  name: string;
  /** Pure: true when `json` has this board's payload shape (one posting or a listing). */
  detect(json: unknown): boolean;
  /** The payload's postings: itself for a single posting, the jobs of a listing. */
  items(json: unknown): unknown[];
  /** One posting; throws with a one-line reason when it is unusable. */
  readItem(item: unknown, options: { url?: string; doc?: Document | null; single: boolean }): RawPosting;
}

const asArray = (json: unknown): unknown[] => (Array.isArray(json) ? json : [json]);

export const leverPayloadReader: PayloadReader = {
  id: 'lever',
  name: 'Lever postings API',
  // One recognisable posting is enough: the others are then reported one by one.
  detect: (json) => asArray(json).some((item) => leverApiPostingSchema().safeParse(item).success),
  items: asArray,
  readItem: (item, { url, doc, single }) => leverFromApi(item, single ? url : undefined, { doc }),
};

// The generic feed reader last: it takes what no board's own reader claims.
export const payloadReaders: readonly PayloadReader[] = [leverPayloadReader, greenhousePayloadReader, ashbyPayloadReader, workdayPayloadReader, feedPayloadReader];

/** The reader whose shape `json` has, or null. */
export function payloadReaderFor(json: unknown): PayloadReader | null {
  for (const reader of payloadReaders) {
    try {
      if (reader.detect(json)) return reader;
    } catch {
      // A detector that throws does not match.
    }
  }
  return null;
}
