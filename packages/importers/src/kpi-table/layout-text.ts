import type { Grid, GridRow } from './grid.js';
import { textRow } from './grid.js';
import { detectHeader } from './header.js';
import type { Band } from './pdf-geometry.js';
import { bandAt, joinWrapped } from './pdf-geometry.js';
import { opensNoteOrHeading } from './tail-lines.js';
import { eraHintOf } from './years.js';

// Text a PDF extractor laid out as its page (`pdftotext -layout`, a viewer's "keep layout" copy): each cell
// printed at the column where the page printed it, cells parted by runs of spaces, a cell's wrapped lines on the
// lines under it at the same column. The extractor puts each character at one column of its grid, so a cell's
// column is its character offset in the line (not its display width). A name too long for its column pushes the
// cell beside it right, parted by one space only.

interface Run {
  readonly text: string;
  readonly from: number;
  readonly to: number;
}

// Words parted by one space are one run (「5.0% (平成32年)」); two spaces or more part cells.
const RUN = /\S+(?: \S+)*/gu;
// Lines that lay a table out this way, and of them those whose cells share columns.
const LAID_OUT_LINES = 3;

function runsOf(line: string): Run[] {
  return [...line.matchAll(RUN)].map((m) => ({
    text: m[0],
    from: m.index,
    to: m.index + m[0].length,
  }));
}

function linesOf(text: string): string[] {
  // A page break (form feed) opens the next page's first line; it takes no column.
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => line.replace(/\f/gu, '').replace(/\s+$/u, ''));
}

// The columns: where the runs of the fullest lines stand. Only lines of the most runs count: a name that
// overflows into the next column, or a title, would join two columns.
function bandsOf(lines: readonly Run[][]): Band[] {
  const most = Math.max(0, ...lines.map((runs) => runs.length));
  if (most < 2) return [];
  const spans = lines
    .filter((runs) => runs.length === most)
    .flat()
    .map((run) => ({ from: run.from, to: run.to }))
    .sort((a, b) => a.from - b.from);
  const bands: Band[] = [];
  for (const span of spans) {
    const last = bands[bands.length - 1];
    if (last !== undefined && span.from < last.to + 1) last.to = Math.max(last.to, span.to);
    else bands.push({ ...span });
  }
  return bands;
}

/**
 * Whether text is laid out as its page was: no bars or tabs, and at least three lines of two cells or more
 * whose cells start at the columns of other lines' cells.
 */
export function looksLaidOut(text: string): boolean {
  const lines = linesOf(text.slice(0, 400_000)).slice(0, 2000);
  if (lines.some((line) => line.includes(' | ') || line.includes('\t'))) return false;
  const multi = lines.map(runsOf).filter((runs) => runs.length >= 2);
  if (multi.length < LAID_OUT_LINES) return false;
  const starts = new Map<number, number>();
  for (const runs of multi)
    for (const run of runs.slice(1)) starts.set(run.from, (starts.get(run.from) ?? 0) + 1);
  const shared = [...starts.values()].filter((count) => count >= LAID_OUT_LINES).length;
  return shared >= 1;
}

function bandOf(bands: readonly Band[], run: Run): number {
  return bandAt(bands, run.from, run.to);
}

// A cell is full where its text reaches this near the next column: its next line is its wrapped rest.
const FULL_MARGIN = 4;

const HAS_FIGURE_OR_NONE = /[\d０-９―─ー－-]/u;

// A run that starts in one column and runs on into the next (a long name pushing its row's next cell right):
// parted at the first space near or after the next column's start (the name fills its column, then one space),
// where what follows holds a figure or a none mark. A title across the table has no such space and stays whole.
function splitOverflow(bands: readonly Band[], run: Run): Run[] {
  const band = bands.findLastIndex((b) => b.from <= run.from);
  const next = bands[band + 1];
  if (next === undefined || run.to <= next.from + 1) return [run];
  for (let at = run.text.indexOf(' ', Math.max(1, next.from - FULL_MARGIN - run.from)); at >= 0;) {
    const rest = run.text.slice(at + 1);
    if (HAS_FIGURE_OR_NONE.test(rest.split(' ')[0] ?? '')) {
      const head = { text: run.text.slice(0, at), from: run.from, to: run.from + at };
      const tail = { text: rest, from: run.from + at + 1, to: run.to };
      return [head, ...splitOverflow(bands, tail)];
    }
    at = run.text.indexOf(' ', at + 1);
  }
  return [run];
}

// The tail of a cell wrapped onto the next line: its closing bracket, or a bracketed year or note of its own
// (「(平成26年)」, 「年)」, 「(注3)」).
const TAIL = /^(?:[(（〔［[][^()（）〔〕［］[\]]*[)）〕］\]]?|[^()（）〔〕［］[\]]*[)）〕］\]])$/u;

function isTail(text: string): boolean {
  return text.split(' ').every((part) => TAIL.test(part));
}

// The last characters of a value cell's word, wrapped alone (「90%以」 / 「上」, 「週9.7」 / 「回 以上」): no figure, a few
// characters. The last column has no next column to fill, so only this tells its wraps.
const WORD_TAIL = 4;

function isWordTail(text: string): boolean {
  return !/\d/u.test(text) && text.replace(/\s/gu, '').length <= WORD_TAIL;
}

interface HeldRow {
  readonly line: number;
  readonly cells: string[];
  // Whether each cell's text on the row's last line reached the next column.
  full: boolean[];
}

// Each table's columns are its own: a line the header reader takes for a header starts a block whose columns
// are read from its lines alone (sections of one document set their columns apart).
function blocksOf(runs: readonly Run[][], hint: string): { starts: boolean[]; lines: Run[][][] } {
  const starts = runs.map(
    (lineRuns, index) =>
      lineRuns.length >= 2 &&
      !lineRuns.every((run) => isTail(run.text)) &&
      detectHeader(
        textRow(
          lineRuns.map((run) => run.text),
          index + 1,
        ),
        hint,
      ) !== null,
  );
  const lines: Run[][][] = [];
  let from = 0;
  for (let i = 1; i <= runs.length; i += 1) {
    if (i < runs.length && !starts[i]) continue;
    lines.push(withColumnStarts(runs.slice(from, i)));
    from = i;
  }
  return { starts, lines };
}

// Where columns stand close, the extractor parts two cells by one space only (「約825万人日分 約701万人日分」). A
// word that starts exactly where other lines' cells start (a column's left edge, three lines or more) starts a
// cell.
const EDGE_LINES = 3;

function withColumnStarts(block: readonly Run[][]): Run[][] {
  const counts = new Map<number, number>();
  for (const lineRuns of block)
    for (const run of lineRuns) if (run.from > 0) counts.set(run.from, (counts.get(run.from) ?? 0) + 1);
  const edges = [...counts].filter(([, count]) => count >= EDGE_LINES).map(([at]) => at);
  return block.map((lineRuns) =>
    lineRuns.flatMap((run) => {
      const cuts = edges
        .filter((at) => at > run.from + 1 && at < run.to && run.text[at - run.from - 1] === ' ')
        .sort((a, b) => a - b);
      const parts: Run[] = [];
      let from = run.from;
      for (const at of [...cuts, run.to + 1]) {
        parts.push({ text: run.text.slice(from - run.from, at - 1 - run.from), from, to: at - 1 });
        from = at;
      }
      return parts.map((part, i) =>
        i === parts.length - 1 ? { ...part, to: run.to, text: run.text.slice(part.from - run.from) } : part,
      );
    }),
  );
}

/** Reads text laid out as its page: columns by where cells stand, wrapped cells joined to their rows. */
export function readLayoutText(text: string): Grid {
  const blocks = blocksOf(linesOf(text).map(runsOf), eraHintOf(text));
  const runs = blocks.lines.flat();
  const bandsByLine = blocks.lines.flatMap((block) => block.map(() => bandsOf(block)));
  const rows: GridRow[] = [];
  let held: HeldRow | null = null;
  const flush = (): void => {
    if (held !== null) rows.push(textRow(held.cells, held.line));
    held = null;
  };
  runs.forEach((lineRuns, index) => {
    const line = index + 1;
    const bands = bandsByLine[index] as Band[];
    if (lineRuns.length === 0) {
      flush();
      return;
    }
    const first = lineRuns[0] as Run;
    // One run across two columns or more, or before any column: a title or a note, a row of its own.
    if (
      bands.length < 2 ||
      (lineRuns.length === 1 &&
        bandOf(bands, first) === 0 &&
        first.to > (bands[1] as Band).from + 1 &&
        splitOverflow(bands, first).length === 1)
    ) {
      flush();
      rows.push(textRow([first.text], line));
      return;
    }
    const cells = bands.map(() => '');
    const ends = bands.map(() => 0);
    for (const run of lineRuns.flatMap((r) => splitOverflow(bands, r))) {
      const at = bandOf(bands, run);
      cells[at] = cells[at] === '' ? run.text : `${cells[at]} ${run.text}`;
      ends[at] = Math.max(ends[at] as number, run.to);
    }
    const full = bands.map((band, i) => {
      const edge = bands[i + 1]?.from ?? Infinity;
      return cells[i] !== '' && (ends[i] as number) >= edge - FULL_MARGIN;
    });
    const wrapsHeader =
      held !== null && blocks.starts[held.line - 1] === true && !cells.some((cell) => /\d/u.test(cell));
    if (held !== null && !blocks.starts[index] && (wrapsHeader || continues(held, cells))) {
      const row: HeldRow = held;
      cells.forEach((cell, i) => {
        row.cells[i] = joinWrapped(row.cells[i] as string, cell);
      });
      row.full = full;
      return;
    }
    flush();
    held = { line, cells, full };
  });
  flush();
  return { sheet: null, rows };
}

// Whether a line goes on with the row above (a header's next line of words without figures always does): the
// row has cells in two columns or more, and each of the line's cells is a bracket's tail, goes on with a cell of
// the row that filled its column, or ends a value's word; a note or a heading never.
function continues(row: HeldRow, cells: readonly string[]): boolean {
  if (row.cells.filter((cell) => cell !== '').length < 2) return false;
  if (opensNoteOrHeading(cells.find((cell) => cell !== '') ?? '')) return false;
  return cells.every(
    (cell, i) => cell === '' || isTail(cell) || row.full[i] === true || (i > 0 && isWordTail(cell)),
  );
}
