// Where a PDF page's text and rules stand, and how its texts join into lines and cells: the ground both readers of
// a page stand on (pdf-lattice for ruled tables, pdf-stream for the text outside them). Its columns (`Band`,
// `bandAt`) and the joining of a cell's wrapped lines (`joinWrapped`) serve text laid out as its page too
// (layout-text, in characters). Coordinates are the page's as read: x to the right, y downwards, in points.

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

// How far apart two rules' ends or positions may be and still meet: printers draw borders of half a point to a
// point, and their ends overlap or fall short by about as much.
export const MEET = 2.5;
// A line of text ends where the next text stands more than this many font sizes to its right: a cell's edge.
export const CELL_GAP = 0.45;
// Two texts share a line where their baselines are nearer than this many font sizes.
const SAME_LINE = 0.5;

export interface Span {
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

export function spansOf(rules: readonly PageRule[]): { across: Span[]; down: Span[] } {
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

export function meets(across: Span, down: Span): boolean {
  return (
    down.at >= across.from - MEET &&
    down.at <= across.to + MEET &&
    across.at >= down.from - MEET &&
    across.at <= down.to + MEET
  );
}

// Positions nearer than MEET are one (a double border, a rule drawn twice).
export function distinct(positions: readonly number[]): number[] {
  const out: number[] = [];
  for (const at of [...positions].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last === undefined || at - last > MEET) out.push(at);
  }
  return out;
}

export function indexIn(edges: readonly number[], at: number): number {
  for (let i = 0; i < edges.length - 1; i += 1)
    if (at >= (edges[i] as number) && at < (edges[i + 1] as number)) return i;
  return -1;
}

// Where a text's middle stands: a little above its baseline.
export function middle(text: PageText): { x: number; y: number } {
  return { x: (text.x + text.right) / 2, y: text.baseline - text.size * 0.35 };
}

// Texts as lines: those whose baselines are near are one line, read left to right.
export function linesOf(texts: readonly PageText[]): PageText[][] {
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
export function lineText(line: readonly PageText[]): string {
  let out = '';
  let right = -Infinity;
  for (const text of line) {
    const apart = text.x - right > text.size * 0.25;
    out += apart && LATIN_END.test(out) && LATIN_START.test(text.text) ? ` ${text.text}` : text.text;
    right = text.right;
  }
  return out.trim();
}

/**
 * A cell's next line joined to it: wrapped Japanese goes on without a break (「…占める女」 「性の割合」); a figure and
 * the next figure keep a space between them.
 */
export function joinWrapped(above: string, below: string): string {
  if (above === '') return below;
  if (below === '') return above;
  return LATIN_END.test(above) && LATIN_START.test(below) ? `${above} ${below}` : `${above}${below}`;
}

/** A cell's lines joined as `joinWrapped` joins two. */
export function cellText(texts: readonly PageText[]): string {
  return linesOf(texts).reduce((out, line) => joinWrapped(out, lineText(line)), '');
}

/** A column as the span across which its texts stand (points on a page, characters in laid-out text). */
export interface Band {
  from: number;
  to: number;
}

/**
 * The column a span stands in: the one it overlaps most; between columns, the nearest on its left (a figure set
 * right of its column's others).
 */
export function bandAt(bands: readonly Band[], from: number, to: number): number {
  let best = -1;
  let overlap = 0;
  bands.forEach((band, i) => {
    const shared = Math.min(to, band.to) - Math.max(from, band.from);
    if (shared > overlap) [best, overlap] = [i, shared];
  });
  if (best >= 0) return best;
  return Math.max(
    0,
    bands.findLastIndex((band) => band.from <= from),
  );
}
