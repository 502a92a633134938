import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { Grid, GridCell, GridRow } from './grid.js';
import { FIGURE_VALUE_ROLES, detectHeader, headerRole, namesRole } from './header.js';
import { sourcedRowsFrom } from './source-lines.js';
import { GRADE, typedLayout, typedRowsFrom } from './typed-lines.js';
import type { EraHint } from './years.js';

// The text some PDF extractors give a table: one cell a line, no separator. The header's cells come first, each
// maybe wrapped over two lines (「ベース」 「ライン値」, 「目標値」 「(2010年)」), then each row as its name and one
// line a value. Read back into rows, the table goes through the same reader as any other.

const MAX_HEADER_LINES = 12;
const MAX_HEADER_CELL = 24;
// How sure a header cell must be of naming the names' column (指標, 評価指標; not 項目) to be taken as it.
const SURE_NAME = 0.95;
// One figure and at most a short unit, nothing after it.
const FIGURE_LINE = /^(?:約|概ね)?\s*[△▲-]?\s*\d[\d,]*(?:\.\d+)?(?:万\d{1,4})?\s*[^\d\s]{0,4}$/u;

/** One line of the text: one cell. */
export interface Line {
  readonly cell: GridCell;
  readonly line: number;
  readonly text: string;
  readonly isFigure: boolean;
  /** A name that carried its row's first value on its line: the lines before it are headings, not the name. */
  readonly opensRow?: boolean;
  /** A cell of a header written on one line: those cells are the whole header. */
  readonly headerWord?: boolean;
  /** The words of a text line as spaces part them: several cells of a row may share a line. */
  readonly words?: readonly string[];
}

// What a value cell may carry in brackets after its figure: its year or a short note on the figure
// (「207,660件(2021年度)」, 「97.7%(2022年)」, 「207,660件(速報)」). A year after a space is not taken: on a line of
// several cells it is a column of its own (「7 割強 平成22年度」, a target and its 目標年).
const FIGURE_NOTE = /^(?:速報|暫定|見込み?|概数|推計|確定|概算)(?:値)?$/u;

function withoutYearOrNote(text: string, hint: EraHint): string {
  const [, figure = '', after = ''] = /^(.*\d.*?)\s*[(（]([^()（）]+)[)）]$/u.exec(text) ?? [];
  if (figure === '' || readValueCell(figure, hint).value === null) return text;
  const note = after.trim();
  return FIGURE_NOTE.test(note) || readValueCell(note, hint).period !== null ? figure : text;
}

function lineOf(cell: GridCell, line: number, text: string, hint: EraHint): Line {
  const reading = readValueCell(text, hint);
  // A figure line is a figure with at most a short unit (「8,202歩」, 「1064万人」), never a name that opens with
  // digits (「20代女性のやせすぎ」).
  // A note mark after the figure (「40.0%以上※2」) is the cell's footnote.
  const figure = withoutYearOrNote(text.replace(/\s*※\s*\d*$/u, ''), hint);
  const isFigure =
    (reading.value !== null && FIGURE_LINE.test(figure)) || (reading.isEmpty && reading.period === null);
  return { cell: { ...cell, text }, line, text, isFigure };
}

const PERIOD_LINE = /^[(（][^()（）]*[)）]$/u;
// A change beside a figure (「(+ 3,671)」, 「(△12)」): a note of the cell before it, never a cell of its own.
const CHANGE_LINE = /^[(（]\s*[+＋△▲−-]\s*\d[\d,.]*\s*[^\d\s()（）]{0,4}\s*[)）]$/u;
// A unit alone on a line: the figure before it broke from it (「5,060」 / 「人分」).
const UNIT_LINE =
  /^(?:人|人分|千人|万人|か所|箇所|ヶ所|カ所|件|回|円|千円|万円|億円|%|世帯|戸|校|社|団体|施設|床|台|時間|日|km|ha|t)$/u;
const ABOUT = /^(?:約|概ね|おおむね|およそ)$/u;

// The figure a name line ends with (「訪問介護員 約 51,560人」 → 「約 51,560人」), with the words before it.
function figureTail(words: readonly string[]): { head: string; figure: string } {
  const about = words.length >= 3 && ABOUT.test(words[words.length - 2] ?? '');
  const cut = words.length - (about ? 2 : 1);
  return { head: words.slice(0, cut).join(' '), figure: words.slice(cut).join(' ') };
}

function isPeriodLine(text: string, hint: EraHint): boolean {
  return PERIOD_LINE.test(text) && readValueCell(text, hint).period !== null;
}

function linesOf(rows: readonly GridRow[], hint: EraHint): Line[] {
  const lines: Line[] = [];
  rows.forEach((row, index) => {
    const cells = row.cells.filter((c) => c.text.trim() !== '');
    const cell = cells[0];
    if (cells.length !== 1 || cell === undefined) return;
    const text = normalizeText(cell.text).trim();
    // Split before normalising: normalisation drops the spaces between Japanese words.
    const words = cell.text
      .trim()
      .split(/\s+/u)
      .map((word) => normalizeText(word));
    const previous = lines[lines.length - 1];
    const nextCell = rows[index + 1]?.cells.find((c) => c.text.trim() !== '');
    const nextText = nextCell === undefined ? '' : normalizeText(nextCell.text).trim();
    const nextIsPeriod = nextCell !== undefined && isPeriodLine(nextText, hint);
    // The value cells of a row split at their spaces: a change beside a figure goes, a unit alone joins its
    // figure (or, where that has its own, stands for a figure the text lost).
    if (CHANGE_LINE.test(text) && previous?.isFigure === true) return;
    if (UNIT_LINE.test(text) && previous?.isFigure === true) {
      const joined = `${previous.text}${text}`;
      if (/\d$/u.test(previous.text))
        lines[lines.length - 1] = { ...lineOf(previous.cell, previous.line, joined, hint) };
      else lines.push(lineOf(cell, row.line, '', hint));
      return;
    }
    if (PERIOD_LINE.test(text) && previous?.headerWord === true && previous.line === rows[index - 1]?.line) {
      // A header written on one line whose last cell wrapped (「平成19年度」 / 「(新障害者プラン目標)」).
      const joined = `${previous.text}${text}`;
      lines[lines.length - 1] = { ...previous, text: joined, cell: { ...previous.cell, text: joined } };
      return;
    }
    if (isOneLineHeader(words, hint)) {
      // A header written on one line, its cells split by spaces (「指標項目 現状値 実績値 目標値」), maybe opening
      // with a text column before the names' (「主な取組 指標名 単位 現状 目標」).
      for (const word of words) lines.push({ ...lineOf(cell, row.line, word, hint), headerWord: true });
      return;
    }
    if (isPeriodLine(text, hint) && previous !== undefined && previous.isFigure) {
      // A value's period on the line after it (「43.3%」 / 「(18年度)」) is the same cell.
      const joined = `${previous.text} ${text}`;
      lines[lines.length - 1] = { ...previous, text: joined, cell: { ...previous.cell, text: joined } };
      return;
    }
    const grade = words[words.length - 1] ?? '';
    const beforeGrade = words.slice(0, -1).join(' ');
    if (GRADE.test(grade) && beforeGrade !== '' && lineOf(cell, row.line, beforeGrade, hint).isFigure) {
      // A figure and its grade on one line (「80.0% A-1」: a target, then the 達成状況 cell beside it).
      lines.push(lineOf(cell, row.line, beforeGrade, hint), lineOf(cell, row.line, grade, hint));
      return;
    }
    const { head, figure: last } = figureTail(words);
    const nextIsValue =
      nextIsPeriod ||
      CHANGE_LINE.test(nextText) ||
      (nextText !== '' && lineOf(cell, row.line, nextText, hint).isFigure);
    const whole = lineOf(cell, row.line, text, hint);
    if (nextIsValue && head !== '' && !whole.isFigure && lineOf(cell, row.line, last, hint).isFigure) {
      // A name with its first value at the end of the line, the value's period on the next (「1 保育所待機児童数
      // 212人」 / 「(19年度)」): the name alone, marked as such, then the value.
      lines.push({ ...lineOf(cell, row.line, head, hint), isFigure: false, opensRow: true });
      lines.push(lineOf(cell, row.line, last, hint));
      return;
    }
    lines.push({ ...lineOf(cell, row.line, text, hint), words });
  });
  return lines;
}

const TEXT_COLUMN_WORD = /^[^\d\s]{2,8}$/u;

function isOneLineHeader(words: readonly string[], hint: EraHint): boolean {
  if (words.length >= 2 && words.every((word) => namesRole(word, hint))) return true;
  // A text column first: the words after it must open with the names' column and name roles throughout.
  const [first = '', second = '', ...rest] = words;
  return (
    rest.length >= 2 &&
    TEXT_COLUMN_WORD.test(first) &&
    headerRole(second, hint) === 'name' &&
    rest.every((word) => namesRole(word, hint))
  );
}

const WRAPPED_CELL = 14;

function isValueHeaderCell(text: string, hint: EraHint): boolean {
  if (text.length > WRAPPED_CELL) return false;
  return PERIOD_LINE.test(text) || FIGURE_VALUE_ROLES.has(headerRole(text, hint) ?? 'ignore');
}

// The header cells from a line on, wrapped cells joined: a period in parentheses goes with the cell before it, a
// cell that names no role with the one after it. The header ends where a row starts (a name, then a figure).
function headerFrom(lines: readonly Line[], start: number, hint: EraHint): { cells: Line[]; end: number } {
  const cells: Line[] = [];
  const starts: number[] = [];
  let pending = false;
  let j = start;
  for (; j < lines.length && j - start < MAX_HEADER_LINES; j += 1) {
    const line = lines[j] as Line;
    const next = lines[j + 1];
    // A sentence or a clause (「…身につけます。」, 「・…判断するため、」) is prose above the table, never a header cell.
    if (line.isFigure || line.text.length > MAX_HEADER_CELL || /[。、]$|^[・※]/u.test(line.text)) break;
    if (next === undefined || next.isFigure) break;
    // A header written on one line is a header of its own: no line before it joins it, none after it but value
    // cells wrapped onto lines of their own (「施策項目目標 指標項目 設定時の値」 「(年度)」 「現況値」 「H22の目標値」).
    const opening = lines[start] as Line;
    const wrapped =
      opening.headerWord === true && line.headerWord !== true && isValueHeaderCell(line.text, hint);
    if (
      !wrapped &&
      ((line.headerWord ?? false) !== (opening.headerWord ?? false) ||
        (line.headerWord && line.line !== opening.line))
    )
      break;
    const last = cells[cells.length - 1];
    if (last !== undefined && (pending || /^[(（][^()（）]*[)）]$/u.test(line.text))) {
      const text = `${last.text}${line.text}`;
      cells[cells.length - 1] = { ...last, text, cell: { ...last.cell, text } };
    } else {
      cells.push(line);
      starts.push(j);
    }
    const closing = (cells[cells.length - 1] as Line).text;
    pending = !namesRole(closing, hint) && !isSubCellLine(closing);
  }
  // The header ends with a cell that names a role: text after it (the first row's 出典 cell, before its
  // figures) opens the rows.
  while (
    cells.length > 2 &&
    !namesRole((cells[cells.length - 1] as Line).text, hint) &&
    !isSubCellLine((cells[cells.length - 1] as Line).text)
  ) {
    cells.pop();
    j = starts.pop() as number;
  }
  return { cells, end: j };
}

// The rows after the header: a name (one or more text lines), then exactly one figure line a value column. Where
// the name is a line that carried its first value, the text lines before it are headings (one-cell rows).
const HEADING_LINE = /^[<＜〈《【［[‹][^<>＜＞〈〉《》【】［］[\]‹›]+[>＞〉》】］\]›]$/u;

// A row printed out of its place (its figures before its name, a cell of two figures) is passed over, and the rows
// after it read on: at most this many lines passed over in a row.
const MAX_SKIPPED_LINES = 30;

function rowsFrom(lines: readonly Line[], start: number, width: number): GridRow[] {
  const rows: GridRow[] = [];
  let i = start;
  let skipped = 0;
  while (i < lines.length) {
    const from = i;
    const texts: Line[] = [];
    while (i < lines.length && !(lines[i] as Line).isFigure) texts.push(lines[i++] as Line);
    // After a row passed over, a line wholly in brackets opens no name: it is the note of a cell passed over.
    while (skipped > 0 && texts.length > 1 && PERIOD_LINE.test((texts[0] as Line).text)) texts.shift();
    const opener = texts.findLastIndex((l) => l.opensRow === true);
    // A heading written in brackets of its own (「<施設系サービス>」, 「【産業】」) opens no name: it heads the rows.
    const bracketed = texts.findLastIndex((l) => HEADING_LINE.test(l.text));
    const cut = opener >= 0 && opener === texts.length - 1 ? opener : bracketed + 1;
    const headings = texts.slice(0, cut);
    const name = texts.slice(cut);
    const values: Line[] = [];
    while (i < lines.length && (lines[i] as Line).isFigure && values.length < width)
      values.push(lines[i++] as Line);
    const first = name[0];
    const fits = first !== undefined && name.length <= 2 && values.length === width;
    // The figures of a row passed over may follow a whole row: they are passed over in turn.
    if (!fits || ((lines[i]?.isFigure ?? false) && rows.length === 0)) {
      if (rows.length === 0) break;
      while (i < lines.length && (lines[i] as Line).isFigure) i += 1;
      skipped += i - from;
      if (skipped > MAX_SKIPPED_LINES) break;
      continue;
    }
    if (lines[i]?.isFigure ?? false) skipped += 1;
    else skipped = 0;
    for (const heading of headings)
      rows.push({ line: heading.line, cells: [{ text: heading.text, ref: heading.cell.ref }] });
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

// The sub-cells of a two-row header (年度, 数値(単位)), as some extractors print them: after all the upper cells.
const SUB_CELL = /^(?:数値|値|実数|割合|年度|年次|年|時点|単位)$/u;
const GROUP_CELL = 10;

function isSubCellLine(text: string): boolean {
  return SUB_CELL.test(text.replace(/※\s*\d*|[(（][^()（）]*[)）]/gu, '').trim());
}

/**
 * A two-row header printed one cell a line, the upper row first (「基準値」 「成果目標項目」 「目標値」, then 「年度」
 * 「数値(単位)」 「年度※1」 「数値(単位)」): each value cell of the upper row takes its share of the sub-cells, in order,
 * and the names' cell goes first, where the rows put the names. Null where the cells are no such header.
 */
function withSubCellsGrouped(cells: readonly Line[], hint: EraHint): Line[] | null {
  let first = cells.length;
  while (first > 0 && isSubCellLine((cells[first - 1] as Line).text)) first -= 1;
  const subs = cells.slice(first);
  const upper = cells.slice(0, first);
  const groups = upper.filter(
    (cell) =>
      cell.text.length <= GROUP_CELL && FIGURE_VALUE_ROLES.has(headerRole(cell.text, hint) ?? 'ignore'),
  );
  const share = groups.length === 0 ? 0 : subs.length / groups.length;
  if (groups.length < 2 || !Number.isInteger(share) || share < 2) return null;
  // A long cell among the upper ones is the title the header's first line joined (「…概要版 主な成果目標」).
  const others = upper.filter((cell) => !groups.includes(cell) && cell.text.length <= MAX_HEADER_CELL);
  const joined = groups.flatMap((group, g) =>
    subs.slice(g * share, (g + 1) * share).map((sub) => {
      const text = `${group.text} ${sub.text}`;
      return { ...sub, text, cell: { ...sub.cell, text } };
    }),
  );
  return [...others, ...joined];
}

// Indicators over the value columns, printed one a line before the header (「特定健康診査の実施率(%)」 …, each over
// its 「2019年度」 「目標」): the lines above it that name a measure (a unit in brackets, or a word such as 率, 数),
// a line opening with a bracket being the one before it wrapped. Headings among them (「住民の健康の保持の推進」)
// name no measure. Taken only where they share the value columns evenly, two or more columns each.
const MEASURE_LINE = /(?:[(（][^()（）]{1,4}[)）]|率|数|割合|額|量)$/u;

function groupsBefore(lines: readonly Line[], start: number, width: number, hint: EraHint): string[] | null {
  let from = start;
  while (from > 0 && start - from < MAX_HEADER_LINES) {
    const line = lines[from - 1] as Line;
    if (line.isFigure || /[。、]$/u.test(line.text)) break;
    from -= 1;
  }
  const joined: string[] = [];
  for (const line of lines.slice(from, start)) {
    if (/^[(（]/u.test(line.text) && joined.length > 0)
      joined[joined.length - 1] = `${joined[joined.length - 1] ?? ''}${line.text}`;
    else joined.push(line.text);
  }
  const names = joined.filter((text) => MEASURE_LINE.test(text) && headerRole(text, hint) === null);
  const share = width / names.length;
  return names.length >= 2 && Number.isInteger(share) && share >= 2 ? names : null;
}

/**
 * A grid of one-cell lines read as a table of one cell a line, or null when its lines hold no header of roles
 * followed by rows that fit it.
 */
export function cellLinesGrid(grid: Grid, hint: EraHint): Grid | null {
  const read = readCellLines(grid, hint);
  if (grid.pageNumbers === undefined) return read;
  // Bare numbers alone on their lines were taken for page numbers; in a table of one cell a line they may be its
  // figures. Taken back where the table then fills more cells (a page number among the cells breaks rows instead).
  const rows = [...grid.rows, ...grid.pageNumbers].sort((a, b) => a.line - b.line);
  const withNumbers = readCellLines({ sheet: grid.sheet, rows }, hint);
  return filledCells(withNumbers) > filledCells(read) ? withNumbers : read;
}

// How much of the text a reading placed in rows: its filled cells.
function filledCells(grid: Grid | null): number {
  return (grid?.rows ?? []).reduce((sum, row) => sum + row.cells.filter((c) => c.text !== '').length, 0);
}

// A PDF prints the first row's name cell, which spans the header's height, between the header's cells (「項目」
// 「児童養護施設のこどもの進学率」 「現状」 「出典」): a lone line right after the header's name cell, before the cells
// that name values. Put back after the header, it opens the rows; null where the lines have no such name.
function withNameOutOfHeader(lines: readonly Line[], start: number, hint: EraHint): Line[] | null {
  const opening = lines[start];
  const inside = lines[start + 1];
  if (opening === undefined || inside === undefined || inside.isFigure || opening.headerWord === true)
    return null;
  if (headerRole(opening.text, hint) !== 'name' || namesRole(inside.text, hint)) return null;
  if (inside.text.length > MAX_HEADER_CELL * 2) return null;
  let end = start + 2;
  while (end < lines.length && !(lines[end] as Line).isFigure && namesRole((lines[end] as Line).text, hint))
    end += 1;
  const after = lines.slice(start + 2, end);
  if (!after.some((line) => FIGURE_VALUE_ROLES.has(headerRole(line.text, hint) ?? 'ignore'))) return null;
  return [...lines.slice(0, start + 1), ...after, inside, ...lines.slice(end)];
}

function readCellLines(grid: Grid, hint: EraHint): Grid | null {
  const read = linesOf(grid.rows, hint);
  // A header written on one line (its cells split by spaces) is tried first: it is a header by its words alone.
  const indices = read.map((_, index) => index);
  const oneLine = indices.filter(
    (i) => (read[i] as Line).headerWord === true && (read[i - 1]?.line ?? -1) !== (read[i] as Line).line,
  );
  for (const start of [...oneLine, ...indices.filter((i) => !oneLine.includes(i))]) {
    if ((read[start] as Line).isFigure) continue;
    const moved = withNameOutOfHeader(read, start, hint);
    const lines = moved ?? read;
    const found = headerFrom(lines, start, hint);
    const { end } = found;
    const grouped = withSubCellsGrouped(found.cells, hint);
    const cells = grouped ?? found.cells;
    // A header whose sub-cells were shared out is a header for sure: its cell over the names is the names'.
    const regrouped = grouped !== null;
    if (cells.length < 2) continue;
    const first = cells[0] as Line;
    // A header that names its name column first (「指標項目 現状値 …」, 「評価指標」 「策定時」 …) has a cell over the
    // names; a header of value cells only has none (the names' column has no header of its own).
    // (Off a one-line header, only a sure name word counts: 「20項目/53項目が悪化」 above a table is a title.)
    // A one-line header may open with a text column before the names' (「主な取組 指標名 単位 現状 目標」).
    const own = detectHeader(
      { line: first.line, cells: cells.map((c) => ({ text: c.text, ref: c.cell.ref })) },
      hint,
    );
    const firstColumn = own?.[0];
    // A name printed inside the header's name cell shows that cell to be over the names; so does a 出典 column
    // named beside the names' and the values' (a title names no source).
    const sourced = own?.some((m) => m.role === 'note' && /出典/u.test(m.header)) ?? false;
    const sure = first.headerWord === true || regrouped || moved !== null || sourced;
    const named =
      (firstColumn?.role === 'name' && (sure || firstColumn.confidence >= SURE_NAME)) ||
      (first.headerWord === true && own?.[1]?.role === 'name' && firstColumn?.role !== 'baseline');
    const header: GridRow = {
      line: first.line,
      cells: [
        ...(named ? [] : [{ text: '', ref: first.cell.ref }]),
        ...cells.map((c) => ({ text: c.text, ref: c.cell.ref })),
      ],
    };
    const mapping = detectHeader(header, hint);
    if (mapping === null) continue;
    const groups = groupsBefore(lines, start, header.cells.length - 1, hint);
    // Lines are placed by kind only under a header that names its name column: a header of value words alone
    // (or of title lines that happen to name roles) gives no ground to place text lines.
    const layout = named ? typedLayout(mapping, hint) : null;
    const rows =
      layout !== null
        ? (sourcedRowsFrom(lines, end, mapping, hint) ?? typedRowsFrom(lines, end, layout))
        : rowsFrom(lines, end, cells.length - (named ? 1 : 0));
    if (rows.length === 0) continue;
    const top: GridRow | null =
      groups === null
        ? null
        : {
            line: first.line,
            cells: header.cells.map((cell, column) => {
              const share = (header.cells.length - 1) / groups.length;
              const text = column > 0 && (column - 1) % share === 0 ? groups[(column - 1) / share] : '';
              return { text: text ?? '', ref: cell.ref };
            }),
          };
    return { sheet: grid.sheet, rows: top === null ? [header, ...rows] : [top, header, ...rows] };
  }
  return null;
}
