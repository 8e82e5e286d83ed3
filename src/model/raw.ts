import { z } from 'zod/mini';
import { PayPeriod, ValueSource } from './posting.ts';

/**
 * What a site adapter hands the pipeline: the page's facts as plain data, not yet
 * interpreted. Adapters read; `annotate()` interprets. Nothing here is a DOM node.
 */

/** A value the board states in a field of its own, with the field's name as evidence. */
export const FieldValue = z.object({
  value: z.string(),
  source: ValueSource,
  /** Where it was read: e.g. `.posting-categories .workplaceTypes`, `JSON-LD baseSalary`, `API salaryRange`. */
  field: z.string(),
});
export type FieldValue = z.infer<typeof FieldValue>;

/** A pay range given as numbers by structured data (Lever's salaryRange, JSON-LD baseSalary). */
export const StructuredPay = z.object({
  min: z.number(),
  max: z.number(),
  currency: z.string(),
  period: PayPeriod,
  source: ValueSource,
  /** The field, rendered for the user, e.g. `JSON-LD baseSalary: 210000–260000 USD per YEAR`. */
  evidence: z.string(),
});
export type StructuredPay = z.infer<typeof StructuredPay>;

/** One block of the description: an optional heading, its paragraphs and its list items, as text. */
export const RawSection = z.object({
  heading: z.nullable(z.string()),
  paragraphs: z.array(z.string()),
  items: z.array(z.string()),
});
export type RawSection = z.infer<typeof RawSection>;

export const RawPosting = z.object({
  site: z.string().check(z.minLength(1)),
  /** The board's own id for the job; null when the page has none (the URL is then used). */
  jobId: z.nullable(z.string()),
  url: z.url(),
  title: z.string(),
  company: z.nullable(z.string()),
  location: z.nullable(z.string()),
  department: z.nullable(z.string()),
  commitment: z.nullable(z.string()),
  /** The board's or JSON-LD's remote/workplace field, most trusted first. */
  workplace: z.array(FieldValue),
  /** Text of dedicated pay blocks (Lever's salary block, a facts table's "Salary" row). */
  payText: z.array(FieldValue),
  /** Pay given as numbers by structured data. */
  payStructured: z.array(StructuredPay),
  /** JSON-LD experienceRequirements.monthsOfExperience, when present. */
  experienceMonths: z.nullable(z.object({ months: z.number().check(z.nonnegative()), evidence: z.string() })),
  sections: z.array(RawSection),
});
export type RawPosting = z.infer<typeof RawPosting>;
