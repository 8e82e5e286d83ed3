import { EXPORT_FORMAT, EXPORT_VERSION, ExportFile, type SavedPosting } from '../model/index.ts';

/**
 * The JSON export: every field of each saved posting, the user's annotations and history
 * included, so importing it into an empty profile gives the same records back.
 */
export function buildExportFile(postings: readonly SavedPosting[], now: Date): ExportFile {
  return ExportFile.parse({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    postings,
  });
}

/** The file's text, indented so a person can read and diff it. */
export function serializeExport(file: ExportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
