import type { ProgressStatus, STATUS_REASONS } from '../model/codes.js';
import type { Direction, KpiShape } from '../model/codes.js';
import type { YearKind } from './format.js';
import type { ProgressReason, YearValue } from './open-sdg.js';

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
  /** Whether a value over several years is their average (R3～R5平均) rather than their total (spans.ts). */
  isAverage: boolean;
  value: number;
}

/** A baseline or target as a shape rule reads it; the value may be missing (a multiplier's base amount). */
export interface YearlyPoint {
  value: number | null;
  year: number;
  fromYear: number;
  kind: YearKind;
  /** Whether a value over several years is their average rather than their total (spans.ts). */
  isAverage: boolean;
}

/** A yearly value with the first year of the period it was read from, so a sentence can name a span. */
export interface SpanYearValue extends YearValue {
  fromYear: number;
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
export type StatusReason = (typeof STATUS_REASONS)[number];

/** The numbers a sentence explains, by the kind of rule that produced them. */
export type JudgementDetail =
  | {
      kind: 'growth';
      /** Per-year values; `fromYear` before `year` when the value stands for several years (their average). */
      base: SpanYearValue | null;
      current: SpanYearValue | null;
      target: number | null;
      targetYear: number | null;
      /** The first year of the target's period: before targetYear for an average target (2026～2028年度平均). */
      targetFromYear: number | null;
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
      current: SpanYearValue | null;
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

/** The method names of kotei's own shape rules. */
export const KOTEI_METHOD = {
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

/** A published-method reason in the engine's vocabulary. */
export function statusReasonOf(reason: ProgressReason): StatusReason {
  return reason === 'no_data' ? 'no_actual' : reason;
}

/** The value when finite, else null (how non-finite numbers are stored and sent). */
export function finite(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function yearKindOf(input: ShapeInput): YearKind {
  return input.target?.kind ?? input.baseline?.kind ?? input.actuals[0]?.kind ?? 'fiscal';
}

/** A no_data judgement with nothing measured yet, which each rule fills in. */
export function emptyJudgement(input: ShapeInput, method: string, methodVersion: string): ShapeJudgement {
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

/** The judgement turned into no_data for input the rule cannot take, with what is wrong. */
export function invalidJudgement(judgement: ShapeJudgement, error: string): ShapeJudgement {
  return { ...judgement, status: 'no_data', score: null, reason: 'invalid_input', error };
}

/** The first year that holds two values, or null. */
export function duplicateYear(values: readonly { year: number }[]): number | null {
  // Sorted by year, as evaluateKpi passes actuals, a repeated year sits next to itself and no set is needed;
  // the first step back in the years falls back to the set, which finds the same first repeat.
  let previous = Number.NEGATIVE_INFINITY;
  for (const { year } of values) {
    if (year === previous) return year;
    if (year < previous) return duplicateYearUnsorted(values);
    previous = year;
  }
  return null;
}

function duplicateYearUnsorted(values: readonly { year: number }[]): number | null {
  const seen = new Set<number>();
  for (const { year } of values) {
    if (seen.has(year)) return year;
    seen.add(year);
  }
  return null;
}

/** The values in order of year: the array itself when it is in order already (the sort is stable, so equal). */
export function sortedByYear<T extends { year: number }>(values: T[]): T[] {
  for (let i = 1; i < values.length; i += 1) {
    if ((values[i]?.year ?? 0) < (values[i - 1]?.year ?? 0)) return values.sort((a, b) => a.year - b.year);
  }
  return values;
}
