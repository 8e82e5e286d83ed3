import { z } from 'zod';
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
  min: z.number().finite(),
  max: z.number().finite(),
  currency: z.string(),
  period: PayPeriod,
  source: ValueSource,
  /** The field, rendered for the user, e.g. `JSON-LD baseSalary: 210000–260000 USD per YEAR`. */
  evidence: z.string(),
});
export type StructuredPay = z.infer<typeof StructuredPay>;

/** One block of the description: an optional heading, its paragraphs and its list items, as text. */
export const RawSection = z.object({
  heading: z.string().nullable(),
  paragraphs: z.array(z.string()),
  items: z.array(z.string()),
});
export type RawSection = z.infer<typeof RawSection>;

export const RawPosting = z.object({
  site: z.string().min(1),
  /** The board's own id for the job; null when the page has none (the URL is then used). */
  jobId: z.string().nullable(),
  url: z.url(),
  title: z.string(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  department: z.string().nullable(),
  commitment: z.string().nullable(),
  /** The board's or JSON-LD's remote/workplace field, most trusted first. */
  workplace: z.array(FieldValue),
  /** Text of dedicated pay blocks (Lever's salary block, a facts table's "Salary" row). */
  payText: z.array(FieldValue),
  /** Pay given as numbers by structured data. */
  payStructured: z.array(StructuredPay),
  /** JSON-LD experienceRequirements.monthsOfExperience, when present. */
  experienceMonths: z.object({ months: z.number().nonnegative(), evidence: z.string() }).nullable(),
  sections: z.array(RawSection),
});
export type RawPosting = z.infer<typeof RawPosting>;
