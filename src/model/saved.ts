import { z } from 'zod/mini';
import { Posting } from './posting.ts';

export const ApplicationStatus = z.enum(['saved', 'applying', 'applied', 'interviewing', 'offer', 'rejected', 'archived']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** A Posting plus the user's own part. */
export const SavedPosting = z.extend(Posting, {
  savedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  notes: z.string(),
  tags: z.array(z.string()),
  status: ApplicationStatus,
});
export type SavedPosting = z.infer<typeof SavedPosting>;

export const EXPORT_FORMAT = 'joblens/export' as const;

export const ExportFile = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.iso.datetime(),
  postings: z.array(SavedPosting),
});
export type ExportFile = z.infer<typeof ExportFile>;
