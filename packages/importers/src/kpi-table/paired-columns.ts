import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { GridRow } from './grid.js';
import type { ColumnMapping } from './header.js';
import { cellAt } from './spanned-cells.js';
import type { EraHint, YearReading } from './years.js';
import { readYear } from './years.js';

// A cell that is a year alone: 2025, R7, 令和7年度, (2025年).
const YEAR_CELL = /^[(]?(?:明治|大正|昭和|平成|令和|[MTSHR])?(?:元|\d{1,4})(?:年度?)?(?:末)?[)]?$/u;

// Columns that go with another column: a column of years beside a value column (基準値 | 基準年度), a column with
// no header cell of its own under the name's header (項目 over the item and a sub-item).

/**
 * The year of a value cell that writes none, from a column of years beside it: one the header names for it
 * (基準年度, 「年度」 under 目標値) or a column with no header of its own right after it that gives only a period
 * (目標値 over 「68万人」 and 「(16年度)」). Null when there is none.
 */
export function datedYear(
  row: GridRow,
  m: ColumnMapping,
  mapping: readonly ColumnMapping[] | null,
  hint: EraHint,
): YearReading | null {
  const next = mapping?.[m.column + 1];
  const columns = (mapping ?? []).filter((d) => d.dates === m.column);
  if (
    next !== undefined &&
    next.role === 'ignore' &&
    next.header.trim() === '' &&
    next.detailOf === undefined
  )
    columns.push(next);
  for (const d of columns) {
    const text = cellAt(row, d).text;
    if (text === '') continue;
    const reading = readValueCell(text, hint);
    // A bare number under a 年度 header (「26」 in a 基準年度 column) is that year in the document's era.
    const bare = /^(?:\d{1,2}|(?:19|20)\d{2})$/u.test(normalizeText(text).trim());
    const spelled = `${normalizeText(text).trim()}${/年度/u.test(d.header) ? '年度' : '年'}`;
    const year = reading.period ?? readYear(text, hint) ?? (bare ? readYear(spelled, hint) : null);
    const isYearOnly =
      reading.period !== null
        ? reading.value === null
        : YEAR_CELL.test(normalizeText(text).replace(/\s+/gu, ''));
    if (year === null || !isYearOnly) continue;
    const fiscal = /年/u.test(text) ? year.fiscal : /年度|fy|fiscal/iu.test(d.header);
    return { ...year, fiscal };
  }
  return null;
}

/** The words of the column that goes on with the name (項目 over two cells), or '' where it holds none. */
export function nameDetail(row: GridRow, mapping: readonly ColumnMapping[], hint: EraHint): string {
  const detail = mapping.find((m) => m.detailOf !== undefined);
  const text = cellAt(row, detail).text;
  if (text === '') return '';
  const reading = readValueCell(text, hint);
  // Words, or a figure with no year (65歳以上, 40～74歳): what a sub-item says, never a KPI's value.
  return (reading.value === null || reading.period === null) && !reading.isEmpty ? text : '';
}
