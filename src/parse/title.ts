import { classifyHeading, isOtherHeading } from './requirements.ts';
import { BULLET, normalizeSpace, splitSentences } from './text.ts';

/*
 * The job title of posting text pasted or copied as text. The first line is often not it:
 * a copied page starts with the site's navigation ("bluedoor data·Job Postings API"), a
 * breadcrumb ("Home › Companies › Spotify › <title>"), or the posting's first paragraph
 * ("We're looking for a Machine Learning Engineer to join..."). A title is a short line with
 * no sentence punctuation that names a role, and a copied page usually shows it more than once.
 */

/** Words that name a role; a title nearly always has one. */
const ROLE =
  /\b(?:engineer|developer|programmer|architect|designer|scientist|researcher|analyst|manager|director|head|lead|vp|vice president|president|officer|chief|cto|ceo|cfo|coo|specialist|consultant|advisor|adviser|associate|assistant|coordinator|administrator|admin|representative|rep|executive|agent|technician|technologist|nurse|physician|doctor|therapist|pharmacist|teacher|tutor|instructor|lecturer|professor|accountant|auditor|bookkeeper|controller|clerk|cashier|driver|operator|mechanic|electrician|plumber|welder|carpenter|writer|editor|copywriter|marketer|recruiter|sourcer|partner|strategist|owner|intern|internship|apprentice|trainee|fellow|graduate|member|staff|worker|attendant|supervisor|foreman|handler|picker|packer|chef|cook|barista|server|host|receptionist|secretary|paralegal|lawyer|attorney|counsel|solicitor|planner|buyer|merchandiser|producer|animator|artist|photographer|sre|swe|sde|devops|qa|tester|steward|caregiver|aide|counselor|counsellor|librarian|investigator|inspector|surveyor|estimator|underwriter|actuary|economist|statistician|mathematician|biologist|chemist|physicist|geologist|educator|sonographer|midwife|paramedic|dentist|hygienist|nanny|guard|cleaner|janitor|custodian|housekeeper|laborer|labourer|installer|dispatcher|scheduler|navigator|advocate|organi[sz]er|fundraiser|facilitator|trainer|coach|mentor|librarian|bibliothécaire|animat(?:eur|rice)|ingénieur|développeu(?:r|se)|entwickler(?:in)?|ingenieur(?:in)?|sozialarbeiter(?:\*?in)?|fachkraft|mitarbeiter(?:\*?in)?|berater(?:\*?in)?|archivist|curator|conservator|registrar|hauswirtschafter(?:\*?in)?|erzieher(?:\*?in)?|pflegefachkraft|leitung|desenvolvedor(?:a)?|programador(?:a)?|analista|t[ée]cnic[oa]|engenheir[oa]|ingenier[oa]|gerente|coordenador(?:a)?|coordinador(?:a)?|assistente|asistente|estagi[áa]ri[oa]|dise[ñn]ador(?:a)?)s?\b/i;

/** Separators of a breadcrumb trail: the title is its last step. */
const BREADCRUMB = /\s*(?:›|»|\s>\s|\s\/\s|→)\s*/;
/** Lines of a site's chrome: middle dots, pipes, arrows out, web addresses. */
const CHROME = /[·|↗]|https?:\/\/|\bwww\.|\.(?:com|io|co|sh|org|net|ai)\b/i;
/** "We're looking for a <Title> to join ...". */
const LOOKING_FOR = /\b(?:looking for|seeking|seeks|hiring|join\s+(?:our|the)\s+(?:[\p{L}-]+\s+){0,2}?team\s+as|join\s+us\s+as)\s+(?:an?\s+|our\s+(?:next\s+|first\s+)?)?(?:(?:[\p{Ll}-]+,?\s+(?:and\s+)?){1,3}(?=[\p{Lu}]))?((?:(?:Sr|Jr)\.\s+|[\p{Lu}\d][\p{L}\d&/+'’-]*(?:,)?\s+){0,7}?(?!(?:Sr|Jr)\.\s)[\p{Lu}][\p{L}\d&/+'’-]*)(?:\s+(?:to|who|with|for|in|on|that|at|based)\b|[.!,;](?=\s|$)|$)/u;
/**
 * "zijn we op zoek naar een BI Analist/ Data Engineer.", "suchen wir ab sofort eine Pflegefachkraft (m/w/d)",
 * "nous recherchons un·e Chargé·e de projets": the role an advert in Dutch, German or French is for.
 */
const LOOKING_FOR_INTL = /(?<![\p{L}])(?:op zoek naar|suchen wir|wir suchen|recherchons|recherche)\s+(?:(?:ab sofort|zum nächsten möglichen zeitpunkt|per direct|dringend)\s+)?(?:een|eine?n?|un(?:[·.]?e)?|une)\s+((?:[\p{Lu}][\p{L}\d&/+'’·-]*\s*){1,6}?(?:\([mwfdx/]+\))?)(?=[.,;!]|\s+(?:m\/w|voor|für|pour|in|im|à|bij|met|mit|with)\b|$)/u;

/** Headings every copied posting has, which are never its title. */
const SECTION_WORDS = /^(?:jobs|stellen|karriere|empleos|vacatures|job description|description|about the (?:job|role|company|team|position)|about us|job details|job facts|overview|summary|the role|position summary|full job description|responsibilities|benefits|apply|apply now|show more|show less|save|share|offene stellen|stellenangebote|open positions|current openings|job openings|careers|vacatures|offres d'emploi|job summary|role summary|job overview|job details|company overview|company description|position description|position overview|role description|role overview|job posting|job ad|descripción del puesto|descripción de la oferta|descripción del empleo|descrição da vaga|descrição do cargo|description du poste|description de l'offre|stellenbeschreibung|beschreibung|descrizione(?: del(?:la)? (?:posizione|ruolo|lavoro))?|functieomschrijving|vacatureomschrijving)$/i;

/** A line that reads as a sentence, not a name: "We are looking for an AI Software Developer". */
const SENTENCE_START = /^(?:we|we're|we’re|you|you'll|you’ll|your|our|if|as|join|at|this|it|in|to)\b/i;
/** Where the posting's lists begin: a title comes before them. */
const LISTS_BEGIN = /^(?:(?:key\s+)?responsibilities|duties|what you(?:'ll|’ll| will)? do|what you will be doing|your role|how you will make an impact|(?:(?:minimum|basic|preferred|required|key)\s+)?(?:requirements|qualifications))\b/i;

/** "As a GenAI Forward Deployed Engineer (FDE) at Google Cloud, you will …": the role, named in a sentence of the text. */
const SUBJECT_AT = /\b[Aa]s\s+(?:an?|the|our)\s+((?:[\p{Lu}\d][\p{L}\d&/+'’-]*\s+){0,7}?[\p{Lu}][\p{L}\d&/+'’-]*(?:\s+\([\p{Lu}\d&]{2,8}\))?)\s+(?:at|with|on|in|for|within)\s+[\p{Lu}]/u;

/** Role words of Japanese, Korean and Chinese titles, which have no word boundaries. */
const ROLE_CJK = /エンジニア|デザイナー|マネージャー|マネジャー|ディレクター|コンサルタント|アナリスト|プログラマー|スペシャリスト|リーダー|営業|事務|看護師|개발자|엔지니어|디자이너|매니저|마케터|비서|담당자|工程师|经理|设计师|开发|专员|主管/u;

/** A line that is only a company's name: "リンカーズ株式会社", "Acme Inc.", "(주)리캐치". */
const COMPANY_NAME = /^(?:株式会社|有限会社|주식회사|\(주\))\s*\S.{0,40}$|^\S.{0,40}?\s*(?:株式会社|有限会社|주식회사|\bInc\.?|\bLtd\.?|\bLLC|\bGmbH|\bCorp(?:oration)?\.?|\bPty\.?\s*Ltd\.?|\bB\.V\.|\bS\.A\.|\bAG|\bOy)$/u;

/** "Reports to: Chief Financial Officer", "Department: Finance": a field of the posting, not its title. */
const FIELD_LINE = /^(?!(?:now\s+)?hiring\b|we(?:'re|’re|\s+are)\s+hiring\b)([\p{L}][\p{L} /&'’-]{1,30}):\s+\S/iu;

/** "Job Title: X", "Position: X", "title: X" (a page's front matter): the title, said outright. */
const TITLE_LABEL = /^(?:[-*•]\s+)?(?:(?:(?:job|position|role|vacancy|posting)\s+)?(?:title|position|role|vacancy)|intitulé\s+(?:de\s+l['’]offre|du\s+poste)|stellenbezeichnung|jobtitel|functietitel|título\s+del\s+puesto|cargo|puesto)\s*:\s*(.+)$/i;

/** "The Kroger Senior Sales Insights Manager will be responsible for...": the title as the subject. */
const SUBJECT = /(?:^|[,.!?]\s+)(?:[Tt]he|[Oo]ur|[Aa]s\s+(?:an?|the|our))\s+((?:[\p{Lu}\d][\p{L}\d&/+'’-]*\s+){0,7}?[\p{Lu}][\p{L}\d&/+'’-]*),?\s+(?:will|is\s+responsible|you\s+will|you(?:'|’)ll|plays?|leads?|works?)(?![\p{L}])/u;
/** German-speaking postings mark a title with the genders it is open to: "Intern Data & GenAI (m/f/d)". */
const GENDER_MARK = /([^:.!?]{3,90}?\(\s*[mwfdx]\s*\/\s*[mwfdx]\s*\/\s*[mwfdx]\s*\))/i;

/** A line as written in Markdown or rich text, reduced to its words: "# [Title](url)", "**Title**", "### ●Title". */
function plainLine(line: string): string {
  return normalizeSpace(
    line
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/^#{1,6}\s*/, '')
      .replace(/^[●•▪■◦]\s*/, '')
      .replace(/(\*\*|__)(.*?)\1/g, '$2')
      .replace(/`([^`]*)`/g, '$1'),
  );
}

/** The role noun ends the title's first part: "Senior Engineer, Payments", not "Join our Development Program". */
function roleIsHead(title: string): boolean {
  const head = title.split(/\s*(?:,|\s[-–—|]\s|\()\s*/)[0]!.trim();
  const last = head.split(/\s+/).pop() ?? '';
  return ROLE.test(last);
}

/** Whether a title names a role ("Node.js / JavaScript Developer", "Senior Engineer, Payments"), its role noun at the head. */
export function namesRole(title: string): boolean {
  return roleIsHead(title) || ROLE_CJK.test(title);
}

const MAX_LINES = 15;
/** How far into the text "looking for a <Title>" is looked for. */
const MAX_SENTENCE_LINES = 8;

export interface TextTitle {
  title: string;
  /** No line looked like a title: a short line further on, or a paragraph's first sentence, stands in. */
  guessed?: boolean;
  /** The index (among all lines) of the line the title is, or null when it was read from inside a sentence. */
  line: number | null;
}

function plausible(candidate: string): boolean {
  if (!candidate || candidate.length > 100 || !/\p{L}/u.test(candidate)) return false;
  if (candidate.split(/\s+/).length > 14) return false;
  if (/[.!?:;]$/.test(candidate) && !/\b(?:sr|jr|ii|iii)\.$/i.test(candidate)) return false;
  if (CHROME.test(candidate) || BULLET.test(candidate)) return false;
  // A page's address slug ("nursing-educator-remote") or a lone fact ("Remote", "Full-time") names no role.
  if (/^[a-z0-9]+(?:-[a-z0-9]+)+$/.test(candidate) || /^(?:remote|hybrid|on-?site|full[- ]time|part[- ]time|contract|temporary|permanent)$/i.test(candidate)) return false;
  if (SECTION_WORDS.test(candidate) || classifyHeading(candidate) !== null || FACT_LINE.test(candidate)) return false;
  if (COMPANY_NAME.test(candidate) && !isRole(candidate)) return false;
  const field = FIELD_LINE.exec(candidate);
  if (field && !isRole(field[1]!)) return false;
  return true;
}

function isRole(text: string): boolean {
  return ROLE.test(text) || ROLE_CJK.test(text);
}

/** "Public Experience: Contact Center Analyst" (a team, then the role): the role, where only it names one. */
export function withoutTeamPrefix(title: string): string {
  const m = /^([^:]{2,40}):\s+(.{3,})$/u.exec(title);
  if (!m || ROLE.test(m[1]!) || !roleIsHead(m[2]!)) return title;
  return m[2]!.trim();
}

/**
 * "Frontend Developer bij de Nederlandse Transplantatie Stichting", "Head of Growth at Acme":
 * the job's title is the part before the employer's name.
 */
export function withoutEmployer(title: string): string {
  // "Full Stack Developer PHP na Round Pegs": Portuguese says at with "na"/"no".
  const m = /^(.{3,80}?)\s+(?:at|@|bij|chez|bei|na|no)\s+(?:de\s+|het\s+|der\s+|die\s+|the\s+)?\p{Lu}/u.exec(title);
  // "IT support analyst, based at Ipswich County Library": where the job is, part of the title.
  if (m && /\b(?:based|located|working|work)$/i.test(m[1]!.trim())) return title;
  return m && ROLE.test(m[1]!) ? m[1]!.trim() : title;
}

/** Words that name an organisation, not a job: "New-York Historical Society", "Great Neck Library". */
const ORGANISATION = /\b(?:library|museum|society|inc|ltd|llc|gmbh|plc|university|college|hospital|foundation|council|association|institute|school|trust|stiftung|gardens?|zoo|department|agency|authority|ministry)\b\.?/i;

/** Longer than any title: a front matter's title field or a page's first line that is not one. */
const MAX_SITE_NAME_TITLE = 1_000;

/**
 * "Hauswirtschafter*in (m/w/d) | HermesHof", "Project Archivist - New-York Historical Society": a
 * title that carries the site's or the employer's name after a bar, or after a dash when that part
 * names an organisation, is the part before it.
 */
export function withoutSiteName(title: string): string {
  // A run of spaces is read again from each of its spaces by `\s+\|` and `\s+[-–—]`: time growing with
  // the square of a long title's length. No title is this long (a page's first line can be), so none is cut.
  if (title.length > MAX_SITE_NAME_TITLE) return title;
  const bar = /^(.{3,}?)\s+\|\s+([^|]{2,60})$/.exec(title);
  if (bar && ROLE.test(bar[1]!) && !ROLE.test(bar[2]!)) return bar[1]!.trim();
  // "Sovellusarkkitehti, Esko Systems Oy": a company by its legal form after a comma.
  const comma = /^(.{3,}?),\s+([^,]{2,60}?\s(?:Oy|Oyj|AB|AS|ASA|A\/S|SA|S\.A\.|SAS|BV|B\.V\.|NV|GmbH|AG|Ltd\.?|Limited|LLC|Inc\.?|plc|S\.L\.|sp\. z o\.o\.|S\.p\.A\.|Srl))$/.exec(title);
  if (comma) return comma[1]!.trim();
  // `(?=.{2,60}$)` first: only a dash near the end is checked for a later one, so a title of
  // thousands of dashes is read in one pass, not one pass per dash.
  const dash = /^(.{3,}?)\s+[-–—]\s+(?=.{2,60}$)(?!.*\s[-–—]\s)(.{2,60})$/.exec(title);
  if (dash && ROLE.test(dash[1]!) && !ROLE.test(dash[2]!) && ORGANISATION.test(dash[2]!)) return dash[1]!.trim();
  return title;
}

/**
 * An announcement of a post rather than its title: "Long-term position in Ragland, New Zealand",
 * "Postdoc position in Oceanography (Edinburgh, UK)"; the advert names the role itself below.
 */
const ANNOUNCEMENT = /^(?:[\p{L}-]+\s+){0,2}(?:position|positions|opening|openings|vacancy|vacancies)\s+(?:in|at)\s+\p{L}/iu;

/** "Salary: £33,309-£36,383 …", "Job Ref. 1999", "Closing date: April 26": a fact about the job, not its title. */
const FACT_LINE = /^(?:url|salary|pay|compensation|wage|location|job\s*ref\b|reference|closing\s+date|deadline|start\s+date|hours|contract|job\s+type|employment\s+type)\b/i;

/** A page's name rather than a posting's ("Offene Stellen", "Job Description", "Careers"), or an announcement of it. */
export function isGenericTitle(title: string): boolean {
  // Not `.replace(/\s*:$/, '')`: tried at every space of a long run, that reads the run again from each.
  const trimmed = title.trim();
  const t = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  // "About Scale", "About the company": a section's name.
  return SECTION_WORDS.test(t) || ANNOUNCEMENT.test(t) || /^about\s+\S/i.test(t);
}

/** The posting's title in text, and which line it is; the first non-empty line when nothing better is found. */
export function titleFromText(text: string): TextTitle {
  const lines = typeof text === 'string' ? text.split(/\r\n|[\n\r\u2028\u2029]/) : [];
  const whole = normalizeSpace(lines.join(' '));
  let best: { title: string; line: number | null; score: number } | null = null;
  let seen = 0;
  for (let i = 0; i < lines.length && seen < MAX_LINES; i++) {
    // "* Junior Software Developer" as the text's first line: a Markdown bullet before the title
    // (further down, a bulleted line is an item of a list, not a title).
    const line = seen === 0 ? plainLine(lines[i]!).replace(/^[*-]\s+(?=\S)/, '') : plainLine(lines[i]!);
    if (!line) continue;
    // A list's heading ends the search for a title, unless nothing has come before it ("# Responsibilities"
    // opening the text): then the title is in the lines after it ("We are seeking a … Verification Engineer").
    if (LISTS_BEGIN.test(line)) {
      if (best !== null || seen > 1) break;
      continue;
    }
    const position = seen++;
    const candidates: Array<{ title: string; line: number | null; bonus: number }> = SENTENCE_START.test(line) ? [] : [{ title: line, line: i, bonus: 0 }];
    const labelled = TITLE_LABEL.exec(line);
    if (labelled) candidates.push({ title: labelled[1]!.replace(/^["'“‘]\s*|\s*["'”’]$/g, '').trim(), line: i, bonus: 4 });
    // "Acme | Senior Engineer | Berlin | REMOTE": a header of parts (Hacker News, aggregators); the role is one part.
    const parts = line.split(/\s+\|\s+/);
    if (parts.length >= 2) for (const part of parts) if (ROLE.test(part)) candidates.push({ title: part.trim(), line: i, bonus: 0 });
    const steps = line.split(BREADCRUMB).filter(Boolean);
    if (steps.length >= 3) candidates.push({ title: steps[steps.length - 1]!, line: i, bonus: 0 });
    if (position < MAX_SENTENCE_LINES) {
      for (const re of [LOOKING_FOR, LOOKING_FOR_INTL, SUBJECT]) {
        const wanted = re.exec(line);
        if (wanted) candidates.push({ title: wanted[1]!.replace(/,$/, ''), line: null, bonus: -1 });
      }
      const gendered = GENDER_MARK.exec(line);
      // "En tant qu'Analytics Engineer (f/m/d), tu …", "Als Entwickler (m/w/d) …": the role after "as".
      const role = gendered?.[1]!.trim().replace(/^(?:en\s+tant\s+qu(?:e\s+|['’])|als\s+|as\s+(?:an?\s+)?|como\s+)/i, '');
      if (gendered && role) candidates.push({ title: role, line: role === line ? i : null, bonus: 2 });
    }
    for (const c of candidates) {
      if (!plausible(c.title)) continue;
      let score = c.bonus - position * 0.2;
      if (ROLE.test(c.title)) score += roleIsHead(c.title) ? 4 : 3;
      else if (ROLE_CJK.test(c.title)) score += 3;
      // A copied page shows its title more than once (breadcrumb, heading, facts table).
      if (whole.indexOf(c.title) !== whole.lastIndexOf(c.title)) score += 2;
      if (!best || score > best.score) best = { title: c.title, line: c.line, score };
    }
  }
  if (best && best.score > 0) return { title: best.title, line: best.line };
  // A page's name ("Job Description", "Offene Stellen") is not the title when a line follows it.
  const nonEmpty = lines.flatMap((l, i) => (l.trim() !== '' ? [i] : []));
  // Nor is an address's slug ("ien-outpatient-immunization-clinic-rn-corona-ca") or a field ("Company: LSEG").
  const isField = (line: string) => {
    const field = FIELD_LINE.exec(line);
    return field !== null && !isRole(field[1]!);
  };
  const usable = (i: number) => {
    const line = plainLine(lines[i]!);
    return !isGenericTitle(line) && !FACT_LINE.test(line) && !/^[a-z0-9]+(?:-[a-z0-9]+){2,}$/.test(line) && !isField(line);
  };
  let first = nonEmpty.find(usable) ?? nonEmpty[0] ?? -1;
  // A paragraph is no title: where the first usable line is one, a short line further on is a better
  // guess ("Our Approach" over "At Scale AI, our mission is …"), and a page's name better than none.
  let paragraphTitle: string | null = null;
  let guessed = false;
  if (first >= 0 && plainLine(lines[first]!).length > 150) {
    guessed = true;
    const short = nonEmpty.find((i) => {
      const line = plainLine(lines[i]!);
      return usable(i) && line.length <= 100 && (roleIsHead(line) || ROLE_CJK.test(line)) && !/[<>]|[.!?]$|[$€£¥₹]\s?\d/.test(line) && classifyHeading(line) === null && !isOtherHeading(line);
    });
    if (short !== undefined) first = short;
    else {
      // Else the paragraph's first sentence, which names the job if anything does.
      const sentence = splitSentences(plainLine(lines[first]!))[0]?.trim();
      if (sentence && sentence.length <= 160) paragraphTitle = sentence;
    }
  }
  if (paragraphTitle !== null) return { title: paragraphTitle, line: null, guessed };
  // Text that opens with a list's heading ("Minimum qualifications:") has no title line; a sentence
  // further on may name the role ("As a GenAI Forward Deployed Engineer (FDE) at Google Cloud, you will").
  const opening = nonEmpty.length > 0 ? plainLine(lines[nonEmpty[0]!]!) : '';
  // So may text that opens with a part's name ("Descripción del puesto", "About the job").
  if (first >= 0 && (LISTS_BEGIN.test(opening) || classifyHeading(opening.replace(/:$/, '')) !== null || isField(opening) || isGenericTitle(opening))) {
    for (const raw of lines) {
      const line = plainLine(raw);
      for (const re of [SUBJECT_AT, SUBJECT, LOOKING_FOR]) {
        const wanted = re.exec(line)?.[1]?.replace(/,$/, '');
        if (wanted && plausible(wanted) && ROLE.test(wanted)) return { title: wanted, line: null };
      }
    }
  }
  return first >= 0 ? { title: plainLine(lines[first]!), line: first, ...(guessed ? { guessed } : {}) } : { title: '', line: null };
}
