import { z } from 'zod/mini';
import { withinLimits } from './limits.ts';
import { shownPay } from './pay.ts';
import { CurrencyCode, PayPeriod, Posting, RemotePolicy } from './posting.ts';

export const ApplicationStatus = z.enum(['saved', 'applying', 'applied', 'interviewing', 'offer', 'rejected', 'archived']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** One move along the pipeline, kept so the user can see when each step happened. */
export const StatusChange = z.object({
  status: ApplicationStatus,
  at: z.iso.datetime(),
});
export type StatusChange = z.infer<typeof StatusChange>;

/**
 * The user's own reading of a field, kept apart from what the parsers read so a re-read of
 * the posting never overwrites it. A field that is absent is not corrected.
 */
export const Corrections = z.object({
  salary: z.optional(
    z.nullable(
      z
        .object({
          min: z.number().check(z.nonnegative()),
          max: z.number().check(z.nonnegative()),
          currency: CurrencyCode,
          period: PayPeriod,
        })
        .check(z.refine((r) => r.max >= r.min, { message: 'max must not be below min' })),
    ),
  ),
  remotePolicy: z.optional(RemotePolicy),
  location: z.optional(z.nullable(z.string())),
  yearsMin: z.optional(z.nullable(z.number().check(z.nonnegative()))),
  // The issue lets the user correct "years"; a range needs both ends.
  yearsMax: z.optional(z.nullable(z.number().check(z.nonnegative()))),
  correctedAt: z.optional(z.iso.datetime()),
});
export type Corrections = z.infer<typeof Corrections>;

/** Fields whose change between two reads of a saved posting the user is told about. */
export const TrackedField = z.enum(['salary', 'remote', 'title', 'requirements']);
export type TrackedField = z.infer<typeof TrackedField>;

/** What changed on a re-read: the old and new values as the user saw them (display text), and when. */
export const FieldChange = z.object({
  field: TrackedField,
  before: z.string(),
  after: z.string(),
  at: z.iso.datetime(),
});
export type FieldChange = z.infer<typeof FieldChange>;

/**
 * The user's fields that merge by "the newer edit wins", each with its own edit time in
 * `UserEdits.at` under this name. Status is not here (its history carries its times) and
 * nor are tags (each tag has its own time). A new field of the user's (a follow-up date,
 * say) is one more name here and one row in store/merge.ts's LATEST_FIELDS, not new code.
 */
export const EditedField = z.enum([
  'notes',
  'rating',
  'closed',
  'corrections.salary',
  'corrections.remotePolicy',
  'corrections.location',
  'corrections.yearsMin',
  'corrections.yearsMax',
]);
export type EditedField = z.infer<typeof EditedField>;

/** When one tag was last added or removed; a removed tag keeps its entry so an older copy cannot bring it back. */
export const TagEdit = z.object({
  at: z.iso.datetime(),
  removed: z.boolean(),
});
export type TagEdit = z.infer<typeof TagEdit>;

/**
 * When the user last set each of their own fields, kept apart from `updatedAt` (which a
 * revisit moves) so that two copies of a saved posting merge field by field. A field with
 * no time was never set by the user, and gives way to any edit. Clearing a field is an edit
 * like any other: the time stays, the value is the cleared one.
 */
export const UserEdits = z.object({
  at: z.partialRecord(EditedField, z.iso.datetime()),
  /** Keyed by the tag in lower case (tagKey): tags that differ only in case are one tag. */
  tags: z.record(z.string(), TagEdit),
});
export type UserEdits = z.infer<typeof UserEdits>;

/** A fresh "never edited" each call. */
export function noEdits(): UserEdits {
  return { at: {}, tags: {} };
}

/** A tag's identity: trimmed, inner blanks as one space, lower case (normalizeTags keeps one spelling of each). */
export function tagKey(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** A Posting plus the user's own part. */
export const SavedPosting = z.extend(Posting, {
  savedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  notes: z.string(),
  tags: z.array(z.string()),
  status: ApplicationStatus,
  /** Every status the posting has had, oldest first; the last is `status`. */
  statusHistory: z.array(StatusChange),
  /** 1–5, or null when unrated. */
  rating: z.nullable(z.int().check(z.minimum(1), z.maximum(5))),
  corrections: Corrections,
  /** Changes seen on re-reads since saving, oldest first. */
  changes: z.array(FieldChange),
  /** When the posting was found gone or closed; the record is kept. */
  closedAt: z.nullable(z.iso.datetime()),
  /** When the user set each of the fields above; a revisit never changes it. */
  edits: UserEdits,
});
export type SavedPosting = z.infer<typeof SavedPosting>;

/**
 * What the saved list shows, searches, filters and sorts by: a saved posting without its
 * description, requirements, other pay ranges, history and changes. Kept beside each saved
 * posting (the database's `summaries` store, written in the same transaction) so that
 * opening the list of 10,000 reads ~4 MB rather than ~34 MB. Derived, never edited: see
 * `summaryOf`.
 */
export const SavedSummary = z.extend(
  z.pick(SavedPosting, {
    id: true,
    url: true,
    site: true,
    title: true,
    company: true,
    location: true,
    salary: true,
    savedAt: true,
    updatedAt: true,
    notes: true,
    tags: true,
    status: true,
    rating: true,
    corrections: true,
    closedAt: true,
  }),
  {
    remote: z.object({ policy: RemotePolicy }),
  },
);
export type SavedSummary = z.infer<typeof SavedSummary>;

/** A saved posting's summary. `salary` is the range the list shows (shownPay), as the full record would. */
export function summaryOf(saved: SavedPosting): SavedSummary {
  return {
    id: saved.id,
    url: saved.url,
    site: saved.site,
    title: saved.title,
    company: saved.company,
    location: saved.location,
    salary: shownPay(saved),
    remote: { policy: saved.remote.policy },
    savedAt: saved.savedAt,
    updatedAt: saved.updatedAt,
    notes: saved.notes,
    tags: saved.tags,
    status: saved.status,
    rating: saved.rating,
    corrections: saved.corrections,
    closedAt: saved.closedAt,
  };
}

/**
 * What the user may change on a saved posting. Absent fields are left as they are;
 * `corrections` replaces the whole set (an absent key is not corrected), because a field
 * set to undefined does not survive a message.
 */
export const SavedPatch = z.strictObject({
  status: z.optional(ApplicationStatus),
  notes: z.optional(z.string()),
  tags: z.optional(z.array(z.string())),
  rating: z.optional(z.nullable(z.int().check(z.minimum(1), z.maximum(5)))),
  corrections: z.optional(Corrections),
});
export type SavedPatch = z.infer<typeof SavedPatch>;

export const EXPORT_FORMAT = 'joblens/export' as const;
/**
 * The export version this build writes; imports accept this and every older one. Version 4
 * added `settings`: a file that has them is refused by a build that would drop them.
 */
export const EXPORT_VERSION = 4 as const;

/**
 * A record of an import file: a saved posting with every field within its limit
 * (limits.ts). Stored records are read with SavedPosting, which has no limits, so a record
 * kept before them stays readable.
 */
export const ImportedPosting = SavedPosting.check(withinLimits);


/** Rates to convert pay into one currency: `rates[code]` units of `code` per one unit of `base`. */
export const ExchangeRates = z.object({
  base: CurrencyCode,
  rates: z.record(CurrencyCode, z.number().check(z.positive())),
  updatedAt: z.iso.datetime(),
});
export type ExchangeRates = z.infer<typeof ExchangeRates>;

export const Settings = z.object({
  /** Null until the user sets rates; pay is then compared only within one currency. */
  exchangeRates: z.nullable(ExchangeRates),
});
export type Settings = z.infer<typeof Settings>;

/** A fresh default each call, so no caller can change another's. */
export function defaultSettings(): Settings {
  return { exchangeRates: null };
}

/** When the user last set each setting; a setting never set has none. */
export const SettingsEdits = z.object({
  exchangeRates: z.optional(z.iso.datetime()),
});
export type SettingsEdits = z.infer<typeof SettingsEdits>;

/** `https://jobs.example.com`: a site JobLens always runs on, as the browser grants it. */
export const SiteOrigin = z.string().check(z.maxLength(500), z.regex(/^https?:\/\/[^/\s?#]+$/));

/**
 * The settings an export carries, so a backup brings them back. `alwaysRunOn` is read from
 * the browser (it holds those sites' permissions), not from the database.
 */
export const ExportedSettings = z.object({
  exchangeRates: z.nullable(ExchangeRates),
  edits: SettingsEdits,
  alwaysRunOn: z.array(SiteOrigin).check(z.maxLength(1000)),
});
export type ExportedSettings = z.infer<typeof ExportedSettings>;

export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  /** Null only for a file of version 1–3, which had none. */
  settings: z.nullable(ExportedSettings),
  postings: z.array(SavedPosting),
});
export type ExportFile = z.infer<typeof ExportFile>;
