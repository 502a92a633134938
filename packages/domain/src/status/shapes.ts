import type { KpiShape } from '../model/codes.js';
import type {
  JudgementDetail,
  ShapeInput,
  ShapeJudgement,
  SpanYearValue,
  YearlyValue,
} from './shape-judgement.js';
import {
  KOTEI_METHOD,
  KOTEI_SHAPE_RULES_VERSION,
  duplicateYear,
  emptyJudgement,
  finite,
  invalidJudgement,
  sortedByYear,
  statusReasonOf,
} from './shape-judgement.js';
import { judgeAnnual, judgeLevel, judgeMultiplier, seriesWithBaseline } from './shapes-growth.js';
import { perYearValue, totalOverSpan } from './spans.js';
import { THRESHOLDS_WITH_TARGET, measureProgress, scoreWithTarget, statusOfProgress } from './open-sdg.js';

export type {
  JudgementDetail,
  ShapeInput,
  ShapeJudgement,
  SpanYearValue,
  StatusReason,
  YearlyPoint,
  YearlyValue,
} from './shape-judgement.js';
export { KOTEI_SHAPE_RULES_VERSION, SCORE_OF_STATUS } from './shape-judgement.js';
export { judgeAnnual, judgeLevel, judgeMultiplier, valueOnGeometricPath } from './shapes-growth.js';

/**
 * Cumulative over a fiscal-year range (50件 (2024-2028年度累積)): the running total through the latest year with
 * an actual, against the linear pro-rata share of the target through that same year. The ratio total ÷ share
 * is the published R for sums (average yearly rate so far ÷ rate needed), so it takes the same thresholds
 * and score.
 */
export function judgeCumulative(input: ShapeInput): ShapeJudgement {
  // Filled in place rather than spread: the judgement is this call's own, and spreads cost more than the rule.
  const judgement = emptyJudgement(input, KOTEI_METHOD.cumulative, KOTEI_SHAPE_RULES_VERSION);
  const { target } = input;
  if (target?.value == null) {
    judgement.reason = 'target_missing';
    return judgement;
  }
  const toYear = target.year;
  // A target written without its first year (50件 (R10)) runs from the year after the baseline.
  const fromYear =
    target.fromYear < toYear || input.baseline === null ? target.fromYear : input.baseline.year + 1;
  const rangeYears = toYear - fromYear + 1;
  // A cumulative target is a total: one written as a yearly average (年平均10件 (2024～2028年度)) is × its years.
  const targetTotal = target.isAverage ? target.value * rangeYears : target.value;
  // A figure for part of a year (2025年6月末時点) is not the year's count; only whole years enter the sum.
  let wholeYears = 0;
  const inRange: YearlyValue[] = [];
  for (const actual of input.actuals) {
    if (!actual.coversWholeYears) continue;
    wholeYears += 1;
    if (actual.fromYear >= fromYear && actual.year <= toYear) inRange.push(actual);
  }
  judgement.detail = {
    kind: 'cumulative',
    fromYear,
    toYear,
    latestYear: null,
    total: null,
    share: null,
    target: targetTotal,
    elapsedYears: 0,
    rangeYears,
  };
  const parameters = {
    fromYear,
    toYear,
    target: targetTotal,
    partialPeriodsLeftOut: input.actuals.length - wholeYears,
    actualsOutsideRange: wholeYears - inRange.length,
  };
  judgement.parameters = parameters;
  if (!(targetTotal > 0) || rangeYears < 1) {
    return invalidJudgement(
      judgement,
      'a cumulative target needs a positive value and a range of at least one year',
    );
  }
  // Which years of the range an actual covers, by year − fromYear: every actual in range lies inside it.
  const covered: boolean[] = [];
  for (const actual of inRange) {
    for (let year = actual.fromYear; year <= actual.year; year += 1) {
      if (covered[year - fromYear] === true) {
        return invalidJudgement(judgement, `two actuals cover the year ${year}`);
      }
      covered[year - fromYear] = true;
    }
  }
  // The sum adds totals: an actual given as a yearly average over its years counts × its years.
  const series = sortedByYear(inRange.map((actual) => ({ year: actual.year, value: totalOverSpan(actual) })));
  const latest = series[series.length - 1];
  judgement.series = series;
  if (latest === undefined) return judgement;

  const total = series.reduce((sum, point) => sum + point.value, 0);
  const elapsedYears = latest.year - fromYear + 1;
  const share = (targetTotal * elapsedYears) / rangeYears;
  const isIncrease = input.direction === 'increase';
  // A cap ("no more than 50 over five years") mirrors the count: staying under the share is the good side.
  const ratio = isIncrease ? total / share : share / total;
  const isAchieved = isIncrease ? total >= targetTotal : latest.year === toYear && total <= targetTotal;
  const missingYears: number[] = [];
  for (let year = fromYear; year <= latest.year; year += 1) {
    if (covered[year - fromYear] !== true) missingYears.push(year);
  }
  judgement.status = statusOfProgress(ratio, THRESHOLDS_WITH_TARGET, isAchieved);
  judgement.score = isAchieved ? 5 : scoreWithTarget(ratio);
  judgement.progressValue = finite(ratio);
  judgement.reason = isAchieved ? 'target_achieved' : 'running_total_against_share';
  judgement.valueUsed = total;
  judgement.valueYear = latest.year;
  judgement.expectedValue = share;
  // The average yearly count so far, kept up over the whole range.
  judgement.forecast = (total / elapsedYears) * rangeYears;
  judgement.parameters = {
    fromYear,
    toYear,
    target: targetTotal,
    partialPeriodsLeftOut: parameters.partialPeriodsLeftOut,
    actualsOutsideRange: parameters.actualsOutsideRange,
    latestYear: latest.year,
    elapsedYears,
    rangeYears,
    share,
    ratio: finite(ratio),
    missingYears: missingYears.join(','),
  };
  judgement.detail = {
    kind: 'cumulative',
    fromYear,
    toYear,
    latestYear: latest.year,
    total,
    share,
    target: targetTotal,
    elapsedYears,
    rangeYears,
  };
  return judgement;
}

/**
 * Keep at or above an average (過去3年度平均以上 1365件 (R3～R5平均)): the latest year after the averaging range
 * against the average. Kept → achieved. Below it, the target equals the base, so the published ratio would divide
 * by zero; a "maintain" target is judged instead by the published no-target method from the average to the
 * latest year, which calls any fall deterioration and scores it by how steep it is.
 */
export function judgeAtLeastAverage(input: ShapeInput): ShapeJudgement {
  // Filled in place rather than spread: the judgement is this call's own, and spreads cost more than the rule.
  const judgement = emptyJudgement(input, KOTEI_METHOD.atLeastAverage, KOTEI_SHAPE_RULES_VERSION);
  const bar = input.target?.value ?? input.baseline?.value ?? null;
  const barPoint = input.baseline ?? input.target;
  if (bar === null || barPoint === null) {
    judgement.reason = 'target_missing';
    return judgement;
  }
  // Only whole years after the averaging range are compared with its average, each as a yearly value: a June
  // figure is not a year's count, and a year inside the range is part of the bar itself.
  const after: YearlyValue[] = [];
  for (const actual of input.actuals) {
    if (!actual.coversWholeYears || actual.fromYear <= barPoint.year) continue;
    after.push(actual.fromYear < actual.year ? { ...actual, value: perYearValue(actual) } : actual);
  }
  const levelDetail = (current: SpanYearValue | null, observedGrowth: number | null): JudgementDetail => ({
    kind: 'level',
    bar,
    barFromYear: barPoint.fromYear,
    barYear: barPoint.year,
    current,
    observedGrowth,
  });
  const parameters = { bar, barYear: barPoint.year, actualsLeftOut: input.actuals.length - after.length };
  judgement.detail = levelDetail(null, null);
  judgement.parameters = parameters;
  const duplicate = duplicateYear(after);
  if (duplicate !== null) return invalidJudgement(judgement, `duplicate value for year ${duplicate}`);
  const series = sortedByYear(after.map(({ year, value }) => ({ year, value })));
  const last = series[series.length - 1];
  if (last === undefined) return judgement;
  let fromYear = last.year;
  for (const actual of after) {
    if (actual.year === last.year) {
      fromYear = actual.fromYear;
      break;
    }
  }
  const latest: SpanYearValue = { year: last.year, value: last.value, fromYear };
  const isKept = input.direction === 'increase' ? latest.value >= bar : latest.value <= bar;
  judgement.valueUsed = latest.value;
  judgement.valueYear = latest.year;
  judgement.expectedValue = bar;
  judgement.series = series;
  if (isKept) {
    judgement.status = 'achieved';
    judgement.score = 5;
    judgement.reason = 'level_kept';
    judgement.detail = levelDetail(latest, null);
    return judgement;
  }
  const trend = measureProgress([{ year: barPoint.year, value: bar }, latest], {
    direction: input.direction,
    baseYear: barPoint.year,
    target: null,
    targetYear: null,
    limit: null,
  });
  if (!trend.isValid) return invalidJudgement(judgement, trend.error);
  judgement.status = trend.status;
  judgement.score = trend.score;
  judgement.progressValue = finite(trend.progressValue);
  judgement.reason = trend.reason === 'growth_without_target' ? 'below_level' : statusReasonOf(trend.reason);
  judgement.parameters = {
    bar,
    barYear: barPoint.year,
    actualsLeftOut: parameters.actualsLeftOut,
    observedGrowth: trend.inputs.observedGrowth,
  };
  judgement.detail = levelDetail(latest, trend.inputs.observedGrowth);
  return judgement;
}

/**
 * The pace rule shared by ranks and counts of units below a bar, both lower-is-better counts of discrete
 * positions: the latest value at or under the target is achieved; otherwise the yearly change since the base
 * against the yearly change the target needs (R = −observed ÷ |required|, linear), with the published target
 * thresholds and score. Linear, because a rank or a count of prefectures moves by whole places, and a target of
 * 0 would meet the geometric model's 0 → 0.001 replacement.
 */
function judgePace(input: ShapeInput, target: number, method: string, floor: number): ShapeJudgement {
  // Filled in place rather than spread: the judgement is this call's own, and spreads cost more than the rule.
  const judgement = emptyJudgement(input, method, KOTEI_SHAPE_RULES_VERSION);
  const targetYear = input.target?.year ?? null;
  // A rank or a count of units is a position at one time: a figure over several years is not one, and one
  // from before the base year would make the baseline look like the latest actual.
  const baseYear = input.baseline?.year ?? Number.NEGATIVE_INFINITY;
  const isPosition = (actual: YearlyValue): boolean =>
    actual.fromYear === actual.year && actual.year >= baseYear;
  const actuals = input.actuals.every(isPosition) ? input.actuals : input.actuals.filter(isPosition);
  const duplicate = duplicateYear(actuals);
  judgement.detail = { kind: 'pace', base: null, current: null, target, targetYear };
  if (duplicate !== null) return invalidJudgement(judgement, `duplicate value for year ${duplicate}`);
  const series = seriesWithBaseline(input.baseline, actuals);
  const current = series[series.length - 1];
  const leftOut = input.actuals.length - actuals.length;
  judgement.series = series;
  if (actuals.length === 0 || current === undefined) {
    judgement.parameters = { target, targetYear, actualsLeftOut: leftOut };
    return judgement;
  }
  const start = series.find((point) => point.year === input.baseline?.year) ?? series[0] ?? current;
  const isAchieved = current.value <= target;
  judgement.valueUsed = current.value;
  judgement.valueYear = current.year;
  judgement.detail = { kind: 'pace', base: start, current, target, targetYear };
  judgement.parameters = {
    target,
    targetYear,
    baseYear: start.year,
    baseValue: start.value,
    actualsLeftOut: leftOut,
  };
  if (targetYear === null) {
    return isAchieved ? achieved(judgement) : invalidJudgement(judgement, 'a target needs a target year');
  }
  if (current.year === start.year) {
    if (isAchieved) return achieved(judgement);
    judgement.reason = 'too_few_years';
    return judgement;
  }
  if (targetYear === start.year) {
    return invalidJudgement(judgement, `target year ${targetYear} equals the base year`);
  }
  const observedPace = (current.value - start.value) / (current.year - start.year);
  const requiredPace = (target - start.value) / (targetYear - start.year);
  const ratio = -observedPace / Math.abs(requiredPace);
  judgement.status = statusOfProgress(ratio, THRESHOLDS_WITH_TARGET, isAchieved);
  judgement.score = isAchieved ? 5 : scoreWithTarget(ratio);
  judgement.progressValue = finite(ratio);
  judgement.reason = isAchieved ? 'target_achieved' : 'pace_against_target';
  judgement.expectedValue = start.value + requiredPace * (current.year - start.year);
  judgement.forecast = Math.max(floor, start.value + observedPace * (targetYear - start.year));
  judgement.parameters = {
    target,
    targetYear,
    baseYear: start.year,
    baseValue: start.value,
    actualsLeftOut: leftOut,
    observedPace,
    requiredPace,
    ratio: finite(ratio),
  };
  return judgement;
}

function achieved(judgement: ShapeJudgement): ShapeJudgement {
  judgement.status = 'achieved';
  judgement.score = 5;
  judgement.reason = 'target_achieved';
  return judgement;
}

/** Rank, lower is better (世界10位以内 (2028年)): at or inside the threshold is achieved; else the pace rule. */
export function judgeRank(input: ShapeInput): ShapeJudgement {
  const target = input.target?.value ?? null;
  if (target === null)
    return {
      ...emptyJudgement(input, KOTEI_METHOD.rank, KOTEI_SHAPE_RULES_VERSION),
      reason: 'target_missing',
    };
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
    ...emptyJudgement(input, KOTEI_METHOD.qualitative, KOTEI_SHAPE_RULES_VERSION),
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
