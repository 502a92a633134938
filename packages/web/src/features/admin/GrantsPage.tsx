import { useId, useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { api, send } from '../../api/client';
import type { RoleGrant } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { Loading, ResourceView } from '../../ui/status';
import { useSession } from '../auth/useSession';

type Grant = RoleGrant;
type Role = Grant['role'];
const ROLES: readonly Role[] = ['admin', 'coordinator', 'ministry', 'expert', 'viewer'];

function GrantTable({ grants, today, onEnd }: { grants: Grant[]; today: string; onEnd: (g: Grant) => void }) {
  const { t } = useI18n();
  return (
    <table className="account__sessions">
      <thead>
        <tr>
          <th scope="col">{t('grants.login')}</th>
          <th scope="col">{t('grants.role')}</th>
          <th scope="col">{t('grants.ministry')}</th>
          <th scope="col">{t('grants.from')}</th>
          <th scope="col">{t('grants.to')}</th>
          <th scope="col">{t('grants.inForce')}</th>
          <th scope="col">{t('grants.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {grants.map((g) => (
          <tr key={g.id} data-grant-login={g.login}>
            <td>{g.displayName}</td>
            <td>{t(`grants.roleName.${g.role}`)}</td>
            <td>{g.ministry ?? '—'}</td>
            <td>{g.validFrom}</td>
            <td>{g.validTo ?? t('grants.open')}</td>
            <td>{g.inForce ? t('grants.yes') : t('grants.no')}</td>
            <td>
              {(g.validTo === null || g.validTo > today) && g.validFrom <= today && (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('grants.endLabel', { login: g.login, role: t(`grants.roleName.${g.role}`) })}
                  onClick={() => {
                    onEnd(g);
                  }}
                >
                  {t('grants.endToday')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** `/admin/grants`: the admin's list of role grants (担当（任期）), a form to add one, and ending one today. */
export default function GrantsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('grants.title'));
  const { status, user } = useSession();
  const ids = { login: useId(), role: useId(), ministry: useId(), from: useId(), to: useId() };
  const { resource, reload } = useApi('/api/admin/grants', (signal) =>
    send(api.GET('/api/admin/grants', { signal })),
  );
  const [form, setForm] = useState({ login: '', role: 'ministry' as Role, ministry: '', from: '', to: '' });
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);

  async function run(action: () => Promise<unknown>, done: string): Promise<void> {
    try {
      await action();
      setMessage({ text: done, isError: false });
      reload();
    } catch (error) {
      setMessage({ text: error instanceof Error ? error.message : t('grants.error'), isError: true });
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const body = {
      login: form.login.trim(),
      role: form.role,
      ministry: form.role === 'ministry' ? form.ministry.trim() : null,
      validFrom: form.from,
      validTo: form.to === '' ? null : form.to,
    };
    void run(() => send(api.POST('/api/admin/grants', { body })), t('grants.added'));
  }

  if (status === 'loading') return <Loading />;
  if (user?.role !== 'admin')
    return (
      <>
        <h1>{t('grants.title')}</h1>
        <p>{user ? t('grants.adminOnly') : <Link to="/signin">{t('grants.adminOnly')}</Link>}</p>
      </>
    );
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) => {
      setForm({ ...form, [key]: event.target.value });
    },
  });
  return (
    <div className="account">
      <h1>{t('grants.title')}</h1>
      <p>{t('grants.lead')}</p>
      <div
        role="status"
        className={message ? (message.isError ? 'notice notice--error' : 'notice') : undefined}
      >
        {message?.text}
      </div>
      <ResourceView resource={resource} reload={reload}>
        {(list) => (
          <GrantTable
            grants={list.grants}
            today={list.today}
            onEnd={(g) =>
              void run(
                () =>
                  send(
                    api.POST('/api/admin/grants/{id}/end', {
                      params: { path: { id: g.id } },
                      body: { lastDay: list.today },
                    }),
                  ),
                t('grants.ended'),
              )
            }
          />
        )}
      </ResourceView>
      <h2>{t('grants.add')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="form__field">
          <label htmlFor={ids.login}>{t('grants.login')}</label>
          <input id={ids.login} type="text" required maxLength={64} {...field('login')} />
        </div>
        <div className="form__field">
          <label htmlFor={ids.role}>{t('grants.role')}</label>
          <select id={ids.role} {...field('role')}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`grants.roleName.${role}`)}
              </option>
            ))}
          </select>
        </div>
        {form.role === 'ministry' && (
          <div className="form__field">
            <label htmlFor={ids.ministry}>{t('grants.ministry')}</label>
            <input id={ids.ministry} type="text" maxLength={20} {...field('ministry')} />
          </div>
        )}
        <div className="form__field">
          <label htmlFor={ids.from}>{t('grants.from')}</label>
          <input id={ids.from} type="date" required {...field('from')} />
        </div>
        <div className="form__field">
          <label htmlFor={ids.to}>{t('grants.to')}</label>
          <input id={ids.to} type="date" {...field('to')} />
        </div>
        <button type="submit" className="button button--primary">
          {t('grants.submit')}
        </button>
      </form>
    </div>
  );
}
