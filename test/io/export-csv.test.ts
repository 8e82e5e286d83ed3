import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, toCsv } from '../../src/io/export-csv.ts';
import { hourlyPosting, musicUnderstandingPosting, savedFrom, storytellingPosting } from '../helpers/postings.ts';

/** A strict RFC 4180 reader, to check the writer by reading its output back. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"') {
      if (cell !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (c === '\n' || c === '\r') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (cell !== '' || row.length > 0) throw new Error('last record does not end with CRLF');
  return rows;
}

function column(rows: string[][], name: string, row = 1): string {
  const index = rows[0]!.indexOf(name);
  if (index < 0) throw new Error(`no column ${name}`);
  return rows[row]![index]!;
}

const SAVED_AT = '2026-06-01T10:00:00.000Z';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['', ''],
  ])('quotes %j as RFC 4180 asks', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('makes %j inert for a spreadsheet', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('leaves text that only contains those characters, and numbers, as they are', () => {
    expect(csvCell('C++ and e-mail: a@b.c = fine')).toBe('C++ and e-mail: a@b.c = fine');
    expect(csvCell(184050)).toBe('184050');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  it('has the columns in the documented order', () => {
    expect(CSV_COLUMNS).toEqual([
      'id', 'url', 'site', 'title', 'company', 'location', 'status', 'rating', 'tags', 'notes',
      'saved_at', 'updated_at', 'closed_at', 'pay_min', 'pay_max', 'currency', 'period', 'annual_min',
      'annual_max', 'pay_evidence', 'remote_policy', 'remote_regions', 'years_min', 'years_max',
      'corrected_fields', 'corrected_pay_min', 'corrected_pay_max', 'corrected_currency', 'corrected_period',
      'corrected_remote_policy', 'corrected_location', 'corrected_years_min', 'corrected_years_max',
      'requirements_required', 'requirements_preferred', 'description',
    ]);
    expect(toCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one row a posting that reads back to the same values', () => {
    const music = savedFrom(musicUnderstandingPosting(), SAVED_AT, {
      status: 'interviewing',
      rating: 4,
      tags: ['ml', 'nyc'],
      notes: 'Recruiter: "hybrid is 3 days".\nFollow up Friday, 10am.',
      closedAt: '2026-06-05T10:00:00.000Z',
    });
    const story = savedFrom(storytellingPosting(), SAVED_AT);
    const rows = readCsv(toCsv([music, story]));

    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    expect(column(rows, 'id')).toBe(music.id);
    expect(column(rows, 'title')).toBe(music.title);
    expect(column(rows, 'status')).toBe('interviewing');
    expect(column(rows, 'rating')).toBe('4');
    expect(column(rows, 'tags')).toBe('ml; nyc');
    expect(column(rows, 'notes')).toBe(music.notes);
    expect(column(rows, 'closed_at')).toBe('2026-06-05T10:00:00.000Z');
    expect(column(rows, 'pay_min')).toBe('184050');
    expect(column(rows, 'pay_max')).toBe('262928');
    expect(column(rows, 'currency')).toBe('USD');
    expect(column(rows, 'period')).toBe('year');
    expect(column(rows, 'pay_evidence')).toBe(music.salary!.evidence);
    expect(column(rows, 'remote_policy')).toBe('hybrid');
    expect(column(rows, 'requirements_required')).toBe(music.requirements.required.join('\n'));
    expect(column(rows, 'description')).toBe(music.description);

    // The posting without pay or years has empty cells there, and its preferred requirements.
    expect(column(rows, 'pay_min', 2)).toBe('');
    expect(column(rows, 'rating', 2)).toBe('');
    expect(column(rows, 'years_min', 2)).toBe('');
    expect(column(rows, 'remote_regions', 2)).toBe('North America');
    expect(column(rows, 'requirements_preferred', 2)).toBe(story.requirements.preferred[0]);
  });

  it("gives the user's corrections columns of their own beside the parsed values", () => {
    const hourly = savedFrom(hourlyPosting(), SAVED_AT, {
      corrections: {
        salary: { min: 30, max: 45.5, currency: 'USD', period: 'hour' },
        remotePolicy: 'hybrid',
        location: null,
        yearsMin: 1,
        yearsMax: 3,
        correctedAt: SAVED_AT,
      },
    });
    const rows = readCsv(toCsv([hourly]));
    expect(column(rows, 'pay_min')).toBe('28');
    expect(column(rows, 'annual_min')).toBe('58240');
    expect(column(rows, 'years_min')).toBe('2');
    expect(column(rows, 'corrected_fields')).toBe('pay; remote_policy; location; years_min; years_max');
    expect(column(rows, 'corrected_pay_min')).toBe('30');
    expect(column(rows, 'corrected_pay_max')).toBe('45.5');
    expect(column(rows, 'corrected_remote_policy')).toBe('hybrid');
    expect(column(rows, 'corrected_location')).toBe('');
    expect(column(rows, 'corrected_years_max')).toBe('3');
    expect(column(readCsv(toCsv([savedFrom(hourlyPosting(), SAVED_AT)])), 'corrected_fields')).toBe('');
  });

  it('makes formula-like text from a page or the user inert in every text column', () => {
    const hostile = savedFrom(
      storytellingPosting({
        title: '=IMPORTXML("http://evil.example", "//a")',
        company: '@Acme',
        location: '+44 London',
        description: '-1+1 cmd|calc',
        requirements: { required: ['=1+1'], preferred: [] },
      }),
      SAVED_AT,
      { notes: '=2*3', tags: ['-urgent', 'ok'] },
    );
    const rows = readCsv(toCsv([hostile]));
    for (const name of ['title', 'company', 'location', 'description', 'requirements_required', 'notes', 'tags']) {
      expect(column(rows, name), name).toMatch(/^'/);
    }
    expect(column(rows, 'title')).toBe(`'${hostile.title}`);
    // Only a cell's first character matters: the second tag is inside the cell.
    expect(column(rows, 'tags')).toBe("'-urgent; ok");
  });
});
