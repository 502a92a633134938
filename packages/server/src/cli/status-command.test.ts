import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import type { AbnfBatchResult, StatusBatchResult } from './status-command.js';
import { runStatusBatch } from './status-command.js';

interface PublishedCase {
  series: unknown[];
  config: Record<string, unknown>;
  expected: { status: string; progressValue: number | null; score: number | null };
}

// The 40 published Statistics Canada results, kept in the repository beside the method they check.
const PUBLISHED = JSON.parse(
  readFileSync(
    new URL('../../../domain/src/status/fixtures/published-cases-sample.json', import.meta.url),
    'utf8',
  ),
) as PublishedCase[];

function run(items: unknown[]): StatusBatchResult[] {
  return JSON.parse(runStatusBatch(JSON.stringify(items))) as StatusBatchResult[];
}

function closeTo(got: number | null, want: number | null): boolean {
  if (want === null) return got === null;
  return got !== null && Math.abs(got - want) <= 1e-9;
}

const VALID = {
  series: [
    { year: 2015, value: 100 },
    { year: 2020, value: 110 },
  ],
  config: { direction: 'increase', base_year: 2015, target: 150, target_year: 2030, limit: null },
};

describe('runStatusBatch', () => {
  it('reproduces the 40 published results, in order', () => {
    const results = run(PUBLISHED.map(({ series, config }) => ({ series, config })));
    expect(results).toHaveLength(40);
    results.forEach((result, i) => {
      const { expected } = PUBLISHED[i] as PublishedCase;
      expect(result.status).toBe(expected.status);
      expect(closeTo(result.progressValue, expected.progressValue)).toBe(true);
      expect(closeTo(result.score, expected.score)).toBe(true);
      expect(result.error).toBeUndefined();
    });
  });

  it('puts an invalid item’s error in its place and measures the others', () => {
    const results = run([
      VALID,
      {
        series: [{ year: 2015, value: 1 }],
        config: { base_year: 2015, target: null, target_year: null, limit: null },
      },
      {
        series: [
          { year: 2016, value: 1 },
          { year: 2016, value: 2 },
        ],
        config: VALID.config,
      },
      { ...VALID, config: { ...VALID.config, target_year: 2015 } },
      'not an item',
      { ...VALID, series: [{ year: '2015', value: 1 }] },
      VALID,
    ]);
    expect(results).toHaveLength(7);
    expect(results[0]).toMatchObject({ status: 'moderate' });
    expect(results[6]).toEqual(results[0]);
    for (const i of [1, 2, 3, 4, 5]) {
      expect(results[i]).toMatchObject({ status: 'no_data', progressValue: null, score: null });
      expect(typeof results[i]?.error).toBe('string');
    }
    expect(results[1]?.error).toContain('config.direction');
    expect(results[2]?.error).toContain('duplicate value for year 2016');
    expect(results[3]?.error).toContain('target year 2015 equals the base year');
    expect(results[5]?.error).toContain('series.0.year');
  });

  it('takes missing values as absent and missing target, target year or limit as null', () => {
    const [result] = run([
      {
        series: [
          { year: 2015, value: 100 },
          { year: 2016, value: null },
          { year: 2020, value: 110 },
        ],
        config: { direction: 'increase', base_year: 2015 },
      },
    ]);
    expect(result).toMatchObject({
      status: 'on_track',
      score: expect.closeTo(4.622438245728283, 12) as number,
    });
  });

  it('writes an infinite progress value as null, keeping status and score', () => {
    const [result] = run(
      [{ ...VALID, config: { ...VALID.config, target: 100 } }].map((item) => ({
        ...item,
        series: [
          { year: 2015, value: 100 },
          { year: 2020, value: 90 },
        ],
      })),
    );
    expect(result).toEqual({ status: 'deteriorating', progressValue: null, score: -5 });
  });

  it('throws a clear error when the input is not a JSON array', () => {
    expect(() => runStatusBatch('{"series": []}')).toThrow(/must be a JSON array/u);
    expect(() => runStatusBatch('not json')).toThrow(/not valid JSON/u);
    expect(runStatusBatch('[]')).toBe('[]');
  });

  it('measures 12,000 series quickly', () => {
    const items = Array.from({ length: 12_000 }, (_, i) => ({
      series: Array.from({ length: 10 }, (__, k) => ({
        year: 2015 + k,
        value: 50 + ((i * 7 + k * 13) % 40),
      })),
      config: {
        direction: i % 2 === 0 ? 'increase' : 'decrease',
        base_year: 2015,
        target: i % 3 === 0 ? null : 80,
        target_year: 2030,
        limit: i % 3 === 0 ? 100 : null,
      },
    }));
    const input = JSON.stringify(items);
    const started = performance.now();
    const output = JSON.parse(runStatusBatch(input)) as StatusBatchResult[];
    const elapsed = performance.now() - started;
    expect(output).toHaveLength(12_000);
    expect(output.every((result) => result.error === undefined)).toBe(true);
    expect(elapsed).toBeLessThan(3000);
  });
});

describe('runStatusBatch --method abnf', () => {
  function grade(items: unknown[]): AbnfBatchResult[] {
    return JSON.parse(runStatusBatch(JSON.stringify(items), 'abnf')) as AbnfBatchResult[];
  }
  const CAPITAL_INVESTMENT = {
    // 設備投資 as published: 64.9兆円 (FY2012) → 69.4兆円 (FY2014), target 70兆円 (FY2015) → A.
    series: [
      { year: 2012, value: 64.9 },
      { year: 2013, value: null },
      { year: 2014, value: 69.4 },
    ],
    config: { direction: 'increase', base_year: 2012, target: 70, target_year: 2015, limit: null },
  };

  it('reads the open-sdg input and prints status, progress, elapsed and neededNow in order', () => {
    const results = grade([
      CAPITAL_INVESTMENT,
      { ...CAPITAL_INVESTMENT, series: [{ year: 2012, value: 64.9 }] },
      { ...CAPITAL_INVESTMENT, config: { ...CAPITAL_INVESTMENT.config, target: null, target_year: null } },
      { ...CAPITAL_INVESTMENT, config: { ...CAPITAL_INVESTMENT.config, direction: null } },
      {
        ...CAPITAL_INVESTMENT,
        series: [
          { year: 2012, value: 64.9 },
          { year: 2014, value: 66 },
        ],
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(['A', 'N', 'A', 'F', 'B']);
    expect(results[0]?.progress).toBeCloseTo(0.882, 3);
    expect(results[0]?.elapsed).toBeCloseTo(2 / 3, 12);
    expect(results[0]?.neededNow).toBeCloseTo(68.3, 10);
    expect(Object.keys(results[0] ?? {}).sort()).toEqual(['elapsed', 'neededNow', 'progress', 'status']);
    expect(results[2]).toEqual({ status: 'A', progress: null, elapsed: null, neededNow: null });
  });

  it('answers N with the error for an invalid item and grades the others', () => {
    const results = grade([
      { ...CAPITAL_INVESTMENT, config: { base_year: 2012, target: 70, target_year: 2015 } },
      {
        ...CAPITAL_INVESTMENT,
        series: [
          { year: 2014, value: 1 },
          { year: 2014, value: 2 },
        ],
      },
      CAPITAL_INVESTMENT,
    ]);
    expect(results[0]).toMatchObject({
      status: 'N',
      error: expect.stringContaining('config.direction') as string,
    });
    expect(results[1]).toMatchObject({ status: 'N', error: 'duplicate value for year 2014' });
    expect(results[2]?.status).toBe('A');
  });
});
