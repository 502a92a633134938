import type { AbnfJudgement, AbnfPoint } from './abnf.js';
import type { AbnfExplainContext } from './abnf-kpi.js';
import type { StatusSentence } from './explain.js';
import { dateJa, formatNumber, formatPercent, yearLabelEn, yearLabelJa } from './format.js';
import { isRateUnit } from './spans.js';

interface AbnfWords {
  ja(value: number): string;
  en(value: number): string;
  /** A point in Japanese: 2014年度の69.4兆円, or 2024年度までの累計22件 for a running total. */
  pointJa(point: AbnfPoint): string;
  pointEn(point: AbnfPoint): string;
}

function wordsFor(context: AbnfExplainContext): AbnfWords {
  const { unit, yearKind, shape, isRunningTotal } = context;
  // As the Open SDG sentences: a multiplier's 倍 names the target, and a share-meeting-bar KPI counts units.
  const isOtherUnit =
    (shape === 'multiplier' && unit === '倍') || (shape === 'share-meeting-bar' && isRateUnit(unit));
  const shown = isOtherUnit ? '' : unit;
  const ja = (value: number): string => `${formatNumber(value)}${shown}`;
  const en = (value: number): string => formatNumber(value);
  return {
    ja,
    en,
    pointJa: (p) =>
      isRunningTotal
        ? `${yearLabelJa(p.year, yearKind)}までの累計${ja(p.value)}`
        : `${yearLabelJa(p.year, yearKind)}の${ja(p.value)}`,
    pointEn: (p) =>
      isRunningTotal
        ? `a running total of ${en(p.value)} through ${yearLabelEn(p.year, yearKind)}`
        : `${en(p.value)} in ${yearLabelEn(p.year, yearKind)}`,
  };
}

function initialJa(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): string {
  if (j.initial === null) return '';
  if (context.initialLabel !== undefined) return `${context.initialLabel}の${w.ja(j.initial.value)}`;
  if (context.isRunningTotal) return `${yearLabelJa(j.initial.year + 1, context.yearKind)}開始時の0`;
  return w.pointJa(j.initial);
}

function initialEn(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): string {
  if (j.initial === null) return '';
  if (context.initialLabel !== undefined) return `${w.en(j.initial.value)} (${context.initialLabel})`;
  if (context.isRunningTotal) return `0 at the start of ${yearLabelEn(j.initial.year + 1, context.yearKind)}`;
  return w.pointEn(j.initial);
}

function targetJa(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): string {
  if (j.target === null) return '';
  const year = yearLabelJa(j.target.year, context.yearKind);
  return context.isRunningTotal
    ? `${year}までの累計${w.ja(j.target.value)}`
    : `${year}の${w.ja(j.target.value)}`;
}

function targetEn(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): string {
  if (j.target === null) return '';
  const year = yearLabelEn(j.target.year, context.yearKind);
  return context.isRunningTotal
    ? `a running total of ${w.en(j.target.value)} through ${year}`
    : `${w.en(j.target.value)} in ${year}`;
}

// 「3年中2年」, or the whole period once the target year has passed.
function periodJa(j: AbnfJudgement): string {
  const { elapsedYears, targetYears } = j;
  if (elapsedYears === null || targetYears === null) return '';
  if (elapsedYears >= targetYears) return `目標期間${Math.max(targetYears, 0)}年をすべて経過`;
  return `${targetYears}年中${elapsedYears}年`;
}

function periodEn(j: AbnfJudgement): string {
  const { elapsedYears, targetYears } = j;
  if (elapsedYears === null || targetYears === null) return '';
  if (elapsedYears >= targetYears)
    return `all ${Math.max(targetYears, 0)} years of the target period have passed`;
  return `${elapsedYears} of ${targetYears} years`;
}

function percent(value: number | null): string {
  return value === null ? '—' : formatPercent(value);
}

function paceSentence(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): StatusSentence {
  const isA = j.grade === 'A';
  const needed = j.neededNow === null ? '' : w.ja(j.neededNow);
  const neededEn = j.neededNow === null ? '' : w.en(j.neededNow);
  const current = j.current as AbnfPoint;
  if (context.isRunningTotal && j.direction === 'decrease') {
    return {
      ja: `${w.pointJa(current)}は、上限${targetJa(j, w, context)}の按分値${needed}（${periodJa(j)}）${isA ? '以内' : 'を超えている'}ため${j.grade}です`,
      en: `${capitalise(w.pointEn(current))} is ${isA ? 'within' : 'above'} the pro-rata share ${neededEn} of the cap, ${targetEn(j, w, context)} (${periodEn(j)}), so ${j.grade}.`,
    };
  }
  return {
    ja:
      `進捗率${percent(j.progress)}（初期値${initialJa(j, w, context)}→現在${w.pointJa(current)}、目標${targetJa(j, w, context)}）は` +
      `経過期間の割合${percent(j.elapsed)}（${periodJa(j)}）${isA ? '以上' : '未満'}のため${j.grade}です。現時点で必要な値は${needed}です`,
    en:
      `Progress ${percent(j.progress)} (initial ${initialEn(j, w, context)} → current ${w.pointEn(current)}, target ` +
      `${targetEn(j, w, context)}) is ${isA ? 'at least' : 'below'} the elapsed share of the target period, ` +
      `${percent(j.elapsed)} (${periodEn(j)}), so ${j.grade}. The value needed now is ${neededEn}.`,
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function metSentence(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): StatusSentence {
  const current = j.current as AbnfPoint;
  const partsJa = [`初期値${initialJa(j, w, context)}`];
  const partsEn = [`initial ${initialEn(j, w, context)}`];
  if (j.progress !== null) {
    partsJa.push(`進捗率${percent(j.progress)}`);
    partsEn.push(`progress ${percent(j.progress)}`);
  }
  if (j.elapsed !== null) {
    partsJa.push(`経過期間の割合${percent(j.elapsed)}（${periodJa(j)}）`);
    partsEn.push(`elapsed share ${percent(j.elapsed)} (${periodEn(j)})`);
  }
  if (j.neededNow !== null) {
    partsJa.push(`現時点で必要な値${w.ja(j.neededNow)}`);
    partsEn.push(`value needed now ${w.en(j.neededNow)}`);
  }
  if (j.grade === 'A') {
    return {
      ja: `現在値${w.pointJa(current)}は目標${targetJa(j, w, context)}に達しているためAです（${partsJa.join('、')}）`,
      en: `The current value, ${w.pointEn(current)}, has reached the target, ${targetEn(j, w, context)}, so A (${partsEn.join('; ')}).`,
    };
  }
  return {
    ja: `現在値${w.pointJa(current)}は、初期値より先にない目標${targetJa(j, w, context)}に達していないためBです（${partsJa.join('、')}）`,
    en: `The current value, ${w.pointEn(current)}, falls short of the target ${targetEn(j, w, context)}, which was not beyond the initial value, so B (${partsEn.join('; ')}).`,
  };
}

function directionSentence(j: AbnfJudgement, w: AbnfWords, context: AbnfExplainContext): StatusSentence {
  const isIncrease = j.direction === 'increase';
  const wordJa = isIncrease ? '増加' : '減少';
  const current = j.current as AbnfPoint;
  const head = `目標は方向のみ（${wordJa}）で、現在値${w.pointJa(current)}は初期値${initialJa(j, w, context)}から`;
  const headEn = `The target is a direction only (${isIncrease ? 'increase' : 'decrease'}); the current value, ${w.pointEn(current)},`;
  const from = `the initial value, ${initialEn(j, w, context)}`;
  if (j.grade === 'A') {
    return {
      ja: `${head}${wordJa}したためAです`,
      en: `${headEn} ${isIncrease ? 'rose' : 'fell'} from ${from}, so A.`,
    };
  }
  return {
    ja: `${head}${wordJa}していない（横ばいまたは逆方向）ためBです`,
    en: `${headEn} did not ${isIncrease ? 'rise' : 'fall'} from ${from} (unchanged or the other way), so B.`,
  };
}

/** The A/B/N/F grade explained in Japanese and English: the inputs, the periods counted and the value needed now. */
export function explainAbnf(j: AbnfJudgement, context: AbnfExplainContext): StatusSentence {
  const w = wordsFor(context);
  switch (j.reason) {
    case 'on_pace':
    case 'behind_pace':
      return paceSentence(j, w, context);
    case 'target_met':
    case 'below_target':
      return metSentence(j, w, context);
    case 'moved_toward':
    case 'not_moved_toward':
      return directionSentence(j, w, context);
    case 'no_quantitative_target':
      return { ja: '定量的な目標がないためFです', en: 'There is no quantitative target, so F.' };
    case 'no_initial':
      return {
        ja: '初期値（計画開始直前の値）がないため、現時点で区分困難（N）です',
        en: 'There is no initial value (the latest value before the plan started), so it cannot be graded yet: N.',
      };
    case 'invalid_input':
      return {
        ja: `入力を評価できない（${j.error ?? ''}）ためNです`,
        en: `The input cannot be graded (${j.error ?? ''}), so N.`,
      };
    case 'no_current': {
      const date = dateJa(context.asOfDate);
      if (j.initial === null) {
        return {
          ja: `${date}時点で評価に使える値がありません。今後データが得られるため、現時点で区分困難（N）です`,
          en: `As of ${context.asOfDate} there is no value to grade; data are still to come, so N.`,
        };
      }
      return {
        ja: `${date}時点で初期値${initialJa(j, w, context)}より後の値がありません。今後データが得られるため、現時点で区分困難（N）です`,
        en: `As of ${context.asOfDate} there is no value later than the initial value, ${initialEn(j, w, context)}; data are still to come, so N.`,
      };
    }
  }
}
