import { Link } from 'react-router';
import type { PlanDashboard } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { formatDate } from '../../lib/date-format';
import { CONTENT_LANG } from '../../lib/format';
import { LatestRound } from '../../ui/LatestRound';
import { planPath, roundsPath } from '../../ui/paths';
import { statusMethodKey, SummaryStatus } from '../../ui/StatusMethod';
import { withReferenceDate } from '../../ui/reference-date-param';
import { InvalidReferenceDateNotice, ReferenceDateForm } from '../../ui/ReferenceDateForm';
import { SampleNotice } from '../../ui/SampleBadge';
import { StatusCounts } from '../../ui/StatusCounts';

/** The plan's title, reference date, latest round and overall status, with links and the date form. */
export function DashboardHeader({
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
  const title = t('dashboard.title');
  return (
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
            <LatestRound round={plan.latestRound} />
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t('abnf.method.label')}</dt>
          <dd data-status-method={plan.statusMethod}>{t(statusMethodKey(plan.statusMethod))}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('dashboard.overall')}</dt>
          <dd>
            <SummaryStatus summary={plan.statusSummary} method={plan.statusMethod} />
          </dd>
        </div>
      </dl>
      <StatusCounts
        summary={plan.statusSummary}
        label={t('dashboard.planCountsLabel')}
        method={plan.statusMethod}
      />
      <p className="dashboard__links">
        <Link to={withReferenceDate(planPath(plan.slug), null)}>{t('timeline.nav.planPage')}</Link>
        <Link to={withReferenceDate(`${planPath(plan.slug)}/timeline`, at)}>
          {t('timeline.nav.wholePlan')}
        </Link>
        <Link to={roundsPath(plan.slug)}>{t('round.link')}</Link>
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
  );
}

/** The dashboard's contents: a link to each section. */
export function DashboardToc() {
  const { t } = useI18n();
  return (
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
  );
}
