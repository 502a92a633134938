import { describe, expect, it } from 'vitest';
import { looksLikeKpiTable, parseKpiTableText } from './index.js';
import { headerRoles, kpiNamed } from './test-support.js';

// Rules added after the sixth blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe('a table whose cells only spaces part, a row a line', () => {
  const table = [
    '栄養・食生活',
    '指標',
    '指標 プラン当初 現状値 目標値',
    'エネルギー充足率120%以上の者の減少 27.4% 23.2% 20%未満',
    '食塩摂取量の減少 12.1g 10.4g 10g未満',
    '野菜の摂取量の増加 273g 218g 350g',
    '健康づくり協力店の数 40ヵ所 213ヵ所 300ヵ所',
  ].join('\n');

  it('reads each line as a row, units written on the figures, 現状値 beside 当初 as the latest actual', () => {
    const result = parseKpiTableText(table);
    expect(result.kpis.map((k) => k.name)).toEqual([
      'エネルギー充足率120%以上の者の減少',
      '食塩摂取量の減少',
      '野菜の摂取量の増加',
      '健康づくり協力店の数',
    ]);
    expect(kpiNamed(result, '食塩摂取量の減少')).toMatchObject({
      unit: 'g',
      baseline: { value: 12.1 },
      target: { value: 10, bound: 'max' },
      latest: { value: 10.4 },
      line: 5,
    });
    expect(kpiNamed(result, '健康づくり協力店の数').target).toMatchObject({ value: 300, unit: 'ヵ所' });
    expect(looksLikeKpiTable(table)).toBe(true);
  });

  it('drops a column of marks after the values (区分 ⅰ/ⅱ) and dates the columns by the prose above', () => {
    const text = [
      'なお、特に記載がない限り、現状が平成20年度、目標が平成26年度です。ただし、区分がⅲの指標は、現状が平成18年度です。',
      '評価指標 現状 目標 区分',
      '出生数の増加 2,313人 増加 ⅱ',
      '合計特殊出生率の増加 1.32 増加 ⅱ',
      '保育所の待機児童数 35人 0人 ⅰ',
    ].join('\n');
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '出生数の増加',
      '合計特殊出生率の増加',
      '保育所の待機児童数',
    ]);
    expect(kpiNamed(result, '出生数の増加')).toMatchObject({
      baseline: { value: 2313, year: 2008 },
      target: { value: null, year: 2014 },
      direction: 'increase',
    });
    expect(kpiNamed(result, '保育所の待機児童数').target).toMatchObject({ value: 0, year: 2014 });
  });

  it('keeps a table read as rows: the lines are tried as one only where the rows give few KPIs', () => {
    const rows = Array.from({ length: 6 }, (_, i) => `指標${i + 1}の割合 | ${10 + i}% | ${20 + i}%`);
    const result = parseKpiTableText(['指標 | 現状値 | 目標値', ...rows].join('\n'));
    expect(result.kpis).toHaveLength(6);
    expect(result.kpis.every((k) => !k.name.includes('|'))).toBe(true);
  });
});

describe('header roles', () => {
  it('reads 現状値 as the latest actual beside a column of the plan start, and as the baseline alone', () => {
    const roles = (cells: string[]) => headerRoles(cells)?.map(([role]) => role);
    expect(roles(['指標', 'プラン当初', '現状値', '目標値'])).toEqual([
      'name',
      'baseline',
      'actual',
      'target',
    ]);
    expect(roles(['指標', '策定時', '現状', '目標'])).toEqual(['name', 'baseline', 'actual', 'target']);
    expect(roles(['指標', '現状値', '目標値'])).toEqual(['name', 'baseline', 'target']);
  });

  it('reads words about the goal (目標の内容) as a text column, not the target', () => {
    const roles = (cells: string[]) => headerRoles(cells)?.map(([role]) => role);
    expect(roles(['目標の内容', '評価指標', '現状値(現況年度)', '27年度実績', '目標値(目標年度)'])).toEqual([
      'group',
      'name',
      'baseline',
      'actual',
      'target',
    ]);
    const result = parseKpiTableText(
      [
        '目標の内容 | 評価指標 | 現状値(現況年度) | 27年度実績 | 目標値(目標年度)',
        '認定農業者数を増やします | 認定経営体数 | 122経営体 (26年度) | 126経営体 | 132経営体 (36年度)',
      ].join('\n'),
    );
    expect(kpiNamed(result, '認定経営体数')).toMatchObject({
      group: '認定農業者数を増やします',
      baseline: { value: 122, year: 2014 },
      target: { value: 132, year: 2024 },
    });
  });
});
