import { describe, expect, it } from 'vitest';
import { readValueCell } from './cell-value.js';
import { detectHeader } from './header.js';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';
import { textRow } from './grid.js';

// Rules added after the second blind round of #14 (the common layouts): each a general form, tested on lines
// in that form, none keyed to one file.

const kpi = kpiNamed;

describe('pipe rows broken after every cell (an HTML table as some tools give it)', () => {
  const table = [
    '指標 | 現状 |',
    '目標 |',
    '---|---|---|',
    '施策A | 就業率 | 57.3% (平成23年) |',
    '63% (平成32年) |',
    '取得率 | 48.1% (平成22年) |',
    '70% (平成32年) |',
    '|',
  ].join('\n');

  it('joins the lines of a row until they fill the rule line, header included', () => {
    const result = parseKpiTableText(table);
    expect(result.format).toBe('markdown');
    expect(result.mappings[0]?.columns.map((m) => m.header)).toEqual(['指標', '現状', '目標']);
  });

  it('moves a row that ends with empty cells right: they stand for the cells spanned from above, on its left', () => {
    const result = parseKpiTableText(
      ['分類 | 指標 | 現状 | 目標 |', '---|---|---|---|', table.split('\n').slice(3).join('\n')].join('\n'),
    );
    const first = kpi(result, '就業率');
    expect([first.baseline?.value, first.baseline?.year, first.target?.value, first.target?.year]).toEqual([
      57.3, 2011, 63, 2020,
    ]);
    const spanned = kpi(result, '取得率');
    expect([spanned.baseline?.value, spanned.target?.value, spanned.target?.year]).toEqual([48.1, 70, 2020]);
  });
});

describe('header words', () => {
  it('takes the final 数値目標 as the target, not the (参考) 中間目標 beside it', () => {
    const mapping = detectHeader(textRow(['項目', '現状', '(参考) 中間目標', '数値目標'], 1), '');
    expect(mapping?.map((m) => m.role)).toEqual(['name', 'baseline', 'ignore', 'target']);
  });

  it('keeps a 中間目標 as the target where the table has no other', () => {
    const mapping = detectHeader(textRow(['項目', '現状', '中間目標'], 1), '');
    expect(mapping?.[2]?.role).toBe('target');
  });
});

describe('cell forms', () => {
  it('reads a footnote mark after a figure as a note, not a unit: 「63%* (平成32年)」', () => {
    const reading = readValueCell('63%* (平成32年)', '');
    expect([reading.value, reading.unit, reading.period?.year]).toEqual([63, '%', 2020]);
  });
});

describe('a progress table as text: a value, then its year on the next line', () => {
  const text = [
    '成果指標の状況',
    '  指標項目 現状値 実績値 目標値',
    '政策目標1 子どもを生み育てやすい街',
    '【市民意識・行動指標】',
    '1 子育てしやすいまちだと思う人の割合 43.3%',
    '(18年度)',
    '41.0%',
    '(19年度)',
    '60%',
    '(22年度)',
    '【社会成果指標】',
    '2 保育所待機児童数 212人',
    '(19年度)',
    '271人',
    '(20年度)',
    '0人',
    '(23年度)',
    '3 家庭で学習している児童生徒の割合 -',
    '(18年度)',
    '51.5%',
    '(19年度)',
    '100%',
    '(22年度)',
  ].join('\n');

  it('reads a header written on one line, its cells split by spaces', () => {
    const result = parseKpiTableText(text);
    expect(result.mappings[0]?.columns.map((m) => [m.header, m.role])).toEqual([
      ['指標項目', 'name'],
      ['現状値', 'baseline'],
      ['実績値', 'actual'],
      ['目標値', 'target'],
    ]);
  });

  it('takes the first value off the name line and gives each value the year on the line after it', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '子育てしやすいまちだと思う人の割合',
      '保育所待機児童数',
      '家庭で学習している児童生徒の割合',
    ]);
    const waiting = kpi(result, '保育所待機児童数');
    expect([
      waiting.baseline?.value,
      waiting.baseline?.year,
      waiting.latest?.value,
      waiting.latest?.year,
    ]).toEqual([212, 2007, 271, 2008]);
    expect([waiting.target?.value, waiting.target?.year, waiting.unit]).toEqual([0, 2011, '人']);
    expect(kpi(result, '家庭で学習している児童生徒の割合').baseline?.value ?? null).toBeNull();
  });

  it('keeps the lines before a name that carried its value as headings, not as the name', () => {
    const result = parseKpiTableText(text);
    expect(kpi(result, '保育所待機児童数').name).toBe('保育所待機児童数');
  });
});

describe('running numbers', () => {
  it('drops 「1 」 before a name, but not a number with its counter (「65 歳以上…」)', () => {
    const numbered = parseKpiTableText(
      ['指標 | 現状 | 目標', '12 図書館入館者数 | 100人 | 120人'].join('\n'),
    );
    expect(numbered.kpis[0]?.name).toBe('図書館入館者数');
    const counted = parseKpiTableText(['指標 | 現状 | 目標', '65 歳以上の就業率 | 20% | 25%'].join('\n'));
    expect(counted.kpis[0]?.name).toContain('65');
  });
});
