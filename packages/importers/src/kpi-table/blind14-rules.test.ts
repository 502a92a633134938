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

  it('reads no header from years that repeat (a two-row header flattened: 実績 計画 実績 under them)', () => {
    const line = PROGRESS_LINE.replace('令和元年度 令和2年度 令和3年度', '令和2年度 令和3年度 令和3年度');
    expect(parseKpiTableText(line).kpis).toHaveLength(0);
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

describe('one line: a header spaced letter by letter over several cells', () => {
  it('cuts the letters into the cells they spell (「現 状 値 目 標 値」 is two columns)', () => {
    const line =
      '数値目標 指 標 項 目 現 状 値 目 標 値 ①図書館の利用者数 8,200人 9,000人 ②読書をする市民の割合 41.0% 50%';
    const result = parseKpiTableText(line);
    expect(kpiNamed(result, '図書館の利用者数')).toMatchObject({
      unit: '人',
      baseline: { value: 8200 },
      target: { value: 9000 },
    });
  });

  it("joins the letters across the first row's name printed inside them, the name going to the first row", () => {
    const line =
      '数値目標 指 標 項 目 現 ①図書館の利用者数 状 値 目 標 値 (令和 5 年度) 8,200人 9,000人 ②読書をする市民の割合 41.0% 50%';
    const result = parseKpiTableText(line);
    expect(result.kpis.map((k) => k.name)).toEqual(['図書館の利用者数', '読書をする市民の割合']);
    expect(kpiNamed(result, '読書をする市民の割合')).toMatchObject({
      baseline: { value: 41 },
      target: { value: 50, year: 2023 },
    });
  });
});

describe('one line: a figure parted from a unit of ten thousands', () => {
  it('reads 「60 万件/年」 as one figure with its unit, as 「2,100 人/年」 is', () => {
    const line =
      '数値目標 指標 現状値 目標値 ①図書館の利用者数 2,100 人/年 3,000 人/年 ②ホームページの閲覧数 60 万件/年 80 万件/年';
    const result = parseKpiTableText(line);
    expect(kpiNamed(result, 'ホームページの閲覧数')).toMatchObject({
      unit: '万件/年',
      baseline: { value: 60 },
      target: { value: 80 },
    });
  });
});

describe("one line: numbered rows' figures printed before their names", () => {
  const line = [
    '数値目標 指標 現状値 目標値',
    '①図書館の利用者数 8,200人 9,000人 41.0% 50% 12回 20回',
    '②読書をする市民の割合 ③読み聞かせ会の開催数',
    '④学校図書館の蔵書数 5,100冊',
  ].join(' ');

  it('gives each pair to the name of its number, and says so in an issue', () => {
    const result = parseKpiTableText(line);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '図書館の利用者数',
      '読書をする市民の割合',
      '読み聞かせ会の開催数',
    ]);
    expect(kpiNamed(result, '読み聞かせ会の開催数')).toMatchObject({
      unit: '回',
      baseline: { value: 12 },
      target: { value: 20 },
    });
    expect(result.issues.filter((i) => i.found.startsWith('③読み聞かせ会'))).toHaveLength(1);
  });

  it('matches nothing where a number between is missing', () => {
    const result = parseKpiTableText(line.replace('②読書をする市民の割合 ', ''));
    expect(result.kpis.map((k) => k.name)).toEqual([]);
  });
});
