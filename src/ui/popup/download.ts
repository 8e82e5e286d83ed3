import { downloadText } from '../download.ts';

export { downloadText };

/** `joblens-export-YYYY-MM-DD.json` (or `.csv`), in the user's local date. */
export function exportFileName(date: Date, extension: 'json' | 'csv' = 'json'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `joblens-export-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

/** CSV with a byte-order mark, so spreadsheet programs read it as UTF-8. */
export function downloadCsv(csv: string, fileName: string, doc: Document = document): void {
  downloadText(csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`, 'text/csv;charset=utf-8', fileName, doc);
}
