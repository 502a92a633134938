import type { RevisionDraft } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG } from '../../lib/format';
import { AddKpiForm, AddNumberedForm, type Post } from './AddForms';
import { RenameForm, ReorderButtons, RetireButton, type Apply } from './EditForms';
import { KpiRow } from './KpiRow';
import { live } from './reorder';

type Structure = RevisionDraft['structure'];

/** The strategic goals (戦略目標) and their outcome targets: add, rename, reorder and retire. */
export function GoalsSection({ structure, apply, post }: { structure: Structure; apply: Apply; post: Post }) {
  const { t } = useI18n();
  const goals = live(structure.goals);
  const goalIds = goals.map((g) => g.id);
  return (
    <section aria-labelledby="authoring-goals-title" className="authoring-goals">
      <h2 id="authoring-goals-title">{t('authoring.edit.goals')}</h2>
      {goals.map((goal) => {
        const name = t('authoring.edit.goalHeading', { number: goal.number, title: goal.title });
        const targets = live(structure.kpis.filter((k) => k.goalId === goal.id));
        const targetIds = targets.map((k) => k.id);
        return (
          <article key={goal.id} className="authoring-measure" data-goal-id={goal.id}>
            <h3 lang={CONTENT_LANG}>{name}</h3>
            <ReorderButtons kind="goal" id={goal.id} ids={goalIds} name={name} apply={apply} />{' '}
            <RetireButton kind="goal" id={goal.id} name={name} apply={apply} />
            <RenameForm
              key={goal.title}
              summary={t('authoring.edit.renameGoal')}
              label={t('authoring.edit.goalTitle')}
              current={goal.title}
              post={post}
              edit={(title) => ({ op: 'goal.update', id: goal.id, title })}
            />
            <h4>{t('authoring.edit.targets')}</h4>
            {targets.length === 0 ? (
              <p>{t('authoring.edit.noTargets')}</p>
            ) : (
              <ul>
                {targets.map((kpi) => (
                  <KpiRow
                    key={`${kpi.id}-${String(kpi.target?.value)}`}
                    structure={structure}
                    kpi={kpi}
                    ids={targetIds}
                    apply={apply}
                    post={post}
                  />
                ))}
              </ul>
            )}
            <AddKpiForm post={post} goalId={goal.id} />
          </article>
        );
      })}
      <AddNumberedForm kind="goal" post={post} nextNumber={Math.max(0, ...goals.map((g) => g.number)) + 1} />
    </section>
  );
}
