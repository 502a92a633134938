import type { Direction, KpiShape, ProgressStatus } from '../model/codes.js';
import type { YearKind } from './format.js';
import type { ProgressReason, ProgressResult, YearValue } from './open-sdg.js';
import {
  OPEN_SDG_METHOD,
  OPEN_SDG_METHOD_VERSION,
  THRESHOLDS_WITH_TARGET,
  ZERO_REPLACEMENT,
  measureProgress,
  scoreWithTarget,
  statusOfProgress,
} from './open-sdg.js';

/** Version of kotei's own rules for the shapes the published method does not cover (README.md beside this file). */
export const KOTEI_SHAPE_RULES_VERSION = '1.0.0';

/** A value with the years its period covers, as a shape rule reads it. */
export interface YearlyValue {
  /** The year that stands for the period: the one holding its end. */
  year: number;
  /** The first year the period covers (the same as `year` for a single year). */
  fromYear: number;
  kind: YearKind;
  /** Whether the period is made of whole fiscal (or calendar) years, from a first day to a last day. */
  coversWholeYears: boolean;
  value: number;
}

/** A baseline or target as a shape rule reads it; the value may be missing (a multiplier's base amount). */
export interface YearlyPoint {
  value: number | null;
  year: number;
  fromYear: number;
  kind: YearKind;
}

/** What a shape rule needs: the KPI's settings and the actuals that count at the as-of date. */
export interface ShapeInput {
  shape: KpiShape;
  direction: Direction;
  baseline: YearlyPoint | null;
  target: YearlyPoint | null;
  /** Only actuals whose period ended on or before the as-of date. */
  actuals: readonly YearlyValue[];
}

/** Why a KPI has its status: the published method's reasons plus those of kotei's shape rules. */
export type StatusReason =
  | 'target_achieved'
  | 'growth_against_target'
  | 'growth_without_target'
  | 'too_few_years'
  | 'opposite_signs'
  | 'undefined_progress'
  | 'invalid_input'
  | 'no_actual'
  | 'base_value_missing'
  | 'target_missing'
  | 'running_total_against_share'
  | 'level_kept'
  | 'below_level'
  | 'pace_against_target'
  | 'set_by_coordinator';

/** The numbers a sentence explains, by the kind of rule that produced them. */
export type JudgementDetail =
  | {
      kind: 'growth';
      base: YearValue | null;
      current: YearValue | null;
      target: number | null;
      targetYear: number | null;
      observedGrowth: number | null;
      /** A multiplier's factor (target = base × factor); null for other shapes. */
      factor: number | null;
    }
  | {
      kind: 'cumulative';
      fromYear: number;
      toYear: number;
      /** The latest year with an actual: the running total and the share run through it. */
      latestYear: number | null;
      total: number | null;
      share: number | null;
      target: number;
      elapsedYears: number;
      rangeYears: number;
    }
  | {
      kind: 'level';
      bar: number;
      barFromYear: number;
      barYear: number;
      current: YearValue | null;
      observedGrowth: number | null;
    }
  | {
      kind: 'pace';
      base: YearValue | null;
      current: YearValue | null;
      target: number;
      targetYear: number | null;
    }
  | { kind: 'none' };

/** One shape rule's verdict, before it is worded. */
export interface ShapeJudgement {
  status: ProgressStatus;
  /** In [−5, 5]; null when there is nothing to score. */
  score: number | null;
  /** The ratio or growth the status was read from (finite), or null. */
  progressValue: number | null;
  reason: StatusReason;
  method: string;
  methodVersion: string;
  valueUsed: number | null;
  valueYear: number | null;
  expectedValue: number | null;
  forecast: number | null;
  /** The yearly values the rule used. */
  series: YearValue[];
  /** Settings and intermediate numbers, for display and re-checking. */
  parameters: Record<string, number | string | boolean | null>;
  /** What is wrong with the input, when the reason is invalid_input. */
  error: string | null;
  yearKind: YearKind;
  detail: JudgementDetail;
}

const KOTEI_METHOD = {
  cumulative: 'kotei-cumulative',
  atLeastAverage: 'kotei-at-least-average',
  rank: 'kotei-rank',
  shareMeetingBar: 'kotei-share-meeting-bar',
  qualitative: 'kotei-qualitative',
} as const;

/** A representative score for each status, for statuses set by hand: achieved 5, else the middle of its band. */
export const SCORE_OF_STATUS: Readonly<Record<ProgressStatus, number | null>> = {
  achieved: 5,
  on_track: 3.75,
  moderate: 1.25,
  limited: -1.25,
  deteriorating: -3.75,
  no_data: null,
};

function statusReasonOf(reason: ProgressReason): StatusReason {
  return reason === 'no_data' ? 'no_actual' : reason;
}

function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function yearKindOf(input: ShapeInput): YearKind {
  return input.target?.kind ?? input.baseline?.kind ?? input.actuals[0]?.kind ?? 'fiscal';
}

function base(input: ShapeInput, method: string, methodVersion: string): ShapeJudgement {
  return {
    status: 'no_data',
    score: null,
    progressValue: null,
    reason: 'no_actual',
    method,
    methodVersion,
    valueUsed: null,
    valueYear: null,
    expectedValue: null,
    forecast: null,
    series: [],
    parameters: {},
    error: null,
    yearKind: yearKindOf(input),
    detail: { kind: 'none' },
  };
}

function invalidJudgement(judgement: ShapeJudgement, error: string): ShapeJudgement {
  return { ...judgement, status: 'no_data', score: null, reason: 'invalid_input', error };
}

function duplicateYear(values: readonly YearlyValue[]): number | null {
  const seen = new Set<number>();
  for (const { year } of values) {
    if (seen.has(year)) return year;
    seen.add(year);
  }
  return null;
}

/**
 * The series a growth rule measures: the baseline (when it has a value) and the actuals. An actual for the
 * baseline's own year wins over the plan's baseline figure, since it is the reported (possibly revised) number.
 */
function seriesWithBaseline(baseline: YearlyPoint | null, actuals: readonly YearlyValue[]): YearValue[] {
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
  const judgement = base(input, method, methodVersion);
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
  const judgement = base(input, OPEN_SDG_METHOD, OPEN_SDG_METHOD_VERSION);
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

/**
 * Cumulative over a fiscal-year range (50件 (2024-2028年度累積)): the running total through the latest year with
 * an actual, against the linear pro-rata share of the target through that same year. The ratio total ÷ share
 * is the published R for sums (average yearly rate so far ÷ rate needed), so it takes the same thresholds
 * and score.
 */
export function judgeCumulative(input: ShapeInput): ShapeJudgement {
  const judgement = base(input, KOTEI_METHOD.cumulative, KOTEI_SHAPE_RULES_VERSION);
  const { target } = input;
  if (target?.value == null) return { ...judgement, reason: 'target_missing' };
  const toYear = target.year;
  // A target written without its first year (50件 (R10)) runs from the year after the baseline.
  const fromYear =
    target.fromYear < toYear || input.baseline === null ? target.fromYear : input.baseline.year + 1;
  const rangeYears = toYear - fromYear + 1;
  // A figure for part of a year (2025年6月末時点) is not the year's count; only whole years enter the sum.
  const wholeYears = input.actuals.filter((actual) => actual.coversWholeYears);
  const inRange = wholeYears.filter((actual) => actual.fromYear >= fromYear && actual.year <= toYear);
  const detail: JudgementDetail = {
    kind: 'cumulative',
    fromYear,
    toYear,
    latestYear: null,
    total: null,
    share: null,
    target: target.value,
    elapsedYears: 0,
    rangeYears,
  };
  const parameters = {
    fromYear,
    toYear,
    target: target.value,
    partialPeriodsLeftOut: input.actuals.length - wholeYears.length,
    actualsOutsideRange: wholeYears.length - inRange.length,
  };
  if (!(target.value > 0) || rangeYears < 1) {
    return invalidJudgement(
      { ...judgement, detail, parameters },
      'a cumulative target needs a positive value and a range of at least one year',
    );
  }
  const covered = new Set<number>();
  for (const actual of inRange) {
    for (let year = actual.fromYear; year <= actual.year; year += 1) {
      if (covered.has(year)) {
        return invalidJudgement({ ...judgement, detail, parameters }, `two actuals cover the year ${year}`);
      }
      covered.add(year);
    }
  }
  const series = inRange.map(({ year, value }) => ({ year, value })).sort((a, b) => a.year - b.year);
  const latest = series.at(-1);
  if (latest === undefined) return { ...judgement, detail, parameters, series };

  const total = series.reduce((sum, point) => sum + point.value, 0);
  const elapsedYears = latest.year - fromYear + 1;
  const share = (target.value * elapsedYears) / rangeYears;
  const isIncrease = input.direction === 'increase';
  // A cap ("no more than 50 over five years") mirrors the count: staying under the share is the good side.
  const ratio = isIncrease ? total / share : share / total;
  const isAchieved = isIncrease ? total >= target.value : latest.year === toYear && total <= target.value;
  const status = statusOfProgress(ratio, THRESHOLDS_WITH_TARGET, isAchieved);
  const missingYears: number[] = [];
  for (let year = fromYear; year <= latest.year; year += 1) if (!covered.has(year)) missingYears.push(year);
  return {
    ...judgement,
    status,
    score: isAchieved ? 5 : scoreWithTarget(ratio),
    progressValue: finite(ratio),
    reason: isAchieved ? 'target_achieved' : 'running_total_against_share',
    valueUsed: total,
    valueYear: latest.year,
    expectedValue: share,
    // The average yearly count so far, kept up over the whole range.
    forecast: (total / elapsedYears) * rangeYears,
    series,
    parameters: {
      ...parameters,
      latestYear: latest.year,
      elapsedYears,
      rangeYears,
      share,
      ratio: finite(ratio),
      missingYears: missingYears.join(','),
    },
    detail: { ...detail, latestYear: latest.year, total, share, elapsedYears },
  };
}

/**
 * Keep at or above an average (過去3年度平均以上 1365件 (R3～R5平均)): the latest year after the averaging range
 * against the average. Kept → achieved. Below it, the target equals the base, so the published ratio would divide
 * by zero; a "maintain" target is judged instead by the published no-target method from the average to the
 * latest year, which calls any fall deterioration and scores it by how steep it is.
 */
export function judgeAtLeastAverage(input: ShapeInput): ShapeJudgement {
  const judgement = base(input, KOTEI_METHOD.atLeastAverage, KOTEI_SHAPE_RULES_VERSION);
  const bar = input.target?.value ?? input.baseline?.value ?? null;
  const barPoint = input.baseline ?? input.target;
  if (bar === null || barPoint === null) return { ...judgement, reason: 'target_missing' };
  const after = input.actuals.filter((actual) => actual.year > barPoint.year);
  const detail: JudgementDetail = {
    kind: 'level',
    bar,
    barFromYear: barPoint.fromYear,
    barYear: barPoint.year,
    current: null,
    observedGrowth: null,
  };
  const parameters = { bar, barYear: barPoint.year };
  const duplicate = duplicateYear(after);
  if (duplicate !== null) {
    return invalidJudgement({ ...judgement, detail, parameters }, `duplicate value for year ${duplicate}`);
  }
  const series = after.map(({ year, value }) => ({ year, value })).sort((a, b) => a.year - b.year);
  const latest = series.at(-1);
  if (latest === undefined) return { ...judgement, detail, parameters };
  const isKept = input.direction === 'increase' ? latest.value >= bar : latest.value <= bar;
  const common = {
    ...judgement,
    valueUsed: latest.value,
    valueYear: latest.year,
    expectedValue: bar,
    series,
  };
  if (isKept) {
    return {
      ...common,
      status: 'achieved',
      score: 5,
      reason: 'level_kept',
      parameters,
      detail: { ...detail, current: latest },
    };
  }
  const trend = measureProgress([{ year: barPoint.year, value: bar }, latest], {
    direction: input.direction,
    baseYear: barPoint.year,
    target: null,
    targetYear: null,
    limit: null,
  });
  if (!trend.isValid) return invalidJudgement({ ...common, detail, parameters }, trend.error);
  return {
    ...common,
    status: trend.status,
    score: trend.score,
    progressValue: finite(trend.progressValue),
    reason: trend.reason === 'growth_without_target' ? 'below_level' : statusReasonOf(trend.reason),
    parameters: { ...parameters, observedGrowth: trend.inputs.observedGrowth },
    detail: { ...detail, current: latest, observedGrowth: trend.inputs.observedGrowth },
  };
}

/**
 * The pace rule shared by ranks and counts of units below a bar, both lower-is-better counts of discrete
 * positions: the latest value at or under the target is achieved; otherwise the yearly change since the base
 * against the yearly change the target needs (R = −observed ÷ |required|, linear), with the published target
 * thresholds and score. Linear, because a rank or a count of prefectures moves by whole places, and a target of
 * 0 would meet the geometric model's 0 → 0.001 replacement.
 */
function judgePace(input: ShapeInput, target: number, method: string, floor: number): ShapeJudgement {
  const judgement = base(input, method, KOTEI_SHAPE_RULES_VERSION);
  const targetYear = input.target?.year ?? null;
  const duplicate = duplicateYear(input.actuals);
  const detail: JudgementDetail = { kind: 'pace', base: null, current: null, target, targetYear };
  if (duplicate !== null) {
    return invalidJudgement({ ...judgement, detail }, `duplicate value for year ${duplicate}`);
  }
  const series = seriesWithBaseline(input.baseline, input.actuals);
  const current = series.at(-1);
  if (input.actuals.length === 0 || current === undefined) {
    return { ...judgement, series, detail, parameters: { target, targetYear } };
  }
  const start = series.find((point) => point.year === input.baseline?.year) ?? series[0] ?? current;
  const isAchieved = current.value <= target;
  const common: ShapeJudgement = {
    ...judgement,
    series,
    valueUsed: current.value,
    valueYear: current.year,
    detail: { ...detail, base: start, current },
    parameters: { target, targetYear, baseYear: start.year, baseValue: start.value },
  };
  if (targetYear === null) {
    return isAchieved
      ? { ...common, status: 'achieved', score: 5, reason: 'target_achieved' }
      : invalidJudgement(common, 'a target needs a target year');
  }
  if (current.year === start.year) {
    return isAchieved
      ? { ...common, status: 'achieved', score: 5, reason: 'target_achieved' }
      : { ...common, reason: 'too_few_years' };
  }
  if (targetYear === start.year) {
    return invalidJudgement(common, `target year ${targetYear} equals the base year`);
  }
  const observedPace = (current.value - start.value) / (current.year - start.year);
  const requiredPace = (target - start.value) / (targetYear - start.year);
  const ratio = -observedPace / Math.abs(requiredPace);
  const expectedValue = start.value + requiredPace * (current.year - start.year);
  const forecast = Math.max(floor, start.value + observedPace * (targetYear - start.year));
  return {
    ...common,
    status: statusOfProgress(ratio, THRESHOLDS_WITH_TARGET, isAchieved),
    score: isAchieved ? 5 : scoreWithTarget(ratio),
    progressValue: finite(ratio),
    reason: isAchieved ? 'target_achieved' : 'pace_against_target',
    expectedValue,
    forecast,
    parameters: { ...common.parameters, observedPace, requiredPace, ratio: finite(ratio) },
  };
}

/** Rank, lower is better (世界10位以内 (2028年)): at or inside the threshold is achieved; else the pace rule. */
export function judgeRank(input: ShapeInput): ShapeJudgement {
  const target = input.target?.value ?? null;
  if (target === null)
    return { ...base(input, KOTEI_METHOD.rank, KOTEI_SHAPE_RULES_VERSION), reason: 'target_missing' };
  return judgePace(input, target, KOTEI_METHOD.rank, 1);
}

/**
 * Share of units meeting a bar (後発品数量シェア 全都道府県で80%以上; 11都府県が未達成 (R5)): values are the
 * number of units not meeting the bar, and the target is the number allowed (null reads as 0, "all units").
 */
export function judgeShareMeetingBar(input: ShapeInput): ShapeJudgement {
  return judgePace(input, input.target?.value ?? 0, KOTEI_METHOD.shareMeetingBar, 0);
}

/** Qualitative (開発着手 (R8)): no number to compute; the coordinator sets the status with reasons (override.ts). */
export function judgeQualitative(input: ShapeInput): ShapeJudgement {
  return {
    ...base(input, KOTEI_METHOD.qualitative, KOTEI_SHAPE_RULES_VERSION),
    reason: 'set_by_coordinator',
  };
}

/** The rule for each KPI shape. */
export const SHAPE_RULES: Readonly<Record<KpiShape, (input: ShapeInput) => ShapeJudgement>> = {
  level: judgeLevel,
  annual: judgeAnnual,
  cumulative: judgeCumulative,
  'at-least-average': judgeAtLeastAverage,
  multiplier: judgeMultiplier,
  rank: judgeRank,
  'share-meeting-bar': judgeShareMeetingBar,
  qualitative: judgeQualitative,
};

/** Judge a KPI by the rule of its shape. */
export function judgeShape(input: ShapeInput): ShapeJudgement {
  return SHAPE_RULES[input.shape](input);
}
