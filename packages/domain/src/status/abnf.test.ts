import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { judgeAbnf, judgeAbnfSeries } from './abnf.js';

describe('judgeAbnf', () => {
  it('grades the published 設備投資 case A: progress 0.88 ≥ elapsed 2/3, as the sheet did', () => {
    // 初期 64.9兆円 (FY2012), 現在 69.4兆円 (FY2014), 目標 約70兆円 within 3 years (FY2015).
    const result = judgeAbnf({
      direction: 'increase',
      initial: { year: 2012, value: 64.9 },
      current: { year: 2014, value: 69.4 },
      target: { year: 2015, value: 70 },
    });
    expect(result.grade).toBe('A');
    expect(result.reason).toBe('on_pace');
    expect(result.progress).toBeCloseTo(4.5 / 5.1, 12);
    expect(result.progress).toBeCloseTo(0.88, 2);
    expect(result.elapsed).toBeCloseTo(2 / 3, 12);
    expect(result.elapsedYears).toBe(2);
    expect(result.targetYears).toBe(3);
    // The straight line from 64.9 to 70 two thirds of the way: 64.9 + 5.1 × 2/3 = 68.3.
    expect(result.neededNow).toBeCloseTo(68.3, 10);
  });

  it('grades B when progress is below the elapsed share (current under the value needed now)', () => {
    const result = judgeAbnf({
      direction: 'increase',
      initial: { year: 2012, value: 64.9 },
      current: { year: 2014, value: 67 },
      target: { year: 2015, value: 70 },
    });
    expect(result).toMatchObject({ grade: 'B', reason: 'behind_pace' });
    expect(result.progress).toBeCloseTo(2.1 / 5.1, 12);
    expect(result.neededNow).toBeCloseTo(68.3, 10);
  });

  it('grades A a value exactly on the line, whatever the rounding of the two ratios', () => {
    const result = judgeAbnf({
      direction: 'increase',
      initial: { year: 2020, value: 0.1 },
      current: { year: 2022, value: 0.1 + 0.2 * (2 / 3) },
      target: { year: 2023, value: 0.3 },
    });
    expect(result.grade).toBe('A');
  });

  it('grades N without a current value later than the initial one', () => {
    const initial = { year: 2023, value: 7 };
    const target = { year: 2028, value: 14 };
    expect(judgeAbnf({ direction: 'increase', initial, current: null, target })).toMatchObject({
      grade: 'N',
      reason: 'no_current',
    });
    expect(judgeAbnf({ direction: 'increase', initial, current: initial, target })).toMatchObject({
      grade: 'N',
      reason: 'no_current',
    });
  });

  it('grades N without an initial value', () => {
    const result = judgeAbnf({
      direction: 'increase',
      initial: null,
      current: { year: 2024, value: 9 },
      target: { year: 2028, value: 14 },
    });
    expect(result).toMatchObject({ grade: 'N', reason: 'no_initial' });
  });

  it('grades F without a quantitative target or direction', () => {
    const result = judgeAbnf({
      direction: null,
      initial: { year: 2023, value: 7 },
      current: { year: 2024, value: 9 },
      target: null,
    });
    expect(result).toMatchObject({ grade: 'F', reason: 'no_quantitative_target', progress: null });
  });

  it('grades a direction-only target A when the value moved its way', () => {
    const increase = judgeAbnf({
      direction: 'increase',
      initial: { year: 2022, value: 100 },
      current: { year: 2024, value: 101 },
      target: null,
    });
    expect(increase).toMatchObject({ grade: 'A', reason: 'moved_toward', progress: null, neededNow: null });
    const decrease = judgeAbnf({
      direction: 'decrease',
      initial: { year: 2022, value: 100 },
      current: { year: 2024, value: 90 },
      target: null,
    });
    expect(decrease).toMatchObject({ grade: 'A', reason: 'moved_toward' });
  });

  it('grades a direction-only target B when the value is unchanged or moved against it', () => {
    const initial = { year: 2022, value: 100 };
    for (const [direction, value] of [
      ['increase', 100],
      ['increase', 99],
      ['decrease', 100],
      ['decrease', 101],
    ] as const) {
      const result = judgeAbnf({ direction, initial, current: { year: 2024, value }, target: null });
      expect(result).toMatchObject({ grade: 'B', reason: 'not_moved_toward' });
    }
  });

  it('grades a decrease KPI by the same line, falling toward its target', () => {
    // 100 (2020) → 40 (2030): needed in 2024 is 100 − 60 × 0.4 = 76.
    const input = {
      direction: 'decrease' as const,
      initial: { year: 2020, value: 100 },
      target: { year: 2030, value: 40 },
    };
    const onPace = judgeAbnf({ ...input, current: { year: 2024, value: 75 } });
    expect(onPace).toMatchObject({ grade: 'A', reason: 'on_pace' });
    expect(onPace.neededNow).toBeCloseTo(76, 10);
    expect(onPace.progress).toBeCloseTo(25 / 60, 12);
    expect(judgeAbnf({ ...input, current: { year: 2024, value: 80 } })).toMatchObject({
      grade: 'B',
      reason: 'behind_pace',
    });
    expect(judgeAbnf({ ...input, current: { year: 2024, value: 120 } }).grade).toBe('B');
    expect(judgeAbnf({ ...input, current: { year: 2026, value: 38 } })).toMatchObject({
      grade: 'A',
      reason: 'target_met',
    });
  });

  it('counts the whole period once the target year has passed: A only when the target is met', () => {
    const input = {
      direction: 'increase' as const,
      initial: { year: 2018, value: 10 },
      target: { year: 2022, value: 20 },
    };
    const late = judgeAbnf({ ...input, current: { year: 2024, value: 19 } });
    expect(late).toMatchObject({ grade: 'B', reason: 'behind_pace', elapsed: 1, neededNow: 20 });
    expect(late.elapsedYears).toBe(6);
    expect(late.targetYears).toBe(4);
    expect(judgeAbnf({ ...input, current: { year: 2024, value: 20 } })).toMatchObject({
      grade: 'A',
      reason: 'target_met',
    });
  });

  it('grades a target not beyond the initial value (維持) by whether it is kept', () => {
    const bar = { year: 2023, value: 1365 };
    expect(
      judgeAbnf({ direction: 'increase', initial: bar, current: { year: 2024, value: 1400 }, target: bar }),
    ).toMatchObject({
      grade: 'A',
      reason: 'target_met',
    });
    const slipped = judgeAbnf({
      direction: 'increase',
      initial: bar,
      current: { year: 2024, value: 1300 },
      target: bar,
    });
    expect(slipped).toMatchObject({ grade: 'B', reason: 'below_target', progress: null });
  });
});

describe('judgeAbnfSeries', () => {
  const config = { direction: 'increase' as const, baseYear: 2012, target: 70, targetYear: 2015 };

  it('takes the base year’s value as initial and the latest as current', () => {
    const result = judgeAbnfSeries(
      [
        { year: 2014, value: 69.4 },
        { year: 2011, value: 60 },
        { year: 2012, value: 64.9 },
        { year: 2013, value: null },
      ],
      config,
    );
    expect(result).toMatchObject({
      grade: 'A',
      initial: { year: 2012, value: 64.9 },
      current: { year: 2014, value: 69.4 },
    });
  });

  it('takes the latest value before the base year when the base year has none', () => {
    const result = judgeAbnfSeries(
      [
        { year: 2010, value: 60 },
        { year: 2011, value: 62 },
        { year: 2014, value: 69.4 },
      ],
      config,
    );
    expect(result.initial).toEqual({ year: 2011, value: 62 });
  });

  it('answers N for a year given twice, with the year', () => {
    const result = judgeAbnfSeries(
      [
        { year: 2012, value: 1 },
        { year: 2012, value: 2 },
      ],
      config,
    );
    expect(result).toMatchObject({
      grade: 'N',
      reason: 'invalid_input',
      error: 'duplicate value for year 2012',
    });
  });

  it('reads no target as a direction-only target, and no direction as F', () => {
    const series = [
      { year: 2012, value: 64.9 },
      { year: 2014, value: 69.4 },
    ];
    expect(judgeAbnfSeries(series, { ...config, target: null, targetYear: null }).reason).toBe(
      'moved_toward',
    );
    expect(judgeAbnfSeries(series, { ...config, direction: null }).grade).toBe('F');
  });

  describe('properties', () => {
    const years = fc.uniqueArray(fc.integer({ min: 2000, max: 2030 }), { minLength: 1, maxLength: 8 });
    const values = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true });
    const series = years.chain((ys) =>
      fc.tuple(fc.constant(ys), fc.array(values, { minLength: ys.length, maxLength: ys.length })),
    );
    const configs = fc.record({
      direction: fc.constantFrom('increase' as const, 'decrease' as const, null),
      baseYear: fc.integer({ min: 2000, max: 2030 }),
      target: fc.option(values, { nil: null }),
      targetYear: fc.option(fc.integer({ min: 2000, max: 2040 }), { nil: null }),
    });

    it('never changes its result with the order of the series', () => {
      fc.assert(
        fc.property(series, configs, fc.integer(), ([ys, vs], config, seed) => {
          const points = ys.map((year, i) => ({ year, value: vs[i] ?? 0 }));
          const shuffled = [...points].sort(
            (a, b) => ((a.year * 7919 + seed) % 31) - ((b.year * 7919 + seed) % 31),
          );
          expect(judgeAbnfSeries(shuffled, config)).toEqual(judgeAbnfSeries(points, config));
        }),
      );
    });

    it('never turns A into B by raising the current value of an increase KPI', () => {
      fc.assert(
        fc.property(
          values,
          values,
          fc.option(values, { nil: null }),
          fc.integer({ min: 2000, max: 2020 }),
          fc.integer({ min: 1, max: 15 }),
          fc.integer({ min: -5, max: 15 }),
          fc.double({ min: 0, max: 500, noNaN: true }),
          (initialValue, currentValue, targetValue, initialYear, elapsed, targetSpan, raise) => {
            const initial = { year: initialYear, value: initialValue };
            const target =
              targetValue === null ? null : { year: initialYear + targetSpan, value: targetValue };
            const at = (value: number) =>
              judgeAbnf({
                direction: 'increase',
                initial,
                current: { year: initialYear + elapsed, value },
                target,
              });
            const before = at(currentValue);
            const after = at(currentValue + raise);
            if (before.grade === 'A') expect(after.grade).toBe('A');
          },
        ),
      );
    });
  });
});
