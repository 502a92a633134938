import { addedBudgetYen } from '@kotei/domain/budget';
import { useId } from 'react';
import type { BudgetProject } from '../../api/types';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { formatFiscalYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG } from '../../lib/format';
import type { ReferenceLookup } from '../../ui/useReference';
import { MinistryTag } from '../../ui/MinistryTag';
import { useFormatYen } from '../../ui/useFormatYen';

type BudgetLine = BudgetProject['lines'][number];

const TYPE_KEY: Record<BudgetLine['type'], MessageKey> = {
  initial: 'budget.type.initial',
  supplementary: 'budget.type.supplementary',
  fund: 'budget.type.fund',
};

function AmountCell({ line }: { line: BudgetLine }) {
  const { t } = useI18n();
  const formatYen = useFormatYen();
  return (
    <td className="num">
      {line.amountYen === null ? (
        <span lang={CONTENT_LANG}>{line.label || t('common.noValue')}</span>
      ) : (
        formatYen(line.amountYen)
      )}
      {line.isPartOf && <span className="budget-part-of">{t('measure.projects.partOf')}</span>}
    </td>
  );
}

function ProjectItem({ project, reference }: { project: BudgetProject; reference: ReferenceLookup }) {
  const { t, lang } = useI18n();
  const formatYen = useFormatYen();
  const headingId = useId();
  const total = addedBudgetYen(project.lines);
  const hasPartOf = project.lines.some((line) => line.isPartOf);
  const caption = `${t('measure.projects.caption')}: ${project.name}`;
  return (
    <li className="project">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="project__title">
          <span lang={CONTENT_LANG}>{project.name}</span>
          {project.ministry && (
            <>
              {' '}
              <MinistryTag code={project.ministry} reference={reference} />
            </>
          )}
        </h3>
        <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
          <table className="data-table budget-table">
            <caption>
              {t('measure.projects.caption')}
              <span className="visually-hidden">
                : <span lang={CONTENT_LANG}>{project.name}</span>
              </span>
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('measure.projects.type')}</th>
                <th scope="col">{t('measure.projects.year')}</th>
                <th scope="col" className="num">
                  {t('measure.projects.amount')}
                </th>
                <th scope="col">{t('measure.projects.label')}</th>
              </tr>
            </thead>
            <tbody>
              {project.lines.map((line, index) => (
                <tr key={index}>
                  <th scope="row">{t(TYPE_KEY[line.type])}</th>
                  <td>
                    {line.fiscalYear === null
                      ? t('common.noValue')
                      : formatFiscalYear(line.fiscalYear, lang, t)}
                  </td>
                  <AmountCell line={line} />
                  <td lang={CONTENT_LANG}>{line.label || t('common.noValue')}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={2}>
                  {t('measure.projects.total')}
                </th>
                <td className="num budget-total">
                  {total === null ? t('measure.projects.noTotal') : formatYen(total)}
                </td>
                <td />
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
        {hasPartOf && <p className="muted budget-note">{t('measure.projects.partOfNote')}</p>}
      </article>
    </li>
  );
}

/** Budget projects (該当事業) with their lines; each total leaves 内数 lines out, as they are never added. */
export function MeasureProjects({
  projects,
  reference,
}: {
  projects: readonly BudgetProject[];
  reference: ReferenceLookup;
}) {
  const { t } = useI18n();
  if (projects.length === 0) return <p className="muted">{t('measure.projects.none')}</p>;
  return (
    <ul className="projects">
      {projects.map((project) => (
        <ProjectItem key={project.id} project={project} reference={reference} />
      ))}
    </ul>
  );
}
