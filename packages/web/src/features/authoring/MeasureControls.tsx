import { useI18n } from '../../i18n/useI18n';
import type { Post } from './AddForms';
import { ChooseForm, EditMeasureForm, ReorderButtons, RetireButton, type Apply } from './EditForms';

interface Named {
  id: string;
  title: string;
}

/** A measure's edits beside its heading: ↑/↓ in its sheet, retire, edit, move to another sheet, merge. */
export function MeasureControls({
  measure,
  ids,
  sheets,
  measures,
  apply,
  post,
}: {
  measure: Named & { sheetId: string; ministries: string[] };
  ids: string[];
  sheets: Named[];
  measures: Named[];
  apply: Apply;
  post: Post;
}) {
  const { t } = useI18n();
  return (
    <>
      <ReorderButtons kind="measure" id={measure.id} ids={ids} name={measure.title} apply={apply} />{' '}
      <RetireButton kind="measure" id={measure.id} name={measure.title} apply={apply} />
      <EditMeasureForm
        key={`${measure.title}|${measure.ministries.join(',')}`}
        post={post}
        measure={measure}
      />
      <ChooseForm
        summary={t('authoring.edit.moveMeasure')}
        label={t('authoring.edit.moveTo')}
        choices={sheets.filter((s) => s.id !== measure.sheetId).map((s) => ({ id: s.id, name: s.title }))}
        post={post}
        field="sheetId"
        edit={(sheetId) => ({ op: 'measure.move', id: measure.id, sheetId })}
      />
      <ChooseForm
        summary={t('authoring.edit.mergeMeasure')}
        label={t('authoring.edit.mergeInto')}
        choices={measures.filter((m) => m.id !== measure.id).map((m) => ({ id: m.id, name: m.title }))}
        post={post}
        field="into"
        edit={(into) => ({ op: 'measure.merge', id: measure.id, into })}
      />
    </>
  );
}
