import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';

/** Said on `window` when notices were marked read, so the header's count follows at once. */
export const NOTIFICATIONS_CHANGED = 'kotei:notifications-changed';

/** The header's link to my notifications, with the unread count; read again on each page change and marking. */
export function NotificationBell() {
  const { t } = useI18n();
  const location = useLocation();
  const { resource, reload } = useApi(`notifications:${location.pathname}`, (signal) =>
    send(api.GET('/api/notifications', { signal })),
  );
  useEffect(() => {
    window.addEventListener(NOTIFICATIONS_CHANGED, reload);
    return () => {
      window.removeEventListener(NOTIFICATIONS_CHANGED, reload);
    };
  }, [reload]);
  const unread = resource.status === 'success' ? resource.data.unread : 0;
  return (
    <Link
      className="button button--quiet notification-bell"
      to="/notifications"
      aria-label={unread > 0 ? t('notification.bellUnread', { count: unread }) : t('notification.bell')}
    >
      <span aria-hidden="true">🔔 </span>
      {t('notification.bell')}
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
