import { useId, useState } from 'react';
import { ApiError, api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { CONTENT_LANG, circledNumber } from '../../lib/format';
import type { TargetTitles } from './EvaluationList';

function declareErrorKey(caught: unknown): MessageKey {
  const code = caught instanceof ApiError ? caught.code : '';
  if (code === 'evaluation_stands') return 'evaluation.coi.error.stands';
  if (code === 'conflict_declared') return 'evaluation.coi.error.declared';
  if (code === 'unauthenticated') return 'evaluation.error.signIn';
  return 'evaluation.error.generic';
}

/**
 * Conflicts of interest (利益相反), declared per plan and sheet: the coordinating office sees every declaration;
 * an expert sees their own and declares one (a declared sheet is theirs to rate in no round of the plan).
 */
export function ConflictsOfInterest({
  slug,
  titles,
  canDeclare,
}: {
  slug: string;
  titles: TargetTitles;
  canDeclare: boolean;
}) {
  const { t } = useI18n();
  const id = useId();
  const { resource, reload } = useApi(
    `/api/plans/${encodeURIComponent(slug)}/conflicts-of-interest`,
    (signal) =>
      send(api.GET('/api/plans/{slug}/conflicts-of-interest', { params: { path: { slug } }, signal })),
  );
  const [sheet, setSheet] = useState(String(titles.sheets[0]?.number ?? 1));
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ key: MessageKey; isError: boolean } | null>(null);

  const declare = async () => {
    setMessage(null);
    try {
      await send(
        api.POST('/api/plans/{slug}/conflicts-of-interest', {
          params: { path: { slug } },
          body: { sheet: Number(sheet), reason },
        }),
      );
      setReason('');
      setMessage({ key: 'evaluation.coi.declared', isError: false });
      reload();
    } catch (caught) {
      setMessage({ key: declareErrorKey(caught), isError: true });
    }
  };

  const conflicts = resource.status === 'success' ? resource.data.conflicts : [];
  return (
    <section className="conflicts-of-interest" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('evaluation.coi.title')}</h3>
      <p>{t('evaluation.coi.lead')}</p>
      {resource.status === 'success' && conflicts.length === 0 && <p>{t('evaluation.coi.none')}</p>}
      {conflicts.length > 0 && (
        <ul className="conflicts-of-interest__list">
          {conflicts.map((c) => (
            <li key={c.id}>
              {t('evaluation.coi.entry', {
                sheet: t('plan.sheet.number', { number: circledNumber(c.sheet) }),
                expert: c.expert.displayName,
              })}{' '}
              (<span lang={CONTENT_LANG}>{c.reason}</span>)
            </li>
          ))}
        </ul>
      )}
      {canDeclare && (
        <form
          className="evaluation-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void declare();
          }}
        >
          <div className="form__field">
            <label htmlFor={`${id}-sheet`}>{t('evaluation.coi.sheet')}</label>
            <select
              id={`${id}-sheet`}
              value={sheet}
              onChange={(event) => {
                setSheet(event.target.value);
              }}
            >
              {titles.sheets.map((s) => (
                <option key={s.number} value={String(s.number)}>
                  {`${t('plan.sheet.number', { number: circledNumber(s.number) })} ${s.title}`}
                </option>
              ))}
            </select>
          </div>
          <div className="form__field">
            <label htmlFor={`${id}-reason`}>{t('evaluation.coi.reason')}</label>
            <textarea
              id={`${id}-reason`}
              rows={2}
              maxLength={2000}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
              }}
            />
          </div>
          <button type="submit" className="button">
            {t('evaluation.coi.submit')}
          </button>
        </form>
      )}
      {message?.isError === true && (
        <p role="alert" className="notice notice--error">
          {t(message.key)}
        </p>
      )}
      <p role="status">{message?.isError === false && t(message.key)}</p>
    </section>
  );
}
