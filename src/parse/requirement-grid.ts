import { classifyHeading } from './requirement-headings.ts';

/*
 * A person specification written as a table, as UK employers (charities, universities, the NHS,
 * councils) do: a row per criterion and a column for what is essential and one for what is
 * desirable ("Requirement | Essential | Desirable", "Criteria | Essential | Desirable | Assessed
 * by"), or one column that marks each row E or D. Read as the two lists a reader sees in it.
 * Rows of cells in, lists out: the page reader gives the cells of a `<table>`, the text reader
 * those of a table written as HTML into text or copied from a page with tabs between its cells.
 */

/** A cell's items: the bullets it holds, or its text as one item. */
export type GridCell = readonly string[];

export interface GridList {
  heading: string;
  items: string[];
}

/** "Essential/Desirable", "E/D", "Essential or desirable": one column saying which each row is. */
const MARKER_HEADING = /^(?:essential|required|e)\s*(?:\/|or|and|&|\|)\s*(?:desirable|preferred|d)$/i;
const REQUIRED_MARK = /^(?:e|essential|required|req(?:uired)?\.?|must)$/i;
const PREFERRED_MARK = /^(?:d|desirable|preferred|pref\.?|nice to have)$/i;
/** A cell that only says the row is ticked: "✓", "X", "Yes", "•". */
const TICK = /^(?:[✓✔√☑✗xX•*●]|yes|y|oui|ja|sí|si)$/i;
/** A cell that says nothing for its column: "-", "N/A", "None". */
const EMPTY = /^(?:[-–—/]+|n\/?a|none|nil|not required|—)$/i;

const cellText = (cell: GridCell): string => cell.join(' ').trim();

/** A column heading is a short name ("Essential", "Desirable criteria"), not a sentence. */
function columnKind(heading: string): 'required' | 'preferred' | 'marker' | null {
  const text = heading.trim().replace(/\s*:$/, '');
  if (MARKER_HEADING.test(text)) return 'marker';
  if (!text || text.split(/\s+/).length > 4) return null;
  return classifyHeading(text);
}

/**
 * The table's required and preferred lists, or null when its first row does not head an
 * essential and a desirable column (or an E/D column): most tables (pay scales, schedules) are not
 * person specifications. A row's item is its cell in that column, after the row's name when the
 * table has one ("Analytical skills: Ability to understand nuanced analytical concepts"); a
 * ticked cell gives the row's name alone; a cell of bullets gives one item each.
 */
export function requirementGrid(rows: readonly (readonly GridCell[])[]): GridList[] | null {
  if (rows.length < 2) return null;
  const header = rows[0]!.map(cellText);
  const kinds = header.map(columnKind);
  const marker = kinds.indexOf('marker');
  let required = kinds.flatMap((k, i) => (k === 'required' ? [i] : []));
  const preferred = kinds.flatMap((k, i) => (k === 'preferred' ? [i] : []));
  // "Requirement | Essential | Desirable": the first column names the rows, though its heading reads as a requirement.
  if (required.length > 1) required = required.filter((i) => i !== 0);
  if (marker < 0 && (required.length === 0 || preferred.length === 0)) return null;
  const used = new Set([...required, ...preferred, ...(marker >= 0 ? [marker] : [])]);
  const nameColumn = header.findIndex((_, i) => !used.has(i));
  const lists: GridList[] = [
    { heading: marker >= 0 ? 'Essential' : header[required[0]!]!, items: [] },
    { heading: marker >= 0 ? 'Desirable' : header[preferred[0]!]!, items: [] },
  ];
  const [req, pref] = lists as [GridList, GridList];
  for (const row of rows.slice(1)) {
    const name = nameColumn >= 0 && row[nameColumn] ? cellText(row[nameColumn]) : '';
    if (marker >= 0) {
      const mark = row[marker] ? cellText(row[marker]) : '';
      const list = REQUIRED_MARK.test(mark) ? req : PREFERRED_MARK.test(mark) ? pref : null;
      if (list && name) list.items.push(name);
      continue;
    }
    const take = (columns: number[], list: GridList) => {
      for (const column of columns) {
        const cell = (row[column] ?? []).map((item) => item.trim()).filter((item) => item !== '' && !EMPTY.test(item));
        if (cell.length === 0) continue;
        if (cell.length === 1 && TICK.test(cell[0]!)) {
          if (name) list.items.push(name);
        } else if (cell.length === 1 && name) {
          list.items.push(`${name}: ${cell[0]}`);
        } else {
          list.items.push(...cell);
        }
      }
    };
    take(required, req);
    take(preferred, pref);
  }
  const found = lists.filter((list) => list.items.length > 0);
  return found.length > 0 ? found : null;
}

/** Cells of a table written as HTML into text: the rows' `<td>`/`<th>` cells, each its `<li>` items or its text. */
export function gridRowsOfHtml(table: string, textOf: (html: string) => string): GridCell[][] {
  return (table.match(/<tr\b[\s\S]*?<\/tr>/gi) ?? []).map((row) =>
    (row.match(/<t[hd]\b[^>]*>[\s\S]*?<\/t[hd]>/gi) ?? []).map((cell) => {
      const items = cell.match(/<li\b[^>]*>[\s\S]*?(?:<\/li>|(?=<li\b)|$)/gi);
      return (items ?? [cell]).map(textOf).filter((text) => text !== '');
    }),
  );
}
