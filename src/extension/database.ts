import { lazyDatabase, openJobLensDB, type JobLensDB } from '../store/db.ts';

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
 * Opened on first use, and again after the connection closes or a failed open (lazyDatabase).
 */
export function pageDatabase(): () => Promise<JobLensDB> {
  return lazyDatabase((onClose) => openJobLensDB(undefined, { onClose }));
}
