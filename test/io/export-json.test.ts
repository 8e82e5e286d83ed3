import { describe, expect, it } from 'vitest';
import { buildExportFile, exportParts, serializeExport } from '../../src/io/export-json.ts';
import { parseExport } from '../../src/io/import-json.ts';
import { ExportFile } from '../../src/model/index.ts';
import { musicUnderstandingPosting, sambaPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

const NOW = new Date('2026-06-06T12:00:00.000Z');
const saved = [
  savedFrom(sambaPosting(), '2026-06-03T10:00:00.000Z'),
  savedFrom(musicUnderstandingPosting(), '2026-06-01T10:00:00.000Z', { notes: 'Line one\nline two, "quoted"' }),
  savedFrom(storytellingPosting(), '2026-06-02T10:00:00.000Z'),
];

describe('the JSON export file', () => {
  it('is one valid JSON document that reads back to the same records', () => {
    const file = buildExportFile(saved, NOW);
    const text = serializeExport(file);
    expect(ExportFile.parse(JSON.parse(text))).toStrictEqual(file);
    expect(parseExport(text).postings).toStrictEqual(saved);
  });

  it('has the header on the first line, then one posting per line, in order', () => {
    const lines = serializeExport(buildExportFile(saved, NOW)).split('\n');
    expect(lines[0]).toBe(
      '{"format":"joblens/export","version":4,"exportedAt":"2026-06-06T12:00:00.000Z",' +
        '"settings":{"exchangeRates":null,"edits":{},"alwaysRunOn":[]},"postings":[',
    );
    // A note with a line break stays on its posting's line (JSON escapes it).
    expect(lines.slice(1, 4).map((line) => (JSON.parse(line.replace(/,$/, '')) as { id: string }).id)).toEqual(saved.map((p) => p.id));
    expect(lines.slice(4)).toEqual([']}', '']);
  });

  it('writes an empty selection as an empty list', () => {
    const text = serializeExport(buildExportFile([], NOW));
    expect(text).toBe(
      '{"format":"joblens/export","version":4,"exportedAt":"2026-06-06T12:00:00.000Z",' +
        '"settings":{"exchangeRates":null,"edits":{},"alwaysRunOn":[]},"postings":[]}\n',
    );
    expect(parseExport(text).postings).toEqual([]);
  });

  it('comes in pieces that join to the same text: the header, one per posting, the end', () => {
    const file = buildExportFile(saved, NOW);
    const parts = exportParts(file);
    expect(parts).toHaveLength(saved.length + 2);
    expect(parts.join('')).toBe(serializeExport(file));
  });
});
