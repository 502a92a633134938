import type { PlanDashboard } from '../../api/types';

/** One outcome target of the dashboard: its KPI and the required path from baseline to target. */
export type DashboardOutcome = PlanDashboard['goals'][number]['outcomes'][number];

/** One year of an outcome's trajectory: where the path says it should be, what was observed, the forecast. */
export interface TrajectoryRow {
  year: number;
  required: number | null;
  actual: number | null;
  forecast: number | null;
}

/**
 * The years of an outcome's chart, one row each: the path (baseline → target), actuals by fiscal year, and
 * the forecast at the target year when the status engine gives one.
 */
export function buildTrajectory(outcome: DashboardOutcome): TrajectoryRow[] {
  const rows = new Map<number, TrajectoryRow>();
  const row = (year: number): TrajectoryRow => {
    let found = rows.get(year);
    if (!found) {
      found = { year, required: null, actual: null, forecast: null };
      rows.set(year, found);
    }
    return found;
  };
  for (const point of outcome.path) row(point.year).required = point.value;
  for (const actual of outcome.kpi.actuals) {
    if (actual.period.fiscalYear !== null) row(actual.period.fiscalYear).actual = actual.value;
  }
  const forecast = outcome.kpi.status.forecast;
  const targetYear = outcome.kpi.target?.period.fiscalYear ?? null;
  if (forecast !== null && targetYear !== null) row(targetYear).forecast = forecast;
  return [...rows.values()].sort((a, b) => a.year - b.year);
}

/** An outcome target's target as first adopted (当初目標), where a revision has changed it since. */
export interface OriginalTarget {
  value: number;
  year: number;
  label: string;
}

/**
 * The original target of a KPI from the dashboard's `originals`: only where it had a figure and a year, and
 * differs from the current one (which the originals list already ensures).
 */
export function originalTargetOf(
  originals: PlanDashboard['originals'],
  kpiId: string,
): OriginalTarget | null {
  const original = originals?.kpis.find((k) => k.kpiId === kpiId)?.original;
  if (!original || original.value === null || original.period.fiscalYear === null) return null;
  return { value: original.value, year: original.period.fiscalYear, label: original.period.label };
}

/** Whether an outcome has anything to draw: a path, an actual with a year, or a forecast. */
export function hasTrajectory(rows: readonly TrajectoryRow[]): boolean {
  return rows.some((row) => row.required !== null || row.actual !== null || row.forecast !== null);
}
