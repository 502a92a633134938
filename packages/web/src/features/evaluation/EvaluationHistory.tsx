import { useState } from 'react';
import type { EvaluationVersion } from '../../api/types';
import { api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { describeTarget, evaluationRatingKey, japanDateOf } from './evaluation-model';

const ACTION_KEY: Record<EvaluationVersion['action'], MessageKey> = {
  create: 'evaluation.history.action.create',
  edit: 'evaluation.history.action.edit',
  withdraw: 'evaluation.history.action.withdraw',
};

/**
 * Every version of the round's evaluations, withdrawn ones too, read when opened: the coordinating office sees
 * all, an expert their own (the server decides which).
 */
export function EvaluationHistory({ slug, roundId }: { slug: string; roundId: string }) {
  const { t, lang } = useI18n();
  const [versions, setVersions] = useState<EvaluationVersion[] | null>(null);
  const [failed, setFailed] = useState(false);

  const load = async () => {
    setFailed(false);
    try {
      const history = await send(
        api.GET('/api/plans/{slug}/rounds/{roundId}/evaluations/history', {
          params: { path: { slug, roundId } },
        }),
      );
      setVersions(history.versions);
    } catch {
      setFailed(true);
    }
  };

  return (
    <details
      className="evaluation-history"
      onToggle={(event) => {
        if (event.currentTarget.open) void load();
      }}
    >
      <summary>{t('evaluation.history.title')}</summary>
      {failed && <p className="notice notice--error">{t('evaluation.error.generic')}</p>}
      {versions !== null && versions.length === 0 && <p>{t('evaluation.history.empty')}</p>}
      {versions !== null && versions.length > 0 && (
        <ol className="evaluation-history__list">
          {versions.map((v) => (
            <li key={`${v.evaluationId}-${v.version}`} data-action={v.action}>
              <p>
                {t('evaluation.history.entry', {
                  target: describeTarget(v.target, t),
                  version: v.version,
                  action: t(ACTION_KEY[v.action]),
                  who: v.changedBy.displayName,
                  date: formatDate(japanDateOf(v.changedAt), lang),
                })}
              </p>
              <p>
                {t(evaluationRatingKey(v.rating))}: <span lang={CONTENT_LANG}>{v.comment}</span>
              </p>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
