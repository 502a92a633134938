import { normalizeText } from '@kotei/domain';
import type { ParseIssue } from '../parse-issue.js';
import type { Grid, GridRow } from './grid.js';
import type { CellSample } from './column-content.js';
import { columnProfiles, realignHeader } from './column-content.js';
import type { ColumnMapping, ColumnRoleOverride } from './header.js';
import { detectHeader, headerWords, namesRole } from './header.js';
import type { EraHint } from './years.js';
import { readYear } from './years.js';
import { readValueCell } from './cell-value.js';

// Headers of two rows: a group cell over its sub-cells (「目標値」 over 「数値」「年度」, 「実績値」 over 「R2」「R3」「R4」).
// Each column's header is then the group's words and the sub-cell's, read as one cell.

const MAX_SUB_CELL = 16;
const WORDS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}A-Za-z]{2,}/u;

/**
 * The name's header cell over three columns or more (「指標名」 over a spanned 分類, a row number and the name): the
 * name is the column of the span whose cells are words on most rows; a column before it with words on few rows
 * (a cell spanned down) is the KPIs' group, one of bare numbers their code.
 */
function withNameInSpan(mapping: ColumnMapping[], data: readonly GridRow[], hint: EraHint): ColumnMapping[] {
  const name = mapping.find((m) => m.role === 'name');
  if (name === undefined) return mapping;
  let end = name.column + 1;
  while (mapping[end]?.role === 'ignore' && mapping[end]?.header.trim() === '') end += 1;
  if (end - name.column < 3) return mapping;
  const rows = data.filter((row) => row.cells.filter((c) => c.text.trim() !== '').length >= 3);
  if (rows.length < 2) return mapping;
  const texts = (column: number): string[] => rows.map((row) => row.cells[column]?.text.trim() ?? '');
  const wordy = (column: number): number =>
    texts(column).filter(
      (text) => WORDS.test(text.replace(/\s+/gu, '')) && readValueCell(text, hint).value === null,
    ).length;
  let best = name.column;
  for (let column = name.column + 1; column < end; column += 1)
    if (wordy(column) > wordy(best)) best = column;
  if (best === name.column || wordy(best) < rows.length * 0.8 || wordy(name.column) > rows.length * 0.5)
    return mapping;
  return mapping.map(({ detailOf: _spanned, ...m }) => {
    if (m.column === best)
      return { ...m, role: 'name', confidence: 0.6, evidence: `words on most rows under 「${name.header}」` };
    if (m.column < name.column || m.column >= best) return m;
    const numbers = texts(m.column).filter((text) => /^\d{1,3}$/u.test(text)).length;
    if (numbers >= rows.length * 0.8)
      return { ...m, role: 'code', confidence: 0.5, evidence: `row numbers under 「${name.header}」` };
    if (wordy(m.column) > 0)
      return {
        ...m,
        role: 'group',
        confidence: 0.5,
        evidence: `words on few rows under 「${name.header}」: a group`,
      };
    return { ...m, role: 'ignore' };
  });
}

/** How many rows before a header the reader names when it finds none. */
export const MAX_HEADER_SCAN = 30;
const SUB_WORD = /^(?:数値|値|数|実数|割合|年度|年次|年|時点|時期|期限|単位|value|year|unit|fy)$/iu;
const YEAR_ONLY =
  /^[(（]?(?:明治|大正|昭和|平成|令和|[MTSHR])?\s*(?:元|\d{1,4})\s*(?:年度?)?(?:末|実績|目標)?[)）]?$/u;

function isSubCell(text: string, hint: EraHint): boolean {
  const words = headerWords(text);
  if (words.length > MAX_SUB_CELL) return false;
  if (SUB_WORD.test(words) || namesRole(words, hint)) return true;
  return YEAR_ONLY.test(words.replace(/\s+/gu, '')) && readYear(words, hint) !== null;
}

/**
 * The header row made of a header and the row under it when that row holds the header's sub-cells: every cell
 * of it is a sub-cell (a role's word, 数値, 年度, a year) or repeats the cell above (a header cell spanning both
 * rows), and there are two of them, or one under the empty cells a group cell spans.
 * Null when the row under the header is not such a row.
 */
export function withSubHeader(header: GridRow, next: GridRow | undefined, hint: EraHint): GridRow | null {
  if (next === undefined) return null;
  const top = header.cells.map((c) => c.text.trim());
  const sub = next.cells.map((c) => c.text.trim());
  const width = Math.max(top.length, sub.length);
  const added: boolean[] = [];
  const cells = Array.from({ length: width }, (_, column) => {
    const own = top[column] ?? '';
    const under = sub[column] ?? '';
    const ref = header.cells[column]?.ref ?? next.cells[column]?.ref ?? '';
    if (under === '' || normalizeText(under) === normalizeText(own)) return { text: own, ref };
    if (!isSubCell(under, hint)) return null;
    let group = own;
    for (let left = column - 1; group === '' && left >= 0; left -= 1) group = top[left] ?? '';
    added.push(own === '');
    // A sub-cell that names a role of its own other than a figure (単位, 年度) is that role; else the group's.
    const alone =
      SUB_WORD.test(headerWords(under)) && !/^(?:数値|値|数|実数|割合|value)$/iu.test(headerWords(under));
    const text =
      group === '' || (alone && !/年|year|fy|期限/iu.test(headerWords(under))) ? under : `${group} ${under}`;
    return { text, ref };
  });
  // One sub-cell under a cell of its own is a row of the table (a heading 「目標1」), not the header's second row.
  if (added.length === 0 || (added.length === 1 && added[0] === false) || cells.some((cell) => cell === null))
    return null;
  return { ...header, cells: cells as { text: string; ref: string }[] };
}

/**
 * The issue of a grid with no header row: which rows were looked at. An error when nothing was read; a warning
 * when the columns were then inferred from their cells (the KPIs read, the mapping to be checked).
 */
export function noHeaderIssue(grid: Grid, lookedAt: readonly number[], inferred: boolean): ParseIssue {
  const lines = lookedAt.slice(0, MAX_HEADER_SCAN);
  const where = lines.length === 0 ? 'no rows' : `rows at lines ${lines[0]}–${lines[lines.length - 1]}`;
  return {
    code: 'kpi-table-no-header',
    line: lines[0] ?? 1,
    cell: grid.sheet ?? undefined,
    found: `no header row in ${where}${grid.sheet === null ? '' : ` of worksheet 「${grid.sheet}」`}`,
    expected:
      'a header row naming the columns: 項目/指標 (name) and at least one of 基準値/現状値, 目標値, 実績/最新値',
    message: inferred
      ? `No KPI table header was found (looked at ${where}); the columns were inferred from their cells, with a low confidence: check the proposed mapping.`
      : `No KPI table header was found (looked at ${where}); nothing was read from it.`,
    severity: inferred ? 'warning' : 'error',
  };
}

/**
 * The header at a row of a grid, or null: the row with the row of its sub-cells under it, moved where the cells
 * under it show its cells stand; with the index of its last row and the profile of the columns' cells.
 */
export function findHeader(
  rows: readonly GridRow[],
  index: number,
  hint: EraHint,
  overrides: readonly ColumnRoleOverride[],
): { header: ColumnMapping[]; next: number; profiles: CellSample[][] } | null {
  const row = rows[index] as GridRow;
  if (detectHeader(row, hint) === null) return null;
  let next = index + 1;
  while (next < rows.length && (rows[next] as GridRow).cells.every((c) => c.text.trim() === '')) next += 1;
  const merged = withSubHeader(row, rows[next], hint);
  const data = rows.slice(merged === null ? index + 1 : next + 1, index + 62);
  const top = realignHeader(merged ?? row, data, hint);
  const detected = detectHeader(top, hint, overrides) ?? detectHeader(row, hint, overrides);
  if (detected === null) return null;
  const header = overrides.length > 0 ? detected : withNameInSpan(detected, data, hint);
  return {
    header,
    next: merged === null ? index : next,
    profiles: columnProfiles(data, header.length, hint),
  };
}
