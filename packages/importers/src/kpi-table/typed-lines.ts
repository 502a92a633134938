import type { Line } from './cell-lines.js';
import type { GridRow } from './grid.js';
import type { ColumnMapping } from './header.js';
import { FIGURE_VALUE_ROLES, headerRole } from './header.js';
import type { EraHint } from './years.js';

// Rows of a one-cell-a-line table whose header has text columns besides the name (指標元, 出典, 担当課 before the
// figures; 達成状況 after them). A line alone cannot say which column it is in, but its kind can: a row is its
// text lines (the name, then the text columns before the figures), its figure lines (the value columns, in the
// header's order, wherever the extractor printed the header cells), then a grade for each text column after the
// figures. A text line of one or two characters is the wrapped tail of the line before it (「市保健衛生統」「計」).

// The roles whose cells are figures (an estimate, 見込み or 予算(案), is one too): the rest are text cells.
// An evaluation grade (A, B*, A-1, ◎), the cell of a 達成状況 / 評価 column.
export const GRADE = /^(?:[SA-E][+*]?(?:-\d{1,2})?|[◎○◯△×])$/u;
const TAIL = 2;
const NAME_LINES = 2;

// A unit as a row's cell gives it (品目, ha, 千尾, 頭数, 組織): a short word, no figure.
const UNIT_WORD = /^(?:[^\d\s()（）「」、。]{1,3}|[A-Za-z]{1,4})$/u;

function joinTails(texts: readonly Line[], hasUnit: boolean): Line[] {
  const joined: Line[] = [];
  for (const [index, line] of texts.entries()) {
    const last = joined[joined.length - 1];
    // Under a 単位 column, a short last line is the row's unit (「ha」), not a wrapped tail.
    const isUnit = hasUnit && index === texts.length - 1 && UNIT_WORD.test(line.text);
    if (last !== undefined && line.text.length <= TAIL && !GRADE.test(line.text) && !isUnit) {
      const text = `${last.text}${line.text}`;
      joined[joined.length - 1] = { ...last, text, cell: { ...last.cell, text } };
    } else joined.push(line);
  }
  return joined;
}

interface Layout {
  readonly width: number;
  readonly name: number;
  /** The unit column, where the header has one. */
  readonly unit: number | null;
  /** The text columns left of the names' (a 主な取組 or 施策項目目標 cell), the unit's aside. */
  readonly leading: readonly number[];
  readonly values: readonly number[];
  readonly before: readonly number[];
  readonly after: readonly number[];
}

/** Where a row's lines go, or null when the header has no text column besides the name (read as before). */
export function typedLayout(mapping: readonly ColumnMapping[], hint: EraHint): Layout | null {
  const name = mapping.find((m) => m.role === 'name')?.column ?? 0;
  // A value column the reading leaves aside (年度目標値 beside 「H22の目標値」) still holds a figure in each row.
  // So does a column of years dating a value column (基準値 年度).
  const holdsFigures = (m: ColumnMapping): boolean =>
    FIGURE_VALUE_ROLES.has(m.role) ||
    (m.role === 'ignore' &&
      (m.dates !== undefined || FIGURE_VALUE_ROLES.has(headerRole(m.header, hint) ?? 'ignore')));
  const values = mapping.filter(holdsFigures).map((m) => m.column);
  const lastValue = Math.max(...values);
  const texts = mapping
    .filter((m) => m.column !== name && !holdsFigures(m) && m.header.trim() !== '')
    .map((m) => m.column);
  if (texts.length === 0 || values.length === 0) return null;
  const unit = mapping.find((m) => m.role === 'unit')?.column ?? null;
  return {
    width: mapping.length,
    name,
    unit,
    leading: texts.filter((c) => c < name && c !== unit),
    values,
    before: texts.filter((c) => c < lastValue),
    after: texts.filter((c) => c > lastValue),
  };
}

function withText(line: Line, text: string): Line {
  return { ...line, text, cell: { ...line.cell, text } };
}

// Several cells of a row on one line, parted by spaces (「1マーケット需要に対応した力強い産地づくり 産地活性化計画策定
// 産地品目数 品目」), and cells left empty (a merged 主な取組 cell, a missing 単位): the words read by their kind. The
// last word is the unit where it reads as one; a word before the name's goes to the text column left of the
// names; the rest is the name. Null where the words do not fit those columns.
function cellsOfWords(texts: readonly Line[], layout: Layout): Map<number, Line> | null {
  // Only the unit and one column left of the names can be told by their words; any other text column cannot.
  const { leading } = layout;
  const others = layout.before.filter((column) => column > layout.name && column !== layout.unit);
  if (texts.length === 0 || leading.length > 1 || others.length > 0) return null;
  const words = texts.flatMap((line) => (line.words ?? [line.text]).map((word) => ({ line, word })));
  const placed = new Map<number, Line>();
  const last = words[words.length - 1];
  if (layout.unit !== null && layout.unit > layout.name && last !== undefined && words.length >= 2) {
    if (UNIT_WORD.test(last.word)) {
      placed.set(layout.unit, withText(last.line, last.word));
      words.pop();
    }
  }
  const lead = words[0];
  if (leading.length === 1 && words.length >= 2 && lead !== undefined) {
    placed.set(leading[0] as number, withText(lead.line, lead.word));
    words.shift();
  }
  const name = words[0];
  if (words.length !== 1 || name === undefined) return null;
  placed.set(layout.name, withText(name.line, name.word));
  return placed;
}

const CELL_MARK = /^[○◯●◎・◇◆■□]/u;

// A name that carried its row's first value on its line (「大気環境基準達成率【%】 93.8」): the name for sure. The text
// lines before it are the cell of the one column left of the names (a merged 施策項目目標 cell, several lines), or
// headings where there is none.
function openedRow(texts: readonly Line[], layout: Layout): TextCells | null {
  const name = texts[texts.length - 1];
  if (name?.opensRow !== true) return null;
  const before = texts.slice(0, -1);
  const { leading } = layout;
  const placed = new Map<number, Line>([[layout.name, name]]);
  // Where some lines open with a mark (○…), they are the cell; the rest is prose or a page's heading above it.
  const marked = before.filter((l) => CELL_MARK.test(l.text));
  const cell = marked.length > 0 ? marked : before;
  const first = cell[0];
  if (leading.length === 1 && first !== undefined) {
    placed.set(leading[0] as number, withText(first, cell.map((l) => l.text).join(' ')));
    return { placed, headings: [], line: name.line };
  }
  return { placed, headings: before.map(headingRow), line: name.line };
}

interface TextCells {
  readonly placed: Map<number, Line>;
  /** Text lines above the row's own: one-cell rows of their own. */
  readonly headings: GridRow[];
  readonly line: number;
}

function headingRow(line: Line): GridRow {
  return { line: line.line, cells: [{ text: line.text, ref: line.cell.ref }] };
}

// A row's text lines placed by count: the name (over one or two lines), then one line a text column before the
// figures; more lines than that are headings above the row.
function textCells(joined: readonly Line[], layout: Layout): TextCells {
  const nameCount = Math.max(1, joined.length - layout.before.length);
  // More name lines than a name wraps over: the first are headings (one-cell rows), the last the name.
  const headings = joined.slice(0, Math.max(0, nameCount - NAME_LINES));
  const nameLines = joined.slice(headings.length, nameCount);
  const first = nameLines[0] as Line;
  // Fewer text lines than the name and the text columns before the figures: a cell is missing and which one
  // cannot be told (a name printed elsewhere); the row is kept without a name, reported and left out.
  const short = joined.length < 1 + layout.before.length;
  // Where the lines are fewer than the text cells, a line may hold several, parted by spaces.
  const byWords = short ? cellsOfWords(joined, layout) : null;
  const name: Line = { ...first, text: short ? '' : nameLines.map((l) => l.text).join('') };
  const placed = byWords ?? new Map<number, Line>([[layout.name, name]]);
  if (byWords === null)
    layout.before.forEach((column, k) => {
      const at = joined[(short ? 0 : nameCount) + k];
      if (at !== undefined) placed.set(column, at);
    });
  return { placed, headings: headings.map(headingRow), line: first.line };
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
    const joined = joinTails(texts, layout.unit !== null);
    const figures: Line[] = [];
    while (i < lines.length && (lines[i] as Line).isFigure && figures.length < layout.values.length)
      figures.push(lines[i++] as Line);
    if (joined.length === 0 || figures.length === 0) break;
    const grades: Line[] = [];
    for (let k = 0; k < layout.after.length && GRADE.test(lines[i]?.text ?? ''); k += 1)
      grades.push(lines[i++] as Line);
    const { placed, headings, line } = openedRow(joined, layout) ?? textCells(joined, layout);
    rows.push(...headings);
    layout.values.forEach((column, k) => {
      const at = figures[k];
      if (at !== undefined) placed.set(column, at);
    });
    layout.after.forEach((column, k) => {
      const at = grades[k];
      if (at !== undefined) placed.set(column, at);
    });
    rows.push(rowOf(layout, line, placed));
  }
  return rows;
}
