import { useId, useState, type SubmitEvent } from 'react';
import { api, send } from '../../api/client';
import type { ApiTokenInfo } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { formatInstant } from '../../lib/instant-format';
import { ResourceView } from '../../ui/status';

type Scope = ApiTokenInfo['scope'];
const SCOPES: readonly Scope[] = ['read', 'write'];
const SCOPE_LABEL: Record<Scope, MessageKey> = {
  read: 'account.tokens.scope.read',
  write: 'account.tokens.scope.write',
};

function TokenTable({
  tokens,
  isBusy,
  onRevoke,
}: {
  tokens: readonly ApiTokenInfo[];
  isBusy: boolean;
  onRevoke: (token: ApiTokenInfo) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <table className="account__sessions">
      <thead>
        <tr>
          <th scope="col">{t('account.tokens.name')}</th>
          <th scope="col">{t('account.tokens.scope')}</th>
          <th scope="col">{t('account.tokens.created')}</th>
          <th scope="col">{t('account.tokens.lastUsed')}</th>
          <th scope="col">{t('account.tokens.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id}>
            <td className="account__browser">{token.name}</td>
            <td>{t(SCOPE_LABEL[token.scope])}</td>
            <td>{formatInstant(token.createdAt, lang)}</td>
            <td>{token.lastUsedAt ? formatInstant(token.lastUsedAt, lang) : t('account.tokens.never')}</td>
            <td>
              <button
                type="button"
                className="button button--quiet"
                disabled={isBusy}
                aria-label={t('account.tokens.revokeLabel', { name: token.name })}
                onClick={() => {
                  onRevoke(token);
                }}
              >
                {t('account.tokens.revoke')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ScopeChoice({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="form__field">
      <legend>{t('account.tokens.scope')}</legend>
      {SCOPES.map((value) => (
        <label key={value} className="account__choice">
          <input
            type="radio"
            name="token-scope"
            value={value}
            checked={scope === value}
            onChange={() => {
              onChange(value);
            }}
          />{' '}
          {t(SCOPE_LABEL[value])}
        </label>
      ))}
    </fieldset>
  );
}

/** The user's API tokens: made here (the secret shown once), listed without secrets, revoked. */
export function TokensSection() {
  const { t } = useI18n();
  const headingId = useId();
  const nameId = useId();
  const errorId = useId();
  const secretId = useId();
  const { resource, reload } = useApi('/api/auth/tokens', (signal) =>
    send(api.GET('/api/auth/tokens', { signal })),
  );
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('read');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [error, setError] = useState<{ key: MessageKey; isName: boolean } | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  async function create(): Promise<void> {
    setNotice(null);
    if (name.trim() === '') {
      setError({ key: 'account.tokens.error.name', isName: true });
      return;
    }
    setError(null);
    setIsBusy(true);
    try {
      const answer = await send(api.POST('/api/auth/tokens', { body: { name: name.trim(), scope } }));
      setCreated({ name: answer.token.name, secret: answer.secret });
      setName('');
      reload();
    } catch {
      setError({ key: 'account.tokens.error.generic', isName: false });
    } finally {
      setIsBusy(false);
    }
  }

  async function revoke(token: ApiTokenInfo): Promise<void> {
    setNotice(null);
    setError(null);
    setIsBusy(true);
    try {
      await send(api.DELETE('/api/auth/tokens/{id}', { params: { path: { id: token.id } } }));
      setNotice('account.tokens.revoked');
      reload();
    } catch {
      setError({ key: 'account.tokens.error.generic', isName: false });
    } finally {
      setIsBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void create();
  }

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.tokens.title')}</h2>
      <p>{t('account.tokens.lead')}</p>
      <div id={errorId} role="alert" className={error ? 'notice notice--error' : undefined}>
        {error && t(error.key)}
      </div>
      <div role="status" className={notice || created ? 'notice' : undefined}>
        {notice && t(notice)}
        {created && (
          <>
            <p>{t('account.tokens.secret', { name: created.name })}</p>
            <label htmlFor={secretId}>{t('account.tokens.secretLabel')}</label>
            <input id={secretId} className="account__secret" type="text" readOnly value={created.secret} />
          </>
        )}
      </div>
      <ResourceView resource={resource} reload={reload}>
        {({ tokens }) =>
          tokens.length === 0 ? (
            <p>{t('account.tokens.none')}</p>
          ) : (
            <TokenTable tokens={tokens} isBusy={isBusy} onRevoke={(token) => void revoke(token)} />
          )
        }
      </ResourceView>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form__field">
          <label htmlFor={nameId}>{t('account.tokens.name')}</label>
          <input
            id={nameId}
            type="text"
            maxLength={100}
            required
            aria-invalid={error?.isName ? true : undefined}
            aria-describedby={error?.isName ? errorId : undefined}
            value={name}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </div>
        <ScopeChoice scope={scope} onChange={setScope} />
        <button type="submit" className="button button--primary" disabled={isBusy}>
          {isBusy ? t('account.tokens.creating') : t('account.tokens.create')}
        </button>
      </form>
    </section>
  );
}
