import { describe, it, expect } from 'vitest';
import type { ProgressStatus } from '../model/codes.js';
import cases from './fixtures/published-cases-sample.json' with { type: 'json' };
import type { ProgressConfig, ProgressResult, YearValue } from './open-sdg.js';
import {
  OPEN_SDG_METHOD,
  OPEN_SDG_METHOD_VERSION,
  THRESHOLDS_WITHOUT_TARGET,
  THRESHOLDS_WITH_TARGET,
  limitFactor,
  measureProgress,
  scoreWithTarget,
  scoreWithoutTarget,
  statusOfProgress,
} from './open-sdg.js';

interface PublishedCase {
  id: string;
  series: YearValue[];
  config: {
    direction: string;
    base_year: number;
    target: number | null;
    target_year: number;
    limit: number | null;
  };
  expected: { status: string; progressValue: number | null; score: number | null };
}

const PUBLISHED = cases as PublishedCase[];

function configOf(c: PublishedCase['config']): ProgressConfig {
  return {
    direction: c.direction === 'decrease' ? 'decrease' : 'increase',
    baseYear: c.base_year,
    target: c.target,
    targetYear: c.target_year,
    limit: c.limit,
  };
}

function series(...pairs: [number, number][]): YearValue[] {
  return pairs.map(([year, value]) => ({ year, value }));
}

const WITH_TARGET = (target: number, targetYear = 2030): ProgressConfig => ({
  direction: 'increase',
  baseYear: 2015,
  target,
  targetYear,
  limit: null,
});
const NO_TARGET: ProgressConfig = {
  direction: 'increase',
  baseYear: 2015,
  target: null,
  targetYear: 2030,
  limit: null,
};

function valid(result: ProgressResult) {
  if (!result.isValid) throw new Error(`unexpected invalid input: ${result.error}`);
  return result;
}

describe('measureProgress', () => {
  it('names the method and release it reproduces', () => {
    expect(OPEN_SDG_METHOD).toBe('open-sdg');
    expect(OPEN_SDG_METHOD_VERSION).toBe('2.4.0');
  });

  describe('reproduces the 40 results Statistics Canada published with sdg-build 2.4.0', () => {
    it('has the 40 cases in the fixture', () => {
      expect(PUBLISHED).toHaveLength(40);
    });

    it.each(PUBLISHED.map((c) => [c.id, c] as const))('%s', (_id, c) => {
      const result = measureProgress(c.series, configOf(c.config));
      expect(result.isValid).toBe(true);
      expect(result.status).toBe(c.expected.status);
      for (const key of ['progressValue', 'score'] as const) {
        const want = c.expected[key];
        const got = result[key];
        if (want === null) expect(got).toBeNull();
        else {
          expect(got).not.toBeNull();
          expect(Math.abs((got ?? Number.NaN) - want)).toBeLessThanOrEqual(1e-9);
        }
      }
    });
  });

  describe('formulas', () => {
    it('without a target: P = s·d·CAGR, CAGR = (y_t/y_0)^(1/(t−t0)) − 1', () => {
      const result = valid(measureProgress(series([2015, 100], [2020, 110]), NO_TARGET));
      expect(result.progressValue).toBeCloseTo(Math.pow(1.1, 1 / 5) - 1, 15);
      expect(result.progressValue).toBeCloseTo(0.019244876491456564, 15);
      expect(result.status).toBe('on_track');
      // P ≥ high → min(500·P − 5, 5)
      expect(result.score).toBeCloseTo(4.622438245728283, 12);
      expect(result.reason).toBe('growth_without_target');
      expect(result.inputs.methodology).toBe(1);
    });

    it('with a target: R = s·d·CAGR / |CAGR_req|, CAGR_req = (y_T/y_0)^(1/(t_T−t0)) − 1', () => {
      const result = valid(measureProgress(series([2015, 100], [2020, 110]), WITH_TARGET(150)));
      const observed = Math.pow(1.1, 1 / 5) - 1;
      const required = Math.pow(1.5, 1 / 15) - 1;
      expect(result.progressValue).toBeCloseTo(observed / required, 14);
      expect(result.progressValue).toBeCloseTo(0.7023764947842465, 14);
      expect(result.status).toBe('moderate');
      expect(result.score).toBeCloseTo(7.1429 * (observed / required) - 4.2857, 12);
      expect(result.inputs).toMatchObject({
        methodology: 2,
        requiredGrowth: required,
        observedGrowth: observed,
      });
    });

    it('d = −1 when lower is better', () => {
      const result = valid(
        measureProgress(series([2015, 50], [2020, 40]), { ...WITH_TARGET(20), direction: 'decrease' }),
      );
      expect(result.progressValue).toBeCloseTo(0.7365707799593116, 14);
      expect(result.score).toBeCloseTo(0.9755514241713668, 12);
      expect(result.status).toBe('moderate');
    });

    it('s = −1 when the base value is negative, so a negative series moving up is progress', () => {
      const result = valid(measureProgress(series([2015, -10], [2020, -8]), NO_TARGET));
      expect(result.inputs.sign).toBe(-1);
      expect(result.progressValue).toBeCloseTo(0.043647500209963, 14);
      expect(result.status).toBe('on_track');
    });

    it('scores without a target on each segment, as the published figure draws them', () => {
      const t = THRESHOLDS_WITHOUT_TARGET;
      expect(scoreWithoutTarget(-0.02, t)).toBe(-5);
      expect(scoreWithoutTarget(-0.03, t)).toBe(-5);
      expect(scoreWithoutTarget(-0.01, t)).toBeCloseTo(-3.75, 12);
      expect(scoreWithoutTarget(0, t)).toBe(-2.5);
      expect(scoreWithoutTarget(0.005, t)).toBeCloseTo(0, 12);
      expect(scoreWithoutTarget(0.01, t)).toBeCloseTo(1.25, 12);
      expect(scoreWithoutTarget(0.015, t)).toBeCloseTo(2.5, 12);
      expect(scoreWithoutTarget(0.02, t)).toBeCloseTo(5, 12);
      expect(scoreWithoutTarget(0.5, t)).toBe(5);
    });

    it('scores with a target with the rounded constants 7.1429, 4.2857 and 4.1667', () => {
      expect(scoreWithTarget(0.95)).toBe(7.1429 * 0.95 - 4.2857);
      expect(scoreWithTarget(0.6)).toBe(7.1429 * 0.6 - 4.2857);
      expect(scoreWithTarget(0.5)).toBe(4.1667 * 0.5 - 2.5);
      expect(scoreWithTarget(0)).toBe(-2.5);
      expect(scoreWithTarget(-0.6)).toBe(-5);
      expect(scoreWithTarget(1.3)).toBe(5);
      expect(scoreWithTarget(Number.NEGATIVE_INFINITY)).toBe(-5);
      expect(scoreWithTarget(Number.NaN)).toBeNull();
    });

    it('gives an achieved series the score 5 whatever its progress value', () => {
      const result = valid(
        measureProgress(series([2015, 7.05], [2019, 8.83]), { ...WITH_TARGET(70), direction: 'decrease' }),
      );
      expect(result.status).toBe('achieved');
      expect(result.score).toBe(5);
      expect(result.progressValue).toBeLessThan(0);
    });
  });

  describe('thresholds (lower bounds inclusive)', () => {
    const cuts: [number, ProgressStatus][] = [
      [0.95, 'on_track'],
      [0.9499999999, 'moderate'],
      [0.6, 'moderate'],
      [0.5999999999, 'limited'],
      [0, 'limited'],
      [-1e-12, 'deteriorating'],
    ];
    it.each(cuts)('with a target, R = %s is %s', (value, status) => {
      expect(statusOfProgress(value, THRESHOLDS_WITH_TARGET, false)).toBe(status);
    });

    const growthCuts: [number, ProgressStatus][] = [
      [0.015, 'on_track'],
      [0.0149999999, 'moderate'],
      [0.005, 'moderate'],
      [0.0049999999, 'limited'],
      [0, 'limited'],
      [-1e-12, 'deteriorating'],
    ];
    it.each(growthCuts)('without a target, P = %s is %s', (value, status) => {
      expect(statusOfProgress(value, THRESHOLDS_WITHOUT_TARGET, false)).toBe(status);
    });

    it('checks "achieved" first and inclusively, in both directions', () => {
      expect(valid(measureProgress(series([2015, 80], [2020, 100]), WITH_TARGET(100))).status).toBe(
        'achieved',
      );
      expect(valid(measureProgress(series([2015, 80], [2020, 99.99]), WITH_TARGET(100))).status).not.toBe(
        'achieved',
      );
      const decrease = { ...WITH_TARGET(10), direction: 'decrease' } as const;
      expect(valid(measureProgress(series([2015, 20], [2020, 10]), decrease)).status).toBe('achieved');
      expect(valid(measureProgress(series([2015, 20], [2020, 10.01]), decrease)).status).not.toBe('achieved');
    });

    it('reads a flat series as limited progress', () => {
      const flat = valid(measureProgress(series([2015, 40], [2020, 40]), NO_TARGET));
      expect(flat.progressValue).toBe(0);
      expect(flat.status).toBe('limited');
      expect(flat.score).toBe(-2.5);
      const flatWithTarget = valid(measureProgress(series([2015, 40], [2020, 40]), WITH_TARGET(80)));
      expect(flatWithTarget.status).toBe('limited');
    });

    it('takes overriding thresholds, inclusive at the overridden value', () => {
      const result = valid(
        measureProgress(series([2015, 100], [2020, 110]), WITH_TARGET(150), { high: 0.7023764947842465 }),
      );
      expect(result.status).toBe('on_track');
      expect(result.inputs.thresholds).toEqual({ high: 0.7023764947842465, med: 0.6, low: 0 });
    });
  });

  describe('the limit factor C (a = 4.44)', () => {
    it('is 1 when b ≥ 2L, 1 − (b/L)^a when b ≤ L, 1 − ((2L − b)/L)^a in between', () => {
      expect(limitFactor(200, 100)).toBe(1);
      expect(limitFactor(250, 100)).toBe(1);
      expect(limitFactor(50, 100)).toBeCloseTo(1 - Math.pow(0.5, 4.44), 15);
      expect(limitFactor(150, 100)).toBeCloseTo(1 - Math.pow(0.5, 4.44), 15);
      expect(limitFactor(100, 100)).toBe(0);
      expect(limitFactor(0, 100)).toBe(1);
      expect(limitFactor(-99, -100)).toBeCloseTo(1 - Math.pow(0.99, 4.44), 15);
    });

    it('is 1 when base and limit are both 0 (b ≥ 2L is checked first)', () => {
      expect(limitFactor(0, 0)).toBe(1);
    });

    it('scales the thresholds without a target and normalises the score by C', () => {
      const result = valid(measureProgress(series([2015, 99], [2020, 99.5]), { ...NO_TARGET, limit: 100 }));
      const c = 1 - Math.pow(0.99, 4.44);
      expect(result.inputs.limitFactor).toBeCloseTo(c, 15);
      expect(result.inputs.thresholds.high).toBeCloseTo(0.015 * c, 15);
      expect(result.progressValue).toBeCloseTo(0.001008066563882748, 15);
      expect(result.status).toBe('on_track');
      expect(result.score).toBe(5);
    });

    it('applies to a floor too (decrease toward a limit below the base)', () => {
      const result = valid(
        measureProgress(series([2015, 150], [2020, 140]), {
          ...NO_TARGET,
          direction: 'decrease',
          limit: 100,
        }),
      );
      expect(result.status).toBe('moderate');
      expect(result.score).toBeCloseTo(2.341412225579347, 12);
    });

    it('at the limit (C = 0) holding it is on track with score 5', () => {
      const result = valid(measureProgress(series([2015, 100], [2020, 100]), { ...NO_TARGET, limit: 100 }));
      expect(result.inputs.limitFactor).toBe(0);
      expect(result.status).toBe('on_track');
      expect(result.score).toBe(5);
    });

    it('at the limit (C = 0) falling back is deterioration, scored as usual', () => {
      const result = valid(measureProgress(series([2015, 100], [2020, 99]), { ...NO_TARGET, limit: 100 }));
      expect(result.status).toBe('deteriorating');
      expect(result.score).toBeCloseTo(-2.751006042321769, 12);
    });

    it('is ignored when there is a target', () => {
      const result = valid(
        measureProgress(series([2015, 100], [2020, 110]), { ...WITH_TARGET(150), limit: 120 }),
      );
      expect(result.inputs.limitFactor).toBeNull();
      expect(result.progressValue).toBeCloseTo(0.7023764947842465, 14);
    });
  });

  describe('edge cases as published', () => {
    it('gives no data for an empty series', () => {
      const result = valid(measureProgress([], WITH_TARGET(1)));
      expect(result).toMatchObject({
        status: 'no_data',
        progressValue: null,
        score: null,
        reason: 'no_data',
      });
    });

    it('gives no data for a single year below the target', () => {
      const result = valid(measureProgress(series([2021, 97.7]), WITH_TARGET(100)));
      expect(result).toMatchObject({
        status: 'no_data',
        progressValue: null,
        score: null,
        reason: 'too_few_years',
      });
    });

    it('calls a single value already at the target achieved, with score 5 and no progress value', () => {
      const up = valid(measureProgress(series([2021, 100]), WITH_TARGET(100)));
      expect(up).toMatchObject({
        status: 'achieved',
        score: 5,
        progressValue: null,
        reason: 'target_achieved',
      });
      const down = valid(measureProgress(series([2021, 3]), { ...WITH_TARGET(5), direction: 'decrease' }));
      expect(down.status).toBe('achieved');
    });

    it('uses the first year with data at or after the base year', () => {
      const result = valid(measureProgress(series([2010, 1], [2016, 50], [2018, 55], [2020, 60]), NO_TARGET));
      expect(result.inputs).toMatchObject({ baseYearConfigured: 2015, baseYear: 2016, baseValue: 50 });
      expect(result.progressValue).toBeCloseTo(Math.pow(60 / 50, 1 / 4) - 1, 15);
    });

    it('counts years from the base year on: data before it does not make two years', () => {
      const result = valid(measureProgress(series([2010, 1], [2012, 2], [2015, 3]), NO_TARGET));
      expect(result).toMatchObject({ status: 'no_data', reason: 'too_few_years' });
    });

    it('uses the first year of the series when no base year is given', () => {
      const result = valid(measureProgress(series([2010, 10], [2020, 20]), { ...NO_TARGET, baseYear: null }));
      expect(result.inputs.baseYear).toBe(2010);
    });

    it('takes the latest year as the current value, whatever the input order', () => {
      const result = valid(measureProgress(series([2020, 60], [2015, 50], [2018, 10]), NO_TARGET));
      expect(result.inputs).toMatchObject({ currentYear: 2020, currentValue: 60, baseYear: 2015 });
    });

    it('replaces a base value of 0 by 0.001', () => {
      const result = valid(measureProgress(series([2015, 0], [2020, 5]), WITH_TARGET(10)));
      const expected = (Math.pow(5 / 0.001, 1 / 5) - 1) / (Math.pow(10 / 0.001, 1 / 15) - 1);
      expect(result.progressValue).toBeCloseTo(expected, 12);
      expect(result.progressValue).toBeCloseTo(5.29905500973169, 12);
      expect(result.inputs.baseValue).toBe(0);
    });

    it('replaces a target of 0 by 0.001, also for the achieved check', () => {
      const decrease = { ...WITH_TARGET(0), direction: 'decrease' } as const;
      const result = valid(measureProgress(series([2015, 50], [2020, 40]), decrease));
      expect(result.inputs.target).toBe(0.001);
      expect(result.progressValue).toBeCloseTo(0.0849356363324143, 14);
      expect(result.score).toBeCloseTo(-2.1460986840937295, 12);
      expect(valid(measureProgress(series([2015, 50], [2020, 0.001]), decrease)).status).toBe('achieved');
      // Higher is better with a target of 0: a current value of 0 is below 0.001, so not achieved.
      const increase = valid(measureProgress(series([2015, -5], [2020, 0]), WITH_TARGET(0)));
      expect(increase.status).not.toBe('achieved');
    });

    it('gives no data when base and latest values have opposite signs', () => {
      const result = valid(measureProgress(series([2015, 10], [2020, -2]), NO_TARGET));
      expect(result).toMatchObject({
        status: 'no_data',
        progressValue: null,
        score: null,
        reason: 'opposite_signs',
      });
      const fromZero = valid(measureProgress(series([2015, 0], [2020, -2]), NO_TARGET));
      expect(fromZero.reason).toBe('opposite_signs');
    });

    it('still calls an opposite-signed series achieved when its latest value meets the target', () => {
      const result = valid(measureProgress(series([2015, -10], [2020, 5]), WITH_TARGET(1)));
      expect(result).toMatchObject({ status: 'achieved', score: 5, progressValue: null });
    });

    it('rejects duplicate years as invalid input', () => {
      const result = measureProgress(series([2015, 1], [2016, 2], [2016, 3]), NO_TARGET);
      expect(result).toMatchObject({ isValid: false, status: 'no_data', score: null, progressValue: null });
      expect(result.isValid ? '' : result.error).toContain('2016');
    });

    it('drops missing (NaN) values before looking for duplicates, as sdg-build drops NA rows', () => {
      const result = valid(measureProgress(series([2015, 1], [2016, Number.NaN], [2016, 2]), NO_TARGET));
      expect(result.inputs.currentValue).toBe(2);
    });

    it('rejects a target year equal to the base year as invalid input', () => {
      const result = measureProgress(series([2015, 10], [2020, 12]), WITH_TARGET(20, 2015));
      expect(result.isValid).toBe(false);
      expect(result.reason).toBe('invalid_input');
    });

    it('rejects a target without a target year, and a series with no year at or after the base year', () => {
      expect(
        measureProgress(series([2015, 1], [2020, 2]), { ...WITH_TARGET(3), targetYear: null }).isValid,
      ).toBe(false);
      expect(measureProgress(series([2010, 1], [2012, 2]), NO_TARGET).isValid).toBe(false);
    });

    it('rejects a missing direction and years that are not whole', () => {
      const noDirection = { ...NO_TARGET, direction: 'up' } as unknown as ProgressConfig;
      expect(measureProgress(series([2015, 1], [2020, 2]), noDirection).isValid).toBe(false);
      expect(measureProgress(series([2015.5, 1], [2020, 2]), NO_TARGET).isValid).toBe(false);
    });

    it('reads a target equal to the base value as an infinite ratio, as sdg-build does', () => {
      const result = valid(measureProgress(series([2015, 50], [2020, 40]), WITH_TARGET(50)));
      expect(result.progressValue).toBe(Number.NEGATIVE_INFINITY);
      expect(result).toMatchObject({ status: 'deteriorating', score: -5 });
    });

    it('follows Python for a target of the opposite sign: the magnitude of a complex CAGR_req', () => {
      const config = { ...WITH_TARGET(-5), direction: 'decrease' } as const;
      const result = valid(measureProgress(series([2015, 10], [2020, 8]), config));
      expect(result.progressValue).toBeCloseTo(0.2086262329213476, 13);
      expect(result.score).toBeCloseTo(-1.6307170752866211, 12);
      // With the base year moved to the data, sdg-build is on numpy's path, where the power is NaN.
      const moved = valid(measureProgress(series([2015, 10], [2020, 8]), { ...config, baseYear: 2014 }));
      expect(moved).toMatchObject({ status: 'no_data', score: null, reason: 'undefined_progress' });
    });

    it('follows numpy when the base year moved onto the target year: an infinite exponent, not an error', () => {
      const result = valid(
        measureProgress(series([2016, 10], [2020, 12]), { ...WITH_TARGET(20, 2016), baseYear: 2015 }),
      );
      expect(result).toMatchObject({ status: 'limited', progressValue: 0, score: -2.5 });
    });
  });
});
