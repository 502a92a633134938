import { describe, it, expect } from 'vitest';
import { KPI_SHAPES } from '../model/codes.js';
import type { ProgressStatus } from '../model/codes.js';
import type { ShapeInput, YearlyPoint, YearlyValue } from './shapes.js';
import {
  KOTEI_SHAPE_RULES_VERSION,
  SCORE_OF_STATUS,
  SHAPE_RULES,
  judgeAtLeastAverage,
  judgeCumulative,
  judgeMultiplier,
  judgeQualitative,
  judgeRank,
  judgeShape,
  judgeShareMeetingBar,
  valueOnGeometricPath,
} from './shapes.js';

function fy(year: number, value: number, fromYear = year): YearlyValue {
  return { year, fromYear, kind: 'fiscal', coversWholeYears: true, isAverage: false, value };
}

function at(year: number, value: number | null, fromYear = year): YearlyPoint {
  return { year, fromYear, kind: 'fiscal', isAverage: false, value };
}

function input(fields: Partial<ShapeInput> & Pick<ShapeInput, 'shape'>): ShapeInput {
  return { direction: 'increase', baseline: null, target: null, actuals: [], ...fields };
}

// 100 over FY2024–FY2028: the share through FY2024 is 20.
const cumulative = (total: number, direction: ShapeInput['direction'] = 'increase') =>
  judgeCumulative(
    input({ shape: 'cumulative', direction, target: at(2028, 100, 2024), actuals: [fy(2024, total)] }),
  );

describe('judgeCumulative', () => {
  it.each([
    [19, 'on_track'],
    [18.99, 'moderate'],
    [12, 'moderate'],
    [11.99, 'limited'],
    [0, 'limited'],
    [100, 'achieved'],
  ] as [number, ProgressStatus][])(
    'reads a running total of %s against a share of 20 as %s',
    (total, status) => {
      expect(cumulative(total).status).toBe(status);
    },
  );

  it('scores the ratio total ÷ share like the published R', () => {
    expect(cumulative(19).score).toBeCloseTo(7.1429 * 0.95 - 4.2857, 12);
    expect(cumulative(0).score).toBe(-2.5);
    expect(cumulative(100).score).toBe(5);
  });

  it('sums every whole year through the latest one with an actual, noting the years without one', () => {
    const result = judgeCumulative(
      input({ shape: 'cumulative', target: at(2028, 100, 2024), actuals: [fy(2024, 10), fy(2026, 20)] }),
    );
    expect(result).toMatchObject({ valueUsed: 30, valueYear: 2026, expectedValue: 60, progressValue: 0.5 });
    expect(result.parameters.missingYears).toBe('2025');
  });

  it('counts a figure for several years once and rejects two figures for one year', () => {
    const range = judgeCumulative(
      input({ shape: 'cumulative', target: at(2028, 100, 2024), actuals: [fy(2025, 45, 2024)] }),
    );
    expect(range).toMatchObject({ valueUsed: 45, expectedValue: 40, status: 'on_track' });
    const overlap = judgeCumulative(
      input({ shape: 'cumulative', target: at(2028, 100, 2024), actuals: [fy(2025, 45, 2024), fy(2025, 5)] }),
    );
    expect(overlap).toMatchObject({ status: 'no_data', reason: 'invalid_input' });
  });

  it('leaves out actuals outside the range and partial-year figures', () => {
    const partial: YearlyValue = { ...fy(2024, 50), coversWholeYears: false };
    const result = judgeCumulative(
      input({ shape: 'cumulative', target: at(2028, 100, 2024), actuals: [fy(2023, 99), partial] }),
    );
    expect(result).toMatchObject({ status: 'no_data', reason: 'no_actual' });
    expect(result.parameters).toMatchObject({ actualsOutsideRange: 1, partialPeriodsLeftOut: 1 });
  });

  it('runs a target written without a first year from the year after the baseline', () => {
    const result = judgeCumulative(
      input({ shape: 'cumulative', baseline: at(2023, 5), target: at(2028, 50), actuals: [fy(2024, 10)] }),
    );
    expect(result.parameters).toMatchObject({ fromYear: 2024, toYear: 2028, share: 10 });
  });

  it('mirrors a cap: staying under the share is on track, and the cap is met only when the range is over', () => {
    expect(cumulative(10, 'decrease')).toMatchObject({ status: 'on_track', progressValue: 2 });
    expect(cumulative(40, 'decrease')).toMatchObject({ status: 'limited', progressValue: 0.5 });
    const done = judgeCumulative(
      input({
        shape: 'cumulative',
        direction: 'decrease',
        target: at(2028, 100, 2024),
        actuals: [fy(2025, 40, 2024), fy(2028, 50, 2026)],
      }),
    );
    expect(done.status).toBe('achieved');
  });

  it('needs a positive target', () => {
    expect(judgeCumulative(input({ shape: 'cumulative' })).reason).toBe('target_missing');
    const zero = judgeCumulative(
      input({ shape: 'cumulative', target: at(2028, 0, 2024), actuals: [fy(2024, 1)] }),
    );
    expect(zero.reason).toBe('invalid_input');
  });
});

describe('judgeAtLeastAverage', () => {
  const level = (value: number, direction: ShapeInput['direction'] = 'increase') =>
    judgeAtLeastAverage(
      input({
        shape: 'at-least-average',
        direction,
        baseline: at(2023, 1365, 2021),
        target: at(2023, 1365, 2021),
        actuals: [fy(2024, value)],
      }),
    );

  it('calls the bar itself kept (inclusive) and never divides by zero', () => {
    expect(level(1365)).toMatchObject({ status: 'achieved', score: 5, reason: 'level_kept' });
    expect(level(1364.99).status).toBe('deteriorating');
    expect(level(1364.99).score).not.toBeNull();
  });

  it('keeps at or below the level when lower is better', () => {
    expect(level(1300, 'decrease').status).toBe('achieved');
    expect(level(1400, 'decrease').status).toBe('deteriorating');
  });

  it('only reads years after the averaging range, and the latest of them', () => {
    const result = judgeAtLeastAverage(
      input({
        shape: 'at-least-average',
        baseline: at(2023, 1365, 2021),
        actuals: [fy(2022, 1), fy(2024, 1000), fy(2025, 1400)],
      }),
    );
    expect(result).toMatchObject({ status: 'achieved', valueUsed: 1400, valueYear: 2025 });
    expect(result.series).toEqual([
      { year: 2024, value: 1000 },
      { year: 2025, value: 1400 },
    ]);
  });
});

describe('judgeMultiplier', () => {
  it('turns the factor into an absolute target from the baseline value', () => {
    const result = judgeMultiplier(
      input({ shape: 'multiplier', baseline: at(2023, 100), target: at(2028, 2), actuals: [fy(2028, 200)] }),
    );
    expect(result).toMatchObject({ status: 'achieved', method: 'open-sdg', methodVersion: '2.4.0' });
    expect(result.parameters).toMatchObject({ factor: 2, absoluteTarget: 200 });
  });

  it('has no data without a base year or base value', () => {
    expect(judgeMultiplier(input({ shape: 'multiplier', target: at(2028, 2) })).reason).toBe(
      'base_value_missing',
    );
    expect(judgeMultiplier(input({ shape: 'multiplier', baseline: at(2023, 1) })).reason).toBe(
      'target_missing',
    );
  });
});

describe('the pace rule (rank, share meeting a bar)', () => {
  // 100 → 0 over FY2023–FY2028 needs −20 a year.
  const pace = (value: number) =>
    judgeShareMeetingBar(
      input({
        shape: 'share-meeting-bar',
        baseline: at(2023, 100),
        target: at(2028, 0),
        actuals: [fy(2024, value)],
      }),
    );

  it.each([
    [81, 'on_track'],
    [81.01, 'moderate'],
    [88, 'moderate'],
    [88.01, 'limited'],
    [100, 'limited'],
    [100.01, 'deteriorating'],
    [0, 'achieved'],
  ] as [number, ProgressStatus][])('reads %s units below the bar after one year as %s', (value, status) => {
    expect(pace(value).status).toBe(status);
  });

  it('gives the straight-path expectation and the forecast from the observed pace, floored at 0', () => {
    expect(pace(81)).toMatchObject({ expectedValue: 80, forecast: 5, progressValue: 0.95 });
    expect(pace(70).forecast).toBe(0);
  });

  it('calls a rank slipping out from the threshold deterioration (score −5)', () => {
    const result = judgeRank(
      input({ shape: 'rank', baseline: at(2023, 10), target: at(2028, 10), actuals: [fy(2024, 12)] }),
    );
    expect(result).toMatchObject({ status: 'deteriorating', score: -5, progressValue: null });
  });

  it('reads 0 as the allowed count when the target gives none ("all units")', () => {
    const result = judgeShareMeetingBar(
      input({ shape: 'share-meeting-bar', baseline: at(2023, 11), actuals: [fy(2024, 0)] }),
    );
    expect(result.status).toBe('achieved');
  });

  it('needs two years unless the threshold is met, and a target year', () => {
    const single = judgeRank(input({ shape: 'rank', target: at(2028, 10), actuals: [fy(2024, 15)] }));
    expect(single).toMatchObject({ status: 'no_data', reason: 'too_few_years' });
    const within = judgeRank(input({ shape: 'rank', target: at(2028, 10), actuals: [fy(2024, 3)] }));
    expect(within.status).toBe('achieved');
    expect(judgeRank(input({ shape: 'rank' })).reason).toBe('target_missing');
    const twice = judgeRank(
      input({ shape: 'rank', target: at(2028, 10), actuals: [fy(2024, 3), fy(2024, 4)] }),
    );
    expect(twice.reason).toBe('invalid_input');
  });
});

describe('judgeQualitative', () => {
  it('computes nothing and waits for the coordinator', () => {
    expect(judgeQualitative(input({ shape: 'qualitative', actuals: [fy(2024, 1)] }))).toMatchObject({
      status: 'no_data',
      score: null,
      reason: 'set_by_coordinator',
      methodVersion: KOTEI_SHAPE_RULES_VERSION,
    });
  });
});

describe('judgeShape', () => {
  it('has a rule for every KPI shape', () => {
    expect(Object.keys(SHAPE_RULES).sort()).toEqual([...KPI_SHAPES].sort());
    for (const shape of KPI_SHAPES) expect(judgeShape(input({ shape })).status).toBe('no_data');
  });

  it('maps statuses set by hand to the middle of their score band', () => {
    expect(SCORE_OF_STATUS).toEqual({
      achieved: 5,
      on_track: 3.75,
      moderate: 1.25,
      limited: -1.25,
      deteriorating: -3.75,
      no_data: null,
    });
  });
});

describe('valueOnGeometricPath', () => {
  it('interpolates geometrically and refuses paths through zero or a sign change', () => {
    expect(valueOnGeometricPath({ year: 2023, value: 7 }, { year: 2028, value: 14 }, 2028)).toBeCloseTo(
      14,
      12,
    );
    expect(valueOnGeometricPath({ year: 2020, value: 100 }, { year: 2022, value: 400 }, 2021)).toBeCloseTo(
      200,
      12,
    );
    expect(valueOnGeometricPath({ year: 2020, value: 100 }, { year: 2022, value: -4 }, 2021)).toBeNull();
    expect(valueOnGeometricPath({ year: 2020, value: 100 }, { year: 2020, value: 4 }, 2021)).toBeNull();
  });
});
