import { useState, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, api, detailText, send } from '../../api/client';
import type { MeasureDetail, PlanEdit } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { proposalsPath } from '../../ui/paths';
import { Field, type FieldErrors } from '../authoring/fields';
import { useSession } from '../auth/useSession';

type Kpi = MeasureDetail['measure']['kpis'][number];
const newId = (): string => crypto.randomUUID();

/** The edits the form's values make, each with the field an error on it belongs to. */
function editsOf(
  measure: MeasureDetail['measure'],
  values: Record<string, string>,
): { edits: PlanEdit[]; fieldOf: ((path: string) => string)[] } {
  const edits: PlanEdit[] = [];
  const fieldOf: ((path: string) => string)[] = [];
  if (values.title !== undefined && values.title.trim() !== measure.title) {
    edits.push({ op: 'measure.update', id: measure.id, title: values.title });
    fieldOf.push(() => 'title');
  }
  for (const kpi of targeted(measure.kpis)) {
    const value = values[`kpi:${kpi.id}`] ?? '';
    if (value.trim() === String(kpi.target.value)) continue;
    edits.push({
      op: 'kpi.update',
      id: kpi.id,
      target: { value: Number(value), period: kpi.target.period.label },
    });
    fieldOf.push(() => `kpi:${kpi.id}`);
  }
  if ((values.phaseText ?? '').trim() !== '' || (values.phasePeriod ?? '').trim() !== '') {
    edits.push({
      op: 'phase.add',
      id: newId(),
      measureId: measure.id,
      text: values.phaseText ?? '',
      period: values.phasePeriod ?? '',
    });
    fieldOf.push((path) => (path.startsWith('period') ? 'phasePeriod' : 'phaseText'));
  }
  return { edits, fieldOf };
}

function targeted(kpis: Kpi[]): (Kpi & { target: { value: number; period: { label: string } } })[] {
  return kpis.filter(
    (k): k is Kpi & { target: { value: number; period: { label: string } } } =>
      typeof k.target?.value === 'number',
  );
}

/** The API's refusal placed on the fields of the edit it names (`edits[1].target.value` → that KPI's target). */
function placeErrors(
  caught: unknown,
  fieldOf: ((path: string) => string)[],
): { fields: FieldErrors; rest: string } {
  if (!(caught instanceof ApiError)) return { fields: {}, rest: String(caught) };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const detail of caught.details) {
    const match = /^edits\[(\d+)\]\.?(.*)$/u.exec(detail.path);
    const key =
      detail.path === 'reason' ? 'reason' : match ? fieldOf[Number(match[1])]?.(match[2] ?? '') : undefined;
    const text = detailText(detail);
    if (key === undefined) rest.push(`${detail.path}: ${text}`);
    else fields[key] = fields[key] ? `${fields[key]} / ${text}` : text;
  }
  if (caught.details.length === 0) rest.push(caught.message);
  return { fields, rest: rest.join(' / ') };
}

/** The form's values, its refusal and its sending; `submit` checks what it can, then sends the proposal. */
function useProposeForm(detail: MeasureDetail) {
  const { t } = useI18n();
  const { plan, measure } = detail;
  const initial = (): Record<string, string> => ({
    reason: '',
    title: measure.title,
    phaseText: '',
    phasePeriod: '',
    ...Object.fromEntries(targeted(measure.kpis).map((k) => [`kpi:${k.id}`, String(k.target.value)])),
  });
  const [values, setValues] = useState(initial);
  const [fields, setFields] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [isSending, setIsSending] = useState(false);
  const set = (key: string) => (value: string) => {
    setValues((current) => ({ ...current, [key]: value }));
  };
  const submit = async () => {
    const { edits, fieldOf } = editsOf(measure, values);
    setSent(false);
    if (values.reason?.trim() === '') {
      setFields({ reason: t('proposal.form.fix') });
      setMessage(t('proposal.form.fix'));
      return;
    }
    const notNumbers = Object.fromEntries(
      targeted(measure.kpis)
        .map((k) => `kpi:${k.id}`)
        .filter((key) => !Number.isFinite(Number((values[key] ?? '').trim() || 'x')))
        .map((key) => [key, t('proposal.form.number')]),
    );
    if (Object.keys(notNumbers).length > 0) {
      setFields(notNumbers);
      setMessage(t('proposal.form.fix'));
      return;
    }
    if (edits.length === 0) {
      setFields({});
      setMessage(t('proposal.form.nothing'));
      return;
    }
    setIsSending(true);
    try {
      await send(
        api.POST('/api/plans/{slug}/proposals', {
          params: { path: { slug: plan.slug } },
          body: { reason: values.reason ?? '', edits },
        }),
      );
      setFields({});
      setMessage(null);
      setSent(true);
      setValues(initial());
    } catch (caught) {
      const placed = placeErrors(caught, fieldOf);
      setFields(placed.fields);
      setMessage(placed.rest || t('proposal.form.fix'));
    } finally {
      setIsSending(false);
    }
  };
  return { values, set, fields, message, sent, isSending, submit };
}

/**
 * 「変更を提案」: a reporter proposes changes to its own measure — its title, a KPI's target, a phase to add — with
 * a reason; each refused field is marked (aria-invalid) and its reason announced.
 */
export function ProposeForm({ detail }: { detail: MeasureDetail }) {
  const { user } = useSession();
  const own =
    user?.role === 'ministry' && user.ministry !== null && detail.measure.ministries.includes(user.ministry);
  return own ? <ProposeFormBody detail={detail} /> : null;
}

function ProposeFormBody({ detail }: { detail: MeasureDetail }) {
  const { t } = useI18n();
  const { plan, measure } = detail;
  const { values, set, fields, message, sent, isSending, submit } = useProposeForm(detail);
  const input = (key: string, label: string) => (
    <Field key={key} label={label} error={fields[key]}>
      {(props) => (
        <input
          {...props}
          name={key}
          value={values[key] ?? ''}
          onChange={(e) => {
            set(key)(e.target.value);
          }}
        />
      )}
    </Field>
  );
  return (
    <section aria-labelledby="propose-title" className="propose">
      <details>
        <summary id="propose-title">{t('proposal.propose')}</summary>
        <p>{t('proposal.form.lead')}</p>
        <div role="status">
          {sent && (
            <>
              {t('proposal.form.sent')} <Link to={proposalsPath(plan.slug)}>{t('proposal.link')}</Link>
            </>
          )}
        </div>
        <form
          className="form"
          aria-label={t('proposal.propose')}
          noValidate
          onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
            event.preventDefault();
            void submit();
          }}
        >
          <div role="alert" className={message ? 'notice notice--error' : undefined}>
            {message}
          </div>
          <Field label={t('proposal.reason')} error={fields.reason}>
            {(props) => (
              <textarea
                {...props}
                name="reason"
                rows={2}
                value={values.reason ?? ''}
                onChange={(e) => {
                  set('reason')(e.target.value);
                }}
              />
            )}
          </Field>
          {input('title', t('proposal.form.title'))}
          {targeted(measure.kpis).map((kpi) =>
            input(
              `kpi:${kpi.id}`,
              t('proposal.form.target', { name: kpi.name, unit: kpi.unit, period: kpi.target.period.label }),
            ),
          )}
          {input('phaseText', t('proposal.form.phaseText'))}
          {input('phasePeriod', t('proposal.form.phasePeriod'))}
          <button type="submit" className="button button--primary" disabled={isSending}>
            {t('proposal.form.submit')}
          </button>
        </form>
      </details>
    </section>
  );
}
