import { useId, useState } from 'react';
import type { Evaluation } from '../../api/types';
import { api, send } from '../../api/client';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import type { EvaluationRating } from '@kotei/domain/status';
import { RatingChoice } from './EvaluationForm';
import { changeErrorKey } from './change-error';

type Mode = 'idle' | 'editing' | 'confirming';

/** The withdrawal asked once more: it can be undone only by writing a new evaluation. */
function WithdrawConfirm({
  isBusy,
  onWithdraw,
  onCancel,
}: {
  isBusy: boolean;
  onWithdraw: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="evaluation-changes__confirm">
      <p>{t('evaluation.withdraw.confirm')}</p>
      <button type="button" className="button button--primary" disabled={isBusy} onClick={onWithdraw}>
        {t('evaluation.withdraw.yes')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('evaluation.edit.cancel')}
      </button>
    </div>
  );
}

/** The edit form: the rating and the comment, as the evaluation stands or as typed. */
function EvaluationEditForm({
  rating,
  comment,
  isBusy,
  onRating,
  onComment,
  onSave,
  onCancel,
}: {
  rating: EvaluationRating;
  comment: string;
  isBusy: boolean;
  onRating: (rating: EvaluationRating) => void;
  onComment: (comment: string) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <form
      className="evaluation-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
    >
      <h4 id={`${id}-title`}>{t('evaluation.edit.title')}</h4>
      <RatingChoice rating={rating} describedBy={undefined} onChange={onRating} />
      <div className="form__field">
        <label htmlFor={`${id}-comment`}>{t('evaluation.form.comment')}</label>
        <textarea
          id={`${id}-comment`}
          rows={5}
          maxLength={4000}
          value={comment}
          onChange={(event) => {
            onComment(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={isBusy}>
        {t('evaluation.edit.save')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('evaluation.edit.cancel')}
      </button>
    </form>
  );
}

/**
 * The writer's own controls on an evaluation of a round not yet published: edit it (rating and comment) or
 * withdraw it after a confirmation. Each write names the version it saw; when someone saved first, the text typed
 * stays in the form and the list is read again, so both can be compared.
 */
export function EvaluationChanges({
  slug,
  evaluation,
  onChanged,
}: {
  slug: string;
  evaluation: Evaluation;
  onChanged: (message: MessageKey | null) => void;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('idle');
  const [rating, setRating] = useState<EvaluationRating>(evaluation.rating);
  const [comment, setComment] = useState(evaluation.comment);
  const [error, setError] = useState<MessageKey | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const path = { slug, roundId: evaluation.roundId, evaluationId: evaluation.id };

  const run = async (write: () => Promise<unknown>, done: MessageKey) => {
    if (isBusy) return;
    setIsBusy(true);
    setError(null);
    try {
      await write();
      setMode('idle');
      onChanged(done);
    } catch (caught) {
      const key = changeErrorKey(caught);
      setError(key);
      // Someone saved first: read the list again, so the current version shows beside the text kept here.
      if (key === 'evaluation.error.stale') onChanged(null);
    } finally {
      setIsBusy(false);
    }
  };
  const save = () =>
    run(
      () =>
        send(
          api.PUT('/api/plans/{slug}/rounds/{roundId}/evaluations/{evaluationId}', {
            params: { path },
            body: { version: evaluation.version, rating, comment },
          }),
        ),
      'evaluation.edit.saved',
    );
  const withdraw = () =>
    run(
      () =>
        send(
          api.POST('/api/plans/{slug}/rounds/{roundId}/evaluations/{evaluationId}/withdraw', {
            params: { path },
            body: { version: evaluation.version },
          }),
        ),
      'evaluation.withdraw.done',
    );

  return (
    <div className="evaluation-changes">
      {error !== null && (
        <p role="alert" className="notice notice--error">
          {t(error)}
        </p>
      )}
      {mode === 'idle' && (
        <div className="evaluation-changes__buttons">
          <button
            type="button"
            className="button"
            onClick={() => {
              setRating(evaluation.rating);
              setComment(evaluation.comment);
              setMode('editing');
            }}
          >
            {t('evaluation.edit')}
          </button>
          <button
            type="button"
            className="button"
            onClick={() => {
              setMode('confirming');
            }}
          >
            {t('evaluation.withdraw')}
          </button>
        </div>
      )}
      {mode === 'confirming' && (
        <WithdrawConfirm
          isBusy={isBusy}
          onWithdraw={() => void withdraw()}
          onCancel={() => {
            setMode('idle');
          }}
        />
      )}
      {mode === 'editing' && (
        <EvaluationEditForm
          rating={rating}
          comment={comment}
          isBusy={isBusy}
          onRating={setRating}
          onComment={setComment}
          onSave={() => void save()}
          onCancel={() => {
            setMode('idle');
            setError(null);
          }}
        />
      )}
    </div>
  );
}
