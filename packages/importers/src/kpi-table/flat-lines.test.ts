import { describe, expect, it } from 'vitest';
import { flatTokens, readFlatLine } from './flat-lines.js';
import { looksLikeKpiTable, parseKpiTableText } from './index.js';

const PROSE_BEFORE = '第 3 章 指標の考え方 施策の成果を客観的に把握できるよう、目標値を設定します。 指標一覧';
const PROSE_AFTER = '第 4 章 推進体制 計画の推進にあたっては、市民と行政が協力します。';

function kpisOf(text: string): { name: string; unit: string; baseline: unknown; target: unknown }[] {
  return parseKpiTableText(text).kpis.map((kpi) => ({
    name: kpi.name,
    unit: kpi.unit,
    baseline: kpi.baseline === null ? null : [kpi.baseline.value, kpi.baseline.year],
    target: kpi.target === null ? null : [kpi.target.value, kpi.target.year],
  }));
}

describe('flatTokens', () => {
  it('joins a unit or counter printed apart to its number and keeps circled numbers', () => {
    expect(flatTokens('就業相談者数 100 人 ①小学生 20 歳代')).toEqual([
      '就業相談者数',
      '100人',
      '①小学生',
      '20歳代',
    ]);
  });
});

describe('a KPI table whose text lost its line breaks', () => {
  it('reads one header and its rows between prose, the years from the header', () => {
    const text = `${PROSE_BEFORE} 項目 現状値(平成 26 年度) 目標値(平成 31 年度) 朝食を食べている人の割合 81.5% 90% 運動習慣のある人の割合 30.2% 40%以上 ${PROSE_AFTER}`;
    expect(kpisOf(text)).toEqual([
      { name: '朝食を食べている人の割合', unit: '%', baseline: [81.5, 2014], target: [90, 2019] },
      { name: '運動習慣のある人の割合', unit: '%', baseline: [30.2, 2014], target: [40, 2019] },
    ]);
  });

  it('reads two tables on one line, each by its own header, without the headings between them', () => {
    const text = [
      '【1】健康づくり 指標 策定時値 平成29年 (2017年) 目標値 平成34年 (2022年)',
      '(1)健診を受ける人の増加 ①特定健診の受診率 40～74歳 45.0% 60%以上',
      '【2】食育 指標 策定時値 平成29年 (2017年) 目標値 平成34年 (2022年)',
      '(1)郷土料理の継承 ①郷土料理を食べている人の割合 ①小学生 ②中学生 56.1% 62.5% 80%',
    ].join(' ');
    expect(kpisOf(text)).toEqual([
      { name: '特定健診の受診率 40～74歳', unit: '%', baseline: [45, 2017], target: [60, 2022] },
      { name: '郷土料理を食べている人の割合小学生', unit: '%', baseline: [56.1, 2017], target: [80, 2022] },
      { name: '郷土料理を食べている人の割合中学生', unit: '%', baseline: [62.5, 2017], target: [80, 2022] },
    ]);
  });

  it('ends a name wrapped around its figures and reads numbers printed apart as row numbers', () => {
    const text = `${PROSE_BEFORE} 1 2 項目 現状値(平成 26 年度) 目標値(平成 31 年度) 1 栄養バランスに気を付けている人の 51.3% 55% 割合 2 5歳児のむし歯有病者率 35.2% 33% 3 ふるさと給食(毎月 23 日)の実施回数 40 回 49 回`;
    expect(kpisOf(text)).toEqual([
      { name: '栄養バランスに気を付けている人の割合', unit: '%', baseline: [51.3, 2014], target: [55, 2019] },
      { name: '5歳児のむし歯有病者率', unit: '%', baseline: [35.2, 2014], target: [33, 2019] },
      { name: 'ふるさと給食(毎月 23日)の実施回数', unit: '回', baseline: [40, 2014], target: [49, 2019] },
    ]);
  });

  it('reads a group written again in each value column, the next group named after the same item', () => {
    const text = `${PROSE_BEFORE} 項目 現状値(平成 26 年度) 目標値(平成 31 年度) BMI標準値の人の割合 男性 72.8% 男性 80% 女性 73.1% 女性 78% 2 食育に関心のある人の割合 77% 90%`;
    expect(kpisOf(text)).toEqual([
      { name: 'BMI標準値の人の割合男性', unit: '%', baseline: [72.8, 2014], target: [80, 2019] },
      { name: 'BMI標準値の人の割合女性', unit: '%', baseline: [73.1, 2014], target: [78, 2019] },
      { name: '食育に関心のある人の割合', unit: '%', baseline: [77, 2014], target: [90, 2019] },
    ]);
  });

  it('names a run that does not fit as an issue, and the row it breaks into, instead of guessing', () => {
    const text = `${PROSE_BEFORE} 項目 現状値(平成 26 年度) 目標値(平成 31 年度) 1 体験をする幼稚園・保育 幼稚園 100% 100% 所の割合 保育所 75% 2 食育に関心のある人の割合 77% 90%`;
    const read = readFlatLine(text, 7, '');
    expect(read.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['項目', '', '現状値(平成 26年度)', '目標値(平成 31年度)'],
      ['食育に関心のある人の割合', '', '77%', '90%'],
    ]);
    expect(read.issues.map((issue) => [issue.code, issue.line, issue.found])).toEqual([
      ['kpi-table-flat-row', 7, '所の割合 保育所 75%'],
      ['kpi-table-flat-row', 7, '体験をする幼稚園・保育 幼稚園 100% 100%'],
    ]);
    const result = parseKpiTableText(text);
    expect(result.kpis.map((kpi) => kpi.name)).toEqual(['食育に関心のある人の割合']);
    expect(result.issues.filter((issue) => issue.code === 'kpi-table-flat-row')).toHaveLength(2);
  });

  it('reads spaced header letters, row numbers in parentheses, a direction among figures and the prose target year', () => {
    const text = [
      '1 目標値 目標値を設定します。 現状値は直近の数値とし、 目標値は計画期間最終年度である令和7年度の数値とします。',
      '指 標 現状値 目 標 (1) 健康教室の参加者数 120人 200人以上 (2) 歯科健診の受診者数 18人 増加',
      '(3) 朝食を毎日食べる人の割合 81.5% 90%以上',
    ].join(' ');
    expect(kpisOf(text)).toEqual([
      { name: '健康教室の参加者数', unit: '人', baseline: [120, null], target: [200, 2025] },
      { name: '歯科健診の受診者数', unit: '人', baseline: [18, null], target: [null, 2025] },
      { name: '朝食を毎日食べる人の割合', unit: '%', baseline: [81.5, null], target: [90, 2025] },
    ]);
    const direction = parseKpiTableText(text).kpis[1];
    expect(direction?.direction).toBe('increase');
  });

  it("matches a row's figures printed before its number only where the counts leave no choice, and says so", () => {
    const text = `${PROSE_BEFORE} 指標 現状値 目標値 (1) 健診の受診者数 18人 30人 44% 50%以上 (2) 80歳で20本以上の歯を持つ人 の割合 (3) 3歳児のむし歯の割合 13.9% 10%以下`;
    expect(kpisOf(text)).toEqual([
      { name: '健診の受診者数', unit: '人', baseline: [18, null], target: [30, null] },
      { name: '80歳で20本以上の歯を持つ人の割合', unit: '%', baseline: [44, null], target: [50, null] },
      { name: '3歳児のむし歯の割合', unit: '%', baseline: [13.9, null], target: [10, null] },
    ]);
    const read = readFlatLine(text, 3, '');
    expect(read.issues.map((issue) => [issue.code, issue.found])).toEqual([
      ['kpi-table-flat-row', '80歳で20本以上の歯を持つ人 の割合 44% 50%以上'],
    ]);
    // One name too few for the figures: nothing is matched by order, the run is an issue.
    const short = `${PROSE_BEFORE} 指標 現状値 目標値 (1) 健診の受診者数 18人 30人 44% 50%以上 (2) 3歳児のむし歯の割合 13.9% 10%以下`;
    expect(kpisOf(short).map((kpi) => kpi.name)).toEqual(['3歳児のむし歯の割合']);
  });

  it('reads nothing from a long line of prose with no header in it', () => {
    const text = `${PROSE_BEFORE} 目標値は平成 31 年度の値を設定し、毎年 2 回点検します。 ${PROSE_AFTER}`;
    expect(readFlatLine(text, 1, '').rows).toEqual([]);
    const result = parseKpiTableText(text);
    expect(result.kpis).toEqual([]);
    expect(result.issues.map((issue) => issue.code)).toContain('kpi-table-no-header');
  });

  it('is recognised as a KPI table by its content (kotei import with no flag), and prose is not', () => {
    const table = `${PROSE_BEFORE} 項目 現状値(平成 26 年度) 目標値(平成 31 年度) 朝食を食べている人の割合 81.5% 90% 運動習慣のある人の割合 30.2% 40%以上 ${PROSE_AFTER}`;
    expect(looksLikeKpiTable(table)).toBe(true);
    expect(
      looksLikeKpiTable(
        `${PROSE_BEFORE} 目標値は平成 31 年度の値を設定し、毎年 2 回点検します。 ${PROSE_AFTER}`,
      ),
    ).toBe(false);
  });
});
