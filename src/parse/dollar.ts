/*
 * Which dollar a bare "$" is. Canadian, Australian and New Zealand postings write their own
 * dollar as "$" (real postings: "$75,512 - $83,744" at TVO in Toronto, "$75,000 – $80,000 +
 * super" in New South Wales). The posting's country says which: its board's country site,
 * its location, and the places its text names. Where the places are mixed ("US or Canada")
 * or none is named, "$" stays US dollars.
 */

interface Country {
  currency: string;
  /** Hosts of the country's sites and country boards. */
  host: RegExp;
  /** Names that place a posting in the country. */
  places: RegExp;
}

const COUNTRIES: readonly Country[] = [
  {
    currency: 'CAD',
    host: /(?:\.ca|^ca\.indeed\.com|^ca\.linkedin\.com|^(?:www\.)?indeed\.ca)$/i,
    places:
      /(?<![\p{L}])(?:Canada|Canadian|Ontario|Qu[ée]bec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Prince Edward Island|Toronto|Montr[ée]al|Vancouver|Calgary|Edmonton|Ottawa|Winnipeg|Waterloo|Kitchener|Mississauga|Brampton|Hamilton,\s*ON|Halifax|Victoria,\s*BC|Sault Ste\. Marie|GTA)(?![\p{L}])|,\s*(?:ON|BC|QC|AB|MB|SK|NS|NB|NL)(?![\p{L}])/u,
  },
  {
    currency: 'AUD',
    host: /(?:\.com\.au|\.au|^au\.indeed\.com|^au\.linkedin\.com)$/i,
    places:
      /(?<![\p{L}])(?:Australia|Australian|New South Wales|Queensland|Tasmania|Sydney|Melbourne|Brisbane|Perth,\s*WA|Adelaide|Canberra|Hobart|Gold Coast|NSW|QLD|VIC|superannuation|\+\s*super)(?![\p{L}])/u,
  },
  {
    currency: 'NZD',
    host: /(?:\.nz|^nz\.indeed\.com)$/i,
    places: /(?<![\p{L}])(?:New Zealand|Auckland|Wellington|Christchurch|Aotearoa)(?![\p{L}])/u,
  },
  {
    currency: 'MXN',
    host: /(?:\.mx|^mx\.indeed\.com|^mx\.linkedin\.com)$/i,
    places: /(?<![\p{L}])(?:M[ée]xico|Mexican[oa]?|CDMX|Guadalajara|Monterrey|Jalisco|Nuevo Le[óo]n|Quer[ée]taro|Puebla|Tijuana|M[ée]rida)(?![\p{L}])/u,
  },
  {
    currency: 'SGD',
    host: /(?:\.sg|^sg\.indeed\.com)$/i,
    places: /(?<![\p{L}])Singapore(?![\p{L}])/u,
  },
  {
    currency: 'HKD',
    host: /(?:\.hk|^hk\.indeed\.com)$/i,
    places: /(?<![\p{L}])Hong Kong(?![\p{L}])/u,
  },
];

/** Names that place a posting in the United States. */
const US_PLACES =
  /(?<![\p{L}])(?:United States|USA|(?<![A-Z]{2,}\s)US(?!\s[A-Z]{2,})|U\.S\.A?\.?|US-based|401\(k\)|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|San Francisco|Los Angeles|Seattle|Chicago|Boston|Austin|Denver|Atlanta|Miami|NYC|SF Bay Area|Bay Area)(?![\p{L}])|,\s*(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC)(?:\s+\d{5})?(?![\p{L}])/u;

export interface DollarContext {
  /** The posting's address: a country site says the country. */
  url?: string | null;
  /** The posting's location field. */
  location?: string | null;
  /** The posting's text. */
  text?: string | null;
}

function hostOf(url: string | null | undefined): string {
  if (!url || !URL.canParse(url)) return '';
  return new URL(url).hostname.toLowerCase();
}

/** The currency a bare "$" means in this posting: 'CAD', 'AUD', … or null for US dollars (or not known). */
export function localDollar(context: DollarContext): string | null {
  const host = hostOf(context.url);
  for (const country of COUNTRIES) if (host && country.host.test(host)) return country.currency;
  // The location field is the posting's own word on where the job is.
  const location = context.location ?? '';
  if (location) {
    const named = COUNTRIES.filter((c) => c.places.test(location));
    if (named.length === 1 && !US_PLACES.test(location)) return named[0]!.currency;
    if (named.length > 0 || US_PLACES.test(location)) return null;
  }
  // In the text, one country named and the United States not: a posting written for that country.
  const text = context.text ?? '';
  if (!text) return null;
  // In the text: the United States not named, and one country named far more than any other
  // ("Australia" four times and "New Zealand" once, in a Sydney posting about its markets).
  if (US_PLACES.test(text)) return null;
  const counts = COUNTRIES.map((c) => ({ currency: c.currency, n: text.match(new RegExp(c.places.source, 'gu'))?.length ?? 0 }))
    .filter((c) => c.n > 0)
    .sort((a, b) => b.n - a.n);
  const [top, next] = counts;
  return top && (!next || top.n >= 2 * next.n) ? top.currency : null;
}

/** Countries whose rupee is written "Rs" or "rupees" as India's is: the place tells which. */
const RUPEE_COUNTRIES: readonly Country[] = [
  {
    currency: 'PKR',
    host: /(?:\.pk|^pk\.indeed\.com|^pk\.linkedin\.com)$/i,
    places: /(?<![\p{L}])(?:Pakistan|Pakistani|Karachi|Lahore|Islamabad|Rawalpindi|Faisalabad|Peshawar|Multan|Hyderabad,\s*Sindh)(?![\p{L}])/u,
  },
  { currency: 'LKR', host: /(?:\.lk)$/i, places: /(?<![\p{L}])(?:Sri Lanka|Colombo|Kandy)(?![\p{L}])/u },
  { currency: 'NPR', host: /(?:\.np)$/i, places: /(?<![\p{L}])(?:Nepal|Kathmandu|Lalitpur|Pokhara)(?![\p{L}])/u },
];

/** India's neighbours' names, and India's own: where India is named too, "Rs" stays rupees of India. */
const INDIA_PLACES = /(?<![\p{L}])(?:India|Indian|Bengaluru|Bangalore|Mumbai|Delhi|Gurgaon|Gurugram|Noida|Pune|Chennai|Kolkata|Hyderabad(?!,\s*Sindh))(?![\p{L}])/u;

/** The currency "Rs" means in this posting: 'PKR', 'LKR', 'NPR', or null for Indian rupees (or not known). */
export function localRupee(context: DollarContext): string | null {
  const host = hostOf(context.url);
  for (const country of RUPEE_COUNTRIES) if (host && country.host.test(host)) return country.currency;
  for (const where of [context.location ?? '', context.text ?? '']) {
    if (!where) continue;
    const named = RUPEE_COUNTRIES.filter((c) => c.places.test(where));
    if (named.length === 1 && !INDIA_PLACES.test(where)) return named[0]!.currency;
    if (named.length > 0 || INDIA_PLACES.test(where)) return null;
  }
  return null;
}

/**
 * Countries whose postings a feed may give as bare numbers (Adzuna's `salary_min`, a jobs
 * board's `annualSalaryFrom`), with no currency at all: the country of the board's site or of
 * the posting's place says which. The dollar countries above count too.
 */
const NUMBER_COUNTRIES: readonly Country[] = [
  {
    currency: 'GBP',
    host: /(?:\.co\.uk|\.uk|^uk\.indeed\.com|^uk\.linkedin\.com)$/i,
    places: /(?<![\p{L}])(?:UK|U\.K\.|United Kingdom|Great Britain|England|Scotland|Wales|Northern Ireland|London|Manchester|Birmingham|Leeds|Glasgow|Edinburgh|Bristol|Liverpool|Cambridge,\s*UK|Oxford|Belfast|Cardiff)(?![\p{L}])|(?<![\p{L}\d])[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}(?![\p{L}\d])/u,
  },
  {
    currency: 'EUR',
    host: /(?:\.de|\.fr|\.nl|\.es|\.it|\.ie|\.be|\.at|\.pt|\.fi|\.gr|\.lu|\.sk|\.si|\.ee|\.lv|\.lt)$/i,
    places: /(?<![\p{L}])(?:Germany|Deutschland|France|Netherlands|Nederland|Spain|España|Italy|Italia|Ireland|Belgium|Belgique|België|Austria|Österreich|Portugal|Finland|Greece|Luxembourg|Slovakia|Slovenia|Estonia|Latvia|Lithuania|Berlin|Munich|München|Hamburg|Frankfurt|Paris|Lyon|Amsterdam|Rotterdam|Madrid|Barcelona|Milan|Milano|Rome|Roma|Dublin|Brussels|Bruxelles|Vienna|Wien|Lisbon|Lisboa|Helsinki)(?![\p{L}])/u,
  },
  { currency: 'INR', host: /(?:\.in|^in\.indeed\.com)$/i, places: INDIA_PLACES },
  { currency: 'CHF', host: /(?:\.ch)$/i, places: /(?<![\p{L}])(?:Switzerland|Schweiz|Suisse|Zurich|Zürich|Geneva|Genève|Basel|Bern|Lausanne)(?![\p{L}])/u },
  ...COUNTRIES,
];

/** The currency of figures stated with none, by the board's country site or the posting's place; null when neither says. */
export function currencyOfPlace(context: Pick<DollarContext, 'url' | 'location'>): string | null {
  const host = hostOf(context.url);
  for (const country of NUMBER_COUNTRIES) if (host && country.host.test(host)) return country.currency;
  const location = context.location ?? '';
  if (!location) return null;
  const named = [...new Set(NUMBER_COUNTRIES.filter((c) => c.places.test(location)).map((c) => c.currency))];
  if (US_PLACES.test(location)) return named.length === 0 ? 'USD' : null;
  return named.length === 1 ? named[0]! : null;
}
