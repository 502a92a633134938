import { countAgainstBar, memberName } from '@kotei/domain/codes';
import type { Breakdown, Kpi } from '../../api/types';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { formatFiscalYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { ScrollRegion } from '../../ui/ScrollRegion';

const DIMENSION_KEY: Record<Breakdown['dimension'], MessageKey> = {
  prefecture: 'measure.breakdown.dimension.prefecture',
  sex: 'measure.breakdown.dimension.sex',
  age_group: 'measure.breakdown.dimension.age_group',
  ministry: 'measure.breakdown.dimension.ministry',
};

interface BrokenDown {
  key: string;
  period: string;
  /** The KPI's own figure written beside the breakdown, shown apart and never added up from it. */
  total: number | null;
  breakdown: Breakdown;
}

/** Every point and actual of a KPI that carries a breakdown, baseline and target first, then by year. */
function brokenDown(kpi: Kpi, t: (key: MessageKey) => string, year: (fy: number) => string): BrokenDown[] {
  const list: BrokenDown[] = [];
  for (const [which, point] of [
    ['baseline', kpi.baseline],
    ['target', kpi.target],
  ] as const) {
    if (point?.breakdown) {
      const name = t(which === 'baseline' ? 'measure.breakdown.baseline' : 'measure.breakdown.target');
      list.push({
        key: which,
        period: `${name} (${point.period.label})`,
        total: point.value,
        breakdown: point.breakdown,
      });
    }
  }
  kpi.actuals.forEach((actual, index) => {
    if (actual.breakdown) {
      const { fiscalYear, label } = actual.period;
      const period = fiscalYear === null ? label : year(fiscalYear);
      list.push({ key: `actual-${index}`, period, total: actual.value, breakdown: actual.breakdown });
    }
  });
  return list;
}

function BreakdownTable({ kpi, item }: { kpi: Kpi; item: BrokenDown }) {
  const { t, lang } = useI18n();
  const dimension = t(DIMENSION_KEY[item.breakdown.dimension]);
  const caption = t('measure.breakdown.caption', { dimension, period: item.period });
  const bar = kpi.shape === 'share-meeting-bar' ? kpi.bar : null;
  const counted = bar === null ? null : countAgainstBar(item.breakdown, bar);
  const barText = bar === null ? '' : `${formatNumber(bar)}${kpi.unit}`;
  const below = new Set(counted?.below ?? []);
  return (
    <figure className="kpi-breakdown">
      {counted && (
        <p className="kpi-breakdown__summary">
          {t('measure.breakdown.summary', {
            members: item.breakdown.values.length,
            below: counted.below.length,
            dimension,
            bar: barText,
          })}
        </p>
      )}
      {item.total !== null && kpi.shape !== 'share-meeting-bar' && (
        <p className="kpi-breakdown__total">
          {t('measure.breakdown.total', { value: `${formatNumber(item.total)}${kpi.unit}` })}
        </p>
      )}
      <ScrollRegion label={t('common.scrollRegion', { name: `${caption}: ${kpi.name}` })}>
        <table className="data-table kpi-breakdown__table">
          <caption>
            {caption}
            <span className="visually-hidden">
              : <span lang={CONTENT_LANG}>{kpi.name}</span>
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{dimension}</th>
              <th scope="col" className="num">
                {t('measure.breakdown.value')}
              </th>
              {bar !== null && <th scope="col">{t('measure.breakdown.bar', { bar: barText })}</th>}
            </tr>
          </thead>
          <tbody>
            {item.breakdown.values.map(({ member, value }) => (
              <tr key={member} className={below.has(member) ? 'kpi-breakdown__row--below' : undefined}>
                <th scope="row">{memberName(item.breakdown.dimension, member, lang)}</th>
                <td className="num">
                  {value === null ? t('common.noValue') : `${formatNumber(value)}${kpi.unit}`}
                </td>
                {bar !== null && (
                  <td>
                    {value === null
                      ? t('common.noValue')
                      : t(below.has(member) ? 'measure.breakdown.below' : 'measure.breakdown.meets')}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </figure>
  );
}

/** A KPI's values by prefecture, sex …: one table per broken-down point or actual, the total shown apart. */
export function KpiBreakdowns({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const items = brokenDown(kpi, t, (fy) => formatFiscalYear(fy, lang, t));
  if (items.length === 0) return null;
  return (
    <>
      {items.map((item) => (
        <BreakdownTable key={item.key} kpi={kpi} item={item} />
      ))}
    </>
  );
}
