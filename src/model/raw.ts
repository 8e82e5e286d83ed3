import { z } from 'zod/mini';
import { lazy } from './lazy.ts';
import { payPeriodSchema, valueSourceSchema } from './terms.ts';

/**
 * What a site adapter hands the pipeline: the page's facts as plain data, not yet
 * interpreted. Adapters read; `annotate()` interprets. Nothing here is a DOM node.
 *
 * Each schema has a getter that builds it on first use (see lazy.ts): the page reader,
 * declared on every board page, checks a reading with `rawPostingSchema()` only on a page
 * that may be a posting. The schemas themselves are built from the getters.
 */

/** A value the board states in a field of its own, with the field's name as evidence. */
export const fieldValueSchema = lazy(() =>
  z.object({
    value: z.string(),
    source: valueSourceSchema(),
    /** Where it was read: e.g. `.posting-categories .workplaceTypes`, `JSON-LD baseSalary`, `API salaryRange`. */
    field: z.string(),
  }),
);
export const FieldValue = /* @__PURE__ */ fieldValueSchema();
export type FieldValue = z.infer<typeof FieldValue>;

/** A pay range given as numbers by structured data (Lever's salaryRange, JSON-LD baseSalary). */
export const structuredPaySchema = lazy(() =>
  z.object({
    min: z.number(),
    max: z.number(),
    currency: z.string(),
    period: payPeriodSchema(),
    source: valueSourceSchema(),
    /** The field, rendered for the user, e.g. `JSON-LD baseSalary: 210000–260000 USD per YEAR`. */
    evidence: z.string(),
    /** The field states no period; `period` was inferred from the amount (`periodFromMagnitude`). */
    periodInferred: z.optional(z.boolean()),
    /** The board estimated the figure (Adzuna's `salary_is_predicted`); the employer did not state it. */
    estimated: z.optional(z.boolean()),
    /** What the range is for where a board gives several ("B2B", "permanent"): a kind of contract, a zone. */
    label: z.optional(z.string()),
  }),
);
export const StructuredPay = /* @__PURE__ */ structuredPaySchema();
export type StructuredPay = z.infer<typeof StructuredPay>;

/** One block of the description: an optional heading, its paragraphs and its list items, as text. */
export const rawSectionSchema = lazy(() =>
  z.object({
    heading: z.nullable(z.string()),
    paragraphs: z.array(z.string()),
    items: z.array(z.string()),
  }),
);
export const RawSection = /* @__PURE__ */ rawSectionSchema();
export type RawSection = z.infer<typeof RawSection>;

export const rawPostingSchema = lazy(() =>
  z.object({
    site: z.string().check(z.minLength(1)),
    /** The board's own id for the job; null when the page has none (the URL is then used). */
    jobId: z.nullable(z.string()),
    url: z.url(),
    title: z.string(),
    company: z.nullable(z.string()),
    location: z.nullable(z.string()),
    /** A street address where the work is, when a field states one (JSON-LD `streetAddress`); not shown as the location. */
    address: z.optional(z.nullable(z.string())),
    department: z.nullable(z.string()),
    commitment: z.nullable(z.string()),
    /** The board's or JSON-LD's remote/workplace field, most trusted first. */
    workplace: z.array(fieldValueSchema()),
    /** Text of dedicated pay blocks (Lever's salary block, a facts table's "Salary" row). */
    payText: z.array(fieldValueSchema()),
    /** Pay given as numbers by structured data. */
    payStructured: z.array(structuredPaySchema()),
    /** JSON-LD experienceRequirements.monthsOfExperience, when present. */
    experienceMonths: z.nullable(z.object({ months: z.number().check(z.nonnegative()), evidence: z.string() })),
    sections: z.array(rawSectionSchema()),
  }),
);
export const RawPosting = /* @__PURE__ */ rawPostingSchema();
export type RawPosting = z.infer<typeof RawPosting>;
