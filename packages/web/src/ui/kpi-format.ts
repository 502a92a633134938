import type { Kpi, KpiPoint } from '../api/types';
import { formatNumber } from '../lib/format';

/** A KPI point's value with its unit ("150件"), or null when the point has no number. */
export function formatPointValue(point: KpiPoint | null, unit: string): string | null {
  if (!point || point.value === null) return null;
  return `${formatNumber(point.value)}${unit}`;
}

/**
 * The unit a KPI's own values are written in. A share-meeting-bar KPI (全都道府県で80%以上) counts the units
 * under its bar, so its values (11, 9) are counts: its unit (%) belongs to the bar and the breakdown's members.
 */
export function valueUnit(kpi: Pick<Kpi, 'unit'> & Partial<Pick<Kpi, 'shape'>>): string {
  return kpi.shape === 'share-meeting-bar' ? '' : kpi.unit;
}

/**
 * An outcome target in one line, as the documents write it: "100件 → 150件 (2021年→2028年)".
 * Parts the data lacks are left out; an empty string when there is nothing to show.
 */
export function formatOutcome(
  kpi: Pick<Kpi, 'baseline' | 'target' | 'unit'> & Partial<Pick<Kpi, 'shape'>>,
): string {
  const baseline = formatPointValue(kpi.baseline, valueUnit(kpi));
  const target = formatPointValue(kpi.target, valueUnit(kpi));
  const values = [baseline, target].filter((v): v is string => v !== null).join(' → ');

  const baselineLabel = kpi.baseline?.period.label.trim() ?? '';
  const targetLabel = kpi.target?.period.label.trim() ?? '';
  let periods = '';
  if (baselineLabel && targetLabel) periods = `(${baselineLabel}→${targetLabel})`;
  else if (baselineLabel || targetLabel) periods = `(${baselineLabel || targetLabel})`;

  return [values, periods].filter((part) => part !== '').join(' ');
}
