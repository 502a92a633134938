import type { Grid, GridRow } from './grid.js';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
};

/** Text of an HTML fragment: tags dropped (a line break or block end becomes a space), entities decoded. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li)\s*>/giu, ' ')
    .replace(/<[^>]*>/gu, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/giu, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return safeChar(Number.parseInt(name.slice(2), 16), whole);
      if (name.startsWith('#')) return safeChar(Number.parseInt(name.slice(1), 10), whole);
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\s+/gu, ' ')
    .trim();
}

function safeChar(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

const TABLE_OR_HEADING =
  /<table\b[^>]*>([\s\S]*?)<\/table\s*>|<(h[1-6]|caption)\b[^>]*>([\s\S]*?)<\/\2\s*>/giu;
const ROW = /<tr\b[^>]*>([\s\S]*?)(?=<tr\b|<\/tr\s*>|<\/tbody|<\/thead|<\/table|$)/giu;
const CELL = /<(td|th)\b([^>]*)>([\s\S]*?)(?=<td\b|<th\b|<\/tr|$)/giu;

function span(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*["']?(\\d+)`, 'iu').exec(attributes);
  const value = match === null ? 1 : Number(match[1]);
  return Math.min(Math.max(value, 1), 1000);
}

/**
 * Reads the tables of an HTML page into one grid: a heading or caption becomes a one-cell row (a section), each
 * `<tr>` a row; `rowspan` and `colspan` are filled out so every row has its cells in their columns. Tolerant of
 * the unclosed `<td>` and `<tr>` that office pages have.
 */
export function readHtmlTables(html: string): Grid {
  const starts = [0];
  for (let i = 0; i < html.length; i += 1) if (html.charCodeAt(i) === 10) starts.push(i + 1);
  const rows: GridRow[] = [];
  for (const match of html.matchAll(TABLE_OR_HEADING)) {
    const at = match.index;
    if (match[1] === undefined) {
      const text = htmlText(match[3] ?? '');
      if (text !== '') rows.push(oneCell(text, lineAt(starts, at)));
      continue;
    }
    const body = match[1];
    const bodyAt = at + match[0].indexOf(body);
    const caption = /<caption\b[^>]*>([\s\S]*?)<\/caption\s*>/iu.exec(body);
    if (caption !== null)
      rows.push(oneCell(htmlText(caption[1] ?? ''), lineAt(starts, bodyAt + caption.index)));
    rows.push(...readRows(body, bodyAt, starts));
  }
  return { sheet: null, rows };
}

function oneCell(text: string, line: number): GridRow {
  return { line, cells: [{ text, ref: `line ${line}` }] };
}

function readRows(body: string, bodyAt: number, starts: readonly number[]): GridRow[] {
  const rows: GridRow[] = [];
  // Cells a rowspan carries down: column → text and how many more rows it covers.
  const carried = new Map<number, { text: string; left: number }>();
  for (const rowMatch of body.matchAll(ROW)) {
    const line = lineAt(starts, bodyAt + rowMatch.index);
    const cells: { text: string; ref: string }[] = [];
    let column = 0;
    const takeCarried = (): void => {
      for (let held = carried.get(column); held !== undefined; held = carried.get(column)) {
        cells.push({ text: held.text, ref: `line ${line}, cell ${column + 1}` });
        if (held.left <= 1) carried.delete(column);
        else carried.set(column, { text: held.text, left: held.left - 1 });
        column += 1;
      }
    };
    for (const cellMatch of (rowMatch[1] ?? '').matchAll(CELL)) {
      takeCarried();
      const attributes = cellMatch[2] ?? '';
      const text = htmlText((cellMatch[3] ?? '').replace(/<\/t[dh]\s*>[\s\S]*$/iu, ''));
      const across = span(attributes, 'colspan');
      const down = span(attributes, 'rowspan');
      for (let k = 0; k < across; k += 1) {
        cells.push({ text, ref: `line ${line}, cell ${column + 1}` });
        if (down > 1) carried.set(column, { text, left: down - 1 });
        column += 1;
      }
    }
    takeCarried();
    if (cells.length > 0) rows.push({ line, cells });
  }
  return rows;
}
