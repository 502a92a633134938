import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added while the thirteenth blind round of #14 ran (fixtures/kpi-tables-blind): each a general form the
// blind tables use, tested here on lines written in that form.

describe('one cell a line: indicators as column groups above the header, places as rows', () => {
  const lines = [
    '医療費適正化計画の目標と進捗状況(各県)',
    '住民の健康の保持の推進',
    '特定健康診査の実施率(%)',
    '特定保健指導の実施率(%)',
    '医療の効率的な提供の推進',
    'メタボ該当者の減少率',
    '(対2008年度比)(%)',
    '2019年度',
    '目標',
    '2019年度',
    '目標',
    '2019年度',
    '目標',
    'A県',
    '58.4',
    '70',
    '26.9',
    '45',
    '9.0',
    '25',
    'B県',
    '53.5',
    '70',
    '23.5',
    '45',
    '-0.8',
    '24',
  ];

  it('makes each place × indicator a KPI, named by both, the unit from the indicator', () => {
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis).toHaveLength(6);
    expect(kpiNamed(result, 'A県特定保健指導の実施率')).toMatchObject({
      unit: '%',
      latest: { value: 26.9, year: 2019 },
      target: { value: 45 },
    });
    expect(kpiNamed(result, 'B県メタボ該当者の減少率(対2008年度比)')).toMatchObject({
      unit: '%',
      latest: { value: -0.8, year: 2019 },
      target: { value: 24 },
    });
  });

  it('reads no groups where the lines above do not share the columns evenly', () => {
    const result = parseKpiTableText(lines.filter((line) => line !== '特定保健指導の実施率(%)').join('\n'));
    expect(result.kpis.map((k) => k.name)).toEqual(['A県', 'B県']);
  });
});

describe('one cell a line: a row printed out of its place among whole rows', () => {
  const text = [
    '指標',
    '現状値',
    '目標値',
    '就業率',
    '59.6%',
    '60%',
    '45',
    '該当者:15.2',
    '予備群:11.8',
    '82.3',
    '有効求人倍率',
    '0.70',
    '(参考:-3.6)',
    '新規就農者数',
    '5人',
    '25人',
    '地元採用率',
    '48.4%',
    '50%',
  ].join('\n');

  it('passes over the misplaced cells and reads the whole rows before and after them', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual(['就業率', '新規就農者数', '地元採用率']);
    expect(kpiNamed(result, '新規就農者数')).toMatchObject({
      baseline: { value: 5 },
      target: { value: 25 },
    });
  });
});
