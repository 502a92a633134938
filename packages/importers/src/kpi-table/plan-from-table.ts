import type { PlanDocumentInput } from '@kotei/contracts';
import type { Breakdown } from '@kotei/domain';
import { breakdownOfLabels } from '@kotei/domain';
import type { ParseIssue } from '../parse-issue.js';
import type { KpiDraft, MeasureDraft, SheetDraft } from '../follow-up/drafts.js';
import { kpiKey } from '../follow-up/keys.js';
import type { TableKpi, TablePoint } from './table-kpis.js';

/** Options of a table import: the plan's slug and title, and the file name for messages and provenance. */
export interface KpiTableOptions {
  readonly slug?: string;
  readonly sourceName?: string;
  readonly title?: string;
}

/** Dates of a year as written: a 年度 is April to March, a 年 January to December. */
function datesOf(point: TablePoint): { start: string; end: string; fiscalYear: number } | null {
  if (point.year === null) return null;
  const y = point.year;
  return point.fiscal
    ? { start: `${y}-04-01`, end: `${y + 1}-03-31`, fiscalYear: y }
    : { start: `${y}-01-01`, end: `${y}-12-31`, fiscalYear: y };
}

function labelOf(point: TablePoint): string {
  const label = point.label.trim();
  if (label !== '') return label;
  return point.fiscal ? `${point.year}年度` : `${point.year}年`;
}

function slugOf(options: KpiTableOptions): string {
  if (options.slug !== undefined && /^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(options.slug)) return options.slug;
  const base = (options.sourceName ?? '')
    .replace(/\.[^.]*$/u, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return base === '' ? 'imported-kpi-table' : base;
}

/** A point's labelled figures as a breakdown by sex, age group or prefecture; null where they are none. */
function breakdownOf(point: TablePoint): Breakdown | null {
  return point.breakdown.length === 0 ? null : breakdownOfLabels(point.breakdown);
}

function describePoint(what: string, point: TablePoint): string {
  return `${what} ${point.raw} (${point.ref})`;
}

/**
 * Builds a plan from a table's KPIs: one sheet per section (or worksheet), one measure per group (or one for the
 * sheet), each KPI with its baseline, target and actuals. A value whose year the table does not give cannot be a
 * dated point: it is kept in the KPI's note and reported, never dated by guess.
 */
export function planFromTable(
  kpis: readonly TableKpi[],
  title: string | null,
  options: KpiTableOptions,
  issues: ParseIssue[],
): PlanDocumentInput {
  const sheets: SheetDraft[] = [];
  const sheetByTitle = new Map<string, { sheet: SheetDraft; measures: Map<string, MeasureDraft> }>();
  const planTitle = options.title ?? title ?? options.sourceName ?? 'KPI表';
  for (const kpi of kpis) {
    const sheetTitle = kpi.section ?? kpi.sheet ?? planTitle;
    let entry = sheetByTitle.get(sheetTitle);
    if (entry === undefined) {
      const sheet: SheetDraft = {
        number: sheets.length + 1,
        title: sheetTitle,
        measures: [],
        source: { lineFrom: kpi.line, lineTo: kpi.line, rawText: sheetTitle },
      };
      sheets.push(sheet);
      entry = { sheet, measures: new Map() };
      sheetByTitle.set(sheetTitle, entry);
    }
    const measureTitle = kpi.group ?? sheetTitle;
    let measure = entry.measures.get(measureTitle);
    if (measure === undefined) {
      measure = {
        title: measureTitle,
        kpis: [],
        source: { lineFrom: kpi.line, lineTo: kpi.line, rawText: measureTitle },
      };
      entry.measures.set(measureTitle, measure);
      (entry.sheet.measures ??= []).push(measure);
    }
    (measure.kpis ??= []).push(kpiDraft(kpi, entry.sheet.number, options, issues));
  }
  return {
    slug: slugOf(options),
    title: planTitle,
    owner: '不明',
    adoptedOn: null,
    description: options.sourceName === undefined ? '' : `KPI表 ${options.sourceName} から読み込み`,
    sheets,
  };
}

function kpiDraft(
  kpi: TableKpi,
  sheetNumber: number,
  options: KpiTableOptions,
  issues: ParseIssue[],
): KpiDraft {
  const notes = [...kpi.notes];
  const where = (point: TablePoint): string =>
    `${options.sourceName ?? 'table'}${kpi.sheet === null ? '' : ` [${kpi.sheet}]`} ${point.ref}`;
  const dated = (
    what: string,
    point: TablePoint | null,
  ): {
    value: number | null;
    label: string;
    dates: { start: string; end: string; fiscalYear: number };
    breakdown: Breakdown | null;
  } | null => {
    if (point === null) return null;
    const dates = datesOf(point);
    if (dates === null) {
      if (point.value !== null) {
        notes.push(`${describePoint(what, point)}: 時点の記載なし`);
        issues.push({
          code: 'kpi-point-without-year',
          line: kpi.line,
          cell: point.ref,
          found: point.raw,
          expected: `a year for the ${what} (in the cell, its column header or the KPI name)`,
          message: `The ${what} of 「${kpi.name}」 names no year; it is kept in the KPI's note, not as a dated value.`,
          severity: 'warning',
        });
      }
      return null;
    }
    return { value: point.value, label: labelOf(point), dates, breakdown: breakdownOf(point) };
  };
  if (kpi.status !== '') notes.push(`達成状況: ${kpi.status}`);
  if (kpi.owner !== '') notes.push(`担当: ${kpi.owner}`);
  // Labelled figures that are no breakdown the model knows (橋梁, トンネル) stay in the note as written.
  // So do those of a point that is not stored: undated, or an actual without its own figure.
  const stored = (point: TablePoint, isActual: boolean): boolean =>
    breakdownOf(point) !== null && datesOf(point) !== null && !(isActual && point.value === null);
  for (const [point, isActual] of [
    [kpi.baseline, false],
    [kpi.target, false],
    ...kpi.actuals.map((actual) => [actual, true] as const),
  ] as const) {
    if (point !== null && point.breakdown.length > 0 && !stored(point, isActual)) {
      notes.push(`内訳 ${point.ref}: ${point.breakdown.map((b) => `${b.label} ${b.value}`).join('、')}`);
    }
  }
  const baseline = dated('baseline', kpi.baseline);
  const target = dated('target', kpi.target);
  const isQualitative = target?.value == null && baseline?.value == null && kpi.actuals.length === 0;
  return {
    key: kpiKey(sheetNumber, kpi.name),
    name: kpi.name,
    unit: kpi.unit,
    shape: isQualitative ? 'qualitative' : 'level',
    direction: kpi.direction ?? 'increase',
    baseline,
    target,
    note: notes.join(' / '),
    actuals: kpi.actuals.flatMap((point) => {
      const dates = datesOf(point);
      if (point.value === null || dates === null) return [];
      return [
        {
          value: point.value,
          label: labelOf(point),
          dates,
          origin: 'imported' as const,
          sourceNote: where(point),
          breakdown: breakdownOf(point),
        },
      ];
    }),
    source: { lineFrom: kpi.line, lineTo: kpi.lineTo, rawText: kpi.rawText },
  };
}
