import { useId, useState, type ReactNode, type SubmitEvent } from 'react';
import { ApiError, api, send } from '../../api/client';
import type { MeasureDetail } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';

type Kind = 'bullet' | 'actual';
type Field = 'bullet' | 'text' | 'round' | 'kpi' | 'period' | 'value' | 'reason';
type Values = Record<Field, string>;
type Errors = Partial<Record<Field, string>>;
type Translate = ReturnType<typeof useI18n>['t'];

const EMPTY: Values = { bullet: '', text: '', round: '', kpi: '', period: '', value: '', reason: '' };

function fieldOfPath(path: string, kind: Kind): Field | null {
  if (path.startsWith('reason')) return 'reason';
  if (path.startsWith('text')) return 'text';
  if (path.startsWith('value')) return 'value';
  if (path.startsWith('period')) return 'period';
  if (path.startsWith('targetId')) return kind === 'bullet' ? 'bullet' : 'kpi';
  return null;
}

/** What is missing before the form is sent, by field. */
function check(kind: Kind, values: Values, t: Translate): Errors {
  const errors: Errors = {};
  if (kind === 'bullet') {
    if (values.bullet === '') errors.bullet = t('measure.correct.error.bullet');
    if (values.text.trim() === '') errors.text = t('measure.correct.error.text');
  } else {
    if (values.round === '') errors.round = t('measure.correct.error.round');
    if (values.kpi === '') errors.kpi = t('measure.correct.error.kpi');
    if (values.value.trim() === '' || !Number.isFinite(Number(values.value)))
      errors.value = t('measure.correct.error.value');
  }
  if (values.reason.trim() === '') errors.reason = t('measure.correct.error.reason');
  return errors;
}

/** The server's refusal, by field where it names one. */
function errorsOf(caught: unknown, kind: Kind, t: Translate): Errors {
  const error = caught instanceof ApiError ? caught : null;
  const errors: Errors = {};
  for (const d of error?.details ?? []) {
    const field = fieldOfPath(d.path, kind);
    if (field !== null) errors[field] = d.message;
  }
  if (error?.code === 'correction_target_not_found')
    errors[kind === 'bullet' ? 'bullet' : 'kpi'] = t('measure.correct.error.notFound');
  if (error?.code === 'period_required') errors.period = t('measure.correct.error.period');
  return errors;
}

/** Posts the correction to the round it corrects. */
async function post(slug: string, kind: Kind, values: Values, bullets: MeasureDetail['measure']['progress']) {
  const reason = values.reason.trim();
  const roundId =
    kind === 'bullet' ? (bullets.find((b) => b.id === values.bullet)?.roundId ?? '') : values.round;
  const body =
    kind === 'bullet'
      ? { kind, targetId: values.bullet, text: values.text.trim(), reason }
      : {
          kind,
          targetId: values.kpi,
          value: Number(values.value),
          reason,
          ...(values.period.trim() === '' ? {} : { period: values.period.trim() }),
        };
  await send(
    api.POST('/api/plans/{slug}/rounds/{roundId}/corrections', { params: { path: { slug, roundId } }, body }),
  );
}

/** A labelled control with the message naming what is wrong with it, tied to it by aria-describedby. */
function FieldRow({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: ReactNode;
}) {
  return (
    <div className="form__field">
      <label htmlFor={id}>{label}</label>
      {children}
      {error !== undefined && (
        <p id={`${id}-error`} className="notice notice--error">
          {error}
        </p>
      )}
    </div>
  );
}

interface FieldsProps {
  detail: MeasureDetail;
  kind: Kind;
  values: Values;
  errors: Errors;
  prefix: string;
  setValues: (update: (current: Values) => Values) => void;
}

/** The target and the corrected text or value: a bullet of a published round, or a KPI's actual in one. */
function TargetFields({ detail, kind, values, errors, prefix, setValues }: FieldsProps) {
  const { t } = useI18n();
  const rounds = detail.rounds.filter((round) => round.state === 'published');
  const bullets = detail.measure.progress.filter((b) => rounds.some((r) => r.id === b.roundId));
  const control = (field: Field) => ({
    id: `${prefix}-${field}`,
    'aria-invalid': errors[field] === undefined ? undefined : true,
    'aria-describedby': errors[field] === undefined ? undefined : `${prefix}-${field}-error`,
    value: values[field],
    onChange: (event: { target: { value: string } }) => {
      setValues((current) => ({ ...current, [field]: event.target.value }));
    },
  });
  const row = (field: Field, label: string, input: ReactNode) => (
    <FieldRow id={`${prefix}-${field}`} label={label} error={errors[field]}>
      {input}
    </FieldRow>
  );
  const choose = <option value="">{t('measure.correct.choose')}</option>;
  if (kind === 'bullet')
    return (
      <>
        {row(
          'bullet',
          t('measure.correct.bullet'),
          <select
            {...control('bullet')}
            onChange={(event) => {
              const text = bullets.find((b) => b.id === event.target.value)?.text ?? '';
              setValues((current) => ({ ...current, bullet: event.target.value, text }));
            }}
          >
            {choose}
            {bullets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.text.length > 60 ? `${b.text.slice(0, 60)}…` : b.text}
              </option>
            ))}
          </select>,
        )}
        {row('text', t('measure.correct.text'), <textarea rows={3} maxLength={4000} {...control('text')} />)}
      </>
    );
  return (
    <>
      {row(
        'round',
        t('measure.correct.round'),
        <select {...control('round')}>
          {choose}
          {rounds.map((round) => (
            <option key={round.id} value={round.id}>
              {round.title}
            </option>
          ))}
        </select>,
      )}
      {row(
        'kpi',
        t('measure.correct.kpi'),
        <select {...control('kpi')}>
          {choose}
          {detail.measure.kpis.map((kpi) => (
            <option key={kpi.id} value={kpi.id}>
              {kpi.name}
            </option>
          ))}
        </select>,
      )}
      {row(
        'period',
        t('measure.correct.period'),
        <input type="text" maxLength={60} {...control('period')} />,
      )}
      {row(
        'value',
        t('measure.correct.value'),
        <input type="text" inputMode="decimal" {...control('value')} />,
      )}
    </>
  );
}

/**
 * 正誤を登録: the coordinating office corrects a published round's progress bullet or KPI actual with a required
 * reason. The server keeps the published row and adds the correction beside it; the page reloads to show both.
 */
export function CorrectionForm({ detail, onSaved }: { detail: MeasureDetail; onSaved: () => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const headingId = useId();
  const prefix = useId();
  const [kind, setKind] = useState<Kind>('bullet');
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  if (!canImport(user) || !detail.rounds.some((round) => round.state === 'published')) return null;

  async function submit(): Promise<void> {
    const found = check(kind, values, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setStatus(t('measure.correct.error.fields'));
      return;
    }
    setIsSending(true);
    try {
      await post(detail.plan.slug, kind, values, detail.measure.progress);
      setValues(EMPTY);
      setStatus(null);
      onSaved();
    } catch (caught) {
      const next = errorsOf(caught, kind, t);
      setErrors(next);
      const forbidden = caught instanceof ApiError && caught.status === 403;
      setStatus(
        forbidden
          ? t('round.error.forbidden')
          : t(Object.keys(next).length > 0 ? 'measure.correct.error.fields' : 'round.error.generic'),
      );
    } finally {
      setIsSending(false);
    }
  }

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    void submit();
  };
  return (
    <section aria-labelledby={headingId} className="measure-correction-form">
      <h2 id={headingId}>{t('measure.correct.title')}</h2>
      <p>{t('measure.correct.lead')}</p>
      <div role="alert" className={status === null ? undefined : 'notice notice--error'}>
        {status}
      </div>
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <fieldset>
          <legend>{t('measure.correct.kind')}</legend>
          {(['bullet', 'actual'] as const).map((option) => (
            <p key={option}>
              <input
                type="radio"
                id={`${prefix}-kind-${option}`}
                name={`${prefix}-kind`}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setErrors({});
                  setStatus(null);
                }}
              />{' '}
              <label htmlFor={`${prefix}-kind-${option}`}>
                {t(option === 'bullet' ? 'measure.corrections.bullet' : 'measure.corrections.actual')}
              </label>
            </p>
          ))}
        </fieldset>
        <TargetFields
          detail={detail}
          kind={kind}
          values={values}
          errors={errors}
          prefix={prefix}
          setValues={setValues}
        />
        <FieldRow id={`${prefix}-reason`} label={t('measure.correct.reason')} error={errors.reason}>
          <textarea
            id={`${prefix}-reason`}
            rows={3}
            required
            maxLength={2000}
            aria-invalid={errors.reason === undefined ? undefined : true}
            aria-describedby={errors.reason === undefined ? undefined : `${prefix}-reason-error`}
            value={values.reason}
            onChange={(event) => {
              setValues((current) => ({ ...current, reason: event.target.value }));
            }}
          />
        </FieldRow>
        <button type="submit" className="button button--primary" disabled={isSending}>
          {t('measure.correct.submit')}
        </button>
      </form>
    </section>
  );
}
