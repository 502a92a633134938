import type { GridCell } from './grid.js';
import type { Band, PageText, Span } from './pdf-geometry.js';
import {
  CELL_GAP,
  MEET,
  bandAt,
  cellText,
  distinct,
  indexIn,
  lineText,
  linesOf,
  middle,
} from './pdf-geometry.js';

// Text of a PDF page outside any ruled table: titles, notes, and tables without rules or ruled across only.

const left = (chunk: readonly PageText[]): number => (chunk[0] as PageText).x;
const right = (chunk: readonly PageText[]): number => Math.max(...chunk.map((t) => t.right));

// A line outside any lattice as its chunks: texts parted where the next stands well apart, or where the next
// starts at a column's left edge (`edges`: a spreadsheet's cells stand too close for a gap to part them).
function chunksOf(line: readonly PageText[], edges: readonly number[] = []): PageText[][] {
  const groups: PageText[][] = [];
  for (const text of line) {
    const last = groups[groups.length - 1];
    const lastRight = last?.[last.length - 1]?.right ?? -Infinity;
    const atEdge = edges.some((edge) => Math.abs(edge - text.x) <= EDGE_NEAR);
    if (last === undefined || text.x - lastRight > text.size * CELL_GAP || atEdge) groups.push([text]);
    else last.push(text);
  }
  return groups;
}

// How near two chunks' left ends stand to start one column, and in how many lines: the left edges of columns.
const EDGE_NEAR = 1.5;
const EDGE_LINES = 3;

function columnEdges(lines: readonly PageText[][]): number[] {
  const lefts = lines.flatMap((line) => chunksOf(line).map(left)).sort((a, b) => a - b);
  const edges: number[] = [];
  let from = 0;
  for (let i = 1; i <= lefts.length; i += 1) {
    if (i < lefts.length && (lefts[i] as number) - (lefts[i - 1] as number) <= EDGE_NEAR) continue;
    if (i - from >= EDGE_LINES) edges.push(lefts[from] as number);
    from = i;
  }
  return edges;
}

// The columns of text without rules: the spans across which no text of the table's fullest lines runs part them.
// Only lines of nearly the most chunks count: a header cell over two columns, or a title, would join them.
const FULL_LINE = 0.6;

function bandsOf(lines: readonly PageText[][][], edges: readonly number[] = []): Band[] {
  const most = Math.max(0, ...lines.map((chunks) => chunks.length));
  if (most < 2) return [];
  const spans = lines
    .filter((chunks) => chunks.length >= Math.max(2, Math.ceil(most * FULL_LINE)))
    .flatMap((chunks) => chunks.flat().map((text) => ({ from: text.x, to: text.right })))
    .sort((a, b) => a.from - b.from);
  const full = unite(spans, edges);
  // A column whose cells wrap beside one-line cells centred on them (a spreadsheet's rows) has its lines alone:
  // chunks that stand clear of every column found, one over another, are a column of their own.
  const clear = lines
    .flat()
    .filter(
      (chunk) => !full.some((band) => Math.min(right(chunk), band.to) > Math.max(left(chunk), band.from)),
    )
    .map((chunk) => ({ from: left(chunk), to: right(chunk) }));
  // Two such chunks at least, one over another: a stray word that wrapped apart is no column.
  const columns = unite(
    [...clear].sort((a, b) => a.from - b.from),
    edges,
  ).filter((band) => clear.filter((chunk) => chunk.from >= band.from && chunk.to <= band.to).length >= 2);
  return columns.length === 0
    ? full
    : unite(
        [...full, ...columns].sort((a, b) => a.from - b.from),
        edges,
      );
}

// Spans that overlap or touch are one column, unless the later starts at a column's left edge: a cell that
// fills its column to the next one's edge.
function unite(spans: readonly Band[], edges: readonly number[]): Band[] {
  const bands: Band[] = [];
  for (const span of spans) {
    const last = bands[bands.length - 1];
    const atEdge =
      last !== undefined &&
      span.from >= last.to - 0.5 &&
      edges.some((edge) => Math.abs(edge - span.from) <= EDGE_NEAR);
    if (last !== undefined && span.from < last.to + 0.5 && !atEdge) last.to = Math.max(last.to, span.to);
    else bands.push({ ...span });
  }
  return bands;
}

function bandOf(bands: readonly Band[], chunk: readonly PageText[]): number {
  return bandAt(bands, left(chunk), right(chunk));
}

// Whether a chunk covers two columns or more: a title across the table, not a cell.
function spansBands(bands: readonly Band[], chunk: readonly PageText[]): boolean {
  return (
    bands.filter((band) => Math.min(right(chunk), band.to) - Math.max(left(chunk), band.from) > 0).length > 1
  );
}

// The rules across that make one table: those of one width, one under another.
function ruledGroups(across: readonly Span[]): Span[][] {
  const groups: Span[][] = [];
  for (const span of [...across].sort((a, b) => a.at - b.at)) {
    const group = groups.find((g) => {
      const first = g[0] as Span;
      return Math.abs(first.from - span.from) <= 2 * MEET && Math.abs(first.to - span.to) <= 2 * MEET;
    });
    if (group === undefined) groups.push([span]);
    else group.push(span);
  }
  return groups.filter((group) => group.length >= 2);
}

function rowCells(
  parts: readonly (readonly PageText[])[],
  ref: (column: number) => string,
  join: boolean,
): GridCell[] {
  return parts.map((part, i) => ({ text: join ? cellText(part) : lineText(part), ref: ref(i + 1) }));
}

// Lines further apart than this many font sizes are in two blocks of text (two tables, a table and a note).
const BLOCK_GAP = 2.2;
// Lines closer than this many line pitches are lines of one row's cells.
const SAME_ROW = 1.08;

/**
 * The rows of lines that no rule parts, as a slot per line: a row's cells wrap with the line pitch, and rows stand
 * a little further apart (the cells' margins). A line of a cell centred beside a wrapped one stands between
 * lines, nearer still. Where every step down is the same, no cell wraps and each line is a row (null).
 */
function stackedSlots(lines: readonly PageText[][]): number[] | null {
  const baselines = lines.map((line) => (line[0] as PageText).baseline);
  const sizes = lines.map((line) => (line[0] as PageText).size);
  const steps = baselines.slice(1).map((baseline, i) => baseline - (baselines[i] as number));
  const full = steps.filter(
    (step, i) => step >= (sizes[i] as number) * 0.8 && step <= (sizes[i] as number) * 3,
  );
  // A one-line cell centred beside a two-line one stands half a pitch from each of its lines.
  const halves = steps
    .filter((step, i) => step >= (sizes[i] as number) * 0.3 && step < (sizes[i] as number) * 0.8)
    .sort((a, b) => a - b);
  const halfPitch = halves[Math.floor(halves.length / 2)];
  const pitch = Math.min(...full, halfPitch === undefined ? Infinity : 2 * halfPitch);
  // Rows of blocks joined by their columns (`sameColumns`) stand further apart than a line's step can be.
  if (full.length === 0 || !steps.some((step) => step > pitch * 1.12)) return null;
  let slot = 0;
  return baselines.map((_, i) => (i > 0 && (steps[i - 1] as number) > pitch * SAME_ROW ? ++slot : slot));
}

/**
 * Lines of one block of text as rows: its columns where the chunks of its lines stand; where horizontal rules
 * part it (`ys`), the lines between two rules are one row, each column's lines joined; else each line a row.
 */
function blockRows(
  lines: readonly PageText[][],
  ys: readonly number[],
  ref: (line: number, column: number) => string,
): { top: number; cells: GridCell[] }[] {
  const edges = columnEdges(lines);
  const chunked = lines.map((line) => chunksOf(line, edges));
  const bands = bandsOf(chunked, edges);
  const slots = ys.length > 0 ? null : stackedSlots(lines);
  const out: { top: number; cells: GridCell[] }[] = [];
  let held: { slot: number; top: number; parts: PageText[][] } | null = null;
  const flush = (): void => {
    if (held === null) return;
    const { top, parts } = held;
    out.push({ top, cells: rowCells(parts, (column) => ref(out.length + 1, column), true) });
    held = null;
  };
  lines.forEach((line, index) => {
    const chunks = chunked[index] as PageText[][];
    const top = (line[0] as PageText).baseline - (line[0] as PageText).size;
    const title = bands.length < 2 || (chunks.length === 1 && spansBands(bands, chunks[0] as PageText[]));
    const slot = title ? -1 : (slots?.[index] ?? indexIn(ys, middle(line[0] as PageText).y));
    if (held !== null && (slot < 0 || slot !== held.slot)) flush();
    if (title) {
      out.push({ top, cells: rowCells(chunks, (column) => ref(out.length + 1, column), false) });
      return;
    }
    const parts: PageText[][] = held?.parts ?? bands.map(() => []);
    for (const text of line) (parts[bandOf(bands, [text])] as PageText[]).push(text);
    held = { slot, top: held?.top ?? top, parts };
    if (slot < 0) flush();
  });
  flush();
  return out;
}

// Rules across of one width may rule two tables, one under the other: where no text stands between two rules
// (the space between the tables), the rules part into one block each, so each table keeps its own columns.
function withoutEmptySlots(block: {
  ys: readonly number[];
  lines: readonly PageText[][];
}): { ys: number[]; lines: PageText[][] }[] {
  const slotOf = (line: readonly PageText[]): number => indexIn(block.ys, middle(line[0] as PageText).y);
  const filled = new Set(block.lines.map(slotOf));
  const parts: { ys: number[]; lines: PageText[][] }[] = [];
  let current: number[] = [];
  block.ys.forEach((y, i) => {
    current.push(y);
    if (i < block.ys.length - 1 && !filled.has(i)) {
      if (current.length >= 2) parts.push({ ys: current, lines: [] });
      current = [];
    }
  });
  if (current.length >= 2) parts.push({ ys: current, lines: [] });
  for (const line of block.lines) {
    const y = middle(line[0] as PageText).y;
    parts.find((part) => indexIn(part.ys, y) >= 0)?.lines.push(line);
  }
  return parts;
}

// A spreadsheet printed without rules sets its rows as far apart as two blocks of text: a block whose lines of
// two chunks or more stand in the columns of the block above (no chunk across two of them; a column of its own
// may add one) goes on with it (the same table, a row further down), so its rows keep the table's columns and
// are told apart by the steps between them.
function sameColumns(blocks: readonly PageText[][][], edges: readonly number[]): PageText[][][] {
  const out: PageText[][][] = [];
  for (const block of blocks) {
    const last = out[out.length - 1];
    if (last !== undefined && continuesColumns(last, block, edges)) last.push(...block);
    else out.push([...block]);
  }
  return out;
}

function continuesColumns(
  above: readonly PageText[][],
  block: readonly PageText[][],
  edges: readonly number[],
): boolean {
  const bands = bandsOf(
    above.map((line) => chunksOf(line, edges)),
    edges,
  );
  if (bands.length < 2) return false;
  const lines = block.map((line) => chunksOf(line, edges)).filter((chunks) => chunks.length >= 2);
  const covered = (chunk: readonly PageText[]): number =>
    bands.filter((band) => Math.min(right(chunk), band.to) > Math.max(left(chunk), band.from)).length;
  return (
    lines.length > 0 &&
    lines.every(
      (chunks) => chunks.every((chunk) => covered(chunk) <= 1) && chunks.some((c) => covered(c) === 1),
    )
  );
}

/**
 * Text outside any lattice as rows. A table ruled across only (as 白書 print them) is a block of its own, the
 * lines between two of its rules one row; other text is one block whose lines are rows.
 */
export function looseRows(
  texts: readonly PageText[],
  across: readonly Span[],
  page: number,
): { top: number; cells: GridCell[] }[] {
  const lines = linesOf(texts);
  const blocks = ruledGroups(across).map((group) => ({
    ys: distinct(group.map((span) => span.at)),
    from: Math.min(...group.map((span) => span.from)),
    to: Math.max(...group.map((span) => span.to)),
    lines: [] as PageText[][],
  }));
  // Other text parts where a wide space stands between two lines: two tables, or a table and the prose after it,
  // keep their own columns.
  const free: PageText[][][] = [];
  let last: PageText | null = null;
  for (const line of lines) {
    const first = line[0] as PageText;
    const m = middle(first);
    const block = blocks.find(
      (b) => indexIn(b.ys, m.y) >= 0 && left(line) >= b.from - MEET && right(line) <= b.to + MEET,
    );
    if (block !== undefined) block.lines.push(line);
    else {
      const apart = last === null || first.baseline - last.baseline > first.size * BLOCK_GAP;
      if (apart) free.push([line]);
      else free[free.length - 1]?.push(line);
      last = first;
    }
  }
  let count = 0;
  const ref = (line: number, column: number): string => `page ${page}, line ${count + line}, cell ${column}`;
  const edges = columnEdges(free.flat());
  const blocksOfText = sameColumns(free, edges);
  const rows: { top: number; cells: GridCell[] }[] = [];
  const ruled = blocks.flatMap(withoutEmptySlots);
  for (const block of [...ruled, ...blocksOfText.map((part) => ({ ys: [] as number[], lines: part }))]) {
    const read = blockRows(block.lines, block.ys, ref);
    count += read.length;
    rows.push(...read);
  }
  return rows;
}
