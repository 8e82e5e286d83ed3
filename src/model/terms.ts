import { z } from 'zod/mini';
import { lazy } from './lazy.ts';

/*
 * The two enums a raw posting and a posting share. They live apart from posting.ts so the
 * page reader, which checks raw postings only, does not load (and build) the Posting
 * schemas; posting.ts exports them as before. Each has a getter that builds it on first use
 * (see lazy.ts) and the schema itself, built from the getter when a bundle uses it.
 */

/**
 * Where a value was read: the board's own structured data (a page's category fields,
 * a board API), schema.org JSON-LD embedded in the page, or the posting's prose.
 */
export const valueSourceSchema = lazy(() => z.enum(['board', 'jsonld', 'prose']));
export const ValueSource = /* @__PURE__ */ valueSourceSchema();
export type ValueSource = z.infer<typeof ValueSource>;

export const payPeriodSchema = lazy(() => z.enum(['hour', 'day', 'week', 'month', 'year']));
export const PayPeriod = /* @__PURE__ */ payPeriodSchema();
export type PayPeriod = z.infer<typeof PayPeriod>;
