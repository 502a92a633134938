import { describe, it, expect } from 'vitest';
import { parsePeriod } from '../calendar/parse-period.js';
import type { KpiShape } from '../model/codes.js';
import type { KpiPoint } from '../model/entities.js';
import { requiredPath } from './required-path.js';

function point(value: number | null, label: string): KpiPoint {
  const parsed = parsePeriod(label);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const { start, end, fiscalYear } = parsed.value;
  return { value, period: { start, end, fiscalYear, label } };
}

function path(shape: KpiShape, baseline: KpiPoint | null, target: KpiPoint | null, unit = '件') {
  return requiredPath({ shape, unit, baseline, target });
}

describe('requiredPath', () => {
  it('follows the geometric path of the published method for a level, 7 (R5) → 14 (R10)', () => {
    const points = path('level', point(7, 'R5'), point(14, 'R10'));
    expect(points.map((p) => p.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
    expect(points[0]?.value).toBe(7);
    expect(points[1]?.value).toBeCloseTo(7 * Math.pow(2, 1 / 5), 10);
    expect(points.at(-1)?.value).toBeCloseTo(14, 10);
  });

  it('starts a per-year target from the yearly average of a baseline over several years, not its total', () => {
    // 年平均3件以上 (R10) ←H30からR5の6年間で12件: 2件 a year in FY2023 rising to 3件 in FY2028.
    const points = path('annual', point(12, 'H30～R5'), point(3, 'R10'));
    expect(points[0]).toEqual({ year: 2023, value: 2 });
    expect(points.at(-1)?.value).toBeCloseTo(3, 10);
    const average = path('level', point(203, '2021-2023年度平均'), point(250, '2026～2028年度平均'));
    expect(average[0]).toEqual({ year: 2023, value: 203 });
    expect(average.at(-1)?.value).toBeCloseTo(250, 10);
  });

  it('makes a multiplier absolute on the base value', () => {
    const points = path('multiplier', point(50, '2023年'), point(2, '2028年'), '倍');
    expect(points[0]).toEqual({ year: 2023, value: 50 });
    expect(points.at(-1)?.value).toBeCloseTo(100, 10);
  });

  it('runs the pro-rata running total of a cumulative target, never from an earlier period’s total', () => {
    // バイオ製造人材研修の累積受講者数 750 (R6-R10) 303 (H30-R5): the six-year 303 is no start for the five-year sum.
    expect(path('cumulative', point(303, 'H30-R5'), point(750, 'R6-R10'), '名')).toEqual([
      { year: 2024, value: 150 },
      { year: 2025, value: 300 },
      { year: 2026, value: 450 },
      { year: 2027, value: 600 },
      { year: 2028, value: 750 },
    ]);
    // A target without its first year runs from the year after the baseline.
    expect(path('cumulative', point(10, 'R5'), point(30, 'R8')).map((p) => p.value)).toEqual([10, 20, 30]);
  });

  it('goes straight for ranks and counts of units below a bar', () => {
    const points = path('share-meeting-bar', point(11, 'R5'), point(0, 'R10'), '%');
    [11, 8.8, 6.6, 4.4, 2.2, 0].forEach((value, i) => {
      expect(points[i]?.value).toBeCloseTo(value, 10);
    });
    expect(points).toHaveLength(6);
  });

  it('is empty without a base to start from or a number to reach', () => {
    expect(path('level', null, point(10, '2028年'))).toEqual([]);
    expect(path('multiplier', point(null, '2023年'), point(2, '2028年'), '倍')).toEqual([]);
    expect(path('qualitative', point(86, 'R5'), point(null, 'R8'), '品目')).toEqual([]);
    expect(path('level', point(7, 'R5'), null)).toEqual([]);
  });

  it('keeps an average as the bar at the last year it averages', () => {
    expect(path('at-least-average', point(1365, 'R3～R5平均'), point(1365, 'R3～R5平均'))).toEqual([
      { year: 2023, value: 1365 },
    ]);
  });
});
