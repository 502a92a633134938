import type { GridCell, GridRow } from './grid.js';

// A PDF page's table read back from where its text and its rules are drawn. A ruled table (as Word, Excel and
// browsers print them) is a lattice: its horizontal and vertical rules cut the page into cells, and a rule missing
// between two cells merges them. Each piece of text goes to the cell its middle falls in. Text outside any lattice
// (titles, notes, tables without rules) is read as lines, its cells parted by wide gaps.
// Coordinates are the page's as read: x to the right, y downwards, in points.

/** A run of text as the PDF draws it: its left, right, baseline and font size. */
export interface PageText {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly baseline: number;
  readonly size: number;
}

/** A rule: a horizontal (y1 = y2) or vertical (x1 = x2) line segment. */
export interface PageRule {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The rows of one page: a lattice's rows, and lines of text outside, in their order down the page. */
export interface PageRows {
  readonly rows: readonly { readonly top: number; readonly cells: readonly GridCell[] }[];
}

// How far apart two rules' ends or positions may be and still meet: printers draw borders of half a point to a
// point, and their ends overlap or fall short by about as much.
const MEET = 2.5;
// A line of text ends where the next text stands more than this many font sizes to its right: a cell's edge.
const CELL_GAP = 1.2;
// Two texts share a line where their baselines are nearer than this many font sizes.
const SAME_LINE = 0.5;

interface Span {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

function horizontal(rule: PageRule): boolean {
  return Math.abs(rule.y1 - rule.y2) <= Math.abs(rule.x1 - rule.x2);
}

// Rules at one position whose spans touch become one: a border drawn cell by cell is one rule.
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.at - b.at || a.from - b.from);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && Math.abs(span.at - last.at) <= MEET && span.from <= last.to + MEET)
      merged[merged.length - 1] = { at: last.at, from: last.from, to: Math.max(last.to, span.to) };
    else merged.push(span);
  }
  return merged;
}

function spansOf(rules: readonly PageRule[]): { across: Span[]; down: Span[] } {
  const across: Span[] = [];
  const down: Span[] = [];
  for (const rule of rules) {
    if (horizontal(rule)) {
      across.push({
        at: (rule.y1 + rule.y2) / 2,
        from: Math.min(rule.x1, rule.x2),
        to: Math.max(rule.x1, rule.x2),
      });
    } else {
      down.push({
        at: (rule.x1 + rule.x2) / 2,
        from: Math.min(rule.y1, rule.y2),
        to: Math.max(rule.y1, rule.y2),
      });
    }
  }
  return { across: mergeSpans(across), down: mergeSpans(down) };
}

function meets(across: Span, down: Span): boolean {
  return (
    down.at >= across.from - MEET &&
    down.at <= across.to + MEET &&
    across.at >= down.from - MEET &&
    across.at <= down.to + MEET
  );
}

// Positions nearer than MEET are one (a double border, a rule drawn twice).
function distinct(positions: readonly number[]): number[] {
  const out: number[] = [];
  for (const at of [...positions].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || at - last > MEET) out.push(at);
  }
  return out;
}

interface Lattice {
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  readonly across: readonly Span[];
  readonly down: readonly Span[];
}

// The lattices of a page: rules that meet, as groups, each with two rules or more each way.
function lattices(rules: readonly PageRule[]): Lattice[] {
  const { across, down } = spansOf(rules);
  const all = [
    ...across.map((span) => ({ span, across: true })),
    ...down.map((span) => ({ span, across: false })),
  ];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  for (let a = 0; a < across.length; a += 1)
    for (let d = 0; d < down.length; d += 1)
      if (meets(across[a] as Span, down[d] as Span)) parent[find(a)] = find(across.length + d);
  const groups = new Map<number, { across: Span[]; down: Span[] }>();
  all.forEach((rule, i) => {
    const root = find(i);
    const group = groups.get(root) ?? { across: [], down: [] };
    (rule.across ? group.across : group.down).push(rule.span);
    groups.set(root, group);
  });
  return [...groups.values()]
    .map((group) => ({
      ...group,
      xs: distinct(group.down.map((s) => s.at)),
      ys: distinct(group.across.map((s) => s.at)),
    }))
    .filter((l) => l.xs.length >= 2 && l.ys.length >= 2);
}

function indexIn(edges: readonly number[], at: number): number {
  for (let i = 0; i < edges.length - 1; i += 1)
    if (at >= (edges[i] as number) && at < (edges[i + 1] as number)) return i;
  return -1;
}

function covered(spans: readonly Span[], at: number, point: number): boolean {
  return spans.some((s) => Math.abs(s.at - at) <= MEET && point >= s.from - MEET && point <= s.to + MEET);
}

// Where a text's middle stands: a little above its baseline.
function middle(text: PageText): { x: number; y: number } {
  return { x: (text.x + text.right) / 2, y: text.baseline - text.size * 0.35 };
}

// Texts as lines: those whose baselines are near are one line, read left to right.
function linesOf(texts: readonly PageText[]): PageText[][] {
  const lines: PageText[][] = [];
  for (const text of [...texts].sort((a, b) => a.baseline - b.baseline || a.x - b.x)) {
    const line = lines.find(
      (l) => Math.abs((l[0] as PageText).baseline - text.baseline) < text.size * SAME_LINE,
    );
    if (line === undefined) lines.push([text]);
    else line.push(text);
  }
  for (const line of lines) line.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => (a[0] as PageText).baseline - (b[0] as PageText).baseline);
}

const LATIN_END = /[A-Za-z0-9%.,)）]$/u;
const LATIN_START = /^[A-Za-z0-9(（]/u;

// The texts of one line joined: a space where they stand apart and Latin letters or figures meet.
function lineText(line: readonly PageText[]): string {
  let out = '';
  let right = -Infinity;
  for (const text of line) {
    const apart = text.x - right > text.size * 0.25;
    out += apart && LATIN_END.test(out) && LATIN_START.test(text.text) ? ` ${text.text}` : text.text;
    right = text.right;
  }
  return out.trim();
}

// A cell's lines joined: wrapped Japanese goes on without a break (「…占める女」 「性の割合」); a figure and the next
// figure keep a space between them.
function cellText(texts: readonly PageText[]): string {
  let out = '';
  for (const line of linesOf(texts)) {
    const text = lineText(line);
    if (text === '') continue;
    out += out !== '' && LATIN_END.test(out) && LATIN_START.test(text) ? ` ${text}` : text;
  }
  return out;
}

function latticeRows(
  lattice: Lattice,
  texts: readonly PageText[],
  ref: (row: number, column: number) => string,
): PageRows['rows'] {
  const { xs, ys } = lattice;
  const columns = xs.length - 1;
  const rowsCount = ys.length - 1;
  const at = (r: number, c: number): number => r * columns + c;
  const parent = Array.from({ length: rowsCount * columns }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  for (let r = 0; r < rowsCount; r += 1) {
    const midY = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < columns; c += 1) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < columns && !covered(lattice.down, xs[c + 1] as number, midY))
        parent[find(at(r, c + 1))] = find(at(r, c));
      if (r + 1 < rowsCount && !covered(lattice.across, ys[r + 1] as number, midX))
        parent[find(at(r + 1, c))] = find(at(r, c));
    }
  }
  const held = new Map<number, PageText[]>();
  for (const text of texts) {
    const m = middle(text);
    const r = indexIn(ys, m.y);
    const c = indexIn(xs, m.x);
    if (r < 0 || c < 0) continue;
    const root = find(at(r, c));
    held.set(root, [...(held.get(root) ?? []), text]);
  }
  const textOf = new Map([...held].map(([root, inCell]) => [root, cellText(inCell)]));
  const rows: { top: number; cells: GridCell[] }[] = [];
  for (let r = 0; r < rowsCount; r += 1) {
    const cells = Array.from({ length: columns }, (_, c) => ({
      text: textOf.get(find(at(r, c))) ?? '',
      ref: ref(r + 1, c + 1),
    }));
    // A row whose every cell is a part of the row above (cells merged down over it) adds nothing.
    const merged =
      r > 0 &&
      Array.from({ length: columns }, (_, c) => c).every((c) => find(at(r - 1, c)) === find(at(r, c)));
    if (cells.every((cell) => cell.text === '') || merged) continue;
    rows.push({ top: ys[r] as number, cells });
  }
  return rows;
}

function inside(lattice: Lattice, text: PageText): boolean {
  const m = middle(text);
  return indexIn(lattice.ys, m.y) >= 0 && indexIn(lattice.xs, m.x) >= 0;
}

// A line outside any lattice as cells: parted where the next text stands well apart.
function looseRow(line: readonly PageText[], ref: (column: number) => string): GridCell[] {
  const groups: PageText[][] = [];
  for (const text of line) {
    const last = groups[groups.length - 1];
    const lastRight = last?.[last.length - 1]?.right ?? -Infinity;
    if (last === undefined || text.x - lastRight > text.size * CELL_GAP) groups.push([text]);
    else last.push(text);
  }
  return groups.map((group, i) => ({ text: lineText(group), ref: ref(i + 1) }));
}

/** A page's text and rules read as rows: each lattice's rows, and each line of text outside them. */
export function pageRows(texts: readonly PageText[], rules: readonly PageRule[], page: number): PageRows {
  const found = lattices(rules);
  const out: { top: number; cells: GridCell[] }[] = [];
  found.forEach((lattice, table) => {
    const held = texts.filter((text) => inside(lattice, text));
    const name = found.length === 1 ? '' : `table ${table + 1}, `;
    out.push(
      ...latticeRows(lattice, held, (row, column) => `page ${page}, ${name}row ${row}, cell ${column}`).map(
        (row) => ({ top: row.top, cells: [...row.cells] }),
      ),
    );
  });
  const loose = texts.filter((text) => text.text.trim() !== '' && !found.some((l) => inside(l, text)));
  linesOf(loose).forEach((line, index) => {
    const cells = looseRow(line, (column) => `page ${page}, line ${index + 1}, cell ${column}`);
    if (cells.some((cell) => cell.text !== ''))
      out.push({ top: (line[0] as PageText).baseline - (line[0] as PageText).size, cells });
  });
  return { rows: out.sort((a, b) => a.top - b.top) };
}

/** Pages' rows as the rows of one grid, numbered down the document. */
export function documentRows(pages: readonly PageRows[]): GridRow[] {
  return pages.flatMap((page) => page.rows).map((row, index) => ({ line: index + 1, cells: row.cells }));
}
