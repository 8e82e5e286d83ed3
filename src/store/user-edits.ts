import {
  tagKey,
  type Corrections,
  type EditedField,
  type SavedPatch,
  type SavedPosting,
  type UserEdits,
} from '../model/index.ts';

/**
 * The user's edits to a saved posting, each stamped with its own time (UserEdits), so that
 * two copies of the posting can later be merged field by field (merge.ts). Pure.
 */

/** The fields a correction may set; each is merged on its own, as `corrections.<name>`. */
export const CORRECTED_FIELDS = ['salary', 'remotePolicy', 'location', 'yearsMin', 'yearsMax'] as const;
export type CorrectedField = (typeof CORRECTED_FIELDS)[number];

export function correctionEdit(field: CorrectedField): EditedField {
  return `corrections.${field}`;
}

/** Trimmed, blanks dropped, and one of each tag whatever its case (the first spelling stays). */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const trimmed = tag.trim().replace(/\s+/g, ' ');
    const key = tagKey(trimmed);
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(trimmed);
  }
  return result;
}

/** A correction's value as comparable text; an absent correction and a null one ("no pay") differ. */
export function correctionText(corrections: Corrections, field: CorrectedField): string {
  return field in corrections ? JSON.stringify(corrections[field]) : 'absent';
}

/** The corrections as given, stamped now when they differ from the current ones. */
function nextCorrections(current: Corrections, given: Corrections, nowIso: string): Corrections {
  const { correctedAt: _ignored, ...values } = given;
  if (CORRECTED_FIELDS.every((field) => correctionText(values, field) === correctionText(current, field))) return current;
  return Object.keys(values).length > 0 ? { ...values, correctedAt: nowIso } : {};
}

/** `edits` with these fields stamped at `at`. */
export function stamped(edits: UserEdits, fields: readonly EditedField[], at: string): UserEdits {
  if (fields.length === 0) return edits;
  const times = { ...edits.at };
  for (const field of fields) times[field] = at;
  return { ...edits, at: times };
}

/** Tag times after the list went from `before` to `after`: each tag added or removed is stamped now. */
function stampedTags(edits: UserEdits, before: readonly string[], after: readonly string[], at: string): UserEdits {
  const was = new Set(before.map(tagKey));
  const is = new Set(after.map(tagKey));
  const tags = { ...edits.tags };
  for (const key of is) if (!was.has(key)) tags[key] = { at, removed: false };
  for (const key of was) if (!is.has(key)) tags[key] = { at, removed: true };
  return { ...edits, tags };
}

/**
 * The user's edit applied to a record: a new status is appended to the history; each field
 * whose value changes gets the edit's time (an unchanged value sent again does not, so a
 * form that sends every field cannot make an old value look new). Pure.
 */
export function applyPatch(current: SavedPosting, patch: SavedPatch, nowIso: string): SavedPosting {
  const next: SavedPosting = { ...current, updatedAt: nowIso };
  const changed: EditedField[] = [];
  if (patch.status !== undefined && patch.status !== current.status) {
    next.status = patch.status;
    next.statusHistory = [...current.statusHistory, { status: patch.status, at: nowIso }];
  }
  if (patch.notes !== undefined && patch.notes !== current.notes) {
    next.notes = patch.notes;
    changed.push('notes');
  }
  if (patch.tags !== undefined) {
    next.tags = normalizeTags(patch.tags);
    next.edits = stampedTags(next.edits, current.tags, next.tags, nowIso);
  }
  if (patch.rating !== undefined && patch.rating !== current.rating) {
    next.rating = patch.rating;
    changed.push('rating');
  }
  if (patch.corrections !== undefined) {
    next.corrections = nextCorrections(current.corrections, patch.corrections, nowIso);
    for (const field of CORRECTED_FIELDS) {
      if (correctionText(next.corrections, field) !== correctionText(current.corrections, field)) changed.push(correctionEdit(field));
    }
  }
  next.edits = stamped(next.edits, changed, nowIso);
  return next;
}
