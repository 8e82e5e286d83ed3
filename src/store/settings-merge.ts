import type { ExchangeRates, ExportedSettings, Settings, SettingsEdits } from '../model/index.ts';

/**
 * An import's settings, merged with the user's key by key, as saved postings are merged field
 * by field (merge.ts): for each setting the newer edit wins, and a setting one side never set
 * gives way to the other's. Sites to always run on are never replaced: the browser grants
 * each one only when the user says so, so the file's sites are kept to offer (the popup
 * shows those not on here, and asks), and none of the user's is taken away.
 */

/**
 * What became of one setting: the file's taken where the user had never set it (`added`) or
 * had set it earlier (`theirs`); the user's kept, set later (`ours`); both the same; or none in the file.
 */
export type SettingOutcome = 'added' | 'theirs' | 'ours' | 'same' | 'none';

export interface SettingsMerge {
  settings: Settings;
  edits: SettingsEdits;
  exchangeRates: SettingOutcome;
  /** The file's sites, to offer (the popup shows those JobLens does not run on yet). */
  sitesToOffer: string[];
}

/**
 * When the rates were last set: their edit time, or for rates set before edit times were kept,
 * the date the rates themselves carry. Rates cleared before then have no time: never set.
 */
function ratesSetAt(settings: Pick<Settings, 'exchangeRates'>, edits: SettingsEdits): number | null {
  const at = edits.exchangeRates ?? settings.exchangeRates?.updatedAt;
  return at === undefined ? null : Date.parse(at);
}

/** The same rates, whatever order their currencies were written in. */
function sameRates(a: ExchangeRates | null, b: ExchangeRates | null): boolean {
  if (a === null || b === null) return a === b;
  const codes = Object.keys(a.rates);
  return (
    a.base === b.base &&
    a.updatedAt === b.updatedAt &&
    codes.length === Object.keys(b.rates).length &&
    codes.every((code) => a.rates[code] === b.rates[code])
  );
}

export function mergeSettings(
  ours: Settings,
  ourEdits: SettingsEdits,
  file: ExportedSettings,
): SettingsMerge {
  const sitesToOffer = [...new Set(file.alwaysRunOn)].sort();
  const keep = (exchangeRates: SettingOutcome): SettingsMerge => ({ settings: ours, edits: ourEdits, exchangeRates, sitesToOffer });

  const theirsAt = ratesSetAt(file, file.edits);
  if (theirsAt === null) return keep('none');
  if (sameRates(ours.exchangeRates, file.exchangeRates)) return keep('same');
  const oursAt = ratesSetAt(ours, ourEdits);
  // A tie keeps the user's: importing the same file twice changes nothing.
  if (oursAt !== null && oursAt >= theirsAt) return keep('ours');
  return {
    settings: { ...ours, exchangeRates: file.exchangeRates },
    edits: { ...ourEdits, exchangeRates: new Date(theirsAt).toISOString() },
    exchangeRates: oursAt === null ? 'added' : 'theirs',
    sitesToOffer,
  };
}
