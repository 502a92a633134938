import { useI18n } from '../../i18n/useI18n';
import { useSession } from '../auth/useSession';

/**
 * Says why a signed-in user can neither see nor save a round's parts: no role grant of theirs is in force today
 * (their 担当 ended, say at the April handover, or has not begun). Nothing for anyone else.
 */
export function NoGrantNotice() {
  const { t } = useI18n();
  const { status, user } = useSession();
  if (status === 'loading' || user === null || user.role !== null) return null;
  return (
    <p className="notice notice--error" data-no-grant="true">
      {t('round.noGrant')}
    </p>
  );
}
