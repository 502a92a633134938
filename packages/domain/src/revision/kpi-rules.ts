import type { KpiShape } from '../model/codes.js';
import type { ErrorDetail } from '../model/errors.js';
import type { KpiNode } from './structure.js';

/** The unit a shape demands, where it demands one: a rank counts places, a multiplier times, a qualitative none. */
const SHAPE_UNITS: Partial<Record<KpiShape, readonly string[]>> = {
  rank: ['位', '位以内', '位以上'],
  multiplier: ['倍'],
  qualitative: [''],
};

/** Which of a KPI's fields an edit touched; a new KPI is checked whole. */
export interface KpiFieldsEdited {
  unitOrShape: boolean;
  points: boolean;
}

const ALL: KpiFieldsEdited = { unitOrShape: true, points: true };

/**
 * What is wrong with a KPI as edited: a unit its shape does not allow, a baseline or target without the value its
 * shape needs, a target not after its baseline. Only what the edit touched is checked, so a KPI read from a
 * document as it was written can still be edited elsewhere.
 */
export function checkKpi(kpi: KpiNode, edited: KpiFieldsEdited = ALL): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  if (edited.unitOrShape) errors.push(...checkUnit(kpi));
  if (edited.points) errors.push(...checkPoints(kpi));
  return errors;
}

function checkUnit(kpi: KpiNode): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const units = SHAPE_UNITS[kpi.shape];
  if (units !== undefined && !units.includes(kpi.unit))
    errors.push({
      path: 'unit',
      message: `a ${kpi.shape} KPI takes ${units.map((u) => (u === '' ? 'no unit' : `"${u}"`)).join(' or ')}, not "${kpi.unit}"`,
      ja: `この形のKPIの単位は${units.map((u) => (u === '' ? '単位なし' : `「${u}」`)).join('または')}です（「${kpi.unit}」は使えません）`,
    });
  if (units === undefined && kpi.unit === '')
    errors.push({
      path: 'unit',
      message: `a ${kpi.shape} KPI needs a unit`,
      ja: 'この形のKPIには単位が必要です',
    });
  return errors;
}

function checkPoints(kpi: KpiNode): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const numeric = kpi.shape !== 'qualitative';
  for (const key of ['baseline', 'target'] as const) {
    const point = kpi[key];
    if (point && numeric && point.value === null)
      errors.push({
        path: `${key}.value`,
        message: `a ${kpi.shape} KPI's ${key} needs a value`,
        ja: `この形のKPIの${key === 'target' ? '目標値' : '基準値'}には数値が必要です`,
      });
  }
  if (kpi.baseline && kpi.target) {
    const baselineEnd = kpi.baseline.period.end ?? kpi.baseline.period.start;
    const targetEnd = kpi.target.period.end ?? kpi.target.period.start;
    if (targetEnd <= baselineEnd)
      errors.push({
        path: 'target.period',
        message: `the target (${kpi.target.period.label}) must come after the baseline (${kpi.baseline.period.label})`,
        ja: `目標の時期（${kpi.target.period.label}）は基準の時期（${kpi.baseline.period.label}）より後にしてください`,
      });
  }
  return errors;
}
