import type { AbnfGrade, AbnfReason, Direction, KpiShape } from '../model/codes.js';
import type { Id } from '../model/entities.js';
import type { AbnfJudgement, AbnfPoint, AbnfRuleInput } from './abnf.js';
import { ABNF_METHOD, ABNF_METHOD_VERSION, invalidAbnf, judgeAbnf, ungradedAbnf } from './abnf.js';
import { explainAbnf } from './abnf-explain.js';
import type {
  AsOfDate,
  KpiForStatus,
  KpiJudgement,
  KpiStatus,
  KpiStatusInputs,
  ObservationForStatus,
} from './evaluate-kpi.js';
import { judgeKpi, statusOfJudgement } from './evaluate-kpi.js';
import type { StatusSentence } from './explain.js';
import type { YearKind } from './format.js';
import { ZERO_REPLACEMENT } from './open-sdg.js';
import type { ShapeJudgement, YearlyPoint } from './shape-judgement.js';

/** A KPI's A/B/N/F grade at an as-of date, with the numbers and inputs it rests on and why. */
export interface AbnfKpiStatus {
  kpiId: Id;
  grade: AbnfGrade;
  reason: AbnfReason;
  progress: number | null;
  elapsed: number | null;
  neededNow: number | null;
  elapsedYears: number | null;
  targetYears: number | null;
  initial: AbnfPoint | null;
  current: AbnfPoint | null;
  target: AbnfPoint | null;
  method: string;
  methodVersion: string;
  /** The inputs as the shape rule read them (the same as the Open SDG status shows). */
  inputs: KpiStatusInputs;
  error: string | null;
  /** Worded on first read, as the Open SDG status is; JSON includes it. */
  readonly sentence: StatusSentence;
}

/** What a sentence needs beyond the judgement. */
export interface AbnfExplainContext {
  shape: KpiShape;
  unit: string;
  yearKind: YearKind;
  asOfDate: string;
  /** Whether the values are running totals (a cumulative KPI), worded as 累計. */
  isRunningTotal: boolean;
  /** The baseline's period as written, when the initial value named is the KPI's baseline as written (N). */
  initialLabel?: string;
}

class ComputedAbnfStatus implements AbnfKpiStatus {
  readonly kpiId: Id;
  readonly grade: AbnfGrade;
  readonly reason: AbnfReason;
  readonly progress: number | null;
  readonly elapsed: number | null;
  readonly neededNow: number | null;
  readonly elapsedYears: number | null;
  readonly targetYears: number | null;
  readonly initial: AbnfPoint | null;
  readonly current: AbnfPoint | null;
  readonly target: AbnfPoint | null;
  readonly method = ABNF_METHOD;
  readonly methodVersion = ABNF_METHOD_VERSION;
  readonly inputs: KpiStatusInputs;
  readonly error: string | null;
  readonly #judgement: AbnfJudgement;
  readonly #context: AbnfExplainContext;
  #sentence: StatusSentence | null = null;

  constructor(kpiId: Id, judgement: AbnfJudgement, inputs: KpiStatusInputs, context: AbnfExplainContext) {
    this.kpiId = kpiId;
    this.grade = judgement.grade;
    this.reason = judgement.reason;
    this.progress = judgement.progress;
    this.elapsed = judgement.elapsed;
    this.neededNow = judgement.neededNow;
    this.elapsedYears = judgement.elapsedYears;
    this.targetYears = judgement.targetYears;
    this.initial = judgement.initial;
    this.current = judgement.current;
    this.target = judgement.target;
    this.inputs = inputs;
    this.error = judgement.error;
    this.#judgement = judgement;
    this.#context = context;
  }

  get sentence(): StatusSentence {
    this.#sentence ??= explainAbnf(this.#judgement, this.#context);
    return this.#sentence;
  }

  toJSON(): AbnfKpiStatus {
    return {
      kpiId: this.kpiId,
      grade: this.grade,
      reason: this.reason,
      progress: this.progress,
      elapsed: this.elapsed,
      neededNow: this.neededNow,
      elapsedYears: this.elapsedYears,
      targetYears: this.targetYears,
      initial: this.initial,
      current: this.current,
      target: this.target,
      method: this.method,
      methodVersion: this.methodVersion,
      inputs: this.inputs,
      error: this.error,
      sentence: this.sentence,
    };
  }
}

// The judgement reasons that leave nothing to grade, by what they mean to the A/B/N/F sheets.
function unjudgedReason(shaped: ShapeJudgement): AbnfReason {
  if (shaped.reason === 'set_by_coordinator' || shaped.reason === 'target_missing')
    return 'no_quantitative_target';
  return shaped.reason === 'base_value_missing' ? 'no_initial' : 'no_current';
}

// The raw target: the published method replaces a target of 0 by 0.001, which the straight line does not need.
function rawTarget(value: number, target: YearlyPoint | null): number {
  return value === ZERO_REPLACEMENT && target?.value === 0 ? 0 : value;
}

/**
 * The A/B/N/F rule's input read from the shape rule's judgement: the initial, current and target values each
 * shape compares (per-year values for growth KPIs, running totals for cumulative ones, places for ranks), so
 * both methods rest on the same like-with-like reading (README.md, "A / B / N / F").
 */
function abnfInputOf(
  shape: KpiShape,
  direction: Direction,
  shaped: ShapeJudgement,
  target: YearlyPoint | null,
): AbnfRuleInput | AbnfReason {
  if (shape === 'qualitative') return 'no_quantitative_target';
  const { detail } = shaped;
  switch (detail.kind) {
    case 'growth': {
      const initial = detail.base === null ? null : { year: detail.base.year, value: detail.base.value };
      const current =
        detail.current === null ? null : { year: detail.current.year, value: detail.current.value };
      const goal =
        detail.target === null || detail.targetYear === null
          ? null
          : { year: detail.targetYear, value: rawTarget(detail.target, target) };
      return { direction, initial, current, target: goal };
    }
    case 'cumulative':
      // A running total starts from nothing the year before its range.
      return {
        direction,
        initial: { year: detail.fromYear - 1, value: 0 },
        current:
          detail.latestYear === null || detail.total === null
            ? null
            : { year: detail.latestYear, value: detail.total },
        target: { year: detail.toYear, value: detail.target },
      };
    case 'level': {
      // 「過去3年度平均以上」: the target is the initial value kept, so it is met or not.
      const bar = { year: detail.barYear, value: detail.bar };
      const current =
        detail.current === null ? null : { year: detail.current.year, value: detail.current.value };
      return { direction, initial: bar, current, target: bar };
    }
    case 'pace':
      // Without an actual the rule has no base either; the KPI's baseline, if any, is named as the initial value.
      if (detail.current === null) return 'no_current';
      // Ranks and counts of units below a bar: lower is better, whatever the KPI's direction says.
      return {
        direction: 'decrease',
        initial: detail.base,
        current: detail.current,
        target: detail.targetYear === null ? null : { year: detail.targetYear, value: detail.target },
      };
    case 'none':
      return unjudgedReason(shaped);
  }
}

/** A cap on a running total (no more than 50 over five years): A while the total stays within its pro-rata share. */
function judgeCap(input: AbnfRuleInput): AbnfJudgement {
  const result = judgeAbnf({ ...input, direction: 'increase' });
  if (result.grade === 'N' || result.neededNow === null || input.current === null) return result;
  const isWithin = input.current.value <= result.neededNow;
  return {
    ...result,
    direction: 'decrease',
    grade: isWithin ? 'A' : 'B',
    reason: isWithin ? 'on_pace' : 'behind_pace',
  };
}

/**
 * A KPI's A/B/N/F grade at an as-of date (README.md beside this file): the same reading of the KPI as
 * {@link evaluateKpi} (only actuals whose period ended by then, like with like), graded by the Cabinet Office's
 * rule. Pure and never throws for bad data (N with reason invalid_input); throws RangeError only for an as-of date
 * that is not an ISO date.
 */
export function evaluateKpiAbnf(
  kpi: KpiForStatus,
  observations: readonly ObservationForStatus[],
  asOf: string | AsOfDate,
): AbnfKpiStatus {
  return abnfOfJudgement(kpi, judgeKpi(kpi, observations, asOf));
}

/**
 * A KPI judged once and worded by both methods: its Open SDG status and its A/B/N/F grade, from one reading of
 * its actuals (what a plan's statuses need to show either method and the other beside it).
 */
export function evaluateKpiWithAbnf(
  kpi: KpiForStatus,
  observations: readonly ObservationForStatus[],
  asOf: string | AsOfDate,
): { status: KpiStatus; abnf: AbnfKpiStatus } {
  const judged = judgeKpi(kpi, observations, asOf);
  return { status: statusOfJudgement(kpi, judged), abnf: abnfOfJudgement(kpi, judged) };
}

/** A KPI's A/B/N/F grade from its shape rule's judgement ({@link judgeKpi}). */
export function abnfOfJudgement(kpi: KpiForStatus, judged: KpiJudgement): AbnfKpiStatus {
  const { judgement: shaped, inputs, target } = judged;
  const read = abnfInputOf(kpi.shape, kpi.direction, shaped, target);
  // Without a grade to compute, the sentence still names the baseline for what it is.
  const baseline =
    inputs.baseline?.value == null ? null : { year: inputs.baseline.year, value: inputs.baseline.value };
  const bare: AbnfRuleInput = { direction: kpi.direction, initial: baseline, current: null, target: null };
  let result: AbnfJudgement;
  if (read === 'no_quantitative_target') result = ungradedAbnf({ ...bare, direction: null }, read);
  else if (shaped.reason === 'invalid_input') result = invalidAbnf(bare, shaped.error ?? 'invalid input');
  else if (typeof read === 'string') result = ungradedAbnf(bare, read);
  else if (shaped.detail.kind === 'cumulative' && kpi.direction === 'decrease') result = judgeCap(read);
  else result = judgeAbnf(read);
  const context: AbnfExplainContext = {
    shape: kpi.shape,
    unit: kpi.unit,
    yearKind: shaped.yearKind,
    asOfDate: inputs.asOfDate,
    isRunningTotal: shaped.detail.kind === 'cumulative',
  };
  // An ungraded KPI names its baseline as written: 12件 over H30～R5 is no value of FY2023 alone.
  if (result.initial !== null && result.initial === bare.initial && inputs.baseline !== null) {
    context.initialLabel = inputs.baseline.label;
    context.isRunningTotal = false;
  }
  return new ComputedAbnfStatus(kpi.id, result, inputs, context);
}
