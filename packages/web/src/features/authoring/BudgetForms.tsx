import type { PlanEdit, RevisionDraft } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { AddForm, type Post } from './AddForms';
import { SelectField, TextField, useFormState } from './fields';

type Budget = NonNullable<RevisionDraft['structure']['budgets']>[number];
const TYPES = ['initial', 'supplementary', 'fund'] as const;
type BudgetType = (typeof TYPES)[number];
const OKU = 100_000_000;

/** 億円 as typed (「35」「3.5」) to integer yen; blank is no amount; undefined when it is not a number. */
function yenOf(oku: string): number | null | undefined {
  if (oku.trim() === '') return null;
  const n = Number(oku);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * OKU) : undefined;
}
const okuOf = (yen: number | null): string => (yen === null ? '' : String(yen / OKU));
const yearOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The fields of a budget line: amount in 億円, fiscal year, kind. `keys` are where the API's errors land. */
function LineFields({
  values,
  set,
  errors,
  keys,
}: {
  values: { amount: string; fiscalYear: string; type: string };
  set: (key: 'amount' | 'fiscalYear' | 'type') => (value: string) => void;
  errors: Record<string, string>;
  keys: { amount: string; fiscalYear: string; type: string };
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        label={t('authoring.budget.amount')}
        error={errors[keys.amount]}
        inputMode="decimal"
        size={8}
        value={values.amount}
        onChange={set('amount')}
      />
      <TextField
        label={t('authoring.budget.fiscalYear')}
        error={errors[keys.fiscalYear]}
        inputMode="numeric"
        size={6}
        value={values.fiscalYear}
        onChange={set('fiscalYear')}
      />
      <SelectField
        label={t('authoring.budget.type')}
        error={errors[keys.type]}
        value={values.type}
        onChange={set('type')}
        options={TYPES.map((type) => ({ value: type, label: t(`authoring.budget.type.${type}`) }))}
      />
    </>
  );
}

const UPDATE_KEYS = ['name', 'amountYen', 'fiscalYear', 'type'];

/** One budget project of a measure in the draft: change its amount, year or kind, or retire it. */
function BudgetRow({ budget, post }: { budget: Budget; post: Post }) {
  const { t } = useI18n();
  const line = budget.lines[0];
  const form = useFormState(
    {
      amount: okuOf(line?.amountYen ?? null),
      fiscalYear: line?.fiscalYear == null ? '' : String(line.fiscalYear),
      type: line?.type ?? 'initial',
    },
    UPDATE_KEYS,
  );
  const send = (edits: PlanEdit[]) => void form.run(() => post(edits));
  const save = () => {
    const amountYen = yenOf(form.values.amount);
    if (amountYen === undefined) {
      form.setRefusal({ fields: { amountYen: t('authoring.budget.number') }, message: null });
      return;
    }
    send([
      {
        op: 'budget.update',
        id: budget.id,
        ...(line ? { lineId: line.id } : {}),
        amountYen,
        fiscalYear: yearOf(form.values.fiscalYear),
        type: form.values.type,
      },
    ]);
  };
  return (
    <li className="authoring-budget" data-budget-id={budget.id}>
      <span lang={CONTENT_LANG}>{budget.name}</span>{' '}
      <span lang={CONTENT_LANG}>{budget.lines.map((l) => l.label).join('、')}</span>
      <form
        className="form"
        aria-label={t('authoring.budget.edit', { name: budget.name })}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <div role="alert">{form.refusal.message}</div>
        <LineFields
          values={form.values}
          set={form.set}
          errors={form.refusal.fields}
          keys={{ amount: 'amountYen', fiscalYear: 'fiscalYear', type: 'type' }}
        />
        <button type="submit" className="button" disabled={form.isSending}>
          {t('authoring.budget.save')}
        </button>{' '}
        <button
          type="button"
          className="button"
          onClick={() => {
            send([{ op: 'budget.retire', id: budget.id }]);
          }}
        >
          {t('authoring.budget.retire')}
        </button>
      </form>
    </li>
  );
}

const ADD_KEYS = ['name', 'line.amountYen', 'line.fiscalYear', 'line.type', 'measureId', 'ministry'];

/** 該当事業 of a measure in the draft: each project's line, changed or retired, and a form adding one. */
export function MeasureBudgets({
  budgets,
  measureId,
  ministry,
  post,
}: {
  budgets: Budget[];
  measureId: string;
  ministry: string | null;
  post: Post;
}) {
  const { t } = useI18n();
  const initial = { name: '', amount: '', fiscalYear: '', type: 'initial' };
  const form = useFormState(initial, ADD_KEYS);
  const { values, set, refusal } = form;
  const submit = () => {
    const amountYen = yenOf(values.amount);
    if (amountYen === undefined) {
      form.setRefusal({ fields: { 'line.amountYen': t('authoring.budget.number') }, message: null });
      return;
    }
    void form
      .run(() =>
        post([
          {
            op: 'budget.add',
            id: crypto.randomUUID(),
            measureId,
            name: values.name,
            ministry,
            line: {
              id: crypto.randomUUID(),
              amountYen,
              fiscalYear: yearOf(values.fiscalYear),
              type: values.type as BudgetType,
            },
          },
        ]),
      )
      .then((ok) => {
        if (ok) form.setValues(initial);
      });
  };
  return (
    <div className="authoring-budgets">
      <h4>{t('authoring.budget.title')}</h4>
      {budgets.length > 0 && (
        <ul>
          {budgets.map((b) => (
            <BudgetRow key={`${b.id}-${b.lines.map((l) => l.label).join()}`} budget={b} post={post} />
          ))}
        </ul>
      )}
      <AddForm
        summary={t('authoring.budget.add')}
        submit={submit}
        refusal={refusal}
        isSending={form.isSending}
      >
        <TextField
          label={t('authoring.budget.name')}
          error={refusal.fields.name}
          value={values.name}
          onChange={set('name')}
        />
        <LineFields
          values={values}
          set={set}
          errors={refusal.fields}
          keys={{ amount: 'line.amountYen', fiscalYear: 'line.fiscalYear', type: 'line.type' }}
        />
      </AddForm>
    </div>
  );
}
