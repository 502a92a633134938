import type { Kpi } from '../model/entities.js';
import { toYearlyPoint } from './evaluate-kpi.js';
import type { YearlyPoint } from './shapes.js';
import { valueOnGeometricPath } from './shapes.js';
import { perYearValue } from './spans.js';

/** The fields of a KPI its required path reads. */
export type KpiForPath = Pick<Kpi, 'shape' | 'unit' | 'baseline' | 'target'>;

/** One point of a required path: where the KPI should be in a year. */
export interface PathPoint {
  year: number;
  value: number;
}

function perYear(point: YearlyPoint, value: number): number {
  return perYearValue({ ...point, value });
}

/** Geometric (level, multiplier, annual) or straight (rank, share-meeting-bar) from the base to the target. */
function pathBetween(from: PathPoint, to: PathPoint, isGeometric: boolean): PathPoint[] {
  if (to.year <= from.year) return [from];
  const points: PathPoint[] = [];
  for (let year = from.year; year <= to.year; year += 1) {
    const geometric = isGeometric ? valueOnGeometricPath(from, to, year) : null;
    const linear = from.value + ((to.value - from.value) * (year - from.year)) / (to.year - from.year);
    points.push({ year, value: geometric ?? linear });
  }
  return points;
}

/** The running total a cumulative target needs by the end of each year of its range: target × k / n. */
function cumulativePath(baseline: YearlyPoint | null, target: YearlyPoint, value: number): PathPoint[] {
  const toYear = target.year;
  // As the status rule reads it: a target without its first year (50件 (R10)) runs from the year after the baseline.
  const fromYear = target.fromYear < toYear || baseline === null ? target.fromYear : baseline.year + 1;
  const rangeYears = toYear - fromYear + 1;
  if (rangeYears < 1) return [];
  const total = target.isAverage ? value * rangeYears : value;
  const points: PathPoint[] = [];
  for (let year = fromYear; year <= toYear; year += 1) {
    points.push({ year, value: (total * (year - fromYear + 1)) / rangeYears });
  }
  return points;
}

/**
 * The path a KPI should follow, one point a year from its baseline to its target, on the values its status rule
 * compares (README.md beside this file): per-year values for per-year targets (a baseline of 12件 over H30～R5
 * starts at 2件 in FY2023), geometric as the published method judges growth, straight for ranks and counts of
 * units, the pro-rata running total for a cumulative target, and nothing where there is no base to start from.
 */
export function requiredPath(kpi: KpiForPath): PathPoint[] {
  const baseline = toYearlyPoint(kpi.baseline, kpi.unit);
  const target = toYearlyPoint(kpi.target, kpi.unit);
  if (target === null || target.value === null) return [];
  switch (kpi.shape) {
    case 'cumulative':
      return cumulativePath(baseline, target, target.value);
    case 'qualitative':
      return [];
    case 'at-least-average': {
      // A bar to keep: the average itself, at the last year it averages.
      const bar = baseline ?? target;
      return [{ year: bar.year, value: bar.value ?? target.value }];
    }
    case 'level':
    case 'annual':
    case 'multiplier':
    case 'rank':
    case 'share-meeting-bar': {
      if (baseline === null || baseline.value === null) return [];
      const from = { year: baseline.year, value: perYear(baseline, baseline.value) };
      const goal = kpi.shape === 'multiplier' ? from.value * target.value : perYear(target, target.value);
      const isGeometric = kpi.shape === 'level' || kpi.shape === 'annual' || kpi.shape === 'multiplier';
      return pathBetween(from, { year: target.year, value: goal }, isGeometric);
    }
  }
}
