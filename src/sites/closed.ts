/**
 * Whether a page says its posting is closed or gone. Boards word it differently: LinkedIn
 * "No longer accepting applications", Greenhouse "The job you are looking for is no longer
 * open", Indeed "This job has expired", Lever and most ATS pages "no longer available" /
 * "position has been filled", a bare "Page not found". The phrases are the ones public
 * job-board scrapers check for. Pure DOM reading; returns the sentence as evidence.
 */
const CLOSED = [
  /\bno longer accepting applications\b/i,
  /\b(?:job|position|posting|role|vacancy|opening)\b[^.!?\n]{0,40}\bno longer (?:available|open|active|listed)\b/i,
  /\bno longer (?:available|open)\b[^.!?\n]{0,20}\b(?:job|position|posting|role)\b/i,
  /\b(?:job|position|posting|role|vacancy)\b[^.!?\n]{0,30}\b(?:has been|is|was) (?:filled|closed|removed|taken down|expired)\b/i,
  /\b(?:this|the) job has expired\b/i,
  /\bjob posting has expired\b/i,
  /\bapplications? (?:are|is|have been) (?:now )?closed\b/i,
  /\bpage not found\b|\bcouldn'?t find (?:the|that|this) (?:job|page|posting)\b|\bjob not found\b/i,
];

const MAX_CHARS = 20_000;

/** The page's text with a space between nodes ("Data Engineer" + "No longer…" stay two words); no layout work. */
function visibleText(doc: Document): string {
  const root = doc.querySelector('main, [role="main"]') ?? doc.body;
  if (!root) return '';
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node && length < MAX_CHARS; node = walker.nextNode()) {
    const parent = node.parentElement?.tagName;
    if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || parent === 'TEMPLATE') continue;
    const text = node.nodeValue ?? '';
    parts.push(text);
    length += text.length;
  }
  return parts.join(' ').replace(/\s+/g, ' ').slice(0, MAX_CHARS);
}

/** The sentence saying the posting is closed or gone, or null. */
export function closedEvidence(doc: Document): string | null {
  try {
    const text = `${doc.title ?? ''}. ${visibleText(doc)}`;
    for (const re of CLOSED) {
      const m = re.exec(text);
      if (!m) continue;
      const start = Math.max(text.lastIndexOf('.', m.index) + 1, m.index - 120, 0);
      const endDot = text.indexOf('.', m.index + m[0].length);
      const end = Math.min(endDot === -1 ? text.length : endDot + 1, m.index + m[0].length + 120);
      return text.slice(start, end).trim();
    }
  } catch {
    // An odd page says nothing.
  }
  return null;
}

/**
 * Whether a closed-page sentence says the posting takes no more applications, as a page
 * that still shows the posting would say it. Only these count there: a posting's own text
 * may say "once the role is filled" or "this page" without being closed.
 */
const NO_MORE_APPLICATIONS = /no longer accepting applications|job has expired|applications? (?:are|is|have been) (?:now )?closed/i;

export function saysNoMoreApplications(evidence: string): boolean {
  return NO_MORE_APPLICATIONS.test(evidence);
}
