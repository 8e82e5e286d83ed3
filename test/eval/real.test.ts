import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaptures, REAL_FIELDS, runRealEval, sameTitle, type RealReport } from './real.ts';

/*
 * The project's accuracy figure: the real corpus (test/corpus/real) read by the pipeline must
 * stay at or above the floors in floors.json `real`, and every capture must be scored.
 */

const realFloors = (JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as { real?: Record<string, unknown> }).real ?? {};

describe('eval: the real corpus stays at its floors', () => {
  let report: RealReport;
  // Reading ~250 captures takes a few seconds, more on a busy CI machine.
  beforeAll(() => {
    report = runRealEval();
  }, 120_000);

  it('scores every labelled capture', () => {
    expect(report.errors).toEqual([]);
    expect(report.captures).toEqual(findCaptures().map((c) => c.name));
  });

  it('invents no pay', () => {
    expect(report.inventedPay).toBe(0);
  });

  it('keeps each field at or above its floor', () => {
    const below: string[] = [];
    for (const field of REAL_FIELDS) {
      const floor = realFloors[field];
      if (typeof floor !== 'number') continue;
      const score = report.fields[field];
      if (score.accuracy >= floor) continue;
      const misses = report.misses.filter((m) => m.field === field).map((m) => `    ${m.case}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.got)}`);
      below.push(`${field} ${score.correct}/${score.cases} is below its floor ${floor}:\n${misses.join('\n')}`);
    }
    expect(below.join('\n')).toBe('');
  });
});

describe('eval: how the real corpus is scored', () => {
  const ROOT = join(import.meta.dirname, '../..');
  const samba = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
  const source = { repo: 'x/y', path: 'p', commit: '0'.repeat(40), licence: 'none stated', realBecause: 'a test of the scorer' };
  let dir: string;
  let report: RealReport;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'joblens-real-'));
    const lever = join(dir, 'lever');
    const text = join(dir, 'text');
    mkdirSync(lever);
    mkdirSync(text);
    // A page (the seed 002 fixture: $148,901-$212,716 a year, remote, 7 required, 5+ years) labelled rightly...
    copyFileSync(join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html'), join(lever, 'right.html'));
    writeFileSync(
      join(lever, 'right.label.json'),
      JSON.stringify({
        source,
        board: 'lever',
        kind: 'page',
        url: samba,
        postings: [
          {
            title: 'Machine learning engineer,  Personalization, Samba',
            pay: [{ min: 148901, max: 212716, currency: 'USD', period: 'year' }],
            remote: 'remote',
            requirements: { required: 7, preferred: 0 },
            years: { min: 5, max: null },
          },
        ],
      }),
    );
    // ...and wrongly on every field.
    copyFileSync(join(ROOT, 'test/fixtures/lever/spotify-ml-engineer-samba.html'), join(lever, 'wrong.html'));
    writeFileSync(
      join(lever, 'wrong.label.json'),
      JSON.stringify({
        source,
        board: 'lever',
        kind: 'page',
        url: samba,
        postings: [
          {
            title: 'Not the title',
            pay: [],
            remote: 'onsite',
            requirements: null,
            years: { min: 9, max: null },
          },
        ],
      }),
    );
    // Text that is no posting: read (text always is), with no pay; a second range the label invents.
    writeFileSync(join(text, 'note.txt'), 'Lunch order\nTwo sandwiches and a coffee, please.\n');
    writeFileSync(
      join(text, 'note.label.json'),
      JSON.stringify({ source, board: 'unknown', kind: 'text', postings: [{ pay: [{ min: 1, max: 2, currency: 'EUR', period: 'hour' }] }] }),
    );
    // A label with no capture beside it, and a label that is not one.
    writeFileSync(join(lever, 'orphan.label.json'), JSON.stringify({ source, board: 'lever', kind: 'page', postings: [{}] }));
    writeFileSync(join(text, 'bad.txt'), 'x');
    writeFileSync(join(text, 'bad.label.json'), JSON.stringify({ source, board: 'unknown', kind: 'text', postings: [{ pay: [{ min: 1 }] }] }));
    report = runRealEval({ dir });
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports a label it cannot use, and scores the others', () => {
    expect(report.errors).toEqual([expect.stringMatching(/^lever\/orphan: no capture/), expect.stringMatching(/^text\/bad: postings\[0\]\.pay has a range/)]);
    expect(report.captures).toEqual(['lever/right', 'lever/wrong', 'text/note']);
    expect(report.postings).toBe(3);
    expect(report.withPay).toBe(2);
    expect(report.withoutPay).toBe(1);
  });

  it('misses each field the label states wrongly, and only there', () => {
    expect(report.misses.filter((m) => m.case === 'lever/right')).toEqual([]);
    expect(report.misses.filter((m) => m.case === 'lever/wrong').map((m) => m.field)).toEqual([
      'title',
      'pay',
      'noPay',
      'ranges',
      'remote',
      'requirements',
      'years',
    ]);
  });

  it('counts invented pay and every range both ways', () => {
    // wrong: the label says no pay, the reader found one range: invented pay, and a range found that is not labelled.
    expect(report.fields.noPay).toEqual({ cases: 1, correct: 0, accuracy: 0 });
    expect(report.inventedPay).toBe(1);
    // right: 1 of 1; wrong: 1 unlabelled; note: 1 labelled not found.
    expect(report.fields.ranges).toEqual({ cases: 3, correct: 1, accuracy: 1 / 3 });
    expect(report.fields.pay).toEqual({ cases: 3, correct: 1, accuracy: 1 / 3 });
    expect(report.fields.found).toEqual({ cases: 3, correct: 3, accuracy: 1 });
  });

  it('breaks the figures down by board and by kind', () => {
    expect(Object.keys(report.byBoard).sort()).toEqual(['lever', 'unknown']);
    expect(report.byBoard.lever!.remote).toEqual({ cases: 2, correct: 1, accuracy: 0.5 });
    expect(report.byKind.text!.pay).toEqual({ cases: 1, correct: 0, accuracy: 0 });
  });

  it('compares titles as people do', () => {
    expect(sameTitle('Senior  Engineer — Payments', 'senior engineer - payments')).toBe(true);
    expect(sameTitle('Senior Engineer, Payments', 'Senior Engineer - Payments')).toBe(false);
    expect(sameTitle('Engineer', 'Engineer II')).toBe(false);
  });
});
