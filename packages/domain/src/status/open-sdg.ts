import type { Direction, ProgressStatus } from '../model/codes.js';

/** Id of the published progress method kotei follows (methods/progress-status.md). */
export const OPEN_SDG_METHOD = 'open-sdg';

/** The sdg-build release whose `sdg/ProgressMeasure.py` this module reproduces. */
export const OPEN_SDG_METHOD_VERSION = '2.4.0';

/** One value of a series in one year. */
export interface YearValue {
  year: number;
  value: number;
}

/** The three cut-offs between on track, moderate, limited and deteriorating (lower bounds inclusive). */
export interface ProgressThresholds {
  high: number;
  med: number;
  low: number;
}

/** Thresholds for a series without a target, applied to the observed growth rate (before the limit factor). */
export const THRESHOLDS_WITHOUT_TARGET: Readonly<ProgressThresholds> = { high: 0.015, med: 0.005, low: 0 };

/** Thresholds for a series with a target, applied to the ratio of observed to required growth. */
export const THRESHOLDS_WITH_TARGET: Readonly<ProgressThresholds> = { high: 0.95, med: 0.6, low: 0 };

/** The exponent of the limit factor C, as sdg-build hard-codes it. */
export const LIMIT_EXPONENT = 4.44;

/** What sdg-build puts in place of a base value or target of exactly 0, which a growth model cannot use. */
export const ZERO_REPLACEMENT = 0.001;

/** Settings of one series, in kotei's codes (`increase` = Open SDG `positive`). */
export interface ProgressConfig {
  direction: Direction;
  /** The first year with data at or after it is the base year; null means the first year of the series. */
  baseYear: number | null;
  target: number | null;
  targetYear: number | null;
  /** Natural ceiling or floor, used only without a target. */
  limit: number | null;
}

/** Why a measurement came out as it did: a stable code for explanations and tests. */
export type ProgressReason =
  | 'target_achieved'
  | 'growth_against_target'
  | 'growth_without_target'
  | 'no_data'
  | 'too_few_years'
  | 'opposite_signs'
  | 'undefined_progress';

/** Everything the measurement used, so a result can be explained and re-checked by hand. */
export interface ProgressInputs {
  direction: Direction;
  /** 1 without a target (observed growth), 2 with one (ratio to the required growth), as sdg-build numbers them. */
  methodology: 1 | 2;
  baseYearConfigured: number | null;
  /** The first year with data at or after the configured base year; null when the series has none. */
  baseYear: number | null;
  /** The base year's value as given (before 0 is replaced by 0.001). */
  baseValue: number | null;
  currentYear: number | null;
  currentValue: number | null;
  /** The target as used (0 already replaced by 0.001). */
  target: number | null;
  targetYear: number | null;
  limit: number | null;
  /** C, when a limit applies (methodology 1 only). */
  limitFactor: number | null;
  /** The thresholds used, after the limit factor. */
  thresholds: ProgressThresholds;
  /** s: −1 when the base value is negative, else +1. */
  sign: 1 | -1;
  /** Observed compound annual growth rate; null when not computed. */
  observedGrowth: number | null;
  /** Required compound annual growth rate (its magnitude is what the ratio uses); null without a target. */
  requiredGrowth: number | null;
}

/** A series measured by the published method. */
export interface ProgressMeasurement {
  isValid: true;
  status: ProgressStatus;
  /** P (observed growth) without a target, R (ratio) with one; may be ±Infinity as in sdg-build; null when not computed. */
  progressValue: number | null;
  /** In [−5, 5]; null when there is nothing to score. */
  score: number | null;
  reason: ProgressReason;
  inputs: ProgressInputs;
}

/** A series the published method cannot take (sdg-build raises on it): no status, and what is wrong. */
export interface InvalidProgressInput {
  isValid: false;
  status: 'no_data';
  progressValue: null;
  score: null;
  reason: 'invalid_input';
  error: string;
}

/** The result of {@link measureProgress}: never thrown, always one of these. */
export type ProgressResult = ProgressMeasurement | InvalidProgressInput;

function invalid(error: string): InvalidProgressInput {
  return {
    isValid: false,
    status: 'no_data',
    progressValue: null,
    score: null,
    reason: 'invalid_input',
    error,
  };
}

function notFinite(name: string, value: number | null): string | null {
  return value !== null && !Number.isFinite(value) ? `${name} must be a finite number` : null;
}

function notWholeYear(name: string, value: number | null): string | null {
  return value !== null && !Number.isInteger(value) ? `${name} must be a whole year, not ${value}` : null;
}

function checkInput(series: readonly YearValue[], config: ProgressConfig): string | null {
  // Callers outside TypeScript (JSON, the batch) can send anything, and a direction has no default.
  const direction: string = config.direction;
  if (direction !== 'increase' && direction !== 'decrease') {
    return `direction must be "increase" or "decrease", not ${JSON.stringify(direction)}`;
  }
  // Each in turn, without a list to walk: this runs for every KPI, and the first problem is the one reported.
  const problem =
    notFinite('base year', config.baseYear) ??
    notFinite('target', config.target) ??
    notFinite('target year', config.targetYear) ??
    notFinite('limit', config.limit) ??
    notWholeYear('base year', config.baseYear) ??
    notWholeYear('target year', config.targetYear);
  if (problem !== null) return problem;
  if (config.target !== null && config.targetYear === null) return 'a target needs a target year';
  // Years in order (as the engine passes them) cannot repeat unseen: a set is built only when one steps back.
  let previous = Number.NEGATIVE_INFINITY;
  for (const point of series) {
    if (!Number.isInteger(point.year)) return `year must be a whole year, not ${point.year}`;
    if (Number.isNaN(point.value)) continue;
    if (point.year <= previous) return checkSeriesUnsorted(series);
    previous = point.year;
  }
  return null;
}

function checkSeriesUnsorted(series: readonly YearValue[]): string | null {
  const seen = new Set<number>();
  for (const point of series) {
    if (!Number.isInteger(point.year)) return `year must be a whole year, not ${point.year}`;
    // sdg-build drops missing values before anything else, so a NaN year-value pair is simply absent.
    if (Number.isNaN(point.value)) continue;
    if (seen.has(point.year)) return `duplicate value for year ${point.year}`;
    seen.add(point.year);
  }
  return null;
}

/** C's pow (which numpy uses) where it differs from JavaScript's: 1 and −1 to an infinite power are 1, not NaN. */
function cPow(base: number, exponent: number): number {
  if (!Number.isFinite(exponent) && Math.abs(base) === 1) return 1;
  return Math.pow(base, exponent);
}

/**
 * |CAGR_T| as sdg-build computes it, where Python and numpy part ways. A negative ratio (target and base value of
 * opposite signs) to a fractional power is complex in Python, and the ratio divides by its magnitude; numpy gives
 * NaN instead. sdg-build is on the numpy path when the base year was moved to the next year with data (it then
 * holds a numpy integer), and there a target year equal to that base year is an infinite exponent, not an error.
 */
function requiredGrowthMagnitude(
  ratio: number,
  exponent: number,
  isNumpyPath: boolean,
  power: number,
): number {
  if (ratio >= 0 || Number.isInteger(exponent) || !Number.isFinite(exponent)) return Math.abs(power - 1);
  if (isNumpyPath) return Number.NaN;
  const magnitude = Math.pow(-ratio, exponent);
  const phase = Math.PI * exponent;
  return Math.hypot(magnitude * Math.cos(phase) - 1, magnitude * Math.sin(phase));
}

/** The limit factor C: 1 far from the limit, 0 at it; a = 4.44. */
export function limitFactor(baseValue: number, limit: number): number {
  const b = Math.abs(baseValue);
  const l = Math.abs(limit);
  // sdg-build checks b ≥ 2L first so that b = L = 0 gives 1, not 0.
  if (b >= 2 * l) return 1;
  if (b <= l) return 1 - Math.pow(b / l, LIMIT_EXPONENT);
  return 1 - Math.pow((2 * l - b) / l, LIMIT_EXPONENT);
}

/** Status of a progress value against thresholds, lower bounds inclusive; NaN or null gives no_data. */
export function statusOfProgress(
  value: number | null,
  thresholds: ProgressThresholds,
  isAchieved: boolean,
): ProgressStatus {
  if (isAchieved) return 'achieved';
  if (value === null) return 'no_data';
  if (value >= thresholds.high) return 'on_track';
  if (thresholds.med <= value && value < thresholds.high) return 'moderate';
  if (thresholds.low <= value && value < thresholds.med) return 'limited';
  if (value < thresholds.low) return 'deteriorating';
  return 'no_data';
}

/**
 * Score in [−5, 5] for a ratio R to the required growth (methodology 2), with sdg-build's rounded constants:
 * R ≥ med → min(7.1429·R − 4.2857, 5), else max(4.1667·R − 2.5, −5).
 */
export function scoreWithTarget(
  ratio: number,
  thresholds: ProgressThresholds = THRESHOLDS_WITH_TARGET,
): number | null {
  if (ratio >= thresholds.high || ratio >= thresholds.med) return Math.min(7.1429 * ratio - 4.2857, 5);
  if (ratio >= thresholds.low || ratio < thresholds.low) return Math.max(4.1667 * ratio - 2.5, -5);
  return null;
}

/**
 * Score in [−5, 5] for an observed growth P without a target (methodology 1); the thresholds are already scaled by
 * the limit factor C, and P is scaled back by C so that scores keep one meaning with and without a limit.
 */
export function scoreWithoutTarget(
  growth: number,
  thresholds: ProgressThresholds,
  factor = 1,
): number | null {
  if (growth < thresholds.low) return Math.max(125 * growth - 2.5, -5);
  // At the limit (C = 0) holding or passing it is the best one can do.
  if (factor === 0) return 5;
  if (growth >= thresholds.high) return Math.min((500 * growth) / factor - 5, 5);
  if (growth >= thresholds.med) return (250 * growth) / factor - 1.25;
  if (growth >= thresholds.low) return (500 * growth) / factor - 2.5;
  return null;
}

/**
 * The published progress measure of one series (sdg-build 2.4.0 `SeriesProgress`): observed compound growth
 * from the base year to the latest year, against the growth required to reach the target, or against fixed
 * rates without one. Reproduces its edge cases: missing values dropped; duplicate years rejected; the base year
 * moved to the first year with data at or after it; a base value or target of 0 read as 0.001; opposite signs
 * of base and latest value, or fewer than two years from the base year on, give no progress value (a latest
 * value already at the target is still achieved). Never throws: input sdg-build would fail on (duplicate years,
 * a target year equal to the base year, a target without a year) comes back as {@link InvalidProgressInput}.
 */
export function measureProgress(
  series: readonly YearValue[],
  config: ProgressConfig,
  thresholds: Partial<ProgressThresholds> = {},
): ProgressResult {
  const problem = checkInput(series, config);
  if (problem !== null) return invalid(problem);

  const { direction, limit } = config;
  const d = direction === 'increase' ? 1 : -1;
  const target = config.target === 0 ? ZERO_REPLACEMENT : config.target;
  const methodology = target === null ? 1 : 2;
  const defaults = methodology === 1 ? THRESHOLDS_WITHOUT_TARGET : THRESHOLDS_WITH_TARGET;
  const points = series.some((point) => Number.isNaN(point.value))
    ? series.filter((point) => !Number.isNaN(point.value))
    : series;

  const inputs: ProgressInputs = {
    direction,
    methodology,
    baseYearConfigured: config.baseYear,
    baseYear: null,
    baseValue: null,
    currentYear: null,
    currentValue: null,
    target,
    targetYear: config.targetYear,
    limit,
    limitFactor: null,
    thresholds: {
      high: thresholds.high ?? defaults.high,
      med: thresholds.med ?? defaults.med,
      low: thresholds.low ?? defaults.low,
    },
    sign: 1,
    observedGrowth: null,
    requiredGrowth: null,
  };
  if (points.length === 0) {
    return { isValid: true, status: 'no_data', progressValue: null, score: null, reason: 'no_data', inputs };
  }

  let current = points[0] as YearValue;
  let base: YearValue | null = null;
  const wantedBase = config.baseYear ?? Number.NEGATIVE_INFINITY;
  for (const point of points) {
    if (point.year > current.year) current = point;
    if (point.year >= wantedBase && (base === null || point.year < base.year)) base = point;
  }
  inputs.currentYear = current.year;
  inputs.currentValue = current.value;
  const isAchieved = target !== null && (d === -1 ? current.value <= target : current.value >= target);

  if (base === null) {
    // sdg-build 2.4.0 fails on the empty lookup of the base value (its later "base year after the data" check is
    // never reached), so this is input it cannot take.
    return invalid(`no data in or after the base year ${config.baseYear ?? ''}`);
  }
  inputs.baseYear = base.year;
  inputs.baseValue = base.value;
  inputs.sign = base.value < 0 ? -1 : 1;
  if (methodology === 1 && limit !== null) {
    // The factor uses the base value as given: sdg-build computes thresholds before replacing 0 by 0.001.
    const factor = limitFactor(base.value, limit);
    inputs.limitFactor = factor;
    inputs.thresholds = {
      high: inputs.thresholds.high * factor,
      med: inputs.thresholds.med * factor,
      low: inputs.thresholds.low * factor,
    };
  }

  const baseValue = base.value === 0 ? ZERO_REPLACEMENT : base.value;
  if ((baseValue > 0 && current.value < 0) || (baseValue < 0 && current.value > 0)) {
    return finish(inputs, null, isAchieved, 'opposite_signs');
  }
  if (current.year - base.year < 1) return finish(inputs, null, isAchieved, 'too_few_years');

  const observed = Math.pow(current.value / baseValue, 1 / (current.year - base.year)) - 1;
  inputs.observedGrowth = observed;
  if (target === null) {
    return finish(inputs, inputs.sign * d * observed, isAchieved, 'growth_without_target');
  }
  const targetYear = config.targetYear as number;
  const isNumpyPath = config.baseYear !== null && base.year !== config.baseYear;
  if (targetYear === base.year && !isNumpyPath) {
    // Python's ZeroDivisionError in 1 / (t_T − t_0): the method doc's "target year equal to base year".
    return invalid(`target year ${targetYear} equals the base year: no required growth can be computed`);
  }
  const ratio = target / baseValue;
  const exponent = 1 / (targetYear - base.year);
  // One power for both: a fractional power is the costliest step of the method, and it runs for every KPI.
  const power = cPow(ratio, exponent);
  const required = requiredGrowthMagnitude(ratio, exponent, isNumpyPath, power);
  const requiredGrowth = power - 1;
  inputs.requiredGrowth = Number.isNaN(requiredGrowth) ? null : requiredGrowth;
  return finish(inputs, (inputs.sign * d * observed) / required, isAchieved, 'growth_against_target');
}

function finish(
  inputs: ProgressInputs,
  value: number | null,
  isAchieved: boolean,
  computedReason: ProgressReason,
): ProgressMeasurement {
  const progressValue = value;
  const status = statusOfProgress(progressValue, inputs.thresholds, isAchieved);
  let score: number | null = null;
  if (isAchieved) score = 5;
  else if (progressValue !== null) {
    score =
      inputs.methodology === 1
        ? scoreWithoutTarget(progressValue, inputs.thresholds, inputs.limitFactor ?? 1)
        : scoreWithTarget(progressValue, inputs.thresholds);
  }
  let reason = computedReason;
  if (isAchieved) reason = 'target_achieved';
  else if (progressValue !== null && Number.isNaN(progressValue)) reason = 'undefined_progress';
  return { isValid: true, status, progressValue, score, reason, inputs };
}

/** Status from a score, by the bands on track [2.5, 5], moderate [0, 2.5), limited [−2.5, 0), deteriorating [−5, −2.5). */
export function statusOfScore(score: number | null, isAchieved = false): ProgressStatus {
  if (isAchieved) return 'achieved';
  if (score === null) return 'no_data';
  if (2.5 <= score && score <= 5) return 'on_track';
  if (0 <= score && score < 2.5) return 'moderate';
  if (-2.5 <= score && score < 0) return 'limited';
  if (-5 <= score && score < -2.5) return 'deteriorating';
  return 'no_data';
}

/** One member of a roll-up: its status and score (null when it has none). */
export interface ScoredStatus {
  status: ProgressStatus;
  score: number | null;
}

/** The published aggregate of several series or KPIs. */
export interface RolledUpStatus {
  status: ProgressStatus;
  /** The mean of the members' scores; null when no member has one. */
  score: number | null;
}

/**
 * The published roll-up (sdg-build `IndicatorProgress`): the mean of the members that have a score gives the
 * status by score bands; "achieved" only when every scored member achieved; no scores → no_data.
 */
export function rollUp(members: readonly ScoredStatus[]): RolledUpStatus {
  let sum = 0;
  let count = 0;
  let isAllAchieved = true;
  for (const member of members) {
    if (member.score === null) continue;
    sum += member.score;
    count += 1;
    if (member.status !== 'achieved') isAllAchieved = false;
  }
  if (count === 0) return { status: 'no_data', score: null };
  const score = sum / count;
  return { status: statusOfScore(score, isAllAchieved), score };
}
