/*
 * Where a posting says nothing of remote work, two things still say the work is on site: a
 * street address as its location (or its JSON-LD address), and a title naming work done where it is (a nurse, a
 * driver, a store). Read only when no structured field and no sentence decides (remote.ts);
 * the evidence says it was inferred.
 */

/**
 * "4715 S Lamar Blvd", "42 El Hegaz Street", "Worship Square, 65 Clifton Street", "Blvd. Luis Donaldo
 * Colosio No. 703": a number and a street.
 */
const STREET_ADDRESS = /(?<![\p{L}\d])\d{1,5}[a-z]?\s+(?:[\p{L}.'-]+\s+){0,4}(?:st|street|ave|avenue|blvd|boulevard|road|rd|lane|ln|drive|dr|way|court|ct|place|pl|parkway|pkwy|highway|hwy|quay|terrace|crescent|square|sq|wharf|parade|esplanade|circle|plaza|row|walk)\.?(?![\p{L}])|(?<![\p{L}])(?:[\p{L}-]+(?:straße|strasse|str\.|weg|platz|gasse))\s+\d{1,4}(?![\d])|(?<![\p{L}\d])\d{1,4},?\s+(?:rue|avenue|av\.|boulevard|bd)\s+\p{L}|(?<![\p{L}])(?:calle|avenida|av\.|blvd\.?|bulevar|calzada|carrera|paseo|via|viale|rua)\s+[\p{L} .'-]{2,40}?,?\s*(?:(?:no|n[úu]m|n[º°])\.?\s*)?\d{1,4}(?!\d)/iu;

/** "Linux Driver Developer", "Store Data Engineer": software work that only borrows a word of in-person work. */
const SOFTWARE_WORK = /\b(?:software|developer|programmer|kernel|firmware|cloud|web|data|devops|sre|front[- ]?end|back[- ]?end|full[- ]?stack|machine learning|ml|ai)\b/i;

/**
 * Work that is done where it is: care of patients, a store's floor, a vehicle, a plant, a lab,
 * a library's desk, an archive's stacks. A posting for it that says nothing of remote work is on site; a careful
 * reader does not call a nurse's job "unspecified". Only the title is read, not the duties.
 */
const IN_PERSON_WORK =
  /(?<![\p{L}])(?:nurse|nursing|RN|LPN|CNA|sonographer|ultrasound|radiograph\p{L}*|phlebotomist|paramedic|EMT|midwife|caregiver|care\s+(?:worker|assistant|aide)|home\s+health|(?:medical|dental|pharmacy)\s+(?:assistant|aide|technician)|dentist|hygienist|pharmacist|physician|surgeon|(?:fach)?(?:arzt|ärztin)|médecin|medico|médico|therapist|veterinar\p{L}*|driver|truck|forklift|warehouse|(?:order\s+)?fulfil{1,2}ment|picker|packer|loader|courier|cashier|store|shop|retail|sales\s+(?:associate|advisor|assistant|floor)|barista|bartender|(?:restaurant|banquet|food)\s+server|waiter|waitress|chef|cook|kitchen|restaurant|hotel|archivist|archives|dishwasher|housekeep\p{L}*|cleaner|janitor|custodian|security\s+(?:guard|officer)|receptionist|front\s+desk|info(?:rmation)?\s+desk|concierge|mechanic|technician|field\s+(?:tech|service|engineer)|electrician|plumber|welder|carpenter|cabinet\s*maker|woodworker|joiner|millwright|upholsterer|glazier|bricklayer|roofer|machinist|assembler|installer|maintenance|laborer|labourer|construction|plant|factory|production\s+(?:worker|operative|operator|associate)|hauswirtschaft\p{L}*|laborator\p{L}*|lab\s+(?:tech\p{L}*|assistant)|chemist|flavou?rist|librar\p{L}*|biblioth\p{L}*|teacher|instructor(?![-\s]led)|educator|pädagog\p{L}*|praxisanleit\p{L}*|kindergarten|museum|stock\s+(?:assistant|associate|clerk|handler)|childcare|nanny|animat(?:eur|rice|or)|lifeguard|pilot|flight\s+attendant|bakım\p{L}*|pflege\p{L}*|reinigung\p{L}*|raumpfleg\p{L}*|hauswart\p{L}*|hausmeister\p{L}*|technische[rn]?\s+dienst|elektriker\p{L}*|erzieher\p{L}*|infirmi\p{L}*|verpleeg\p{L}*|\p{L}*sjåfør|\p{L}*chauff(?:ø|ö)r|butikk\p{L}*|butiks\p{L}*|mekaniker|sykepleier|sjuksköterska|sygeplejerske|fastlege|allmennlege|läkare|lærer|lärare|kokk|kock)(?:s|es)?(?![\p{L}])/iu;

/** Why the work is on site although no sentence says so, or null. */
export function inferredOnsite(title: string, location: string | null, address: string | null = null): string | null {
  // "Location: 4715 S Lamar Blvd": a street address is where the work is done.
  if (location && STREET_ADDRESS.test(location)) return `location: ${location} (a street address; no remote work is stated)`;
  // JSON-LD's jobLocation.streetAddress, a field apart from the location shown.
  if (address && STREET_ADDRESS.test(address)) return `address: ${address} (a street address; no remote work is stated)`;
  // A teacher of software still teaches in a room: the subject does not make teaching remote.
  const teaching = /(?<![\p{L}])(?:teacher|instructor|educator|trainer|lecturer)s?(?![\p{L}]|[-\s]led)/iu.test(title);
  if (IN_PERSON_WORK.test(title) && !/\bremote|\bhybrid|\btelecommut|\bvirtual|\bonline/i.test(title) && (teaching || !SOFTWARE_WORK.test(title))) {
    return `${title} (work done in person; no remote work is stated)`;
  }
  return null;
}
