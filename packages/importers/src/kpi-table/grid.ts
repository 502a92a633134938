import { opensNoteOrHeading } from './tail-lines.js';

/** One cell of a table as read: its text and where it stands in the source. */
export interface GridCell {
  /** The cell's text, line breaks inside the cell kept as spaces. */
  readonly text: string;
  /** Where it is, as a person finds it: `B7` in a worksheet, `line 12, cell 3` in text. */
  readonly ref: string;
}

/** One row of a table: its cells, the source line (text) or worksheet row it came from. */
export interface GridRow {
  readonly cells: readonly GridCell[];
  /** 1-based line of the text, or row of the worksheet. */
  readonly line: number;
  /** A line the source wrapped onto this row, to be joined to it (PDF extracts wrap long names). */
  readonly isContinuation?: boolean;
}

/** A table as cells: a worksheet, or the rows of a text file; `title` names the worksheet or the section. */
export interface Grid {
  /** Worksheet name, or null for text. */
  readonly sheet: string | null;
  readonly rows: readonly GridRow[];
  /**
   * Lines of text that hold a bare number alone, left out of the rows as page numbers. In a table printed one
   * cell a line they may be its figures (「17」 / 「(24年度)」): that reader tries them back.
   */
  readonly pageNumbers?: readonly GridRow[];
}

/** The layouts a table comes in. */
export type TableFormat = 'xlsx' | 'pdf' | 'csv' | 'tsv' | 'html' | 'markdown' | 'pdf-text';

/** A column letter as spreadsheets name it: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A row's cells as one line of text, a space between cells. */
export function rowText(row: GridRow): string {
  return row.cells.map((cell) => cell.text).join(' ');
}

/** A row of text cells at a line of the text. */
export function textRow(texts: readonly string[], line: number, isContinuation = false): GridRow {
  return {
    line,
    cells: texts.map((text, index) => ({ text: text.trim(), ref: `line ${line}, cell ${index + 1}` })),
    ...(isContinuation ? { isContinuation } : {}),
  };
}

/** Splits CSV text (RFC 4180: quotes, doubled quotes, line breaks inside quotes) into rows. */
export function readDelimited(text: string, delimiter: ',' | '\t'): Grid {
  const rows: GridRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text.charAt(i + 1) === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (char === '\n') {
      cells.push(cell);
      rows.push(textRow(cells, rowLine));
      cells = [];
      cell = '';
      line += 1;
      rowLine = line;
    } else if (char !== '\r') cell += char;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push(textRow(cells, rowLine));
  }
  return { sheet: null, rows };
}

const MARKDOWN_RULE = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/u;

/** The number of columns a Markdown rule line (「---|---|---」) gives, or 0 for a line that is none. */
function ruleWidth(line: string): number {
  return MARKDOWN_RULE.test(line) ? (line.match(/-{3,}/gu) ?? []).length : 0;
}

// A row broken after every cell (the text some tools make of an HTML table: 「a | b |」, then 「c |」 on the next
// line, a bare 「|」 an empty cell): each bar closes one cell.
function brokenCells(line: string): string[] {
  return splitPipes(line.replace(/\|$/u, ''));
}

function isBrokenPart(line: string): boolean {
  return line.endsWith('|') && (!line.startsWith('|') || /^\|+$/u.test(line));
}

/**
 * Reads Markdown pipe tables; a line outside a table becomes a one-cell row (a title or a section). Rows broken
 * after every cell (lines that end with a bar but do not open with one) are joined until they fill the width of
 * the table's rule line; the empty cells such a row ends with stand for cells spanned from the rows above, which
 * are on its left, so its cells move right by their number.
 */
export function readMarkdown(text: string): Grid {
  const rows: GridRow[] = [];
  const lines = text.split('\n').map((raw) => raw.trim());
  let width = 0;
  let noteLast = false;
  let pending: { cells: string[]; line: number; open: string } | null = null;
  const shiftedRight = (raw: readonly string[]): string[] => {
    const cells = raw.map((cell) => cell.trim());
    let pad = 0;
    while (pad < cells.length - 1 && cells[cells.length - 1 - pad] === '') pad += 1;
    // Under a header whose last column is for notes (備考), one empty cell at the end is an empty note.
    const emptyNote = noteLast && pad === 1;
    return width > 0 && cells.length === width && !emptyNote
      ? [...Array<string>(pad).fill(''), ...cells.slice(0, cells.length - pad)]
      : cells;
  };
  const flush = (): void => {
    if (pending === null) return;
    rows.push(textRow(shiftedRight(pending.cells), pending.line));
    pending = null;
  };
  lines.forEach((line, index) => {
    const rule = ruleWidth(line);
    if (rule > 0) {
      width = rule;
      // The header is one of the lines just above the rule (a row may come between, as some texts print it).
      const above = [
        ...rows.slice(-2).map((row) => row.cells.map((cell) => cell.text)),
        pending?.cells ?? [],
      ];
      noteLast = above.some((cells) => NOTE_COLUMN.test(cells[rule - 1]?.trim() ?? ''));
      // A header broken after every cell ends at the rule line.
      if (pending !== null) rows.push(textRow(pending.cells, pending.line));
      pending = null;
      return;
    }
    if (line === '') return;
    if (isBrokenPart(line) && (pending !== null || !line.startsWith('|'))) {
      pending ??= { cells: [], line: index + 1, open: '' };
      const cells = brokenCells(line);
      // Lines without a bar before this one are the first cell's own lines, which this bar closes.
      if (pending.open !== '') cells[0] = `${pending.open} ${cells[0] ?? ''}`.trim();
      pending.open = '';
      pending.cells.push(...cells);
      if (width > 0 && pending.cells.length >= width) flush();
      return;
    }
    // A line with no bar inside a broken row goes on with the cell the next bar closes (「直近値」 then 「|」).
    if (pending !== null && !line.includes('|') && !/。/u.test(line) && line.length <= 60) {
      pending.open = `${pending.open} ${line}`.trim();
      return;
    }
    flush();
    if (!line.startsWith('|')) {
      rows.push(textRow([line.replace(/^#+\s*/u, '')], index + 1));
      return;
    }
    const inner = line.replace(/^\|/u, '').replace(/\|$/u, '');
    rows.push(textRow(splitPipes(inner), index + 1));
  });
  flush();
  return { sheet: null, rows };
}

// A pipe escaped as \| belongs to the cell.
function splitPipes(text: string): string[] {
  return text.split(/(?<!\\)\|/u).map((cell) => cell.replace(/\\\|/gu, '|'));
}

const NOTE_COLUMN = /^(?:備考|注記?|参照|出典|特記事項)$/u;

const PAGE_NUMBER = /^[-–—\s]*\d{1,4}[-–—\s]*$|^\d+\s*\/\s*\d+$/u;
const SECTION_START =
  /^(?:\d+[.．、]|[(（]?\d+[)）]|[一二三四五六七八九十]+[、.]|第\S+[章節分野]|[◯○●◆■□【]|政策)/u;

const ENCLOSED_ROW = /^\|.*\|$/u;

// The cells of a PDF-extract row. Where the text writes its rows between bars (「| a | b |」), a bar at an end
// encloses the row (or the part of it on the line). Where it only puts bars between cells, a bar at an end is a separator beside an empty edge
// cell (「 |  | 数値 | 年度 | 」, the second row of a two-row header, trimmed), so that cell stays and the row keeps
// its columns.
function pdfRowInner(line: string, enclosedRows: boolean): string {
  return enclosedRows ? line.replace(/^\|/u, '').replace(/\|$/u, '') : line;
}

// Whether the text writes its rows between bars: most of its rows open and close with one.
function writesEnclosedRows(lines: readonly string[]): boolean {
  const rows = lines.filter((line) => line.includes(' | ') || ENCLOSED_ROW.test(line));
  return 2 * rows.filter((line) => ENCLOSED_ROW.test(line)).length > rows.length;
}

/**
 * Reads the text a PDF table extractor gives: cells joined with ` | `, one row a line. A line without a
 * separator right after a row of the table is that row's wrapped tail (unless it opens a section or is a page
 * number, which is dropped); elsewhere it is a title or section line.
 */
export function readPdfText(text: string): Grid {
  const rows: GridRow[] = [];
  const pageNumbers: GridRow[] = [];
  let previousWasTableRow = false;
  let previousWasBarred = false;
  const lines = text.split('\n');
  const enclosedRows = writesEnclosedRows(lines.map((raw) => raw.trim()));
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') {
      previousWasTableRow = false;
      previousWasBarred = false;
      return;
    }
    if (PAGE_NUMBER.test(line)) {
      pageNumbers.push(textRow([line], index + 1));
      return;
    }
    if (line.includes(' | ') || ENCLOSED_ROW.test(line)) {
      const inner = pdfRowInner(line, enclosedRows);
      const previous = rows[rows.length - 1];
      // In rows written between bars (「| a | b |」), a line that does not open with a bar right after one goes
      // on with the row above: the row broke between two cells.
      if (previousWasBarred && previous !== undefined && !line.startsWith('|')) {
        const texts = [...previous.cells.map((c) => c.text), ...inner.split('|')];
        rows[rows.length - 1] = textRow(texts, previous.line);
      } else rows.push(textRow(inner.split('|'), index + 1));
      previousWasTableRow = true;
      previousWasBarred = enclosedRows && ENCLOSED_ROW.test(line);
      return;
    }
    previousWasBarred = false;
    const isTail = previousWasTableRow && !SECTION_START.test(line) && !opensNoteOrHeading(line);
    rows.push(textRow([line], index + 1, isTail));
    previousWasTableRow = isTail;
  });
  return { sheet: null, rows, ...(pageNumbers.length > 0 ? { pageNumbers } : {}) };
}
