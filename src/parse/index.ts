export { decodeEntities, normalizeSpace, splitSentences } from './text.ts';
export {
  CURRENCY_CODES,
  CURRENCY_SYMBOLS,
  CURRENCY_WORDS,
  DOLLAR_PREFIXES,
  findMoneyTokens,
  parseMoney,
  type Money,
  type MoneyToken,
} from './money.ts';
export { annualise } from '../model/pay.ts';
export { parseSalaryRanges, saysRangeIsOte, type ParseSalaryOptions } from './salary.ts';
export { currencyOfPlace, localDollar, localRupee, type DollarContext } from './dollar.ts';
export { isJurisdiction, parseRemote, type RemoteInput } from './remote.ts';
export { isHeadingLine, sectionsFromText } from './sections.ts';
export { classifyHeading, extractRequirements, requiredScreeners } from './requirements.ts';
export { experienceFromMonths, parseExperience, type ParseExperienceOptions } from './experience.ts';
export { titleFromText, type TextTitle } from './title.ts';
export { readPostingText } from './pasted.ts';
export { splitPostings } from './several.ts';
