import { Link } from 'react-router';
import type { PlanSummary, Portfolio } from '../../api/types';
import { api, send } from '../../api/client';
import { useApi } from '../../api/useApi';
import { LatestRound } from '../../ui/LatestRound';
import { ResourceView } from '../../ui/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { formatDate } from '../../lib/date-format';
import { canImport } from '../auth/can-import';
import { useSession } from '../auth/useSession';
import { PolicyFieldTags } from '../../ui/PolicyFieldTags';
import { SampleBadge } from '../../ui/SampleBadge';
import { StatusCounts } from '../../ui/StatusCounts';
import { useReference, type ReferenceLookup } from '../../ui/useReference';
import { newPlanPath } from '../../ui/paths';
import './portfolio.css';

type PortfolioField = Portfolio['fields'][number];

function PlanCard({ plan, reference }: { plan: PlanSummary; reference: ReferenceLookup }) {
  const { t, lang } = useI18n();
  const headingId = `plan-${plan.id}`;
  const planPath = `/plans/${encodeURIComponent(plan.slug)}`;
  return (
    <li className="plan-card portfolio-plan">
      <article aria-labelledby={headingId}>
        <div className="plan-card__heading">
          <h3 id={headingId} className="plan-card__title">
            <Link to={planPath} lang={CONTENT_LANG}>
              {plan.title}
            </Link>
          </h3>
          {plan.isSample && <SampleBadge />}
        </div>
        <dl className="facts">
          <div className="facts__item">
            <dt>{t('plans.owner')}</dt>
            <dd lang={CONTENT_LANG}>{plan.owner}</dd>
          </div>
          <div className="facts__item">
            <dt>{t('plans.latestRound')}</dt>
            <dd>
              <LatestRound round={plan.latestRound} />
            </dd>
          </div>
          <div className="facts__item">
            <dt>{t('portfolio.nextDeadline')}</dt>
            <dd>{plan.nextDeadline ? formatDate(plan.nextDeadline, lang) : t('portfolio.noDeadline')}</dd>
          </div>
          {plan.policyFields.length > 0 && (
            <div className="facts__item">
              <dt>{t('plans.policyFields')}</dt>
              <dd>
                <PolicyFieldTags codes={plan.policyFields} reference={reference} />
              </dd>
            </div>
          )}
          <div className="facts__item">
            <dt>{t('plans.counts.measures')}</dt>
            <dd>
              {t('common.count', { count: formatNumber(plan.counts.measures) })} ／ {t('plans.counts.kpis')}{' '}
              {t('common.count', { count: formatNumber(plan.counts.kpis) })}
            </dd>
          </div>
        </dl>
        <h4 className="portfolio-plan__status-title">
          {t('portfolio.statusTitle', { total: formatNumber(plan.statusSummary.total) })}
        </h4>
        <StatusCounts
          summary={plan.statusSummary}
          label={t('portfolio.statusLabel', { plan: plan.title })}
          method={plan.statusMethod}
        />
        <p className="portfolio-plan__links">
          {/* Described by the plan's heading, so the link's name stays short and the plan title one link. */}
          <Link to={`${planPath}/dashboard`} aria-describedby={headingId}>
            {t('dashboard.link')}
          </Link>
        </p>
      </article>
    </li>
  );
}

function EmptyField() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div className="empty">
      <p>{t('portfolio.field.empty')}</p>
      {canImport(user) ? (
        <p>
          <Link to="/import">{t('portfolio.field.invite')}</Link>
        </p>
      ) : (
        <p>{t('portfolio.field.inviteText')}</p>
      )}
    </div>
  );
}

function FieldSection({ field, reference }: { field: PortfolioField; reference: ReferenceLookup }) {
  const { t, lang } = useI18n();
  const headingId = `field-${field.code}`;
  return (
    <section className="portfolio-field" aria-labelledby={headingId} data-field={field.code}>
      <h2 id={headingId}>
        {lang === 'en' ? (
          <>
            {field.nameEn} <span lang={CONTENT_LANG}>（{field.nameJa}）</span>
          </>
        ) : (
          field.nameJa
        )}
      </h2>
      {field.aimJa && (
        <div className="portfolio-field__aim">
          <p className="portfolio-field__aim-label">{t('portfolio.field.aim')}</p>
          <p lang={CONTENT_LANG}>{field.aimJa}</p>
        </div>
      )}
      {field.plans.length === 0 ? (
        <EmptyField />
      ) : (
        <ul className="plan-list">
          {field.plans.map((plan) => (
            <PlanCard key={plan.id} plan={plan} reference={reference} />
          ))}
        </ul>
      )}
    </section>
  );
}

function PortfolioView({ portfolio }: { portfolio: Portfolio }) {
  const { t, lang } = useI18n();
  const reference = useReference();
  const planCount =
    portfolio.fields.reduce((sum, field) => sum + field.plans.length, 0) + portfolio.otherPlans.length;
  return (
    <>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t('plan.referenceDate')}</dt>
          <dd data-reference-date={portfolio.referenceDate}>{formatDate(portfolio.referenceDate, lang)}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('portfolio.fieldCount')}</dt>
          <dd>{t('common.count', { count: formatNumber(portfolio.fields.length) })}</dd>
        </div>
        <div className="facts__item">
          <dt>{t('portfolio.planCount')}</dt>
          <dd>{t('common.count', { count: formatNumber(planCount) })}</dd>
        </div>
      </dl>
      {portfolio.fields.length > 0 && (
        <nav className="toc" aria-labelledby="portfolio-toc">
          <p id="portfolio-toc" className="toc__title">
            {t('portfolio.toc')}
          </p>
          <ol>
            {portfolio.fields.map((field) => (
              <li key={field.code}>
                <a href={`#field-${field.code}`}>
                  {lang === 'en' ? field.nameEn : field.nameJa} (
                  {t('common.count', { count: formatNumber(field.plans.length) })})
                </a>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {portfolio.fields.map((field) => (
        <FieldSection key={field.code} field={field} reference={reference} />
      ))}
      {portfolio.otherPlans.length > 0 && (
        <section className="portfolio-field" aria-labelledby="field-other">
          <h2 id="field-other">{t('portfolio.otherPlans')}</h2>
          <ul className="plan-list">
            {portfolio.otherPlans.map((plan) => (
              <PlanCard key={plan.id} plan={plan} reference={reference} />
            ))}
          </ul>
        </section>
      )}
      {planCount === 0 && <p className="empty">{t('plans.list.empty')}</p>}
    </>
  );
}

/** `/`: the bureau's policy fields with their aims, and every plan under its field with its status counts. */
export default function PortfolioPage() {
  const { t } = useI18n();
  const { user } = useSession();
  useDocumentTitle(t('portfolio.title'));
  const { resource, reload } = useApi('/api/portfolio', (signal) =>
    send(api.GET('/api/portfolio', { signal })),
  );
  return (
    <div className="portfolio">
      <h1>{t('portfolio.title')}</h1>
      <p className="lead">{t('portfolio.lead')}</p>
      {canImport(user) && (
        <p>
          <Link to={newPlanPath()} className="button button--primary">
            {t('authoring.create.link')}
          </Link>
        </p>
      )}
      <ResourceView resource={resource} reload={reload}>
        {(portfolio) => <PortfolioView portfolio={portfolio} />}
      </ResourceView>
    </div>
  );
}
