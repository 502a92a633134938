import type { GridRow } from './grid.js';

/**
 * A row whose cells all hold one text is one cell merged across the table (a worksheet's merged section row, an
 * HTML `<td colspan>` filled out): a heading such as 「基本目標1 …」, never a KPI whose figures are the heading's
 * number. It is read as its first cell alone, so it becomes the section like a heading in a cell of its own.
 */
export function collapseSpannedRow(row: GridRow): GridRow {
  const texts = row.cells.map((cell) => cell.text.trim());
  const first = texts[0] ?? '';
  if (texts.length < 3 || first === '' || texts.some((text) => text !== first)) return row;
  return { ...row, cells: row.cells.map((cell, index) => (index === 0 ? cell : { ...cell, text: '' })) };
}
