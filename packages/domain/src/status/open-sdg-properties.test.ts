import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { ProgressStatus } from '../model/codes.js';
import { measureProgress, rollUp, statusOfScore } from './open-sdg.js';

/** Status order used by the property tests: no_data lowest, achieved highest. */
const STATUS_RANK: Record<ProgressStatus, number> = {
  no_data: 0,
  deteriorating: 1,
  limited: 2,
  moderate: 3,
  on_track: 4,
  achieved: 5,
};

describe('measureProgress', () => {
  describe('properties', () => {
    const positiveSeries = fc
      .uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 2, maxLength: 8 })
      .chain((years) =>
        fc.tuple(
          fc.constant(years),
          fc.array(fc.double({ min: 0.01, max: 1000, noNaN: true }), {
            minLength: years.length,
            maxLength: years.length,
          }),
        ),
      )
      .map(([years, values]) => years.map((year, i) => ({ year, value: values[i] ?? 1 })));
    const configs = fc.record({
      direction: fc.constantFrom('increase' as const, 'decrease' as const),
      baseYear: fc.integer({ min: 1995, max: 2030 }),
      target: fc.option(fc.double({ min: 0.01, max: 2000, noNaN: true }), { nil: null }),
      targetYear: fc.integer({ min: 2031, max: 2040 }),
      limit: fc.option(fc.double({ min: 0, max: 1500, noNaN: true }), { nil: null }),
    });

    it('gives the same result whatever the order of the series', () => {
      const permuted = positiveSeries.chain((points) =>
        fc.tuple(
          fc.constant(points),
          fc.shuffledSubarray(points, { minLength: points.length, maxLength: points.length }),
        ),
      );
      fc.assert(
        fc.property(permuted, configs, ([points, shuffled], config) => {
          expect(measureProgress(shuffled, config)).toEqual(measureProgress(points, config));
        }),
      );
    });

    it('never lowers the status of an increase KPI when its latest actual rises', () => {
      fc.assert(
        fc.property(
          positiveSeries,
          configs,
          fc.double({ min: 0, max: 1000, noNaN: true }),
          (points, config, raise) => {
            const increase = { ...config, direction: 'increase' as const };
            const latest = Math.max(...points.map((p) => p.year));
            const raised = points.map((p) => (p.year === latest ? { ...p, value: p.value + raise } : p));
            const before = measureProgress(points, increase);
            const after = measureProgress(raised, increase);
            expect(STATUS_RANK[after.status]).toBeGreaterThanOrEqual(STATUS_RANK[before.status]);
            if (before.score !== null && after.score !== null) {
              expect(after.score).toBeGreaterThanOrEqual(before.score - 1e-9);
            }
          },
        ),
      );
    });

    it('keeps scores within [−5, 5] and gives a score exactly when there is a status', () => {
      fc.assert(
        fc.property(positiveSeries, configs, (points, config) => {
          const result = measureProgress(points, config);
          if (result.score !== null) {
            expect(result.score).toBeGreaterThanOrEqual(-5);
            expect(result.score).toBeLessThanOrEqual(5);
          }
          expect(result.score === null).toBe(result.status === 'no_data');
        }),
      );
    });
  });
});

describe('rollUp', () => {
  it('takes the mean score and reads its band', () => {
    const result = rollUp([
      { status: 'on_track', score: 4 },
      { status: 'limited', score: -1 },
    ]);
    expect(result).toEqual({ status: 'moderate', score: 1.5 });
  });

  it('calls a group achieved only when every scored member achieved', () => {
    expect(
      rollUp([
        { status: 'achieved', score: 5 },
        { status: 'achieved', score: 5 },
      ]).status,
    ).toBe('achieved');
    expect(
      rollUp([
        { status: 'achieved', score: 5 },
        { status: 'on_track', score: 5 },
      ]).status,
    ).toBe('on_track');
  });

  it('leaves members without a score out of the mean and the achieved check', () => {
    const result = rollUp([
      { status: 'achieved', score: 5 },
      { status: 'no_data', score: null },
    ]);
    expect(result).toEqual({ status: 'achieved', score: 5 });
  });

  it('gives no data when no member has a score', () => {
    expect(rollUp([])).toEqual({ status: 'no_data', score: null });
    expect(rollUp([{ status: 'no_data', score: null }])).toEqual({ status: 'no_data', score: null });
  });

  it.each([
    [5, 'on_track'],
    [2.5, 'on_track'],
    [2.4999, 'moderate'],
    [0, 'moderate'],
    [-0.0001, 'limited'],
    [-2.5, 'limited'],
    [-2.5001, 'deteriorating'],
    [-5, 'deteriorating'],
  ] as const)('reads the score %s as %s (lower bounds inclusive)', (score, status) => {
    expect(statusOfScore(score)).toBe(status);
  });
});
