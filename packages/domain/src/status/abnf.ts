import type { AbnfGrade, AbnfReason, Direction } from '../model/codes.js';

/** The method name of the Cabinet Office's A/B/N/F grading, as a status records it. */
export const ABNF_METHOD = 'cabinet-office-abnf';
/** Version of kotei's transcription of the A/B/N/F rule (README.md beside this file). */
export const ABNF_METHOD_VERSION = '1.0.0';

/** A value at a year, as the A/B/N/F rule reads the initial, current and target values. */
export interface AbnfPoint {
  year: number;
  value: number;
}

/** What the A/B/N/F rule reads. */
export interface AbnfRuleInput {
  /** Null when the KPI has no quantitative target nor a direction (F). */
  direction: Direction | null;
  /** 初期数値: the latest value available just before the plan started. */
  initial: AbnfPoint | null;
  /** 現在数値: the latest value available now. */
  current: AbnfPoint | null;
  /** The target at its year; null for a target written as a direction only (「増加」「縮小」). */
  target: AbnfPoint | null;
}

/** One A/B/N/F verdict with the numbers it was read from. */
export interface AbnfJudgement {
  grade: AbnfGrade;
  reason: AbnfReason;
  /** (current − initial) ÷ (target − initial); null without a target or when target = initial. */
  progress: number | null;
  /** The elapsed share of the target period, (current year − initial year) ÷ (target year − initial year), ≤ 1. */
  elapsed: number | null;
  /** 「KPI達成のために現時点で必要な値」: the straight line from initial to target at the current value's year. */
  neededNow: number | null;
  /** Years from the initial value to the current value (経過期間). */
  elapsedYears: number | null;
  /** Years from the initial value to the target (目標達成期間). */
  targetYears: number | null;
  initial: AbnfPoint | null;
  current: AbnfPoint | null;
  target: AbnfPoint | null;
  direction: Direction | null;
  /** What is wrong with the input, when the reason is invalid_input. */
  error: string | null;
}

function judgement(input: AbnfRuleInput, grade: AbnfGrade, reason: AbnfReason): AbnfJudgement {
  return {
    grade,
    reason,
    progress: null,
    elapsed: null,
    neededNow: null,
    elapsedYears: null,
    targetYears: null,
    initial: input.initial,
    current: input.current,
    target: input.target,
    direction: input.direction,
    error: null,
  };
}

/** A grade that needs no computing: F (no quantitative target) or N (no initial or current value). */
export function ungradedAbnf(input: AbnfRuleInput, reason: AbnfReason): AbnfJudgement {
  return judgement(input, reason === 'no_quantitative_target' ? 'F' : 'N', reason);
}

/** An N for input the rule cannot take, with what is wrong. */
export function invalidAbnf(input: AbnfRuleInput, error: string): AbnfJudgement {
  return { ...judgement(input, 'N', 'invalid_input'), error };
}

/**
 * The Cabinet Office's A/B/N/F grade of one KPI (README.md beside this file). F without a quantitative target;
 * N without an initial value or a current value later than it; a direction-only target is A when the value
 * moved its way; a target already met is A; otherwise A when progress (current − initial) ÷ (target − initial)
 * is at least the elapsed share of the target period (capped at 1 once the target year has passed), i.e. the
 * current value is at or beyond the value needed now. Pure; never throws.
 */
export function judgeAbnf(input: AbnfRuleInput): AbnfJudgement {
  const { direction, initial, current, target } = input;
  if (direction === null) return judgement(input, 'F', 'no_quantitative_target');
  if (initial === null) return judgement(input, 'N', 'no_initial');
  if (current === null || current.year <= initial.year) return judgement(input, 'N', 'no_current');
  const d = direction === 'increase' ? 1 : -1;
  const elapsedYears = current.year - initial.year;
  if (target === null) {
    const result = judgement(input, 'B', 'not_moved_toward');
    result.elapsedYears = elapsedYears;
    if (d * (current.value - initial.value) > 0) {
      result.grade = 'A';
      result.reason = 'moved_toward';
    }
    return result;
  }
  const targetYears = target.year - initial.year;
  // The target period has passed (or has no length): all of it has elapsed, the value needed now is the target.
  const elapsed = targetYears <= 0 ? 1 : Math.min(1, elapsedYears / targetYears);
  const gap = target.value - initial.value;
  const neededNow = initial.value + gap * elapsed;
  const result = judgement(input, 'B', 'behind_pace');
  result.progress = gap === 0 ? null : (current.value - initial.value) / gap;
  result.elapsed = elapsed;
  result.neededNow = neededNow;
  result.elapsedYears = elapsedYears;
  result.targetYears = targetYears;
  if (d * (current.value - target.value) >= 0) {
    result.grade = 'A';
    result.reason = 'target_met';
  } else if (d * gap <= 0) {
    // The target was not ahead of the initial value (「維持」, or met at the start) and the value fell short of it.
    result.reason = 'below_target';
  } else if (d * (current.value - neededNow) >= -1e-9 * Math.abs(gap)) {
    // progress ≥ elapsed ⇔ the current value is at or beyond the value needed now; compared as values, so a
    // value exactly on the line (20 of 30 at two thirds) is A despite rounding in the two divisions.
    result.grade = 'A';
    result.reason = 'on_pace';
  }
  return result;
}

/** One item of `kotei status --method abnf`: the same input as `--method open-sdg`. */
export interface AbnfSeriesConfig {
  /** Null: no quantitative target nor direction (F). */
  direction: Direction | null;
  /** The year of the initial value (the last year before the plan started). */
  baseYear: number;
  /** Null: a target written as a direction only. */
  target: number | null;
  targetYear: number | null;
}

/**
 * A/B/N/F over a series of yearly values: missing values are dropped and a year given twice is invalid input;
 * the initial value is the base year's, else the latest before it; the current value is the latest year's.
 * The order of the series never changes the result.
 */
export function judgeAbnfSeries(
  series: readonly { year: number; value: number | null }[],
  config: AbnfSeriesConfig,
): AbnfJudgement {
  const values: AbnfPoint[] = [];
  for (const { year, value } of series) {
    if (value !== null && Number.isFinite(value)) values.push({ year, value });
  }
  values.sort((a, b) => a.year - b.year);
  const target =
    config.target === null || config.targetYear === null
      ? null
      : { year: config.targetYear, value: config.target };
  let initial: AbnfPoint | null = null;
  for (const point of values) if (point.year <= config.baseYear) initial = point;
  const current = values[values.length - 1] ?? null;
  const input: AbnfRuleInput = { direction: config.direction, initial, current, target };
  for (let i = 1; i < values.length; i += 1) {
    const year = values[i]?.year;
    if (year === values[i - 1]?.year) return invalidAbnf(input, `duplicate value for year ${String(year)}`);
  }
  if (config.target !== null && config.targetYear === null && config.direction !== null) {
    return invalidAbnf(input, 'a target needs a target year');
  }
  return judgeAbnf(input);
}
