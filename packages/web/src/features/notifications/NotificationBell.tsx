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
      {/* Drawn, not an emoji: offices install no colour emoji font, and the glyph showed as a box. */}
      <svg className="notification-bell__icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">
        <path
          fill="currentColor"
          d="M8 1.5a4 4 0 0 0-4 4v2.6L2.6 10.5A.75.75 0 0 0 3.25 11.7h9.5a.75.75 0 0 0 .65-1.2L12 8.1V5.5a4 4 0 0 0-4-4ZM6.3 12.7a1.75 1.75 0 0 0 3.4 0Z"
        />
      </svg>{' '}
      {t('notification.bell')}
      {unread > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {unread}
        </span>
      )}
    </Link>
  );
}
