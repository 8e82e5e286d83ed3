import {
  Posting,
  type Corrections,
  type EditedField,
  type FieldChange,
  type SavedPosting,
  type StatusChange,
  type TagEdit,
  tagKey,
} from '../model/index.ts';
import { CORRECTED_FIELDS, correctionEdit, type CorrectedField } from './user-edits.ts';

/**
 * Two copies of one saved posting (ours, stored, and one from an export file) merged field
 * by field, so that nothing the user wrote on either side is dropped silently. Pure.
 *
 * - The reading (everything the parsers read) is the more recent read's, by parsedAt.
 * - Each field in LATEST_FIELDS takes the value of its newer edit (UserEdits.at); a field
 *   the user never set gives way to one they did. Clearing a field is an edit with a time.
 * - Tags: each tag on its own, present or removed as its newer edit says; a tag only one
 *   side ever had is kept (the union), unless the other side removed it later.
 * - The status histories are joined, and the status is the history's latest entry. Only
 *   the first save of the two stays in it: the other profile saving the posting later is
 *   not a move back to "saved".
 * - Changes seen on re-reads are joined; savedAt is the earlier save.
 * - On a tie, ours stays, so importing the same file twice changes nothing the second time.
 */

interface LatestField {
  field: EditedField;
  /** The value, or undefined for "not set" (a correction that is absent). */
  get(saved: SavedPosting): unknown;
  set(saved: SavedPosting, value: unknown): void;
}

function correctionRow(name: CorrectedField): LatestField {
  return {
    field: correctionEdit(name),
    get: (saved) => (name in saved.corrections ? saved.corrections[name] : undefined),
    set: (saved, value) => {
      const corrections: Record<string, unknown> = { ...saved.corrections };
      if (value === undefined) delete corrections[name];
      else corrections[name] = value;
      saved.corrections = corrections as Corrections;
    },
  };
}

/** The user's fields that the newer edit wins; one row each (a follow-up date would be one more). */
export const LATEST_FIELDS: readonly LatestField[] = [
  { field: 'notes', get: (s) => s.notes, set: (s, v) => (s.notes = v as string) },
  { field: 'rating', get: (s) => s.rating, set: (s, v) => (s.rating = v as SavedPosting['rating']) },
  { field: 'closed', get: (s) => s.closedAt, set: (s, v) => (s.closedAt = v as string | null) },
  ...CORRECTED_FIELDS.map(correctionRow),
];

/** What a merge did to our copy. */
export type MergeKind =
  /** Nothing in the file was newer: ours is left as it was. */
  | 'unchanged'
  /** The file's copy had everything ours had, and more: ours became the file's. */
  | 'replaced'
  /** Each side had something the other lacked: the result keeps both. */
  | 'merged';

export interface MergeResult {
  saved: SavedPosting;
  kind: MergeKind;
  /**
   * The user's fields in which an edit of ours gave way to a newer edit in the file ('notes',
   * 'corrections.salary', 'tag ml'), so the summary can say so: the only values of ours that
   * a merge drops.
   */
  replaced: string[];
}

const NEVER = Number.NEGATIVE_INFINITY;

function timeOf(at: string | undefined): number {
  return at === undefined ? NEVER : Date.parse(at);
}

/** Deep equality of JSON values, whatever order their keys were written in. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => same(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  if (keys.length !== Object.keys(y).filter((key) => y[key] !== undefined).length) return false;
  return keys.every((key) => same(x[key], y[key]));
}

/** A change seen on a re-read, as a key: the same change seen by both profiles is one. */
function changeKey(change: FieldChange): string {
  return JSON.stringify([change.field, change.before, change.after, Date.parse(change.at)]);
}

const READING_FIELDS = Object.keys(Posting.shape) as (keyof Posting)[];

function mergeTags(ours: SavedPosting, theirs: SavedPosting, into: SavedPosting, replaced: string[]): void {
  interface TagState {
    spelling: string | undefined;
    edit: TagEdit | undefined;
  }
  const stateOf = (saved: SavedPosting, key: string): TagState => ({
    spelling: saved.tags.find((tag) => tagKey(tag) === key),
    edit: saved.edits.tags[key],
  });
  // A present tag's time is its edit's; one with no edit (or a stale "removed" one) is oldest.
  const timeOfState = (state: TagState) =>
    state.spelling !== undefined ? (state.edit && !state.edit.removed ? timeOf(state.edit.at) : NEVER) : timeOf(state.edit?.at);
  const keys = new Set([
    ...ours.tags.map(tagKey),
    ...Object.keys(ours.edits.tags),
    ...theirs.tags.map(tagKey),
    ...Object.keys(theirs.edits.tags),
  ]);
  const present = new Map<string, string>();
  const edits: Record<string, TagEdit> = {};
  for (const key of keys) {
    const mine = stateOf(ours, key);
    const other = stateOf(theirs, key);
    const mineKnown = mine.spelling !== undefined || mine.edit !== undefined;
    // Theirs wins only when newer, or when ours never had the tag at all.
    const theirsWins = !mineKnown || timeOfState(other) > timeOfState(mine);
    const winner = theirsWins ? other : mine;
    if (winner.edit) edits[key] = winner.edit;
    if (winner.spelling !== undefined) present.set(key, mine.spelling ?? winner.spelling);
    else if (mine.spelling !== undefined) replaced.push(`tag ${mine.spelling}`);
  }
  // Our order first, then the file's new tags in its order.
  const order = [...ours.tags, ...theirs.tags].map(tagKey);
  into.tags = [...new Set(order)].filter((key) => present.has(key)).map((key) => present.get(key)!);
  into.edits = { ...into.edits, tags: edits };
}

/** The history's first entry when it is the save itself (status "saved" at savedAt). */
function isSaveEntry(saved: SavedPosting, entry: StatusChange, index: number): boolean {
  return index === 0 && entry.status === 'saved' && entry.at === saved.savedAt;
}

function mergeHistory(ours: SavedPosting, theirs: SavedPosting, savedAt: string): StatusChange[] {
  const entries: StatusChange[] = [];
  const seen = new Set<string>();
  for (const side of [ours, theirs]) {
    side.statusHistory.forEach((entry, index) => {
      // A later save on the other side is not a status change.
      if (isSaveEntry(side, entry, index) && side.savedAt !== savedAt) return;
      const key = `${entry.status}@${Date.parse(entry.at)}`;
      if (seen.has(key)) return;
      seen.add(key);
      entries.push(entry);
    });
  }
  // Stable: on the same moment ours comes first.
  return entries
    .map((entry, order) => ({ entry, order, ms: Date.parse(entry.at) }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order)
    .map(({ entry }) => entry);
}

function mergeChanges(ours: readonly FieldChange[], theirs: readonly FieldChange[]): FieldChange[] {
  const seen = new Set(ours.map(changeKey));
  const joined = [...ours, ...theirs.filter((change) => !seen.has(changeKey(change)))];
  return joined
    .map((change, order) => ({ change, order, ms: Date.parse(change.at) }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order)
    .map(({ change }) => change);
}

/** When the corrections last changed (`correctedAt`): the latest edit of any of them, a removal included. */
function latestCorrection(saved: SavedPosting): string | undefined {
  let latest: string | undefined;
  for (const field of CORRECTED_FIELDS) {
    const at = saved.edits.at[correctionEdit(field)];
    if (at !== undefined && timeOf(at) > timeOf(latest)) latest = at;
  }
  return latest;
}

/**
 * The user's part, compared to tell what a merge did. The reading is left out: it is one
 * side's whole (by parsedAt), and comparing it means walking each description and list of
 * requirements (10,000 merges in Node comparing whole records as sorted JSON: 1.6 s; the
 * user's part with a plain deep comparison: 0.15–0.36 s).
 */
function userContent(saved: SavedPosting): unknown {
  const { savedAt, notes, tags, status, statusHistory, rating, corrections, changes, closedAt, edits } = saved;
  return { savedAt, notes, tags, status, statusHistory, rating, corrections, changes, closedAt, edits };
}

/** Our stored copy and the file's copy of one saved posting (the same id), merged. */
export function mergeSaved(ours: SavedPosting, theirs: SavedPosting): MergeResult {
  const merged: SavedPosting = { ...ours, edits: { at: { ...ours.edits.at }, tags: { ...ours.edits.tags } } };
  const replaced: string[] = [];

  const readingTaken = timeOf(theirs.parsedAt) > timeOf(ours.parsedAt);
  if (readingTaken) {
    for (const key of READING_FIELDS) (merged as Record<string, unknown>)[key] = theirs[key];
  }

  for (const row of LATEST_FIELDS) {
    const mine = ours.edits.at[row.field];
    const other = theirs.edits.at[row.field];
    if (timeOf(other) <= timeOf(mine)) continue;
    const value = row.get(theirs);
    if (mine !== undefined && !same(value, row.get(ours))) replaced.push(row.field);
    row.set(merged, value);
    merged.edits.at[row.field] = other!;
  }
  const correctionsChanged = CORRECTED_FIELDS.some((field) => merged.edits.at[correctionEdit(field)] !== ours.edits.at[correctionEdit(field)]);
  if (correctionsChanged) {
    const { correctedAt: _stale, ...values } = merged.corrections;
    const latest = latestCorrection(merged);
    merged.corrections = latest === undefined || Object.keys(values).length === 0 ? values : { ...values, correctedAt: latest };
  }

  mergeTags(ours, theirs, merged, replaced);

  merged.savedAt = timeOf(theirs.savedAt) < timeOf(ours.savedAt) ? theirs.savedAt : ours.savedAt;
  merged.statusHistory = mergeHistory(ours, theirs, merged.savedAt);
  merged.status = merged.statusHistory.at(-1)?.status ?? ours.status;
  merged.changes = mergeChanges(ours.changes, theirs.changes);

  if (!readingTaken && same(userContent(merged), userContent(ours))) return { saved: ours, kind: 'unchanged', replaced: [] };
  merged.updatedAt = timeOf(theirs.updatedAt) > timeOf(ours.updatedAt) ? theirs.updatedAt : ours.updatedAt;
  // Ours kept nothing of its own: its reading was not the newer one, and its part is theirs.
  const oursKeptNothing = timeOf(ours.parsedAt) <= timeOf(theirs.parsedAt) && same(userContent(merged), userContent(theirs));
  return { saved: merged, kind: oursKeptNothing ? 'replaced' : 'merged', replaced };
}
