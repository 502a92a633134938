import type { KpiShape } from '../model/codes.js';
import type { ErrorDetail } from '../model/errors.js';
import type { KpiNode } from './structure.js';

/** The unit a shape demands, where it demands one: a rank counts places, a multiplier times, a qualitative none. */
const SHAPE_UNITS: Partial<Record<KpiShape, readonly string[]>> = {
  rank: ['位'],
  multiplier: ['倍'],
  qualitative: [''],
};

/** What is wrong with a KPI as edited: a unit its shape does not allow, a target not after its baseline. */
export function checkKpi(kpi: KpiNode): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const units = SHAPE_UNITS[kpi.shape];
  if (units !== undefined && !units.includes(kpi.unit))
    errors.push({
      path: 'unit',
      message: `a ${kpi.shape} KPI takes ${units.map((u) => (u === '' ? 'no unit' : `"${u}"`)).join(' or ')}, not "${kpi.unit}"`,
    });
  if (units === undefined && kpi.unit === '')
    errors.push({ path: 'unit', message: `a ${kpi.shape} KPI needs a unit` });
  const numeric = kpi.shape !== 'qualitative';
  for (const key of ['baseline', 'target'] as const) {
    const point = kpi[key];
    if (point && numeric && point.value === null)
      errors.push({ path: `${key}.value`, message: `a ${kpi.shape} KPI's ${key} needs a value` });
  }
  if (kpi.baseline && kpi.target) {
    const baselineEnd = kpi.baseline.period.end ?? kpi.baseline.period.start;
    const targetEnd = kpi.target.period.end ?? kpi.target.period.start;
    if (targetEnd <= baselineEnd)
      errors.push({
        path: 'target.period',
        message: `the target (${kpi.target.period.label}) must come after the baseline (${kpi.baseline.period.label})`,
      });
  }
  return errors;
}
