import { useId, useState } from 'react';
import { api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { statusMethodKey } from '../../ui/StatusMethod';
import { STATUS_METHODS, type StatusMethod } from '@kotei/domain/status';

/**
 * A plan's status method, chosen by a coordinator (#16): the server checks the permission again and records the
 * change in the audit trail; the page reloads to show the plan in its new vocabulary.
 */
export function StatusMethodSettings({
  slug,
  method,
  onSaved,
}: {
  slug: string;
  method: StatusMethod;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const { user } = useSession();
  const headingId = useId();
  const [chosen, setChosen] = useState<StatusMethod>(method);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  // The same people who may import a plan may edit it: coordinators and admins.
  if (!canImport(user)) return null;
  return (
    <section aria-labelledby={headingId} className="dashboard-section status-method-settings">
      <h2 id={headingId}>{t('abnf.settings.title')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setState('saving');
          send(api.PATCH('/api/plans/{slug}', { params: { path: { slug } }, body: { statusMethod: chosen } }))
            .then(() => {
              setState('saved');
              onSaved();
            })
            .catch(() => {
              setState('error');
            });
        }}
      >
        <fieldset>
          <legend>{t('abnf.settings.lead')}</legend>
          {STATUS_METHODS.map((option) => (
            <p key={option}>
              <input
                type="radio"
                id={`status-method-${option}`}
                name="statusMethod"
                value={option}
                checked={chosen === option}
                onChange={() => {
                  setChosen(option);
                }}
              />{' '}
              <label htmlFor={`status-method-${option}`}>{t(statusMethodKey(option))}</label>
            </p>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={state === 'saving'}>
          {t('abnf.settings.save')}
        </button>
        <p role="status" aria-live="polite">
          {state === 'saved' && t('abnf.settings.saved')}
        </p>
        {state === 'error' && (
          <p role="alert" className="notice notice--error">
            {t('abnf.settings.error')}
          </p>
        )}
      </form>
    </section>
  );
}
