import { EXPORT_FORMAT, EXPORT_VERSION, type ExportFile, type SavedPosting } from '../model/index.ts';

/**
 * The JSON export: every field of each saved posting, the user's annotations and history
 * included, so importing it into an empty profile gives the same records back. The
 * postings are records already validated as they were read (listSaved checks each one),
 * so they are not validated a second time here: with 10,000 records that doubled the
 * cost of an export.
 */
export function buildExportFile(postings: readonly SavedPosting[], now: Date): ExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), postings: [...postings] };
}

/** The file's text, indented so a person can read and diff it. */
export function serializeExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
