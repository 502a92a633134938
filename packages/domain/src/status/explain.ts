import type { Direction, KpiShape, ProgressStatus } from '../model/codes.js';
import type { YearKind } from './format.js';
import {
  dateJa,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  yearLabelEn,
  yearLabelJa,
  yearRangeEn,
  yearRangeJa,
} from './format.js';
import type { JudgementDetail, ShapeJudgement, SpanYearValue, StatusReason, YearlyPoint } from './shapes.js';
import { isRateUnit, perYearValue, spanYears } from './spans.js';

/** One explanation in both languages of the UI, Japanese first. */
export interface StatusSentence {
  ja: string;
  en: string;
}

/** How each status ends a Japanese sentence, in the vocabulary of methods/progress-status.md. */
export const STATUS_PHRASE_JA: Readonly<Record<ProgressStatus, string>> = {
  achieved: '目標達成です',
  on_track: '順調です',
  moderate: '進捗あり（加速が必要）です',
  limited: '進捗僅少です',
  deteriorating: '悪化しています',
  no_data: '評価不能です',
};

/** How each status ends an English sentence. */
export const STATUS_PHRASE_EN: Readonly<Record<ProgressStatus, string>> = {
  achieved: 'target achieved',
  on_track: 'on track',
  moderate: 'progress made, acceleration needed',
  limited: 'limited progress',
  deteriorating: 'deterioration',
  no_data: 'cannot be assessed',
};

/** What the sentence needs beyond the judgement. */
export interface ExplainContext {
  shape: KpiShape;
  direction: Direction;
  unit: string;
  asOfDate: string;
  /** The KPI's baseline, named in a no-data sentence so a reader sees what there is (and that it is no actual). */
  baseline?: YearlyPoint | null;
}

interface Words {
  /** A value with the KPI's unit (Japanese) or bare (English). */
  ja(value: number): string;
  en(value: number): string;
  yearJa(year: number): string;
  yearEn(year: number): string;
}

function wordsFor(unit: string, kind: YearKind, shape: KpiShape): Words {
  // A multiplier's unit (倍) names the target, not the amounts being compared; a share-meeting-bar KPI counts
  // units below the bar, so the share's % is not the unit of its values (11, not 11%).
  const isOtherUnit =
    (shape === 'multiplier' && unit === '倍') || (shape === 'share-meeting-bar' && isRateUnit(unit));
  const shown = isOtherUnit ? '' : unit;
  return {
    ja: (value) => `${formatNumber(value)}${shown}`,
    en: (value) => formatNumber(value),
    yearJa: (year) => yearLabelJa(year, kind),
    yearEn: (year) => yearLabelEn(year, kind),
  };
}

/** A per-year value in Japanese: 2023年度の7件, or 2018–2023年度の年平均2件 when it stands for several years. */
function spanJa(point: SpanYearValue, w: Words, kind: YearKind): string {
  if (point.fromYear >= point.year) return `${w.yearJa(point.year)}の${w.ja(point.value)}`;
  return `${yearRangeJa(point.fromYear, point.year, kind)}の年平均${w.ja(point.value)}`;
}

function spanEn(point: SpanYearValue, w: Words, kind: YearKind): string {
  if (point.fromYear >= point.year) return `${w.en(point.value)} in ${w.yearEn(point.year)}`;
  return `${w.en(point.value)} a year in ${yearRangeEn(point.fromYear, point.year, kind)}`;
}

/** Compare an actual with the value expected of it, in Japanese, ready to be followed by おり. */
function compareJa(actual: number, expected: string, expectedValue: number): string {
  if (actual > expectedValue) return `${expected}を上回って`;
  if (actual < expectedValue) return `${expected}を下回って`;
  return `${expected}に達して`;
}

function compareEn(actual: number, expectedValue: number): string {
  if (actual > expectedValue) return 'above';
  if (actual < expectedValue) return 'below';
  return 'at';
}

const NO_DATA_JA: Readonly<Partial<Record<StatusReason, string>>> = {
  too_few_years: '基準年以降の値が1時点のみで伸びを計算できないため評価不能です',
  opposite_signs: '基準値と最新値の符号が異なるため評価不能です',
  undefined_progress: 'この入力では進捗値が定まらないため評価不能です',
  base_value_missing: '基準年の値がなく目標値を計算できないため評価不能です',
  target_missing: '目標値がないため評価不能です',
  set_by_coordinator: '定性的な目標のため自動では判定せず、取りまとめ担当が理由を付して判定します',
};

const NO_DATA_EN: Readonly<Partial<Record<StatusReason, string>>> = {
  too_few_years: 'Only one value from the base year on, so no growth can be computed: cannot be assessed.',
  opposite_signs: 'The base and latest values have opposite signs: cannot be assessed.',
  undefined_progress: 'The progress value is undefined for these inputs: cannot be assessed.',
  base_value_missing: 'No value for the base year, so no target can be computed: cannot be assessed.',
  target_missing: 'No target value: cannot be assessed.',
  set_by_coordinator: 'A qualitative target: not computed; the coordinator sets its status with reasons.',
};

/**
 * The baseline in words, as a sentence of its own: 基準値は2018–2023年度の6年度間で12件（年平均2件）です. A baseline
 * is from before the plan, so it is named as what it is and never as an actual.
 */
function baselineSentence(
  baseline: YearlyPoint | null | undefined,
  w: Words,
  kind: YearKind,
): StatusSentence {
  if (baseline === undefined || baseline === null || baseline.value === null) return { ja: '', en: '' };
  const { value, year, fromYear } = baseline;
  if (fromYear >= year) {
    return {
      ja: `基準値は${w.yearJa(year)}の${w.ja(value)}です`,
      en: ` The baseline is ${w.en(value)} in ${w.yearEn(year)}.`,
    };
  }
  const rangeJa = yearRangeJa(fromYear, year, kind);
  const rangeEn = yearRangeEn(fromYear, year, kind);
  if (baseline.isAverage) {
    return {
      ja: `基準値は${rangeJa}平均${w.ja(value)}です`,
      en: ` The baseline is the ${rangeEn} average of ${w.en(value)}.`,
    };
  }
  const years = spanYears(baseline);
  const perYear = perYearValue({ ...baseline, value });
  const unitYear = kind === 'fiscal' ? '年度' : '年';
  return {
    ja: `基準値は${rangeJa}の${years}${unitYear}間で${w.ja(value)}（年平均${w.ja(perYear)}）です`,
    en: ` The baseline is ${w.en(value)} over the ${years} years ${rangeEn} (${w.en(perYear)} a year).`,
  };
}

function withBaseline(sentence: StatusSentence, judgement: ShapeJudgement, context: ExplainContext) {
  const words = wordsFor(context.unit, judgement.yearKind, context.shape);
  const baseline = baselineSentence(context.baseline, words, judgement.yearKind);
  if (baseline.ja === '') return sentence;
  return { ja: `${sentence.ja}。${baseline.ja}`, en: `${sentence.en}${baseline.en}` };
}

const LEFT_OUT: readonly [parameter: string, ja: string, en: string][] = [
  [
    'partialPeriodsLeftOut',
    '年の途中までの値{n}件は1年分の値と比べられないため使っていません',
    'figure(s) for part of a year cannot stand for a year',
  ],
  [
    'actualsBeforeBase',
    '基準年より前の実績{n}件は使っていません',
    'actual(s) from before the base year are history',
  ],
  [
    'actualsOutsideRange',
    '目標の期間外の実績{n}件は使っていません',
    'actual(s) fall outside the target’s range',
  ],
  [
    'actualsLeftOut',
    'この指標と比べられない期間の実績{n}件は使っていません',
    'actual(s) cover periods this KPI cannot compare',
  ],
];

/** Why actuals that exist were not used, so "no actual" never hides a figure the reader can see in the table. */
function withLeftOut(sentence: StatusSentence, judgement: ShapeJudgement): StatusSentence {
  let { ja, en } = sentence;
  for (const [parameter, leftJa, leftEn] of LEFT_OUT) {
    const count = judgement.parameters[parameter];
    if (typeof count !== 'number' || count <= 0) continue;
    ja = `${ja}。${leftJa.replace('{n}', String(count))}`;
    en = `${en} ${count} ${leftEn}: not used.`;
  }
  return { ja, en };
}

function explainNoData(judgement: ShapeJudgement, context: ExplainContext): StatusSentence {
  const sentence = explainMissing(judgement, context);
  if (judgement.reason !== 'no_actual') return sentence;
  return withBaseline(withLeftOut(sentence, judgement), judgement, context);
}

function explainMissing(judgement: ShapeJudgement, context: ExplainContext): StatusSentence {
  const { detail, reason } = judgement;
  if (reason === 'invalid_input') {
    const error = judgement.error ?? 'unknown';
    return {
      ja: `入力が不正なため評価不能です（${error}）`,
      en: `Invalid input (${error}): cannot be assessed.`,
    };
  }
  if (reason === 'no_actual' && detail.kind === 'cumulative') {
    const kind = judgement.yearKind;
    return {
      ja: `${dateJa(context.asOfDate)}時点で${yearRangeJa(detail.fromYear, detail.toYear, kind)}の実績がまだないため評価不能です`,
      en: `No actual for ${yearRangeEn(detail.fromYear, detail.toYear, kind)} as of ${context.asOfDate}: cannot be assessed.`,
    };
  }
  const ja = NO_DATA_JA[reason];
  const en = NO_DATA_EN[reason];
  if (ja !== undefined && en !== undefined) return { ja, en };
  return {
    ja: `${dateJa(context.asOfDate)}時点で評価に使える実績がないため評価不能です`,
    en: `No actual usable for the assessment as of ${context.asOfDate}: cannot be assessed.`,
  };
}

type Detail<K extends JudgementDetail['kind']> = Extract<JudgementDetail, { kind: K }>;

function explainGrowth(
  j: ShapeJudgement,
  d: Detail<'growth'>,
  w: Words,
  context: ExplainContext,
): StatusSentence | null {
  const { base, current } = d;
  if (current === null || base === null) return null;
  const kind = j.yearKind;
  const annual = context.shape === 'annual' ? '年間' : '';
  const annualEn = context.shape === 'annual' ? 'annual ' : '';
  const phraseJa = STATUS_PHRASE_JA[j.status];
  const phraseEn = STATUS_PHRASE_EN[j.status];
  const isSpan = current.fromYear < current.year;
  const subjectJa = isSpan
    ? `${yearRangeJa(current.fromYear, current.year, kind)}の実績（年平均${w.ja(current.value)}）は`
    : `${w.yearJa(current.year)}の${annual}実績${w.ja(current.value)}は`;
  const subjectEn = isSpan
    ? `The ${yearRangeEn(current.fromYear, current.year, kind)} actual (${w.en(current.value)} a year)`
    : `The ${w.yearEn(current.year)} ${annualEn}actual of ${w.en(current.value)}`;
  const baseJa = spanJa(base, w, kind);
  const baseEn = spanEn(base, w, kind);
  let targetJa = '';
  let targetEn = '';
  if (d.target !== null && d.targetYear !== null) {
    const factorJa = d.factor === null ? '' : `（${baseJa}の${formatNumber(d.factor)}倍）`;
    const factorEn = d.factor === null ? '' : ` (${formatNumber(d.factor)} × ${baseEn})`;
    const from = d.targetFromYear ?? d.targetYear;
    const averageJa =
      from < d.targetYear ? `${yearRangeJa(from, d.targetYear, kind)}平均の` : `${w.yearJa(d.targetYear)}の`;
    const averageEn =
      from < d.targetYear ? `${yearRangeEn(from, d.targetYear, kind)} average` : w.yearEn(d.targetYear);
    targetJa = `${averageJa}目標${w.ja(d.target)}${factorJa}`;
    targetEn = `the ${averageEn} target of ${w.en(d.target)}${factorEn}`;
  }
  if (j.reason === 'target_achieved') {
    return {
      ja: `${subjectJa}、${targetJa}に達しており${phraseJa}`,
      en: `${subjectEn} has reached ${targetEn}: ${phraseEn}.`,
    };
  }
  if (j.reason === 'growth_without_target' && d.observedGrowth !== null) {
    const rate = formatSignedPercent(d.observedGrowth);
    return {
      ja: `${subjectJa}、${baseJa}から年率${rate}の変化で${phraseJa}`,
      en: `${subjectEn} has changed by ${rate} a year since ${baseEn}: ${phraseEn}.`,
    };
  }
  if (j.reason === 'growth_against_target' && j.progressValue !== null) {
    const ratio = formatPercent(j.progressValue);
    const fromJa = `${baseJa}から${targetJa}に至る`;
    const fromEn = `on the path from ${baseEn} to ${targetEn}`;
    if (j.expectedValue !== null) {
      return {
        ja: `${subjectJa}、${fromJa}経路上の期待値${compareJa(current.value, w.ja(j.expectedValue), j.expectedValue)}おり（必要な伸びに対する実績の伸びの比${ratio}）${phraseJa}`,
        en: `${subjectEn} is ${compareEn(current.value, j.expectedValue)} the expected ${w.en(j.expectedValue)} ${fromEn} (observed growth ${ratio} of the growth needed): ${phraseEn}.`,
      };
    }
    return {
      ja: `${subjectJa}、${fromJa}ために必要な伸びに対する実績の伸びの比が${ratio}で${phraseJa}`,
      en: `${subjectEn} shows ${ratio} of the growth needed ${fromEn}: ${phraseEn}.`,
    };
  }
  return null;
}

function explainCumulative(j: ShapeJudgement, d: Detail<'cumulative'>, w: Words): StatusSentence | null {
  if (d.latestYear === null || d.total === null || d.share === null) return null;
  const kind = j.yearKind;
  const rangeJa = yearRangeJa(d.fromYear, d.toYear, kind);
  const rangeEn = yearRangeEn(d.fromYear, d.toYear, kind);
  const subjectJa = `${w.yearJa(d.latestYear)}までの累計${w.ja(d.total)}は、${rangeJa}累積${w.ja(d.target)}`;
  const subjectEn = `The running total of ${w.en(d.total)} through ${w.yearEn(d.latestYear)}`;
  const phraseJa = STATUS_PHRASE_JA[j.status];
  const phraseEn = STATUS_PHRASE_EN[j.status];
  if (j.reason === 'target_achieved') {
    return {
      ja: `${subjectJa}に達しており${phraseJa}`,
      en: `${subjectEn} has reached the cumulative target of ${w.en(d.target)} for ${rangeEn}: ${phraseEn}.`,
    };
  }
  const unitYear = kind === 'fiscal' ? '年度' : '年';
  const unitYearEn = kind === 'fiscal' ? 'fiscal years' : 'years';
  const shareJa = `按分値${w.ja(d.share)}（${d.rangeYears}${unitYear}中${d.elapsedYears}${unitYear}経過）`;
  return {
    ja: `${subjectJa}に対する${compareJa(d.total, shareJa, d.share)}おり${phraseJa}`,
    en: `${subjectEn} is ${compareEn(d.total, d.share)} the pro-rata share of ${w.en(d.share)} (${d.elapsedYears} of ${d.rangeYears} ${unitYearEn} elapsed) of the cumulative target of ${w.en(d.target)} for ${rangeEn}: ${phraseEn}.`,
  };
}

function explainLevel(
  j: ShapeJudgement,
  d: Detail<'level'>,
  w: Words,
  context: ExplainContext,
): StatusSentence | null {
  if (d.current === null) return null;
  const kind = j.yearKind;
  const isIncrease = context.direction === 'increase';
  const barJa = `${yearRangeJa(d.barFromYear, d.barYear, kind)}平均${w.ja(d.bar)}`;
  const barEn = `the ${yearRangeEn(d.barFromYear, d.barYear, kind)} average of ${w.en(d.bar)}`;
  const isSpan = d.current.fromYear < d.current.year;
  const subjectJa = isSpan
    ? `${yearRangeJa(d.current.fromYear, d.current.year, kind)}の実績（年平均${w.ja(d.current.value)}）は、${barJa}`
    : `${w.yearJa(d.current.year)}の実績${w.ja(d.current.value)}は、${barJa}`;
  const subjectEn = isSpan
    ? `The ${yearRangeEn(d.current.fromYear, d.current.year, kind)} actual (${w.en(d.current.value)} a year)`
    : `The ${w.yearEn(d.current.year)} actual of ${w.en(d.current.value)}`;
  if (j.reason === 'level_kept') {
    return {
      ja: `${subjectJa}${isIncrease ? '以上' : '以下'}を維持しており${STATUS_PHRASE_JA[j.status]}`,
      en: `${subjectEn} keeps ${isIncrease ? 'at or above' : 'at or below'} ${barEn}: ${STATUS_PHRASE_EN[j.status]}.`,
    };
  }
  if (d.observedGrowth === null) return null;
  const rate = formatSignedPercent(d.observedGrowth);
  return {
    ja: `${subjectJa}を${isIncrease ? '下回って' : '上回って'}おり（年率${rate}）${STATUS_PHRASE_JA[j.status]}`,
    en: `${subjectEn} is ${isIncrease ? 'below' : 'above'} ${barEn} (${rate} a year): ${STATUS_PHRASE_EN[j.status]}.`,
  };
}

function explainPace(
  j: ShapeJudgement,
  d: Detail<'pace'>,
  w: Words,
  context: ExplainContext,
): StatusSentence | null {
  if (d.current === null || d.base === null) return null;
  const isRank = context.shape === 'rank';
  const nounJa = isRank ? '順位' : '基準未達の数';
  const nounEn = isRank ? 'rank' : 'number of units below the bar';
  const limitJa = isRank ? '以内' : '以下';
  const subjectJa = `${w.yearJa(d.current.year)}の${nounJa}${w.ja(d.current.value)}は`;
  const subjectEn = `The ${w.yearEn(d.current.year)} ${nounEn} of ${w.en(d.current.value)}`;
  const targetJa = `${d.targetYear === null ? '' : `${w.yearJa(d.targetYear)}に`}${w.ja(d.target)}${limitJa}とする目標`;
  const targetEn = `the target of ${w.en(d.target)} or better${d.targetYear === null ? '' : ` by ${w.yearEn(d.targetYear)}`}`;
  if (j.reason === 'target_achieved') {
    return {
      ja: `${subjectJa}、${targetJa}に達しており${STATUS_PHRASE_JA[j.status]}`,
      en: `${subjectEn} meets ${targetEn}: ${STATUS_PHRASE_EN[j.status]}.`,
    };
  }
  if (j.expectedValue === null || j.progressValue === null) return null;
  const ratio = formatPercent(j.progressValue);
  return {
    ja: `${subjectJa}、${w.yearJa(d.base.year)}の${w.ja(d.base.value)}から${targetJa}への直線経路上の期待値${compareJa(d.current.value, w.ja(j.expectedValue), j.expectedValue)}おり（必要な改善ペースに対する実績の比${ratio}）${STATUS_PHRASE_JA[j.status]}`,
    en: `${subjectEn} is ${compareEn(d.current.value, j.expectedValue)} the expected ${w.en(j.expectedValue)} on the straight path from ${w.en(d.base.value)} in ${w.yearEn(d.base.year)} to ${targetEn} (${ratio} of the pace needed): ${STATUS_PHRASE_EN[j.status]}.`,
  };
}

/** One sentence each in Japanese and English saying what the status is and why, with the numbers used. */
export function explainJudgement(judgement: ShapeJudgement, context: ExplainContext): StatusSentence {
  const words = wordsFor(context.unit, judgement.yearKind, context.shape);
  const { detail } = judgement;
  let sentence: StatusSentence | null = null;
  if (judgement.status !== 'no_data') {
    switch (detail.kind) {
      case 'growth':
        sentence = explainGrowth(judgement, detail, words, context);
        break;
      case 'cumulative':
        sentence = explainCumulative(judgement, detail, words);
        break;
      case 'level':
        sentence = explainLevel(judgement, detail, words, context);
        break;
      case 'pace':
        sentence = explainPace(judgement, detail, words, context);
        break;
      case 'none':
        break;
    }
  }
  return sentence ?? explainNoData(judgement, context);
}
