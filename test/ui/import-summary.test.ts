import { describe, expect, it } from 'vitest';
import { importSummary } from '../../src/ui/popup/import-summary.ts';

describe('importSummary', () => {
  it('says the four counts in plain words', () => {
    expect(importSummary({ added: 2, merged: 1, replaced: 0, unchanged: 4, overwritten: [] })).toBe(
      "Imported: 2 new, 1 merged (edits from both kept), 0 replaced by the file's newer copy, 4 unchanged.",
    );
  });

  it('names every posting where a newer edit in the file replaced one of the user’s, and which field', () => {
    const text = importSummary({
      added: 0,
      merged: 2,
      replaced: 0,
      unchanged: 0,
      overwritten: [
        { id: 'lever:a', title: 'Data Engineer', fields: ['notes', 'corrections.salary'] },
        { id: 'lever:b', title: '', fields: ['tag remote'] },
      ],
    });
    expect(text).toContain(
      'Newer edits in the file replaced yours: notes, corrected pay of “Data Engineer”; tag “remote” (removed) of “Untitled job”.',
    );
  });

  it('cuts a long list short', () => {
    const overwritten = Array.from({ length: 8 }, (_, i) => ({ id: `x:${i}`, title: `Job ${i}`, fields: ['rating'] }));
    expect(importSummary({ added: 0, merged: 8, replaced: 0, unchanged: 0, overwritten })).toMatch(/rating of “Job 4”; and 3 more\.$/);
  });
});
