import type { Kpi, KpiPoint } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { valueUnit } from '../../ui/kpi-format';
import { CONTENT_LANG, formatNumber } from '../../lib/format';

function PointCells({ point }: { point: KpiPoint | null }) {
  const { t } = useI18n();
  const noValue = t('common.noValue');
  return (
    <>
      <td lang={CONTENT_LANG}>{point?.period.label.trim() || noValue}</td>
      <td className="num">{point && point.value !== null ? formatNumber(point.value) : noValue}</td>
    </>
  );
}

/** A measure's output KPIs: name, baseline and target (period as written, value), unit. */
export function KpiTable({ kpis, measureTitle }: { kpis: readonly Kpi[]; measureTitle: string }) {
  const { t } = useI18n();
  if (kpis.length === 0) return <p className="muted">{t('plan.kpis.none')}</p>;
  // Six columns do not fit a 360 px phone in English: the table scrolls inside its own region, not the page.
  return (
    <ScrollRegion label={`${t('plan.kpis.caption')}: ${measureTitle}`}>
      <table className="kpi-table">
        <caption>
          {t('plan.kpis.caption')}
          <span className="visually-hidden">
            : <span lang={CONTENT_LANG}>{measureTitle}</span>
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('plan.kpis.name')}</th>
            <th scope="col">{t('plan.kpis.baselineLabel')}</th>
            <th scope="col">{t('plan.kpis.baselineValue')}</th>
            <th scope="col">{t('plan.kpis.targetLabel')}</th>
            <th scope="col">{t('plan.kpis.targetValue')}</th>
            <th scope="col">{t('plan.kpis.unit')}</th>
          </tr>
        </thead>
        <tbody>
          {kpis.map((kpi) => (
            <tr key={kpi.id}>
              <th scope="row" lang={CONTENT_LANG}>
                {kpi.name}
              </th>
              <PointCells point={kpi.baseline} />
              <PointCells point={kpi.target} />
              <td lang={CONTENT_LANG}>{valueUnit(kpi) || t('common.noValue')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
