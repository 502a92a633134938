import { useId, useState, type SubmitEvent } from 'react';
import { api, send } from '../../api/client';
import type { WebhookConfigAnswer, WebhookDelivery } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useSession } from '../auth/useSession';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { formatInstant } from '../../lib/instant-format';
import { ResourceView } from '../../ui/status';
import './notifications.css';

type Outcome = { key: MessageKey; isError: boolean } | null;

function WebhookForm({
  answer,
  onSaved,
}: {
  answer: WebhookConfigAnswer;
  onSaved: (outcome: Outcome) => void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const urlId = useId();
  const secretId = useId();
  const hintId = useId();
  const current = answer.webhook;
  const [url, setUrl] = useState(current?.url ?? '');
  const [secret, setSecret] = useState('');
  const [enabled, setEnabled] = useState(current?.enabled ?? true);

  async function save(): Promise<void> {
    try {
      await send(
        api.PUT('/api/admin/webhook', {
          body: { url: url.trim(), enabled, ...(secret === '' ? {} : { secret }) },
        }),
      );
      setSecret('');
      onSaved({ key: 'webhook.saved', isError: false });
    } catch {
      onSaved({ key: 'webhook.error', isError: true });
    }
  }
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('webhook.settings')}</h2>
      <p>{t('webhook.lead')}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <div className="form__field">
          <label htmlFor={urlId}>{t('webhook.url')}</label>
          <input
            id={urlId}
            type="url"
            value={url}
            autoComplete="off"
            onChange={(event) => {
              setUrl(event.target.value);
            }}
          />
        </div>
        <div className="form__field">
          <label htmlFor={secretId}>{t('webhook.secret')}</label>
          <input
            id={secretId}
            type="password"
            value={secret}
            autoComplete="new-password"
            aria-describedby={current ? hintId : undefined}
            onChange={(event) => {
              setSecret(event.target.value);
            }}
          />
          {current && <p id={hintId}>{t('webhook.secretKept', { hint: current.secretHint })}</p>}
        </div>
        <label>
          <input
            type="checkbox"
            checked={enabled}
            onChange={(event) => {
              setEnabled(event.target.checked);
            }}
          />{' '}
          {t('webhook.enabled')}
        </label>
        <p>
          <button type="submit" className="button button--primary">
            {t('webhook.save')}
          </button>
        </p>
      </form>
    </section>
  );
}

function DeliveryRow({ delivery, onRetry }: { delivery: WebhookDelivery; onRetry: (id: string) => void }) {
  const { t, lang } = useI18n();
  const last = delivery.attempts.at(-1);
  return (
    <tr data-state={delivery.state} data-delivery-id={delivery.id}>
      <th scope="row">{t(`webhook.event.${delivery.event}`)}</th>
      <td>{formatInstant(delivery.createdAt, lang)}</td>
      <td>{t(`webhook.state.${delivery.state}`)}</td>
      <td>
        {delivery.attempts.length}
        {last && ` (${last.statusCode ?? '—'}, ${last.durationMs} ms)`}
      </td>
      <td>{delivery.lastError ?? t('common.noValue')}</td>
      <td>{delivery.nextAttemptAt ? formatInstant(delivery.nextAttemptAt, lang) : t('common.noValue')}</td>
      <td>
        {(delivery.state === 'pending' || delivery.state === 'failed') && (
          <button
            type="button"
            className="button button--quiet"
            aria-label={t('webhook.retryLabel', { id: delivery.id })}
            onClick={() => {
              onRetry(delivery.id);
            }}
          >
            {t('webhook.retry')}
          </button>
        )}
      </td>
    </tr>
  );
}

function Deliveries() {
  const { t } = useI18n();
  const headingId = useId();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const { resource, reload } = useApi('webhook:deliveries', (signal) =>
    send(api.GET('/api/admin/webhook/deliveries', { signal })),
  );
  async function retry(id: string): Promise<void> {
    try {
      await send(api.POST('/api/admin/webhook/deliveries/{id}/retry', { params: { path: { id } } }));
      setNotice('webhook.retried');
    } catch {
      setNotice('round.error.generic');
    }
    reload();
  }
  return (
    <section aria-labelledby={headingId} className="round-section">
      <h2 id={headingId}>{t('webhook.deliveries')}</h2>
      <div role="status">{notice && <p className="notice">{t(notice)}</p>}</div>
      <ResourceView resource={resource} reload={reload}>
        {({ deliveries }) =>
          deliveries.length === 0 ? (
            <p>{t('webhook.noDeliveries')}</p>
          ) : (
            <div className="round-table-wrap" role="region" aria-labelledby={headingId} tabIndex={0}>
              <table className="data-table webhook-table">
                <thead>
                  <tr>
                    <th scope="col">{t('webhook.event')}</th>
                    <th scope="col">{t('webhook.createdAt')}</th>
                    <th scope="col">{t('webhook.state')}</th>
                    <th scope="col">{t('webhook.attempts')}</th>
                    <th scope="col">{t('webhook.lastError')}</th>
                    <th scope="col">{t('webhook.nextAttempt')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('webhook.retry')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {deliveries.map((delivery) => (
                    <DeliveryRow
                      key={delivery.id}
                      delivery={delivery}
                      onRetry={(id) => {
                        void retry(id);
                      }}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </ResourceView>
    </section>
  );
}

function AdminWebhook() {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { resource, reload } = useApi('webhook:config', (signal) =>
    send(api.GET('/api/admin/webhook', { signal })),
  );
  return (
    <>
      <div role="status">
        {outcome && <p className={outcome.isError ? 'notice notice--error' : 'notice'}>{t(outcome.key)}</p>}
      </div>
      <ResourceView resource={resource} reload={reload}>
        {(answer) => (
          <WebhookForm
            answer={answer}
            onSaved={(next) => {
              setOutcome(next);
              if (next?.isError === false) reload();
            }}
          />
        )}
      </ResourceView>
      <Deliveries />
    </>
  );
}

/** /admin/webhook: the admin sets the outgoing webhook and watches its deliveries, retrying one now. */
export default function WebhookPage() {
  const { t } = useI18n();
  const { status, user } = useSession();
  useDocumentTitle(t('webhook.title'));
  return (
    <div className="notifications">
      <h1>{t('webhook.title')}</h1>
      {status === 'loading' ? null : user?.role === 'admin' ? (
        <AdminWebhook />
      ) : (
        <p>{t('webhook.adminOnly')}</p>
      )}
    </div>
  );
}
