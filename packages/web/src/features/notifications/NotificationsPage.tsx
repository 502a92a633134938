import { useState } from 'react';
import { Link } from 'react-router';
import { api, send } from '../../api/client';
import type { Notification, NotificationList } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useSession } from '../auth/useSession';
import { useI18n } from '../../i18n/useI18n';
import { formatInstant } from '../../lib/instant-format';
import { ResourceView } from '../../ui/status';
import { NOTIFICATIONS_CHANGED } from './NotificationBell';
import { notificationLink, notificationMessage } from './notification-text';
import './notifications.css';

function NoticeItem({
  notice,
  isBusy,
  onRead,
}: {
  notice: Notification;
  isBusy: boolean;
  onRead: (id: string) => void;
}) {
  const { t, lang } = useI18n();
  const { key, params } = notificationMessage(notice);
  const text = t(key, params);
  const to = notificationLink(notice);
  const isUnread = notice.readAt === null;
  return (
    <li className={isUnread ? 'notice-item notice-item--unread' : 'notice-item'} data-kind={notice.kind}>
      {isUnread && <span className="notice-item__badge">{t('notification.unread')}</span>}
      <p className="notice-item__text">{to === null ? text : <Link to={to}>{text}</Link>}</p>
      {notice.reason !== null && (
        <p>
          {t(notice.kind === 'proposal.declined' ? 'notification.note' : 'notification.reason', {
            reason: notice.reason,
          })}
        </p>
      )}
      <p className="notice-item__meta">
        <time dateTime={notice.createdAt}>{formatInstant(notice.createdAt, lang)}</time>
        {isUnread && (
          <button
            type="button"
            className="button button--quiet"
            disabled={isBusy}
            aria-label={t('notification.markReadLabel', { text })}
            onClick={() => {
              onRead(notice.id);
            }}
          >
            {t('notification.markRead')}
          </button>
        )}
      </p>
    </li>
  );
}

function NoticeList({ list, reload }: { list: NotificationList; reload: () => void }) {
  const { t } = useI18n();
  const [isBusy, setIsBusy] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);
  async function markRead(ids?: string[]): Promise<void> {
    setIsBusy(true);
    setHasFailed(false);
    try {
      await send(api.POST('/api/notifications/read', { body: ids === undefined ? {} : { ids } }));
      window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
      reload();
    } catch {
      setHasFailed(true);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <>
      <p>{t('notification.unreadCount', { count: list.unread })}</p>
      <div role="alert">{hasFailed && <p className="notice notice--error">{t('notification.error')}</p>}</div>
      {list.unread > 0 && (
        <button
          type="button"
          className="button"
          disabled={isBusy}
          onClick={() => {
            void markRead();
          }}
        >
          {t('notification.markAllRead')}
        </button>
      )}
      {list.notifications.length === 0 ? (
        <p>{t('notification.empty')}</p>
      ) : (
        <ul className="notice-list">
          {list.notifications.map((notice) => (
            <NoticeItem
              key={notice.id}
              notice={notice}
              isBusy={isBusy}
              onRead={(id) => {
                void markRead([id]);
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function SignedInNotifications() {
  const { resource, reload } = useApi('notifications:page', (signal) =>
    send(api.GET('/api/notifications', { signal })),
  );
  return (
    <ResourceView resource={resource} reload={reload}>
      {(list) => <NoticeList list={list} reload={reload} />}
    </ResourceView>
  );
}

/** /notifications: my notices, newest first, each leading to its part or round; marked read one or all. */
export default function NotificationsPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  useDocumentTitle(t('notification.title'));
  return (
    <div className="notifications">
      <h1>{t('notification.title')}</h1>
      {status === 'loading' ? null : user ? <SignedInNotifications /> : <p>{t('notification.signIn')}</p>}
    </div>
  );
}
