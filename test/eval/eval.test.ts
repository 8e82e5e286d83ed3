import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS, findFixtures, partialMismatches, runEval, type EvalReport } from './eval.ts';

/*
 * How CI fails when the pipeline gets worse: each field's accuracy over the fixtures and
 * the reference corpus must stay at or above its floor in floors.json.
 */

const floors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { fixtures: Record<string, unknown> }).fixtures;

describe('eval: fixtures and reference strings stay at their floors', () => {
  let report: EvalReport;
  beforeAll(() => {
    report = runEval();
  });

  it('scores every fixture with expected JSON and the whole corpus', () => {
    expect(report.errors).toEqual([]);
    expect(report.fixtures).toEqual(findFixtures().map((f) => f.name));
    expect(report.fixtures).toEqual(
      expect.arrayContaining([
        'lever/spotify-ml-engineer-samba',
        'lever/spotify-senior-ml-engineer-music-understanding',
        'lever/spotify-senior-ml-engineer-personalization',
        'lever/spotify-ml-engineer-audio-discovery',
      ]),
    );
    // The reference strings are in the repository (test/corpus/strings), not read from beside it.
    expect(report.corpus.salaryStrings).toBeGreaterThan(40);
    expect(report.corpus.remotePhrases + report.corpus.remoteStructured).toBeGreaterThan(20);
  });

  it.each(FIELDS)('%s stays at or above its floor', (field) => {
    const floor = floors[field];
    expect(typeof floor, `floors.json has no floor for ${field}`).toBe('number');
    const score = report.fields[field];
    expect(score.cases, `${field}: no cases scored`).toBeGreaterThan(0);
    const misses = report.misses
      .filter((m) => m.field === field)
      .map((m) => `  ${m.case}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
    expect(
      score.accuracy,
      `${field} accuracy ${score.correct}/${score.cases} is below its floor ${String(floor)}; misses:\n${misses.join('\n')}`,
    ).toBeGreaterThanOrEqual(floor as number);
  });
});

describe('eval: what it scores', () => {
  const ROOT = join(import.meta.dirname, '../..');
  let dir: string;
  let report: EvalReport;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'joblens-eval-'));
    const board = join(dir, 'repo/test/fixtures/lever');
    mkdirSync(board, { recursive: true });
    const samba = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
    // A real page, with an expected JSON that is wrong on every field it states.
    copyFileSync(join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html'), join(board, 'wrong.html'));
    writeFileSync(
      join(board, 'wrong.expected.json'),
      JSON.stringify({
        url: samba,
        posting: {
          title: 'Not the title',
          salary: { min: 1, max: 212716, currency: 'USD', period: 'year' },
          remote: { policy: 'onsite' },
          experience: { yearsMin: 9 },
        },
        salaryCount: 1,
        requirements: { requiredCount: 2, preferredCount: 0 },
      }),
    );
    // The same page stating nothing but its URL: scored on nothing.
    copyFileSync(join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html'), join(board, 'silent.html'));
    writeFileSync(join(board, 'silent.expected.json'), JSON.stringify({ url: samba }));
    // Says there is no pay; the page has some.
    copyFileSync(join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html'), join(board, 'nopay.html'));
    writeFileSync(join(board, 'nopay.expected.json'), JSON.stringify({ url: samba, posting: { salary: null } }));
    // A board API payload read by its payload reader, stated rightly.
    copyFileSync(join(ROOT, 'test/fixtures/lever/api-northwind-salary-range.json'), join(board, 'api.json'));
    writeFileSync(
      join(board, 'api.expected.json'),
      JSON.stringify({ item: 0, posting: { salary: { min: 210000, max: 260000, currency: 'USD', period: 'year' } }, salaryCount: 1 }),
    );
    // No page beside it.
    writeFileSync(join(board, 'orphan.expected.json'), JSON.stringify({ url: samba }));

    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, 'salary-strings.json'),
      JSON.stringify([
        { text: '$100,000 - $120,000 a year', expected: [{ min: 100000, max: 120000, currency: 'USD', period: 'year' }], note: '' },
        { text: '$100,000 - $120,000 a year', expected: [], note: 'wrongly labelled: pay found where the label says none' },
      ]),
    );
    writeFileSync(
      join(corpus, 'remote-phrases.json'),
      JSON.stringify({
        phrases: [{ text: 'Remote - US', expected: 'hybrid' }],
        structured: [{ source: 'Lever workplaceType', value: 'onsite', expected: 'onsite' }],
      }),
    );
    report = runEval({ root: join(dir, 'repo'), corpusDir: corpus });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a fixture it cannot read, and scores the others', () => {
    expect(report.errors).toEqual([expect.stringMatching(/^lever\/orphan: no page/)]);
    expect(report.fixtures).toEqual(['lever/api', 'lever/nopay', 'lever/silent', 'lever/wrong']);
  });

  it('counts a miss on each field the expected JSON states wrongly, and only there', () => {
    const wrong = report.misses.filter((m) => m.case === 'lever/wrong').map((m) => m.field);
    expect(wrong).toEqual(['pay', 'remote', 'requirements', 'years', 'details']);
    expect(report.misses.find((m) => m.case === 'lever/wrong' && m.field === 'pay')).toMatchObject({
      expected: { salary: { min: 1, max: 212716, currency: 'USD', period: 'year' }, salaryCount: 1 },
      got: { salary: { min: 148901, max: 212716, currency: 'USD', period: 'year' }, salaryCount: 1 },
    });
    expect(report.misses.some((m) => m.case === 'lever/silent' || m.case === 'lever/api')).toBe(false);
  });

  it('counts pay found where none exists, from fixtures and corpus strings', () => {
    expect(report.payFalsePositives).toBe(2);
    expect(report.fields.noPay).toEqual({ cases: 2, correct: 0, accuracy: 0 });
    expect(report.fields.pay).toEqual({ cases: 5, correct: 2, accuracy: 0.4 });
    expect(report.fields.remote).toEqual({ cases: 3, correct: 1, accuracy: 1 / 3 });
    expect(report.fields.years).toEqual({ cases: 1, correct: 0, accuracy: 0 });
  });

  it('matches posting fields with toMatchObject semantics', () => {
    expect(partialMismatches({ a: 1, b: { c: [1, 2], d: 'x' }, e: 3 }, { a: 1, b: { c: [1, 2] } })).toEqual([]);
    expect(partialMismatches({ a: 1, b: { c: [1, 2] } }, { a: 2, b: { c: [1] }, f: null })).toEqual(['a', 'b.c', 'f']);
    expect(partialMismatches({ r: [{ x: 1, y: 2 }] }, { r: [{ x: 1 }] })).toEqual([]);
    expect(partialMismatches(null, { a: 1 })).toEqual(['(root)']);
  });
});
