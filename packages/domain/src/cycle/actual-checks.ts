import { compactText } from '../calendar/normalize-text.js';
import type { Direction, KpiShape } from '../model/codes.js';
import type { PeriodValue } from '../model/entities.js';

/** Why an entered actual is flagged: each needs a note from the reporter before the part can be submitted. */
export const ACTUAL_FLAG_CODES = [
  'unit_mismatch',
  'period_outside_plan',
  'period_after_as_of',
  'out_of_range',
  'jump',
  'against_direction',
] as const;
/** Why an entered actual is flagged. */
export type ActualFlagCode = (typeof ACTUAL_FLAG_CODES)[number];

/** One flag on an entered actual: the field it is about, what was expected, and the sentence in ja and en. */
export interface ActualFlag {
  code: ActualFlagCode;
  field: 'value' | 'unit' | 'period';
  expected: string;
  message: { ja: string; en: string };
}

/** The KPI an actual is entered for, as the checks read it. */
export interface KpiForChecks {
  unit: string;
  shape: KpiShape;
  direction: Direction;
}

/** An actual as a reporter enters it; `unit` only where the reporter wrote one. */
export interface ActualEntry {
  value: number;
  unit?: string | null;
  period: Pick<PeriodValue, 'start' | 'end' | 'label'>;
}

/** What an actual is checked against besides its KPI. */
export interface ActualCheckContext {
  /** The days an actual of the plan may cover: from its earliest baseline to the end of its horizon. */
  horizon: { start: string; end: string };
  /** The round's as-of date: an actual for a period that has not begun by then cannot have been observed. */
  asOfDate: string;
  /** The KPI's other actuals, in any order. */
  history: readonly { value: number; period: Pick<PeriodValue, 'start'> }[];
}

// Units whose values are counts of whole things: never negative, never fractional.
const COUNT_UNITS = new Set([
  '件',
  '人',
  '社',
  '品目',
  '回',
  '施設',
  '機関',
  'カ所',
  '箇所',
  '校',
  '都道府県',
  '品',
  '名',
  '編',
  '拠点',
  '試験',
  '成分',
]);
const RATE_UNITS = new Set(['%', '％']);
// A value ten times the last one (or a tenth of it) is more often a slip (a unit, a digit) than news.
const JUMP_RATIO = 10;
// …and so is a change five times the KPI's usual change from one actual to the next, once there are enough.
const JUMP_SPREAD = 5;
const SPREAD_MIN_HISTORY = 3;
// Stock-like shapes, where a value moving the wrong way is a change to explain; flows (a year's count, a running
// total, a yearly level to keep) go up and down with the year and are judged by the status engine instead.
const STOCK_SHAPES: ReadonlySet<KpiShape> = new Set(['level', 'multiplier', 'rank', 'share-meeting-bar']);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function unitFlags(kpi: KpiForChecks, entry: ActualEntry): ActualFlag[] {
  // A share-meeting-bar KPI counts units under its bar; its unit (%) is the bar's, so no unit is compared.
  if (entry.unit == null || entry.unit.trim() === '' || kpi.shape === 'share-meeting-bar') return [];
  if (compactText(entry.unit) === compactText(kpi.unit)) return [];
  return [
    {
      code: 'unit_mismatch',
      field: 'unit',
      expected: kpi.unit,
      message: {
        ja: `単位「${entry.unit}」はこのKPIの単位「${kpi.unit}」と異なります。`,
        en: `The unit "${entry.unit}" is not this KPI's unit "${kpi.unit}".`,
      },
    },
  ];
}

function periodFlags(entry: ActualEntry, context: ActualCheckContext): ActualFlag[] {
  const { start, end, label } = entry.period;
  const flags: ActualFlag[] = [];
  if (start < context.horizon.start || (end ?? start) > context.horizon.end)
    flags.push({
      code: 'period_outside_plan',
      field: 'period',
      expected: `${context.horizon.start}..${context.horizon.end}`,
      message: {
        ja: `時点「${label}」は計画の期間（${context.horizon.start}～${context.horizon.end}）の外です。`,
        en: `The period "${label}" is outside the plan (${context.horizon.start} to ${context.horizon.end}).`,
      },
    });
  if (start > context.asOfDate)
    flags.push({
      code: 'period_after_as_of',
      field: 'period',
      expected: `a period begun by ${context.asOfDate}`,
      message: {
        ja: `時点「${label}」はこの回の基準日（${context.asOfDate}）より後に始まります。`,
        en: `The period "${label}" begins after this round's as-of date (${context.asOfDate}).`,
      },
    });
  return flags;
}

// What each kind of KPI value can be, in both languages of the UI.
const RANGES = {
  rank: { ja: '1以上の整数の順位', en: 'a whole rank of 1 or more' },
  count: { ja: '0以上の整数', en: 'a whole count of 0 or more' },
  share: { ja: '0～100の割合', en: 'a share from 0 to 100' },
} as const;

function rangeOf(kpi: KpiForChecks, value: number): keyof typeof RANGES | null {
  const unit = kpi.unit.trim();
  if (kpi.shape === 'rank') return value < 1 || !Number.isInteger(value) ? 'rank' : null;
  if (kpi.shape === 'share-meeting-bar' || COUNT_UNITS.has(unit))
    return value < 0 || !Number.isInteger(value) ? 'count' : null;
  return RATE_UNITS.has(unit) && (value < 0 || value > 100) ? 'share' : null;
}

function rangeFlags(kpi: KpiForChecks, entry: ActualEntry): ActualFlag[] {
  const broken = rangeOf(kpi, entry.value);
  if (broken === null) return [];
  const expected = RANGES[broken];
  return [
    {
      code: 'out_of_range',
      field: 'value',
      expected: expected.en,
      message: {
        ja: `値 ${entry.value} はこのKPIの値としてありえません（${expected.ja}であるはずです）。`,
        en: `The value ${entry.value} cannot be right for this KPI (expected ${expected.en}).`,
      },
    },
  ];
}

function changeFlags(kpi: KpiForChecks, entry: ActualEntry, context: ActualCheckContext): ActualFlag[] {
  const earlier = context.history
    .filter((actual) => actual.period.start < entry.period.start)
    .sort((a, b) => a.period.start.localeCompare(b.period.start));
  const last = earlier.at(-1);
  if (last === undefined) return [];
  const flags: ActualFlag[] = [];
  const ratio = last.value === 0 ? null : entry.value / last.value;
  const steps = earlier
    .slice(1)
    .map((actual, index) => Math.abs(actual.value - (earlier[index]?.value ?? 0)));
  const usual = steps.length >= SPREAD_MIN_HISTORY - 1 ? median(steps) : 0;
  const isJump =
    (ratio !== null && (Math.abs(ratio) >= JUMP_RATIO || Math.abs(ratio) <= 1 / JUMP_RATIO)) ||
    (usual > 0 && Math.abs(entry.value - last.value) > JUMP_SPREAD * usual);
  if (isJump)
    flags.push({
      code: 'jump',
      field: 'value',
      expected: `a value near the last one (${last.value})`,
      message: {
        ja: `値 ${entry.value} は前回の値（実績、なければ基準値）${last.value} から大きく離れています。入力の誤り（単位・桁）がないか確認し、理由を注記してください。`,
        en: `The value ${entry.value} is far from the last known value (${last.value}, an actual or else the baseline); check the unit and digits, and note why.`,
      },
    });
  const better = kpi.direction === 'increase' ? entry.value > last.value : entry.value < last.value;
  if (STOCK_SHAPES.has(kpi.shape) && !better && entry.value !== last.value)
    flags.push({
      code: 'against_direction',
      field: 'value',
      expected: kpi.direction === 'increase' ? `at least ${last.value}` : `at most ${last.value}`,
      message: {
        ja: `値 ${entry.value} は前回 ${last.value} から目標と逆の方向に動いています。理由を注記してください。`,
        en: `The value ${entry.value} moved away from the target since the last known value (${last.value}); note why.`,
      },
    });
  return flags;
}

/**
 * The flags on an actual a reporter enters, checked against its KPI and the round: a unit other than the KPI's,
 * a period outside the plan or not yet begun, a value the KPI cannot take, a jump far beyond its usual change,
 * and a stock-like KPI moving away from its target. A flag never refuses the value: it asks for a note, and the
 * coordinator sees every flag.
 */
export function checkActual(
  kpi: KpiForChecks,
  entry: ActualEntry,
  context: ActualCheckContext,
): ActualFlag[] {
  return [
    ...unitFlags(kpi, entry),
    ...periodFlags(entry, context),
    ...rangeFlags(kpi, entry),
    ...changeFlags(kpi, entry, context),
  ];
}
