import { describe, expect, it } from 'vitest';
import { readValueCell } from './cell-value.js';
import { detectHeader } from './header.js';
import type { KpiTableResult, TableKpi } from './index.js';
import { parseKpiTableText } from './index.js';
import { textRow } from './grid.js';

// Rules added after the second blind round of #14 (the common layouts): each a general form, tested on lines
// in that form, none keyed to one file.

function kpi(result: KpiTableResult, name: string): TableKpi {
  const found = result.kpis.find((k) => k.name === name);
  if (found === undefined) throw new Error(`no KPI ${name} in ${result.kpis.map((k) => k.name).join(', ')}`);
  return found;
}

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
