import { useId } from 'react';
import { RevisionPicker, TimeTravelBanner } from '../../ui/TimeTravel';
import { readTimeTravel, roundOfRevision, timeTravelKey } from '../../ui/time-travel';
import { Link, useParams, useSearchParams } from 'react-router';
import { authoringPath, planWorkbookPath, proposalsPath, revisionsPath, roundsPath } from '../../ui/paths';
import { canEditPlan, canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import type { Measure, PlanTree, ReportCapabilities, Sheet, StrategicGoal } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { PlanResourceView } from '../../ui/PlanNotFound';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { formatDate, formatYearMonth } from '../../lib/date-format';
import { formatOutcome } from '../../ui/kpi-format';
import { KpiTable } from './KpiTable';
import { ReportJobControl } from './ReportJobControl';
import { MinistryTags } from '../../ui/MinistryTag';
import { PolicyFieldTags } from '../../ui/PolicyFieldTags';
import { SampleNotice } from '../../ui/SampleBadge';
import { SheetName } from '../../ui/SheetName';
import { useReference, type ReferenceLookup } from '../../ui/useReference';

function GoalItem({ goal }: { goal: StrategicGoal }) {
  const { t } = useI18n();
  return (
    <li className="goal">
      <h3 className="goal__title">
        {t('plan.goal.number', { number: goal.number })} <span lang={CONTENT_LANG}>{goal.title}</span>
      </h3>
      {goal.note && (
        <p className="goal__note" lang={CONTENT_LANG}>
          {goal.note}
        </p>
      )}
      {goal.outcomes.length === 0 ? (
        <p className="muted">{t('plan.outcomes.none')}</p>
      ) : (
        <ul className="outcomes" aria-label={t('plan.outcomes.label')}>
          {goal.outcomes.map((outcome) => {
            const figures = formatOutcome(outcome);
            return (
              <li key={outcome.id} className="outcome" lang={CONTENT_LANG}>
                <span className="outcome__name">{outcome.name}</span>
                {figures && <span className="outcome__figures">{figures}</span>}
                {outcome.note && <span className="outcome__note">{outcome.note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </li>
  );
}

function MeasureItem({
  measure,
  reference,
  slug,
}: {
  measure: Measure;
  reference: ReferenceLookup;
  slug: string;
}) {
  const { t } = useI18n();
  // A reposted measure appears on two sheets with the same id, so the heading id comes from useId.
  const headingId = useId();
  return (
    <li className="measure">
      <article aria-labelledby={headingId}>
        <div className="measure__heading">
          <h3 id={headingId} className="measure__title" lang={CONTENT_LANG}>
            <Link to={`/plans/${encodeURIComponent(slug)}/measures/${encodeURIComponent(measure.id)}`}>
              {measure.title}
            </Link>
          </h3>
          {measure.isRepost && (
            <span className="badge badge--repost" title={t('plan.measure.repostHint')}>
              {t('plan.measure.repost')}
            </span>
          )}
        </div>
        <div className="measure__meta">
          <MinistryTags codes={measure.ministries} reference={reference} />
          <span className="measure__phases">
            {t('plan.measure.phases', { count: formatNumber(measure.phases.length) })}
          </span>
        </div>
        <KpiTable kpis={measure.kpis} measureTitle={measure.title} />
      </article>
    </li>
  );
}

function sheetAnchor(sheet: Sheet): string {
  return `sheet-${sheet.number}`;
}

function SheetSection({
  sheet,
  reference,
  slug,
}: {
  sheet: Sheet;
  reference: ReferenceLookup;
  slug: string;
}) {
  const { t } = useI18n();
  const headingId = `${sheetAnchor(sheet)}-heading`;
  return (
    <section className="sheet" id={sheetAnchor(sheet)} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <SheetName sheet={sheet} />
      </h2>
      <p className="sheet__meta">
        <span className="muted">
          {t('plan.sheet.measureCount', { count: formatNumber(sheet.measures.length) })}
        </span>
        <Link to={`/plans/${encodeURIComponent(slug)}/sheets/${sheet.number}/timeline`}>
          {t('plan.sheet.timelineLink')}
          <span className="visually-hidden">
            {' '}
            ({t('plan.sheet.number', { number: circledNumber(sheet.number) })})
          </span>
        </Link>
      </p>
      {sheet.measures.length === 0 ? (
        <p className="muted">{t('plan.sheet.empty')}</p>
      ) : (
        <ol className="measures">
          {sheet.measures.map((measure) => (
            <MeasureItem
              key={`${sheet.id}:${measure.id}`}
              measure={measure}
              reference={reference}
              slug={slug}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function PlanView({ plan }: { plan: PlanTree }) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const { user } = useSession();
  useDocumentTitle(plan.title);
  const revision = plan.revision ?? null;
  return (
    <article className="plan">
      <TimeTravelBanner revision={revision} />
      <RevisionPicker slug={plan.slug} />
      <header className="plan__header">
        <h1 lang={CONTENT_LANG}>{plan.title}</h1>
        {plan.isSample && <SampleNotice />}
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('plans.owner')}</dt>
            <dd lang={CONTENT_LANG}>{plan.owner}</dd>
          </div>
          {plan.adoptedOn && (
            <div className="facts__item">
              <dt>{t('plans.adopted')}</dt>
              <dd>{formatYearMonth(plan.adoptedOn, lang)}</dd>
            </div>
          )}
          <div className="facts__item">
            <dt>{t('plan.referenceDate')}</dt>
            <dd>{formatDate(plan.referenceDate, lang)}</dd>
          </div>
          {plan.policyFields.length > 0 && (
            <div className="facts__item">
              <dt>{t('plans.policyFields')}</dt>
              <dd>
                <PolicyFieldTags codes={plan.policyFields} reference={reference} />
              </dd>
            </div>
          )}
        </dl>
        {plan.description && (
          <p className="plan__description" lang={CONTENT_LANG}>
            {plan.description}
          </p>
        )}
        <p className="plan__actions">
          <Link className="button button--primary" to={`/plans/${encodeURIComponent(plan.slug)}/dashboard`}>
            {t('dashboard.planLink')}
          </Link>
          {plan.sheets.length > 0 && (
            <Link className="button" to={`/plans/${encodeURIComponent(plan.slug)}/timeline`}>
              {t('plan.timeline.link')}
            </Link>
          )}
          <Link className="button" to={roundsPath(plan.slug)}>
            {t('round.link')}
          </Link>
          <Link className="button" to={revisionsPath(plan.slug)}>
            {t('revision.link')}
          </Link>
          {canImport(user) && (
            <Link className="button" to={authoringPath(plan.slug)}>
              {t('authoring.link')}
            </Link>
          )}
          {(canImport(user) || user?.role === 'ministry') && (
            <Link className="button" to={proposalsPath(plan.slug)}>
              {t('proposal.link')}
            </Link>
          )}
        </p>
        <PlanReport plan={plan} />
      </header>

      {plan.sheets.length > 0 && (
        <nav className="toc" aria-labelledby="toc-title">
          <p id="toc-title" className="toc__title">
            {t('plan.sheets.nav')}
          </p>
          <ol>
            {plan.sheets.map((sheet) => (
              <li key={sheet.id}>
                <a href={`#${sheetAnchor(sheet)}`}>
                  <SheetName sheet={sheet} />
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <section className="goals-section" aria-labelledby="goals-heading">
        <h2 id="goals-heading">{t('plan.goals.title')}</h2>
        <ol className="goals">
          {plan.strategicGoals.map((goal) => (
            <GoalItem key={goal.id} goal={goal} />
          ))}
        </ol>
      </section>

      {plan.sheets.map((sheet) => (
        <SheetSection key={sheet.id} sheet={sheet} reference={reference} slug={plan.slug} />
      ))}
    </article>
  );
}

/** The follow-up report of the plan's latest published round: print view, PDF, Excel, and the open data. */
function PlanReport({ plan }: { plan: PlanTree }) {
  const { t, lang } = useI18n();
  const { user } = useSession();
  // At a revision (time travel), the round taken while it was in force, whenever it was published.
  const round = roundOfRevision(plan.rounds, plan.revision);
  const headingId = useId();
  const base = `/api/plans/${encodeURIComponent(plan.slug)}/report`;
  // A plan shown at a revision (time travel) is reported as that revision fixed it.
  const revision = plan.revision?.number;
  const travel = revision === undefined ? '' : `&revision=${String(revision)}`;
  const { resource: capabilities } = useApi<ReportCapabilities>('/api/report-capabilities', (signal) =>
    send(api.GET('/api/report-capabilities', { signal })),
  );
  const missing = capabilities.status === 'success' ? capabilities.data.pdf.missing : [];
  return (
    <section className="plan__report" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('report.heading')}</h2>
      {round ? (
        <>
          <p>{t('report.lead', { round: round.title, date: formatDate(round.asOfDate, lang) })}</p>
          {missing.length > 0 && (
            <div className="notice" role="status">
              <p>{t('report.pdfUnavailable')}</p>
              <ul>
                {missing.map((item) => (
                  <li key={item}>
                    <code>{item}</code>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <ReportJobControl slug={plan.slug} roundId={round.id} revision={revision} />
          <ul className="plan__report-links">
            <li>
              <a href={`${base}?round=${round.id}${travel}`}>{t('report.printView')}</a>
            </li>
            <li>
              <a href={`${base}?round=${round.id}&format=pdf${travel}`}>{t('report.pdfA3')}</a>
            </li>
            <li>
              <a href={`${base}?round=${round.id}&format=pdf&paper=A4${travel}`}>{t('report.pdfA4')}</a>
            </li>
            <li>
              <a href={`${base}?round=${round.id}&format=xlsx${travel}`}>{t('report.xlsx')}</a>
            </li>
            <li>
              <Link to="/open-data">{t('report.openData')}</Link>
            </li>
            {canEditPlan(user) && (
              <li>
                <Link to={planWorkbookPath(plan.slug)}>{t('report.workbook')}</Link>
              </li>
            )}
          </ul>
        </>
      ) : (
        <p>{t(plan.revision ? 'report.noneForRevision' : 'report.none')}</p>
      )}
    </section>
  );
}

/** `/plans/:slug`: goals with outcome targets, then each sheet's measures with their KPIs. */
export function PlanPage() {
  const { slug = '' } = useParams();
  // Time travel (見直し): ?revision=N or ?revisionOn=DATE shows the plan as that revision fixed it.
  const [search] = useSearchParams();
  const choice = readTimeTravel(search);
  const { resource, reload } = useApi(
    `/api/plans/${encodeURIComponent(slug)}?${timeTravelKey(choice)}`,
    (signal) => send(api.GET('/api/plans/{slug}', { params: { path: { slug }, query: choice }, signal })),
  );

  return (
    <PlanResourceView slug={slug} resource={resource} reload={reload}>
      {(plan) => <PlanView plan={plan} />}
    </PlanResourceView>
  );
}
