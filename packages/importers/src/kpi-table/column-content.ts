import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { GridCell, GridRow } from './grid.js';
import type { ColumnMapping, ColumnRole, ColumnRoleOverride } from './header.js';
import { VALUE_ROLES, detectHeader } from './header.js';
import type { EraHint } from './years.js';

// What a table's columns hold, read from their cells: where the header's words do not say (or say it one column
// off), the cells do. A cell's shape is its text with every run of digits one 0 (「27.3% (2016年)」 → 「0.0% (0年)」),
// so cells of one column look alike and cells of two columns do not.

const PROFILE_ROWS = 60;
const PROFILE_SAMPLES = 24;

/** A cell's shape: normalised, runs of digits as one 0. */
export function cellShape(text: string): string {
  return normalizeText(text).replace(/\d[\d,]*/gu, '0');
}

function bigrams(text: string): string[] {
  const padded = ` ${text} `;
  const result: string[] = [];
  for (let i = 0; i + 1 < padded.length; i += 1) result.push(padded.slice(i, i + 2));
  return result;
}

/** Dice's coefficient over character bigrams: 1 for the same shape, 0 for nothing shared. */
export function shapeSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  const counts = new Map<string, number>();
  for (const gram of right) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = counts.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/** What a cell holds: a figure with its year, a figure alone, or words. */
type CellKind = 'dated' | 'figure' | 'words';

/** One cell of a column as the column's profile keeps it. */
export interface CellSample {
  readonly shape: string;
  readonly kind: CellKind;
}

function kindOf(text: string, hint: EraHint): CellKind {
  const reading = readValueCell(text, hint);
  if (reading.value === null) return 'words';
  return reading.period === null ? 'figure' : 'dated';
}

function sampleOf(text: string, hint: EraHint): CellSample {
  return { shape: cellShape(text), kind: kindOf(text, hint) };
}

/** The cells of each column in the table's complete rows (every cell, or all but one, filled). */
export function columnProfiles(rows: readonly GridRow[], width: number, hint: EraHint): CellSample[][] {
  const profiles: CellSample[][] = Array.from({ length: width }, () => []);
  for (const row of rows.slice(0, PROFILE_ROWS)) {
    const filled = row.cells.filter((c) => c.text.trim() !== '').length;
    if (filled < 2 || filled < width - 1) continue;
    row.cells.forEach((cell, column) => {
      const profile = profiles[column];
      if (cell.text.trim() !== '' && profile !== undefined && profile.length < PROFILE_SAMPLES)
        profile.push(sampleOf(cell.text, hint));
    });
  }
  return profiles;
}

// How well a cell fits a column: half its kind (the share of the column's cells of that kind), half its shape.
function fit(text: string, samples: readonly CellSample[] | undefined, hint: EraHint): number {
  if (samples === undefined || samples.length === 0) return 0;
  const { shape, kind } = sampleOf(text, hint);
  const sameKind = samples.filter((sample) => sample.kind === kind).length / samples.length;
  // The closer half of the column's cells: a column holds several forms (男性, 65歳以上), and a row read wrong
  // puts a stray cell in it.
  const similarities = samples.map((sample) => shapeSimilarity(shape, sample.shape)).sort((a, b) => b - a);
  const half = similarities.slice(0, Math.ceil(similarities.length / 2));
  return (sameKind + half.reduce((sum, s) => sum + s, 0) / half.length) / 2;
}

/**
 * A row whose cells the text moved (cells spanned from the rows above, on either side, written as empty cells at
 * its end or start) put back where they fit the columns' cells best: its filled cells stay together and in order.
 * The row as it is unless another place fits clearly better.
 */
export function realignRow(row: GridRow, profiles: readonly CellSample[][], hint: EraHint): GridRow {
  const width = profiles.length;
  const filled = row.cells.flatMap((cell, column) => (cell.text.trim() === '' ? [] : [column]));
  const first = filled[0];
  const last = filled[filled.length - 1];
  // Only a row that opens with empty cells (where spanned cells were written) is tried.
  if (first === undefined || last === undefined || filled.length < 2 || first === 0) return row;
  if (last - first + 1 !== filled.length || filled.length >= width) return row;
  const block = row.cells.slice(first, last + 1);
  const score = (start: number): number =>
    block.reduce((sum, cell, i) => sum + fit(cell.text, profiles[start + i], hint), 0);
  const current = score(first);
  let best = first;
  let bestScore = current;
  for (let start = 0; start + block.length <= width; start += 1) {
    const candidate = start === first ? current : score(start);
    if (candidate > bestScore) [best, bestScore] = [start, candidate];
  }
  if (best === first || bestScore - current < 0.4) return row;
  const cells: GridCell[] = Array.from({ length: Math.max(width, row.cells.length) }, (_, column) => ({
    text: '',
    ref: row.cells[column]?.ref ?? `line ${row.line}, cell ${column + 1}`,
  }));
  block.forEach((cell, i) => (cells[best + i] = cell));
  return { ...row, cells };
}

// How much a cell looks like a KPI's value: a figure with its year 1, a figure alone ½, anything else 0.
function valueWeight(text: string, hint: EraHint): number {
  if (text === '') return 0;
  const reading = readValueCell(text, hint);
  if (reading.value === null) return 0;
  return reading.period === null ? 0.5 : 1;
}

function isValueCell(text: string, hint: EraHint): boolean {
  const reading = readValueCell(text, hint);
  return reading.value !== null || reading.period !== null || reading.direction !== null || reading.isEmpty;
}

/**
 * A header whose cell over two columns lost its second cell to the end of the row (「項目 | 現状 | 目標 | |」 over
 * rows 「分類 | 項目 | 小項目 | 27.3% | 67%」): the empty cells it ends with moved to just after the name's cell,
 * where the header's value columns then stand over the columns whose cells are values. The row as it is
 * otherwise.
 */
export function realignHeader(header: GridRow, data: readonly GridRow[], hint: EraHint): GridRow {
  const texts = header.cells.map((c) => c.text.trim());
  let trailing = 0;
  while (trailing < texts.length - 1 && texts[texts.length - 1 - trailing] === '') trailing += 1;
  const mapping = detectHeader(header, hint);
  const name = mapping?.find((m) => m.role === 'name');
  if (trailing === 0 || mapping == null || name === undefined) return header;
  // Judged on the complete rows, where no cell was spanned from above: the header-less columns at the end must
  // hold cells, and the header's value columns must then stand over figures (with their years) more than before.
  const complete = data.slice(0, PROFILE_ROWS).filter((row) => {
    const filled = row.cells.filter((c) => c.text.trim() !== '').length;
    return filled >= 2 && filled >= texts.length - 1;
  });
  const width = texts.length;
  const headless = complete.filter((row) =>
    row.cells.slice(width - trailing).every((c) => c.text.trim() !== ''),
  ).length;
  if (complete.length < 2 || headless < complete.length * 0.6) return header;
  const valueFit = (shift: number): number =>
    mapping
      .filter((m) => VALUE_ROLES.has(m.role))
      .reduce((sum, m) => {
        const column = m.column > name.column ? m.column + shift : m.column;
        const weights = complete.map((row) => valueWeight(row.cells[column]?.text.trim() ?? '', hint));
        return sum + weights.reduce((a, w) => a + w, 0) / weights.length;
      }, 0);
  if (valueFit(trailing) < valueFit(0) + 0.1) return header;
  const cells = [
    ...header.cells.slice(0, name.column + 1),
    ...Array.from({ length: trailing }, (_, i) => ({
      text: '',
      ref: header.cells[name.column + 1 + i]?.ref ?? '',
    })),
    ...header.cells.slice(name.column + 1, header.cells.length - trailing),
  ];
  return { ...header, cells };
}

const UNIT_CELL =
  /^(?:%|人|千人|万人|件|回|箇所|か所|カ所|ヶ所|円|千円|万円|億円|ha|km|t|台|社|校|団体|世帯|戸|日|時間|点|本|人日|歳|冊|倍|[(（]?[%人件回円][)）]?)$/u;
const TARGET_WORD = /目標|target|goal/iu;
const BASE_WORD = /現状|基準|策定時|当初|baseline/iu;
const ACTUAL_WORD = /実績|最新|直近|actual|latest/iu;

function medianYear(texts: readonly string[], hint: EraHint): number | null {
  const years = texts
    .map((text) => readValueCell(text, hint).period?.year)
    .filter((year): year is number => year !== undefined)
    .sort((a, b) => a - b);
  return years.length === 0 ? null : (years[Math.floor(years.length / 2)] ?? null);
}

function inferred(column: number, role: ColumnRole, why: string): ColumnMapping {
  return { column, role, confidence: 0.3, header: '', year: null, evidence: `inferred from content: ${why}` };
}

/**
 * The columns of a table with no header row, read from their cells: the column of long text is the KPI's name,
 * the columns of figures (with or without a year) are its values, told apart by the words in or above them
 * (目標, 現状, 実績) and else by their years and order (earliest the base, latest the target, between them the
 * actual). Proposed with a low confidence, for the mapping step to confirm. Null when the rows do not read as
 * a name and at least two value columns.
 */
export function inferColumns(
  rows: readonly GridRow[],
  hint: EraHint,
  overrides: readonly ColumnRoleOverride[] = [],
): { line: number; columns: ColumnMapping[] } | null {
  const data = rows.filter((row) => row.cells.filter((c) => c.text.trim() !== '').length >= 3);
  if (data.length < 3) return null;
  const width = Math.max(...data.map((row) => row.cells.length));
  const columnTexts = Array.from({ length: width }, (_, column) =>
    data.map((row) => row.cells[column]?.text.trim() ?? ''),
  );
  // Words more than figures: a name numbered 「(1)」 or holding an age is still a name.
  const wordShare = (text: string): number => {
    const normal = normalizeText(text).replace(/\s+/gu, '');
    return normal === '' ? 0 : (normal.match(/\p{L}/gu) ?? []).length / normal.length;
  };
  const isLongText = (text: string): boolean =>
    text !== '' && normalizeText(text).length >= 4 && (!isValueCell(text, hint) || wordShare(text) >= 0.6);
  const textCounts = columnTexts.map((texts) => texts.filter(isLongText).length);
  const nameColumn = textCounts.reduce(
    (best, count, column) => (count > (textCounts[best] ?? 0) ? column : best),
    0,
  );
  // Names spanned over several rows (a sub-item beside them) leave the name column's cell empty in the others.
  if ((textCounts[nameColumn] ?? 0) < Math.max(2, data.length / 3)) return null;
  const valueColumns = columnTexts.flatMap((texts, column) => {
    const filled = texts.filter((text) => text !== '');
    const values = filled.filter((text) => isValueCell(text, hint) && /\d/u.test(text) && !isLongText(text));
    return column > nameColumn && filled.length >= data.length / 2 && values.length >= filled.length * 0.6
      ? [column]
      : [];
  });
  if (valueColumns.length < 2) return null;
  const firstData = rows.indexOf(data[0] as GridRow);
  const above = rows.slice(Math.max(0, firstData - 3), firstData);
  const roles = new Map<number, [ColumnRole, string]>();
  for (const column of valueColumns) {
    const words = [...above.map((row) => row.cells[column]?.text ?? ''), ...(columnTexts[column] ?? [])].join(
      ' ',
    );
    const role: ColumnRole | null = TARGET_WORD.test(words)
      ? 'target'
      : BASE_WORD.test(words)
        ? 'baseline'
        : ACTUAL_WORD.test(words)
          ? 'actual'
          : null;
    if (role !== null && ![...roles.values()].some(([r]) => r === role && r !== 'actual'))
      roles.set(column, [role, `the words 「${role}」 in or above its cells`]);
  }
  const rest = valueColumns
    .filter((column) => !roles.has(column))
    .map((column, order) => ({ column, order, year: medianYear(columnTexts[column] ?? [], hint) ?? order }))
    .sort((a, b) => a.year - b.year || a.order - b.order);
  const taken = new Set([...roles.values()].map(([role]) => role));
  rest.forEach(({ column }, index) => {
    const role: ColumnRole =
      index === 0 && !taken.has('baseline')
        ? 'baseline'
        : index === rest.length - 1 && !taken.has('target')
          ? 'target'
          : 'actual';
    roles.set(column, [role, `figures, by their years and order (${index + 1} of ${rest.length})`]);
  });
  const columns = Array.from({ length: width }, (_, column): ColumnMapping => {
    if (column === nameColumn) return inferred(column, 'name', 'the column of long text');
    const role = roles.get(column);
    if (role !== undefined) return inferred(column, role[0], role[1]);
    if (column < nameColumn && textCounts[column] !== 0)
      return inferred(column, 'group', 'text before the names');
    const filled = (columnTexts[column] ?? []).filter((text) => text !== '');
    if (filled.length > 0 && filled.every((text) => UNIT_CELL.test(normalizeText(text))))
      return inferred(column, 'unit', 'units alone (%, 人, 件)');
    return inferred(column, 'ignore', 'neither names nor figures');
  });
  for (const { column, role } of overrides) {
    const at = columns[column];
    if (at !== undefined)
      columns[column] = { ...at, role, confidence: 1, evidence: `${at.evidence}; set by the user` };
  }
  return { line: (data[0] as GridRow).line, columns };
}
