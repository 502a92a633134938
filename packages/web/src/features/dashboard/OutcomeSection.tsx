// A strategic goal's outcome targets: each with its status, its values and, where it has two or more,
// its trajectory as a chart and as a table.
import { lazy, Suspense, useMemo } from 'react';
import type { PlanDashboard } from '../../api/types';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { formatKpiYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { ChartErrorBoundary } from '../../ui/ChartErrorBoundary';
import { formatOutcome } from '../../ui/kpi-format';
import { progressStatusKey } from '../../ui/progress-status';
import { gradeKey, KpiStatusBadge, kpiStatusSentence, SummaryStatus } from '../../ui/StatusMethod';
import type { StatusMethod } from '@kotei/domain/status';
import { StatusCounts } from '../../ui/StatusCounts';
import {
  buildTrajectory,
  hasTrajectory,
  originalTargetOf,
  type DashboardOutcome,
  type OriginalTarget,
  type TrajectoryRow,
} from './outcome-series';

// Observable Plot loads only when an outcome chart is shown.
const OutcomeChart = lazy(() => import('./OutcomeChart'));

type Goal = PlanDashboard['goals'][number];

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

/** The chart's legend: each mark by its shape, and ◇ 当初目標 where a revision changed the target. */
function TrajectoryLegend({ original }: { original: boolean }) {
  const { t } = useI18n();
  return (
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
      {original && (
        <li data-legend="original">
          <span aria-hidden="true">◇</span> {t('dashboard.trajectory.original')}
        </li>
      )}
    </ul>
  );
}

function OutcomeItem({
  outcome,
  method,
  original,
}: {
  outcome: DashboardOutcome;
  method: StatusMethod;
  original: OriginalTarget | null;
}) {
  const { t, lang } = useI18n();
  const { kpi } = outcome;
  const rows = useMemo(() => buildTrajectory(outcome), [outcome]);
  const figures = formatOutcome(kpi);
  const labels = useMemo(
    () => ({
      required: t('dashboard.trajectory.required'),
      actual: t('dashboard.trajectory.actual'),
      forecast: t('dashboard.trajectory.forecast'),
      original: t('dashboard.trajectory.original'),
    }),
    [t],
  );
  const status = kpi.status;
  const originalText =
    original &&
    t('dashboard.originalTarget', {
      original: `${formatNumber(original.value)}${kpi.unit}（${original.label}）`,
    });
  // The text alternative says the original target too: the hollow diamond is drawn for it.
  const chartLabel = [
    t('dashboard.trajectory.chartLabel', {
      name: kpi.name,
      figures: figures || t('common.noValue'),
      status: method === 'abnf' ? t(gradeKey(status.abnf.grade)) : t(progressStatusKey(status.status)),
    }),
    originalText,
  ]
    .filter(Boolean)
    .join(' ');
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
          <KpiStatusBadge status={status} method={method} />{' '}
          <span className="dashboard-outcome__sentence">{kpiStatusSentence(status, method, lang)}</span>
        </p>
        {originalText && (
          <p className="dashboard-outcome__original" lang={CONTENT_LANG} data-original-target={kpi.id}>
            {originalText}
          </p>
        )}
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
                <OutcomeChart
                  rows={rows}
                  unit={kpi.unit}
                  ariaLabel={chartLabel}
                  labels={labels}
                  original={original}
                />
              </Suspense>
            </ChartErrorBoundary>
            <TrajectoryLegend original={original !== null} />
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

export function GoalSection({
  goal,
  method,
  originals,
}: {
  goal: Goal;
  method: StatusMethod;
  originals?: PlanDashboard['originals'];
}) {
  const { t } = useI18n();
  const headingId = `goal-${goal.number}`;
  return (
    <li className="dashboard-goal">
      <section aria-labelledby={headingId}>
        <div className="dashboard-goal__heading">
          <h3 id={headingId}>
            {t('plan.goal.number', { number: goal.number })} <span lang={CONTENT_LANG}>{goal.title}</span>
          </h3>
          <SummaryStatus summary={goal.statusSummary} method={method} />
        </div>
        <StatusCounts
          summary={goal.statusSummary}
          label={t('dashboard.goal.countsLabel', { number: goal.number })}
          method={method}
        />
        {goal.outcomes.length === 0 ? (
          <p className="muted">{t('plan.outcomes.none')}</p>
        ) : (
          <ul className="dashboard-outcomes" aria-label={t('plan.outcomes.label')}>
            {goal.outcomes.map((outcome) => (
              <OutcomeItem
                key={outcome.kpi.id}
                outcome={outcome}
                method={method}
                original={originalTargetOf(originals, outcome.kpi.id)}
              />
            ))}
          </ul>
        )}
      </section>
    </li>
  );
}
