import type { Kpi, Originals } from '../../api/types';
import { useI18n } from '../../i18n/useI18n';
import { CONTENT_LANG, formatNumber } from '../../lib/format';

type Target = Originals['kpis'][number]['original'];

const WIDTH = 480;
const HEIGHT = 96;
const PAD = 24;

function targetText(point: Target, unit: string, none: string): string {
  if (!point) return none;
  const value = point.value === null ? none : `${formatNumber(point.value)}${unit}`;
  return `${value}（${point.period.label}）`;
}

/**
 * One KPI's targets, originally adopted (当初目標, dashed line, open diamond) and current (目標, solid line,
 * filled circle), with its baseline and actuals as dots on one scale: drawn by shape and line style, not only
 * colour, and said in text beside it.
 */
function TargetChart({ kpi, original }: { kpi: Kpi; original: Target }) {
  const { t } = useI18n();
  const values = [
    kpi.baseline?.value,
    kpi.target?.value,
    original?.value,
    ...kpi.actuals.map((a) => a.value),
  ].filter((v): v is number => typeof v === 'number');
  if (values.length === 0 || original?.value == null || kpi.target?.value == null) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = (v: number) => PAD + ((v - min) / (max - min || 1)) * (WIDTH - 2 * PAD);
  const mark = (v: number, y1: number, dashed: boolean, label: string, cls: string) => (
    <g className={cls}>
      <line
        x1={x(v)}
        x2={x(v)}
        y1={y1}
        y2={HEIGHT - 20}
        stroke={dashed ? '#4d4d4d' : '#0017c1'}
        strokeWidth={2}
        strokeDasharray={dashed ? '5 4' : undefined}
      />
      <text x={x(v)} y={y1 - 4} textAnchor="middle" fontSize={12} fill="#1a1a1a">
        {label}
      </text>
    </g>
  );
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      role="img"
      className="original-target-chart"
      aria-label={t('timeTravel.original', {
        original: targetText(original, kpi.unit, t('common.noValue')),
        current: targetText(kpi.target, kpi.unit, t('common.noValue')),
      })}
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={HEIGHT - 20} y2={HEIGHT - 20} stroke="#767676" />
      {mark(original.value, 22, true, t('timeTravel.originalTarget'), 'original-target-chart__original')}
      {mark(kpi.target.value, 50, false, t('measure.kpis.target'), 'original-target-chart__current')}
      {kpi.actuals.map((a) => (
        <rect
          key={`${a.period.start}-${String(a.value)}`}
          x={x(a.value) - 4}
          y={HEIGHT - 24}
          width={8}
          height={8}
          fill="#1a1a1a"
        />
      ))}
    </svg>
  );
}

/** Originally adopted vs current targets of the measure's KPIs, where a revision changed them (見直し). */
export function OriginalTargets({
  kpis,
  originals,
}: {
  kpis: readonly Kpi[];
  originals: Originals | undefined;
}) {
  const { t } = useI18n();
  if (!originals || originals.kpis.length === 0) return null;
  const byId = new Map(kpis.map((k) => [k.id, k]));
  return (
    <ul className="original-targets">
      {originals.kpis.map((o) => {
        const kpi = byId.get(o.kpiId);
        if (!kpi) return null;
        return (
          <li key={o.kpiId} data-original-target={o.kpiId}>
            <p>
              <strong lang={CONTENT_LANG}>{kpi.name}</strong>{' '}
              <span className="original-targets__mark">
                {t('timeTravel.originalTargetText', {
                  number: originals.base.number,
                  value: targetText(o.original, kpi.unit, t('common.noValue')),
                })}
              </span>{' '}
              {t('timeTravel.original', {
                original: targetText(o.original, kpi.unit, t('common.noValue')),
                current: targetText(o.current, kpi.unit, t('common.noValue')),
              })}
            </p>
            <TargetChart kpi={kpi} original={o.original} />
          </li>
        );
      })}
    </ul>
  );
}
