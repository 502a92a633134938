// The dashboard's tables of statuses: per sheet, and the KPIs furthest behind.
import { Link } from 'react-router';
import type { PlanDashboard } from '../../api/types';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, circledNumber, formatNumber } from '../../lib/format';
import { progressStatusKey } from '../../ui/progress-status';
import { ABNF_GRADES, PROGRESS_STATUS_SYMBOL, PROGRESS_STATUSES } from '@kotei/domain/status';
import { ProgressStatusBadge } from '../../ui/ProgressStatusBadge';
import { gradeKey, KpiStatusBadge, kpiStatusSentence } from '../../ui/StatusMethod';
import { withReferenceDate } from '../../ui/reference-date-param';
import { measurePath } from '../../ui/paths';

export function SheetsTable({ dashboard, at }: { dashboard: PlanDashboard; at: string | null }) {
  const { t } = useI18n();
  const slug = dashboard.plan.slug;
  const caption = t('dashboard.sheets.caption');
  // Under A/B/N/F a sheet shows its counts per grade; grades are counted, never averaged into one.
  const isAbnf = dashboard.plan.statusMethod === 'abnf';
  return (
    <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
      <table className="data-table dashboard-sheets">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboard.sheets.sheet')}</th>
            {!isAbnf && <th scope="col">{t('dashboard.sheets.status')}</th>}
            <th scope="col">{t('dashboard.sheets.total')}</th>
            {isAbnf
              ? ABNF_GRADES.map((grade) => (
                  <th scope="col" key={grade} className="num">
                    {t(gradeKey(grade))}
                  </th>
                ))
              : PROGRESS_STATUSES.map((status) => (
                  <th scope="col" key={status} className="num">
                    <span aria-hidden="true">{PROGRESS_STATUS_SYMBOL[status]} </span>
                    {t(progressStatusKey(status))}
                  </th>
                ))}
            <th scope="col">{t('dashboard.sheets.overdue')}</th>
            <th scope="col">{t('dashboard.sheets.unreported')}</th>
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
                {!isAbnf && (
                  <td>
                    <ProgressStatusBadge status={sheet.statusSummary.status} />
                  </td>
                )}
                <td className="num">{formatNumber(sheet.statusSummary.total)}</td>
                {isAbnf
                  ? ABNF_GRADES.map((grade) => (
                      <td key={grade} className="num">
                        {formatNumber(sheet.statusSummary.grades[grade] ?? 0)}
                      </td>
                    ))
                  : PROGRESS_STATUSES.map((status) => (
                      <td key={status} className="num">
                        {formatNumber(sheet.statusSummary.counts[status] ?? 0)}
                      </td>
                    ))}
                <td className="num">{formatNumber(sheet.overduePhases)}</td>
                <td className="num">{formatNumber(sheet.unreportedPhases)}</td>
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

export function WorstKpis({ dashboard }: { dashboard: PlanDashboard }) {
  const { t, lang } = useI18n();
  if (dashboard.worstKpis.length === 0) return <p className="empty">{t('dashboard.worst.none')}</p>;
  return (
    <ol className="dashboard-worst">
      {dashboard.worstKpis.map((item) => (
        <li key={`${item.measureId}:${item.kpi.id}`}>
          <KpiStatusBadge status={item.kpi.status} method={dashboard.plan.statusMethod} />{' '}
          <Link to={measurePath(dashboard.plan.slug, item.measureId)} lang={CONTENT_LANG}>
            {item.kpi.name}
          </Link>
          <span className="muted">
            {' '}
            （{t('plan.sheet.number', { number: circledNumber(item.sheetNumber) })}{' '}
            <span lang={CONTENT_LANG}>{item.measureTitle}</span>）
          </span>
          <p className="dashboard-worst__sentence">
            {kpiStatusSentence(item.kpi.status, dashboard.plan.statusMethod, lang)}
          </p>
        </li>
      ))}
    </ol>
  );
}
