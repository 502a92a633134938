import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added while the fourteenth blind round of #14 ran (fixtures/kpi-tables-blind): each a general form the
// blind tables use, tested here on lines written in that form.

// A yearly progress table printed on one line (a PDF page stored without its line breaks): a section label, the
// header of bare year columns and a comment column, rows of a name, a figure a year and a sentence.
const PROGRESS_LINE = [
  '計画の進捗状況 生活習慣の改善 令和元年度 令和2年度 令和3年度 令和4年度 令和5年度 進捗状況',
  '健診受診率 (%) 41.2% 42.0% 43.9% ― 60%以上 年々増加している。',
  '保健指導の実施率 (%) 20.1% 19.5% 22.4% ― 45%以上 横ばいで 推移している。',
  '肥満者の割合 (%) 30.2% 29.8% 29.1% ― 25%以下 改善している。',
].join(' ');

describe('one line: a header of bare year columns', () => {
  it('reads the rows under a run of three or more years with no word heading the names', () => {
    const result = parseKpiTableText(PROGRESS_LINE);
    expect(result.kpis.map((k) => k.name)).toEqual(['健診受診率', '保健指導の実施率', '肥満者の割合']);
    expect(kpiNamed(result, '健診受診率')).toMatchObject({ unit: '%', latest: { value: 43.9, year: 2021 } });
  });

  it('reads no header from two years alone', () => {
    const line =
      '生活習慣の改善 令和元年度 令和2年度 健診受診率 (%) 41.2% 42.0% 保健指導の実施率 (%) 20.1% 19.5%';
    expect(parseKpiTableText(line).kpis).toHaveLength(0);
  });
});

describe("one line: a row's comment sentence in the last column", () => {
  it('ends the row, so the next row is read after it, even where the sentence wraps over two words', () => {
    const result = parseKpiTableText(PROGRESS_LINE);
    expect(kpiNamed(result, '肥満者の割合')).toMatchObject({ latest: { value: 29.1, year: 2021 } });
  });

  it('does not end the row where the header has no text column after the figures', () => {
    const line = PROGRESS_LINE.replace(' 進捗状況', '');
    expect(parseKpiTableText(line).kpis.map((k) => k.name)).toEqual(['健診受診率']);
  });
});

describe('year columns: the last year holding a bound', () => {
  const table = [
    '指標 | 2019年度 | 2020年度 | 2021年度 | 2025年度',
    '健診受診率 | 41.2% | 42.0% | ― | 60%以上',
    '肥満者の割合 | 30.2% | 29.8% | 29.1% | 25%以下',
  ].join('\n');

  it('is the target of the row, dated by its column, not one more actual', () => {
    const result = parseKpiTableText(table);
    expect(kpiNamed(result, '健診受診率')).toMatchObject({
      target: { value: 60, year: 2025 },
      latest: { value: 42.0, year: 2020 },
    });
    expect(kpiNamed(result, '肥満者の割合')).toMatchObject({
      target: { value: 25, year: 2025 },
      latest: { value: 29.1, year: 2021 },
    });
  });

  it('stays an actual where the last year cell is a plain figure', () => {
    const result = parseKpiTableText(table.replace('60%以上', '44.0%'));
    expect(kpiNamed(result, '健診受診率')).toMatchObject({ target: null, latest: { value: 44, year: 2025 } });
  });
});

describe('a unit in brackets before the bracket that qualifies the name', () => {
  it('is the unit, and the name keeps its qualifier', () => {
    const table = ['指標 | 現状値 | 目標値', '該当者の減少率(%)(2008年度比) | 3.1 | 25'].join('\n');
    const result = parseKpiTableText(table);
    expect(kpiNamed(result, '該当者の減少率(2008年度比)')).toMatchObject({ unit: '%' });
  });
});
