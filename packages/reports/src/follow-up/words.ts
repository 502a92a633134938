import type { AbnfGrade, EvaluationRating, PhaseStatus, ProgressStatus } from '@kotei/domain';
import { PHASE_STATUS_SYMBOL, PROGRESS_STATUS_SYMBOL } from '@kotei/domain';
import type { KpiPoint } from '@kotei/contracts';

/** The report's words for a KPI status, as the web app shows them. */
export const STATUS_LABEL_JA: Readonly<Record<ProgressStatus, string>> = {
  achieved: '目標達成',
  on_track: '順調',
  moderate: '進捗あり（加速が必要）',
  limited: '進捗僅少',
  deteriorating: '悪化',
  no_data: '評価不能',
};

/** The report's words for an A/B/N/F grade (#16), for a plan judged by that method. */
export const GRADE_LABEL_JA: Readonly<Record<AbnfGrade, string>> = {
  A: 'A（目標達成に必要な進度以上）',
  B: 'B（必要な進度に届かない）',
  N: 'N（現時点で区分困難）',
  F: 'F（定量的な目標なし）',
};

/** The report's words for a phase's state at the round's as-of date. */
export const PHASE_LABEL_JA: Readonly<Record<PhaseStatus, string>> = {
  not_started: '未着手',
  in_progress: '実施中',
  done: '完了',
  delayed: '遅延',
  under_revision: '見直し中',
  overdue: '期限超過',
  unreported: '未報告',
};

/** The report's words for an expert's rating. */
export const RATING_LABEL_JA: Readonly<Record<EvaluationRating, string>> = {
  good: '着実に進展',
  fair: '概ね進展',
  concern: '課題あり',
  serious: '重大な課題あり',
};

/** A status with its symbol, so that it never rests on colour alone: ○ 順調. */
export function statusText(status: ProgressStatus): string {
  return `${PROGRESS_STATUS_SYMBOL[status]} ${STATUS_LABEL_JA[status]}`;
}

/** A phase state with its symbol: ▶ 実施中. */
export function phaseStateText(status: PhaseStatus): string {
  return `${PHASE_STATUS_SYMBOL[status]} ${PHASE_LABEL_JA[status]}`;
}

/** A number as the documents write it: grouped, as precise as given (1,365, 0.5). */
export function formatNumber(value: number): string {
  return value.toLocaleString('ja-JP', { maximumFractionDigits: 6 });
}

/** A value with its unit: 70件, 14. */
export function formatValue(value: number | null, unit: string): string {
  return value === null ? '—' : `${formatNumber(value)}${unit}`;
}

/** A baseline or target as the seed writes it: 70件 (R10). */
export function formatPoint(point: KpiPoint | null, unit: string): string {
  if (!point) return '—';
  const period = point.period.label ? ` (${point.period.label})` : '';
  return `${formatValue(point.value, unit)}${period}`;
}

/** The as-of note of a round: ※2025年6月末時点 at a month's last day, else ※2025年6月15日時点. */
export function asOfNote(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d === lastDay ? `※${y}年${m}月末時点` : `※${y}年${m}月${d}日時点`;
}

/** Which revision (見直し) a report shows, when one was asked: 第1版（策定）の計画による. */
export function revisionNote(revision: { number: number; reason: string }): string {
  return `第${revision.number}版（${revision.reason}）の計画による`;
}

/** A ministry tag as the documents write it: 【厚】. */
export function ministryTag(code: string | null): string {
  return code ? `【${code}】` : '';
}
