import { describe, expect, it } from 'vitest';
import type { GridRow } from './grid.js';
import { parseKpiTableText } from './index.js';
import { collapseSpannedRow } from './spanned-rows.js';

function row(...texts: string[]): GridRow {
  return { line: 3, cells: texts.map((text, i) => ({ text, ref: `line 3, cell ${i + 1}` })) };
}

describe('collapseSpannedRow', () => {
  it('keeps only the first cell of a row merged across the table', () => {
    const merged = collapseSpannedRow(row('基本目標1 安心', '基本目標1 安心', '基本目標1 安心'));
    expect(merged.cells.map((c) => c.text)).toEqual(['基本目標1 安心', '', '']);
  });

  it('leaves a row of different cells, or of two, as it is', () => {
    const kpi = row('待機児童数', '人', '212');
    expect(collapseSpannedRow(kpi)).toBe(kpi);
    const two = row('a', 'a');
    expect(collapseSpannedRow(two)).toBe(two);
  });

  it('reads a section row spanning an HTML table as no KPI', () => {
    const html = [
      '<table><tr><th>指標</th><th>単位</th><th>基準値</th><th>目標値</th><th>実績値</th></tr>',
      '<tr><td colspan="5">基本目標1 誰もが安心して暮らせるまちづくり</td></tr>',
      '<tr><td>保育所待機児童数</td><td>人</td><td>212 (2007年度)</td><td>0 (2011年度)</td><td>271 (2008年度)</td></tr>',
      '<tr><td colspan="5">基本目標2 子どもが健やかに育つまちづくり</td></tr>',
      '<tr><td>不登校児童・生徒の出現率</td><td>%</td><td>1.09 (2006年度)</td><td>1 (2010年度)</td><td>1.16 (2007年度)</td></tr>',
      '</table>',
    ].join('\n');
    const { kpis } = parseKpiTableText(html);
    expect(kpis.map((kpi) => [kpi.name, kpi.section])).toEqual([
      ['保育所待機児童数', '基本目標1 誰もが安心して暮らせるまちづくり'],
      ['不登校児童・生徒の出現率', '基本目標2 子どもが健やかに育つまちづくり'],
    ]);
  });
});
