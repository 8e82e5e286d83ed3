import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/annotate.ts';
import { Posting } from '../../src/model/index.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const LEVER = join(ROOT, 'test/fixtures/lever');
const SEEDS = resolve(ROOT, 'test/corpus/real/text');
const SEED_001 = join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith('seed-001') && f.endsWith('.txt'))!);

const SAMBA_HTML = join(LEVER, 'spotify-ml-engineer-samba.html');
const SAMBA_URL = 'https://jobs.lever.co/spotify/7597d3d7-58d2-41b2-9f85-911d95c2c739';
const NORTHWIND_HTML = join(LEVER, 'northwind-data-platform-salary-block.html');
const NORTHWIND_URL = 'https://jobs.lever.co/northwind-analytics/3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34';
const BOARD_JSON = join(LEVER, 'api-spotify-board.json');

const NOW = new Date('2026-06-06T08:00:00.000Z');
const scratch = mkdtempSync(join(tmpdir(), 'joblens-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

async function run(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l), now: NOW });
  return { code, out, err };
}

describe('runCli', () => {
  it('annotates a saved Lever page given its URL', async () => {
    const { code, out, err } = await run([SAMBA_HTML, '--url', SAMBA_URL]);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const posting = Posting.parse(JSON.parse(out[0]!));
    expect(posting).toMatchObject({ id: 'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739', company: 'Spotify', parsedAt: NOW.toISOString() });
  });

  it('finds the URL in the page itself (canonical link, og:url or JSON-LD url)', async () => {
    const page = scratchFile(
      'pharmacist.html',
      `<html><head><link rel="canonical" href="https://careers.example.org/jobs/pharmacist">
      <script type="application/ld+json">{"@type":"JobPosting","title":"Pharmacist","description":"<p>Dispense prescriptions.</p>"}</script>
      </head><body></body></html>`,
    );
    const { code, out } = await run([page]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ site: 'careers.example.org', title: 'Pharmacist', url: 'https://careers.example.org/jobs/pharmacist' });
  });

  it('reads a Lever API array as one posting per job', async () => {
    const { code, out } = await run([BOARD_JSON]);
    expect(code).toBe(0);
    expect(out.map((line) => (JSON.parse(line) as Posting).id)).toEqual([
      'lever:d7c43743-2240-45b6-bc31-33e50cbaba4a',
      'lever:7597d3d7-58d2-41b2-9f85-911d95c2c739',
    ]);
  });

  it('reads plain text', async () => {
    const { code, out } = await run([SEED_001]);
    expect(code).toBe(0);
    expect(JSON.parse(out[0]!)).toMatchObject({ site: 'text', title: 'Senior Machine Learning Engineer' });
  });

  it('reports a file it cannot read or understand on stderr, exits non-zero, and still annotates the others', async () => {
    const missing = join(scratch, 'missing.html');
    const garbage = scratchFile('garbage.json', '{ not json');
    const notLever = scratchFile('not-lever.json', JSON.stringify({ hello: 'world' }));
    const noPosting = scratchFile('about.html', '<html><body><h1>About us</h1></body></html>');
    const odd = scratchFile('notes.pdf', '%PDF-1.7');
    const { code, out, err } = await run([missing, SEED_001, garbage, notLever, noPosting, odd, NORTHWIND_HTML, '--url', NORTHWIND_URL]);
    expect(code).not.toBe(0);
    expect(out.map((line) => (JSON.parse(line) as Posting).title)).toEqual(['Senior Machine Learning Engineer', 'Senior Data Platform Engineer']);
    expect(err).toHaveLength(5);
    expect(err[0]).toMatch(new RegExp(`^annotate: ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read`));
    expect(err[1]).toMatch(/^annotate: .*garbage\.json: /);
    expect(err[2]).toMatch(/^annotate: .*not-lever\.json: not a posting payload this tool knows \(Lever postings API/);
    expect(err[3]).toMatch(/^annotate: .*about\.html: not a job posting/);
    expect(err[4]).toMatch(/^annotate: .*notes\.pdf: unknown file type/);
    for (const line of err) expect(line).not.toContain('\n');
  });

  it('asks for --url when a page does not say where it lives', async () => {
    const { code, err } = await run([SAMBA_HTML]);
    expect(code).toBe(1);
    expect(err[0]).toMatch(/pass --url/);
  });

  it('indents with --pretty', async () => {
    const { out } = await run(['--pretty', SAMBA_HTML, '--url', SAMBA_URL]);
    expect(out).toHaveLength(1);
    expect(out[0]).toContain('\n  "id": "lever:7597d3d7-58d2-41b2-9f85-911d95c2c739"');
    expect(Posting.safeParse(JSON.parse(out[0]!)).success).toBe(true);
  });

  it('prints usage for bad arguments', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--frobnicate', SAMBA_HTML])).err[0]).toMatch(/unknown option --frobnicate/);
    expect((await run([SAMBA_HTML, '--url'])).err[0]).toMatch(/--url needs a value/);
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.out[0]).toMatch(/^usage:/);
  });
});

describe('the real command', () => {
  it('runs under node type stripping: one line per posting, errors on stderr, exit code', () => {
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', '--no-warnings', 'src/cli/annotate.ts', NORTHWIND_HTML, join(scratch, 'nope.txt'), '--url', NORTHWIND_URL],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.stderr).toMatch(/annotate: .*nope\.txt: cannot read/);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(Posting.parse(JSON.parse(lines[0]!))).toMatchObject({
      id: 'lever:3f1c9b2e-8a4d-4c6e-9b7a-2d5e8f0a1c34',
      salary: { min: 210000, max: 260000, source: 'board' },
    });
  }, 60_000);
});
