import { normalizeText } from '@kotei/domain';
import type { GridRow } from './grid.js';
import type { ColumnMapping } from './header.js';
import { cellAt } from './spanned-cells.js';
import type { TableKpi, TablePoint } from './table-kpis.js';

/** What a row of a year-column layout holds: the targets of each year, or the actuals. */
export type YearRowKind = 'targets' | 'actuals';

const TARGET_ROW = /^(?:年次|年度)?(?:目標|目標値|計画|計画値)$/u;
const ACTUAL_ROW = /^(?:年次|年度)?(?:実績|実績値)$/u;

/** The columns that stand for a year (平成30年度, 2024年度 …), in order. */
export function yearColumns(mapping: readonly ColumnMapping[]): ColumnMapping[] {
  return mapping.filter(
    (m) => m.year !== null && (m.role === 'baseline' || m.role === 'actual' || m.role === 'target'),
  );
}

/**
 * Whether a row of a table with year columns says, in a cell of its own (区分), that its figures are the year's
 * targets (目標, 年次目標, 計画) or actuals (実績): the layout that writes a KPI's targets in one row and its actuals
 * in the next. Null for any other row.
 */
export function rowKindOf(row: GridRow, mapping: readonly ColumnMapping[]): YearRowKind | null {
  if (yearColumns(mapping).length < 2) return null;
  for (const m of mapping) {
    if (m.role !== 'note' && m.role !== 'ignore' && m.role !== 'group') continue;
    const text = normalizeText(row.cells[m.column]?.text ?? '').replace(/\s+/gu, '');
    if (TARGET_ROW.test(text)) return 'targets';
    if (ACTUAL_ROW.test(text)) return 'actuals';
  }
  return null;
}

/** The latest point of a list by year (the rightmost among equals), or null. */
export function latestOf(points: readonly TablePoint[]): TablePoint | null {
  return points.reduce<TablePoint | null>(
    (best, p) => (best === null || (p.year ?? -Infinity) >= (best.year ?? -Infinity) ? p : best),
    null,
  );
}

/**
 * A row of yearly targets: the KPI's target is the last year's, the years before it kept in the note as
 * milestones (年次目標).
 */
export function targetRowKpi(kpi: TableKpi, points: readonly TablePoint[]): TableKpi {
  const target = latestOf(points);
  const milestones = points.filter((p) => p !== target).map((p) => `${p.label || String(p.year)} ${p.raw}`);
  return {
    ...kpi,
    baseline: null,
    target,
    actuals: [],
    latest: null,
    unit: kpi.unit !== '' ? kpi.unit : (target?.unit ?? ''),
    notes: milestones.length === 0 ? kpi.notes : [...kpi.notes, `年次目標: ${milestones.join('、')}`],
  };
}

/** A row of yearly actuals under its KPI's target row: they become the KPI's actuals. */
export function withActualRow(kpi: TableKpi, points: readonly TablePoint[], row: GridRow): TableKpi {
  const actuals = [...kpi.actuals, ...points];
  return {
    ...kpi,
    actuals,
    latest: latestOf(actuals),
    unit: kpi.unit !== '' ? kpi.unit : (points[0]?.unit ?? ''),
    lineTo: row.line,
    rawText: `${kpi.rawText}\n${row.cells.map((c) => c.text).join(' | ')}`,
  };
}

// The latest actual: by year (latestOf), but an undated 直近値 / 最新値 column beside dated ones (中間評価 (H19),
// (H23)) holds the newest figure the table gives.
export function newestOf(
  actuals: readonly TablePoint[],
  mapping: readonly ColumnMapping[],
  row: GridRow,
): TablePoint | null {
  const newest = mapping
    .filter((m) => m.role === 'actual' && m.year === null && /直近|最新/u.test(normalizeText(m.header)))
    .at(-1);
  const ref = newest === undefined ? undefined : cellAt(row, newest).ref;
  return actuals.find((p) => p.ref === ref) ?? latestOf(actuals);
}
