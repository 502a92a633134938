import type { PlanEdit } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { AddForm, MinistryChoice, type Post } from './AddForms';
import { SelectField, TextField, useFormState } from './fields';
import { reorderStep } from './reorder';

/** Posts edits and shows a refusal in the page's notice. */
export type Apply = (edits: PlanEdit[]) => Promise<void>;
type Kind = 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi';

/** ↑ and ↓ buttons moving a node one place among its live siblings (ids in their order). */
export function ReorderButtons({
  kind,
  id,
  ids,
  name,
  apply,
}: {
  kind: Kind;
  id: string;
  ids: readonly string[];
  name: string;
  apply: Apply;
}) {
  const { t } = useI18n();
  const button = (step: -1 | 1) => {
    const order = reorderStep(ids, id, step);
    return (
      <button
        type="button"
        className="button"
        disabled={order === null}
        aria-label={t(step < 0 ? 'authoring.edit.up' : 'authoring.edit.down', { name })}
        onClick={() => {
          if (order !== null) void apply([{ op: 'reorder', kind, id, order }]);
        }}
      >
        {step < 0 ? '↑' : '↓'}
      </button>
    );
  };
  return (
    <span className="authoring-reorder">
      {button(-1)} {button(1)}
    </span>
  );
}

/** Retires a goal, sheet, measure or KPI (it stays in the history, no longer in the plan). */
export function RetireButton({
  kind,
  id,
  name,
  apply,
}: {
  kind: Kind;
  id: string;
  name: string;
  apply: Apply;
}) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className="button"
      aria-label={t('authoring.edit.retireNamed', { name })}
      onClick={() => void apply([{ op: 'retire', kind, id }])}
    >
      {t('authoring.edit.retire')}
    </button>
  );
}

/** Renames a goal or sheet: one title field, the refusal on it. */
export function RenameForm({
  summary,
  label,
  current,
  post,
  edit,
}: {
  summary: string;
  label: string;
  current: string;
  post: Post;
  edit: (title: string) => PlanEdit;
}) {
  const form = useFormState({ title: current }, ['title']);
  const { values, set, refusal } = form;
  return (
    <AddForm
      summary={summary}
      submit={() => void form.run(() => post([edit(values.title)]))}
      refusal={refusal}
      isSending={form.isSending}
    >
      <TextField label={label} error={refusal.fields.title} value={values.title} onChange={set('title')} />
    </AddForm>
  );
}

/** Edits a measure's title and responsible ministries (measure.update). */
export function EditMeasureForm({
  post,
  measure,
}: {
  post: Post;
  measure: { id: string; title: string; ministries: string[] };
}) {
  const { t } = useI18n();
  const form = useFormState({ title: measure.title, ministries: measure.ministries.join(',') }, [
    'title',
    'ministries',
  ]);
  const { values, set, refusal } = form;
  const chosen = values.ministries === '' ? [] : values.ministries.split(',');
  const toggle = (code: string) => {
    set('ministries')(
      (chosen.includes(code) ? chosen.filter((c) => c !== code) : [...chosen, code]).join(','),
    );
  };
  const submit = () =>
    void form.run(() =>
      post([{ op: 'measure.update', id: measure.id, title: values.title, ministries: chosen }]),
    );
  return (
    <AddForm
      summary={t('authoring.edit.measure')}
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

/** A form choosing one other node (a sheet to move to, a measure or KPI to merge into) and posting one edit. */
export function ChooseForm({
  summary,
  label,
  choices,
  post,
  edit,
  field,
}: {
  summary: string;
  label: string;
  choices: { id: string; name: string }[];
  post: Post;
  edit: (chosen: string) => PlanEdit;
  field: 'sheetId' | 'into';
}) {
  const { t } = useI18n();
  const form = useFormState({ chosen: '' }, [field]);
  const { values, set, refusal } = form;
  const submit = () => {
    if (values.chosen === '') {
      form.setRefusal({ fields: { [field]: t('authoring.edit.choose') }, message: null });
      return;
    }
    void form.run(() => post([edit(values.chosen)]));
  };
  if (choices.length === 0) return null;
  return (
    <AddForm summary={summary} submit={submit} refusal={refusal} isSending={form.isSending}>
      <SelectField
        label={label}
        error={refusal.fields[field]}
        value={values.chosen}
        onChange={set('chosen')}
        options={[
          { value: '', label: t('authoring.edit.choose') },
          ...choices.map((c) => ({ value: c.id, label: c.name })),
        ]}
      />
    </AddForm>
  );
}
