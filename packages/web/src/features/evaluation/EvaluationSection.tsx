import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Evaluation, OverallEvaluation, Round } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../ui/status';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { isId } from '../../lib/ids';
import { formatDate } from '../../lib/date-format';
import { canCompileEvaluations, canEvaluate } from '../auth/can-evaluate';
import type { MessageKey } from '../../i18n/ja';
import { useSession } from '../auth/useSession';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationList, type TargetTitles } from './EvaluationList';
import { describeTarget } from './evaluation-model';
import { EvaluationChanges } from './EvaluationChanges';
import { OverallEvaluationPanel } from './OverallEvaluationPanel';
import { EvaluationHistory } from './EvaluationHistory';
import { ConflictsOfInterest } from './ConflictsOfInterest';
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
  const [changed, setChanged] = useState<MessageKey | null>(null);
  const onChanged = useCallback(
    (message: MessageKey | null) => {
      setSaved(null);
      setChanged(message);
      reload();
    },
    [reload],
  );
  // The round as last read: kept while the list reloads after a write, so the form stays mounted (and keeps
  // its target) rather than blinking out with the list.
  const loadedRound: Round | null = resource.status === 'success' ? resource.data.round : null;
  const [round, setRound] = useState<Round | null>(loadedRound);
  if (loadedRound !== null && loadedRound !== round) setRound(loadedRound);
  // Likewise the overall evaluation: its panel stays mounted through a reload, keeping its message and text.
  const loadedOverall = resource.status === 'success' ? resource.data.overall : undefined;
  const [overall, setOverall] = useState<OverallEvaluation | null | undefined>(loadedOverall);
  if (loadedOverall !== undefined && loadedOverall !== overall) setOverall(loadedOverall);

  const onSubmitting = useCallback(() => {
    setSaved(null);
    setChanged(null);
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

  const isOpen = round !== null && (round.state === 'open' || round.state === 'closed');
  if (resource.status === 'loading' && saved === null && changed === null && overall === undefined)
    return <Loading />;
  if (resource.status === 'error') {
    if (resource.error.code === 'round_not_found')
      return <p className="notice">{t('evaluation.roundNotFound', { round: roundId })}</p>;
    return <LoadError error={resource.error} onRetry={reload} />;
  }
  return (
    <>
      {round !== null && (
        <p className="evaluation-round">
          {t('evaluation.round')}: <span lang={CONTENT_LANG}>{round.title}</span> (
          {t('plans.asOf', { date: formatDate(round.asOfDate, lang) })})
        </p>
      )}
      {/* The public sees the compiled text once there is one; the coordinating office sees where to write it. */}
      {round !== null && overall !== undefined && (overall !== null || canCompileEvaluations(user)) && (
        <OverallEvaluationPanel
          slug={slug}
          round={round}
          overall={overall}
          canCompile={canCompileEvaluations(user)}
          onSaved={reload}
        />
      )}
      {resource.status === 'success' ? (
        <EvaluationList
          evaluations={resource.data.evaluations}
          titles={titles}
          newId={saved?.id ?? null}
          renderActions={(evaluation) =>
            evaluation.isOwn && isOpen ? (
              <EvaluationChanges slug={slug} evaluation={evaluation} onChanged={onChanged} />
            ) : null
          }
        />
      ) : (
        <Loading />
      )}
      <p role="status" className="evaluation-saved">
        {saved !== null && t('evaluation.form.saved', { target: describeTarget(saved.target, t) })}
        {changed !== null && t(changed)}
      </p>
      {(canEvaluate(user) || canCompileEvaluations(user)) && (
        <EvaluationHistory slug={slug} roundId={roundId} />
      )}
      {canEvaluate(user) && round !== null && round.state === 'published' && (
        <p className="notice">{t('evaluation.closed')}</p>
      )}
      {canEvaluate(user) && round !== null && (round.state === 'open' || round.state === 'closed') && (
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
 * For someone who evaluates: the latest round open for evaluation (not yet published), which the public's plan
 * does not list; null for everyone else, or while the list loads.
 */
function useRoundToEvaluate(slug: string): string | null {
  const { user } = useSession();
  const evaluates = canEvaluate(user);
  const [roundId, setRoundId] = useState<string | null>(null);
  useEffect(() => {
    if (!evaluates) return;
    const controller = new AbortController();
    void api
      .GET('/api/plans/{slug}/rounds', { params: { path: { slug } }, signal: controller.signal })
      .then(({ data }) => {
        const open = data?.rounds.find((r) => r.state === 'open' || r.state === 'closed');
        setRoundId(open?.id ?? null);
      })
      .catch(() => undefined);
    return () => {
      controller.abort();
    };
  }, [evaluates, slug]);
  // Kept while the session is re-read after a write, so the form is not remounted (and reset) under the user.
  return roundId;
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
  const { user } = useSession();
  const [searchParams] = useSearchParams();
  const openRoundId = useRoundToEvaluate(slug);
  const roundId = readRoundParam(searchParams.get('round')) ?? openRoundId ?? latestRoundId;
  return (
    <section aria-labelledby={headingId} className="dashboard-section evaluation-section">
      <h2 id={headingId}>{t('evaluation.title')}</h2>
      <p>{t('evaluation.lead')}</p>
      {roundId === null ? (
        <p className="evaluation-empty">{t('evaluation.noRound')}</p>
      ) : (
        <RoundEvaluations key={roundId} slug={slug} roundId={roundId} titles={titles} />
      )}
      {(canEvaluate(user) || canCompileEvaluations(user)) && (
        <ConflictsOfInterest slug={slug} titles={titles} canDeclare={canEvaluate(user)} />
      )}
    </section>
  );
}
