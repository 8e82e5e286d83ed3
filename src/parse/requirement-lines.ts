/*
 * Lines that sit in a requirements list but ask nothing of a candidate: a word about the list itself,
 * a job fact under another part's label, a placeholder, a board's keyword tags, how to apply, where
 * the work is done. requirements.ts leaves them out of the lists it reads.
 */
import { classifyHeading, isOtherHeading } from './requirement-headings.ts';

/**
 * A line about the list itself, not an item of it: "Preferred qualifications are not required to
 * apply for a position at Amazon. If you have all the basic qualifications above, we'd love to hear
 * from you.", "We encourage you to apply even if you don't meet every one of these".
 */
const ABOUT_THE_LIST = /^(?:(?:the|these|our)\s+)?(?:preferred|basic|minimum|additional|bonus)?\s*(?:qualifications|requirements|skills)\s+(?:listed\s+)?(?:are|is)\s+not\s+(?:required|mandatory)\b|\bwe(?:'d|’d| would) love to hear from you\b|\b(?:we\s+)?encourage(?:d)?\s+(?:you\s+)?to\s+apply\b|\b(?:are|is)\s+(?:hereby\s+)?invited\s+to\s+apply\b|\bonly\s+short-?listed\s+(?:candidates|applicants)\b|\bplease see above\b|\bcontact the recruiter\b|^this is an?\s+(?:full|part)[- ]time\s+(?:position|role|job)\b/i;

/**
 * "**Financial Responsibilities**: OPEX/P&L", "Key Contacts: CEO & staff, Government, …": a fact of
 * the job under a label that names another part of a posting, not something asked of a candidate.
 */
function labelsAnotherPart(item: string): boolean {
  const m = /^(?:\*\*|__)?([^:*_]{2,40}?)(?:\*\*|__)?\s*:\s*\S/u.exec(item);
  if (!m) return false;
  const label = m[1]!.trim();
  if (label.split(/\s+/).length > 4 || classifyHeading(label) !== null) return false;
  return isOtherHeading(label) || /^key\s+(?:contacts|relationships|stakeholders|interfaces)$|^reporting\s+(?:to|line)$/i.test(label);
}

/** "Required Qualifications" as a line of a list: the name of the list, not an item of it. */
const LIST_NAME = /^(?:(?:minimum|basic|required|preferred|additional|other|desired)\s+)?(?:qualifications|requirements)\s*:?$/i;

/** "To Be Updated Soon", "TBD": a field a site left to fill in later. */
const PLACEHOLDER = /^(?:to be (?:updated|announced|confirmed|determined)(?: soon)?|tbd|tba|coming soon|n\/a)[.!]?$/i;

/** "Interested?", "Sound like you?": a short question that closes a list and turns to applying. */
const SHORT_QUESTION = /^\S+(?:\s\S+){0,2}\?$/u;

/** "Python · SQL · Machine Learning · Scikit-learn · NumPy · …": a board's row of keyword tags, not an item asked for. */
const TAG_ROW = /^[^·•|]{1,40}(?:\s[·•|]\s[^·•|]{1,40}){4,}$/u;

function isTagRow(item: string): boolean {
  return TAG_ROW.test(item) && item.split(/\s[·•|]\s/).every((tag) => tag.trim().split(/\s+/).length <= 6);
}

/** "If working remotely, ...", "If you're based in the Bay Area, ...": where the role is worked, not a qualification. */
const WORKPLACE_CONDITION = /^if (?:you(?:'re|’re| are)? )?(?:working|based|located|living|work)\s+(?:remotely|from|in|out of|near)\b|\b(?:will be|is|are) performed (?:on[- ]?site|onsite|remotely|at|in)\b|^(?:the )?work involves\b|^occasional travel\b|^(?:full|part)[- ]?time\.?$/i;

/** "Provide … on your resume", "Failure to provide …": how to apply, not what is asked. */
const APPLY_INSTRUCTION = /^(?:(?:provide|include|submit|attach|list|describe)\b.*\b(?:your|a) (?:resume|cv|cover letter|application)\b|failure to provide\b)/i;

/** "Employer questions", "Report this job advert", "Show more", LinkedIn's "3rd" (degree of connection): a board's buttons and marks, copied along with the text. */
const BOARD_CHROME = /^(?:employer questions|1st|2nd|3rd\+?|report this (?:job(?: advert| ad)?|ad)|show (?:more|less)|see (?:more|less)|read more|apply now|easy apply|save(?: this)? job|share(?: this)? job)[.!]?$/i;

/**
 * What the employer does or tells every applicant, not what a candidate brings: "Accommodations for
 * disabilities … are available upon request", "Candidates will be required to complete a Criminal
 * Records Check …", "Notice to Applicants for Jobs Located in NYC …".
 */
const EMPLOYER_NOTICE = /^(?:notice to (?:applicants|candidates)\b|accommodations?\b.{0,80}\bavailable\b|(?:all\s+)?(?:candidates|applicants|successful candidates)\s+will\s+be\s+required\s+to\s+(?:complete|undergo|pass|submit\s+to)\s+(?:an?\s+)?(?:criminal|background|credit|reference|security|drug|pre-employment)\b)/i;

/** Whether a line of a requirements list asks nothing of the candidate. */
export function asksNothing(item: string): boolean {
  return (
    APPLY_INSTRUCTION.test(item) ||
    BOARD_CHROME.test(item) ||
    EMPLOYER_NOTICE.test(item) ||
    PLACEHOLDER.test(item) ||
    WORKPLACE_CONDITION.test(item) ||
    ABOUT_THE_LIST.test(item) ||
    isTagRow(item) ||
    SHORT_QUESTION.test(item) ||
    LIST_NAME.test(item) ||
    labelsAnotherPart(item)
  );
}
