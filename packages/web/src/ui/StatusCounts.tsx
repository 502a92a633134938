import type { StatusSummary } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { formatNumber } from '../lib/format';
import { progressStatusKey } from './progress-status';
import {
  ABNF_GRADES,
  PROGRESS_STATUS_SYMBOL,
  PROGRESS_STATUSES,
  type StatusMethod,
} from '@kotei/domain/status';
import { gradeKey } from './StatusMethod';

/**
 * How many KPIs are in each status: a stacked bar for the eye (hidden from screen readers) and a list of
 * shape, word and count that says the same in text.
 */
export function StatusCounts({
  summary,
  label,
  method = 'open-sdg',
}: {
  summary: StatusSummary;
  label: string;
  method?: StatusMethod;
}) {
  const { t } = useI18n();
  if (method === 'abnf') return <GradeCounts summary={summary} label={label} />;
  return (
    <div className="status-counts">
      {summary.total > 0 && (
        <div className="status-bar" aria-hidden="true">
          {PROGRESS_STATUSES.map((status) => {
            const count = summary.counts[status];
            if (count === 0) return null;
            return (
              <span
                key={status}
                className={`status-bar__segment progress-status--${status}`}
                style={{ flexGrow: count }}
              >
                {PROGRESS_STATUS_SYMBOL[status]}
              </span>
            );
          })}
        </div>
      )}
      <ul className="status-counts__list" aria-label={label}>
        {PROGRESS_STATUSES.map((status) => (
          <li key={status} data-status={status}>
            <span aria-hidden="true" className="status-counts__symbol">
              {PROGRESS_STATUS_SYMBOL[status]}
            </span>{' '}
            {t(progressStatusKey(status))}{' '}
            <strong>{t('common.count', { count: formatNumber(summary.counts[status] ?? 0) })}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** How many KPIs have each A/B/N/F grade (A n件 / B n件 / N n件 / F n件): a bar for the eye and the same in text. */
function GradeCounts({ summary, label }: { summary: StatusSummary; label: string }) {
  const { t } = useI18n();
  return (
    <div className="status-counts">
      {summary.total > 0 && (
        <div className="status-bar" aria-hidden="true">
          {ABNF_GRADES.map((grade) => {
            const count = summary.grades[grade] ?? 0;
            if (count === 0) return null;
            return (
              <span
                key={grade}
                className={`status-bar__segment abnf-grade--${grade}`}
                style={{ flexGrow: count }}
              >
                {grade}
              </span>
            );
          })}
        </div>
      )}
      <ul className="status-counts__list" aria-label={label}>
        {ABNF_GRADES.map((grade) => (
          <li key={grade} data-grade={grade}>
            {t(gradeKey(grade))}{' '}
            <strong>{t('common.count', { count: formatNumber(summary.grades[grade] ?? 0) })}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
