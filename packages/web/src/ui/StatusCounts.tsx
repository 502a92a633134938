import type { StatusSummary } from '../api/types';
import { useI18n } from '../i18n/useI18n';
import { formatNumber } from '../lib/format';
import { progressStatusKey } from './progress-status';
import { PROGRESS_STATUS_SYMBOL, PROGRESS_STATUSES } from '@kotei/domain/status';

/**
 * How many KPIs are in each status: a stacked bar for the eye (hidden from screen readers) and a list of
 * shape, word and count that says the same in text.
 */
export function StatusCounts({ summary, label }: { summary: StatusSummary; label: string }) {
  const { t } = useI18n();
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
