import { parseIsoDate } from '../calendar/iso-date.js';
import type { Direction, KpiShape, ProgressStatus } from '../model/codes.js';
import type { Id, Kpi, KpiPoint, Observation, PeriodValue } from '../model/entities.js';
import type { StatusSentence } from './explain.js';
import { explainJudgement } from './explain.js';
import type { YearValue } from './open-sdg.js';
import type { ShapeJudgement, StatusReason, YearlyPoint, YearlyValue } from './shapes.js';
import { judgeShape } from './shapes.js';
import { isAverageOverYears, isRateUnit } from './spans.js';
import { unitsFailingBar } from './breakdown-count.js';

/** The fields of a KPI the status engine reads; `bar` only matters to share-meeting-bar KPIs. */
export type KpiForStatus = Pick<Kpi, 'id' | 'name' | 'unit' | 'shape' | 'direction' | 'baseline' | 'target'> &
  Partial<Pick<Kpi, 'bar'>>;

/** The fields of an actual the status engine reads; one with another KPI's id is skipped. */
export type ObservationForStatus = Pick<Observation, 'value' | 'period' | 'breakdown'> & { kpiId?: Id };

/** A baseline or target as the evaluation read it. */
export interface StatusPoint {
  value: number | null;
  year: number;
  fromYear: number;
  label: string;
}

/** Everything an evaluation used, so that it can be shown and re-checked. */
export interface KpiStatusInputs {
  asOfDate: string;
  shape: KpiShape;
  direction: Direction;
  baseline: StatusPoint | null;
  target: StatusPoint | null;
  /** Actuals whose period ended on or before the as-of date. */
  actualsCounted: number;
  /** Actuals left out because their period had not ended by the as-of date. */
  actualsNotYetEnded: number;
  /** The yearly values the rule used. */
  series: YearValue[];
  /** The rule's settings and intermediate numbers. */
  parameters: Record<string, number | string | boolean | null>;
}

/** The computed progress status of one KPI at an as-of date, with what it rests on and why. */
export interface KpiStatus {
  kpiId: Id;
  status: ProgressStatus;
  /** In [−5, 5], for roll-ups; null with no_data. */
  score: number | null;
  /** The ratio or growth the status was read from; null when none was computed (or it was infinite). */
  progressValue: number | null;
  reason: StatusReason;
  /** The actual (or running total) the status rests on, and the year it stands for. */
  valueUsed: number | null;
  valueYear: number | null;
  /** Where the KPI should be in that year: on the geometric path for growth KPIs, the pro-rata share for sums. */
  expectedValue: number | null;
  /** The value at the target year if the observed trend goes on; null when there is no trend or no target year. */
  forecast: number | null;
  method: string;
  methodVersion: string;
  inputs: KpiStatusInputs;
  /** What is wrong with the input, when reason is invalid_input. */
  error: string | null;
  /** Built on first read (a getter), so counting statuses never pays for wording them; JSON includes it. */
  readonly sentence: StatusSentence;
}

// A stored period's dates are already checked ISO dates (YYYY-MM-DD), so their digits are read straight from the
// text, unrolled, without slicing or matching: this runs for every actual of every KPI, and re-validating, copying
// or comparing substrings of each date would dominate a portfolio's cost. 48 is the code of '0'.
function yearOf(date: string): number {
  return (
    date.charCodeAt(0) * 1000 +
    date.charCodeAt(1) * 100 +
    date.charCodeAt(2) * 10 +
    date.charCodeAt(3) -
    48 * 1111
  );
}

// The month and day of an ISO date as one number: 401 for April 1st, 1231 for December 31st.
function monthDayOf(date: string): number {
  return (
    date.charCodeAt(5) * 1000 +
    date.charCodeAt(6) * 100 +
    date.charCodeAt(8) * 10 +
    date.charCodeAt(9) -
    48 * 1111
  );
}

function fiscalYearOfIsoDate(date: string): number {
  return monthDayOf(date) >= 400 ? yearOf(date) : yearOf(date) - 1;
}

// 年 periods run January to December; everything else in a KPI is counted in 年度 (DOMAIN.md). A period is whole
// years when it runs from a first day to a last day of its kind of year. `isRate`: whether the KPI's unit is a rate,
// read once per KPI, for whether a value over several years is their average (spans.ts).
function toYearlyValue(period: PeriodValue, value: number, isRate: boolean): YearlyValue {
  const { start, end } = period;
  const startYear = yearOf(start);
  const startMonthDay = monthDayOf(start);
  const endMonthDay = end === null ? 0 : monthDayOf(end);
  const isCalendar = startMonthDay === 101 && endMonthDay === 1231;
  const year = period.fiscalYear ?? fiscalYearOfIsoDate(end ?? start);
  const fromYear = isCalendar || startMonthDay >= 400 ? startYear : startYear - 1;
  let coversWholeYears = false;
  if (end !== null && startYear === fromYear) {
    coversWholeYears = isCalendar
      ? yearOf(end) === year
      : startMonthDay === 401 && endMonthDay === 331 && yearOf(end) === year + 1;
  }
  return {
    year,
    fromYear,
    kind: isCalendar ? 'calendar' : 'fiscal',
    coversWholeYears,
    isAverage: fromYear < year && isAverageOverYears(period.label, isRate),
    value,
  };
}

/** A baseline or target as the shape rules read it: its years, whether it is an average, a finite value or null. */
export function toYearlyPoint(point: KpiPoint | null, unit: string): YearlyPoint | null {
  return yearlyPoint(point, isRateUnit(unit));
}

function yearlyPoint(point: KpiPoint | null, isRate: boolean): YearlyPoint | null {
  if (point === null) return null;
  const value = point.value !== null && Number.isFinite(point.value) ? point.value : null;
  const { year, fromYear, kind, isAverage } = toYearlyValue(point.period, 0, isRate);
  return { value, year, fromYear, kind, isAverage };
}

function compareYearly(a: YearlyValue, b: YearlyValue): number {
  return a.year - b.year || a.fromYear - b.fromYear || a.value - b.value;
}

/**
 * An as-of date checked once (an ISO date of a day that exists), so that a caller judging many KPIs at one date
 * checks it once for all of them rather than once for each.
 */
export class AsOfDate {
  // Makes the type nominal: an object of the same shape that did not come from `of` is not an AsOfDate.
  declare private readonly checked: true;

  private constructor(
    /** The date, YYYY-MM-DD. */
    readonly date: string,
  ) {}

  /** The date checked; throws RangeError for anything but an ISO date of a day that exists. */
  static of(date: string): AsOfDate {
    parseIsoDate(date);
    return new AsOfDate(date);
  }
}

function toStatusPoint(point: KpiPoint | null, read: YearlyPoint | null): StatusPoint | null {
  if (point === null || read === null) return null;
  return { value: read.value, year: read.year, fromYear: read.fromYear, label: point.period.label };
}

/**
 * A KPI's status whose sentence is worded on first read: wording costs more than judging, and most statuses are
 * only counted. The sentence is a getter on the class (an object literal with a getter is many times slower to
 * build), so it is not an own property: `JSON.stringify` includes it through `toJSON`, a spread must name it.
 */
class ComputedKpiStatus implements KpiStatus {
  readonly kpiId: Id;
  readonly status: ProgressStatus;
  readonly score: number | null;
  readonly progressValue: number | null;
  readonly reason: StatusReason;
  readonly valueUsed: number | null;
  readonly valueYear: number | null;
  readonly expectedValue: number | null;
  readonly forecast: number | null;
  readonly method: string;
  readonly methodVersion: string;
  readonly inputs: KpiStatusInputs;
  readonly error: string | null;
  readonly #judgement: ShapeJudgement;
  readonly #kpi: KpiForStatus;
  readonly #baseline: YearlyPoint | null;
  #sentence: StatusSentence | null = null;

  constructor(
    kpi: KpiForStatus,
    judgement: ShapeJudgement,
    inputs: KpiStatusInputs,
    baseline: YearlyPoint | null,
  ) {
    this.kpiId = kpi.id;
    this.status = judgement.status;
    this.score = judgement.score;
    this.progressValue = judgement.progressValue;
    this.reason = judgement.reason;
    this.valueUsed = judgement.valueUsed;
    this.valueYear = judgement.valueYear;
    this.expectedValue = judgement.expectedValue;
    this.forecast = judgement.forecast;
    this.method = judgement.method;
    this.methodVersion = judgement.methodVersion;
    this.inputs = inputs;
    this.error = judgement.error;
    this.#judgement = judgement;
    this.#kpi = kpi;
    this.#baseline = baseline;
  }

  get sentence(): StatusSentence {
    const { shape, direction, unit } = this.#kpi;
    const context = { shape, direction, unit, asOfDate: this.inputs.asOfDate, baseline: this.#baseline };
    this.#sentence ??= explainJudgement(this.#judgement, context);
    return this.#sentence;
  }

  /** The status as plain data, sentence included (what a spread or `JSON.stringify` should see). */
  toJSON(): KpiStatus {
    return {
      kpiId: this.kpiId,
      status: this.status,
      score: this.score,
      progressValue: this.progressValue,
      reason: this.reason,
      valueUsed: this.valueUsed,
      valueYear: this.valueYear,
      expectedValue: this.expectedValue,
      forecast: this.forecast,
      method: this.method,
      methodVersion: this.methodVersion,
      inputs: this.inputs,
      error: this.error,
      sentence: this.sentence,
    };
  }
}

// A baseline given by prefecture is judged, like the actuals, by the units its breakdown shows under the bar.
function countedPoint(kpi: KpiForStatus, point: KpiPoint | null): KpiPoint | null {
  const counted = point?.breakdown ? unitsFailingBar(kpi, point.breakdown) : null;
  return counted && point ? { ...point, value: counted.count } : point;
}

/**
 * The progress status of a KPI at an as-of date, by the rule of its shape (README.md beside this file). Only
 * actuals whose period ended on or before the as-of date count, so a past round's status can be recomputed
 * exactly. Pure and never throws for bad data (that comes back as no_data with reason invalid_input); throws
 * RangeError only for an as-of date that is not an ISO date. A caller judging many KPIs at one date passes it
 * checked once ({@link AsOfDate.of}); a date given as text is checked on every call.
 */
export function evaluateKpi(
  kpi: KpiForStatus,
  observations: readonly ObservationForStatus[],
  asOf: string | AsOfDate,
): KpiStatus {
  return statusOfJudgement(kpi, judgeKpi(kpi, observations, asOf));
}

/** The status of a KPI from its shape rule's judgement ({@link judgeKpi}), for a caller that grades it twice. */
export function statusOfJudgement(kpi: KpiForStatus, judged: KpiJudgement): KpiStatus {
  return new ComputedKpiStatus(kpi, judged.judgement, judged.inputs, judged.baseline);
}

/** What a KPI's shape rule made of it at an as-of date: the judgement, the inputs it used and the baseline read. */
export interface KpiJudgement {
  judgement: ShapeJudgement;
  inputs: KpiStatusInputs;
  baseline: YearlyPoint | null;
  target: YearlyPoint | null;
}

/**
 * The shape rule's judgement of a KPI at an as-of date, before it becomes a status: what {@link evaluateKpi}
 * words by the Open SDG vocabulary and `evaluateKpiAbnf` grades A/B/N/F, so both read the KPI alike.
 */
export function judgeKpi(
  kpi: KpiForStatus,
  observations: readonly ObservationForStatus[],
  asOf: string | AsOfDate,
): KpiJudgement {
  const asOfDate = typeof asOf === 'string' ? AsOfDate.of(asOf).date : asOf.date;
  const isRate = isRateUnit(kpi.unit);
  const actuals: YearlyValue[] = [];
  let notYetEnded = 0;
  let isSorted = true;
  for (const observation of observations) {
    if (observation.kpiId !== undefined && observation.kpiId !== kpi.id) continue;
    if (!Number.isFinite(observation.value)) continue;
    const { end } = observation.period;
    if (end === null || end > asOfDate) {
      notYetEnded += 1;
      continue;
    }
    const counted = observation.breakdown ? unitsFailingBar(kpi, observation.breakdown) : null;
    const yearly = toYearlyValue(observation.period, counted?.count ?? observation.value, isRate);
    const previous = actuals[actuals.length - 1];
    if (previous !== undefined && previous.year >= yearly.year && compareYearly(previous, yearly) > 0) {
      isSorted = false;
    }
    actuals.push(yearly);
  }
  // A fixed order makes the result independent of the order the actuals arrive in (most arrive sorted).
  if (!isSorted) actuals.sort(compareYearly);
  const baseline = yearlyPoint(countedPoint(kpi, kpi.baseline), isRate);
  const target = yearlyPoint(kpi.target, isRate);
  const judgement = judgeShape({ shape: kpi.shape, direction: kpi.direction, baseline, target, actuals });
  const inputs: KpiStatusInputs = {
    asOfDate,
    shape: kpi.shape,
    direction: kpi.direction,
    baseline: toStatusPoint(kpi.baseline, baseline),
    target: toStatusPoint(kpi.target, target),
    actualsCounted: actuals.length,
    actualsNotYetEnded: notYetEnded,
    series: judgement.series,
    parameters: judgement.parameters,
  };
  return { judgement, inputs, baseline, target };
}
