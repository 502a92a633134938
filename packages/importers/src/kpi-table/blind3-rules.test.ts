import { describe, expect, it } from 'vitest';
import { detectHeader } from './header.js';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';
import { textRow } from './grid.js';
import { readYear } from './years.js';

// Rules added after the third blind round of #14 (plan tables as offices publish them): each a general form,
// tested on lines in that form, none keyed to one file.

const kpi = kpiNamed;

describe('periods', () => {
  it('takes a year named outside parentheses over one inside them (the date the figures were taken)', () => {
    const year = readYear('中間年度の目標 2014年 (数値は平成25年度末)', '');
    expect([year?.year, year?.fiscal]).toEqual([2014, false]);
  });

  it('still reads a period written only in parentheses, and a range its last year', () => {
    expect(readYear('目標値 (平成32年度)', '')?.year).toBe(2020);
    expect(readYear('17〜23年度', '平成')?.year).toBe(2011);
  });
});

describe('header words', () => {
  it('takes 現況 beside a target and no 基準 column as the base', () => {
    const mapping = detectHeader(
      textRow(['指標', '現況 2002年 (数値は平成14年度末)', '中間年度の目標 2014年'], 1),
      '',
    );
    expect(mapping?.map((m) => m.role)).toEqual(['name', 'baseline', 'target']);
    expect(mapping?.[1]?.year?.year).toBe(2002);
  });

  it('keeps 現況 the latest figure beside a 基準値 column, and 実績 columns actuals', () => {
    expect(detectHeader(textRow(['指標', '基準値', '現況', '目標'], 1), '')?.map((m) => m.role)).toEqual([
      'name',
      'baseline',
      'actual',
      'target',
    ]);
    expect(detectHeader(textRow(['指標', '実績値', '目標'], 1), '')?.[1]?.role).toBe('actual');
  });
});

describe('an environmental plan table as pipe text, header cells broken after each cell', () => {
  const table = [
    '指標 |',
    '現況 2002年 (数値は平成14年度末) |',
    '中間年度の目標 2014年 (数値は平成25年度末) |',
    '---|---|---|',
    '一人当たりごみ排出量 | 174.38キログラム/年 | 170.0キログラム/年以下 |',
    'リサイクル率 | 37.2% | 41%以上 |',
  ].join('\n');

  it('reads the base and the target with their columns’ years and units', () => {
    const result = parseKpiTableText(table);
    const waste = kpi(result, '一人当たりごみ排出量');
    expect([
      waste.unit,
      waste.baseline?.value,
      waste.baseline?.year,
      waste.target?.value,
      waste.target?.year,
    ]).toEqual(['キログラム/年', 174.38, 2002, 170, 2014]);
    expect(waste.latest).toBeNull();
    expect(kpi(result, 'リサイクル率').target?.bound).toBe('min');
  });
});

describe('an evaluation table as PDF text, one cell a line, with a source column and a grade column', () => {
  // The form of a 健康増進計画's 評価指標 table: the header cells one a line (a period on the line after its cell,
  // the source column 指標元 printed among them), then each row as its name, its source (wrapped: 「…統」 「計」),
  // its figures (「-」 for none) and its grade, a target and its grade sometimes on one line (「80.0% A-1」).
  const text = [
    '市民一人ひとりが自分の健康に関心を持ちます。',
    '評価指標',
    '策定時',
    '(H16)',
    '指標元',
    '中間評価',
    '(H19)',
    '直近値',
    '目標値',
    '達成状況',
    '悪性新生物(人口10万対)',
    '市保健衛生統',
    '計',
    '270.2',
    '258.1',
    '268.7',
    'A-3',
    '1-2 年1回健康診査を受けている人の増加',
    '21アンケート',
    '59.6%',
    '64.1%',
    '80.2%',
    '80.0% A-1',
    '肺がん検診',
    '市保健衛生統計',
    '-',
    '29.4%',
    '19.0%',
    '40.0%',
    'C',
  ].join('\n');

  it('places text lines in the name and source columns and figures in the value columns, by kind', () => {
    const result = parseKpiTableText(text);
    expect(result.mappings[0]?.columns.map((m) => [m.header, m.role])).toEqual([
      ['評価指標', 'name'],
      ['策定時(H16)', 'baseline'],
      ['指標元', 'note'],
      ['中間評価(H19)', 'actual'],
      ['直近値', 'actual'],
      ['目標値', 'target'],
      ['達成状況', 'status'],
    ]);
    const checkup = kpi(result, '年1回健康診査を受けている人の増加');
    expect([checkup.baseline?.value, checkup.baseline?.year, checkup.target?.value, checkup.unit]).toEqual([
      59.6,
      2004,
      80,
      '%',
    ]);
    const lung = kpi(result, '肺がん検診');
    expect([lung.baseline, lung.target?.value]).toEqual([null, 40]);
  });

  it('takes the undated 直近値 column as the latest, over the dated 中間評価 column beside it', () => {
    const result = parseKpiTableText(text);
    expect(kpi(result, '肺がん検診').latest?.value).toBe(19);
    expect(kpi(result, '悪性新生物(人口10万対)').latest?.value).toBe(268.7);
  });

  it('leaves the last value columns empty when a row’s grade closes it early', () => {
    const cancer = kpi(parseKpiTableText(text), '悪性新生物(人口10万対)');
    expect([cancer.baseline?.value, cancer.target]).toEqual([270.2, null]);
  });

  it('leaves out, with an issue, a row whose text lines are fewer than its name and source need', () => {
    const nameless = ['評価指標', '策定時', '指標元', '直近値', '目標値', '達成状況'].join('\n');
    const result = parseKpiTableText(
      [
        nameless,
        '市保健衛生統',
        '計',
        '4.8人',
        '5.4人',
        '肺がん検診',
        '市保健衛生統計',
        '29.4%',
        '19.0%',
        '40.0%',
        'C',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['肺がん検診']);
    expect(result.issues.map((i) => i.code)).toContain('kpi-name-missing');
  });

  it('keeps the old reading where the header names no name column (only a sure name word counts)', () => {
    const result = parseKpiTableText(
      [
        '20項目/53項目が悪化',
        'ベース',
        'ライン値',
        '直近実績値',
        '目標値',
        '(2010年)',
        '肥満者',
        '24.3%',
        '29.4%',
        '15.0%',
      ].join('\n'),
    );
    expect(result.mappings[0]?.columns.map((c) => c.header)).toEqual([
      '',
      'ベースライン値',
      '直近実績値',
      '目標値(2010年)',
    ]);
    expect(kpi(result, '肥満者').target?.value).toBe(15);
  });
});

describe('header words and names of evaluation tables', () => {
  it('reads 中間評価 / 最終評価 columns as the figures of that time, 評価 alone as the grade', () => {
    const mapping = detectHeader(
      textRow(['評価指標', '策定時', '中間評価', '最終評価', '目標値', '評価'], 1),
      '',
    );
    expect(mapping?.map((m) => m.role)).toEqual(['name', 'baseline', 'actual', 'actual', 'target', 'status']);
  });

  it('drops an item number (1-2, 2-1-3) before a name, keeps an age range', () => {
    const result = parseKpiTableText(
      [
        '指標 | 現状値 | 目標値',
        '1-2 年1回健康診査を受けている人の割合 | 59.6% | 80%',
        '65-74 歳の就業率 | 40% | 50%',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['年1回健康診査を受けている人の割合', '65-74 歳の就業率']);
  });
});

describe('a note that dates a column', () => {
  it('dates an undated column whose header is the note’s subject (「※直近値は…平成25年度…」)', () => {
    const result = parseKpiTableText(
      [
        '※直近値は評価のため、平成25年度に把握したデータを活用。',
        '指標 | 策定時 (H16) | 直近値 | 目標値',
        '健診受診率 | 59.6% | 80.2% | 80%',
      ].join('\n'),
    );
    const checkup = kpi(result, '健診受診率');
    expect([checkup.latest?.value, checkup.latest?.year, checkup.latest?.fiscal]).toEqual([80.2, 2013, true]);
    expect(result.mappings[0]?.columns[2]?.evidence).toContain('dated by the note');
  });

  it('leaves a column undated when no note has its header as subject', () => {
    const result = parseKpiTableText(
      ['※平成25年度に調査', '指標 | 策定時 (H16) | 直近値 | 目標値', '健診受診率 | 59.6% | 80.2% | 80%'].join(
        '\n',
      ),
    );
    expect(kpi(result, '健診受診率').latest?.year).toBeNull();
  });
});

describe('rows of a prefecture plan 指標 table (text of its HTML)', () => {
  it('drops a running number in a cell of its own before the name, under a header whose name cell spans it', () => {
    const result = parseKpiTableText(
      [
        '指標名称(単位) | 基準値 | 目標数値 | 出典 | |',
        '---|---|---|---|---|',
        '1 |',
        '子どもが育つのに良い環境だと思う人の割合(%) | 82.6 (2019年度) |',
        '90.0 (2023年度) |',
        '府民の意識調査 |',
        '2 |',
        '行動宣言を行った企業数(累計)(社) |',
        '- |',
        '1,500 (2023年度) |',
        '実態把握 |',
      ].join('\n'),
    );
    const good = kpi(result, '子どもが育つのに良い環境だと思う人の割合');
    expect([
      good.unit,
      good.baseline?.value,
      good.baseline?.year,
      good.target?.value,
      good.target?.year,
    ]).toEqual(['%', 82.6, 2019, 90, 2023]);
    const firms = kpi(result, '行動宣言を行った企業数(累計)');
    expect([firms.unit, firms.baseline, firms.target?.value]).toEqual(['社', null, 1500]);
  });

  it('keeps the definition written after a name in the same cell as a note, not in the name', () => {
    const result = parseKpiTableText(
      [
        '指標 | 現状 | 目標',
        '---|---|---',
        '自主防災組織の活動カバー率 各市町村において、全世帯数のうち、自主防災組織が活動範囲とする地域の世帯数 | 60.2%(平成28年度) | 81.0%(32年度)',
        '65歳以上の運動習慣者の割合 男性 | 52.5%(28年) | 58%(34年)',
      ].join('\n'),
    );
    const cover = kpi(result, '自主防災組織の活動カバー率');
    expect([cover.baseline?.year, cover.target?.value, cover.target?.year]).toEqual([2016, 81, 2020]);
    expect(cover.notes.join(' ')).toContain('各市町村において');
    expect(result.kpis.map((k) => k.name)).toContain('65歳以上の運動習慣者の割合男性');
  });
});
