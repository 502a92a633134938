import { useId, useState } from 'react';
import { api, send } from '../../api/client';
import type { SessionInfo } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { formatInstant } from '../../lib/instant-format';
import { ResourceView } from '../../ui/status';

/** The signed-in user's live sessions; any but this one can be ended, and the outcome is announced. */
export function SessionsSection() {
  const { t, lang } = useI18n();
  const headingId = useId();
  const { resource, reload } = useApi('/api/auth/sessions', (signal) =>
    send(api.GET('/api/auth/sessions', { signal })),
  );
  const [outcome, setOutcome] = useState<{ key: MessageKey; isError: boolean } | null>(null);
  const [endingId, setEndingId] = useState<string | null>(null);

  async function end(session: SessionInfo): Promise<void> {
    setEndingId(session.id);
    setOutcome(null);
    try {
      await send(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id: session.id } } }));
      setOutcome({ key: 'account.sessions.ended', isError: false });
      reload();
    } catch {
      setOutcome({ key: 'account.sessions.endFailed', isError: true });
    } finally {
      setEndingId(null);
    }
  }

  const browserOf = (session: SessionInfo): string => session.userAgent ?? t('account.sessions.unknown');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.sessions.title')}</h2>
      <div role="status" className={outcome ? `notice${outcome.isError ? ' notice--error' : ''}` : undefined}>
        {outcome && t(outcome.key)}
      </div>
      <ResourceView resource={resource} reload={reload}>
        {({ sessions }) => (
          <table className="account__sessions">
            <thead>
              <tr>
                <th scope="col">{t('account.sessions.browser')}</th>
                <th scope="col">{t('account.sessions.ip')}</th>
                <th scope="col">{t('account.sessions.created')}</th>
                <th scope="col">{t('account.sessions.lastSeen')}</th>
                <th scope="col">{t('account.sessions.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((session) => (
                <tr key={session.id}>
                  <td className="account__browser">{browserOf(session)}</td>
                  <td>{session.ip ?? t('account.sessions.unknown')}</td>
                  <td>{formatInstant(session.createdAt, lang)}</td>
                  <td>{formatInstant(session.lastSeenAt, lang)}</td>
                  <td>
                    {session.isCurrent ? (
                      <strong>{t('account.sessions.current')}</strong>
                    ) : (
                      <button
                        type="button"
                        className="button button--quiet"
                        disabled={endingId !== null}
                        aria-label={t('account.sessions.endLabel', {
                          browser: browserOf(session),
                          created: formatInstant(session.createdAt, lang),
                        })}
                        onClick={() => {
                          void end(session);
                        }}
                      >
                        {t('account.sessions.end')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ResourceView>
    </section>
  );
}
