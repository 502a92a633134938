import { lazy, Suspense, useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { PlanDashboard } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../app/Breadcrumbs';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ResourceView } from '../../ui/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { PlanNotFound } from '../../ui/PlanNotFound';
import { formatFiscalYear, formatKpiYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { formatOku, formatYenEnglish } from '../../lib/money';
import { formatDate } from '../../lib/date-format';
import { ChartErrorBoundary } from '../timeline/ChartErrorBoundary';
import { EvaluationSection } from '../evaluation/EvaluationSection';
import { formatOutcome } from '../../ui/kpi-format';
import { PhaseStatusBadge } from '../../ui/PhaseStatusBadge';
import { progressStatusKey } from '../../ui/progress-status';
import { PROGRESS_STATUS_SYMBOL, PROGRESS_STATUSES } from '@kotei/domain/status';
import { ProgressStatusBadge } from '../../ui/ProgressStatusBadge';
import { readReferenceDateParam, withReferenceDate } from '../../ui/reference-date-param';
import { InvalidReferenceDateNotice, ReferenceDateForm } from '../../ui/ReferenceDateForm';
import { SampleNotice } from '../../ui/SampleBadge';
import { StatusCounts } from '../../ui/StatusCounts';
import { useReference } from '../../ui/useReference';
import { buildTrajectory, hasTrajectory, type DashboardOutcome, type TrajectoryRow } from './outcome-series';
import './dashboard.css';

// Observable Plot loads only when an outcome chart is shown.
const OutcomeChart = lazy(() => import('./OutcomeChart'));

type Goal = PlanDashboard['goals'][number];
type OverduePhase = PlanDashboard['overduePhases'][number];

function measurePath(slug: string, measureId: string): string {
  return `/plans/${encodeURIComponent(slug)}/measures/${encodeURIComponent(measureId)}`;
}

function useMoney(): (yen: number) => string {
  const { lang } = useI18n();
  return lang === 'en' ? formatYenEnglish : formatOku;
}

function TrajectoryTable({
  rows,
  unit,
  caption,
}: {
  rows: readonly TrajectoryRow[];
  unit: string;
  caption: string;
}) {
  const { t } = useI18n();
  // The path is computed (geometric growth): two decimals are enough to read it.
  const cell = (value: number | null) =>
    value === null ? t('common.noValue') : `${formatNumber(Math.round(value * 100) / 100)}${unit}`;
  return (
    <details className="dashboard-details">
      <summary>{t('dashboard.trajectory.tableSummary')}</summary>
      <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.trajectory.year')}</th>
              <th scope="col">{t('dashboard.trajectory.required')}</th>
              <th scope="col">{t('dashboard.trajectory.actual')}</th>
              <th scope="col">{t('dashboard.trajectory.forecast')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.year}>
                <th scope="row" className="nowrap">
                  {formatKpiYear(row.year)}
                </th>
                <td className="num">{cell(row.required)}</td>
                <td className="num">{cell(row.actual)}</td>
                <td className="num">{cell(row.forecast)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

function OutcomeItem({ outcome }: { outcome: DashboardOutcome }) {
  const { t, lang } = useI18n();
  const { kpi } = outcome;
  const rows = useMemo(() => buildTrajectory(outcome), [outcome]);
  const figures = formatOutcome(kpi);
  const labels = useMemo(
    () => ({
      required: t('dashboard.trajectory.required'),
      actual: t('dashboard.trajectory.actual'),
      forecast: t('dashboard.trajectory.forecast'),
    }),
    [t],
  );
  const status = kpi.status;
  const chartLabel = t('dashboard.trajectory.chartLabel', {
    name: kpi.name,
    figures: figures || t('common.noValue'),
    status: t(progressStatusKey(status.status)),
  });
  return (
    <li className="dashboard-outcome" data-kpi-id={kpi.id}>
      <article aria-label={kpi.name}>
        <h4 className="dashboard-outcome__name" lang={CONTENT_LANG}>
          {kpi.name}
        </h4>
        {figures && (
          <p className="dashboard-outcome__figures" lang={CONTENT_LANG}>
            {figures}
          </p>
        )}
        <p className="dashboard-outcome__status">
          <ProgressStatusBadge status={status.status} />{' '}
          <span className="dashboard-outcome__sentence">
            {lang === 'en' ? status.sentence.en : status.sentence.ja}
          </span>
        </p>
        {status.override && (
          <p className="muted">{t('dashboard.override', { reason: status.override.reason })}</p>
        )}
        {hasTrajectory(rows) ? (
          <figure className="dashboard-figure">
            <figcaption className="visually-hidden">{chartLabel}</figcaption>
            <ChartErrorBoundary
              fallback={
                <p role="alert" className="notice notice--error">
                  {t('dashboard.trajectory.loadError')}
                </p>
              }
            >
              <Suspense
                fallback={
                  <p role="status" className="status status--loading outcome-chart-placeholder">
                    {t('timeline.chart.loading')}
                  </p>
                }
              >
                <OutcomeChart rows={rows} unit={kpi.unit} ariaLabel={chartLabel} labels={labels} />
              </Suspense>
            </ChartErrorBoundary>
            <ul className="dashboard-legend" aria-label={t('timeline.legend.title')}>
              <li>
                <span aria-hidden="true" className="dashboard-legend__path">
                  ‐●‐
                </span>{' '}
                {t('dashboard.trajectory.required')}
              </li>
              <li>
                <span aria-hidden="true">■</span> {t('dashboard.trajectory.actual')}
              </li>
              <li>
                <span aria-hidden="true" className="dashboard-legend__forecast">
                  ✕
                </span>{' '}
                {t('dashboard.trajectory.forecast')}
              </li>
            </ul>
            <TrajectoryTable
              rows={rows}
              unit={kpi.unit}
              caption={t('dashboard.trajectory.caption', { name: kpi.name })}
            />
          </figure>
        ) : (
          <p className="muted">{t('dashboard.trajectory.noChart')}</p>
        )}
      </article>
    </li>
  );
}

function GoalSection({ goal }: { goal: Goal }) {
  const { t } = useI18n();
  const headingId = `goal-${goal.number}`;
  return (
    <li className="dashboard-goal">
      <section aria-labelledby={headingId}>
        <div className="dashboard-goal__heading">
          <h3 id={headingId}>
            {t('plan.goal.number', { number: goal.number })} <span lang={CONTENT_LANG}>{goal.title}</span>
          </h3>
          <ProgressStatusBadge status={goal.statusSummary.status} />
        </div>
        <StatusCounts
          summary={goal.statusSummary}
          label={t('dashboard.goal.countsLabel', { number: goal.number })}
        />
        {goal.outcomes.length === 0 ? (
          <p className="muted">{t('plan.outcomes.none')}</p>
        ) : (
          <ul className="dashboard-outcomes" aria-label={t('plan.outcomes.label')}>
            {goal.outcomes.map((outcome) => (
              <OutcomeItem key={outcome.kpi.id} outcome={outcome} />
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}

function SheetsTable({ dashboard, at }: { dashboard: PlanDashboard; at: string | null }) {
  const { t } = useI18n();
  const slug = dashboard.plan.slug;
  const caption = t('dashboard.sheets.caption');
  return (
    <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
      <table className="data-table dashboard-sheets">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.sheets.sheet')}</th>
            <th scope="col">{t('dashboard.sheets.status')}</th>
            <th scope="col">{t('dashboard.sheets.total')}</th>
            {PROGRESS_STATUSES.map((status) => (
              <th scope="col" key={status} className="num">
                <span aria-hidden="true">{PROGRESS_STATUS_SYMBOL[status]} </span>
                {t(progressStatusKey(status))}
              </th>
            ))}
            <th scope="col">{t('dashboard.sheets.overdue')}</th>
            <th scope="col">{t('dashboard.sheets.timeline')}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.sheets.map((sheet) => {
            const name = t('plan.sheet.number', { number: circledNumber(sheet.number) });
            return (
              <tr key={sheet.id} data-sheet={sheet.number}>
                <th scope="row">
                  {name} <span lang={CONTENT_LANG}>{sheet.title}</span>
                </th>
                <td>
                  <ProgressStatusBadge status={sheet.statusSummary.status} />
                </td>
                <td className="num">{formatNumber(sheet.statusSummary.total)}</td>
                {PROGRESS_STATUSES.map((status) => (
                  <td key={status} className="num">
                    {formatNumber(sheet.statusSummary.counts[status] ?? 0)}
                  </td>
                ))}
                <td className="num">{formatNumber(sheet.overduePhases)}</td>
                <td>
                  <Link
                    to={withReferenceDate(
                      `/plans/${encodeURIComponent(slug)}/sheets/${sheet.number}/timeline`,
                      at,
                    )}
                  >
                    {t('dashboard.sheets.timelineLink')}
                    <span className="visually-hidden"> ({name})</span>
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function WorstKpis({ dashboard }: { dashboard: PlanDashboard }) {
  const { t, lang } = useI18n();
  if (dashboard.worstKpis.length === 0) return <p className="empty">{t('dashboard.worst.none')}</p>;
  return (
    <ol className="dashboard-worst">
      {dashboard.worstKpis.map((item) => (
        <li key={`${item.measureId}:${item.kpi.id}`}>
          <ProgressStatusBadge status={item.kpi.status.status} />{' '}
          <Link to={measurePath(dashboard.plan.slug, item.measureId)} lang={CONTENT_LANG}>
            {item.kpi.name}
          </Link>
          <span className="muted">
            {' '}
            （{t('plan.sheet.number', { number: circledNumber(item.sheetNumber) })}{' '}
            <span lang={CONTENT_LANG}>{item.measureTitle}</span>）
          </span>
          <p className="dashboard-worst__sentence">
            {lang === 'en' ? item.kpi.status.sentence.en : item.kpi.status.sentence.ja}
          </p>
        </li>
      ))}
    </ol>
  );
}

interface OverdueMeasure {
  measureId: string;
  measureTitle: string;
  sheetNumbers: number[];
  phases: OverduePhase['phase'][];
}

function groupOverdue(items: readonly OverduePhase[]): OverdueMeasure[] {
  const byMeasure = new Map<string, OverdueMeasure>();
  for (const item of items) {
    let group = byMeasure.get(item.measureId);
    if (!group) {
      group = { measureId: item.measureId, measureTitle: item.measureTitle, sheetNumbers: [], phases: [] };
      byMeasure.set(item.measureId, group);
    }
    if (!group.sheetNumbers.includes(item.sheetNumber)) group.sheetNumbers.push(item.sheetNumber);
    // A reposted measure lists its phases once.
    if (!group.phases.some((phase) => phase.id === item.phase.id)) group.phases.push(item.phase);
  }
  return [...byMeasure.values()];
}

function OverdueMeasures({ dashboard }: { dashboard: PlanDashboard }) {
  const { t } = useI18n();
  const groups = useMemo(() => groupOverdue(dashboard.overduePhases), [dashboard.overduePhases]);
  if (groups.length === 0) return <p className="empty">{t('dashboard.overdue.none')}</p>;
  const phaseCount = groups.reduce((sum, group) => sum + group.phases.length, 0);
  return (
    <>
      <p className="muted">
        {t('dashboard.overdue.lead', {
          count: formatNumber(phaseCount),
          measures: formatNumber(groups.length),
        })}
      </p>
      <ul className="dashboard-overdue">
        {groups.map((group) => (
          <li key={group.measureId}>
            <p className="dashboard-overdue__measure">
              <Link to={measurePath(dashboard.plan.slug, group.measureId)} lang={CONTENT_LANG}>
                {group.measureTitle}
              </Link>{' '}
              <span className="muted">
                （
                {group.sheetNumbers
                  .map((number) => t('plan.sheet.number', { number: circledNumber(number) }))
                  .join('・')}
                ）
              </span>
            </p>
            <details>
              <summary>{t('dashboard.overdue.count', { count: formatNumber(group.phases.length) })}</summary>
              <ul className="dashboard-overdue__phases">
                {group.phases.map((phase) => (
                  <li key={phase.id}>
                    <PhaseStatusBadge status={phase.status} />{' '}
                    <span lang={CONTENT_LANG}>
                      {phase.text}（{phase.period.label}）
                    </span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </>
  );
}

function Budget({ dashboard }: { dashboard: PlanDashboard }) {
  const { t, lang } = useI18n();
  const money = useMoney();
  const reference = useReference();
  const { budget } = dashboard;
  const typeKey = {
    initial: 'budget.type.initial',
    supplementary: 'budget.type.supplementary',
    fund: 'budget.type.fund',
  } as const;
  const ministryCaption = t('dashboard.budget.byMinistry');
  const typeCaption = t('dashboard.budget.byTypeAndYear');
  return (
    <>
      <dl className="facts dashboard-budget__facts">
        <div className="facts__item">
          <dt>{t('dashboard.budget.total')}</dt>
          <dd data-budget-total={budget.total.yen}>
            <strong>{money(budget.total.yen)}</strong>{' '}
            {t('dashboard.budget.lines', { count: formatNumber(budget.total.lines) })}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('dashboard.budget.partOf')}</dt>
          <dd data-budget-part-of={budget.partOf.yen}>
            {money(budget.partOf.yen)}{' '}
            {t('dashboard.budget.lines', { count: formatNumber(budget.partOf.lines) })}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('dashboard.budget.withoutAmount')}</dt>
          <dd>{t('common.count', { count: formatNumber(budget.withoutAmount) })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('dashboard.budget.projects')}</dt>
          <dd>{t('common.count', { count: formatNumber(budget.projects) })}</dd>
        </div>
      </dl>
      <p className="muted">{t('dashboard.budget.partOfNote')}</p>
      <div className="dashboard-budget__tables">
        <ScrollRegion label={t('common.scrollRegion', { name: ministryCaption })}>
          <table className="data-table">
            <caption>{ministryCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measure.facts.ministries')}</th>
                <th scope="col" className="num">
                  {t('measure.projects.amount')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.budget.lineCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.byMinistry.map((row) => (
                <tr key={row.ministry ?? '-'}>
                  <th scope="row">
                    {row.ministry === null
                      ? t('measure.progress.untagged')
                      : `【${row.ministry}】${reference.organisationName(row.ministry) ?? ''}`}
                  </th>
                  <td className="num">{money(row.total.yen)}</td>
                  <td className="num">{formatNumber(row.total.lines)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('dashboard.budget.total')}</th>
                <td className="num">
                  <strong>{money(budget.total.yen)}</strong>
                </td>
                <td className="num">{formatNumber(budget.total.lines)}</td>
              </tr>
            </tfoot>
          </table>
        </ScrollRegion>
        <ScrollRegion label={t('common.scrollRegion', { name: typeCaption })}>
          <table className="data-table">
            <caption>{typeCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('measure.projects.type')}</th>
                <th scope="col">{t('measure.projects.year')}</th>
                <th scope="col" className="num">
                  {t('measure.projects.amount')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.budget.lineCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {budget.byTypeAndYear.map((row) => (
                <tr key={`${row.type}:${String(row.fiscalYear)}`}>
                  <th scope="row">{t(typeKey[row.type])}</th>
                  <td className="nowrap">
                    {row.fiscalYear === null
                      ? t('common.noValue')
                      : formatFiscalYear(row.fiscalYear, lang, t)}
                  </td>
                  <td className="num">{money(row.total.yen)}</td>
                  <td className="num">{formatNumber(row.total.lines)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
    </>
  );
}

function DashboardView({
  dashboard,
  at,
  invalidAt,
}: {
  dashboard: PlanDashboard;
  at: string | null;
  invalidAt: string | null;
}) {
  const { t, lang } = useI18n();
  const { plan } = dashboard;
  const planPath = `/plans/${encodeURIComponent(plan.slug)}`;
  const title = t('dashboard.title');
  useDocumentTitle(`${title} – ${plan.title}`);
  return (
    <article className="dashboard">
      <Breadcrumbs
        trail={[
          { label: t('app.nav.plans'), to: '/' },
          { label: plan.title, to: planPath, lang: CONTENT_LANG },
        ]}
        current={title}
      />
      <header className="dashboard__header">
        <h1>
          <span className="page-kicker">{title}</span>
          <span lang={CONTENT_LANG}>{plan.title}</span>
        </h1>
        {plan.isSample && <SampleNotice />}
        {invalidAt !== null && <InvalidReferenceDateNotice value={invalidAt} />}
        <p className="lead">{t('dashboard.lead')}</p>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('plan.referenceDate')}</dt>
            <dd data-reference-date={dashboard.referenceDate}>{formatDate(dashboard.referenceDate, lang)}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('plans.latestRound')}</dt>
            <dd>
              {plan.latestRound ? (
                <>
                  <span lang={CONTENT_LANG}>{plan.latestRound.title}</span> (
                  {t('plans.asOf', { date: formatDate(plan.latestRound.asOfDate, lang) })})
                </>
              ) : (
                t('portfolio.noRound')
              )}
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('dashboard.overall')}</dt>
            <dd>
              <ProgressStatusBadge status={plan.statusSummary.status} />
            </dd>
          </div>
        </dl>
        <StatusCounts summary={plan.statusSummary} label={t('dashboard.planCountsLabel')} />
        <p className="dashboard__links">
          <Link to={withReferenceDate(planPath, null)}>{t('timeline.nav.planPage')}</Link>
          <Link to={withReferenceDate(`${planPath}/timeline`, at)}>{t('timeline.nav.wholePlan')}</Link>
        </p>
        <ReferenceDateForm
          referenceDate={dashboard.referenceDate}
          hasChosenDate={at !== null}
          id="dashboard-at"
          hint={t('dashboard.at.hint')}
          label={t('dashboard.at.form')}
          classes={{ form: 'dashboard-at', hint: 'dashboard-at__hint', row: 'dashboard-at__row' }}
        />
      </header>

      <nav className="toc" aria-labelledby="dashboard-toc">
        <p id="dashboard-toc" className="toc__title">
          {t('dashboard.toc')}
        </p>
        <ol>
          <li>
            <a href="#dashboard-goals">{t('plan.goals.title')}</a>
          </li>
          <li>
            <a href="#dashboard-sheets">{t('dashboard.sheets.title')}</a>
          </li>
          <li>
            <a href="#dashboard-worst">{t('dashboard.worst.title')}</a>
          </li>
          <li>
            <a href="#dashboard-overdue">{t('dashboard.overdue.title')}</a>
          </li>
          <li>
            <a href="#dashboard-budget">{t('dashboard.budget.title')}</a>
          </li>
          <li>
            <a href="#dashboard-evaluation">{t('evaluation.title')}</a>
          </li>
        </ol>
      </nav>

      <section aria-labelledby="dashboard-goals" className="dashboard-section">
        <h2 id="dashboard-goals">{t('plan.goals.title')}</h2>
        <ol className="dashboard-goals">
          {dashboard.goals.map((goal) => (
            <GoalSection key={goal.id} goal={goal} />
          ))}
        </ol>
      </section>

      <section aria-labelledby="dashboard-sheets" className="dashboard-section">
        <h2 id="dashboard-sheets">{t('dashboard.sheets.title')}</h2>
        <SheetsTable dashboard={dashboard} at={at} />
      </section>

      <section aria-labelledby="dashboard-worst" className="dashboard-section">
        <h2 id="dashboard-worst">{t('dashboard.worst.title')}</h2>
        <WorstKpis dashboard={dashboard} />
      </section>

      <section aria-labelledby="dashboard-overdue" className="dashboard-section">
        <h2 id="dashboard-overdue">{t('dashboard.overdue.title')}</h2>
        <OverdueMeasures dashboard={dashboard} />
      </section>

      <section aria-labelledby="dashboard-budget" className="dashboard-section">
        <h2 id="dashboard-budget">{t('dashboard.budget.title')}</h2>
        <Budget dashboard={dashboard} />
      </section>

      <EvaluationSection
        slug={plan.slug}
        latestRoundId={plan.latestRound?.id ?? null}
        titles={dashboard}
        headingId="dashboard-evaluation"
      />
    </article>
  );
}

/**
 * `/plans/:slug/dashboard`: statuses of outcome targets with their trajectories, roll-up per sheet, where the
 * plan lags, its budget and the experts' evaluations; `?at=YYYY-MM-DD` picks the reference date, `?round=<id>`
 * the round whose evaluations are shown (the latest by default).
 */
export default function DashboardPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const [searchParams] = useSearchParams();
  const { at, invalid } = readReferenceDateParam(searchParams.get('at'));
  const { resource, reload } = useApi(
    withReferenceDate(`/api/plans/${encodeURIComponent(slug)}/dashboard`, at),
    (signal) =>
      send(
        api.GET('/api/plans/{slug}/dashboard', {
          params: { path: { slug }, query: { at: at ?? undefined } },
          signal,
        }),
      ),
  );
  return (
    <ResourceView
      resource={resource}
      reload={reload}
      notFound={{ view: <PlanNotFound slug={slug} /> }}
      back={{ to: '/', label: t('plan.backToList') }}
    >
      {(dashboard) => <DashboardView dashboard={dashboard} at={at} invalidAt={invalid} />}
    </ResourceView>
  );
}
