import { describe, expect, it } from 'vitest';
import { checkActual, type ActualCheckContext, type KpiForChecks } from './actual-checks.js';

const fy = (year: number) => ({ start: `${year}-04-01`, end: `${year + 1}-03-31`, label: `${year}年度` });
const foreignFirms: KpiForChecks = { unit: '社', shape: 'level', direction: 'increase' };
const context = (history: { value: number; year: number }[] = []): ActualCheckContext => ({
  horizon: { start: '2023-04-01', end: '2029-03-31' },
  asOfDate: '2025-06-30',
  history: history.map(({ value, year }) => ({ value, period: fy(year) })),
});
const codes = (flags: { code: string }[]) => flags.map((flag) => flag.code);

describe('checkActual', () => {
  it('passes a plausible value quietly', () => {
    expect(
      checkActual(foreignFirms, { value: 8, period: fy(2024) }, context([{ value: 7, year: 2023 }])),
    ).toEqual([]);
  });

  it('flags a value 100 times the last one', () => {
    const flags = checkActual(
      foreignFirms,
      { value: 700, period: fy(2024) },
      context([{ value: 7, year: 2023 }]),
    );
    expect(codes(flags)).toEqual(['jump']);
    expect(flags[0]?.message.ja).toContain('前回の値（実績、なければ基準値）7');
  });

  it('flags a change far beyond the usual one, even under ten times', () => {
    const history = [100, 102, 104, 106].map((value, i) => ({ value, year: 2020 + i }));
    // FY2020–2023 rise 2 a year; +90 in one year is a slip or news, and either way needs a word.
    expect(
      codes(checkActual({ ...foreignFirms, unit: '件' }, { value: 196, period: fy(2024) }, context(history))),
    ).toEqual(['jump']);
  });

  it('flags a unit other than the KPI’s, after NFKC', () => {
    expect(codes(checkActual(foreignFirms, { value: 8, unit: '件', period: fy(2024) }, context()))).toEqual([
      'unit_mismatch',
    ]);
    expect(
      checkActual({ ...foreignFirms, unit: '%' }, { value: 8, unit: '％', period: fy(2024) }, context()),
    ).toEqual([]);
  });

  it('flags a period outside the plan and one not begun by the as-of date', () => {
    expect(codes(checkActual(foreignFirms, { value: 8, period: fy(2010) }, context()))).toEqual([
      'period_outside_plan',
    ]);
    expect(codes(checkActual(foreignFirms, { value: 8, period: fy(2026) }, context()))).toEqual([
      'period_after_as_of',
    ]);
  });

  it('flags values the KPI cannot take', () => {
    const share: KpiForChecks = { unit: '%', shape: 'level', direction: 'increase' };
    expect(codes(checkActual(share, { value: 120, period: fy(2024) }, context()))).toEqual(['out_of_range']);
    expect(codes(checkActual(foreignFirms, { value: 7.5, period: fy(2024) }, context()))).toEqual([
      'out_of_range',
    ]);
    const rank: KpiForChecks = { unit: '位', shape: 'rank', direction: 'decrease' };
    expect(codes(checkActual(rank, { value: 0, period: fy(2024) }, context()))).toEqual(['out_of_range']);
  });

  it("counts the seed's other whole things too: people, papers, sites, trials, ingredients", () => {
    for (const unit of ['名', '編', '拠点', '試験', '成分']) {
      const count: KpiForChecks = { unit, shape: 'level', direction: 'increase' };
      expect(codes(checkActual(count, { value: 2.5, period: fy(2024) }, context()))).toEqual([
        'out_of_range',
      ]);
      expect(codes(checkActual(count, { value: 3, period: fy(2024) }, context()))).toEqual([]);
    }
  });

  it('asks why a stock-like KPI moved away from its target, but not a yearly count', () => {
    const history = context([{ value: 7, year: 2023 }]);
    expect(codes(checkActual(foreignFirms, { value: 6, period: fy(2024) }, history))).toEqual([
      'against_direction',
    ]);
    const yearly: KpiForChecks = { unit: '件', shape: 'annual', direction: 'increase' };
    expect(checkActual(yearly, { value: 6, period: fy(2024) }, history)).toEqual([]);
  });
});
