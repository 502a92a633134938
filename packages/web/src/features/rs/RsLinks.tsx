// The RS system's (行政事業レビュー) data for the budget projects a coordinator linked: budget and execution per
// fiscal year, the logic model with its own targets and actuals, and the evaluation; each with its 予算事業ID.
import { useId, useState } from 'react';
import { api, send } from '../../api/client';
import type { RsPlanLinks, RsProject } from '../../api/types';
import { useApi } from '../../api/useApi';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { useI18n } from '../../i18n/useI18n';
import { formatFiscalYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG } from '../../lib/format';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useFormatYen } from '../../ui/useFormatYen';
import { RsLinkReview } from './RsLinkReview';

function useRsLinks(slug: string) {
  return useApi(`/api/plans/${slug}/rs-links`, (signal) =>
    send(api.GET('/api/plans/{slug}/rs-links', { params: { path: { slug } }, signal })),
  );
}

function RsId({ project }: { project: RsProject }) {
  const { t } = useI18n();
  const label = t('rs.projectId', { id: String(project.rsId), year: String(project.sheetYear) });
  return project.url === null ? (
    <span>{label}</span>
  ) : (
    <a href={project.url} rel="noreferrer noopener" target="_blank">
      {label}
      <span className="visually-hidden">{t('rs.opensNewWindow')}</span>
    </a>
  );
}

function BudgetYears({ project }: { project: RsProject }) {
  const { t, lang } = useI18n();
  const yen = useFormatYen();
  const amount = (value: number | null) => (value === null ? t('common.noValue') : yen(value));
  const caption = t('rs.budget.caption', { name: project.name });
  return (
    <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
      <table className="data-table">
        <caption lang={CONTENT_LANG}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rs.budget.year')}</th>
            <th scope="col" className="num">
              {t('rs.budget.initial')}
            </th>
            <th scope="col" className="num">
              {t('rs.budget.supplementary')}
            </th>
            <th scope="col" className="num">
              {t('rs.budget.total')}
            </th>
            <th scope="col" className="num">
              {t('rs.budget.executed')}
            </th>
            <th scope="col" className="num">
              {t('rs.budget.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {project.budgetYears.map((y) => (
            <tr key={y.budgetYear}>
              <th scope="row">{formatFiscalYear(y.budgetYear, lang, t)}</th>
              <td className="num">{amount(y.initial)}</td>
              <td className="num">{amount(y.supplementary)}</td>
              <td className="num">{amount(y.total)}</td>
              <td className="num">{amount(y.executed)}</td>
              <td className="num">
                {y.executionRate === null ? t('common.noValue') : `${(y.executionRate * 100).toFixed(1)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

const NODE_ORDER = ['アクティビティ', 'アウトプット', 'アウトカム'];

function LogicModel({ project }: { project: RsProject }) {
  const { t } = useI18n();
  if (project.nodes.length === 0 && project.edges.length === 0)
    return <p className="muted">{t('rs.model.none')}</p>;
  const nodes = [...project.nodes].sort(
    (a, b) => NODE_ORDER.indexOf(a.nodeType) - NODE_ORDER.indexOf(b.nodeType) || a.number - b.number,
  );
  return (
    <>
      <ol className="rs-model">
        {nodes.map((node) => (
          <li key={`${node.nodeType}:${node.number}`}>
            <span lang={CONTENT_LANG}>
              {node.nodeType} {node.number}: {node.goal ?? node.indicator ?? ''}
              {node.indicator !== null &&
                node.goal !== null &&
                ` (${node.indicator}${node.unit === null ? '' : `, ${node.unit}`})`}
            </span>
            {node.years.length > 0 && (
              <ul className="rs-model__years">
                {node.years.map((y) => (
                  <li key={y.year}>
                    {t('rs.model.year', {
                      year: String(y.year),
                      target: y.target ?? t('common.noValue'),
                      actual: y.actual ?? t('common.noValue'),
                    })}
                    {node.targetYears.includes(y.year) && ` ${t('rs.model.targetYear')}`}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {project.edges.length > 0 && (
        <ul className="rs-model__edges" aria-label={t('rs.model.edges')}>
          {project.edges.map((e, i) => (
            <li key={i} lang={CONTENT_LANG}>
              {e.fromType} {e.fromNumber} → {e.toType} {e.toNumber}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function LinkedProject({ project }: { project: RsProject }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <li className="rs-project">
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <span lang={CONTENT_LANG}>{project.name}</span> (<RsId project={project} />)
        </h3>
        <BudgetYears project={project} />
        <h4>{t('rs.model.title')}</h4>
        <LogicModel project={project} />
        <h4>{t('rs.evaluation.title')}</h4>
        {project.evaluation === null ? (
          <p className="muted">{t('rs.evaluation.none')}</p>
        ) : (
          <dl className="facts">
            {(['selfCheck', 'teamFinding', 'teamFindingDetail', 'reflection'] as const).map((field) =>
              project.evaluation?.[field] ? (
                <div className="facts__item" key={field}>
                  <dt>{t(`rs.evaluation.${field}`)}</dt>
                  <dd lang={CONTENT_LANG}>{project.evaluation[field]}</dd>
                </div>
              ) : null,
            )}
          </dl>
        )}
      </article>
    </li>
  );
}

function ProjectLinks({ links, measureId }: { links: RsPlanLinks; measureId: string | null }) {
  const { t } = useI18n();
  const projects = links.projects.filter((p) => measureId === null || p.measureIds.includes(measureId));
  const linked = projects.flatMap((p) => p.linked);
  const pending = projects.filter((p) => p.linked.length === 0 && p.suggestions.length > 0);
  return (
    <>
      {linked.length === 0 ? (
        <p className="muted">{t('rs.none')}</p>
      ) : (
        <ul className="rs-projects">
          {linked.map((project) => (
            <LinkedProject key={project.rsId} project={project} />
          ))}
        </ul>
      )}
      {pending.length > 0 && <p className="muted">{t('rs.pending', { count: String(pending.length) })}</p>}
    </>
  );
}

/** The RS data of a measure's linked budget projects (measure page), or of the whole plan with totals (dashboard). */
export function RsLinksSection({ slug, measureId }: { slug: string; measureId: string | null }) {
  const { t, lang } = useI18n();
  const yen = useFormatYen();
  const { resource } = useRsLinks(slug);
  const { user } = useSession();
  // A coordinator's decision answers with the plan's links as they now are; they replace what was loaded.
  const [changed, setChanged] = useState<RsPlanLinks | null>(null);
  const data = changed ?? (resource.status === 'success' ? resource.data : null);
  return (
    <section aria-labelledby="rs-links-heading" className="dashboard-section">
      <h2 id="rs-links-heading">{t('rs.title')}</h2>
      {data === null && resource.status === 'loading' && <p role="status">{t('rs.loading')}</p>}
      {data === null && resource.status === 'error' && <p role="alert">{t('rs.error')}</p>}
      {data !== null && (
        <>
          {measureId === null && data.totals.length > 0 && (
            <ScrollRegion label={t('common.scrollRegion', { name: t('rs.totals.caption') })}>
              <table className="data-table">
                <caption>{t('rs.totals.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rs.totals.ministry')}</th>
                    <th scope="col">{t('rs.budget.year')}</th>
                    <th scope="col" className="num">
                      {t('rs.budget.initial')}
                    </th>
                    <th scope="col" className="num">
                      {t('rs.budget.supplementary')}
                    </th>
                    <th scope="col" className="num">
                      {t('rs.budget.executed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.totals.map((total) => (
                    <tr key={`${total.ministry}:${total.budgetYear}`}>
                      <th scope="row" lang={CONTENT_LANG}>
                        {total.ministry}
                      </th>
                      <td>{formatFiscalYear(total.budgetYear, lang, t)}</td>
                      <td className="num">{yen(total.initial)}</td>
                      <td className="num">{yen(total.supplementary)}</td>
                      <td className="num">{yen(total.executed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )}
          <ProjectLinks links={data} measureId={measureId} />
          {measureId === null && canImport(user) && (
            <RsLinkReview slug={slug} links={data} onChange={setChanged} />
          )}
        </>
      )}
    </section>
  );
}
