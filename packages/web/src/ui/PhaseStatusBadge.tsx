import { useI18n } from '../i18n/useI18n';
import { phaseStatusKey } from './phase-status';
import { PHASE_STATUS_SYMBOL, type PhaseStatus } from '@kotei/domain/status';

/** A phase's status in words with its symbol and border style (期限超過 in a thick frame), never colour alone. */
export function PhaseStatusBadge({ status }: { status: PhaseStatus }) {
  const { t } = useI18n();
  return (
    <span className={`phase-status phase-status--${status}`} data-status={status}>
      <span aria-hidden="true">{PHASE_STATUS_SYMBOL[status]} </span>
      {t(phaseStatusKey(status))}
    </span>
  );
}
