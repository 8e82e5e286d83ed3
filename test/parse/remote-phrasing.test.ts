import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotateText } from '../../src/annotate.ts';
import { parseRemote } from '../../src/parse/remote.ts';

/*
 * Ways real postings state the workplace without the words "remote", "hybrid" or "on-site" in
 * the forms the other rules know. Each names the capture (test/corpus/real) that showed it.
 */

const policyOf = (text: string) => parseRemote({ structured: [], location: null, text }).policy;
const capture = (path: string) => readFileSync(new URL(`../corpus/real/${path}`, import.meta.url), 'utf8');

describe('time split between home and the office is hybrid', () => {
  it.each([
    'Soms werken zij thuis, en soms op kantoor.',
    'You will split your week between home and our Leeds office.',
    'Work from home and sometimes in the office, as the team agrees.',
    'Sie haben die Möglichkeit zum mobilen Arbeiten.',
    'Tarjoamme joustavan etätyömahdollisuuden.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('hybrid');
  });

  it('"op kantoor" alone is still on site, "from home" alone is no policy', () => {
    expect(policyOf('Je werkt vier dagen per week op kantoor in Utrecht.')).toBe('onsite');
    expect(policyOf('Bring your own laptop from home.')).toBe('unspecified');
  });

  it("reads GRRR's Dutch page as hybrid, with the sentence as evidence (text/h2-grrr-front-end-developer)", () => {
    const { remote } = annotateText(capture('text/h2-grrr-front-end-developer.txt'));
    expect(remote.policy).toBe('hybrid');
    expect(remote.evidence).toMatch(/thuis.*op kantoor/);
  });
});

describe('"is full-time and on-site"', () => {
  it('is on site (text/h2-marmalade-steam-marketing-specialist)', () => {
    expect(policyOf('This position is full-time and on-site')).toBe('onsite');
    expect(annotateText(capture('text/h2-marmalade-steam-marketing-specialist.txt')).remote.policy).toBe('onsite');
  });

  it('but not when the role is full-time and remote', () => {
    expect(policyOf('This position is full-time and remote.')).toBe('remote');
    expect(policyOf('The role is permanent, hybrid.')).toBe('hybrid');
  });
});

describe('what most of the company\'s jobs offer is not this role\'s policy (aggregator/h3-reed-search-five-london-ai-postings #4)', () => {
  it.each([
    'We are also all about balance so most of our jobs offer the opportunity for hybrid working built around your role.',
    'Many of our teams work remotely.',
  ])('%s', (text) => {
    expect(policyOf(text)).toBe('unspecified');
  });

  it('unless it names this role', () => {
    expect(policyOf('Like most of our jobs, this role is hybrid.')).toBe('hybrid');
  });
});

describe('systems called hybrid are not the workplace (text/h6-breuninger-it-system-engineer-devops)', () => {
  it.each(['Du bist neugierig auf ein hybrides Betriebsumfeld und fühlst Dich zwischen on-Prem und Cloud wohl.', 'You will run a hybrid estate spanning on-prem racks and the cloud.'])('%s', (text) => {
    expect(policyOf(text)).toBe('unspecified');
  });
});
