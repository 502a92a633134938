import { normalizeText } from '@kotei/domain';
import type { Grid, GridRow } from './grid.js';
import type { ColumnMapping, ColumnRole } from './header.js';
import type { PointRead } from './spanned-cells.js';
import { cellAt } from './spanned-cells.js';
import type { TableKpi, TablePoint } from './table-kpis.js';
import { UNIT_IN_NAME, tableUnitOf, unitInName, unitOfValueHeaders } from './unit-places.js';
import { newestOf } from './year-rows.js';

// A row's KPI put together from what the reader found in its cells.

/** The role of each column of a mapping, by index. */
export function roleColumns(mapping: readonly ColumnMapping[], role: ColumnRole): ColumnMapping[] {
  return mapping.filter((m) => m.role === role);
}

/**
 * A row's cells under year columns with no target column: the last year's cell, where it is a bound (「65%以上」,
 * 「12%以下」), is the plan's target for that year, not a figure measured (a yearly progress table heads its target
 * year as one more year); the others stay actuals.
 */
export function boundedLastYear(
  mapping: readonly ColumnMapping[],
  reads: readonly PointRead[],
): { target: PointRead | null; actuals: readonly PointRead[] } {
  const last = reads[reads.length - 1];
  const years = roleColumns(mapping, 'actual').map((m) => m.year?.year ?? null);
  const lastYear = years[years.length - 1] ?? null;
  const isLatest = lastYear !== null && years.every((year) => year !== null && year <= lastYear);
  if (
    reads.length < 2 ||
    last?.point?.bound == null ||
    !isLatest ||
    roleColumns(mapping, 'target').length > 0
  )
    return { target: null, actuals: reads };
  return { target: last, actuals: reads.slice(0, -1) };
}

/** What the reader found for a row. */
export interface KpiParts {
  readonly grid: Grid;
  readonly row: GridRow;
  readonly mapping: readonly ColumnMapping[];
  readonly name: string;
  readonly notes: readonly string[];
  readonly section: string | null;
  readonly baseline: PointRead;
  readonly target: PointRead;
  readonly actuals: readonly TablePoint[];
  readonly tableUnits: readonly string[];
}

// The KPI of a row: the name with what the target cell names (世代全体), the unit from the values, the name or a
// unit column, the direction the target states or implies, the latest actual and the notes.
export function buildKpi(parts: KpiParts): TableKpi {
  const { grid, row, mapping, baseline, target, actuals } = parts;
  let name = parts.name;
  const latest = newestOf(actuals, mapping, row);
  const lead = target.reading?.lead;
  if (lead != null && !name.endsWith(lead)) name = `${name} ${lead}`;
  let unitFromName = UNIT_IN_NAME.exec(name)?.[1];
  if (unitFromName !== undefined) name = name.replace(UNIT_IN_NAME, '').trim();
  const named = unitFromName === undefined ? unitInName(name) : null;
  if (named !== null) ({ name, unit: unitFromName } = named);
  const unitColumn = cellAt(row, roleColumns(mapping, 'unit')[0]).text;
  const unit =
    ([target.point?.unit, baseline.point?.unit, latest?.unit].find((u) => u !== undefined && u !== '') ??
      normalizeText(unitColumn !== '' ? unitColumn : (unitFromName ?? unitOfValueHeaders(mapping) ?? ''))) ||
    tableUnitOf(name, parts.tableUnits);
  const targetValue = target.point?.value ?? null;
  const baselineValue = baseline.point?.value ?? null;
  const direction =
    target.reading?.direction ??
    (target.point?.bound === 'max' || target.point?.unit === '位' ? 'decrease' : null) ??
    (targetValue !== null && baselineValue !== null && targetValue < baselineValue ? 'decrease' : null);
  const notes = [...parts.notes, ...(target.reading?.notes ?? []), ...(baseline.reading?.notes ?? [])];
  if (target.reading?.words != null) notes.push(`目標: ${target.reading.words}`);
  if (target.reading?.isRecurring === true) notes.push('目標は毎年度');
  const joined = (role: ColumnRole): string =>
    roleColumns(mapping, role)
      .map((m) => cellAt(row, m).text)
      .filter((t) => t !== '')
      .join(' ');
  const group = joined('group');
  const period = target.reading?.period ?? null;
  const datedWithoutValue: TablePoint | null =
    period === null
      ? null
      : {
          value: null,
          year: period.year,
          fiscal: period.fiscal,
          label: period.label,
          unit: '',
          breakdown: [],
          bound: null,
          ref: target.ref,
          raw: target.raw,
        };
  return {
    name,
    unit,
    section: parts.section,
    group: group === '' ? null : normalizeText(group),
    baseline: baseline.point,
    target: target.point ?? datedWithoutValue,
    actuals,
    latest,
    direction,
    notes,
    status: joined('status'),
    owner: joined('owner'),
    sheet: grid.sheet,
    line: row.line,
    lineTo: row.line,
    rawText: row.cells.map((c) => c.text).join(' | '),
  };
}
