import type { Line } from './cell-lines.js';
import type { GridRow } from './grid.js';
import type { ColumnMapping } from './header.js';

// Rows of a one-cell-a-line table whose header has text columns besides the name (指標元, 出典, 担当課 before the
// figures; 達成状況 after them). A line alone cannot say which column it is in, but its kind can: a row is its
// text lines (the name, then the text columns before the figures), its figure lines (the value columns, in the
// header's order, wherever the extractor printed the header cells), then a grade for each text column after the
// figures. A text line of one or two characters is the wrapped tail of the line before it (「市保健衛生統」「計」).

// The roles whose cells are figures (an estimate, 見込み or 予算(案), is one too): the rest are text cells.
const VALUE_ROLES = new Set(['baseline', 'target', 'actual', 'estimate']);
// An evaluation grade (A, B*, A-1, ◎), the cell of a 達成状況 / 評価 column.
export const GRADE = /^(?:[SA-E][+*]?(?:-\d{1,2})?|[◎○◯△×])$/u;
const TAIL = 2;
const NAME_LINES = 2;

function joinTails(texts: readonly Line[]): Line[] {
  const joined: Line[] = [];
  for (const line of texts) {
    const last = joined[joined.length - 1];
    if (last !== undefined && line.text.length <= TAIL && !GRADE.test(line.text)) {
      const text = `${last.text}${line.text}`;
      joined[joined.length - 1] = { ...last, text, cell: { ...last.cell, text } };
    } else joined.push(line);
  }
  return joined;
}

interface Layout {
  readonly width: number;
  readonly name: number;
  readonly values: readonly number[];
  readonly before: readonly number[];
  readonly after: readonly number[];
}

/** Where a row's lines go, or null when the header has no text column besides the name (read as before). */
export function typedLayout(mapping: readonly ColumnMapping[]): Layout | null {
  const name = mapping.find((m) => m.role === 'name')?.column ?? 0;
  const values = mapping.filter((m) => VALUE_ROLES.has(m.role)).map((m) => m.column);
  const lastValue = Math.max(...values);
  const texts = mapping
    .filter((m) => m.column !== name && !VALUE_ROLES.has(m.role) && m.header.trim() !== '')
    .map((m) => m.column);
  if (texts.length === 0 || values.length === 0) return null;
  return {
    width: mapping.length,
    name,
    values,
    before: texts.filter((c) => c < lastValue),
    after: texts.filter((c) => c > lastValue),
  };
}

function rowOf(layout: Layout, line: number, placed: ReadonlyMap<number, Line>): GridRow {
  const cells = Array.from({ length: layout.width }, (_, column) => {
    const at = placed.get(column);
    return { text: at?.text ?? '', ref: at?.cell.ref ?? `line ${line}` };
  });
  return { line, cells };
}

/** The rows from a line on, each read by the kinds of its lines; stops where the lines fit no row. */
export function typedRowsFrom(lines: readonly Line[], start: number, layout: Layout): GridRow[] {
  const rows: GridRow[] = [];
  let i = start;
  while (i < lines.length) {
    const texts: Line[] = [];
    while (i < lines.length && !(lines[i] as Line).isFigure) texts.push(lines[i++] as Line);
    const joined = joinTails(texts);
    const figures: Line[] = [];
    while (i < lines.length && (lines[i] as Line).isFigure && figures.length < layout.values.length)
      figures.push(lines[i++] as Line);
    if (joined.length === 0 || figures.length === 0) break;
    const grades: Line[] = [];
    for (let k = 0; k < layout.after.length && GRADE.test(lines[i]?.text ?? ''); k += 1)
      grades.push(lines[i++] as Line);
    const nameCount = Math.max(1, joined.length - layout.before.length);
    // More name lines than a name wraps over: the first are headings (one-cell rows), the last the name.
    const headings = joined.slice(0, Math.max(0, nameCount - NAME_LINES));
    const nameLines = joined.slice(headings.length, nameCount);
    for (const heading of headings)
      rows.push({ line: heading.line, cells: [{ text: heading.text, ref: heading.cell.ref }] });
    const first = nameLines[0] as Line;
    // Fewer text lines than the name and the text columns before the figures: a cell is missing and which one
    // cannot be told (a name printed elsewhere); the row is kept without a name, reported and left out.
    const short = joined.length < 1 + layout.before.length;
    const name: Line = { ...first, text: short ? '' : nameLines.map((l) => l.text).join('') };
    const placed = new Map<number, Line>([[layout.name, name]]);
    layout.before.forEach((column, k) => {
      const at = joined[(short ? 0 : nameCount) + k];
      if (at !== undefined) placed.set(column, at);
    });
    layout.values.forEach((column, k) => {
      const at = figures[k];
      if (at !== undefined) placed.set(column, at);
    });
    layout.after.forEach((column, k) => {
      const at = grades[k];
      if (at !== undefined) placed.set(column, at);
    });
    rows.push(rowOf(layout, first.line, placed));
  }
  return rows;
}
