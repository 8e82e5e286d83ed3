import { describe, expect, it } from 'vitest';
import { SavedPosting, type SavedPatch } from '../../src/model/index.ts';
import { mergeSaved } from '../../src/store/merge.ts';
import { applyPatch } from '../../src/store/user-edits.ts';
import { musicUnderstandingPosting, savedFrom } from '../helpers/postings.ts';

// Two profiles, A and B, each holding a copy of one saved posting and editing it through
// applyPatch (what updateSaved does), then merging the other's copy as an import would.

const SAVED = '2026-06-01T10:00:00.000Z';
const T1 = '2026-06-02T10:00:00.000Z';
const T2 = '2026-06-03T10:00:00.000Z';
const T3 = '2026-06-04T10:00:00.000Z';
/** Later than the helpers' postings were read (parsedAt 6 June). */
const REREAD = '2026-06-08T10:00:00.000Z';

function base(): SavedPosting {
  return savedFrom(musicUnderstandingPosting(), SAVED);
}

function edit(saved: SavedPosting, patch: SavedPatch, at: string): SavedPosting {
  return SavedPosting.parse(applyPatch(saved, patch, at));
}

/** What savePosting does on a revisit: a new reading, updatedAt moved, the user's part untouched. */
function revisit(saved: SavedPosting, at: string, title = saved.title): SavedPosting {
  return SavedPosting.parse({ ...saved, title, parsedAt: at, updatedAt: at });
}

describe('mergeSaved: the issue', () => {
  it('B adds a note, A only revisits; A merging B keeps the note, and B merging A keeps it too', () => {
    const b = edit(base(), { notes: 'Ask about the in-person meetings.' }, T1);
    const a = revisit(base(), REREAD, 'Senior ML Engineer, Music');

    const intoA = mergeSaved(a, b);
    const intoB = mergeSaved(b, a);

    for (const result of [intoA, intoB]) {
      expect(result.kind).toBe('merged');
      expect(result.replaced).toEqual([]);
      expect(result.saved).toMatchObject({ notes: 'Ask about the in-person meetings.', title: 'Senior ML Engineer, Music', parsedAt: REREAD });
    }
    // Both ways give the same record.
    expect(intoA.saved).toEqual(intoB.saved);
  });
});

describe('mergeSaved: each rule', () => {
  it('takes the newer edit of a field, and says when it replaced one of ours', () => {
    const ours = edit(base(), { notes: 'ours', rating: 2 }, T1);
    const theirs = edit(base(), { notes: 'theirs, later' }, T2);

    const { saved, kind, replaced } = mergeSaved(ours, theirs);

    expect(saved).toMatchObject({ notes: 'theirs, later', rating: 2 });
    expect(saved.edits.at).toEqual({ notes: T2, rating: T1 });
    expect(kind).toBe('merged');
    expect(replaced).toEqual(['notes']);
    // The other way round, ours is newer and stays.
    expect(mergeSaved(theirs, ours).saved).toMatchObject({ notes: 'theirs, later', rating: 2 });
  });

  it('a cleared note or rating is an edit: it wins over an older value, and loses to a newer one', () => {
    const written = edit(base(), { notes: 'a note', rating: 4 }, T1);
    const cleared = edit(written, { notes: '', rating: null }, T2);
    const rewritten = edit(written, { notes: 'written again' }, T3);

    expect(mergeSaved(written, cleared).saved).toMatchObject({ notes: '', rating: null });
    expect(mergeSaved(cleared, written).saved).toMatchObject({ notes: '', rating: null });
    expect(mergeSaved(cleared, rewritten).saved).toMatchObject({ notes: 'written again', rating: null });
  });

  it('a field the user never set gives way to one they did, whatever updatedAt says', () => {
    const theirs = edit(base(), { rating: 5 }, T1);
    const ours = revisit(base(), REREAD);
    expect(mergeSaved(ours, theirs).saved.rating).toBe(5);
  });

  it('tags: the union, one of each whatever its case', () => {
    const ours = edit(base(), { tags: ['ml', 'NYC'] }, T1);
    const theirs = edit(base(), { tags: ['nyc', 'referral'] }, T2);

    const { saved, replaced } = mergeSaved(ours, theirs);

    expect(saved.tags).toEqual(['ml', 'NYC', 'referral']);
    expect(replaced).toEqual([]);
  });

  it('tags: one removed later on the other side stays removed, and one added again after the removal comes back', () => {
    const both = edit(base(), { tags: ['ml', 'nyc'] }, T1);
    const removed = edit(both, { tags: ['ml'] }, T2);

    const intoOurs = mergeSaved(both, removed);
    expect(intoOurs.saved.tags).toEqual(['ml']);
    expect(intoOurs.replaced).toEqual(['tag nyc']);
    expect(mergeSaved(removed, both).saved.tags).toEqual(['ml']);

    const addedAgain = edit(both, { tags: ['ml', 'nyc', 'NYC'] }, T1);
    const readded = edit(removed, { tags: ['ml', 'nyc'] }, T3);
    expect(mergeSaved(addedAgain, readded).saved.tags).toEqual(['ml', 'nyc']);
  });

  it('status: the histories are joined in time order, and the status is the latest move', () => {
    const ours = edit(edit(base(), { status: 'applying' }, T1), { status: 'applied' }, T3);
    const theirs = edit(base(), { status: 'interviewing' }, T2);

    const { saved } = mergeSaved(ours, theirs);

    expect(saved.statusHistory).toEqual([
      { status: 'saved', at: SAVED },
      { status: 'applying', at: T1 },
      { status: 'interviewing', at: T2 },
      { status: 'applied', at: T3 },
    ]);
    expect(saved.status).toBe('applied');
    expect(mergeSaved(theirs, ours).saved.statusHistory).toEqual(saved.statusHistory);
  });

  it('status: the other profile saving the posting later is not a move back to "saved"', () => {
    const ours = edit(base(), { status: 'applied' }, T1);
    const savedLater = savedFrom(musicUnderstandingPosting(), T2);

    const { saved } = mergeSaved(ours, savedLater);

    expect(saved.status).toBe('applied');
    expect(saved.savedAt).toBe(SAVED);
    expect(saved.statusHistory.map((s) => s.status)).toEqual(['saved', 'applied']);
    expect(mergeSaved(savedLater, ours).saved).toMatchObject({ status: 'applied', savedAt: SAVED });
  });

  it('corrections merge per corrected field; removing one is an edit', () => {
    const pay = { min: 90, max: 125, currency: 'USD', period: 'hour' as const };
    const ours = edit(base(), { corrections: { salary: pay, location: 'Brooklyn' } }, T1);
    const theirs = edit(base(), { corrections: { remotePolicy: 'remote', location: null } }, T2);

    const { saved, replaced } = mergeSaved(ours, theirs);

    expect(saved.corrections).toEqual({ salary: pay, remotePolicy: 'remote', location: null, correctedAt: T2 });
    expect(replaced).toEqual(['corrections.location']);

    // Ours takes the pay correction away later: it stays away.
    const uncorrected = edit(ours, { corrections: { location: 'Brooklyn' } }, T3);
    expect(mergeSaved(uncorrected, ours).saved.corrections).toEqual({ location: 'Brooklyn', correctedAt: T3 });
    expect(mergeSaved(ours, uncorrected).saved.corrections).toEqual({ location: 'Brooklyn', correctedAt: T3 });
  });

  it('the reading is the more recent read, and the changes each side saw are joined', () => {
    const change = { field: 'title' as const, before: 'ML Engineer', after: 'Senior ML Engineer', at: T1 };
    const ours = SavedPosting.parse({ ...revisit(base(), REREAD, 'Newest title'), changes: [change] });
    const other = { ...change, field: 'salary' as const, at: T2 };
    const theirs = SavedPosting.parse({ ...base(), changes: [other] });

    const { saved } = mergeSaved(ours, theirs);

    expect(saved.title).toBe('Newest title');
    expect(saved.changes).toEqual([change, other]);
    expect(mergeSaved(theirs, ours).saved.title).toBe('Newest title');
  });

  it("nothing newer in the file: ours as it was; the file's copy with all of ours and more: replaced", () => {
    const ours = edit(base(), { notes: 'n', tags: ['ml'], status: 'applied' }, T1);
    expect(mergeSaved(ours, ours)).toEqual({ saved: ours, kind: 'unchanged', replaced: [] });
    expect(mergeSaved(ours, base()).kind).toBe('unchanged');

    const further = edit(ours, { rating: 3, status: 'offer' }, T2);
    const result = mergeSaved(ours, further);
    expect(result.kind).toBe('replaced');
    expect(result.saved).toEqual(further);
  });

  it('merging the same copy twice changes nothing the second time', () => {
    const ours = edit(revisit(edit(base(), { notes: 'ours', tags: ['a'] }, T1), REREAD), { status: 'applied' }, REREAD);
    const theirs = edit(edit(base(), { tags: ['b'], rating: 4 }, T2), { tags: ['b', 'c'], status: 'interviewing' }, T3);

    const once = mergeSaved(ours, theirs).saved;
    const twice = mergeSaved(once, theirs);

    expect(twice.kind).toBe('unchanged');
    expect(twice.saved).toBe(once);
  });

  it('every value written on either side is in the merge, unless a newer edit of the same field replaced it', () => {
    let a = base();
    let b = base();
    a = edit(a, { notes: 'A note', tags: ['remote'], status: 'applying' }, T1);
    b = edit(b, { tags: ['ml', 'referral'], rating: 4, status: 'applied' }, T2);
    b = revisit(b, REREAD);
    a = edit(a, { tags: ['remote', 'ml'], corrections: { yearsMin: 3 } }, T3);

    const intoA = mergeSaved(a, b).saved;
    const intoB = mergeSaved(b, a).saved;

    for (const merged of [intoA, intoB]) {
      expect(merged).toMatchObject({ notes: 'A note', rating: 4, status: 'applied', corrections: { yearsMin: 3 } });
      expect([...merged.tags].sort()).toEqual(['ml', 'referral', 'remote']);
      expect(merged.statusHistory.map((s) => s.status)).toEqual(['saved', 'applying', 'applied']);
    }
    // The same record both ways, but for the order of the tags (each profile's own first).
    const sortedTags = (saved: SavedPosting) => ({ ...saved, tags: [...saved.tags].sort() });
    expect(sortedTags(intoA)).toEqual(sortedTags(intoB));
  });
});
