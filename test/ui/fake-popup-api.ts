import { vi } from 'vitest';
import { exportParts, noExportedSettings } from '../../src/io/export-json.ts';
import { EXPORT_FORMAT, EXPORT_VERSION, summaryOf, type SavedPatch, type SavedPosting, type Settings } from '../../src/model/index.ts';
import type { ImportEvent } from '../../src/messaging/import-port.ts';
import type { PopupApi } from '../../src/ui/popup/App.tsx';

/**
 * An in-memory stand-in for the popup's repository (src/extension/popup-api.ts), newest saved
 * first as the repository gives them, every method a spy. PopupWiring.test.tsx runs the popup
 * on the real repository instead.
 */
export function fakeApi(initial: SavedPosting[], settings: Settings = { exchangeRates: null }) {
  const records = new Map(initial.map((p) => [p.id, p]));
  let stored = settings;
  const pick = (ids?: string[]) => [...records.values()].filter((p) => !ids || ids.includes(p.id));
  // The background's side of an import: what it tells the popup's watchImport listeners.
  const importListeners = new Set<(event: ImportEvent) => void>();
  const tellImport = (event: ImportEvent) => importListeners.forEach((listener) => listener(event));
  const api = {
    records,
    // Summaries, as the database's summaries store gives them: the list never has a full record.
    list: vi.fn(async () => [...records.values()].sort((a, b) => b.savedAt.localeCompare(a.savedAt)).map(summaryOf)),
    get: vi.fn(async (ids: string[]) => ids.flatMap((id) => records.get(id) ?? [])),
    remove: vi.fn(async (id: string) => {
      const record = records.get(id) ?? null;
      records.delete(id);
      return record;
    }),
    restore: vi.fn(async (posting: SavedPosting) => {
      records.set(posting.id, posting);
      return posting;
    }),
    removeMany: vi.fn(async (ids: string[]) => ids.filter((id) => records.delete(id)).length),
    exportJson: vi.fn(async (ids?: string[]) =>
      exportParts({ format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: '2026-06-06T12:00:00.000Z', settings: noExportedSettings(), postings: pick(ids) }),
    ),
    exportCsv: vi.fn(async (ids?: string[]) => ['id,title', ...pick(ids).map((p) => `${p.id},"${p.title}"`)].join('\r\n')),
    /** Taken at once; a moment later it is done, as a small file would be. */
    importFile: vi.fn(async (fileName: string, _text: string): Promise<void> => {
      setTimeout(() => {
        tellImport({ type: 'progress', fileName, phase: 'writing', done: 0, total: 7 });
        tellImport({
          type: 'finished',
          outcome: {
            fileName,
            finishedAt: '2026-06-06T12:00:00.000Z',
            result: { added: 2, merged: 1, replaced: 1, unchanged: 3, overwritten: [] },
            error: null,
          },
        });
      }, 0);
    }),
    watchImport: vi.fn((listener: (event: ImportEvent) => void) => {
      importListeners.add(listener);
      setTimeout(() => listener({ type: 'idle' }), 0);
      return () => void importListeners.delete(listener);
    }),
    /** Says something to the popup as the background would (an import a closed popup started). */
    tellImport,
    update: vi.fn(async (id: string, patch: SavedPatch) => {
      const record = { ...records.get(id)!, ...patch };
      records.set(id, record);
      return record;
    }),
    markClosed: vi.fn(async (id: string, closed: boolean) => {
      const record = { ...records.get(id)!, closedAt: closed ? '2026-06-07T10:00:00.000Z' : null };
      records.set(id, record);
      return record;
    }),
    getSettings: vi.fn(async () => stored),
    setSettings: vi.fn(async (next: Settings) => (stored = next)),
    openUrl: vi.fn(),
    openCompare: vi.fn(),
  } satisfies PopupApi & { records: Map<string, SavedPosting>; tellImport: (event: ImportEvent) => void };
  return api;
}
