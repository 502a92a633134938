import { useI18n } from '../i18n/useI18n';
import { progressStatusKey } from './progress-status';
import { PROGRESS_STATUS_SYMBOL, type ProgressStatus } from '@kotei/domain/status';

/** A KPI's progress status in words with its shape (◎ ○ △ ▽ ✕ －), never colour alone. */
export function ProgressStatusBadge({ status }: { status: ProgressStatus }) {
  const { t } = useI18n();
  return (
    <span className={`progress-status progress-status--${status}`} data-status={status}>
      <span aria-hidden="true">{PROGRESS_STATUS_SYMBOL[status]} </span>
      {t(progressStatusKey(status))}
    </span>
  );
}
