import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Evaluation, Round } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../ui/status';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { isId } from '../../lib/ids';
import { formatDate } from '../../lib/date-format';
import { canEvaluate } from '../auth/can-evaluate';
import { useSession } from '../auth/useSession';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationList, type TargetTitles } from './EvaluationList';
import { describeTarget } from './evaluation-model';
import './evaluation.css';

/** `?round=<id>` picks the round whose evaluations the dashboard shows; anything else is ignored. */
export function readRoundParam(value: string | null): string | null {
  return value !== null && isId(value) ? value : null;
}

function RoundEvaluations({
  slug,
  roundId,
  titles,
}: {
  slug: string;
  roundId: string;
  titles: TargetTitles;
}) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  const path = `/api/plans/${encodeURIComponent(slug)}/rounds/${encodeURIComponent(roundId)}/evaluations`;
  const { resource, reload } = useApi(path, (signal) =>
    send(
      api.GET('/api/plans/{slug}/rounds/{roundId}/evaluations', {
        params: { path: { slug, roundId } },
        signal,
      }),
    ),
  );
  const [saved, setSaved] = useState<Evaluation | null>(null);

  const onSubmitting = useCallback(() => {
    setSaved(null);
  }, []);
  const onSaved = useCallback(
    (evaluation: Evaluation) => {
      setSaved(evaluation);
      reload();
    },
    [reload],
  );

  // Once the list holds the evaluation just written, move focus to it (the status message says it too).
  const listed = resource.status === 'success' && saved !== null;
  useEffect(() => {
    if (listed) document.getElementById(`evaluation-${saved.id}`)?.focus();
  }, [listed, saved]);

  if (resource.status === 'loading' && saved === null) return <Loading />;
  if (resource.status === 'error') {
    if (resource.error.code === 'round_not_found')
      return <p className="notice">{t('evaluation.roundNotFound', { round: roundId })}</p>;
    return <LoadError error={resource.error} onRetry={reload} />;
  }
  const round: Round | null = resource.status === 'success' ? resource.data.round : null;
  return (
    <>
      {round !== null && (
        <p className="evaluation-round">
          {t('evaluation.round')}: <span lang={CONTENT_LANG}>{round.title}</span> (
          {t('plans.asOf', { date: formatDate(round.asOfDate, lang) })})
        </p>
      )}
      {resource.status === 'success' ? (
        <EvaluationList evaluations={resource.data.evaluations} titles={titles} newId={saved?.id ?? null} />
      ) : (
        <Loading />
      )}
      <p role="status" className="evaluation-saved">
        {saved !== null && t('evaluation.form.saved', { target: describeTarget(saved.target, t) })}
      </p>
      {canEvaluate(user) && (
        <EvaluationForm
          slug={slug}
          roundId={roundId}
          titles={titles}
          onSubmitting={onSubmitting}
          onSaved={onSaved}
        />
      )}
    </>
  );
}

/**
 * 有識者による総合評価 of the round the dashboard shows: `?round=<id>` or else the plan's latest round; with a
 * form for users who may write evaluations.
 */
export function EvaluationSection({
  slug,
  latestRoundId,
  titles,
  headingId,
}: {
  slug: string;
  latestRoundId: string | null;
  titles: TargetTitles;
  headingId: string;
}) {
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const roundId = readRoundParam(searchParams.get('round')) ?? latestRoundId;
  return (
    <section aria-labelledby={headingId} className="dashboard-section evaluation-section">
      <h2 id={headingId}>{t('evaluation.title')}</h2>
      <p>{t('evaluation.lead')}</p>
      {roundId === null ? (
        <p className="evaluation-empty">{t('evaluation.noRound')}</p>
      ) : (
        <RoundEvaluations key={roundId} slug={slug} roundId={roundId} titles={titles} />
      )}
    </section>
  );
}
