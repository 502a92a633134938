import { Link } from 'react-router';
import type { PlanSummary } from '@kotei/contracts';
import { useApi } from '../../api/useApi';
import { LoadError, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { formatDate, formatYearMonth } from '../../lib/wareki';
import { PolicyFieldTags } from './PolicyFieldTags';
import { SampleBadge } from './SampleBadge';
import { useReference, type ReferenceLookup } from './useReference';

function PlanCard({ plan, reference }: { plan: PlanSummary; reference: ReferenceLookup }) {
  const { t, lang } = useI18n();
  const headingId = `plan-${plan.id}`;
  const counts = [
    { key: 'plans.counts.goals', value: plan.counts.goals },
    { key: 'plans.counts.sheets', value: plan.counts.sheets },
    { key: 'plans.counts.measures', value: plan.counts.measures },
    { key: 'plans.counts.kpis', value: plan.counts.kpis },
  ] as const;

  return (
    <li className="plan-card">
      <article aria-labelledby={headingId}>
        <div className="plan-card__heading">
          <h2 id={headingId} className="plan-card__title">
            <Link to={`/plans/${encodeURIComponent(plan.slug)}`} lang={CONTENT_LANG}>
              {plan.title}
            </Link>
          </h2>
          {plan.isSample && <SampleBadge />}
        </div>
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
          {plan.latestRound && (
            <div className="facts__item">
              <dt>{t('plans.latestRound')}</dt>
              <dd>
                <span lang={CONTENT_LANG}>{plan.latestRound.title}</span> (
                {t('plans.asOf', { date: formatDate(plan.latestRound.asOfDate, lang) })})
              </dd>
            </div>
          )}
          {plan.policyFields.length > 0 && (
            <div className="facts__item">
              <dt>{t('plans.policyFields')}</dt>
              <dd>
                <PolicyFieldTags codes={plan.policyFields} reference={reference} />
              </dd>
            </div>
          )}
        </dl>
        <dl className="counts">
          {counts.map(({ key, value }) => (
            <div key={key} className="counts__item">
              <dt>{t(key)}</dt>
              <dd>{t('common.count', { count: formatNumber(value) })}</dd>
            </div>
          ))}
        </dl>
      </article>
    </li>
  );
}

/** `/`: every plan with its owner, adoption date, policy fields and size. */
export function PlanListPage() {
  const { t } = useI18n();
  useDocumentTitle(t('plans.list.title'));
  const { resource, reload } = useApi<{ plans: PlanSummary[] }>('/api/plans');
  const reference = useReference();

  return (
    <>
      <h1>{t('plans.list.title')}</h1>
      <p className="lead">{t('plans.list.lead')}</p>
      {resource.status === 'loading' && <Loading />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'success' &&
        (resource.data.plans.length === 0 ? (
          <p className="empty">{t('plans.list.empty')}</p>
        ) : (
          <ul className="plan-list">
            {resource.data.plans.map((plan) => (
              <PlanCard key={plan.id} plan={plan} reference={reference} />
            ))}
          </ul>
        ))}
    </>
  );
}
