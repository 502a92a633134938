import type { ValueReading } from './cell-value.js';
import { readValueCell } from './cell-value.js';
import type { GridRow } from './grid.js';
import type { ColumnMapping, ColumnRole } from './header.js';
import type { TablePoint } from './table-kpis.js';
import type { EraHint } from './years.js';

// Cells a header spans or does not cover: the helpers of the table reader for progress tables whose header has
// no cell over the names, or one header over two cells.

/** A value cell as read, with the point it gives (null when none) and where it is. */
export interface PointRead {
  readonly point: TablePoint | null;
  readonly reading: ValueReading | null;
  readonly ref: string;
  readonly raw: string;
}

/** Whether a column's role holds values (基準, 目標, 実績). */
export function isValueRole(role: ColumnRole | undefined): boolean {
  return role === 'baseline' || role === 'target' || role === 'actual';
}

/** The mapping with a name column put in front of the header's columns. */
export function withNameColumn(mapping: readonly ColumnMapping[]): ColumnMapping[] {
  return [
    {
      column: 0,
      role: 'name',
      confidence: 0.5,
      header: '',
      year: null,
      evidence: 'no header cell over the names: the row opens with a name, the header read one column right',
    },
    ...mapping.map((m) => ({ ...m, column: m.column + 1 })),
  ];
}

/** The text and place of a row's cell under a column. */
export function cellAt(row: GridRow, m: ColumnMapping | undefined): { text: string; ref: string } {
  if (m === undefined) return { text: '', ref: '' };
  const cell = row.cells[m.column];
  return { text: cell?.text.trim() ?? '', ref: cell?.ref ?? `line ${row.line}, cell ${m.column + 1}` };
}

/**
 * A row whose cell under the names is a bare running number (「1」) and whose next cell is a name: the header's
 * name cell spans the number's column too (「指標名称(単位)」 over 「1 | 住んでいる地域が…」); the number is dropped so
 * the row's cells stand under their headers.
 */
export function withoutRowNumber(row: GridRow, mapping: readonly ColumnMapping[]): GridRow {
  const name = mapping.find((m) => m.role === 'name');
  if (name === undefined) return row;
  // Where the name's header already spans the next column (an empty header cell after it), the number stands
  // under the name's header and its cell is read as part of the name, whose numbering is dropped there.
  if (mapping.some((m) => m.column === name.column + 1 && m.header.trim() === '')) return row;
  const number = row.cells[name.column]?.text.trim() ?? '';
  const next = row.cells[name.column + 1]?.text.trim() ?? '';
  if (!/^\d{1,3}$/u.test(number) || next === '' || /^[\d\s.,%()（）-]*$/u.test(next) || /^\d/u.test(next))
    return row;
  return { ...row, cells: [...row.cells.slice(0, name.column), ...row.cells.slice(name.column + 1)] };
}

/** Whether a row opens with a name rather than a figure, a period or nothing. */
export function opensWithName(row: GridRow, hint: EraHint): boolean {
  const first = row.cells[0]?.text.trim() ?? '';
  if (first === '') return false;
  const reading = readValueCell(first, hint);
  return reading.value === null && !reading.isEmpty && reading.period === null;
}

// A header spanning two cells (目標値 over 「16年度」 and 「68万人」): a cell that gives only the period, beside a
// cell with no header of its own that gives only the figure, is one point.
export function spanTail(
  row: GridRow,
  m: ColumnMapping,
  head: ValueReading,
  mapping: readonly ColumnMapping[] | null,
  hint: EraHint,
): PointRead | null {
  const next = mapping?.[m.column + 1];
  if (head.period === null || next === undefined || next.role !== 'ignore' || next.header.trim() !== '') {
    return null;
  }
  const c = cellAt(row, next);
  const reading = readValueCell(c.text, hint);
  if (c.text === '' || reading.value === null || reading.period !== null) return null;
  const period = head.period;
  return {
    reading: { ...reading, period },
    ref: c.ref,
    raw: c.text,
    point: {
      value: reading.value,
      year: period.year,
      fiscal: period.fiscal,
      label: period.label,
      unit: reading.unit,
      breakdown: reading.breakdown,
      bound: reading.bound,
      ref: c.ref,
      raw: c.text,
    },
  };
}
