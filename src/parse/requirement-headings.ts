/*
 * The headings postings put over their parts, in the languages the corpus holds: which name what
 * a posting asks for (required or preferred) and which name something else (duties, the offer,
 * the company, the process). Words only: requirements.ts reads the lists under them.
 */

/** Checked before REQUIRED_HEADING: "Preferred qualifications" is preferred, not a qualification. */
export const PREFERRED_HEADING =
  /(?:^|\b)(?:nice|good|great)[- ]to[- ]haves?\b|\bpreferred\b|\bpreferable\b|\bpreference (?:will|may|is) (?:be )?given\b|^bonus(?:\s+points)?\b|\bbonus points\b|^(?:extra\s+)?(?:pluses|plusses|plus)(?:\s*\([^)]*\))?$|\b(?:a\s+)?(?:big\s+|huge\s+|major\s+|strong\s+)?plus if you\b|\bdesired\b|\bdesirable\b|\bit'?s a plus\b|\b(?:would|will) be (?:a plus|great|nice|fantastic|wonderful|amazing|awesome|ideal)\b|\b(?:especially |extra |even more )?(?:thrilled|delighted|excited|impressed) if\b|\bnice if you\b|\bextra credit\b|\b(?:even )?better if\b|\bstand out\b|\bnot required\b|\boptional\b|\bmay also have\b|\bwould (?:also )?be (?:beneficial|helpful|an advantage)\b|\b(?:useful|helpful|handy) to have\b|\bsets? you apart\b|\bvon vorteil\b|\bwünschenswert\b|^what we value$|^recommended(?: (?:qualifications|skills|experience))?$|歓迎|望ましい|尚可|加分项|优先考虑|우대\s*(?:사항|조건)|(?:이런\s*분이면|이런\s*경험이\s*있다면)\s*더\s*좋|\bdeseables?\b|\bse valorar[aá]\b|\bserait un plus\b|\ble(?:s)? petits? (?:\+|plus(?![\p{L}]))|\bappréciée?s?$|\bun atout\b|\best un plus\b|\bsont (?:un|des) (?:plus|atouts?)\b|\b(?:een )?(?:mooie )?troef\b|^pr[ée](?:['’]s)?$|\bpluspunt(?:en)?\b|\bvaloriza(?:do|da|dos|das|mos)\b|\bdiferenciai?s\b|\bseria um plus\b|\been pr[ée](?!\p{L})|\btercih sebeb\p{L}*|\btercihen\b|\bmile widziane\b|(?<!\p{L})dodatkow\p{L}* atut\p{L}*|(?<!\p{L})będzie atutem|\beduksi\b|\barvostamme\b|(?<![\p{L}])ønsk(?:elig|ede kvalifikasjoner)(?![\p{L}])|\bmeriterande\b|\btitolo preferenziale\b|(?<![\p{L}])gradit[oaie](?![\p{L}])|\bmeritterende\b|\bdet er en fordel\b|(?<!\p{L})(?:буде|будет) (?:плюсом|перевагою|преимуществом)(?!\p{L})|(?<!\p{L})(?:бажано|желательно)(?!\p{L})|^ưu tiên(?!\p{L})/u;

export const REQUIRED_HEADING =
  /\bwho you are\b|\b(?:what|who)\s+(?:they|the\s+client|our\s+client|the\s+company|the\s+team)(?:'re|’re|\s+are|\s+is|'s)\s+looking\s+for\b|\b(?:they|our\s+client|the\s+client)(?:'re|’re|\s+are|\s+is)\s+looking\s+for\b|\b(?:an? )?(?:excellent|strong|great|perfect|ideal) candidate if you\b|^vous (?:avez|possédez|disposez|maîtrisez)\b|\bwhat you(?:'ve| have) done\b|\b(?:what|who) we'?re looking for\b|\bwe'?re looking for\b|\bwe(?:'re| are)\s+(?:\w+\s+)?looking for\b|\b(?:what|who) we are looking for\b|\b(?:what|who) we look for\b|\bwhat you(?:'?ll| will)? need\b|\bwhat you need\b|\bwhat you have\b|\bwhat (?:do|will|should) you (?:need|bring|have)\b|\bwhat (?:do )?we (?:expect|look for|need) from you\b|\brequirements?\b|\bwhat we require\b|\bqualifications?\b|\byou have\b(?!\s+(?:access|the (?:opportunity|chance|freedom)))|\bmust[- ]haves?\b|\babout you\b|\bwhat you(?:'ll| will)? bring\b|\byou should have\b|\byou'?ll have\b(?!\s+(?:access|the (?:opportunity|chance|freedom)))|\bideal candidate\b|\bcandidate profile\b|\byour profile\b|\bskills\b|\bskill ?sets?\b|\bexperience\b|\bwhat we need\b|\bwhat it takes\b|\bminimum\b|\bbasic\b|\bessential\b|\bcompetenc(?:e|ies|y)\b|\bkey criteria\b|\b(?:essential|selection|candidate|minimum|required) criteria\b|\bperson(?:al)? specification\b|\bto qualify\b|\bcandidates? (?:(?:must|should|will need to) (?:be|have)\b|will (?:already )?have\b)|^education required$|^(?:required\s+|preferred\s+)?(?:licen[cs](?:es?|ure)|certifications?)(?:\s*(?:and|&|\/|or|,)\s*(?:licen[cs](?:es?|ure)|certifications?|registrations?))?(?:\s+required)?$|\bgood fit\b|\bgreat fit\b|\byou(?:'re| are) a (?:good |great |perfect )?match\b|\bis this (?:job|role|position) (?:an option |right )?for (?:me|you)\b|\bright fit\b|\bmakes? you a (?:good |great |strong |perfect )?fit\b|\bfit right in\b|\bwho are you\b|\bboxes you tick\b|\bon your (?:cv|resume|résumé)\b(?!,? (?:provide|include|list))|\bop je cv\b|\bvi ønsker oss\b|\bsøkere med\b|\b(?:attitudes|qualities|skills|traits|strengths)\s+we\s+value\b|\byou(?:'ll)? need to succeed\b|\bto succeed in this role\b|\bwhat you offer\b|\byou might be\b|\bis this you\b|\bsound like you\b|\byou(?:'ll| will| might| may)? thrive\b|\bdas bringst du mit\b|\bwas du mitbringst\b|\bwas sie mitbringen\b|\b(?:dein|ihr) profil\b|\banforderungen\b|必須|必要な(?:条件|経験|スキル|資格)|任职要求|岗位要求|职位要求|基本要求|^要求|応募(?:資格|要件|条件)|(?:지원|자격|필수)\s*(?:요건|자격|조건)|자격\s*사항|이런\s*분(?:과|을|이)\s*(?:함께|찾|필요)|求める(?:人物|スキル|経験)|^(?:required|mandatory)\b|^education(?: (?:and|&) (?:experience|training|certifications?))?$|\brequisitos\b|\bcompetencias\b|^(?:experiencia|conocimientos|formación|escolaridad)\b|\bperfil (?:del candidato|que buscamos|requerido)\b|(?<![\p{L}])qué (?:necesitas|requieres|buscamos)(?![\p{L}])|^(?:o (?:seu |teu )?)?perfil(?: (?:pretendido|procurado|desejado|do candidato|requerido))?$|^(?:votre |ton )?profil$|\bo que procuramos\b|\b(?:o que )?esperamos de (?:você|voce|ti)(?![\p{L}])|(?<![\p{L}])(?:você|voce) (?:precisa|deve|vai precisar) (?:ter|saber|possuir|trazer)\b|\brequisiti\b|\bcosa cerchiamo\b|\bil tuo profilo\b|\bprofilo (?:ricercato|richiesto|del candidato)\b|\bcompetenze (?:richieste|tecniche)\b|\bqualificações\b|\bcompetências\b|\bprofil(?:e)? (?:recherché|souhaité|requis)|\bvotre profil\b|\bcompétences (?:requises|recherchées|attendues)|\bce que nous recherchons\b|\bce que (?:tu|vous) (?:apportes|apportez|apporteras|apporterez)\b|\bprérequis|\bcandidat\p{L}*(?:[-·.]\p{L}+)?\s+(?:devra|doit)\b|\bce que nous attendons\b|\b(?:sie bringen|du bringst|ihr bringt)\b(?:\s+\S+){0,3}\s+mit\b|\b(?:ihre|deine) qualifikation(?:en)?\b|^qualifikation(?:en)?$|\b(?:das|was) (?:bringen sie|bringst du|solltest du|sollten sie)\b(?:\s+\S+){0,3}\s+mit(?:bringen)?\b|\bwir wünschen uns\b|\bwas wir uns (?:von (?:dir|ihnen) )?wünschen\b|\b(?:du bist|sie sind) (?:bei uns )?(?:genau )?richtig\b|\bdas zeichnet (?:dich|sie) aus\b|\bwas (?:dich|sie) auszeichnet\b|\bvoraussetzungen\b|\bwas (?:wir|sie) (?:von (?:dir|ihnen) )?erwarten\b|\bfunctie-?eisen\b|\bwat (?:vragen|verwachten) (?:wij|we)\b|\bwat (?:wij|we) (?:vragen|verwachten)\b|\bjouw profiel\b|^(?:uw |je )?profiel$|\b(?:dit|wie) ben jij\b|\bwat (?:breng|neem) je mee\b|\bbeschik(?:t)? (?:je|jij) over\b|\bje beschikt over\b|\bsolliciteer als\b|\bapply if you\b|\bnitelikler\b|\baradığımız\b|\baranan\b|\bwymagania\b|\boczekujemy\b|\bnasze oczekiwania\b|\btwoje kwalifikacje\b|\bprofil kandydata\b|\bkogo szukamy\b|(?<!\p{L})edellytämme|\bvaatimukset\b|\bodotamme\b|(?<!\p{L})kelpoisuusvaatimukse\p{L}*|\bosaamisvaatimukse\p{L}*|\bsinulla (?:on|voi olla|tulee olla|pitää olla)\b|\btoivomme sinulta\b|\bkandidat\p{L}* (?:til stillingen |till tjänsten |til stillingen )?(?:har|bør ha|må ha|bör ha|skal have)\b|\bkvalifikasjoner\b|\bkvalifikationer\b|\bkrav\b|\bvi ser etter\b|\bvi söker dig som\b|\bdu (?:har|bør ha|må ha|bör ha)\b|\bdin profil\b|\bom deg\b|\bom dig\b|^yêu cầu(?!\p{L})|(?<!\p{L})(?:обов'язково|обязательно|вимоги|требования|що (?:ми )?очікуємо|что мы ожидаем|мы ожидаем|наші очікування|ми очікуємо)(?!\p{L})/u;

/**
 * Headings of what a posting says besides qualifications: the role, the company, the offer,
 * the process. One of these ends a requirements list written as lines without bullets.
 */
export const OTHER_HEADING =
  /\bbenefits?\b|\bperks\b|\b(?:what )?we offer\b|\bour offer\b|\bwhat'?s in it for you\b|^why\b|^about\b|\bwho we are\b|^our (?:team|mission|values|culture|story|company|commitment)\b|^(?:company |core )?values\b|\bresponsibilit(?:y|ies)\b|\bduties\b|\b(?:job )?functions\b|\baccountabilities\b|\bwork activities\b|\bwhat you(?:'ll| will) (?:do|be doing|work on|achieve)\b|\bhow you(?:'ll| will) make an impact\b|^your (?:role|impact|day|tasks|mission|chance)\b|^the (?:role|job|opportunity|team|position|impact|internship)\b|\bhow to apply\b|\bapplication\b|^apply\b|\bcompensation\b|\bsalary\b|\bpay (?:range|transparency)\b|^location\b|^schedule\b|\bworking (?:conditions|hours|model)\b|\bequal (?:employment )?opportunity\b|\bdiversity\b|\bhiring process\b|\binterview process\b|\bnext steps\b|\bwhat (?:should you|to) expect\b|^(?:where|when|how|why|what|who|which)\b|\btech stack\b|\b(?:our|il nostro|notre|unser|nuestro|nosso)\s+stack\b|^stack(?:\s+(?:technique|tecnico|técnico|tecnologico|tecnológico|tech))?$|^life at\b|\badditional information\b|\bdas bieten wir\b|\bwir bieten\b|\bwas wir bieten\b|\b(?:deine|ihre) aufgaben\b|\bdaran wirst du arbeiten\b|仕事(?:の)?内容|業務内容|福利厚生|待遇|岗位职责|工作职责|职位描述|工作内容|(?:工作|技术)?方向$|福利|公司介绍|工作地点|(?:주요|담당)\s*업무|업무\s*내용|복지|혜택|근무\s*조건|전형\s*절차|지원\s*안내|회사\s*소개|이런\s*일을\s*해요|합류해요|참고해\s*주세요|\bresponsabilidades\b|\b(?:no|o) (?:seu )?dia a dia\b|(?<![\p{L}])qué har(?:á|ás|ías?)(?![\p{L}])|\bfunciones\b|\bbeneficios\b|\bprestaciones\b|\bofrecemos\b|\boferecemos\b|\bo que oferecemos\b|\bbenefícios\b|\bfunções\b|\batividades\b|\bsobre nós\b|\bsobre a empresa\b|\bvos missions\b|\bnos valeurs\b|\bavantages\b|^pourquoi\b|\bqui sommes-nous\b|\bnotre entreprise\b|\bprocessus de recrutement\b|\bdescription de (?:la )?fonction\b|\bmissions?\b|\bconditions du contrat\b|\binformations sur la procédure\b|\bcomment postuler\b|\bnous offrons\b|\baufgaben\b|\bdas erwartet (?:dich|sie)\b|(?<!\p{L})über uns\b|\bwat (?:we|wij) bieden\b|\bwat bieden (?:we|wij)\b|\barbeidsvoorwaarden\b|\bjouw rol\b|\bwat ga je doen\b|\bover ons\b|\bje houdt je\b|\bwerkzaamheden\b|\bverantwoordelijkheden\b|(?:i̇|i)ş tanımı|(?<!\p{L})görev tanımı(?!\p{L})|\bsorumluluklar\b|\byan haklar\b|\bhakkında\b|(?<!\p{L})obowiązki|\bzakres obowiązków\b|\btwoje zadania\b|\boferujemy\b|\bco oferujemy\b|\bbenefity\b|\bo nas\b|\bo firmie\b|(?<!\p{L})tehtävä(?!\p{L})|(?<!\p{L})tehtävät(?!\p{L})|(?<!\p{L})tehtävän kuvaus|\btarjoamme\b|\blisätietoja\b|\bhakeminen\b|\bvi (?:kan )?tilb(?:yr|yder|y)\b|\bcosa offriamo\b|\boffriamo\b|\bchi siamo\b|(?<![\p{L}])responsabilità(?![\p{L}])|\bmansioni\b|^(?:het )?bedrijf$|\bwat (?:mag|kun|kan) (?:je|jij|u) (?:van ons )?verwachten\b|\bjobomschrijving\b|\bfunctieomschrijving\b|\b(?:ons )?aanbod\b|\b(?:wij|we) bieden\b|\bvi erbjuder\b|\barbeidsoppgaver\b|\barbetsuppgifter\b|\barbejdsopgaver\b|\bom oss\b|\bom os\b|^(?:job |role |position |company |the )?(?:description|summary|overview|details)\b|\bin this role,? you will\b(?! (?:need|have|bring))|\bkey outcomes\b|\bcharter\b|\b(?:company|contact) information\b|^url$|\bto apply\b|\baccommodations?\b|\bprivacy\b|^(?:mô tả công việc|quyền lợi|phúc lợi|các chế độ phúc lợi|thông tin nhận hồ sơ)(?!\p{L})|(?<!\p{L})(?:задачі|задачи|обов'язки|обязанности|(?:що |что )?(?:ми |мы )?(?:пропонуємо|предлагаем)|про (?:компанію|нас)|о (?:компании|нас))(?!\p{L})/u;

/**
 * "Essential Job Functions", "Essential Duties and Responsibilities", "Key Responsibilities":
 * the job's duties, though "essential" and "key" also open requirement headings ("Essential
 * criteria", "Key skills"). Checked after PREFERRED_HEADING ("Additional Responsibilities &
 * Preferred Qualifications" names a preferred list). "What will you do as a front-end developer with
 * design skills?" and "A day in the life of …" are duties, whatever role they name.
 */
export const DUTIES_HEADING = /\b(?:essential|key|primary|basic|major|main|core|minimum)\s+(?:job\s+)?(?:responsibilit(?:y|ies)|duties|functions|accountabilities|tasks)\b|^what (?:will|would|do) you (?:do|be doing)\b|\ba day in the life\b|\bwho (?:can|will)$/;

/**
 * "Physical Requirements", "Physical Demands", "Working Conditions and Physical Effort", "FLSA
 * Status", "Tools & Equipment Used": the job's conditions, as US postings append them, not what
 * the candidate brings.
 */
export const CONDITIONS_HEADING = /\bphysical (?:requirements?|demands?|effort|abilities)\b|\bworking conditions\b|\bwork(?:ing)? environment\b|\bflsa\b|\b(?:tools|equipment)(?: (?:and|&) (?:tools|equipment))? used\b|^travel(?: requirements?)?$|^supervisory responsibilit|^(?:required |application )?documents(?: required)?$/;

/**
 * A job board's own buttons and panels, copied with a posting's text: LinkedIn's "Help me stand out",
 * "Tailor my resume", "Meet the hiring team". They head nothing of the posting, though "stand out" reads as a plus.
 */
export const BOARD_CONTROL = /^(?:help me stand out|tailor my resume|create (?:a )?cover letter|show match details|meet the hiring team|show more options|your ai-powered job assessment|am i a good fit for this job|how can i best position myself for this job)$/;

export function headingKey(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[*#:_?.!…"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a heading introduces required or preferred qualifications; null for anything else ("What You'll Do", "Benefits"). */
export function classifyHeading(heading: string): 'required' | 'preferred' | null {
  if (typeof heading !== 'string') return null;
  const h = headingKey(heading);
  if (!h || h.length > 80 || BOARD_CONTROL.test(h)) return null;
  // "Benefícios / Diferenciais": a heading that names the benefits is the offer's, whatever else it says.
  if (/(?<!\p{L})(?:benef[ií]cios|beneficios|benefits|perks|vantagens)(?!\p{L})/u.test(h)) return null;
  if (PREFERRED_HEADING.test(h)) return 'preferred';
  if (DUTIES_HEADING.test(h) || CONDITIONS_HEADING.test(h)) return null;
  if (REQUIRED_HEADING.test(h)) return 'required';
  return null;
}

/** A heading known to be about something other than qualifications: "Benefits", "About Us", "Why join us?". */
export function isOtherHeading(heading: string): boolean {
  if (typeof heading !== 'string') return false;
  const h = headingKey(heading);
  return h.length > 0 && h.length <= 80 && classifyHeading(heading) === null && (OTHER_HEADING.test(h) || CONDITIONS_HEADING.test(h) || BOARD_CONTROL.test(h));
}
