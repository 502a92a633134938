import { describe, expect, it } from 'vitest';
import type { KpiPoint } from '../api/types';
import { formatOutcome, formatPointValue } from './kpi-format';

const point = (value: number | null, label: string): KpiPoint => ({
  value,
  period: { label, fiscalYear: null, start: '2021-01-01', end: null },
  breakdown: null,
});

describe('formatOutcome', () => {
  it('writes baseline → target with the period labels', () => {
    expect(formatOutcome({ baseline: point(100, '2021年'), target: point(150, '2028年'), unit: '件' })).toBe(
      '100件 → 150件 (2021年→2028年)',
    );
  });

  it('shows a target alone when there is no baseline', () => {
    expect(formatOutcome({ baseline: null, target: point(50, '2024～2028年度累積'), unit: '件' })).toBe(
      '50件 (2024～2028年度累積)',
    );
  });

  it('writes a share-meeting-bar KPI as counts of units, not in the unit of its bar', () => {
    expect(
      formatOutcome({
        baseline: point(11, 'R5'),
        target: point(0, 'R10'),
        unit: '%',
        shape: 'share-meeting-bar',
      }),
    ).toBe('11 → 0 (R5→R10)');
  });

  it('keeps labels of points without a number', () => {
    expect(formatOutcome({ baseline: null, target: point(null, '2026年度'), unit: '' })).toBe('(2026年度)');
  });
});

describe('formatPointValue', () => {
  it('groups digits like 1,365件', () => {
    expect(formatPointValue(point(1365, 'R3～R5平均'), '件')).toBe('1,365件');
  });
});
