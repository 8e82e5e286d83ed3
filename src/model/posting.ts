import { z } from 'zod/mini';
import { PayPeriod, ValueSource } from './terms.ts';

// Shared with raw.ts; defined in terms.ts so the page reader can check raw postings without this file.
export { PayPeriod, ValueSource };

/** ISO 4217 alphabetic code. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Z]{3}$/));

// z.number() already refuses Infinity and NaN (full zod's .finite() was a no-op).
export const SalaryRange = z
  .object({
    min: z.number().check(z.nonnegative()),
    max: z.number().check(z.nonnegative()),
    currency: CurrencyCode,
    period: PayPeriod,
    /** The same range annualised for comparison (hour ×2080, day ×260, week ×52, month ×12). */
    annual: z.nullable(z.object({ min: z.number(), max: z.number() })),
    /** Zone, location or level the range is for ("Zone 1", "Canada Senior"). */
    label: z.optional(z.string()),
    /** 'ote' marks on-target earnings rather than base pay. */
    kind: z.optional(z.enum(['base', 'ote'])),
    /** A figure the board estimated rather than the employer's own. */
    estimated: z.optional(z.boolean()),
    /** The source states no period; `period` was inferred from the amount. */
    periodInferred: z.optional(z.boolean()),
    /** A board's yearly field gave the figures without their thousands ("75.00–95.00 USD a year"): read as thousands. */
    thousandsInferred: z.optional(z.boolean()),
    /** The sentence or field the range was read from, verbatim. */
    evidence: z.string(),
    source: ValueSource,
  })
  .check(z.refine((r) => r.max >= r.min, { message: 'max must not be below min' }));
export type SalaryRange = z.infer<typeof SalaryRange>;

export const RemotePolicy = z.enum(['remote', 'hybrid', 'onsite', 'unspecified']);
export type RemotePolicy = z.infer<typeof RemotePolicy>;

export const RemoteConflict = z.object({
  /** What the structured field (board or JSON-LD) says. */
  structured: RemotePolicy,
  structuredEvidence: z.string(),
  /** What the posting's own words say. */
  text: RemotePolicy,
  textEvidence: z.string(),
});
export type RemoteConflict = z.infer<typeof RemoteConflict>;

export const Remote = z.object({
  policy: RemotePolicy,
  regions: z.array(z.string()),
  timezones: z.array(z.string()),
  officeDaysMin: z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(7))),
  /** The sentence or field the policy was read from; null when unspecified. */
  evidence: z.nullable(z.string()),
  source: z.nullable(ValueSource),
  /** Set when the structured field and the text disagree; `policy` then follows the text. */
  conflict: z.nullable(RemoteConflict),
});
export type Remote = z.infer<typeof Remote>;

export const Requirements = z.object({
  required: z.array(z.string()),
  preferred: z.array(z.string()),
});
export type Requirements = z.infer<typeof Requirements>;

export const Experience = z.object({
  yearsMin: z.nullable(z.number().check(z.nonnegative())),
  yearsMax: z.nullable(z.number().check(z.nonnegative())),
  evidence: z.string(),
  source: ValueSource,
});
export type Experience = z.infer<typeof Experience>;

export const Site = z.string().check(z.minLength(1));

export const Posting = z.object({
  /** Stable: `<site>:<board job id>`, so the same job reached from two URLs is one record. */
  id: z.string().check(z.minLength(1)),
  url: z.url({ protocol: /^https?$/ }),
  site: Site,
  title: z.string(),
  company: z.nullable(z.string()),
  location: z.nullable(z.string()),
  department: z.nullable(z.string()),
  commitment: z.nullable(z.string()),
  /** The primary range (the first base range the posting states), or null when it states no pay. */
  salary: z.nullable(SalaryRange),
  salaries: z.array(SalaryRange),
  remote: Remote,
  requirements: Requirements,
  experience: z.nullable(Experience),
  /** The posting's text, as plain text, kept so a saved job can be read and searched offline. */
  description: z.string(),
  parsedAt: z.iso.datetime(),
  parserVersion: z.number().check(z.int(), z.positive()),
});
export type Posting = z.infer<typeof Posting>;

