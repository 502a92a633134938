import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added while the fourteenth blind round of #14 ran (fixtures/kpi-tables-blind): each a general form the
// blind tables use, tested here on lines written in that form.

describe('one cell a line: a value cell with its year or a note after the figure', () => {
  const text = [
    '指標',
    '現状値',
    '目標値',
    '児童虐待相談対応件数',
    '207,660件(2021年度)',
    '150,000件',
    '自殺者数',
    '514人(速報)',
    '400人',
    '待機児童数',
    '2,944人 2022年',
    '0人',
  ].join('\n');

  it('reads the figure as a value and the year in brackets or after a space as its year', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual(['児童虐待相談対応件数', '自殺者数', '待機児童数']);
    expect(kpiNamed(result, '児童虐待相談対応件数')).toMatchObject({
      unit: '件',
      baseline: { value: 207660, year: 2021 },
      target: { value: 150000 },
    });
    expect(kpiNamed(result, '待機児童数').baseline).toMatchObject({ value: 2944, year: 2022 });
  });

  it('reads a note in brackets as no year', () => {
    const result = parseKpiTableText(text);
    expect(kpiNamed(result, '自殺者数').baseline).toMatchObject({ value: 514, year: null });
  });

  it('keeps a name with a figure and a word in brackets a name', () => {
    const named = text.replace('自殺者数', '65歳(以上)');
    const result = parseKpiTableText(named);
    expect(result.kpis.map((k) => k.name)).toContain('65歳(以上)');
  });
});
