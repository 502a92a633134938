import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { Grid, GridCell, GridRow } from './grid.js';
import { detectHeader, namesRole } from './header.js';
import type { EraHint } from './years.js';

// The text some PDF extractors give a table: one cell a line, no separator. The header's cells come first, each
// maybe wrapped over two lines (「ベース」 「ライン値」, 「目標値」 「(2010年)」), then each row as its name and one
// line a value. Read back into rows, the table goes through the same reader as any other.

const MAX_HEADER_LINES = 12;
const MAX_HEADER_CELL = 24;
// One figure and at most a short unit, nothing after it.
const FIGURE_LINE = /^(?:約|概ね)?\s*[△▲-]?\d[\d,]*(?:\.\d+)?\s*[^\d\s]{0,4}$/u;

interface Line {
  readonly cell: GridCell;
  readonly line: number;
  readonly text: string;
  readonly isFigure: boolean;
}

function linesOf(rows: readonly GridRow[], hint: EraHint): Line[] {
  return rows.flatMap((row) => {
    const cells = row.cells.filter((c) => c.text.trim() !== '');
    const cell = cells[0];
    if (cells.length !== 1 || cell === undefined) return [];
    const text = normalizeText(cell.text).trim();
    const reading = readValueCell(text, hint);
    // A figure line is a figure with at most a short unit (「8,202歩」, 「1064万人」), never a name that opens with
    // digits (「20代女性のやせすぎ」).
    const isFigure =
      (reading.value !== null && FIGURE_LINE.test(text)) || (reading.isEmpty && reading.period === null);
    return [{ cell, line: row.line, text, isFigure }];
  });
}

// The header cells from a line on, wrapped cells joined: a period in parentheses goes with the cell before it, a
// cell that names no role with the one after it. The header ends where a row starts (a name, then a figure).
function headerFrom(lines: readonly Line[], start: number, hint: EraHint): { cells: Line[]; end: number } {
  const cells: Line[] = [];
  let pending = false;
  let j = start;
  for (; j < lines.length && j - start < MAX_HEADER_LINES; j += 1) {
    const line = lines[j] as Line;
    const next = lines[j + 1];
    if (line.isFigure || line.text.length > MAX_HEADER_CELL || next === undefined || next.isFigure) break;
    const last = cells[cells.length - 1];
    if (last !== undefined && (pending || /^[(（][^()（）]*[)）]$/u.test(line.text))) {
      const text = `${last.text}${line.text}`;
      cells[cells.length - 1] = { ...last, text, cell: { ...last.cell, text } };
    } else cells.push(line);
    pending = !namesRole((cells[cells.length - 1] as Line).text, hint);
  }
  return { cells, end: j };
}

// The rows after the header: a name (one or more text lines), then exactly one figure line a value column.
function rowsFrom(lines: readonly Line[], start: number, width: number): GridRow[] {
  const rows: GridRow[] = [];
  let i = start;
  while (i < lines.length) {
    const name: Line[] = [];
    while (i < lines.length && !(lines[i] as Line).isFigure && name.length < 2) name.push(lines[i++] as Line);
    const values: Line[] = [];
    while (i < lines.length && (lines[i] as Line).isFigure && values.length < width)
      values.push(lines[i++] as Line);
    const first = name[0];
    if (first === undefined || values.length !== width || (lines[i]?.isFigure ?? false)) break;
    const nameText = name.map((l) => l.text).join('');
    rows.push({
      line: first.line,
      cells: [
        { text: nameText, ref: first.cell.ref },
        ...values.map((v) => ({ text: v.text, ref: v.cell.ref })),
      ],
    });
  }
  return rows;
}

/**
 * A grid of one-cell lines read as a table of one cell a line, or null when its lines hold no header of roles
 * followed by rows that fit it.
 */
export function cellLinesGrid(grid: Grid, hint: EraHint): Grid | null {
  const lines = linesOf(grid.rows, hint);
  for (let start = 0; start < lines.length; start += 1) {
    if ((lines[start] as Line).isFigure) continue;
    const { cells, end } = headerFrom(lines, start, hint);
    if (cells.length < 2) continue;
    const first = cells[0] as Line;
    const header: GridRow = {
      line: first.line,
      cells: [{ text: '', ref: first.cell.ref }, ...cells.map((c) => ({ text: c.text, ref: c.cell.ref }))],
    };
    if (detectHeader(header, hint) === null) continue;
    const rows = rowsFrom(lines, end, cells.length);
    if (rows.length > 0) return { sheet: grid.sheet, rows: [header, ...rows] };
  }
  return null;
}
