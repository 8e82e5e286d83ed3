import { z } from 'zod';

/**
 * Where a value was read: the board's own structured data (a page's category fields,
 * a board API), schema.org JSON-LD embedded in the page, or the posting's prose.
 */
export const ValueSource = z.enum(['board', 'jsonld', 'prose']);
export type ValueSource = z.infer<typeof ValueSource>;

export const PayPeriod = z.enum(['hour', 'day', 'week', 'month', 'year']);
export type PayPeriod = z.infer<typeof PayPeriod>;

/** ISO 4217 alphabetic code. */
export const CurrencyCode = z.string().regex(/^[A-Z]{3}$/);

export const SalaryRange = z
  .object({
    min: z.number().finite().nonnegative(),
    max: z.number().finite().nonnegative(),
    currency: CurrencyCode,
    period: PayPeriod,
    /** The same range annualised for comparison (hour ×2080, day ×260, week ×52, month ×12). */
    annual: z.object({ min: z.number().finite(), max: z.number().finite() }).nullable(),
    /** Zone, location or level the range is for ("Zone 1", "Canada Senior"). */
    label: z.string().optional(),
    /** 'ote' marks on-target earnings rather than base pay. */
    kind: z.enum(['base', 'ote']).optional(),
    /** A figure the board estimated rather than the employer's own. */
    estimated: z.boolean().optional(),
    /** The sentence or field the range was read from, verbatim. */
    evidence: z.string(),
    source: ValueSource,
  })
  .refine((r) => r.max >= r.min, { message: 'max must not be below min' });
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
  officeDaysMin: z.number().int().min(0).max(7).nullable(),
  /** The sentence or field the policy was read from; null when unspecified. */
  evidence: z.string().nullable(),
  source: ValueSource.nullable(),
  /** Set when the structured field and the text disagree; `policy` then follows the text. */
  conflict: RemoteConflict.nullable(),
});
export type Remote = z.infer<typeof Remote>;

export const Requirements = z.object({
  required: z.array(z.string()),
  preferred: z.array(z.string()),
});
export type Requirements = z.infer<typeof Requirements>;

export const Experience = z.object({
  yearsMin: z.number().nonnegative().nullable(),
  yearsMax: z.number().nonnegative().nullable(),
  evidence: z.string(),
  source: ValueSource,
});
export type Experience = z.infer<typeof Experience>;

export const Site = z.string().min(1);

export const Posting = z.object({
  /** Stable: `<site>:<board job id>`, so the same job reached from two URLs is one record. */
  id: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  site: Site,
  title: z.string(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  department: z.string().nullable(),
  commitment: z.string().nullable(),
  /** The primary range (the first base range the posting states), or null when it states no pay. */
  salary: SalaryRange.nullable(),
  salaries: z.array(SalaryRange),
  remote: Remote,
  requirements: Requirements,
  experience: Experience.nullable(),
  /** The posting's text, as plain text, kept so a saved job can be read and searched offline. */
  description: z.string(),
  parsedAt: z.iso.datetime(),
  parserVersion: z.number().int().positive(),
});
export type Posting = z.infer<typeof Posting>;
