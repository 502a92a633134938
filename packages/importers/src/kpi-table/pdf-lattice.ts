import type { GridCell, GridRow } from './grid.js';
import type { PageRule, PageText, Span } from './pdf-geometry.js';
import { MEET, cellText, distinct, indexIn, meets, middle, spansOf } from './pdf-geometry.js';
import { looseRows } from './pdf-stream.js';

// A PDF page's table read back from where its text and its rules are drawn. A ruled table (as Word, Excel and
// browsers print them) is a lattice: its horizontal and vertical rules cut the page into cells, and a rule missing
// between two cells merges them. Each piece of text goes to the cell its middle falls in. Text outside any lattice
// (titles, notes, tables ruled across only or not at all) is pdf-stream's.

/** The rows of one page: a lattice's rows, and lines of text outside, in their order down the page. */
export interface PageRows {
  readonly rows: readonly { readonly top: number; readonly cells: readonly GridCell[] }[];
}

// Sets of items joined one pair at a time (rules that meet, cells no rule parts): each item's set is its root.
function unionFind(size: number): {
  find: (i: number) => number;
  join: (into: number, item: number) => void;
} {
  const parent = Array.from({ length: size }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] as number;
    parent[i] = root;
    return root;
  };
  return { find, join: (into, item) => (parent[find(item)] = find(into)) };
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
  const { find, join } = unionFind(all.length);
  for (let a = 0; a < across.length; a += 1)
    for (let d = 0; d < down.length; d += 1)
      if (meets(across[a] as Span, down[d] as Span)) join(across.length + d, a);
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

function covered(spans: readonly Span[], at: number, point: number): boolean {
  return spans.some((s) => Math.abs(s.at - at) <= MEET && point >= s.from - MEET && point <= s.to + MEET);
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
  const { find, join } = unionFind(rowsCount * columns);
  for (let r = 0; r < rowsCount; r += 1) {
    const midY = ((ys[r] as number) + (ys[r + 1] as number)) / 2;
    for (let c = 0; c < columns; c += 1) {
      const midX = ((xs[c] as number) + (xs[c + 1] as number)) / 2;
      if (c + 1 < columns && !covered(lattice.down, xs[c + 1] as number, midY)) join(at(r, c), at(r, c + 1));
      if (r + 1 < rowsCount && !covered(lattice.across, ys[r + 1] as number, midX))
        join(at(r, c), at(r + 1, c));
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

/** A page's text and rules read as rows: each lattice's rows, and the text outside them. */
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
  // The rules across that belong to no lattice part the loose text's rows.
  const inLattice = new Set(found.flatMap((l) => l.across));
  const across = spansOf(rules).across.filter(
    (span) => ![...inLattice].some((s) => s.at === span.at && s.from === span.from),
  );
  out.push(...looseRows(loose, across, page));
  return { rows: out.sort((a, b) => a.top - b.top) };
}

/** Pages' rows as the rows of one grid, numbered down the document. */
export function documentRows(pages: readonly PageRows[]): GridRow[] {
  return pages.flatMap((page) => page.rows).map((row, index) => ({ line: index + 1, cells: row.cells }));
}
