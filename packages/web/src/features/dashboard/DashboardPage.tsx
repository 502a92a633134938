import { useParams, useSearchParams } from 'react-router';
import { RevisionPicker, TimeTravelBanner } from '../../ui/TimeTravel';
import { readTimeTravel, timeTravelKey } from '../../ui/time-travel';
import type { PlanDashboard } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { Breadcrumbs } from '../../app/Breadcrumbs';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { PlanResourceView } from '../../ui/PlanNotFound';
import { CONTENT_LANG } from '../../lib/format';
import { EvaluationSection } from '../evaluation/EvaluationSection';
import { readReferenceDateParam, withReferenceDate } from '../../ui/reference-date-param';
import { GoalSection } from './OutcomeSection';
import { SheetsTable, WorstKpis } from './StatusTables';
import { OverdueMeasures } from './OverdueMeasures';
import { Budget } from './BudgetSection';
import { RsLinksSection } from '../rs/RsLinks';
import { DashboardHeader, DashboardToc } from './DashboardHeader';
import { planPath } from '../../ui/paths';
import { StatusMethodSettings } from './StatusMethodSettings';
import './dashboard.css';

/** The dashboard of one plan: its header, then a section per part, each reachable from the contents. */
function DashboardView({
  dashboard,
  at,
  invalidAt,
  reload,
}: {
  dashboard: PlanDashboard;
  at: string | null;
  invalidAt: string | null;
  reload: () => void;
}) {
  const { t } = useI18n();
  const { plan } = dashboard;
  const title = t('dashboard.title');
  useDocumentTitle(`${title} – ${plan.title}`);
  return (
    <article className="dashboard">
      <Breadcrumbs
        trail={[
          { label: t('app.nav.plans'), to: '/' },
          { label: plan.title, to: planPath(plan.slug), lang: CONTENT_LANG },
        ]}
        current={title}
      />
      <TimeTravelBanner revision={dashboard.revision} />
      <RevisionPicker slug={plan.slug} />
      <DashboardHeader dashboard={dashboard} at={at} invalidAt={invalidAt} />

      <DashboardToc />

      <section aria-labelledby="dashboard-goals" className="dashboard-section">
        <h2 id="dashboard-goals">{t('plan.goals.title')}</h2>
        <ol className="dashboard-goals">
          {dashboard.goals.map((goal) => (
            <GoalSection
              key={goal.id}
              goal={goal}
              method={dashboard.plan.statusMethod}
              originals={dashboard.originals}
            />
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

      <StatusMethodSettings slug={plan.slug} method={plan.statusMethod} onSaved={reload} />
      <RsLinksSection slug={plan.slug} measureId={null} />

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
  const [searchParams] = useSearchParams();
  const { at, invalid } = readReferenceDateParam(searchParams.get('at'));
  const choice = readTimeTravel(searchParams);
  const { resource, reload } = useApi(
    `${withReferenceDate(`/api/plans/${encodeURIComponent(slug)}/dashboard`, at)}#${timeTravelKey(choice)}&base=1`,
    (signal) =>
      send(
        api.GET('/api/plans/{slug}/dashboard', {
          // base=1: the targets first adopted, drawn beside the current ones where a revision changed them.
          params: { path: { slug }, query: { at: at ?? undefined, base: 1, ...choice } },
          signal,
        }),
      ),
  );
  return (
    <PlanResourceView slug={slug} resource={resource} reload={reload}>
      {(dashboard) => <DashboardView dashboard={dashboard} at={at} invalidAt={invalid} reload={reload} />}
    </PlanResourceView>
  );
}
