// `npm run eval`: accuracy of the pipeline on the real corpus (test/corpus/real: captures from the
// real sites, labelled by reading), per field, per board and per kind, with every miss; then the
// fixtures' self-consistency check and the reference strings. `npm run eval -- --json` prints
// both reports as JSON. Exits 1 when a figure is below its floor in floors.json (the unit test
// fails then too).
import { readFileSync } from 'node:fs';
import { FIELD_MEANING, FIELDS, runEval } from './eval.ts';
import { REAL_FIELD_MEANING, REAL_FIELDS, runRealEval, type Scores } from './real.ts';

/** A value on one line, cut at 600 characters (`--json` has it whole). */
function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 600 ? `${text.slice(0, 597)}...` : text;
}

/** What a floor would be for an accuracy: rounded down to a hundredth, then one more down when exact. */
function floorFor(accuracy: number): number {
  const down = Math.floor(accuracy * 100 + 1e-9) / 100;
  return Math.max(0, Number((down >= accuracy - 1e-9 ? down - 0.01 : down).toFixed(2)));
}

const floors = JSON.parse(readFileSync(new URL('./floors.json', import.meta.url), 'utf8')) as {
  real?: Record<string, unknown>;
  fixtures?: Record<string, unknown>;
};
const realFloors = floors.real ?? {};
const fixtureFloors = floors.fixtures ?? {};
// `--corpus <dir>` reads another copy of the real corpus (say, only what is committed).
const corpusAt = process.argv.indexOf('--corpus');
const real = runRealEval(corpusAt > 0 && process.argv[corpusAt + 1] ? { dir: process.argv[corpusAt + 1] } : {});
const fixtures = runEval();

const pct = (correct: number, cases: number) => (cases ? `${((correct / cases) * 100).toFixed(0)}%` : '-');
function table(title: string, rows: Record<string, Scores>): void {
  console.log(title);
  console.log(`  ${''.padEnd(18)}${REAL_FIELDS.map((f) => f.padStart(14)).join('')}`);
  for (const [name, scores] of Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))) {
    const cells = REAL_FIELDS.map((f) => {
      const s = scores[f];
      return (s.cases ? `${s.correct}/${s.cases} ${pct(s.correct, s.cases)}` : '-').padStart(14);
    });
    console.log(`  ${name.padEnd(18)}${cells.join('')}`);
  }
  console.log('');
}

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify({ real, fixtures }, null, 2)}\n`);
} else {
  console.log(
    `REAL CORPUS: ${real.postings} postings in ${real.captures.length} captures ` +
      `(${real.withPay} state pay, ${real.withoutPay} state none)`,
  );
  console.log('');
  for (const field of REAL_FIELDS) {
    const s = real.fields[field];
    const floor = typeof realFloors[field] === 'number' ? (realFloors[field] as number) : null;
    const mark = floor === null ? '(no floor)' : s.accuracy < floor ? `BELOW FLOOR ${floor}` : `floor ${floor}`;
    console.log(
      `${field.padEnd(13)} ${`${s.correct}/${s.cases}`.padStart(7)}  ${(s.accuracy * 100).toFixed(1).padStart(5)}%  ${mark.padEnd(17)} ${REAL_FIELD_MEANING[field]}`,
    );
  }
  console.log(
    `invented pay: ${real.inventedPay} of the ${real.fields.noPay.cases} postings that state none ` +
      `(${real.fields.noPay.cases - real.fields.noPay.correct - real.inventedPay} of them not read at all)`,
  );
  console.log('');
  table('by board', real.byBoard);
  table('by kind', real.byKind);
  console.log(`misses (${real.misses.length}):`);
  for (const miss of real.misses) {
    console.log(`- ${miss.case} [${miss.field}]\n    expected ${short(miss.expected)}\n    got      ${short(miss.got)}`);
  }
  for (const error of real.errors) console.log(`error: ${error}`);
  console.log('');
  console.log(`real floors for these figures: ${JSON.stringify(Object.fromEntries(REAL_FIELDS.map((f) => [f, floorFor(real.fields[f].accuracy)])))}`);

  console.log('');
  console.log('--------------------------------------------------------------------------------');
  const { corpus } = fixtures;
  console.log(
    `FIXTURES (self-consistency, not accuracy: pages and expected files written beside the code) and REFERENCE STRINGS: ` +
      `${fixtures.fixtures.length} fixtures; ${corpus.salaryStrings} salary strings, ` +
      `${corpus.remotePhrases} remote phrases, ${corpus.remoteStructured} structured remote fields`,
  );
  console.log('');
  for (const field of FIELDS) {
    const s = fixtures.fields[field];
    const floor = typeof fixtureFloors[field] === 'number' ? (fixtureFloors[field] as number) : null;
    const mark = floor === null ? '(no floor)' : s.accuracy < floor ? `BELOW FLOOR ${floor}` : `floor ${floor}`;
    console.log(
      `${field.padEnd(13)} ${`${s.correct}/${s.cases}`.padStart(7)}  ${(s.accuracy * 100).toFixed(1).padStart(5)}%  ${mark.padEnd(17)} ${FIELD_MEANING[field]}`,
    );
  }
  console.log(`pay found where none exists: ${fixtures.payFalsePositives} of ${fixtures.fields.noPay.cases} no-pay cases`);
  console.log('');
  console.log(`misses (${fixtures.misses.length}):`);
  for (const miss of fixtures.misses) {
    console.log(`- ${miss.case} [${miss.field}]\n    expected ${short(miss.expected)}\n    got      ${short(miss.got)}`);
  }
  for (const error of fixtures.errors) console.log(`error: ${error}`);
  console.log('');
  console.log(`fixture floors for these figures: ${JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, floorFor(fixtures.fields[f].accuracy)])))}`);
}

const below = [
  ...REAL_FIELDS.filter((f) => typeof realFloors[f] === 'number' && real.fields[f].accuracy < (realFloors[f] as number)),
  ...FIELDS.filter((f) => typeof fixtureFloors[f] === 'number' && fixtures.fields[f].accuracy < (fixtureFloors[f] as number)),
];
if (below.length || real.errors.length || fixtures.errors.length) process.exitCode = 1;
