/** `joblens-export-YYYY-MM-DD.json` (or `.csv`), in the user's local date. */
export function exportFileName(date: Date, extension: 'json' | 'csv' = 'json'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `joblens-export-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}

/**
 * Saves text (one string, or its pieces in order) as a file through a Blob URL and an `<a download>` click, which needs no
 * `downloads` permission.
 */
export function downloadText(text: string | readonly string[], type: string, fileName: string, doc: Document = document): void {
  const blob = new Blob(typeof text === 'string' ? [text] : [...text], { type });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

/** CSV with a byte-order mark, so spreadsheet programs read it as UTF-8. */
export function downloadCsv(csv: string, fileName: string, doc: Document = document): void {
  downloadText(csv.startsWith('\uFEFF') ? csv : `\uFEFF${csv}`, 'text/csv;charset=utf-8', fileName, doc);
}
