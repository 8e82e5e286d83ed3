import type { FieldValue, Remote, RemoteConflict, RemotePolicy, ValueSource } from '../model/index.ts';
import { decodeEntities, splitSentences } from './text.ts';
import { COMMUTE, WORLDWIDE, isJurisdiction, regionsIn, timezonesIn } from './places.ts';
import { inferredOnsite } from './inferred-onsite.ts';
import { officeDaysIn } from './office-days.ts';

export { isJurisdiction };

/*
 * Where the work happens. Readings are tried from the most to the least explicit: the
 * board's structured field, then a labelled line or the location string ("London |
 * Hybrid"), then a `#LI-Remote` tag, then the prose. In prose, negations come first
 * ("not eligible for remote work"), and what is said of the role outranks what is said
 * of the company ("remote-friendly company; this role is based in our Berlin office").
 */

// ---------------------------------------------------------------------------------------
// Reading a field value or a label ("Remote / Remote", "TELECOMMUTE", "on-site", "London (Hybrid)")

/**
 * The policy a field value or label names. A field may say just "Office"; in a line of
 * page text, "Offices" is as likely a menu entry, so `inText` asks for an explicit word.
 */
function policyWord(value: string, inText = false): RemotePolicy | null {
  const v = value.toLowerCase();
  // "Hybrid", "hybride", "híbrido", "hibrit", "hybridityö", "hybrydowy", "osittainen etätyö" (partly remote).
  if (/(?<![\p{L}])(?:hybrid|hybride|híbrido|híbrida|ibrido|ibrida|hibrit|hybridi\p{L}*|hybrydow\p{L}*|osittai\p{L}*\s+etä\p{L}*)(?![\p{L}])/u.test(v)) return 'hybrid';
  // Microsoft's work-site values: "0 days / week in-office – remote", "3 days / week in-office",
  // "Up to 50% work from home", "Microsoft on-site only".
  const days = /(?<![\d.])([0-5])\s*days?\s*(?:\/|a|per)\s*week\s*(?:in[- ]office|on[- ]?site|in[- ]person)/u.exec(v);
  if (days) return days[1] === '0' ? 'remote' : days[1] === '5' ? 'onsite' : 'hybrid';
  const share = /\bup\s+to\s+(\d{1,2})\s*%\s*(?:work(?:ing)?\s+from\s+home|remote)/u.exec(v);
  if (share) return 'hybrid';
  // "New York City (in-office only; no remote)": the remote it names is refused.
  if (NEGATED_REMOTE.test(v)) return 'onsite';
  if (/(?<![\p{L}])(?:remote|telecommut\w*|work from home|wfh|home[- ]based|home[- ]?work(?:er|ing))(?![\p{L}])|^\s*(?:anywhere|worldwide)\b/u.test(v)) return 'remote';
  if (/(?<![\p{L}])(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)(?![\p{L}])/u.test(v)) return 'onsite';
  // Spanish, Portuguese, French, German: "Presencial", "en présentiel", "vor Ort"; "remoto", "télétravail complet".
  if (/(?<![\p{L}])(?:remoto|remota|da\s+remoto|à\s+distance|100\s*%\s*télétravail|télétravail\s+(?:complet|total)|uzaktan|etätyö\p{L}*|zdaln\p{L}*)(?![\p{L}])/u.test(v)) return 'remote';
  if (/(?<![\p{L}])(?:presencial|présentiel|in\s+sede|in\s+presenza|vor\s+ort|yerinde|ofisten|işyerinde|stacjonarn\p{L}*|lähityö\p{L}*)(?![\p{L}])/u.test(v)) return 'onsite';
  if (!inText && /(?<![\p{L}])(?:office|in[- ]house)(?![\p{L}])/u.test(v)) return 'onsite';
  // Indonesian and Malay field values: "Kantor" / "Di kantor" / "Pejabat" (office), "Jarak jauh" / "Kerja dari rumah" (remote).
  if (!inText && /^(?:di\s+)?(?:kantor|pejabat)$/u.test(v.trim())) return 'onsite';
  if (!inText && /^(?:jarak\s+jauh|kerja\s+dari\s+rumah)$/u.test(v.trim())) return 'remote';
  // A workplace field of "Flexible" (ServiceNow's work persona) is part office, part home.
  if (!inText && /^\s*flexible\s*$/u.test(v)) return 'hybrid';
  return null;
}

/** Remote named only to be refused: "no remote", "not remote", "non-remote". */
const NEGATED_REMOTE = /(?<![\p{L}])(?:no|not|non|never)[- ](?:fully\s+|100%\s+)?remote(?![\p{L}])/u;

/** "Located Remotely? N", "Work remotely? Yes" inside a line of other fields. */
const FORM_ANSWER = /\b(?:located|work(?:ing)?|based)\s+remotely\s*\?\s*(no?|y(?:es)?)\b/i;

/** A yes/no answer to a remote label ("Remote: No", "Work remotely: Yes"). */
function answerPolicy(label: string, value: string): RemotePolicy | null {
  if (!/remote|telecommut|work from home|wfh/i.test(label)) return null;
  if (/^(?:no|false|n|nein|non|nee|nej)\.?$/i.test(value.trim())) return 'onsite';
  if (/^(?:yes|true|y|ja|oui|sí|si)\.?$/i.test(value.trim())) return 'remote';
  return null;
}

interface Reading {
  policy: RemotePolicy;
  evidence: string;
  source: ValueSource;
}

/** A yes/no field ("isRemote: true") says less than a named workplace type: Ashby sets isRemote on hybrid roles too. */
function readStructured(fields: readonly FieldValue[]): Reading | null {
  const rank: Record<ValueSource, number> = { board: 0, jsonld: 1, prose: 2 };
  const readings: Array<Reading & { order: number }> = [];
  fields.forEach((f, i) => {
    if (typeof f?.value !== 'string') return;
    const value = f.value.trim();
    const flag = /^(?:true|false|yes|no|1|0)$/i.test(value);
    let policy: RemotePolicy | null = null;
    if (flag) {
      if (/^(?:true|yes|1)$/i.test(value) && /remote|telecommut/i.test(f.field)) policy = 'remote';
    } else {
      policy = policyWord(value);
    }
    if (!policy) return;
    readings.push({ policy, evidence: `${f.field}: ${value}`, source: f.source, order: rank[f.source] * 1000 + (flag ? 500 : 0) + i });
  });
  readings.sort((a, b) => a.order - b.order);
  const first = readings[0];
  return first ? { policy: first.policy, evidence: first.evidence, source: first.source } : null;
}

const LABEL = String.raw`(workplace(?:\s+type)?|work\s*(?:place\s+)?(?:model|type|arrangement|setup|style|mode|location)|location(?:\s+type)?|remote(?:\s+(?:policy|status|work|working|option|type|eligible))?|(?:ability\s+to\s+)?work(?:ing)?\s+remotely|(?:ability\s+to\s+)?work\s+from\s+home|telecommut\w*(?:\s+options?)?|(?:role|job|position|employment)\s+type|office\s+policy|job\s+location|arrangement|modality|modalidad(?:\s+de\s+trabajo)?|modelo\s+de\s+trabalho|regime\s+de\s+trabalho|modalidade(?:\s+de\s+trabalho)?|aloca[çc][ãa]o|modalité(?:\s+de\s+travail)?|modalità(?:\s+di\s+lavoro)?|lugar\s+de\s+trabajo|arbeitsmodell|arbeitsplatz|arbeitsort|çalışma\s+(?:yeri|şekli|modeli)|etätyö|tryb\s+pracy|forma\s+pracy|miejsce\s+pracy|工作地点|勤務地|근무지|근무\s*(?:시간\s*및\s*)?장소)`;
// "Dein Arbeitsplatz: Hybrid & Flexibel", "Your workplace: Remote": a possessive may lead the label.
const LABEL_LINE = new RegExp(`^(?:(?:your|our|dein|ihr|unser|votre|notre|tu|jouw|je)\\s+)?${LABEL}\\s*[:|]\\s*(.+)$`, 'i');
/**
 * A label that names the place of work ("Work location:", "Arbeitsort:", "工作地点：", "근무 시간 및 장소"):
 * a place as its value says where the work is done, weakly, like "based in <city>".
 */
const PLACE_OF_WORK_LABEL = /^(?:work\s*location|place\s+of\s+work|arbeitsort|einsatzort|dienstort|lieu\s+de\s+travail|lugar\s+de\s+trabajo|local\s+de\s+trabalho|địa\s+điểm\s+làm\s+việc|lokasi\s+kerja|tempat\s+kerja|工作地点|勤務地|근무지|근무\s*(?:시간\s*및\s*)?장소)$/iu;

/** A label alone on its line, its value on the next (Workday's "Remote:" then "No"). */
const LABEL_ALONE = new RegExp(`^${LABEL}\\s*:?$`, 'i');

/** A short line made of labelled parts: "London | Hybrid", "Full-time • US - Remote • $135k". */
function readLabelledLine(line: string): RemotePolicy | null {
  const labelled = LABEL_LINE.exec(line);
  if (labelled) {
    // "Location: Based at the LCH office with flexibility to work from home/remotely occasionally.":
    // a value that is a sentence is read as one, unless it opens with its answer ("Onsite Full-time: The work …").
    const value = labelled[2]!;
    if (value.split(/\s+/).length > 8) return policyWord(value.split(/\s+/).slice(0, 2).join(' '), true);
    return answerPolicy(labelled[1]!, value) ?? policyWord(value, true);
  }
  // A form's question and its answer: "Located Remotely? N" (Marriott), "Remote work? Yes".
  const asked = /^([\p{L} ]{0,30}(?:remote\p{L}*|telecommut\p{L}*|work\s+from\s+home))\s*\?\s*(y|n|yes|no)\.?$/iu.exec(line);
  if (asked) return answerPolicy(asked[1]!, { y: 'yes', n: 'no' }[asked[2]!.toLowerCase()] ?? asked[2]!);
  // An aggregator's tag row in Markdown: "#### `💰 ~0k` `🌎 Remote`".
  const tags = line.match(/`[^`]+`/g);
  const parts = tags && tags.length >= 2 ? tags.map((t) => t.slice(1, -1)) : line.split(/\s[|•·]\s/);
  if (parts.length < 2) return null;
  for (const part of parts) {
    if (part.trim().split(/\s+/).length > 5) continue;
    const policy = policyWord(part, true);
    if (policy) return policy;
  }
  return null;
}

const TAG = /#LI-(remote|hybrid|on-?site)(?![\p{L}])/iu;

// ---------------------------------------------------------------------------------------
// Prose

type SignalKind = 'not-remote' | 'hybrid' | 'remote' | 'onsite' | 'visits' | 'based-in-city';

interface Signal {
  kind: SignalKind;
  companyLevel: boolean;
  evidence: string;
}

const NOT_REMOTE = [
  /\bnot\s+(?:be\s+)?(?:eligible|available|open|suitable|considered|offered)\s+(?:for|to|as)\s+(?:a\s+)?(?:fully\s+|100%\s+)?remote/i,
  /\b(?:is|are)\s+not\s+(?:a\s+)?(?:fully\s+)?remote\b/i,
  /\b(?:isn'?t|aren'?t|cannot\s+be|can'?t\s+be|won'?t\s+be|will\s+not\s+be)\s+(?:a\s+)?(?:fully\s+)?(?:remote|done\s+remotely|performed\s+remotely)\b/i,
  /\bno\s+(?:fully\s+)?remote\b|\bnon[- ]remote\b/i,
  /\bremote\s+(?:work(?:ing)?\s+)?(?:is\s+)?not\s+(?:possible|available|an\s+option|permitted|supported|offered)/i,
  /\btemporar(?:y|ily)\s+remote\b|\bremote\s+(?:until|during|for\s+now|initially|temporarily)\b/i,
  // Not "occasional remote work abroad": a few weeks from another country, a perk whatever the arrangement.
  /\boccasional(?:ly)?\s+(?:work(?:ing)?\s+from\s+home|wfh|remote\s+work(?:ing)?|home\s+working)\b(?!\s+(?:abroad|overseas|from\s+abroad|from\s+another\s+country))|\b(?:work(?:ing)?\s+from\s+home|wfh)\s+(?:is\s+)?(?:only\s+)?occasional/i,
  /\bon[- ]?site\s+only\b|\bonly\s+on[- ]?site\b|\b(?:fully|100%|entirely|completely)\s+(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b|\bin[- ]office\s+only\b/i,
];

const HYBRID = [
  /\bhybrid[- ](?:work(?:ing|place|force)?|model|role|position|schedule|arrangement|environment|set-?up|policy|job|opportunity|approach|culture|office|basis|format|mode|way|team|teams|friendly)\b/i,
  /\b(?:is|be|are)\s+(?:(?:full[- ]time|part[- ]time|permanent|temporary)\s*(?:,|and|&)\s*)?hybrid\b(?!\s+(?:of|cloud)\b)/i,
  /^\s*hybrid\b(?!\s+(?:of|cloud|mobile|app)\b)|\(\s*hybrid\s*\)|\bhybrid\s*[-–—:|]\s/i,
  /\b(?:option|possibility|flexibility|ability|opportunity|chance|freedom|allowed|able)\b[^.;]{0,30}?\bto\s+(?:also\s+)?work\s+(?:from\s+home|remotely)\b/i,
  // Not "part-time remote": that is a part-time job done remotely (workable/mindrift-widget).
  /\b(?:partially|partly)\s+remote\b|\bpart[- ]remote\b|\b(?:partially|partly)\s+(?:working\s+)?(?:from\s+home|remotely)\b/i,
  /\b(?:work(?:ing)?\s+from\s+home|wfh|remote(?:ly)?)\s+(?:up\s+to\s+)?(?:\d|one|two|three|four)\s+days?\b|\b(?:\d|one|two|three|four)\s+days?\s+(?:a|per|each)\s+week\s+(?:from\s+home|remote(?:ly)?)\b/i,
  /\b(?:hjemmearbejde|hjemmekontor|homeoffice|home-office-tage|télétravail|teletrabajo|smart\s+working|thuis\)?\s*werken|hemarbete|distansarbete|lavoro\s+agile|trabalho\s+híbrido|regime\s+h[íi]brido|hybride)/i,
  // Finnish and Polish: "hybridityön malli", "osittainen etätyömahdollisuus", "joustavan etätyömahdollisuuden", "praca hybrydowa".
  /(?<![\p{L}])(?:hybridityö\p{L}*|osittai\p{L}*\s+etä\p{L}*|etätyömahdollisuu\p{L}*|hybrydow\p{L}*|tryb\s+hybrydowy)/iu,
  // German "mobiles Arbeiten" (work away from the office, some days): "Möglichkeit zum mobilen Arbeiten".
  /(?<![\p{L}])(?:mobile[sn]?\s+arbeiten|mobile[rn]?\s+arbeit)(?![\p{L}])/iu,
  // Time split between home and the office: "Soms werken zij thuis, en soms op kantoor", "split your week between home and our office".
  /\b(?:split|divide)\s+(?:your\s+|their\s+)?(?:time|week)\s+between\s+(?:home|remote|(?:the|our)\s+office)\b/i,
  /\b(?:from|at)\s+home\b[^.;]{0,40}\b(?:and|or)\s+(?:sometimes\s+)?(?:from|at|in)\s+(?:the|our)\s+office\b|\b(?:in|at)\s+(?:the|our)\s+office\b[^.;]{0,40}\b(?:and|or)\s+(?:sometimes\s+)?(?:from|at)\s+home\b/i,
  /(?<![\p{L}])thuis\b[^.;]{0,40}\bop\s+kantoor\b|\bop\s+kantoor\b[^.;]{0,40}\bthuis(?![\p{L}])/iu,
  // An office or home, as one likes: "in een van onze mooie panden in Nijmegen … of gewoon vanuit huis".
  /(?<![\p{L}])(?:panden?|kantoor|kantoren|offices?)(?![\p{L}])[^.;]{0,60}?(?<![\p{L}])(?:of|or)\s+(?:gewoon\s+|just\s+)?(?:vanuit|van|from)\s+(?:huis|home)(?![\p{L}])/iu,
  // "we mostly work from home", "mainly remotely": some office time is left.
  /\b(?:mostly|mainly|largely|partly)\s+(?:work(?:ing)?\s+)?(?:from\s+home|remotely)\b/i,
  // "requires majority in-person work", "mostly on-site": most of the time there, so not all of it.
  /\b(?:majority|mostly|predominantly|largely)\s+(?:in[- ]person|on[- ]?site|in[- ]office|office[- ]based)\b/i,
  // Chinese "混合办公" (hybrid work).
  /混合办公|混合工作/u,
];

// Chinese "远程办公" / "在家办公" / "居家办公" (remote, from home) have no word boundaries to ask for;
// nor have Japanese "フルリモート" / "リモートワーク可" / "在宅勤務" or Korean "재택근무" / "원격 근무".
const REMOTE_CJK = /远程(?:办公|工作)|(?:在家|居家)(?:办公|工作)|フルリモート|完全(?:リモート|在宅)|リモート(?:ワーク)?(?:可|OK|あり)|在宅勤務(?:可|あり)?|テレワーク(?:可|あり)|(?:전면|풀|100%\s*)\s*재택|재택\s*근무|원격\s*근무/u;
/** Home some days of the week: "リモートワーク可（週1‐2回程度）", "주 2회 재택". */
const HYBRID_CJK = /(?:リモート|在宅|テレワーク)[^。\n]{0,12}週\s*\d|週\s*\d[^。\n]{0,8}(?:リモート|在宅|出社)|주\s*\d\s*(?:회|일)\s*재택|재택[^.\n]{0,10}주\s*\d|ハイブリッド/u;
const REMOTE_INTL = /(?<![\p{L}])(?:(?:travaill\p{L}*|travail|poste|mission|emploi)\s+(?:\p{L}+\s+){0,2}à\s+distance|(?:100\s*%|entièrement|totalement)\s+(?:à\s+distance|en\s+télétravail|télétravail)|praca\s+zdalna|pracy\s+zdalnej|100\s*%\s*etä\p{L}*|täysin\s+etä\p{L}*|(?:lavoro|lavorare|lavorerai)\s+(?:completamente\s+|interamente\s+)?da\s+remoto|(?:trabalhar|trabalhará|trabalharás|trabalhe|trabajar|trabajarás|trabaja)\s+(?:de\s+forma\s+|em\s+regime\s+)?(?:plenamente\s+|totalmente\s+|100\s*%\s+|completamente\s+|integralmente\s+)?(?:remot[oa]|remotamente|en\s+remoto|de\s+casa|desde\s+casa|em\s+casa))(?![\p{L}])/iu;

const REMOTE = [
  /^\s*(?:fully\s+|100%\s+)?remote\b(?![- ](?:sensing|control|access|desktop|server|procedure|monitoring|patient))(?!\s*:\s*(?:no\b|false\b|$))/i,
  /\b(?:fully|100%|completely|entirely|permanently)[- ]remote\b/i,
  /\bremote[- ](?:first|only|based|eligible|position|role|job|work(?:ing|er|ers|force)?|opportunit(?:y|ies)|employees?|employment|set-?up|environment|friendly|option|company|organi[sz]ation|contract(?:or)?|within|in\s+(?:the\s+)?[\p{Lu}])/iu,
  /\b(?:done|performed|worked|based|work(?:ing)?)\s+remotely\b/i,
  /\b(?:is|be|are|as)\s+(?:a\s+)?remote\b(?!\s+(?:control|sensing|access|team))/i,
  /\b(?:is|be)\s+(?:full[- ]time|part[- ]time|permanent|temporary)\s*(?:,|and|&)\s*(?:fully\s+|100%\s+)?remote\b(?!\s+(?:control|sensing|access|team))/i,
  /\bwork(?:ing)?\s+from\s+anywhere\b|\bwork(?:ing)?\s+from\s+any\s+location\b|\b(?:live|be\s+located|be\s+based)\s+anywhere\b/i,
  /\btelecommut\w*(?!\s*(?:options?\s*)?:)/i,
  /\bor\s+(?:fully\s+)?remote\s*$|\(\s*(?:fully\s+)?remote\s*\)/i,
  // "IN / Remote (IN)", "Remote (US)", "Remote (Europe)": an aggregator's location chip, remote within a place.
  /\b[Rr]emote\s*\(\s*(?:[A-Z]{2}|\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2})\s*\)/u,
];
/** "you can be within the North America region": remote, if a region follows. */
/** "an AWS-based hybrid environment", "hybrid cloud and on-prem infrastructure": systems, not the workplace. */
const TECH_HYBRID = /\b(?:cloud|aws|azure|gcp|on[- ]?prem\w*|infrastructure|data\s*cent(?:er|re)s?|network(?:s|ing)?|multi[- ]cloud|kubernetes|saas|it)\b[^.;]{0,25}\bhybrid\b|\bhybrid\w*\b[^.;]{0,60}\b(?:on[- ]?prem\w*|cloud)\b|\bhybrid\s+(?:and\s+multi[- ]?)?(?:cloud|infrastructure|networks?|deployments?|architectures?|systems?|solutions?|it\b|environments?\s+(?:of|across|spanning|including))/i;
/** Spanish office days: "2 días al mes en oficina", "3 días a la semana presencial", "home office 2 días". */
const HYBRID_ES = /(?<![\p{L}])(?:\d|un[oa]?|dos|tres|cuatro)\s+días?\s+(?:a\s+la|por|al|cada|de\s+la)\s+(?:semana|mes)\s+(?:en\s+(?:la\s+)?oficina|presencial(?:es)?|de\s+home\s*office)|(?<![\p{L}])home\s*office\s+(?:\d|un[oa]?|dos|tres|cuatro)\s+días?/iu;
const REMOTE_WITHIN_REGION = /\bcan\s+(?:be|work|live|reside)\s+(?:located\s+|based\s+)?(?:anywhere\s+)?(?:with)?in\b/i;

const ONSITE = [
  /\b(?:based|located|work|working|report|reporting|sit|sitting)\s+(?:in|inside|within|at|from|out\s+of)\s+(?:our|the)\s+[^.;]{0,40}?\b(?:office|HQ|headquarters|hub|campus|studio)s?\b/i,
  // "to join our teams in our office in the heart of Berlin"
  /\bjoin\s+(?:us|our\s+[^.;]{0,30}?)\s+(?:in|at)\s+our\s+(?:[^.;]{0,30}?\s)?office\b/i,
  // "based out of Gurugram office": a named office without an article.
  /\b(?:[Bb]ased|[Ll]ocated|[Ww]ork(?:ing)?|[Rr]eport(?:ing)?)\s+(?:in|at|from|out\s+of)\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+){0,2}\s+(?:office|HQ|headquarters|campus)s?\b/u,
  // "We are hiring for the Mountain View & San Francisco offices"
  /\bhiring\s+(?:for|in|at)\s+(?:our|the)\s+[^.;]{0,40}?\b(?:office|HQ|headquarters|hub|campus|studio)s?\b/i,
  // "presencial: culiacan sin.", "poste en présentiel", "Je bent bereid om op (klant)locatie te werken"
  /(?<![\p{L}])(?:presencial|présentiel|op\s+(?:\(?klant\)?\s*)?locatie|in\s+sede|in\s+presenza)(?![\p{L}])/iu,
  // "Je werkt vier dagen per week op kantoor": work there; not "een goed gevulde koelkast op kantoor" (a perk there).
  /(?<![\p{L}])(?:werk\p{L}*|aanwezig|dag(?:en)?|ben\p{L}*|zijn)(?![\p{L}])[^.;]{0,40}?(?<![\p{L}])op\s+kantoor(?![\p{L}])/iu,
  // "Arbeit vor Ort", "du bist vor Ort beim Kunden tätig": work there; not "Freigetränke vor Ort" (drinks there).
  /(?<![\p{L}])(?:arbeit\p{L}*|tätig\p{L}*|einsatz|präsenz\p{L}*|anwesen\p{L}*|dienst)\s+(?:\p{L}+\s+){0,3}vor\s+Ort(?![\p{L}])|(?<![\p{L}])vor\s+Ort\s+(?:\p{L}+\s+){0,3}(?:tätig|arbeit\p{L}*|im\s+büro|beim\s+kunden|in\s+unserem)(?![\p{L}])/iu,
  /\bthen\s+in\s+our\b[^.;]{0,30}\boffice\b/i,
  // "an on-site, contract position": the job's terms may stand between.
  /\b(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)(?:\s*,?\s*(?:full[- ]time|part[- ]time|permanent|temporary|contract|fixed[- ]term|seasonal))*\s+(?:role|position|job|work|working|presence|basis)\b/i,
  /\b(?:is|be)\s+(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b/i,
  // "This position is full-time and on-site".
  /\b(?:is|be)\s+(?:full[- ]time|part[- ]time|permanent|temporary)\s*(?:,|and|&)\s*(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person)\b/i,
  // "On-site: …", "In-office, Monday to Friday"; not "In-office perks: lunch, snacks" (a benefit of an office, wherever the role is).
  /^\s*(?:on[- ]?site|in[- ]office)\b(?![- ]?(?:perks?|benefits?|lunch(?:es)?|snacks?|meals?|events?|amenities|gym|gatherings?|social|culture)\b)/i,
  // "Cairo, Egypt (On-Site)", as LinkedIn writes a place with its workplace type.
  /\(\s*(?:on[- ]?site|in[- ]office|in[- ]person)\s*\)/i,
  // "works on site Monday to Friday", "based on-site, five days a week", "work onsite at our Denver office"
  /\b(?:works?|working|based|located)\s+(?:on[- ]?site|in[- ]office|in\s+the\s+office)\b/i,
  /\b(?:on[- ]?site|in[- ]office|in\s+the\s+office)\b[^.;]{0,20}\b(?:monday\s+(?:to|through|-|–)\s+friday|five\s+days|5\s+days|full[- ]time)\b/i,
];

const VISITS = /\b(?:some|occasional|periodic|quarterly|monthly|regular|periodically|occasionally)\s+(?:in[- ]person|on[- ]?sites?|office\s+visits|visits\s+to\s+(?:the|our)\s+office|travel\s+to\s+(?:the|our)\s+office)/i;

/**
 * Work that happens at a place, said without a policy word: "must live within a 90-minute
 * response time of Plant Hatch", "nursing care to patients in their homes", "at client sites".
 * Weak, like "based in <city>": it decides only where nothing else is said.
 */
/** Shift work ("a full time first shift position", "night shift"): done where the shifts are. */
const SHIFT_WORK = /\b(?:first|second|third|1st|2nd|3rd|night|graveyard|overnight)\s+shift\b/i;

const AT_A_PLACE = /\b(?:live|reside|be\s+located)\s+within\s+(?:a\s+)?\d+[- ]?(?:minutes?|mins?|miles?|km|kilomet(?:er|re)s?|hours?)\b|\b(?:patients?|clients?|customers?)\s+in\s+their\s+homes?\b|\b(?:between|to)\s+patient\s+visits\b|\bhome\s+visits\b|\b(?:at|on|to)\s+(?:client|customer)(?:'s|s'|s)?\s+(?:sites?|premises|locations?)\b|\b(?:in|at|on)\s+(?:the|our)\s+(?:store|shop|showroom|sales\s+floor|shop\s+floor|warehouse|restaurant|hotel|clinic|hospital|branch|plant|factory|site)\b/i;
/**
 * The same, in words a posting uses for the desk it offers: "einen zentralen Arbeitsplatz in
 * unserem Beratungszentrum", "een fijne werkplek in ons hoofdkantoor in Purmerend", "Basé à
 * Angers" (a line of its own, not "une société basée à Croix"), "report to work for the
 * assigned shift".
 */
/** "to work in the IT & Customer Services team in Ipswich": a team at a named place (capitalised: a town, not "in our mission"). */
const TEAM_IN_PLACE = /\b[Ww]ork(?:ing)?\s+(?:in|with)\s+(?:the|our)\s+[^.;]{0,40}?\bteams?\s+(?:in|at)\s+\p{Lu}\p{Ll}+/u;

const WORKPLACE_AT = /(?<![\p{L}])(?:arbeitsplatz|werkplek|workplace|workspace|desk)\s+(?:[\p{L}-]+\s+){0,6}?(?:in|im|at|à)\s+(?:unserem|unserer|ons|onze|our)(?![\p{L}])|^\W*(?:poste\s+)?bas[ée]e?\s+à\s+\p{Lu}|\breport(?:s|ing)?\s+to\s+work\b/iu;

const BASED_IN = /\b(?:role|position|job|team|you|he|she|they|(?:she|he)\/(?:he|she)|post-?holder|jobholder|incumbent|(?:successful\s+)?(?:candidate|applicant))\s+(?:that\s+|which\s+)?(?:is\s+|are\s+|will\s+be\s+|would\s+be\s+)?(?:primarily\s+|mainly\s+|principally\s+|initially\s+)?(?:based|located)\s+(?:in|out\s+of|at)\s+([^,;.]+)/i;

/** "Stage conventionné basé à Montpellier", "Poste basé à Lyon", "vaga baseada em São Paulo", "puesto ubicado en Madrid". */
const BASED_IN_ROMANCE = /(?<![\p{L}])(?:poste|stage|emploi|mission|cdi|cdd|alternance|vaga|cargo|puesto|empleo)(?![\p{L}])[^.;]{0,30}?(?<![\p{L}])(?:bas[ée]e?s?|baseada?|ubicad[oa]|localizad[oa])\s+(?:à|au|en|em|no|na)\s+([^,;.()]+)/iu;

/**
 * Words of a company's general culture rather than this role's arrangement: "we believe employees
 * are better together and in-person work affords..." (Palantir's closing text, beside a Lever
 * workplace type of Hybrid), "teams may offer hybrid".
 */
const COMPANY_LEVEL =
  /\b(?:we'?re|we\s+are|our\s+(?:company|culture|organi[sz]ation|teams|people|employees|offices))\b|\bcompany\b|\bremote[- ]first\b|\bwe\s+(?:believe|value|think|encourage|embrace|champion)\b|\bculture\b|\bemployees\b|\bteams?\s+(?:may|can|might)\b|\b(?:remote|hybrid|on[- ]?site|in[- ]office)\s+(?:teams|hubs|employees|workers)\b/i;

/**
 * A policy for roles in general, which says nothing of this one: "some roles and locations
 * require 100% onsite presence, while others require less", "Fidelity's Onsite Working Model",
 * "this transition does not apply to fully remote roles", "our fully remote teams". No signal at all.
 */
const GENERAL_POLICY = /\bsome\s+(?:roles|positions|teams|locations)\b|\bwhile\s+others\b|\b(?:remote|hybrid|on[- ]?site|in[- ]office)\s+(?:roles|positions|jobs|teams|hubs)\b|\btransition(?:ing)?\s+to\b|\brollout\b|\b\p{L}+['’]s\s+(?:[\p{L}-]+\s+){0,2}(?:work(?:ing)?|workplace)\s+(?:model|policy|approach)\b/iu;
/**
 * "Hybrid: If this position is listed as hybrid, you will be expected to work from a Booz Allen
 * facility frequently": an employer's definition of each arrangement, appended to every posting;
 * it says what hybrid means there, not that this role is hybrid. No signal at all.
 */
const LISTED_AS = /\bif\s+(?:this|the|a)\s+(?:position|role|job|posting|opportunity)\s+is\s+(?:listed|posted|advertised|designated|marked|identified|labell?ed|categori[sz]ed|classified|shown)\s+as\b/i;
/** "For the majority of employees, PayPal's hybrid model…": most people, so not said of this role, "you" or not. */
const MOST_STAFF = /\b(?:the\s+)?(?:majority|most|many)\s+of\s+(?:our\s+)?(?:employees|staff|roles|positions|people|colleagues|jobs|vacancies|teams)\b|\bmost\s+(?:employees|roles|positions|staff|jobs)\b/i;
/** "we expect all staff to be in one of our offices at least 25% of the time": a rule that covers this role. */
const ALL_STAFF = /\b(?:all|every|each)\s+(?:of\s+our\s+)?(?:staff|employees?|team\s+members|colleagues|roles|hires)\b|\beveryone\s+(?:is|works|comes|must|will)\b/i;
// "the opportunity for more creative outcomes" is not the role; "this opportunity" is.
const ROLE_NAMED = /\b(?:this|the)\s+(?:role|position|job)\b|\bthis\s+opportunity\b/i;
const ROLE_LEVEL = /\b(?:this|the)\s+(?:role|position|job)\b|\bthis\s+opportunity\b|\byou(?:'ll|'d|'re|r)?\b|\blooking\s+for\s+someone\b/i;
/** An arrangement for some candidates only: "If you're based in the Bay Area, you will work from our SF office 2 days/week". */
const CONDITIONAL = /^[\W\d]*(?:if|when|where)\s+(?:you(?:'re|’re|\s+are|\s+live|\s+reside)?|based|living|located)\b|^[\W\d]*(?:for\s+)?(?:those|candidates|employees)\s+(?:who\s+(?:are|live)\s+)?(?:based|living|located)\b/i;
/** An ability asked of the candidate ("Able to work on-site at one of our offices"), not the arrangement. */
const ABILITY = /\b(?:able|ability|willing(?:ness)?|prepared|available)\s+to\s+(?:work|be|commute|travel|come)\b/i;

/** What one clause says about the workplace; `evidence` is the sentence the clause is part of. */
function signalsIn(clause: string, evidence: string): Signal[] {
  if (GENERAL_POLICY.test(clause) && !ROLE_LEVEL.test(clause)) return [];
  if (LISTED_AS.test(clause)) return [];
  if (MOST_STAFF.test(clause) && !ROLE_NAMED.test(clause)) return [];
  // Weak like company culture: it decides only where nothing about the role is said.
  const companyLevel =
    (COMPANY_LEVEL.test(clause) && !ROLE_LEVEL.test(clause) && !ALL_STAFF.test(clause)) || ABILITY.test(clause) || CONDITIONAL.test(clause);
  const out: Signal[] = [];
  const add = (kind: SignalKind) => out.push({ kind, companyLevel, evidence });
  const days = officeDaysIn(clause);
  if (NOT_REMOTE.some((re) => re.test(clause)) || days === 5) add('not-remote');
  const hybridWords = HYBRID.some((re) => re.test(clause)) && !TECH_HYBRID.test(clause);
  if (hybridWords || HYBRID_ES.test(clause) || HYBRID_CJK.test(clause) || (days !== null && days > 0 && days < 5)) add('hybrid');
  if (REMOTE.some((re) => re.test(clause)) || REMOTE_INTL.test(clause) || REMOTE_CJK.test(clause) || (REMOTE_WITHIN_REGION.test(clause) && regionsIn(clause).length > 0)) add('remote');
  if (ONSITE.some((re) => re.test(clause))) add('onsite');
  if (VISITS.test(clause)) add('visits');
  const based = BASED_IN.exec(clause) ?? BASED_IN_ROMANCE.exec(clause);
  if (based && regionsIn(based[1]!).length === 0 && !/\bremote/i.test(based[1]!)) add('based-in-city');
  else if (AT_A_PLACE.test(clause) || WORKPLACE_AT.test(clause) || TEAM_IN_PLACE.test(clause) || SHIFT_WORK.test(clause)) add('based-in-city');
  return out;
}

/** Remote work as an option the role allows ("Remote work is possible", "the option to work from home"), not its arrangement. */
const REMOTE_OPTION = /\bremote\s+work(?:ing)?\s+(?:is\s+)?(?:also\s+)?possible\b|\bpossibilit(?:y|ies)\s+(?:to|of)\s+work(?:ing)?\s+(?:remotely|from\s+home)\b|\boption\s+(?:to|of)\s+work(?:ing)?\s+(?:remotely|from\s+home)\b/i;

/**
 * The text's verdict. Negations win; then an explicit hybrid arrangement; then remote
 * (periodic visits do not undo it); then visits to a place the role is based in (some
 * in-person meetings, otherwise not) read as hybrid; then on-site. A lone "based in
 * <city>" is weak: it says where the team is, not whether one must be there.
 */
function decide(signals: readonly Signal[]): { policy: RemotePolicy; evidence: string; strong: boolean } | null {
  const roleLevel = signals.filter((s) => !s.companyLevel && s.kind !== 'based-in-city');
  const pool = roleLevel.length > 0 ? signals.filter((s) => !s.companyLevel) : signals;
  const first = (kind: SignalKind) => pool.find((s) => s.kind === kind);
  const strong = roleLevel.length > 0;
  const notRemote = first('not-remote');
  if (notRemote) return { policy: 'onsite', evidence: notRemote.evidence, strong };
  const hybrid = first('hybrid');
  if (hybrid) return { policy: 'hybrid', evidence: hybrid.evidence, strong };
  const remote = first('remote');
  // "join our teams in our office in Berlin" and "Remote work is possible after consultation": an
  // office the role works from, with remote work allowed beside it, is both.
  const office = first('onsite');
  if (remote && office && REMOTE_OPTION.test(remote.evidence)) return { policy: 'hybrid', evidence: `${office.evidence} … ${remote.evidence}`, strong };
  if (remote) return { policy: 'remote', evidence: remote.evidence, strong };
  const visits = first('visits');
  if (visits) return { policy: 'hybrid', evidence: visits.evidence, strong };
  const onsite = first('onsite') ?? first('based-in-city');
  if (onsite) return { policy: 'onsite', evidence: onsite.evidence, strong: strong && onsite.kind === 'onsite' };
  return null;
}

/**
 * A clause that says where one may be, even without a policy word: "based in North
 * America", "residents of Canada", "within the EU". Regions named elsewhere ("we
 * collaborate across North America and Europe") are not a requirement.
 */
const PLACE_CONTEXT = /\b(?:based|located|live|living|reside|residents?|within|anywhere)\b/i;

interface TextReading {
  labelled: (Reading & { strong: true }) | null;
  prose: { policy: RemotePolicy; evidence: string; strong: boolean } | null;
  regions: string[];
  timezones: string[];
  officeDaysMin: number | null;
}

/**
 * The value of a "Label: value" line whose label names the place of work; null for any other line.
 * Fields glued on one line ("Số lượng cần tuyển dụng: 02 người - Địa điểm làm việc: Tầng 5, số 93
 * Láng Hạ, Hà Nội", "Vollzeit | Arbeitsort: Köln") are read one by one.
 */
function placeOfWorkValue(line: string): string | null {
  for (const part of line.split(/\s[-–|•·]\s/)) {
    const m = /^([^:：]{2,30})\s*[:：]\s*(\S.{0,120})$/u.exec(part.trim());
    if (m && PLACE_OF_WORK_LABEL.test(m[1]!.trim())) return m[2]!;
  }
  return null;
}

function readText(text: string, location: string | null): TextReading {
  const regions: string[] = [];
  const timezones: string[] = [];
  let officeDaysMin: number | null = null;
  const addRegions = (clause: string) => {
    for (const r of regionsIn(clause)) if (!regions.includes(r.name)) regions.push(r.name);
    if (WORLDWIDE.test(clause) && !regions.includes('worldwide')) regions.push('worldwide');
    const commute = COMMUTE.exec(clause);
    if (commute && !regions.includes(`${commute[1]} metro`)) regions.push(`${commute[1]} metro`);
  };

  let labelled: TextReading['labelled'] = null;
  if (location) {
    const policy = policyWord(location, true);
    if (policy) {
      labelled = { policy, evidence: `location: ${location}`, source: 'board', strong: true };
      addRegions(location);
    }
  }

  const signals: Signal[] = [];
  let tag: Reading | null = null;
  let pendingLabel: string | null = null;
  for (const rawLine of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    // A list item's marker is not part of what it says ("* Remote/ibrido, flessibilità").
    // So is an emoji before a label ("📍 Remote: Yes").
    const line = rawLine
      .trim()
      .replace(/^(?:[-*+–]\s+|[•·▪‣◦]\s*)+/u, '')
      .replace(/^[\p{Extended_Pictographic}\u{FE0F}\u{200D}\s]+(?=\p{L})/u, '')
      // "**Work Type**: On-site", "**Work Type:** On-site": Markdown's bold around a label.
      .replace(/^(\*\*|__)([^*_:]{1,40})\1\s*:/u, '$2:')
      .replace(/^(\*\*|__)([^*_:]{1,40}:)\1/u, '$2');
    if (!line) continue;
    const label = pendingLabel;
    pendingLabel = LABEL_ALONE.test(line) ? line.replace(/\s*:$/, '') : null;
    if (pendingLabel) continue;
    if (!labelled && label && line.split(/\s+/).length <= 8) {
      const policy = answerPolicy(label, line) ?? policyWord(line, true);
      if (policy) {
        labelled = { policy, evidence: `${label}: ${line}`, source: 'prose', strong: true };
        addRegions(line);
        continue;
      }
    }
    // "工作地点：广州，成都，南京", "근무 시간 및 장소" then "… 서울 금천구 디지털로9길 23": where the work is.
    const placeOfWork = label && PLACE_OF_WORK_LABEL.test(label.trim()) ? line : placeOfWorkValue(line);
    if (placeOfWork && /\p{L}/u.test(placeOfWork) && !policyWord(placeOfWork, true)) signals.push({ kind: 'based-in-city', companyLevel: false, evidence: label ? `${label}: ${line}` : line });
    // "Remote" alone on its line, then the text ("We are looking for…"): not a label awaiting
    // its answer but the workplace itself, as a posting's header states it.
    if (!labelled && label && /^(?:fully\s+|100%\s+)?(?:remote|hybrid|on[- ]?site)$/i.test(label.trim())) {
      const policy = policyWord(label, true);
      if (policy) labelled = { policy, evidence: label, source: 'prose', strong: true };
    }
    // A labelled line is read as a field; its words are not read again as prose.
    let field = false;
    // A header of parts ("Acme | Engineer | Remote (Europe) | Full-time | €75k") may be long.
    const words = line.split(/\s+/).length;
    // A label's value may be a sentence ("Ability to Work Remotely: Onsite Full-time: The work … is performed onsite").
    if (!labelled && (words <= 12 || (words <= 40 && line.split(/\s[|•·]\s/).length >= 3) || (words <= 60 && LABEL_LINE.test(line)))) {
      const policy = readLabelledLine(line);
      if (policy) {
        labelled = { policy, evidence: line, source: 'prose', strong: true };
        addRegions(line);
        field = true;
      }
    }
    const tagMatch = TAG.exec(line);
    if (tagMatch && !tag) {
      const policy = policyWord(tagMatch[1]!);
      if (policy) tag = { policy, evidence: tagMatch[0], source: 'prose' };
    }
    // A form's answer inside flattened text ("Schedule Full Time Located Remotely? N Position
    // Type"): the question mark would end the sentence before its answer.
    const answered = FORM_ANSWER.exec(line);
    if (answered && !field) signals.push({ kind: answered[1]!.toLowerCase().startsWith('n') ? 'not-remote' : 'remote', companyLevel: false, evidence: answered[0] });
    for (const sentence of splitSentences(line)) {
      for (const tz of timezonesIn(sentence)) if (!timezones.includes(tz)) timezones.push(tz);
      const days = officeDaysIn(sentence);
      if (days !== null && (officeDaysMin === null || days < officeDaysMin)) officeDaysMin = days;
      for (const clause of sentence.split(/;\s*/)) {
        const found = field ? [] : signalsIn(clause, sentence);
        signals.push(...found);
        if (found.length > 0 || PLACE_CONTEXT.test(clause)) addRegions(clause);
      }
    }
  }
  const prose = decide(signals);
  return {
    labelled: labelled ?? (tag ? { ...tag, strong: true } : null),
    prose,
    regions,
    timezones,
    officeDaysMin,
  };
}

// ---------------------------------------------------------------------------------------

export interface RemoteInput {
  /** The board's and JSON-LD's workplace fields, most trusted first. */
  structured: FieldValue[];
  location: string | null;
  /** A street address where the work is (JSON-LD `streetAddress`), when a field states one. */
  address?: string | null;
  text: string;
  /** The job's title: some work is done only where it is ("Registered Nurse", "Store Sales Associate"). */
  title?: string | null;
}

const UNSPECIFIED: Remote = {
  policy: 'unspecified',
  regions: [],
  timezones: [],
  officeDaysMin: null,
  evidence: null,
  source: null,
  conflict: null,
};

/**
 * The remote policy of a posting, with the regions and time zones it allows and the
 * office days it asks for. When a structured field and the role's own words disagree
 * (a Lever "remote" job whose text says it is based in New York with some in-person
 * meetings), the words win and the disagreement is kept in `conflict`.
 */
export function parseRemote(input: RemoteInput): Remote {
  const structuredFields = Array.isArray(input?.structured) ? input.structured : [];
  const location = typeof input?.location === 'string' && input.location.trim() ? decodeEntities(input.location.trim()) : null;
  const text = typeof input?.text === 'string' ? decodeEntities(input.text) : '';

  const reading = readText(text, location);
  // A labelled line ("Work model: Remote", "Spotify · New York · Remote") is the page's own
  // field, not the role's words: like a board's field, a sentence about the role outranks it.
  const labelledAsField =
    reading.labelled && reading.prose?.strong && reading.prose.policy !== reading.labelled.policy
      ? { policy: reading.labelled.policy, evidence: reading.labelled.evidence, source: reading.labelled.source }
      : null;
  const structured = readStructured(structuredFields) ?? labelledAsField;
  const fromText = labelledAsField
    ? { ...reading.prose!, source: 'prose' as const }
    : (reading.labelled ?? (reading.prose ? { ...reading.prose, source: 'prose' as const } : null));

  const base = { regions: reading.regions, timezones: reading.timezones, officeDaysMin: reading.officeDaysMin };
  if (structured) {
    // "We expect all staff to be in one of our offices at least 25% of the time" beside a board field of
    // Remote: the rule for staff near an office, of which this remote role is the exception the board names.
    const staffRuleOverRemote = structured.policy === 'remote' && fromText !== null && ALL_STAFF.test(fromText.evidence ?? '') && !ROLE_NAMED.test(fromText.evidence ?? '');
    if (fromText && fromText.strong && fromText.policy !== structured.policy && !staffRuleOverRemote) {
      const conflict: RemoteConflict = {
        structured: structured.policy,
        structuredEvidence: structured.evidence,
        text: fromText.policy,
        textEvidence: fromText.evidence,
      };
      return { ...base, policy: fromText.policy, evidence: fromText.evidence, source: fromText.source, conflict };
    }
    return { ...base, policy: structured.policy, evidence: structured.evidence, source: structured.source, conflict: null };
  }
  if (fromText) return { ...base, policy: fromText.policy, evidence: fromText.evidence, source: fromText.source, conflict: null };
  // Nothing says: a street address or work done in person still says where (inferred-onsite.ts).
  const inferred = inferredOnsite(typeof input?.title === 'string' ? input.title : '', location, input?.address ?? null);
  if (inferred) return { ...UNSPECIFIED, ...base, policy: 'onsite', evidence: inferred, source: 'prose' };
  return { ...UNSPECIFIED, ...base };
}
