import { useEffect, useId, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import type { CreateEvaluationBody, Evaluation } from '../../api/types';
import { ApiError, api, send } from '../../api/client';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { circledNumber } from '../../lib/format';
import { evaluationRatingKey, parseTargetKey, targetKey } from './evaluation-model';
import { EVALUATION_RATINGS, type EvaluationRating } from '@kotei/domain/status';
import type { TargetTitles } from './EvaluationList';

type Field = 'target' | 'rating' | 'comment';

const FIELD_LABEL: Record<Field, MessageKey> = {
  target: 'evaluation.form.target',
  rating: 'evaluation.rating',
  comment: 'evaluation.form.comment',
};

/** The form field an error detail is about: `target.number` is the target select. */
function fieldOf(path: string): Field | null {
  const head = path.split(/[.[]/)[0];
  return head === 'target' || head === 'rating' || head === 'comment' ? head : null;
}

/** One line of the error list: the field named, and what is wrong in the reader's language. */
interface ErrorLine {
  field: Field | null;
  message: string;
}

function useErrorLines(): (error: ApiError) => ErrorLine[] {
  const { t } = useI18n();
  return (error) => {
    if (error.code === 'evaluation_exists')
      return [{ field: 'target', message: t('evaluation.error.exists') }];
    if (error.code === 'unknown_evaluation_target')
      return [{ field: 'target', message: t('evaluation.error.unknownTarget') }];
    if (error.code === 'conflict_of_interest')
      return [{ field: 'target', message: t('evaluation.error.conflictOfInterest') }];
    if (error.code === 'unauthenticated') return [{ field: null, message: t('evaluation.error.signIn') }];
    if (error.status === 403) return [{ field: null, message: t('evaluation.error.forbidden') }];
    if (error.details.length > 0) {
      return error.details.map((detail) => {
        const field = fieldOf(detail.path);
        const message =
          field === 'comment'
            ? t('evaluation.error.comment')
            : field === 'rating'
              ? t('evaluation.error.rating')
              : detail.message;
        return { field, message };
      });
    }
    return [
      {
        field: null,
        message: `${t('evaluation.error.generic')} ${t('common.errorCode', { code: error.code })}`,
      },
    ];
  };
}

/** The target choices: the plan as a whole, then every goal, then every sheet. */
function targetOptions(titles: TargetTitles, t: ReturnType<typeof useI18n>['t']) {
  return [
    { value: 'plan', label: t('evaluation.target.plan') },
    ...titles.goals.map((goal) => ({
      value: targetKey({ kind: 'goal', number: goal.number }),
      label: `${t('evaluation.target.goal', { number: goal.number })} ${goal.title}`,
    })),
    ...titles.sheets.map((sheet) => ({
      value: targetKey({ kind: 'sheet', number: sheet.number }),
      label: `${t('plan.sheet.number', { number: circledNumber(sheet.number) })} ${sheet.title}`,
    })),
  ];
}

/** The errors of the last submission, each naming its field; focused when it appears. */
function FormErrors({
  id,
  lines,
  alertRef,
}: {
  id: string;
  lines: readonly ErrorLine[];
  alertRef: RefObject<HTMLDivElement | null>;
}) {
  const { t } = useI18n();
  return (
    <div id={id} ref={alertRef} tabIndex={-1} role="alert" className="notice notice--error">
      <p>{t('evaluation.error.title')}</p>
      <ul className="evaluation-form__errors">
        {lines.map((line, index) => (
          <li key={index}>
            {line.field === null
              ? line.message
              : t('evaluation.error.detail', { field: t(FIELD_LABEL[line.field]), message: line.message })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The four ratings as radio buttons, best first (the new evaluation's form and the edit form). */
export function RatingChoice({
  rating,
  describedBy,
  onChange,
}: {
  rating: EvaluationRating | '';
  describedBy: string | undefined;
  onChange: (rating: EvaluationRating) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="evaluation-form__ratings" aria-describedby={describedBy}>
      <legend>{t('evaluation.rating')}</legend>
      {EVALUATION_RATINGS.map((value) => (
        <label key={value} className="evaluation-form__radio">
          <input
            type="radio"
            name="rating"
            value={value}
            checked={rating === value}
            onChange={() => {
              onChange(value);
            }}
          />
          {t(evaluationRatingKey(value))}
        </label>
      ))}
    </fieldset>
  );
}

/** The select of what the evaluation is about: the plan, a goal or a sheet. */
function TargetSelect({
  id,
  titles,
  value,
  isInvalid,
  describedBy,
  onChange,
}: {
  id: string;
  titles: TargetTitles;
  value: string;
  isInvalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}) {
  const { t } = useI18n();
  return (
    <div className="form__field">
      <label htmlFor={id}>{t('evaluation.form.target')}</label>
      <select
        id={id}
        name="target"
        value={value}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      >
        {targetOptions(titles, t).map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** An expert writing an evaluation of the round: target, rating and comment; errors name their field. */
export function EvaluationForm({
  slug,
  roundId,
  titles,
  onSubmitting,
  onSaved,
}: {
  /** The plan and round the evaluation is for. */
  slug: string;
  roundId: string;
  titles: TargetTitles;
  /** Called as a submission starts, so an earlier success message does not stand next to a new error. */
  onSubmitting: () => void;
  onSaved: (evaluation: Evaluation) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const toLines = useErrorLines();
  const [target, setTarget] = useState('plan');
  const [rating, setRating] = useState<EvaluationRating | ''>('');
  const [comment, setComment] = useState('');
  const [isSubmitting, setIsSubmitting] = useState(false);
  const [errors, setErrors] = useState<ErrorLine[] | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors !== null) alertRef.current?.focus();
  }, [errors]);

  const invalid = (field: Field): boolean => errors?.some((line) => line.field === field) ?? false;
  const errorId = `${id}-errors`;
  const describedBy = (field: Field, hint?: string): string | undefined => {
    const ids = [hint, invalid(field) ? errorId : undefined].filter((x) => x !== undefined);
    return ids.length === 0 ? undefined : ids.join(' ');
  };

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting) return;
    setIsSubmitting(true);
    setErrors(null);
    onSubmitting();
    try {
      // Fields left empty go to the server as they are: its answer names each one, in one place.
      const body: Omit<CreateEvaluationBody, 'rating'> & { rating: EvaluationRating | '' } = {
        target: parseTargetKey(target) ?? { kind: 'plan' },
        rating,
        comment,
      };
      const saved = await send(
        api.POST('/api/plans/{slug}/rounds/{roundId}/evaluations', {
          params: { path: { slug, roundId } },
          // An empty rating is the one value the contract refuses on purpose: the server names it with the rest.
          body: body as CreateEvaluationBody,
        }),
      );
      setRating('');
      setComment('');
      onSaved(saved);
    } catch (caught) {
      const error = caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught));
      setErrors(toLines(error));
    } finally {
      setIsSubmitting(false);
    }
  };

  const hintId = `${id}-comment-hint`;
  return (
    <form
      className="evaluation-form"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        void submit(event);
      }}
    >
      <h3 id={`${id}-title`}>{t('evaluation.form.title')}</h3>
      <p className="evaluation-form__lead">{t('evaluation.form.lead')}</p>
      {errors !== null && <FormErrors id={errorId} lines={errors} alertRef={alertRef} />}
      <TargetSelect
        id={`${id}-target`}
        titles={titles}
        value={target}
        isInvalid={invalid('target')}
        describedBy={describedBy('target')}
        onChange={setTarget}
      />
      <RatingChoice
        rating={rating}
        describedBy={describedBy('rating')}
        onChange={(value) => {
          setRating(value);
        }}
      />
      <div className="form__field">
        <label htmlFor={`${id}-comment`}>{t('evaluation.form.comment')}</label>
        <p id={hintId} className="evaluation-form__hint">
          {t('evaluation.form.commentHint')}
        </p>
        <textarea
          id={`${id}-comment`}
          name="comment"
          rows={6}
          maxLength={4000}
          value={comment}
          aria-invalid={invalid('comment') || undefined}
          aria-describedby={describedBy('comment', hintId)}
          onChange={(event) => {
            setComment(event.target.value);
          }}
        />
      </div>
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {isSubmitting ? t('evaluation.form.submitting') : t('evaluation.form.submit')}
      </button>
    </form>
  );
}
