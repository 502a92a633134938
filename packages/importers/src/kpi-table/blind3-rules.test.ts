import { describe, expect, it } from 'vitest';
import { detectHeader } from './header.js';
import type { KpiTableResult, TableKpi } from './index.js';
import { parseKpiTableText } from './index.js';
import { textRow } from './grid.js';
import { readYear } from './years.js';

// Rules added after the third blind round of #14 (plan tables as offices publish them): each a general form,
// tested on lines in that form, none keyed to one file.

function kpi(result: KpiTableResult, name: string): TableKpi {
  const found = result.kpis.find((k) => k.name === name);
  if (found === undefined) throw new Error(`no KPI ${name} in ${result.kpis.map((k) => k.name).join(', ')}`);
  return found;
}

describe('periods', () => {
  it('takes a year named outside parentheses over one inside them (the date the figures were taken)', () => {
    const year = readYear('中間年度の目標 2014年 (数値は平成25年度末)', '');
    expect([year?.year, year?.fiscal]).toEqual([2014, false]);
  });

  it('still reads a period written only in parentheses, and a range its last year', () => {
    expect(readYear('目標値 (平成32年度)', '')?.year).toBe(2020);
    expect(readYear('17〜23年度', '平成')?.year).toBe(2011);
  });
});

describe('header words', () => {
  it('takes 現況 beside a target and no 基準 column as the base', () => {
    const mapping = detectHeader(
      textRow(['指標', '現況 2002年 (数値は平成14年度末)', '中間年度の目標 2014年'], 1),
      '',
    );
    expect(mapping?.map((m) => m.role)).toEqual(['name', 'baseline', 'target']);
    expect(mapping?.[1]?.year?.year).toBe(2002);
  });

  it('keeps 現況 the latest figure beside a 基準値 column, and 実績 columns actuals', () => {
    expect(detectHeader(textRow(['指標', '基準値', '現況', '目標'], 1), '')?.map((m) => m.role)).toEqual([
      'name',
      'baseline',
      'actual',
      'target',
    ]);
    expect(detectHeader(textRow(['指標', '実績値', '目標'], 1), '')?.[1]?.role).toBe('actual');
  });
});

describe('an environmental plan table as pipe text, header cells broken after each cell', () => {
  const table = [
    '指標 |',
    '現況 2002年 (数値は平成14年度末) |',
    '中間年度の目標 2014年 (数値は平成25年度末) |',
    '---|---|---|',
    '一人当たりごみ排出量 | 174.38キログラム/年 | 170.0キログラム/年以下 |',
    'リサイクル率 | 37.2% | 41%以上 |',
  ].join('\n');

  it('reads the base and the target with their columns’ years and units', () => {
    const result = parseKpiTableText(table);
    const waste = kpi(result, '一人当たりごみ排出量');
    expect([
      waste.unit,
      waste.baseline?.value,
      waste.baseline?.year,
      waste.target?.value,
      waste.target?.year,
    ]).toEqual(['キログラム/年', 174.38, 2002, 170, 2014]);
    expect(waste.latest).toBeNull();
    expect(kpi(result, 'リサイクル率').target?.bound).toBe('min');
  });
});
