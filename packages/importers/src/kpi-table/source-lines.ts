import { readValueCell } from './cell-value.js';
import type { GridRow } from './grid.js';
import type { ColumnMapping } from './header.js';
import { FIGURE_VALUE_ROLES } from './header.js';
import type { Line } from './cell-lines.js';
import type { EraHint } from './years.js';

// A table of one cell a line whose columns are a name (項目), one value (現状) and its source (出典), as a PDF prints
// it when a 項目 spans sub-items and its cells are centred in their height: the 項目's wrapped halves, the
// sub-items, the figures and the 出典's halves come interleaved, and a year in brackets on a line of its own
// (「(2021 年度)」) dates the figures printed since the last year. No line can be placed by its position, but each
// by its kind: a figure; a year; a 出典 line (it names an office or a survey, or closes a bracket a 出典 line
// opened); the half of a 項目 that completes it (closes its bracket, or ends it as a measure: 「件数」, 「数」); a
// new 項目 (it ends as a measure, or it is the wrapped first half of one whose tail follows); else a sub-item.
// The 項目 and their sub-items then take the figures in order: one each, or one a sub-item.

// What a 出典 cell names: an office (省, 庁, 局, 課) or a survey (調べ, 調査, 統計, 報告, 作成).
const SOURCE_WORD = /省|庁|局|課|調べ|調査|統計|報告|作成/u;
// How a measure's name ends (率, 数, 割合, 額, 量): a 項目 that ends otherwise is wrapped and goes on.
const MEASURE_END = /(?:率|数|割合|額|量)$/u;
// The wrapped tail of a 項目, printed apart from it (「件数」, 「数」): one or two characters.
const TAIL = 2;
// A note under the table (「※1 …」, 「注: …」) or a sentence: the table ended before it.
const AFTER_TABLE = /^(?:※|注[\d0-9:：)）]|\*)|。$/u;
// A year in brackets alone on a line; the closing bracket may be lost where the text was cut (「(2022 年」).
const YEAR_LINE = /^[(（][^()（）]*[)）]?$/u;

interface Item {
  name: string;
  /** Whether the name still waits for its wrapped half (no measure ending, or a bracket left open). */
  open: boolean;
  readonly line: Line;
  readonly subs: string[];
  readonly sources: string[];
}

interface Figure {
  readonly line: Line;
  /** The 項目 being read when the figure came (its index), or -1 before the first. */
  readonly item: number;
  year: string | null;
}

function bracketDelta(text: string): number {
  return (text.match(/「/gu) ?? []).length - (text.match(/」/gu) ?? []).length;
}

function isYearLine(text: string, hint: EraHint): boolean {
  const reading = readValueCell(text, hint);
  return YEAR_LINE.test(text) && reading.period !== null && reading.value === null;
}

function isTail(text: string): boolean {
  return text.length <= TAIL && MEASURE_END.test(text) && !SOURCE_WORD.test(text);
}

// Whether an open-ended line is the first half of a new 項目: its tail follows before the next year.
function tailFollows(lines: readonly Line[], from: number, hint: EraHint): boolean {
  for (let k = from; k < lines.length; k += 1) {
    const line = lines[k] as Line;
    if (isYearLine(line.text, hint) || (line.isFigure && readValueCell(line.text, hint).period !== null))
      return false;
    if (!line.isFigure && isTail(line.text)) return true;
  }
  return false;
}

function itemOf(line: Line): Item {
  return { name: line.text, open: !MEASURE_END.test(line.text), line, subs: [], sources: [] };
}

/**
 * The rows of a 項目 / value / 出典 table from a line on, read by the kinds of its lines; null where the header is
 * no such header or the 項目 and sub-items do not take the figures one for one (nothing is then guessed).
 */
export function sourcedRowsFrom(
  lines: readonly Line[],
  start: number,
  mapping: readonly ColumnMapping[],
  hint: EraHint,
): GridRow[] | null {
  const name = mapping.find((m) => m.role === 'name');
  const values = mapping.filter((m) => FIGURE_VALUE_ROLES.has(m.role));
  const source = mapping.find((m) => m.role === 'note' && /出典/u.test(m.header));
  const value = values[0];
  if (name === undefined || value === undefined || values.length !== 1 || source === undefined) return null;
  const items: Item[] = [];
  const figures: Figure[] = [];
  let undated = 0;
  // The owners of the brackets left open, the last opened last: a line that closes one goes with its owner.
  const open: ('name' | 'source')[] = [];
  const dateFigures = (year: string, item: number | null = null): void => {
    for (const figure of figures.slice(undated))
      if (item === null || figure.item === item) figure.year ??= year;
    undated = figures.length;
  };
  for (let k = start; k < lines.length; k += 1) {
    const line = lines[k] as Line;
    const { text } = line;
    const current = items[items.length - 1];
    if (!line.isFigure && AFTER_TABLE.test(text)) break;
    if (isYearLine(text, hint)) {
      dateFigures(/[)）]$/u.test(text) ? text : `${text})`);
      continue;
    }
    if (line.isFigure) {
      figures.push({ line, item: items.length - 1, year: null });
      // A figure that carries its year (its year line joined to it, or a year in its cell) dates the figures of its
      // 項目 before it too, never another 項目's.
      const period = readValueCell(text, hint).period;
      if (period !== null) dateFigures(period.label, items.length - 1);
      continue;
    }
    const delta = bracketDelta(text);
    if (delta < 0 && open.length > 0 && current !== undefined) {
      if (open.pop() === 'source') current.sources.push(text);
      else {
        current.name = `${current.name}${text}`;
        current.open = !MEASURE_END.test(current.name);
      }
      continue;
    }
    if (SOURCE_WORD.test(text)) {
      if (delta > 0) open.push('source');
      current?.sources.push(text);
      continue;
    }
    if (current?.open === true && isTail(text) && !open.includes('name')) {
      current.name = `${current.name}${text}`;
      current.open = !MEASURE_END.test(current.name);
      continue;
    }
    const opensItem =
      current === undefined ||
      (text.length > TAIL && MEASURE_END.test(text)) ||
      delta > 0 ||
      (!current.open && tailFollows(lines, k + 1, hint));
    if (opensItem) {
      if (delta > 0) open.push('name');
      items.push(itemOf(line));
      if (delta > 0) (items[items.length - 1] as Item).open = true;
    } else current.subs.push(text);
  }
  const wanted = items.reduce((sum, item) => sum + Math.max(1, item.subs.length), 0);
  if (items.length === 0 || wanted !== figures.length) return null;
  const width = mapping.length;
  const rows: GridRow[] = [];
  let next = 0;
  for (const item of items) {
    const subs = item.subs.length === 0 ? [''] : item.subs;
    for (const sub of subs) {
      const figure = figures[next++] as Figure;
      const cells = Array.from({ length: width }, () => ({ text: '', ref: figure.line.cell.ref }));
      const dated = figure.year === null || readValueCell(figure.line.text, hint).period !== null;
      const valueText = dated ? figure.line.text : `${figure.line.text} ${figure.year ?? ''}`;
      cells[name.column] = { text: sub === '' ? item.name : `${item.name} ${sub}`, ref: item.line.cell.ref };
      cells[value.column] = { text: valueText, ref: figure.line.cell.ref };
      cells[source.column] = { text: item.sources.join(''), ref: item.line.cell.ref };
      rows.push({ line: item.line.line, cells });
    }
  }
  return rows;
}
