import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added after the fifteenth blind round of #14 (fixtures/kpi-tables-blind): each a general form the blind
// tables use, tested here on rows written in that form.

describe('pipe rows that end with an empty 備考 cell', () => {
  // Rows written without a leading bar, each ending with its empty note: 「… | 20,959 | |」.
  const table = [
    '番号 | 項目 | 平成28年度 | 平成29年度 | 備考 |',
    '---|---|---|---|---|',
    '1 | 新規外来患者数(件数) | 21,925 | 20,959 | |',
    '2 | 救命救急患者数(件数) | 1,868 | 1,660 | |',
    '3 | 全手術件数(件数) | 8,664 | 8,396 | 本院独自の指標 |',
  ].join('\n');

  it('keeps the cells where they stand: the empty end is an empty note, not cells spanned from the left', () => {
    const result = parseKpiTableText(table);
    expect(result.kpis.map((k) => k.name)).toEqual(['新規外来患者数', '救命救急患者数', '全手術件数']);
    expect(kpiNamed(result, '救命救急患者数')).toMatchObject({ latest: { value: 1660, year: 2017 } });
  });

  it('still moves a row right where the header ends with no note column (cells spanned from the rows above)', () => {
    const spanned = table.replace('備考 |', '目標 |').replace('| 本院独自の指標 |', '| 9,000 |');
    const result = parseKpiTableText(spanned);
    expect(result.kpis.find((k) => k.name === '新規外来患者数')?.latest?.value).not.toBe(20959);
  });
});

describe('a unit in brackets at the end of a name', () => {
  it('reads 床 and 件数 as units, and a unit with what it is counted on after a comma', () => {
    const result = parseKpiTableText(
      [
        '項目 | 令和2年度 | 令和3年度',
        '---|---|---',
        '病床数(床) | 1,080 | 1,080',
        '初回入院患者数(件数) | 12,853 | 12,955',
        '後発医薬品利用率(%,薬価ベース) | 6.24 | 5.92',
      ].join('\n'),
    );
    expect(kpiNamed(result, '病床数')).toMatchObject({ unit: '床', latest: { value: 1080, year: 2021 } });
    expect(kpiNamed(result, '初回入院患者数')).toMatchObject({ unit: '件数' });
    expect(kpiNamed(result, '後発医薬品利用率')).toMatchObject({ unit: '%', latest: { value: 5.92 } });
  });
});
