import { describe, expect, it } from 'vitest';
import { type DashboardOutcome, buildTrajectory, hasTrajectory, originalTargetOf } from './outcome-series';

function outcome(
  overrides: Partial<DashboardOutcome['kpi']>,
  path: DashboardOutcome['path'],
): DashboardOutcome {
  const kpi = {
    id: 'k',
    name: 'n',
    unit: '件',
    shape: 'level',
    direction: 'increase',
    baseline: null,
    target: {
      value: 150,
      period: { fiscalYear: 2028, label: '2028年', start: '2028-01-01', end: '2028-12-31' },
      breakdown: null,
    },
    bar: null,
    note: '',
    actuals: [],
    status: {
      status: 'on_track',
      computedStatus: 'on_track',
      score: null,
      progressValue: null,
      reason: 'growth_against_target',
      valueUsed: null,
      valueYear: null,
      expectedValue: null,
      forecast: null,
      method: '',
      methodVersion: '',
      sentence: { ja: '', en: '' },
      override: null,
      abnf: {
        grade: 'N',
        reason: 'no_current',
        progress: null,
        elapsed: null,
        neededNow: null,
        elapsedYears: null,
        targetYears: null,
        initial: null,
        current: null,
        target: null,
        method: '',
        methodVersion: '',
        sentence: { ja: '', en: '' },
      },
    },
    ...overrides,
  } satisfies DashboardOutcome['kpi'];
  return { kpi, path };
}

describe('buildTrajectory', () => {
  it('merges path, actuals and the forecast at the target year, by year', () => {
    const base = outcome({}, []);
    const rows = buildTrajectory(
      outcome(
        {
          actuals: [
            {
              value: 120,
              period: { fiscalYear: 2024, label: '2024年', start: '2024-01-01', end: '2024-12-31' },
              origin: 'imported',
              breakdown: null,
              borrowedFrom: null,
            },
          ],
          status: { ...base.kpi.status, forecast: 160 },
        },
        [
          { year: 2021, value: 100 },
          { year: 2024, value: 119 },
          { year: 2028, value: 150 },
        ],
      ),
    );
    expect(rows).toEqual([
      { year: 2021, required: 100, actual: null, forecast: null },
      { year: 2024, required: 119, actual: 120, forecast: null },
      { year: 2028, required: 150, actual: null, forecast: 160 },
    ]);
    expect(hasTrajectory(rows)).toBe(true);
  });

  it('has nothing to draw for a qualitative target', () => {
    expect(hasTrajectory(buildTrajectory(outcome({}, [])))).toBe(false);
  });
});

describe('originalTargetOf', () => {
  const period = (label: string, fiscalYear: number | null) => ({
    start: '2028-04-01',
    end: '2029-03-31',
    fiscalYear,
    label,
  });
  const originals = {
    base: { number: 1, latest: 2, reason: '策定', adoptedAt: '2024-06-01T00:00:00Z' },
    phases: [],
    kpis: [
      {
        kpiId: 'k1',
        original: { value: 100, period: period('R10', 2028) },
        current: { value: 150, period: period('R10', 2028) },
      },
      { kpiId: 'k2', original: { value: null, period: period('R10', 2028) }, current: null },
      { kpiId: 'k3', original: { value: 5, period: period('早期', null) }, current: null },
    ],
  };

  it('gives the first adopted target with its year and label, where a revision changed it', () => {
    expect(originalTargetOf(originals, 'k1')).toEqual({ value: 100, year: 2028, label: 'R10' });
  });

  it('gives nothing without originals, for an unchanged KPI, or where the original has no figure or year', () => {
    expect(originalTargetOf(undefined, 'k1')).toBeNull();
    expect(originalTargetOf(originals, 'k9')).toBeNull();
    expect(originalTargetOf(originals, 'k2')).toBeNull();
    expect(originalTargetOf(originals, 'k3')).toBeNull();
  });
});
