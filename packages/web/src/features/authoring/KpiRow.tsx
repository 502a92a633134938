import { useId, useState } from 'react';
import type { RevisionDraft } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import type { Post } from './AddForms';
import { ChooseForm, ReorderButtons, type Apply } from './EditForms';
import { live } from './reorder';

type Structure = RevisionDraft['structure'];
type Kpi = Structure['kpis'][number];

/** The KPIs another may be merged into: the live ones of the same unit. */
export const mergeChoices = (structure: Structure, kpi: Kpi): { id: string; name: string }[] =>
  live(structure.kpis)
    .filter((k) => k.id !== kpi.id && k.unit === kpi.unit)
    .map((k) => ({ id: k.id, name: `${k.name}（${k.unit}）` }));

/** A KPI or outcome target: its target value saved, retire, ↑/↓ among its siblings, merge into another. */
export function KpiRow({
  structure,
  kpi,
  ids,
  apply,
  post,
}: {
  structure: Structure;
  kpi: Structure['kpis'][number];
  ids: string[];
  apply: Apply;
  post: Post;
}) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(kpi.target?.value == null ? '' : String(kpi.target.value));
  const target = kpi.target;
  return (
    <li className="authoring-kpi" data-kpi-id={kpi.id}>
      <span lang={CONTENT_LANG}>{kpi.name}</span>{' '}
      {target && (
        <>
          <label htmlFor={id}>{t('authoring.target')}</label>{' '}
          <input
            id={id}
            inputMode="decimal"
            size={8}
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
            }}
          />{' '}
          <span lang={CONTENT_LANG}>
            {kpi.unit}（{target.period.label}）
          </span>{' '}
          <button
            type="button"
            className="button"
            onClick={() =>
              void apply([
                {
                  op: 'kpi.update',
                  id: kpi.id,
                  target: { value: Number(value), period: target.period.label },
                },
              ])
            }
          >
            {t('authoring.save')}
          </button>{' '}
        </>
      )}
      <button
        type="button"
        className="button"
        onClick={() => void apply([{ op: 'retire', kind: 'kpi', id: kpi.id }])}
      >
        {t('authoring.retireKpi')}
      </button>{' '}
      <ReorderButtons kind="kpi" id={kpi.id} ids={ids} name={kpi.name} apply={apply} />
      <ChooseForm
        summary={t('authoring.edit.mergeKpi')}
        label={t('authoring.edit.mergeInto')}
        choices={mergeChoices(structure, kpi)}
        post={post}
        field="into"
        edit={(into) => ({ op: 'kpi.merge', id: kpi.id, into })}
      />
    </li>
  );
}
