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

describe("a 公営企業 plan's 実績調書: the plan's column beside the year's actuals", () => {
  const text = [
    '(単位:百万円、%)',
    '項 目 | 平成20年度策定 改革プラン | 平成23年度実績',
    '医業収益 | 5,095 | 4,702',
    '経常損益(A-B) | 67 | ▲ 162',
    'うち職員給与費 | 2,849 | 2,872',
    '病床利用率 | 83.5 | 69.1',
  ].join('\n');

  it("reads the plan's figures as targets for the actuals' year, not the year the plan was adopted", () => {
    const result = parseKpiTableText(text);
    expect(kpiNamed(result, '医業収益')).toMatchObject({
      target: { value: 5095, year: 2011 },
      latest: { value: 4702, year: 2011 },
    });
  });

  it("gives each row the table's unit, % to a rate, and drops the arithmetic labels and 「うち」", () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.unit])).toEqual([
      ['医業収益', '百万円'],
      ['経常損益', '百万円'],
      ['職員給与費', '百万円'],
      ['病床利用率', '%'],
    ]);
    expect(kpiNamed(result, '経常損益').latest?.value).toBe(-162);
  });

  it('leaves a target with no year where the column is a final 目標, not a plan', () => {
    const result = parseKpiTableText(text.replace('平成20年度策定 改革プラン', '目標値'));
    expect(kpiNamed(result, '医業収益').target).toMatchObject({ value: 5095, year: null });
  });
});

describe('one cell a line: a negative figure printed with a space after its sign', () => {
  it('reads 「▲ 162」 as the figure −162, never as a name 「▲」 and a figure', () => {
    const text = ['指標', '計画', '実績', '経常損益', '67', '▲ 162', '病床利用率', '83.5', '69.1'].join('\n');
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual(['経常損益', '病床利用率']);
    expect(kpiNamed(result, '経常損益').latest?.value).toBe(-162);
  });
});

describe('one cell a line: a heading in brackets of its own between rows', () => {
  it('heads the rows after it, never joined to the next name', () => {
    const text = [
      '区分',
      '現状値',
      '目標値',
      '<施設系サービス>',
      '介護老人福祉施設',
      '29万人分',
      '36万人分',
    ].join('\n');
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual(['介護老人福祉施設']);
    expect(kpiNamed(result, '介護老人福祉施設')).toMatchObject({
      unit: '万人分',
      baseline: { value: 29 },
      target: { value: 36 },
    });
  });
});

describe("a value column's header with a qualifier in brackets, and a target set against the present figure", () => {
  const text = [
    '指標 | 現状値 (評価年度) | 目標値 (R27 年度)',
    '住宅の耐震化率 | 96.0%(R3) | 97.0%',
    'まちづくりが進んでいると思う市民の割合 | 80.8%(R5) | 現状値以上',
  ].join('\n');

  it('reads 「現状値 (評価年度)」 as the baseline: 評価 in the brackets is no grade column', () => {
    const result = parseKpiTableText(text);
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual(['name', 'baseline', 'target']);
    expect(kpiNamed(result, '住宅の耐震化率').baseline).toMatchObject({ value: 96, year: 2021 });
  });

  it('reads 「現状値以上」 as a target of no figure that keeps its year and says the KPI should not fall', () => {
    const result = parseKpiTableText(text);
    expect(result.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(kpiNamed(result, 'まちづくりが進んでいると思う市民の割合')).toMatchObject({
      target: { value: null, year: 2045 },
      direction: 'increase',
    });
  });
});
