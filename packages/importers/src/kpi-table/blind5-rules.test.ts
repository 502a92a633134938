import { describe, expect, it } from 'vitest';
import { readValueCell } from './cell-value.js';
import { looksLikeKpiTable, parseKpiTableText } from './index.js';
import { readYear } from './years.js';
import { kpiNamed } from './test-support.js';

// Rules added after the fifth blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe('a list of KPIs, each name on its line and 「基準⇒目標」 on the next', () => {
  const list = [
    '計画の目標指標と目標値は以下の通りである。',
    '安全な住まいの確保',
    '◆耐震化率',
    '80%(H20)⇒95%(H32)',
    '◆空き家の除却件数',
    '約120件(H21)⇒約300件(H27)',
    '子育てしやすい住まい',
    '◆子育て世帯の住宅面積水準達成率',
    '全国42%(H20)⇒50%(H27)',
    '大都市37%(H20)⇒50%(H32)',
    '◆住宅の利用期間',
    '1)滅失住宅の平均築後年数',
    '【約30年(H20)⇒約40年(H32)】',
    '2)高度のバリアフリー【6.7%(H20)⇒25%(H32)】',
    '◆最低居住面積水準未満率',
    '早期に解消',
  ].join('\n');

  it('names each statement by the line above, a numbered line or a short label as a sub-item', () => {
    const result = parseKpiTableText(list);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '耐震化率',
      '空き家の除却件数',
      '子育て世帯の住宅面積水準達成率 全国',
      '子育て世帯の住宅面積水準達成率 大都市',
      '住宅の利用期間 滅失住宅の平均築後年数',
      '住宅の利用期間 高度のバリアフリー',
    ]);
    expect(kpiNamed(result, '耐震化率')).toMatchObject({
      unit: '%',
      group: '安全な住まいの確保',
      baseline: { value: 80, year: 2008 },
      target: { value: 95, year: 2020 },
    });
    expect(kpiNamed(result, '空き家の除却件数').target).toMatchObject({ value: 300, year: 2015, unit: '件' });
    expect(kpiNamed(result, '子育て世帯の住宅面積水準達成率 大都市').group).toBe('子育てしやすい住まい');
    expect(kpiNamed(result, '住宅の利用期間 滅失住宅の平均築後年数')).toMatchObject({
      unit: '年',
      baseline: { value: 30, year: 2008 },
    });
    expect(looksLikeKpiTable(list)).toBe(true);
  });

  it('reads one lone 「基準⇒目標」 line as no list', () => {
    const result = parseKpiTableText(['事業の概要', '◆利用者数', '120人(H20)⇒150人(H25)'].join('\n'));
    expect(result.kpis).toEqual([]);
  });
});

describe('a Markdown table whose header is broken after every cell, under a name header over three columns', () => {
  const table = [
    '指標名 | ベースライン |',
    '直近値',
    '|',
    '中間評価(5年後)目標 | 最終評価(10年後)目標 | 調査 | 今後の調査 | ||',
    '---|---|---|---|---|---|---|---|---|',
    '健 康 水 準 の 指 標 |',
    '1 | 十代の喫煙率 | 7.1% (平成23年度) |',
    '4.8% (平成29年度) |',
    '6.5% | 6.0% | 〇国民健康・栄養調査 | 〇国民健康・栄養調査 |',
    '2 | 十代の飲酒率 | 9.5% (平成25年度) |',
    '8.9% (平成29年度) | 8.0% | 7.0% | 〇国民健康・栄養調査 | 〇国民健康・栄養調査 | |',
  ].join('\n');

  it('joins the header cell by cell, finds the names by their words and takes the final evaluation target', () => {
    const result = parseKpiTableText(table);
    const roles = result.mappings[0]?.columns.map((m) => m.role);
    expect(roles?.slice(0, 7)).toEqual(['group', 'code', 'name', 'baseline', 'actual', 'ignore', 'target']);
    expect(result.kpis.map((k) => k.name)).toEqual(['十代の喫煙率', '十代の飲酒率']);
    expect(kpiNamed(result, '十代の喫煙率')).toMatchObject({
      unit: '%',
      baseline: { value: 7.1, year: 2011 },
      target: { value: 6 },
      latest: { value: 4.8, year: 2017 },
    });
    expect(kpiNamed(result, '十代の喫煙率').target?.year).toBeNull();
  });

  it('reads 「5年後」 and 「3年間」 as no year, and an age range as a label', () => {
    expect(readYear('中間評価(5年後)目標', '平成')).toBeNull();
    expect(readYear('3年間', '平成')).toBeNull();
    expect(readYear('25年度', '平成')?.year).toBe(2013);
    // A range in one era is its end, in that era.
    expect(readYear('H11~15平均', '')?.year).toBe(2003);
    expect(readYear('H22~27', '')?.year).toBe(2015);
    expect(readValueCell('10~14歳 1.3', '').value).toBe(1.3);
  });
});
