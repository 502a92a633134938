import type { ShapeInput, ShapeJudgement, YearlyPoint, YearlyValue } from './shape-judgement.js';
import { emptyJudgement, finite, invalidJudgement, statusReasonOf } from './shape-judgement.js';
import type { ProgressResult, YearValue } from './open-sdg.js';
import { OPEN_SDG_METHOD, OPEN_SDG_METHOD_VERSION, ZERO_REPLACEMENT, measureProgress } from './open-sdg.js';

/**
 * The series a growth rule measures: the baseline (when it has a value) and the actuals. An actual for the
 * baseline's own year wins over the plan's baseline figure, since it is the reported (possibly revised) number.
 */
export function seriesWithBaseline(
  baseline: YearlyPoint | null,
  actuals: readonly YearlyValue[],
): YearValue[] {
  const series = actuals.map(({ year, value }) => ({ year, value }));
  if (baseline !== null && baseline.value !== null && !actuals.some((a) => a.year === baseline.year)) {
    series.push({ year: baseline.year, value: baseline.value });
  }
  return series.sort((a, b) => a.year - b.year);
}

/** The value on the geometric path from (t0, y0) to (tT, yT) in year t; null where no such path exists. */
export function valueOnGeometricPath(from: YearValue, to: YearValue, year: number): number | null {
  const start = from.value === 0 ? ZERO_REPLACEMENT : from.value;
  const ratio = to.value / start;
  if (to.year === from.year || !(ratio > 0)) return null;
  return finite(start * Math.pow(ratio, (year - from.year) / (to.year - from.year)));
}

function growthJudgement(
  input: ShapeInput,
  series: YearValue[],
  target: number | null,
  factor: number | null,
  method: string,
  methodVersion: string,
): ShapeJudgement {
  const judgement = emptyJudgement(input, method, methodVersion);
  judgement.series = series;
  const targetYear = input.target?.year ?? null;
  const result: ProgressResult = measureProgress(series, {
    direction: input.direction,
    baseYear: input.baseline?.year ?? null,
    target,
    targetYear: target === null ? null : targetYear,
    limit: null,
  });
  if (!result.isValid) return invalidJudgement(judgement, result.error);
  const { inputs } = result;
  const baseValue = inputs.baseValue;
  const baseYear = inputs.baseYear;
  const current =
    inputs.currentYear === null || inputs.currentValue === null
      ? null
      : { year: inputs.currentYear, value: inputs.currentValue };
  const basePoint = baseYear === null || baseValue === null ? null : { year: baseYear, value: baseValue };
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
  let reason = statusReasonOf(result.reason);
  if (input.actuals.length === 0 && result.status === 'no_data') reason = 'no_actual';
  return {
    ...judgement,
    status: result.status,
    score: result.score,
    progressValue: finite(result.progressValue),
    reason,
    valueUsed: current?.value ?? null,
    valueYear: current?.year ?? null,
    expectedValue,
    forecast,
    parameters: {
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
    },
    detail: {
      kind: 'growth',
      base: basePoint,
      current,
      target: inputs.target,
      targetYear: inputs.targetYear,
      observedGrowth: inputs.observedGrowth,
      factor,
    },
  };
}

/** Level by a year (14 (R10) 7 (R5)): the published method over baseline and actuals, by fiscal year. */
export function judgeLevel(input: ShapeInput): ShapeJudgement {
  const series = seriesWithBaseline(input.baseline, input.actuals);
  return growthJudgement(
    input,
    series,
    input.target?.value ?? null,
    null,
    OPEN_SDG_METHOD,
    OPEN_SDG_METHOD_VERSION,
  );
}

/**
 * Annual rate (年間15件 (R10)): the latest whole year's count against the target rate; the published method over
 * the yearly counts says how fast the rate is closing in. Partial-year figures are not rates and are left out.
 */
export function judgeAnnual(input: ShapeInput): ShapeJudgement {
  const yearly = input.actuals.filter((actual) => actual.coversWholeYears && actual.fromYear === actual.year);
  const series = seriesWithBaseline(input.baseline, yearly);
  const judgement = growthJudgement(
    { ...input, actuals: yearly },
    series,
    input.target?.value ?? null,
    null,
    OPEN_SDG_METHOD,
    OPEN_SDG_METHOD_VERSION,
  );
  judgement.parameters.partialPeriodsLeftOut = input.actuals.length - yearly.length;
  return judgement;
}

/**
 * Multiplier (2倍 (2023年→2028年)): the target becomes base value × factor, then the published method. The base
 * value is the baseline's, or else the actual of the baseline's year.
 */
export function judgeMultiplier(input: ShapeInput): ShapeJudgement {
  const judgement = emptyJudgement(input, OPEN_SDG_METHOD, OPEN_SDG_METHOD_VERSION);
  const factor = input.target?.value ?? null;
  if (factor === null) return { ...judgement, reason: 'target_missing' };
  if (input.baseline === null) return { ...judgement, reason: 'base_value_missing', parameters: { factor } };
  const baseYear = input.baseline.year;
  const baseValue =
    input.baseline.value ?? input.actuals.find((actual) => actual.year === baseYear)?.value ?? null;
  if (baseValue === null) return { ...judgement, reason: 'base_value_missing', parameters: { factor } };
  const baseline = { ...input.baseline, value: baseValue };
  const series = seriesWithBaseline(baseline, input.actuals);
  const measured = growthJudgement(
    { ...input, baseline },
    series,
    baseValue * factor,
    factor,
    OPEN_SDG_METHOD,
    OPEN_SDG_METHOD_VERSION,
  );
  measured.parameters.absoluteTarget = baseValue * factor;
  return measured;
}
