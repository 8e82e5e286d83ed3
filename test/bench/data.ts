// Test data for the browser measures: saved postings multiplied from the fixtures, and a
// large article page that is not a posting. Deterministic (a seeded generator), so runs compare.
import { EXPORT_FORMAT, EXPORT_VERSION, SavedPosting, type ExportFile, type Posting } from '../../src/model/index.ts';
import { noExportedSettings, serializeExport } from '../../src/io/export-json.ts';

/** Mulberry32: small, seeded, good enough to vary test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` saved postings, cycling through `base` (the fixtures' annotated postings: real text
 * and real sizes, descriptions of 0.4–5 KB), each with its own id, URL, title variant,
 * company, and a user part (status and its history, notes, tags, rating) spread over two
 * years.
 */
export function savedPostings(base: readonly Posting[], count: number, seed = 1): SavedPosting[] {
  let state = seed >>> 0;
  const rnd = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const STATUSES = ['saved', 'saved', 'saved', 'applying', 'applied', 'interviewing', 'offer', 'rejected', 'archived'] as const;
  const TAGS = ['dream job', 'remote-first', 'referral', 'follow up', 'Berlin', 'NYC', 'ML', 'backend', 'design', 'startup', 'big co', 'visa'];
  const NOTES = [
    '',
    '',
    'Recruiter reached out on LinkedIn; call booked for Thursday.',
    'Pay is below my floor but the team looks great. Ask about equity refresh.',
    'Applied through the referral link from Sam. Cover letter v3.',
    'Hiring manager: Priya. Take-home due in a week; focus on the data pipeline part.',
    'Hybrid, 2 days a week in the office. Commute is 40 min.',
  ];
  const COMPANIES = ['Spotify', 'Northwind Analytics', 'Kestrel Pay', 'Harborview Health', 'Lumen Freight', 'Quarry Labs', 'Fernweh Studio', 'Nordlicht Energie', 'Tern Health', 'Parcelwise', 'Anonos', 'Kelpie', 'Bega Cheese', 'Meridian', 'Fernhill', 'Summit Analytics'];
  const start = Date.parse('2024-11-25T00:00:00.000Z');
  const span = 730 * 24 * 3600 * 1000;
  const out: SavedPosting[] = [];
  for (let i = 0; i < count; i++) {
    const posting = base[i % base.length]!;
    const savedMs = start + Math.floor(rnd() * span);
    const savedAt = new Date(savedMs).toISOString();
    const updatedAt = new Date(savedMs + Math.floor(rnd() * 30 * 24 * 3600 * 1000)).toISOString();
    const status = pick(STATUSES);
    const tags = [...new Set(Array.from({ length: Math.floor(rnd() * 4) }, () => pick(TAGS)))];
    const url = new URL(posting.url);
    url.searchParams.set('bench', String(i));
    out.push({
      ...posting,
      id: `${posting.site}:bench-${i.toString(36)}-${posting.id.split(':').pop()}`,
      url: url.href,
      title: i < base.length ? posting.title : `${posting.title}${i % 3 === 0 ? ' II' : i % 3 === 1 ? ' (Senior)' : ''}`,
      company: i % 4 === 0 ? pick(COMPANIES) : posting.company,
      savedAt,
      updatedAt,
      notes: pick(NOTES),
      tags,
      status,
      statusHistory: status === 'saved' ? [{ status, at: savedAt }] : [{ status: 'saved', at: savedAt }, { status, at: updatedAt }],
      rating: rnd() < 0.3 ? 1 + Math.floor(rnd() * 5) : null,
      corrections: {},
      changes: [],
      closedAt: rnd() < 0.05 ? updatedAt : null,
      edits: { at: {}, tags: Object.fromEntries(tags.map((tag) => [tag.toLowerCase(), { at: updatedAt, removed: false }])) },
    });
  }
  return out;
}

/** savedPostings, with every record checked against the model (so a model change breaks here, not in the browser). */
export function validSavedPostings(base: readonly Posting[], count: number, seed = 1): SavedPosting[] {
  const postings = savedPostings(base, count, seed);
  for (const p of postings) SavedPosting.parse(p);
  return postings;
}

/** An export file's text, as the extension writes it. */
export function exportText(postings: readonly SavedPosting[], exportedAt = new Date('2026-11-25T12:00:00.000Z')): string {
  const file: ExportFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: exportedAt.toISOString(), settings: noExportedSettings(), postings: [...postings] };
  return serializeExport(file);
}

const SENTENCES = [
  'The company said on Tuesday that it would open a second office in the city before the end of the year.',
  'Analysts had expected a slower quarter, but bookings rose by a fifth compared with the same period last year.',
  '"We were surprised by how quickly people came back to the trains," the chief executive told reporters.',
  'The council will vote on the plan next month, after a consultation that drew more than four thousand responses.',
  'Rents in the district have risen faster than anywhere else in the region since 2021.',
  'A spokesperson declined to comment on the number of people the firm plans to hire.',
  'The new line is due to open in 2028, two years later than first planned, at a cost of €1.2 billion.',
  'Local businesses say the roadworks have cut the number of customers walking past their shops by half.',
  'The studio, founded in 2017, now employs 45 people, most of them designers and engineers.',
  'Unions welcomed the agreement but warned that the details of the pay settlement were still to be worked out.',
  'The festival returns to the park in August with a smaller stage and a ban on single-use cups.',
  'Officials said the heatwave had pushed demand for electricity to a record on Monday afternoon.',
  'Schools in the eastern districts will receive extra funding for teaching assistants from September.',
  'The report, published on Wednesday, found that one in three small firms struggled to fill vacancies last year.',
  'Residents have until 30 June to comment on the proposals, which can be read at the town hall.',
  'The museum expects more than a million visitors in its first year after the renovation.',
];
/** Images are lazy-load placeholders (a 1×1 GIF inline, the real address in data-src), so the page makes no requests. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==';
const WORDS = ['market', 'council', 'transport', 'housing', 'startup', 'energy', 'culture', 'weather', 'schools', 'football', 'budget', 'climate', 'health', 'policy', 'science', 'travel'];

/**
 * A news article page of about `targetBytes` (1.5 MB by default): a large header menu, a long
 * article with figures, a comment thread, related links, a footer, an inline stylesheet and
 * an inline JSON state blob, as big news sites serve them. No page script runs and nothing
 * else is fetched, so the page's own main-thread time is parsing, style and layout.
 */
export function articlePage(targetBytes = 1_500_000, seed = 7): string {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const para = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const parts: string[] = [];
  const css = Array.from({ length: 900 }, (_, i) => `.c-${i}{margin:${i % 17}px ${i % 5}px;color:#${(i * 2654435761 >>> 8).toString(16).padStart(6, '0').slice(0, 6)};font-size:${12 + (i % 9)}px}`).join('\n');
  const state = JSON.stringify({
    articles: Array.from({ length: 400 }, (_, i) => ({ id: i, slug: `${pick(WORDS)}-${pick(WORDS)}-${i}`, headline: para(1), summary: para(2), section: pick(WORDS), tags: [pick(WORDS), pick(WORDS)] })),
  });
  parts.push(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>City transport plan approved after long debate – Spree Business News</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Spree Business News"><meta name="viewport" content="width=device-width, initial-scale=1">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'City transport plan approved after long debate', datePublished: '2026-05-12T08:00:00Z', author: { '@type': 'Person', name: 'Lena Vogt' }, articleBody: para(40) })}</script>
<style>${css}</style></head><body class="page article">`);
  parts.push('<header class="site-header"><a class="logo" href="/">Spree Business News</a><nav aria-label="Sections"><ul class="mega-menu">');
  for (let s = 0; s < 24; s++) {
    parts.push(`<li class="menu-section"><a href="/${WORDS[s % WORDS.length]}">${WORDS[s % WORDS.length]}</a><ul class="submenu">`);
    for (let k = 0; k < 14; k++) parts.push(`<li><a class="c-${(s * 14 + k) % 900}" href="/${WORDS[s % WORDS.length]}/${pick(WORDS)}-${k}">${pick(WORDS)} ${pick(WORDS)}</a></li>`);
    parts.push('</ul></li>');
  }
  parts.push('</ul></nav></header><main><article class="story"><h1>City transport plan approved after long debate</h1><p class="byline">By Lena Vogt · 12 May 2026 · 9 min read</p>');
  let section = 0;
  const comments: string[] = [];
  const footer = () =>
    `</article><aside class="related"><h2>More from the city</h2><ul>${Array.from({ length: 60 }, (_, i) => `<li><a href="/news/${i}"><img alt="" width="120" height="80" src="${PIXEL}" data-src="https://img.example.test/${i}.jpg"><span>${para(1)}</span></a></li>`).join('')}</ul></aside>` +
    `<section class="comments"><h2>Comments</h2><ol>${comments.join('')}</ol></section></main><footer><ul>${Array.from({ length: 200 }, (_, i) => `<li><a href="/about/${i}">${pick(WORDS)} ${i}</a></li>`).join('')}</ul><p>© 2026 Spree Business News · Imprint · Privacy</p></footer>` +
    `<script type="application/json" id="__STATE__">${state}</script></body></html>`;
  let size = parts.join('').length;
  const fixed = footer().length;
  // Article paragraphs and comments, alternately, until the page reaches its size.
  while (size + fixed < targetBytes) {
    let chunk = '';
    if (section % 3 === 0) chunk += `<h2>${para(1).split(' ').slice(0, 6).join(' ')}</h2>`;
    if (section % 5 === 0) chunk += `<figure><img alt="" width="800" height="450" src="${PIXEL}" data-src="https://img.example.test/story-${section}.jpg"><figcaption>${para(1)}</figcaption></figure>`;
    if (section % 7 === 0) chunk += `<blockquote><p>${para(1)}</p></blockquote>`;
    if (section % 4 === 0) chunk += '<div class="ad-slot" data-slot="inline" aria-hidden="true"></div>';
    chunk += `<p class="c-${section % 900}">${para(3 + Math.floor(rnd() * 4))} <a href="/related/${section}">${pick(WORDS)}</a></p>`;
    parts.push(chunk);
    const comment = `<li class="comment"><img class="avatar" alt="" width="32" height="32" src="${PIXEL}" data-src="https://img.example.test/u${section}.png"><div class="comment-body"><p class="who"><b>reader${section}</b> <time datetime="2026-05-12T10:${String(section % 60).padStart(2, '0')}:00Z">${section % 59} min ago</time></p><p>${para(1 + Math.floor(rnd() * 3))}</p><button type="button">Reply</button> <button type="button">Like (${section % 40})</button></div></li>`;
    comments.push(comment);
    size += chunk.length + comment.length;
    section++;
  }
  parts.push(footer());
  return parts.join('');
}
