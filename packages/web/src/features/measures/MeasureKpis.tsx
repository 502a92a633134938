import { createColumnHelper } from '@tanstack/react-table';
import { useId, useMemo } from 'react';
import type { Kpi, KpiPoint } from '../../api/types';
import { ScrollRegion } from '../../ui/ScrollRegion';
import type { MessageKey } from '../../i18n/ja';
import { useI18n } from '../../i18n/useI18n';
import { exactFiscalYear, formatFiscalYear } from '../../lib/fiscal-year-label';
import { CONTENT_LANG, formatNumber } from '../../lib/format';
import { valueUnit } from '../../ui/kpi-format';
import { DataTable } from './DataTable';
import { KpiBreakdowns } from './KpiBreakdowns';
import { KpiStatusBadge, kpiStatusSentence, statusMethodKey } from '../../ui/StatusMethod';
import type { StatusMethod } from '@kotei/domain/status';

type Actual = Kpi['actuals'][number];

/** The catalogue key of each way an actual reached kotei. */
const ORIGIN_KEY: Record<Actual['origin'], MessageKey> = {
  reported: 'measure.actuals.origin.reported',
  imported: 'measure.actuals.origin.imported',
  extracted_from_text: 'measure.actuals.origin.extracted_from_text',
};

/** "14" with "(R10)" and, where the period is one fiscal year, "令和10年度 (2028)" under it. */
function PointCell({ point, unit }: { point: KpiPoint | null; unit: string }) {
  const { t, lang } = useI18n();
  if (!point) return <>{t('common.noValue')}</>;
  const year = exactFiscalYear(point.period);
  const label = point.period.label.trim();
  return (
    <>
      <span className="kpi-point__value">
        {point.value === null ? t('common.noValue') : `${formatNumber(point.value)}${unit}`}
      </span>
      {label && (
        <>
          {' '}
          <span className="kpi-point__label" lang={CONTENT_LANG}>
            ({label})
          </span>
        </>
      )}
      {year !== null && <span className="kpi-point__year">{formatFiscalYear(year, lang, t)}</span>}
    </>
  );
}

const kpiColumn = createColumnHelper<Kpi>();
const actualColumn = createColumnHelper<Actual>();

function ActualsTable({ kpi }: { kpi: Kpi }) {
  const { t, lang } = useI18n();
  const columns = useMemo(
    () => [
      actualColumn.accessor((actual) => actual.period.fiscalYear, {
        id: 'fiscalYear',
        header: () => t('measure.actuals.year'),
        cell: (info) => {
          const year = info.getValue();
          return year === null ? t('common.noValue') : formatFiscalYear(year, lang, t);
        },
        meta: { isRowHeader: true },
      }),
      actualColumn.accessor('value', {
        header: () => t('measure.actuals.value'),
        cell: (info) => `${formatNumber(info.getValue())}${valueUnit(kpi)}`,
        meta: { className: 'num' },
      }),
      actualColumn.accessor((actual) => actual.period.label, {
        id: 'label',
        header: () => t('measure.actuals.label'),
        cell: (info) => info.getValue() || t('common.noValue'),
        meta: { lang: CONTENT_LANG },
      }),
      actualColumn.accessor('origin', {
        header: () => t('measure.actuals.origin'),
        cell: (info) => (
          <>
            <span className={`origin origin--${info.getValue()}`}>{t(ORIGIN_KEY[info.getValue()])}</span>
            {info.row.original.borrowedFrom !== null && (
              <span className="origin__borrowed"> ({t('measure.actuals.borrowed')})</span>
            )}
          </>
        ),
      }),
    ],
    [t, lang, kpi],
  );
  const actuals = useMemo(
    () => [...kpi.actuals].sort((a, b) => (a.period.fiscalYear ?? 0) - (b.period.fiscalYear ?? 0)),
    [kpi.actuals],
  );
  if (actuals.length === 0) return <p className="muted">{t('measure.actuals.none')}</p>;
  const caption = t('measure.actuals.caption');
  return (
    <ScrollRegion label={t('common.scrollRegion', { name: `${caption}: ${kpi.name}` })}>
      <DataTable
        data={actuals}
        columns={columns}
        caption={
          <>
            {caption}
            <span className="visually-hidden">
              : <span lang={CONTENT_LANG}>{kpi.name}</span>
            </span>
          </>
        }
      />
    </ScrollRegion>
  );
}

/** A KPI's status by the plan's method and, when asked, by the other one beside it. */
function KpiStatusBlock({ kpi, method, compare }: { kpi: Kpi; method: StatusMethod; compare: boolean }) {
  const { t, lang } = useI18n();
  const other: StatusMethod = method === 'abnf' ? 'open-sdg' : 'abnf';
  const line = (shown: StatusMethod, key: 'abnf.compare.this' | 'abnf.compare.other') => (
    <p className="kpi-status__line" data-method={shown}>
      <span className="kpi-status__method">{t(key, { method: t(statusMethodKey(shown)) })}</span>:{' '}
      <KpiStatusBadge status={kpi.status} method={shown} />{' '}
      <span className="kpi-status__sentence">{kpiStatusSentence(kpi.status, shown, lang)}</span>
    </p>
  );
  return (
    <div className="kpi-status" aria-label={t('abnf.kpi.status')} role="group">
      {line(method, 'abnf.compare.this')}
      {compare && line(other, 'abnf.compare.other')}
    </div>
  );
}

function KpiDetail({ kpi, method, compare }: { kpi: Kpi; method: StatusMethod; compare: boolean }) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <article className="kpi-detail" aria-labelledby={headingId}>
      <h3 id={headingId} lang={CONTENT_LANG}>
        {kpi.name}
      </h3>
      {kpi.note && (
        <p className="kpi-detail__note">
          <span className="kpi-detail__note-label">{t('measure.kpis.note')}: </span>
          <span lang={CONTENT_LANG}>{kpi.note}</span>
        </p>
      )}
      <KpiStatusBlock kpi={kpi} method={method} compare={compare} />
      <ActualsTable kpi={kpi} />
      <KpiBreakdowns kpi={kpi} />
    </article>
  );
}

/** The measure's KPIs: one table of baselines and targets, then each KPI's actuals with their origin. */
export function MeasureKpis({
  kpis,
  method,
  compare,
}: {
  kpis: readonly Kpi[];
  /** The plan's status method, and whether to show the other beside it. */
  method: StatusMethod;
  compare: boolean;
}) {
  const { t } = useI18n();
  const columns = useMemo(
    () => [
      kpiColumn.accessor('name', {
        header: () => t('measure.kpis.name'),
        meta: { isRowHeader: true, lang: CONTENT_LANG },
      }),
      kpiColumn.accessor('baseline', {
        header: () => t('measure.kpis.baseline'),
        cell: (info) => <PointCell point={info.getValue()} unit={valueUnit(info.row.original)} />,
      }),
      kpiColumn.accessor('target', {
        header: () => t('measure.kpis.target'),
        cell: (info) => <PointCell point={info.getValue()} unit={valueUnit(info.row.original)} />,
      }),
      kpiColumn.accessor('unit', {
        header: () => t('measure.kpis.unit'),
        cell: (info) => valueUnit(info.row.original) || t('common.noValue'),
        meta: { lang: CONTENT_LANG },
      }),
    ],
    [t],
  );
  if (kpis.length === 0) return <p className="muted">{t('measure.kpis.none')}</p>;
  const caption = t('measure.kpis.caption');
  return (
    <>
      <ScrollRegion label={t('common.scrollRegion', { name: caption })}>
        <DataTable data={kpis} columns={columns} caption={caption} className="kpi-summary" />
      </ScrollRegion>
      {kpis.map((kpi) => (
        <KpiDetail key={kpi.id} kpi={kpi} method={method} compare={compare} />
      ))}
    </>
  );
}
