// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { closedEvidence, saysNoMoreApplications } from '../../src/sites/closed.ts';

function page(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}

describe('closedEvidence', () => {
  it.each([
    ['<main><h1>Data Engineer</h1><span>No longer accepting applications</span></main>', 'No longer accepting applications'],
    ['<div><p>The job you are looking for is no longer open.</p></div>', 'The job you are looking for is no longer open.'],
    ['<main><h2>This job has expired on Indeed</h2></main>', 'This job has expired on Indeed'],
    ['<p>Sorry, this position has been filled. Check our other openings.</p>', 'Sorry, this position has been filled.'],
    ['<h1>Page not found</h1>', 'Page not found'],
  ])('reads %s as closed', (html, evidence) => {
    expect(closedEvidence(page(html))).toContain(evidence);
  });

  it('ignores scripts and styles', () => {
    expect(closedEvidence(page('<main><h1>Engineer</h1><script>var s = "Page not found";</script></main>'))).toBeNull();
  });

  it.each([
    '<main><h1>Data Engineer</h1><p>Apply by 30 June. Applications are reviewed on a rolling basis.</p></main>',
    '<main><p>We closed our Series B and are hiring.</p><p>You will own the job scheduler.</p></main>',
    '<main><p>Experience with closed-loop control systems.</p></main>',
  ])('does not read an open posting as closed: %s', (html) => {
    expect(closedEvidence(page(html))).toBeNull();
  });
});

describe('saysNoMoreApplications: what counts on a page that still shows its posting', () => {
  it.each([
    ['No longer accepting applications', true],
    ['This job has expired on Indeed', true],
    ['Applications are now closed.', true],
    // A page that shows the posting may mention these in its own text; only a gone page counts them.
    ['Sorry, this position has been filled.', false],
    ['Page not found', false],
  ])('%s -> %s', (evidence, counts) => {
    expect(saysNoMoreApplications(evidence)).toBe(counts);
  });
});
