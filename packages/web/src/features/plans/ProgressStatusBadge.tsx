import { useI18n } from '../../i18n/useI18n';
import { PROGRESS_STATUS_KEY, PROGRESS_STATUS_SYMBOL, type ProgressStatus } from './progress-status';

/** A KPI's progress status in words with its shape (◎ ○ △ ▽ ✕ －), never colour alone. */
export function ProgressStatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return (
    <span className={`progress-status progress-status--${status}`} data-status={status}>
      <span aria-hidden="true">{PROGRESS_STATUS_SYMBOL[status]} </span>
      {t(PROGRESS_STATUS_KEY[status])}
    </span>
  );
}
