import type { ImportResult } from '../../store/repository.ts';

/** What the merge's field names mean to the user. A tag comes as 'tag <name>'. */
const FIELD_WORDS: Record<string, string> = {
  notes: 'notes',
  rating: 'rating',
  closed: 'closed or open',
  'corrections.salary': 'corrected pay',
  'corrections.remotePolicy': 'corrected remote policy',
  'corrections.location': 'corrected location',
  'corrections.yearsMin': 'corrected minimum years',
  'corrections.yearsMax': 'corrected maximum years',
};

/** Postings named before "and N more". */
const MAX_NAMED = 5;

function fieldWords(field: string): string {
  if (field.startsWith('tag ')) return `tag “${field.slice(4)}” (removed)`;
  return FIELD_WORDS[field] ?? field;
}

/**
 * The popup's one-paragraph account of an import: the four counts, then every posting where
 * a newer edit in the file replaced one of the user's (the only values a merge lets go), so
 * that none is replaced without a word.
 */
export function importSummary(result: ImportResult): string {
  const counts =
    `Imported: ${result.added} new, ${result.merged} merged (edits from both kept), ` +
    `${result.replaced} replaced by the file's newer copy, ${result.unchanged} unchanged.`;
  const settings = settingsSummary(result.settings);
  if (result.overwritten.length === 0) return `${counts}${settings}`;
  const named = result.overwritten
    .slice(0, MAX_NAMED)
    .map(({ title, fields }) => `${fields.map(fieldWords).join(', ')} of “${title || 'Untitled job'}”`);
  const more = result.overwritten.length - named.length;
  return `${counts} Newer edits in the file replaced yours: ${named.join('; ')}${more > 0 ? `; and ${more} more` : ''}.${settings}`;
}

/**
 * The file's settings, when they changed something or gave way to the user's: nothing of the
 * file's is let go without a word. Rates the same on both sides, or none in the file, go unsaid.
 */
function settingsSummary(settings: ImportResult['settings']): string {
  if (!settings) return '';
  let text = '';
  if (settings.exchangeRates === 'added') text += " Exchange rates: the file's (you had set none).";
  if (settings.exchangeRates === 'theirs') text += " Exchange rates: the file's, set later than yours.";
  if (settings.exchangeRates === 'ours') text += " Exchange rates: yours kept, set later than the file's.";
  const sites = settings.sitesToOffer.length;
  if (sites > 0) {
    // Whether each is on here already is the browser's to say: the popup lists those that are not.
    text += ` The file lists ${sites === 1 ? '1 site' : `${sites} sites`} JobLens always reads; any not on here ${sites === 1 ? 'is' : 'are'} listed above, to allow or dismiss.`;
  }
  return text;
}
