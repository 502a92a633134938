import { useId, type ReactNode, type SubmitEvent } from 'react';
import { api, send } from '../../api/client';
import type { PlanEdit } from '../../api/types';
import { useApi } from '../../api/useApi';
import { useI18n } from '../../i18n/useI18n';
import type { MessageKey } from '../../i18n/ja';
import { SelectField, TextField, useFormState, type Refusal } from './fields';

/** Posts edits to the draft; rejects with the API's refusal. */
export type Post = (edits: PlanEdit[]) => Promise<void>;

const SHAPES = [
  'level',
  'annual',
  'cumulative',
  'at-least-average',
  'multiplier',
  'rank',
  'share-meeting-bar',
  'qualitative',
] as const;
const DIRECTIONS = ['increase', 'decrease'] as const;

/** A form folded under its summary, with the refusal no field shows announced above its fields. */
export function AddForm({
  summary,
  submit,
  refusal,
  isSending,
  children,
}: {
  summary: string;
  submit: () => void;
  refusal: Refusal;
  isSending: boolean;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const hasFieldErrors = Object.keys(refusal.fields).length > 0;
  const message = refusal.message ?? (hasFieldErrors ? t('authoring.add.fix') : null);
  return (
    <details className="authoring-add">
      <summary>{summary}</summary>
      <form
        className="form"
        aria-label={summary}
        noValidate
        onSubmit={(event: SubmitEvent<HTMLFormElement>) => {
          event.preventDefault();
          submit();
        }}
      >
        <div role="alert" className={message ? 'notice notice--error' : undefined}>
          {message}
        </div>
        {children}
        <button type="submit" className="button button--primary" disabled={isSending}>
          {summary}
        </button>
      </form>
    </details>
  );
}

// The words of the two numbered entities' forms.
const NUMBERED = {
  sheet: {
    summary: 'authoring.add.sheet',
    number: 'authoring.add.sheetNumber',
    title: 'authoring.add.sheetTitle',
  },
  goal: {
    summary: 'authoring.edit.addGoal',
    number: 'authoring.edit.goalNumber',
    title: 'authoring.edit.goalTitle',
  },
} as const;

/** Adds a sheet (工程表) or a strategic goal (戦略目標) with its number and title. */
export function AddNumberedForm({
  kind,
  post,
  nextNumber,
}: {
  kind: keyof typeof NUMBERED;
  post: Post;
  nextNumber: number;
}) {
  const words = NUMBERED[kind];
  const { t } = useI18n();
  const form = useFormState({ number: String(nextNumber), title: '' }, ['number', 'title']);
  const { values, set, refusal } = form;
  const submit = () =>
    void form
      .run(() =>
        post([
          { op: `${kind}.add`, id: crypto.randomUUID(), number: Number(values.number), title: values.title },
        ]),
      )
      .then((ok) => {
        if (ok) form.setValues({ number: String(nextNumber + 1), title: '' });
      });
  return (
    <AddForm summary={t(words.summary)} submit={submit} refusal={refusal} isSending={form.isSending}>
      <TextField
        label={t(words.number)}
        error={refusal.fields.number}
        inputMode="numeric"
        value={values.number}
        onChange={set('number')}
      />
      <TextField
        label={t(words.title)}
        error={refusal.fields.title}
        value={values.title}
        onChange={set('title')}
      />
    </AddForm>
  );
}

/** The ministries a measure may name, as checkboxes from /api/reference. */
export function MinistryChoice({
  chosen,
  toggle,
  error,
}: {
  chosen: string[];
  toggle: (code: string) => void;
  error: string | undefined;
}) {
  const { t, lang } = useI18n();
  const errorId = useId();
  const { resource } = useApi('/api/reference', (signal) => send(api.GET('/api/reference', { signal })));
  const organisations =
    resource.status === 'success' ? resource.data.organisations.filter((o) => o.validTo === null) : [];
  return (
    <fieldset className="authoring-ministries" aria-describedby={error ? errorId : undefined}>
      <legend>{t('authoring.add.ministries')}</legend>
      {organisations.map((o) => (
        <label key={o.code}>
          <input
            type="checkbox"
            checked={chosen.includes(o.code)}
            aria-invalid={error ? true : undefined}
            onChange={() => {
              toggle(o.code);
            }}
          />{' '}
          {lang === 'en' ? `${o.nameEn} (${o.code})` : `${o.nameJa}（${o.code}）`}
        </label>
      ))}
      {error && (
        <p id={errorId} role="alert" className="authoring-field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Adds a measure (施策) to a sheet, with its responsible ministries. */
export function AddMeasureForm({ post, sheetId }: { post: Post; sheetId: string }) {
  const { t } = useI18n();
  const form = useFormState({ title: '', ministries: '' }, ['title', 'ministries']);
  const { values, set, refusal } = form;
  const chosen = values.ministries === '' ? [] : values.ministries.split(',');
  const toggle = (code: string) => {
    set('ministries')(
      (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]).join(','),
    );
  };
  const submit = () =>
    void form
      .run(() =>
        post([
          { op: 'measure.add', id: crypto.randomUUID(), sheetId, title: values.title, ministries: chosen },
        ]),
      )
      .then((ok) => {
        if (ok) form.setValues({ title: '', ministries: '' });
      });
  return (
    <AddForm
      summary={t('authoring.add.measure')}
      submit={submit}
      refusal={refusal}
      isSending={form.isSending}
    >
      <TextField
        label={t('authoring.add.measureTitle')}
        error={refusal.fields.title}
        value={values.title}
        onChange={set('title')}
      />
      <MinistryChoice chosen={chosen} toggle={toggle} error={refusal.fields.ministries} />
    </AddForm>
  );
}

/** Adds a phase (工程) to a measure: its text and period. */
export function AddPhaseForm({ post, measureId }: { post: Post; measureId: string }) {
  const { t } = useI18n();
  const form = useFormState({ text: '', period: '' }, ['text', 'period']);
  const { values, set, refusal } = form;
  const submit = () =>
    void form
      .run(() =>
        post([
          { op: 'phase.add', id: crypto.randomUUID(), measureId, text: values.text, period: values.period },
        ]),
      )
      .then((ok) => {
        if (ok) form.setValues({ text: '', period: '' });
      });
  return (
    <AddForm summary={t('authoring.add.phase')} submit={submit} refusal={refusal} isSending={form.isSending}>
      <TextField
        label={t('authoring.add.phaseText')}
        error={refusal.fields.text}
        value={values.text}
        onChange={set('text')}
      />
      <TextField
        label={t('authoring.add.period')}
        hint={t('authoring.add.periodHint')}
        error={refusal.fields.period}
        value={values.period}
        onChange={set('period')}
      />
    </AddForm>
  );
}

const KPI_KEYS = [
  'name',
  'unit',
  'shape',
  'direction',
  'baseline.value',
  'baseline.period',
  'baseline',
  'target.value',
  'target.period',
  'target',
] as const;
const EMPTY_KPI = {
  name: '',
  unit: '',
  shape: 'level',
  direction: 'increase',
  baselineValue: '',
  baselinePeriod: '',
  targetValue: '',
  targetPeriod: '',
};

/** A point from its two inputs: none when both are empty; a value left empty is null. */
function point(value: string, period: string): { value: number | null; period: string } | null {
  if (value.trim() === '' && period.trim() === '') return null;
  return { value: value.trim() === '' ? null : Number(value), period: period.trim() };
}

/** Adds a KPI to a measure, or an outcome target (成果目標) to a goal: name, unit, shape, direction, baseline and target. */
export function AddKpiForm({
  post,
  measureId = null,
  goalId = null,
}: {
  post: Post;
  measureId?: string | null;
  goalId?: string | null;
}) {
  const { t } = useI18n();
  const form = useFormState(EMPTY_KPI, KPI_KEYS);
  const { values, set, refusal } = form;
  const submit = () => {
    const notNumbers = (['baseline', 'target'] as const).filter((k) => {
      const raw = values[`${k}Value`].trim();
      return raw !== '' && !Number.isFinite(Number(raw));
    });
    if (notNumbers.length > 0) {
      const fields = Object.fromEntries(notNumbers.map((k) => [`${k}.value`, t('authoring.add.notNumber')]));
      form.setRefusal({ fields, message: null });
      return;
    }
    void form
      .run(() =>
        post([
          {
            op: 'kpi.add',
            id: crypto.randomUUID(),
            measureId,
            goalId,
            name: values.name,
            unit: values.unit,
            shape: values.shape as (typeof SHAPES)[number],
            direction: values.direction as (typeof DIRECTIONS)[number],
            baseline: point(values.baselineValue, values.baselinePeriod),
            target: point(values.targetValue, values.targetPeriod),
          },
        ]),
      )
      .then((ok) => {
        if (ok) form.setValues(EMPTY_KPI);
      });
  };
  const input = (
    key: keyof typeof EMPTY_KPI,
    label: MessageKey,
    error: string | undefined,
    hint?: string,
  ) => (
    <TextField
      label={t(label)}
      error={error}
      {...(hint ? { hint } : {})}
      value={values[key]}
      onChange={set(key)}
    />
  );
  const f = refusal.fields;
  return (
    <AddForm
      summary={t(goalId === null ? 'authoring.add.kpi' : 'authoring.edit.addTarget')}
      submit={submit}
      refusal={refusal}
      isSending={form.isSending}
    >
      {input('name', 'authoring.add.kpiName', f.name)}
      {input('unit', 'authoring.add.unit', f.unit)}
      <SelectField
        label={t('authoring.add.shape')}
        error={f.shape}
        value={values.shape}
        onChange={set('shape')}
        options={SHAPES.map((s) => ({ value: s, label: t(`authoring.shape.${s}`) }))}
      />
      <SelectField
        label={t('authoring.add.direction')}
        error={f.direction}
        value={values.direction}
        onChange={set('direction')}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`authoring.direction.${d}`) }))}
      />
      {input('baselineValue', 'authoring.add.baselineValue', f['baseline.value'] ?? f.baseline)}
      {input(
        'baselinePeriod',
        'authoring.add.baselinePeriod',
        f['baseline.period'],
        t('authoring.add.periodHint'),
      )}
      {input('targetValue', 'authoring.add.targetValue', f['target.value'] ?? f.target)}
      {input('targetPeriod', 'authoring.add.targetPeriod', f['target.period'], t('authoring.add.periodHint'))}
    </AddForm>
  );
}
