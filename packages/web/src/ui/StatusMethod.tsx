import type { KpiStatus, StatusSummary } from '../api/types';
import type { MessageKey } from '../i18n/ja';
import { useI18n } from '../i18n/useI18n';
import { formatNumber } from '../lib/format';
import { ProgressStatusBadge } from './ProgressStatusBadge';
import { ABNF_GRADES, type AbnfGrade, type StatusMethod } from '@kotei/domain/status';

/** The catalogue key of an A/B/N/F grade's words. */
export function gradeKey(grade: AbnfGrade): MessageKey {
  return `abnf.grade.${grade}`;
}

/** The catalogue key of a status method's name. */
export function statusMethodKey(method: StatusMethod): MessageKey {
  return `abnf.method.${method}`;
}

/** A KPI's A/B/N/F grade: the letter and its words in a frame, never colour alone. */
export function GradeBadge({ grade }: { grade: AbnfGrade }) {
  const { t } = useI18n();
  return (
    <span className={`abnf-grade abnf-grade--${grade}`} data-grade={grade}>
      {t(gradeKey(grade))}
    </span>
  );
}

/** A KPI's status by a method: its A/B/N/F grade, or its Open SDG status. */
export function KpiStatusBadge({ status, method }: { status: KpiStatus; method: StatusMethod }) {
  return method === 'abnf' ? (
    <GradeBadge grade={status.abnf.grade} />
  ) : (
    <ProgressStatusBadge status={status.status} />
  );
}

/** Why a KPI has its status by a method, in the reader's language. */
export function kpiStatusSentence(status: KpiStatus, method: StatusMethod, lang: 'ja' | 'en'): string {
  const sentence = method === 'abnf' ? status.abnf.sentence : status.sentence;
  return lang === 'en' ? sentence.en : sentence.ja;
}

/** The grades of a group as text: A 2件 / B 0件 / N 20件 / F 6件. */
export function GradeCountsText({ summary }: { summary: StatusSummary }) {
  const { t } = useI18n();
  return (
    <span className="abnf-counts">
      {ABNF_GRADES.map((grade, i) => (
        <span key={grade} data-grade={grade}>
          {i > 0 && ' / '}
          {grade} {t('common.count', { count: formatNumber(summary.grades[grade] ?? 0) })}
        </span>
      ))}
    </span>
  );
}

/** A group's status by the plan's method: the rolled-up Open SDG status, or the A/B/N/F counts (grades are not averaged). */
export function SummaryStatus({ summary, method }: { summary: StatusSummary; method: StatusMethod }) {
  return method === 'abnf' ? (
    <GradeCountsText summary={summary} />
  ) : (
    <ProgressStatusBadge status={summary.status} />
  );
}
