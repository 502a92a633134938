import { describe, it, expect } from 'vitest';
import type { KpiPlacement, KpiScoredStatus, MeasurePlacement } from './roll-up.js';
import { rollUpByGoal, rollUpByMeasure, rollUpBySheet, rollUpPlan, rollUpStatuses } from './roll-up.js';

const measures: MeasurePlacement[] = [
  { id: 'm1', sheetId: 's1', repostedOnSheetIds: [] },
  { id: 'm2', sheetId: 's1', repostedOnSheetIds: ['s2'] },
];
const kpis: KpiPlacement[] = [
  { id: 'k1', measureId: 'm1', goalId: null },
  { id: 'k2', measureId: 'm2', goalId: null },
  { id: 'k3', measureId: 'm2', goalId: null },
  { id: 'o1', measureId: null, goalId: 'g1' },
  { id: 'o2', measureId: null, goalId: 'g1' },
];
const statuses: KpiScoredStatus[] = [
  { kpiId: 'k1', status: 'on_track', score: 4 },
  { kpiId: 'k2', status: 'limited', score: -1 },
  { kpiId: 'k3', status: 'no_data', score: null },
  { kpiId: 'o1', status: 'achieved', score: 5 },
];

describe('rollUpStatuses', () => {
  it('counts every status and averages the scores present', () => {
    const result = rollUpStatuses(statuses);
    expect(result.counts).toEqual({
      achieved: 1,
      on_track: 1,
      moderate: 0,
      limited: 1,
      deteriorating: 0,
      no_data: 1,
    });
    expect(result).toMatchObject({ total: 4, scored: 3, score: 8 / 3, status: 'on_track' });
  });

  it('counts A/B/N/F grades beside the statuses, a KPI without a grade as N', () => {
    const graded: KpiScoredStatus[] = [
      { kpiId: 'k1', status: 'on_track', score: 4, grade: 'A' },
      { kpiId: 'k2', status: 'limited', score: -1, grade: 'B' },
      { kpiId: 'k3', status: 'no_data', score: null, grade: 'F' },
      { kpiId: 'o1', status: 'achieved', score: 5 },
    ];
    expect(rollUpStatuses(graded).grades).toEqual({ A: 1, B: 1, N: 1, F: 1 });
    // o2 has no status at all and counts as N in the plan and its goal.
    expect(rollUpPlan(kpis, graded).grades).toEqual({ A: 1, B: 1, N: 2, F: 1 });
    expect(rollUpByGoal(kpis, graded).get('g1')?.grades).toEqual({ A: 0, B: 0, N: 2, F: 0 });
  });

  it('has no data for an empty group', () => {
    expect(rollUpStatuses([])).toMatchObject({ status: 'no_data', score: null, total: 0, scored: 0 });
  });
});

describe('roll-ups to measure, sheet, strategic goal and plan', () => {
  it('rolls output KPIs up to their measure', () => {
    const byMeasure = rollUpByMeasure(kpis, statuses);
    expect(byMeasure.get('m1')).toMatchObject({ status: 'on_track', score: 4, total: 1 });
    expect(byMeasure.get('m2')).toMatchObject({ status: 'limited', score: -1, total: 2, scored: 1 });
  });

  it('rolls a sheet up over what it shows, reposts included', () => {
    const bySheet = rollUpBySheet(measures, kpis, statuses);
    expect(bySheet.get('s1')).toMatchObject({ total: 3, score: 1.5, status: 'moderate' });
    expect(bySheet.get('s2')).toMatchObject({ total: 2, score: -1 });
  });

  it('rolls outcome targets up to their strategic goal; an unevaluated one counts as no data', () => {
    const byGoal = rollUpByGoal(kpis, statuses);
    expect(byGoal.get('g1')).toMatchObject({ status: 'achieved', score: 5, total: 2, scored: 1 });
    expect(byGoal.get('g1')?.counts.no_data).toBe(1);
  });

  it('rolls the plan up over every KPI once', () => {
    const plan = rollUpPlan(kpis, statuses);
    expect(plan).toMatchObject({ total: 5, scored: 3, score: 8 / 3, status: 'on_track' });
    expect(plan.counts.no_data).toBe(2);
  });
});
