import type { FieldValue } from '../model/index.ts';
import { get, record, text, type Json } from './feed-json.ts';

/*
 * Where a feed item says the job is worked: its own workplace fields, as each feed names them
 * (Recruitee's flags, SmartRecruiters' location, Eightfold's custom fields, BambooHR's codes,
 * amazon.jobs' typed locations), and boards that list remote jobs only.
 */

// `contract_type` and `work_type` hold "Hybrid" in some scrapers' LinkedIn cards, "Full-time" in others: only a policy word counts.
const REMOTE_KEYS = ['remote', 'telecommuting', 'is_remote', 'isRemote', 'work_arrangement', 'workplaceType', 'workplace_type', 'remote_type', 'workLocationOption', 'locationFlexibility', 'workplace', 'jobNature', 'work_type', 'workType', 'contract_type'];

/** "Work flexibility: Office-based" in a list of custom fields (SmartRecruiters' `customField`). */
const WORKPLACE_LABEL = /work\s*(?:place|flexibility|model|arrangement|persona|location\s+type)|remote/i;
/** The name of an employer's own workplace field: "WorkSite", "WorkplaceType", "RemoteWork". */
const WORKSITE_KEY = /work\s*_?(?:site|place|flexibility|model|arrangement|persona)|remote/i;

/** hh.ru and its sister sites (HeadHunter in Kazakhstan, Uzbekistan, Belarus). */
export const HH_URL = /^https?:\/\/(?:[\w-]+\.)?hh\.(?:ru|kz|uz|by)\//;

const REMOTE_ONLY_BOARDS = /(?:^|\.)(?:remotive\.com|himalayas\.app|remoteok\.(?:com|io)|weworkremotely\.com|jobicy\.com|workingnomads\.com)$/;

export function workplace(item: Json, urlKeys: readonly string[]): FieldValue[] {
  const out: FieldValue[] = [];
  // Recruitee's `hybrid: true` names a workplace of its own.
  if (item.hybrid === true) out.push({ value: 'hybrid', source: 'board', field: 'feed hybrid' });
  // An employer's own fields on Eightfold (`efcustomTextWorkSite: ["0 days / week in-office – remote"]`)
  // say more than the platform's default `workLocationOption`, which Microsoft leaves at "onsite".
  for (const [key, v] of Object.entries(item)) {
    if (!/^efcustom/i.test(key) || !WORKSITE_KEY.test(key.replace(/^efcustom(?:Text)?/i, ''))) continue;
    const values = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '');
    if (values.length === 1) out.push({ value: values[0]!.trim(), source: 'board', field: `feed ${key}` });
  }
  // hh.ru's `schedule` (its documented ids): "remote" is remote work; "fullDay", "shift" and
  // "flyInFlyOut" are worked at the employer's place; "flexible" says only the hours are.
  const schedule = record(item.schedule);
  const scheduleId = schedule && typeof schedule.id === 'string' ? schedule.id : null;
  if (scheduleId !== null && typeof item.alternate_url === 'string' && HH_URL.test(item.alternate_url)) {
    const named = typeof schedule?.name === 'string' ? ` (${schedule.name})` : '';
    if (scheduleId === 'remote') out.push({ value: 'remote', source: 'board', field: `feed schedule: remote${named}` });
    else if (/^(?:fullDay|shift|flyInFlyOut)$/.test(scheduleId)) out.push({ value: 'on-site', source: 'board', field: `feed schedule: ${scheduleId}${named}` });
  }
  for (const key of REMOTE_KEYS) {
    const v = get(item, key);
    if (typeof v === 'boolean') out.push({ value: String(v), source: 'board', field: `feed ${key}` });
    // Welcome to the Jungle's `remote: "partial"` (some days at home) and `"fulltime"`.
    else if (key === 'remote' && (v === 'partial' || v === 'fulltime')) out.push({ value: v === 'partial' ? 'hybrid' : 'remote', source: 'board', field: `feed remote: ${v}` });
    // "on_site", "work_from_home": a feed's enum values, read as the words they are.
    else if (typeof v === 'string' && v.trim()) out.push({ value: v.trim().replace(/_/g, ' '), source: 'board', field: `feed ${key}` });
  }
  if (Array.isArray(item.customField)) {
    for (const field of item.customField) {
      const f = record(field);
      const label = f ? text(f.fieldLabel) : null;
      const value = f ? text(f.valueLabel) : null;
      if (label && value && WORKPLACE_LABEL.test(label)) out.push({ value, source: 'board', field: `feed customField "${label}"` });
    }
  }
  // Boards that list remote jobs only (Remotive, Himalayas, Remote OK, We Work Remotely, Jobicy,
  // Working Nomads): a posting they carry is remote, though its own fields may not say so.
  const home = urlKeys.map((k) => text(get(item, k))).find((u): u is string => u !== null && URL.canParse(u));
  const host = home ? new URL(home).hostname.replace(/^www\./, '') : '';
  if (REMOTE_ONLY_BOARDS.test(host)) out.push({ value: 'remote', source: 'board', field: `feed from ${host} (a board of remote jobs only)` });
  // BambooHR's `locationType`: "0" on site, "1" remote, "2" hybrid.
  if (typeof item.jobOpeningName === 'string' && typeof item.locationType === 'string' && /^[012]$/.test(item.locationType)) {
    out.push({ value: ['onsite', 'remote', 'hybrid'][Number(item.locationType)]!, source: 'board', field: `feed locationType: ${item.locationType}` });
  }
  // amazon.jobs' `locations`: JSON strings, each with a `type` of ONSITE, REMOTE, HYBRID or VIRTUAL.
  if (Array.isArray(item.locations)) {
    const types = new Set<string>();
    for (const entry of item.locations) {
      let place: Json | null = record(entry);
      if (!place && typeof entry === 'string' && entry.trim().startsWith('{')) {
        try {
          place = record(JSON.parse(entry));
        } catch {
          place = null;
        }
      }
      const type = place && typeof place.type === 'string' ? place.type.trim() : '';
      if (/^(?:onsite|on_site|remote|hybrid|virtual)$/i.test(type)) types.add(type.toLowerCase().replace('_', ''));
    }
    if (types.size === 1) {
      const type = [...types][0]!;
      out.push({ value: type === 'virtual' ? 'remote' : type, source: 'board', field: 'feed locations[].type' });
    }
  }
  // SEEK and JobStreet's `workArrangements: { data: [{ label: { text: "Kantor" } }] }` (office, hybrid, remote in the site's language).
  const arrangements = record(item.workArrangements)?.data;
  if (Array.isArray(arrangements)) {
    const labels = arrangements.map((a) => text(record(record(a)?.label)?.text)).filter((l): l is string => l !== null);
    if (labels.length === 1) out.push({ value: labels[0]!, source: 'board', field: 'feed workArrangements' });
  }
  // Kalibrr's `is_hybrid` and `is_work_from_home`: both false is an office job.
  if (item.is_work_from_home === true) out.push({ value: 'remote', source: 'board', field: 'feed is_work_from_home' });
  else if (item.is_hybrid === true) out.push({ value: 'hybrid', source: 'board', field: 'feed is_hybrid' });
  else if (item.is_hybrid === false && item.is_work_from_home === false) out.push({ value: 'on-site', source: 'board', field: 'feed is_hybrid/is_work_from_home: false' });
  // No Fluff Jobs' `location.fullyRemote: true` (the top-level flag belongs to one city's variant).
  if (record(item.location)?.fullyRemote === true) out.push({ value: 'remote', source: 'board', field: 'feed location.fullyRemote' });
  // SmartRecruiters' location says remote and hybrid as flags; both false is an office job.
  const where = record(item.location);
  if (where && where.remote === true) out.push({ value: 'remote', source: 'board', field: 'feed location.remote' });
  else if (where && where.hybrid === true) out.push({ value: 'hybrid', source: 'board', field: 'feed location.hybrid' });
  else if (where && where.remote === false && where.hybrid === false) out.push({ value: 'on-site', source: 'board', field: 'feed location.remote/hybrid: false' });
  return out;
}
