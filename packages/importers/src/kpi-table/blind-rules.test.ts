import { describe, expect, it } from 'vitest';
import { readValueCell } from './cell-value.js';
import { detectTextFormat, looksLikeKpiTable, parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added after the blind test of #14 (fixtures/kpi-tables-blind): each one a general form those tables
// use, tested here on lines in that form.

const kpi = kpiNamed;

describe('cell forms', () => {
  it('reads a figure in 億 and 万 at once in 万: 「2億396万円」 is 20396 万円', () => {
    const reading = readValueCell('2億396万円', '');
    expect(reading.value).toBe(20396);
    expect(reading.unit).toBe('万円');
  });

  it('never reads a misgrouped figure: 「4億3,0000万円」 is unreadable, with no value', () => {
    const reading = readValueCell('4億3,0000万円', '');
    expect(reading.isReadable).toBe(false);
    expect(reading.value).toBeNull();
    expect(readValueCell('1,203市町村', '').value).toBe(1203);
  });
});

describe('a list of KPIs, one 「名称:基準 → 目標」 a line', () => {
  const list = [
    '1.競争力のある産業振興による活力あるまちづくり',
    'いちご生産額:2億396万円 → 4億3,0000万円',
    '① 地域DMOの設立:0件 → 1件',
    '① 地域優良品認証数: ― 件/年 → 10件/年',
    '交流人口数:3,324人 → 5,000人',
    '② 移住者数:11.4人/年 → 17人/年',
  ].join('\n');

  it('is no CSV: commas that group thousands separate no cells', () => {
    expect(detectTextFormat(list)).not.toBe('csv');
    expect(detectTextFormat('a,b\n1,2\n')).toBe('csv');
  });

  it('reads every line: circled numbers out of the names, 「―」 as no baseline, units per year', () => {
    const result = parseKpiTableText(list);
    expect(result.kpis.map((k) => k.name)).toEqual([
      'いちご生産額',
      '地域DMOの設立',
      '地域優良品認証数',
      '交流人口数',
      '移住者数',
    ]);
    expect(kpi(result, '地域優良品認証数').baseline).toBeNull();
    expect(kpi(result, '地域優良品認証数').target?.value).toBe(10);
    expect(kpi(result, '移住者数').unit).toBe('人/年');
    expect(kpi(result, '交流人口数').baseline?.value).toBe(3324);
  });

  it('keeps a KPI whose target it cannot read, the target empty and an issue naming the cell', () => {
    const result = parseKpiTableText(list);
    const strawberries = kpi(result, 'いちご生産額');
    expect(strawberries.baseline?.value).toBe(20396);
    expect(strawberries.target).toBeNull();
    const issue = result.issues.find((i) => i.code === 'kpi-value-unreadable');
    expect(issue?.found).toBe('4億3,0000万円');
    expect(issue?.line).toBe(2);
  });
});

describe('cell forms of year-column progress tables', () => {
  it('reads a figure wrapped whole in parentheses as the figure: 「( 62.4万人※1)」', () => {
    const reading = readValueCell('( 62.4万人※1)', '平成');
    expect(reading.value).toBe(62.4);
    expect(reading.unit).toBe('万人');
  });

  it('reads a cell that is a bare year alone as a period of the document’s era: 「16年度 までに」', () => {
    const reading = readValueCell('16年度 までに', '平成');
    expect(reading.value).toBeNull();
    expect(reading.period?.year).toBe(2004);
    expect(reading.isReadable).toBe(true);
  });
});

describe('a progress table with no header cell over the names, two rows a KPI (its name cell spans them)', () => {
  // The layout of the 新エンゼルプラン progress page as stored: actuals in parentheses on the name's row, the
  // plan's figures on the next, 目標値 over two cells (the year, the figure), one row broken between cells.
  const table = [
    '| 平成12年度 | 平成13年度 | 平成14年度 | 目標値 | ||',
    '| 延長保育の推進 | ( 8,052ヶ所) | ( 9,431ヶ所) | |||',
    '| 8,000ヶ所 | 9,000ヶ所 | 10,000ヶ所 | 16年度 | 10,000ヶ所 | |',
    '| 多機能保育所等の整備 | ( 333ヶ所) | ( 291ヶ所) | |||',
    '| 305ヶ所 | 298ヶ所 | 268ヶ所 | 16年度 までに |',
    '2,000ヶ所 | |',
    '| 計 393ヶ所 | 累計 779ヶ所 | 累計 1,206ヶ所 | |||',
  ].join('\n');
  const result = parseKpiTableText(table);

  it('reads the name row one column right, its figures as the actuals of their years, no year as a base', () => {
    expect(result.kpis.map((k) => k.name)).toEqual(['延長保育の推進', '多機能保育所等の整備']);
    const kpiRead = kpi(result, '延長保育の推進');
    expect(kpiRead.actuals.map((p) => [p.value, p.year])).toEqual([
      [8052, 2000],
      [9431, 2001],
    ]);
    expect(kpiRead.baseline).toBeNull();
    expect(kpiRead.unit).toBe('ヶ所');
  });

  it('takes the target from the second row, its year and figure in two cells, and notes its other figures', () => {
    expect([kpi(result, '延長保育の推進').target?.value, kpi(result, '延長保育の推進').target?.year]).toEqual(
      [10000, 2004],
    );
    const broken = kpi(result, '多機能保育所等の整備');
    expect([broken.target?.value, broken.target?.year]).toEqual([2000, 2004]);
    expect(broken.latest?.value).toBe(291);
    expect(broken.notes.some((n) => n.includes('累計 779ヶ所'))).toBe(true);
  });
});

describe('PDF text of one cell a line, no separator', () => {
  // The form of the 健康日本21 中間評価 slide's text: header cells wrapped over two lines, then each row as its name
  // and one line a value; the name column's header printed after the rows.
  const text = [
    '健康日本21中間評価',
    '20項目/53項目が悪化',
    'ベース',
    'ライン値',
    '直近実績値',
    '目標値',
    '(2010年)',
    '20~60代男性の肥満',
    '24.3%',
    '29.4%',
    '15.0%',
    '乳癌検診受診者',
    '1064万人',
    '766万人',
    '1600万人',
    '指 標',
    '保健事業の評価',
  ].join('\n');

  it('joins the wrapped header cells and reads each name and its values as a row', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual(['20~60代男性の肥満', '乳癌検診受診者']);
    const screening = kpi(result, '乳癌検診受診者');
    expect([screening.baseline?.value, screening.latest?.value, screening.target?.value]).toEqual([
      1064, 766, 1600,
    ]);
    expect(screening.target?.year).toBe(2010);
    expect(screening.unit).toBe('万人');
    expect(result.mappings[0]?.columns.map((c) => c.header)).toEqual([
      '',
      'ベースライン値',
      '直近実績値',
      '目標値(2010年)',
    ]);
  });

  it('gives each value the line it came from', () => {
    const obesity = kpi(parseKpiTableText(text), '20~60代男性の肥満');
    expect(obesity.baseline?.ref).toBe('line 9, cell 1');
  });

  it('still says there is no header when the lines hold none', () => {
    const result = parseKpiTableText(['お知らせ', '説明会は10時から', '会場は本庁舎'].join('\n'));
    expect(result.kpis).toHaveLength(0);
    expect(result.issues.some((i) => i.code === 'kpi-table-no-header')).toBe(true);
  });
});

describe('recognising a table without separators', () => {
  it('takes a 「名称:基準 → 目標」 list and a one-cell-a-line table as KPI tables, plain prose not', () => {
    expect(looksLikeKpiTable('転入者数:715人 → 950人\n交流人口数:3,324人 → 5,000人\n')).toBe(true);
    expect(
      looksLikeKpiTable(['ベースライン値', '目標値', '多量飲酒者の割合', '4.1%', '3.2%'].join('\n')),
    ).toBe(true);
    expect(looksLikeKpiTable('今年度の取組について報告します。\n説明会は10時からです。\n')).toBe(false);
  });
});
