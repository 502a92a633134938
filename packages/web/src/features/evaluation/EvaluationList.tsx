import type { ReactNode } from 'react';
import type { Evaluation, EvaluationTarget } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { SheetName } from '../../ui/SheetName';
import { evaluationRatingKey, EVALUATION_RATING_TONE, groupByTarget, japanDateOf } from './evaluation-model';
import { type EvaluationRating } from '@kotei/domain/status';

/** The goals and sheets of the plan, by number, to name targets with their titles. */
export interface TargetTitles {
  goals: readonly { number: number; title: string }[];
  sheets: readonly { number: number; title: string }[];
}

/** An expert's rating in words, never colour alone. */
export function EvaluationRatingBadge({ rating }: { rating: EvaluationRating }) {
  const { t } = useI18n();
  return (
    <span
      className={`progress-status progress-status--${EVALUATION_RATING_TONE[rating]}`}
      data-rating={rating}
    >
      {t(evaluationRatingKey(rating))}
    </span>
  );
}

/** "計画全体" / "戦略目標1 …" / "工程表② …", with the Japanese titles marked as such. */
export function TargetName({ target, titles }: { target: EvaluationTarget; titles: TargetTitles }) {
  const { t } = useI18n();
  if (target.kind === 'plan') return <>{t('evaluation.target.plan')}</>;
  if (target.kind === 'sheet') {
    const title = titles.sheets.find((s) => s.number === target.number)?.title ?? '';
    return <SheetName sheet={{ number: target.number, title }} />;
  }
  const title = titles.goals.find((g) => g.number === target.number)?.title;
  return (
    <>
      {t('evaluation.target.goal', { number: target.number })}
      {title !== undefined && (
        <>
          {' '}
          <span lang={CONTENT_LANG}>{title}</span>
        </>
      )}
    </>
  );
}

function EvaluationItem({
  evaluation,
  isNew,
  actions,
}: {
  evaluation: Evaluation;
  isNew: boolean;
  actions: ReactNode;
}) {
  const { t, lang } = useI18n();
  const date = japanDateOf(evaluation.createdAt);
  const updated = evaluation.updatedAt === null ? null : japanDateOf(evaluation.updatedAt);
  return (
    <li
      className="evaluation"
      id={`evaluation-${evaluation.id}`}
      data-evaluation-id={evaluation.id}
      // Only the evaluation just written takes focus, so keyboard and screen reader users land on it.
      tabIndex={isNew ? -1 : undefined}
    >
      <p className="evaluation__rating">
        <span className="visually-hidden">{t('evaluation.rating')}: </span>
        <EvaluationRatingBadge rating={evaluation.rating} />
      </p>
      {/* Written by people: rendered as text, line breaks kept by CSS, never as HTML. */}
      <p className="evaluation__comment" lang={CONTENT_LANG}>
        {evaluation.comment}
      </p>
      <dl className="evaluation__meta">
        <div>
          <dt>{t('evaluation.evaluator')}</dt>
          <dd lang={CONTENT_LANG}>{evaluation.evaluator.displayName}</dd>
        </div>
        <div>
          <dt>{t('evaluation.writtenOn')}</dt>
          <dd>
            <time dateTime={date}>{formatDate(date, lang)}</time>
          </dd>
        </div>
        {updated !== null && (
          <div>
            <dt>{t('evaluation.edited')}</dt>
            <dd>
              <time dateTime={updated}>{formatDate(updated, lang)}</time>
            </dd>
          </div>
        )}
      </dl>
      {actions}
    </li>
  );
}

/** A round's evaluations, grouped by target (plan, goals, sheets), or a sentence saying there are none. */
export function EvaluationList({
  evaluations,
  titles,
  newId,
  renderActions,
}: {
  evaluations: readonly Evaluation[];
  titles: TargetTitles;
  newId: string | null;
  /** The controls shown under an evaluation (its writer's edit and withdraw), if any. */
  renderActions?: (evaluation: Evaluation) => ReactNode;
}) {
  const { t } = useI18n();
  if (evaluations.length === 0) return <p className="evaluation-empty">{t('evaluation.empty')}</p>;
  return (
    <div className="evaluation-groups">
      {groupByTarget(evaluations).map((group) => (
        <section
          key={group.key}
          className="evaluation-group"
          aria-labelledby={`evaluation-target-${group.key}`}
        >
          <h3 id={`evaluation-target-${group.key}`}>
            <TargetName target={group.target} titles={titles} />
          </h3>
          <ul className="evaluation-list">
            {group.evaluations.map((evaluation) => (
              <EvaluationItem
                key={evaluation.id}
                evaluation={evaluation}
                isNew={evaluation.id === newId}
                actions={renderActions?.(evaluation) ?? null}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
