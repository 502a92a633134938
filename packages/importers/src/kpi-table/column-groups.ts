import { normalizeText } from '@kotei/domain';
import type { Grid, GridCell, GridRow } from './grid.js';
import type { ColumnRole } from './header.js';
import { FIGURE_VALUE_ROLES, detectHeader, headerRole } from './header.js';
import type { EraHint } from './years.js';

// A wide table: indicators as column groups over the rows (「特定健康診査の実施率(%)」 over 「2019年度」 「目標」, then
// 「特定保健指導の実施率(%)」 over the same), each row a place (都道府県, 市町村) or a body. Each row × indicator is a
// KPI, named by both. The table is read as one table per indicator, each under its own sub-header, so the ordinary
// reader reads it.

const MAX_SCAN = 30;

interface Span {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

function texts(row: GridRow): string[] {
  return row.cells.map((cell) => normalizeText(cell.text).trim());
}

// The groups of the row over the header: runs of one text (a merged cell gives its text to each cell it covers) or
// a text and the empty cells after it, from the first column whose text names no role.
function spansOf(top: readonly string[], width: number, hint: EraHint): Span[] | null {
  const spans: Span[] = [];
  for (let column = 1; column < width; column += 1) {
    const text = top[column] ?? '';
    const last = spans[spans.length - 1];
    if (text === '' || (last !== undefined && text === last.name)) {
      if (last === undefined) continue;
      spans[spans.length - 1] = { ...last, to: column };
    } else {
      if (headerRole(text, hint) !== null) return null;
      spans.push({ name: text, from: column, to: column });
    }
  }
  return spans;
}

function rolesOf(header: GridRow, hint: EraHint): ColumnRole[] | null {
  const mapping = detectHeader(header, hint);
  return mapping === null ? null : mapping.map((m) => m.role);
}

function rowOf(row: GridRow, left: number, span: Span, named: (cell: GridCell) => GridCell): GridRow {
  const cells = row.cells.slice(0, left).map((cell, column) => (column === 0 ? named(cell) : cell));
  while (cells.length < left) cells.push({ text: '', ref: '' });
  return { ...row, cells: [...cells, ...row.cells.slice(span.from, span.to + 1)] };
}

/** The grid as one grid per indicator where its columns are indicator groups, or null where they are not. */
export function splitColumnGroups(grid: Grid, hint: EraHint): Grid[] | null {
  const rows = grid.rows;
  for (let index = 1; index < Math.min(rows.length, MAX_SCAN); index += 1) {
    const header = rows[index] as GridRow;
    const top = texts(rows[index - 1] as GridRow);
    const width = header.cells.length;
    const spans = detectHeader(header, hint) === null ? null : spansOf(top, width, hint);
    const first = spans?.[0];
    if (spans === null || first === undefined || spans.length < 2) continue;
    const left = first.from;
    // The rows' own header (都道府県) names no role: left empty, it heads the names, as a header of the values alone.
    const headerOf = (span: Span): GridRow =>
      rowOf(header, left, span, (cell) =>
        headerRole(cell.text, hint) === null ? { ...cell, text: '' } : cell,
      );
    const roles = spans.map((span) => rolesOf(headerOf(span), hint)?.slice(left) ?? null);
    const firstRoles = roles[0] ?? null;
    const same = roles.every((r) => r !== null && r.join(',') === firstRoles?.join(','));
    if (firstRoles === null || !same || !firstRoles.some((role) => FIGURE_VALUE_ROLES.has(role))) continue;
    const data = rows.slice(index + 1);
    return spans.map((span) => ({
      sheet: grid.sheet,
      rows: [
        ...rows.slice(0, index - 1),
        headerOf(span),
        ...data.map((row) =>
          rowOf(row, left, span, (cell) =>
            cell.text.trim() === '' ? cell : { ...cell, text: `${cell.text.trim()} ${span.name}` },
          ),
        ),
      ],
    }));
  }
  return null;
}
