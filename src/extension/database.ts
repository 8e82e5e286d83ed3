import { openJobLensDB, type JobLensDB } from '../store/db.ts';

/**
 * The database, for the extension's own pages (the popup, the comparison tab).
 *
 * These pages are the extension's origin, as the background is, so they open the same
 * database and call the repository (src/store/repository.ts) themselves, in the same
 * transactions, with the same validation. They used to ask the background by message, but
 * extension messaging copies everything it carries (measured in Chromium: about 16 ms per
 * MB, each way), and a job search's worth of data is large: 10,000 saved postings are a
 * 41 MB export and a 34 MB list, which no popup could open or export within its budget
 * (README, "Budgets"). Content scripts never open it: a database opened there would belong
 * to the job site's origin; they ask the background, which answers only the messages a
 * content script needs (src/messaging/protocol.ts).
 *
 * Opened on first use, and again after the connection closes (a newer version of the
 * extension asked for it, or the browser dropped it) or a failed open.
 */
export function pageDatabase(open: (onClose: () => void) => Promise<JobLensDB> = (onClose) => openJobLensDB(undefined, { onClose })): () => Promise<JobLensDB> {
  let ready: Promise<JobLensDB> | null = null;
  const forget = () => {
    ready = null;
  };
  return async () => {
    ready ??= open(forget).catch((error: unknown) => {
      forget();
      throw error;
    });
    try {
      return await ready;
    } catch (error) {
      console.error('JobLens: could not open the database', error);
      throw new Error(`JobLens could not open its database: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
}
