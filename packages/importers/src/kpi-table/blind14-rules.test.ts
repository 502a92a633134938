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

describe('one cell a line: a value cell with its year or a note in brackets after the figure', () => {
  const text = [
    '項目',
    '現状',
    '出典',
    '施設のこどもの進学率',
    '中学校卒業後',
    '97.7%(2022年)',
    'こども家庭庁調べ',
    '高校等卒業後',
    '38.6%(2022年)',
    '児童虐待相談対応件数',
    '207,660件(2021年度)',
    '厚生労働省調べ',
    '自殺者数',
    '514人(速報)',
    '警察庁調べ',
    '65歳(以上)の就業率',
    '25.2%(2022年)',
    '総務省調べ',
  ].join('\n');

  it('reads the figure as a value, the year in brackets as its year, a note (速報) as no year', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['施設のこどもの進学率中学校卒業後', 97.7, 2022],
      ['施設のこどもの進学率高校等卒業後', 38.6, 2022],
      ['児童虐待相談対応件数', 207660, 2021],
      ['自殺者数', 514, null],
      ['65歳(以上)の就業率', 25.2, 2022],
    ]);
    expect(kpiNamed(result, '児童虐待相談対応件数')).toMatchObject({
      unit: '件',
      baseline: { value: 207660, year: 2021 },
    });
    expect(kpiNamed(result, '65歳(以上)の就業率').baseline).toMatchObject({ value: 25.2, year: 2022 });
  });
});

describe('lines read as one: a figure with its year or a note in brackets on it', () => {
  it('reads 「207,660件(2021年度)」 as a figure dated 2021, under a header the flat reader finds', () => {
    const text = [
      '項目',
      '現状値',
      '目標値',
      '児童虐待相談対応件数',
      '207,660件(2021年度)',
      '減少',
      '小・中・高生の自殺者数',
      '514人(速報)',
      '減少',
    ].join('\n');
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['児童虐待相談対応件数', 207660, 2021],
      ['小・中・高生の自殺者数', 514, null],
    ]);
  });
});

describe('lines read as one: a year in brackets on the line after a figure', () => {
  it("dates the figure before it and is never part of the next row's name", () => {
    const text = [
      '項目',
      '現状',
      '児童虐待相談対応件数',
      '207,660 件',
      '(2021 年度)',
      '小・中・高生の自殺者数',
      '514 人',
      '(2022 年5月1日現在)',
    ].join('\n');
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['児童虐待相談対応件数', 207660, 2021],
      ['小・中・高生の自殺者数', 514, 2022],
    ]);
  });
});

describe("one cell a line: the first row's name printed between the header's cells", () => {
  const text = [
    '項目',
    '児童虐待相談対応件数',
    '現状値',
    '目標値',
    '207,660件',
    '150,000件',
    '自殺者数',
    '514人',
    '400人',
  ];

  it('reads the header around the name and the name as the first row, where value cells follow it', () => {
    const result = parseKpiTableText(text.join('\n'));
    expect(result.kpis.map((k) => k.name)).toEqual(['児童虐待相談対応件数', '自殺者数']);
    expect(kpiNamed(result, '児童虐待相談対応件数')).toMatchObject({
      baseline: { value: 207660 },
      target: { value: 150000 },
    });
    // No line is taken for a name where no value cell follows it in the header.
    const noted = parseKpiTableText(['項目', '児童虐待相談対応件数', '備考', ...text.slice(2)].join('\n'));
    expect(noted.kpis.map((k) => k.name)).not.toContain('児童虐待相談対応件数');
  });
});

describe('one cell a line: 項目 / 現状 / 出典, sub-items, 出典 halves and year lines interleaved', () => {
  const header = ['指標', '現状', '出典'];

  it('names each figure by its 項目 and sub-item (spaces between Japanese words dropped), dates it by the year line after it, keeps 出典 out', () => {
    const lines = [
      ...header,
      '施設のこどもの進学率',
      '中学校卒業後',
      '97.7%',
      'こども家庭庁家庭福祉課',
      '高校等卒業後',
      '38.6%',
      '調べ',
      '(2022 年5月1日現在)',
      '児童相談所における相談対応',
      '207,660 件',
      '厚生労働省「福祉行政報告例」',
      '件数',
      '(2021 年度)',
    ];
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['施設のこどもの進学率中学校卒業後', 97.7, 2022],
      ['施設のこどもの進学率高校等卒業後', 38.6, 2022],
      ['児童相談所における相談対応件数', 207660, 2021],
    ]);
  });

  it('gives the sub-items the figures in order, though printed apart, and joins the 項目 its bracket closes', () => {
    const lines = [
      ...header,
      '「自分はケアラーに当てはま',
      '中学2年生',
      'る」と思う人の割合',
      '高校2年生',
      '1.8%',
      '厚生労働省「実態の',
      '2.3%',
      '大学3年生',
      '調査研究」',
      '2.9%',
      '(2020 年度)',
    ];
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['「自分はケアラーに当てはまる」と思う人の割合中学2年生', 1.8, 2020],
      ['「自分はケアラーに当てはまる」と思う人の割合高校2年生', 2.3, 2020],
      ['「自分はケアラーに当てはまる」と思う人の割合大学3年生', 2.9, 2020],
    ]);
  });

  it('gives a 項目 with no sub-item one figure, the next 項目 one a sub-item', () => {
    const lines = [
      ...header,
      '小・中・高生の自殺者数',
      '30 歳未満の自殺者数',
      '514 人',
      '警察庁「自殺統計」',
      '(2022 年)',
      '~19 歳',
      '798 人',
      '20~29 歳',
      '2,483 人',
      '(2022 年)',
    ];
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['小・中・高生の自殺者数', 514, 2022],
      ['30 歳未満の自殺者数 ~19 歳', 798, 2022],
      ['30 歳未満の自殺者数 20~29 歳', 2483, 2022],
    ]);
  });
  it('takes 「項目」 as the header over the names where a 出典 column stands beside it', () => {
    const lines = [
      '項目',
      '現状',
      '出典',
      '児童虐待相談対応件数',
      '207,660 件',
      '厚生労働省調べ',
      '(2021 年度)',
    ];
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['児童虐待相談対応件数', 207660, 2021],
    ]);
  });

  it('ends the table at a note or a sentence under it', () => {
    const lines = [
      ...header,
      '児童虐待相談対応件数',
      '207,660 件',
      '厚生労働省調べ',
      '(2021 年度)',
      '小・中・高生の自殺者数',
      '514 人',
      '(2022 年)',
      '※1 値は各年の確定値。',
      '注:自殺者数は年齢不詳を除く',
    ];
    const result = parseKpiTableText(lines.join('\n'));
    expect(result.kpis.map((k) => [k.name, k.baseline?.value, k.baseline?.year])).toEqual([
      ['児童虐待相談対応件数', 207660, 2021],
      ['小・中・高生の自殺者数', 514, 2022],
    ]);
  });
});
