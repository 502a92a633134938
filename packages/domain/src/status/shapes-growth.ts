import type {
  ShapeInput,
  ShapeJudgement,
  SpanYearValue,
  StatusReason,
  YearlyPoint,
  YearlyValue,
} from './shape-judgement.js';
import { emptyJudgement, finite, invalidJudgement, statusReasonOf } from './shape-judgement.js';
import type { ProgressResult, YearValue } from './open-sdg.js';
import {
  OPEN_SDG_METHOD,
  OPEN_SDG_METHOD_VERSION,
  THRESHOLDS_WITH_TARGET,
  ZERO_REPLACEMENT,
  measureProgress,
  scoreWithTarget,
  statusOfProgress,
} from './open-sdg.js';
import { perYearValue } from './spans.js';

/**
 * The series a growth rule measures: the baseline (when it has a value) and the actuals. An actual for the
 * baseline's own year wins over the plan's baseline figure, since it is the reported (possibly revised) number.
 */
export function seriesWithBaseline(
  baseline: YearlyPoint | null,
  actuals: readonly YearlyValue[],
): YearValue[] {
  const series: YearValue[] = [];
  let isSorted = true;
  let previousYear = Number.NEGATIVE_INFINITY;
  let hasBaselineYear = false;
  for (const { year, value } of actuals) {
    if (previousYear > year) isSorted = false;
    if (year === baseline?.year) hasBaselineYear = true;
    previousYear = year;
    series.push({ year, value });
  }
  if (baseline === null || baseline.value === null || hasBaselineYear) {
    return isSorted ? series : series.sort((a, b) => a.year - b.year);
  }
  const base = { year: baseline.year, value: baseline.value };
  if (!isSorted) return [...series, base].sort((a, b) => a.year - b.year);
  // Actuals arrive sorted by year (evaluateKpi sorts them), so only the baseline needs placing: before the first
  // later year, where a stable sort would put it.
  let at = series.length;
  while (at > 0 && (series[at - 1]?.year ?? 0) > base.year) at -= 1;
  series.splice(at, 0, base);
  return series;
}

/** The value on the geometric path from (t0, y0) to (tT, yT) in year t; null where no such path exists. */
export function valueOnGeometricPath(from: YearValue, to: YearValue, year: number): number | null {
  const start = from.value === 0 ? ZERO_REPLACEMENT : from.value;
  const ratio = to.value / start;
  if (to.year === from.year || !(ratio > 0)) return null;
  return finite(start * Math.pow(ratio, (year - from.year) / (to.year - from.year)));
}

// A growth rule compares years with years: a total over several years becomes its yearly average (12件 over
// H30～R5 → 2件 a year, placed at FY2023), an average stays as it is.
function perYearPoint(point: YearlyPoint | null): YearlyPoint | null {
  if (point === null || point.value === null || point.fromYear >= point.year) return point;
  return { ...point, value: perYearValue({ ...point, value: point.value }) };
}

function perYearActuals(actuals: readonly YearlyValue[]): readonly YearlyValue[] {
  if (!actuals.some((a) => a.fromYear < a.year)) return actuals;
  return actuals.map((a) => (a.fromYear >= a.year ? a : { ...a, value: perYearValue(a) }));
}

/**
 * Whether the actuals meet a target set over several years (250件 (2026～2028年度平均)): the yearly values of every
 * year of its range are in and their mean meets it. One good year is not a three-year average.
 */
function meetsTargetOverRange(input: ShapeInput, target: number, actuals: readonly YearlyValue[]): boolean {
  const range = input.target;
  if (range === null || range.fromYear >= range.year) return true;
  const whole = actuals.find((a) => a.fromYear === range.fromYear && a.year === range.year);
  let mean = whole?.value ?? null;
  if (mean === null) {
    let sum = 0;
    for (let year = range.fromYear; year <= range.year; year += 1) {
      const value = actuals.find((a) => a.year === year && a.fromYear === year)?.value;
      if (value === undefined) return false;
      sum += value;
    }
    mean = sum / (range.year - range.fromYear + 1);
  }
  return input.direction === 'increase' ? mean >= target : mean <= target;
}

function spanOf(point: YearValue | null, actuals: readonly YearlyValue[], baseline: YearlyPoint | null) {
  if (point === null) return null;
  let fromYear = baseline?.year === point.year ? baseline.fromYear : point.year;
  for (const actual of actuals) {
    if (actual.year === point.year) {
      fromYear = actual.fromYear;
      break;
    }
  }
  return { year: point.year, value: point.value, fromYear } satisfies SpanYearValue;
}

/** The published method as a judgement, with a target over several years met only by their mean. */
function measured(
  input: ShapeInput,
  actuals: readonly YearlyValue[],
  result: ProgressResult & { isValid: true },
): Pick<ShapeJudgement, 'status' | 'score' | 'reason'> {
  let { status, score } = result;
  let statusReason: StatusReason = statusReasonOf(result.reason);
  const target = result.inputs.target;
  if (status === 'achieved' && target !== null && !meetsTargetOverRange(input, target, actuals)) {
    const progress = finite(result.progressValue);
    status = progress === null ? 'no_data' : statusOfProgress(progress, THRESHOLDS_WITH_TARGET, false);
    score = progress === null ? null : scoreWithTarget(progress);
    statusReason = progress === null ? 'too_few_years' : 'growth_against_target';
  }
  return { status, score, reason: statusReason };
}

function growthJudgement(
  input: ShapeInput,
  target: number | null,
  factor: number | null,
  partialPeriodsLeftOut: number | null,
): ShapeJudgement {
  const method = OPEN_SDG_METHOD;
  const methodVersion = OPEN_SDG_METHOD_VERSION;
  const judgement = emptyJudgement(input, method, methodVersion);
  const baseYear = input.baseline?.year ?? null;
  // An actual from before the base year is history, and the baseline is never an actual: without an actual
  // from the base year on there is nothing to judge.
  const actuals =
    baseYear === null || input.actuals.every((a) => a.year >= baseYear)
      ? input.actuals
      : input.actuals.filter((a) => a.year >= baseYear);
  const series = seriesWithBaseline(input.baseline, actuals);
  judgement.series = series;
  judgement.parameters = { actualsBeforeBase: input.actuals.length - actuals.length, partialPeriodsLeftOut };
  if (actuals.length === 0) {
    judgement.reason = 'no_actual';
    return judgement;
  }
  const targetYear = input.target?.year ?? null;
  const result: ProgressResult = measureProgress(series, {
    direction: input.direction,
    baseYear,
    target,
    targetYear: target === null ? null : targetYear,
    limit: null,
  });
  if (!result.isValid) return invalidJudgement(judgement, result.error);
  const { inputs } = result;
  const current = spanOf(
    inputs.currentYear === null || inputs.currentValue === null
      ? null
      : { year: inputs.currentYear, value: inputs.currentValue },
    actuals,
    input.baseline,
  );
  const basePoint = spanOf(
    inputs.baseYear === null || inputs.baseValue === null
      ? null
      : { year: inputs.baseYear, value: inputs.baseValue },
    actuals,
    input.baseline,
  );
  let expectedValue: number | null = null;
  let forecast: number | null = null;
  if (basePoint !== null && current !== null && inputs.target !== null && inputs.targetYear !== null) {
    expectedValue = valueOnGeometricPath(
      basePoint,
      { year: inputs.targetYear, value: inputs.target },
      current.year,
    );
  }
  if (basePoint !== null && current !== null && targetYear !== null && current.year > basePoint.year) {
    // The observed trend carried on to the target year: y0·(yt/y0)^((tT − t0)/(t − t0)).
    forecast = valueOnGeometricPath(basePoint, current, targetYear);
  }
  const { status, score, reason } = measured(input, actuals, result);
  // Filled in place, not spread: the judgement is this call's own, and a spread of it costs more than the rule.
  judgement.status = status;
  judgement.score = score;
  judgement.progressValue = finite(result.progressValue);
  judgement.reason = reason;
  judgement.valueUsed = current?.value ?? null;
  judgement.valueYear = current?.year ?? null;
  judgement.expectedValue = expectedValue;
  judgement.forecast = forecast;
  judgement.parameters = {
    actualsBeforeBase: input.actuals.length - actuals.length,
    partialPeriodsLeftOut,
    absoluteTarget: factor === null ? null : target,
    methodology: inputs.methodology,
    baseYear: inputs.baseYear,
    baseValue: inputs.baseValue,
    currentYear: inputs.currentYear,
    currentValue: inputs.currentValue,
    target: inputs.target,
    targetYear: inputs.targetYear,
    factor,
    sign: inputs.sign,
    observedGrowth: inputs.observedGrowth,
    requiredGrowth: inputs.requiredGrowth,
    thresholdHigh: inputs.thresholds.high,
    thresholdMed: inputs.thresholds.med,
    thresholdLow: inputs.thresholds.low,
    progressValue: finite(result.progressValue),
  };
  judgement.detail = {
    kind: 'growth',
    base: basePoint,
    current,
    target: inputs.target,
    targetYear: inputs.targetYear,
    targetFromYear: input.target?.fromYear ?? null,
    observedGrowth: inputs.observedGrowth,
    factor,
  };
  return judgement;
}

/**
 * Level by a year (14 (R10) 7 (R5)): the published method over baseline and actuals, by fiscal year, each as a
 * yearly value (a total over several years ÷ its years). A target over several years (250件 (2026～2028年度平均))
 * is met only when the mean of its years meets it.
 */
export function judgeLevel(input: ShapeInput): ShapeJudgement {
  const target = perYearPoint(input.target);
  const yearly: ShapeInput = {
    shape: input.shape,
    direction: input.direction,
    baseline: perYearPoint(input.baseline),
    target,
    actuals: perYearActuals(input.actuals),
  };
  return growthJudgement(yearly, target?.value ?? null, null, null);
}

/**
 * Annual rate (年間15件 (R10), 年平均3件以上): the latest whole year's count against the target rate; the published
 * method over the yearly counts says how fast the rate is closing in. A count over several whole years is a rate
 * of total ÷ years; partial-year figures are not rates and are left out.
 */
export function judgeAnnual(input: ShapeInput): ShapeJudgement {
  const isWhole = (actual: YearlyValue): boolean => actual.coversWholeYears;
  const whole = input.actuals.every(isWhole) ? input.actuals : input.actuals.filter(isWhole);
  const target = perYearPoint(input.target);
  const yearly: ShapeInput = {
    shape: input.shape,
    direction: input.direction,
    baseline: perYearPoint(input.baseline),
    target,
    actuals: perYearActuals(whole),
  };
  return growthJudgement(yearly, target?.value ?? null, null, input.actuals.length - whole.length);
}

function unjudged(input: ShapeInput, reason: StatusReason, factor: number | null): ShapeJudgement {
  const judgement = emptyJudgement(input, OPEN_SDG_METHOD, OPEN_SDG_METHOD_VERSION);
  judgement.reason = reason;
  if (factor !== null) judgement.parameters = { factor };
  return judgement;
}

/**
 * Multiplier (2倍 (2023年→2028年)): the target becomes base value × factor, then the published method. The base
 * value is the baseline's, or else the actual of the baseline's year, each as a yearly value.
 */
export function judgeMultiplier(input: ShapeInput): ShapeJudgement {
  const factor = input.target?.value ?? null;
  if (factor === null) return unjudged(input, 'target_missing', null);
  if (input.baseline === null) return unjudged(input, 'base_value_missing', factor);
  const baseYear = input.baseline.year;
  const actuals = perYearActuals(input.actuals);
  const baseValue =
    perYearPoint(input.baseline)?.value ?? actuals.find((actual) => actual.year === baseYear)?.value ?? null;
  if (baseValue === null) return unjudged(input, 'base_value_missing', factor);
  const baseline = { ...input.baseline, value: baseValue };
  const yearly: ShapeInput = {
    shape: input.shape,
    direction: input.direction,
    baseline,
    target: input.target,
    actuals,
  };
  return growthJudgement(yearly, baseValue * factor, factor, null);
}
