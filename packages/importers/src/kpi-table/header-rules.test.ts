import { describe, expect, it } from 'vitest';
import { textRow } from './grid.js';
import { detectHeader } from './header.js';
import type { TableKpi } from './index.js';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// The general header and column rules of #14 (after two blind rounds whose misses were mostly 「no header found, so
// nothing read」): each tested on a small synthetic table in its form, none keyed to one file.

const kpi = kpiNamed;

function points(k: TableKpi): (number | null | undefined)[] {
  return [
    k.baseline?.value,
    k.baseline?.year,
    k.target?.value,
    k.target?.year,
    k.latest?.value,
    k.latest?.year,
  ];
}

function roles(cells: readonly string[]): string[] | undefined {
  return detectHeader(textRow(cells, 1), '')?.map((m) => m.role);
}

describe('header words', () => {
  it('reads the synonyms in Japanese and English', () => {
    expect(roles(['成果指標', '策定時', '目標(期限)', '直近値', '担当部局'])).toEqual([
      'name',
      'baseline',
      'target',
      'actual',
      'owner',
    ]);
    expect(roles(['評価指標', '当初値', '目標値', '最新値', '進捗'])).toEqual([
      'name',
      'baseline',
      'target',
      'actual',
      'status',
    ]);
    expect(roles(['Indicator', 'Unit', 'Baseline', 'Target', 'Latest', 'Status'])).toEqual([
      'name',
      'unit',
      'baseline',
      'target',
      'actual',
      'status',
    ]);
  });

  it('reads full-width letters, words spaced out for print and cells broken over lines', () => {
    expect(roles(['ＫＰＩ', '基 準 値', '目　標　値', '実績\n値'])).toEqual([
      'name',
      'baseline',
      'target',
      'actual',
    ]);
    expect(roles(['指標名', 'ベース\nライン', '目標'])).toEqual(['name', 'baseline', 'target']);
  });

  it('takes a row of western years beside a name cell for a header, never a row of figures', () => {
    expect(roles(['指標', '2019', '2020', '2021', '2025目標'])).toEqual([
      'name',
      'actual',
      'actual',
      'actual',
      'target',
    ]);
    expect(roles(['就業率', '2021', '2020'])).toBeUndefined();
    expect(roles(['指標', '2019', '35'])).toBeUndefined();
  });

  it('dates a value column by the column of years beside it (基準年度, 目標年度)', () => {
    const result = parseKpiTableText(
      [
        '指標,基準値,基準年度,目標値,目標年度',
        '就業率,57.3%,2016,63%,2025',
        '取得率,48.1%,令和2年度,70%,R7',
      ].join('\n'),
    );
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, undefined, undefined]);
    expect(points(kpi(result, '取得率'))).toEqual([48.1, 2020, 70, 2025, undefined, undefined]);
    expect(result.mappings[0]?.columns[2]?.evidence).toContain('the years of column 2');
  });
});

describe('a header of two rows: a group cell over its sub-cells', () => {
  it('reads 目標値 over 数値 and 年度, 実績値 over the years (the group cell written once, as in CSV)', () => {
    const result = parseKpiTableText(
      [
        '指標,基準値,目標値,,実績値,,',
        ',,数値,年度,R2,R3,R4',
        '就業率,57.3% (2016年),63%,2025,58.0%,58.9%,59.6%',
        '取得率,48.1% (2016年),70%,2025,50.2%,51.0%,',
      ].join('\n'),
    );
    const first = kpi(result, '就業率');
    expect(points(first)).toEqual([57.3, 2016, 63, 2025, 59.6, 2022]);
    expect(first.actuals.map((a) => a.year)).toEqual([2020, 2021, 2022]);
    expect(points(kpi(result, '取得率'))).toEqual([48.1, 2016, 70, 2025, 51, 2021]);
    expect(result.mappings[0]?.columns.map((m) => m.header)).toEqual([
      '指標',
      '基準値',
      '目標値 数値',
      '目標値 年度',
      '実績値 R2',
      '実績値 R3',
      '実績値 R4',
    ]);
  });

  it('reads a two-row header in PDF text whose second row opens with empty cells (its first bar a separator)', () => {
    const result = parseKpiTableText(
      [
        '指標 | 基準値 |  | 目標値 |  | 実績値 | ',
        ' |  数値 | 年度 | 数値 | 年度 | 数値 | 年度',
        '就業率 | 57.3% | 2016年度 | 63% | 2025年度 | 58.9% | 2021年度',
        '取得率 | 48.1% | 2016年度 | 70% | 2025年度 | 51.0% | 2022年度',
      ].join('\n'),
    );
    expect(result.format).toBe('pdf-text');
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, 58.9, 2021]);
    expect(points(kpi(result, '取得率'))).toEqual([48.1, 2016, 70, 2025, 51, 2022]);
  });

  it('reads a second header row in PDF text whose first and last cells are empty as header, not as a KPI', () => {
    const result = parseKpiTableText(
      [
        '成果指標 | 現状値 |  | 目標値 |  | 達成状況',
        ' | 数値 | 年度 | 数値 | 年度 | ',
        '就業率 | 57.3 | 2016年度 | 63 | 2025年度 | ◎',
        '取得率 | 48.1 | 2016年度 | 70 | 2025年度 | ○',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['就業率', '取得率']);
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, undefined, undefined]);
    expect(kpi(result, '取得率').status).toBe('○');
  });

  it('still reads rows written between bars in PDF text, the bars at the ends enclosing each row', () => {
    const result = parseKpiTableText(
      [
        '| 指標 | 現状値 | 目標値 |',
        '| 就業率 | 57.3% (2016年) | 63% (2025年) |',
        '| 取得率 | 48.1% (2016年) | 70% (2025年) |',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.header)).toEqual(['指標', '現状値', '目標値']);
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, undefined, undefined]);
    expect(points(kpi(result, '取得率'))).toEqual([48.1, 2016, 70, 2025, undefined, undefined]);
  });

  it('reads actuals in year columns in PDF text: the latest is the last year with a figure', () => {
    const result = parseKpiTableText(
      [
        '指標 | 基準値 | 目標値 | 実績値 |  | ',
        ' |  |  | R2 | R3 | R4',
        '就業率 | 57.3% (2016年) | 63% (2025年) | 58.0% | 58.9% | 59.6%',
        '取得率 | 48.1% (2016年) | 70% (2025年) | 50.2% | 51.0% | ',
      ].join('\n'),
    );
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, 59.6, 2022]);
    expect(points(kpi(result, '取得率'))).toEqual([48.1, 2016, 70, 2025, 51, 2021]);
  });

  it('pairs 年度 with the value beside it under a group cell that says more than its role (目標(期限), 目標（％）, 計画策定時の数値)', () => {
    for (const [base, target] of [
      ['計画策定時の数値', '目標(期限)'],
      ['当初値（％）', '目標（％）'],
    ]) {
      const result = parseKpiTableText(
        [`指標,${base},,${target},`, ',数値,年度,数値,年度', '就業率,57.3,2016年度,63,2025年度'].join('\n'),
      );
      expect(points(kpi(result, '就業率')), `${base} / ${target}`).toEqual([
        57.3,
        2016,
        63,
        2025,
        undefined,
        undefined,
      ]);
    }
    // A year of its own under the group is a column of figures for that year, not a column of years.
    expect(roles(['指標', '目標(期限) 数値', '目標(期限) 年度', '直近値(%) 2014年度'])).toEqual([
      'name',
      'target',
      'ignore',
      'actual',
    ]);
  });

  it('reads an HTML header of two rows: spanned cells filled out, 数値 and 年度 under 基準値 and 目標値', () => {
    const result = parseKpiTableText(
      [
        '<table>',
        '<tr><th rowspan="2">指標名</th><th colspan="2">基準値</th><th colspan="2">目標値</th></tr>',
        '<tr><th>数値</th><th>年度</th><th>数値</th><th>年度</th></tr>',
        '<tr><td>図書貸出冊数</td><td>5.1冊</td><td>令和2年度</td><td>6.0冊</td><td>令和7年度</td></tr>',
        '<tr><td>待機児童数</td><td>120人</td><td>令和2年度</td><td>0人</td><td>令和6年度</td></tr>',
        '</table>',
      ].join('\n'),
    );
    expect(result.format).toBe('html');
    expect(points(kpi(result, '図書貸出冊数'))).toEqual([5.1, 2020, 6, 2025, undefined, undefined]);
    expect(points(kpi(result, '待機児童数'))).toEqual([120, 2020, 0, 2024, undefined, undefined]);
  });

  it('reads year groups over 目標 and 実績 (each year a target and an actual)', () => {
    const result = parseKpiTableText(
      [
        ',令和4年度,,令和5年度,',
        '指標名,目標,実績,目標,実績',
        '図書貸出冊数,5.2冊,5.1冊,5.5冊,5.4冊',
        '待機児童数,50人,62人,0人,35人',
      ].join('\n'),
    );
    expect(points(kpi(result, '図書貸出冊数'))).toEqual([undefined, undefined, 5.5, 2023, 5.4, 2023]);
    expect(kpi(result, '待機児童数').actuals.map((a) => [a.value, a.year])).toEqual([
      [62, 2022],
      [35, 2023],
    ]);
  });

  it('does not take a table row under the header for a second header row', () => {
    const result = parseKpiTableText(
      ['指標,現状,目標', '目標1,,', '就業率,57.3% (2016年),63% (2025年)'].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.header)).toEqual(['指標', '現状', '目標']);
    expect(points(kpi(result, '就業率'))).toEqual([57.3, 2016, 63, 2025, undefined, undefined]);
  });
});

describe('a header cell over two columns', () => {
  it('goes on with the name where the name header is followed by an empty cell (項目 over item and sub-item)', () => {
    const result = parseKpiTableText(
      [
        '項目,,現状,目標',
        '就業率,60～64歳,63.6% (2016年),67% (2020年)',
        ',65～69歳,42.8% (2016年),',
        '健康寿命,男性,71.19歳 (2013年),',
      ].join('\n'),
    );
    expect(points(kpi(result, '就業率 60～64歳'))).toEqual([63.6, 2016, 67, 2020, undefined, undefined]);
    expect(kpi(result, '就業率 65～69歳').baseline?.value).toBe(42.8);
    expect(kpi(result, '健康寿命 男性').unit).toBe('歳');
  });

  it('moves a header whose spanned cell the text put at its end, where the cells show the columns stand', () => {
    const result = parseKpiTableText(
      [
        '分類 | 項目 | 現状 | 目標 | |',
        '---|---|---|---|---|',
        '| 全体 | 高齢化率 | 65歳以上 | 27.3% (2016年) | 参照 |',
        '| 就業 | 就業率 | 60～64歳 | 63.6% (2016年) | 67.0% (2020年) |',
        '| 就業 | 就業率 | 65～69歳 | 42.8% (2016年) | 45.0% (2020年) |',
        '| 健康 | 運動習慣者の割合 | 男性 | 52.5% (2015年) | 58% (2022年度) |',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual([
      'group',
      'name',
      'ignore',
      'baseline',
      'target',
    ]);
    expect(points(kpi(result, '就業率 60～64歳'))).toEqual([63.6, 2016, 67, 2020, undefined, undefined]);
    expect(points(kpi(result, '運動習慣者の割合 男性'))).toEqual([
      52.5,
      2015,
      58,
      2022,
      undefined,
      undefined,
    ]);
  });

  it('puts back a row whose spanned cells the text wrote at its end, by the shapes of the cells above', () => {
    // Rows broken after every cell; the second row's 分類 and 項目 (spanned from above) and the 参照 on its right
    // are written as three empty cells at its end.
    const result = parseKpiTableText(
      [
        '分類 | 項目 | | 現状 | 目標 |',
        '---|---|---|---|---|',
        '全体 | 高齢化率 | 65歳以上 | 27.3% (2016年) |',
        '参照 |',
        '75歳以上 | 13.3% (2016年) |',
        '|||',
        '就業 | 就業率 | 60～64歳 | 63.6% (2016年) |',
        '67.0% (2020年) |',
        '健康 | 歩数 | 男性 | 7,000歩 (2016年) |',
        '9,000歩 (2022年) |',
      ].join('\n'),
    );
    expect(points(kpi(result, '高齢化率 75歳以上'))).toEqual([
      13.3,
      2016,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(points(kpi(result, '就業率 60～64歳'))).toEqual([63.6, 2016, 67, 2020, undefined, undefined]);
  });
});

describe('a table with no header row: columns inferred from content', () => {
  const table = [
    '施策の成果',
    '1,合計特殊出生率の向上,1.44 (平成30年),1.60 (令和5年),1.52 (令和3年)',
    '2,待機児童数の解消,120人 (平成30年),0人 (令和5年),35人 (令和3年)',
    '3,自主防災組織の活動カバー率,78.2% (平成30年),90% (令和5年),84.0% (令和3年)',
    '4,市民一人当たりの図書貸出冊数,5.1冊 (平成30年),6.0冊 (令和5年),5.4冊 (令和3年)',
  ].join('\n');

  it('reads the long text as the name and the figures by their years: earliest base, latest target', () => {
    const result = parseKpiTableText(table);
    expect(points(kpi(result, '待機児童数の解消'))).toEqual([120, 2018, 0, 2023, 35, 2021]);
    expect(result.kpis).toHaveLength(4);
  });

  it('proposes the mapping with a low confidence, says it was inferred, and still reports the missing header', () => {
    const result = parseKpiTableText(table);
    const columns = result.mappings[0]?.columns ?? [];
    expect(columns.map((m) => m.role)).toEqual(['ignore', 'name', 'baseline', 'target', 'actual']);
    for (const m of columns) expect(m.confidence).toBeLessThanOrEqual(0.3);
    expect(columns[1]?.evidence).toMatch(/inferred from content/u);
    const issue = result.issues.find((i) => i.code === 'kpi-table-no-header');
    expect(issue?.severity).toBe('warning');
    expect(issue?.found).toMatch(/lines 1–5/u);
  });

  it('takes the words in the cells (目標, 現状) before the order', () => {
    const result = parseKpiTableText(
      [
        '就業率,目標 63% (2025年),現状 57.3% (2016年)',
        '育児休業取得率,目標 30% (2025年),現状 12.7% (2020年)',
        '待機児童数,目標 0人 (2024年),現状 120人 (2018年)',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual(['name', 'target', 'baseline']);
  });

  it('takes a numbered name or one holding a figure (「(1)」, 「65歳以上」) for a name, a figure with a year for a value', () => {
    const result = parseKpiTableText(
      [
        '(1)65歳以上の就業者数 | 820万人(24年度) | 1,000万人(29年度)',
        '(2)福祉施設入所者数 | 14.6万人(17年度) | 11.5万人(29年度)',
        '(3)訪問系サービスの利用時間数 | 494万時間(24年度) | 720万時間(29年度)',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual(['name', 'baseline', 'target']);
    expect(points(kpi(result, '福祉施設入所者数'))).toEqual([14.6, 2005, 11.5, 2017, undefined, undefined]);
  });

  it('takes a column of units alone for the unit column', () => {
    const result = parseKpiTableText(
      [
        '合計特殊出生率の向上,,1.44 (平成30年),1.60 (令和5年)',
        '待機児童数の解消,人,120 (平成30年),0 (令和5年)',
        '自主防災組織の活動カバー率,%,78.2 (平成30年),90 (令和5年)',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual(['name', 'unit', 'baseline', 'target']);
    expect(kpi(result, '待機児童数の解消').unit).toBe('人');
  });

  it('lets the user correct an inferred column', () => {
    const result = parseKpiTableText(table, { columnRoles: [{ column: 4, role: 'ignore' }] });
    expect(kpi(result, '待機児童数の解消').latest).toBeNull();
  });

  it('refuses a table whose cells name nothing and hold no figures, saying which rows it looked at', () => {
    const result = parseKpiTableText(['a,b,c', 'd,e,f', 'g,h,i', 'j,k,l'].join('\n'));
    expect(result.kpis).toHaveLength(0);
    expect(result.issues.find((i) => i.code === 'kpi-table-no-header')?.severity).toBe('error');
  });
});

describe('a table in text whose cells are split at arbitrary spaces and line breaks', () => {
  const text = [
    '在宅サービスの推進',
    '',
    '区分 平成15年度予算 平成16年度予算(案) 平成19年度',
    '(プラン目標)',
    '訪問介護員 約 51,560人',
    ' (+ 3,671)',
    ' 55,230',
    '約 60,000人',
    '短期入所生活介護 約 4,920人分',
    ' (+ 143)',
    ' 5,060',
    '人分',
    '約 5,600人分',
    '通園事業 約 230か所',
    ' (+ 11)',
    'か所',
    '約 280か所',
  ].join('\n');

  it('reads a row as its name and one value a column: changes dropped, a unit joined to its figure', () => {
    const result = parseKpiTableText(text);
    expect(points(kpi(result, '訪問介護員'))).toEqual([51560, 2003, 60000, 2007, undefined, undefined]);
    expect(points(kpi(result, '短期入所生活介護'))).toEqual([4920, 2003, 5600, 2007, undefined, undefined]);
    // The figure of the middle cell is lost (only its unit is left): the other cells keep their columns.
    expect(points(kpi(result, '通園事業'))).toEqual([230, 2003, 280, 2007, undefined, undefined]);
  });

  it('takes the year column before a later target as the base, a proposal (予算(案)) as an estimate, 区分 over the names', () => {
    const result = parseKpiTableText(text);
    expect(result.mappings[0]?.columns.map((m) => m.role)).toEqual([
      'name',
      'baseline',
      'estimate',
      'target',
    ]);
  });
});
