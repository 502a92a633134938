// The plan's budget: totals per ministry and per type and year; 内数 apart, never added.
import type { PlanDashboard } from '../../api/types';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { formatFiscalYear } from '../../lib/fiscal-year-label';
import { formatNumber } from '../../lib/format';
import { useReference } from '../../ui/useReference';
import { useFormatYen } from '../../ui/useFormatYen';

export function Budget({ dashboard }: { dashboard: PlanDashboard }) {
  const { t, lang } = useI18n();
  const money = useFormatYen();
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
