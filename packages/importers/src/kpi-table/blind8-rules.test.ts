import { describe, expect, it } from 'vitest';
import { looksLikeKpiTable, parseKpiTableText } from './index.js';
import { headerRoles, kpiNamed } from './test-support.js';

// Rules added after the eighth blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe('header words', () => {
  it('reads 設定時の値 as the baseline and 「平成21年度までの目標」 as the target of that year', () => {
    expect(headerRoles(['指標', '設定時の値(年度)', '現況値(年度)', '目標値'])).toEqual([
      ['name', null],
      ['baseline', null],
      ['actual', null],
      ['target', null],
    ]);
    expect(headerRoles(['項目', '実施主体', '現状', '平成21年度までの目標'])?.[3]).toEqual(['target', 2009]);
    // Words about the goal still name a text column.
    expect(headerRoles(['施策の目標', '指標', '現状値', '目標値'])?.[0]?.[0]).toBe('group');
  });

  it('takes the dated target over an undated one as sure, and no 目標 left of the names', () => {
    expect(
      headerRoles(['施策項目目標', '指標項目', '設定時の値', '現況値', '年度目標値', 'H22の目標値']),
    ).toEqual([
      ['group', null],
      ['name', null],
      ['baseline', null],
      ['actual', null],
      ['ignore', null],
      ['target', 2010],
    ]);
    // A surer undated 目標値 still wins over an interim target.
    expect(headerRoles(['指標', '基準値', '中間目標(H27)', '目標値'])?.map((r) => r[0])).toEqual([
      'name',
      'baseline',
      'ignore',
      'target',
    ]);
  });
});

describe('a table one cell a line whose header wraps its value cells onto lines of their own', () => {
  // The text of an HTML table: a merged 施策項目目標 cell of several lines before the first row's name, each name
  // carrying its first value on its line, the unit in brackets, bare numbers alone on their lines.
  const text = [
    '(1)大気環境の保全',
    '施策項目目標 指標項目 設定時の値',
    '(年度)',
    '現況値',
    '(年度)',
    '年度目標値',
    '',
    'H22の目標値',
    '○総合的な自動車排ガス対策を推 進します。',
    '○大気汚染に係る環境基準を達成 ・維持します。',
    '大気環境基準達成率(浮遊 粒子状物質)【%】 93.8',
    '(H16)',
    '100',
    '(H17)',
    '95.0',
    '100',
    '人工林の間伐実施面積【ha/年】 3,311',
    '(H16)',
    '5,103',
    '(H17)',
    '5,100',
    '6,000',
  ].join('\n');

  it('reads the header whole, the 施策項目目標 lines as the group, and every figure in its column', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.unit])).toEqual([
      ['大気環境基準達成率(浮遊粒子状物質)', '%'],
      ['人工林の間伐実施面積', 'ha/年'],
    ]);
    expect(kpiNamed(result, '大気環境基準達成率(浮遊粒子状物質)')).toMatchObject({
      baseline: { value: 93.8, year: 2004 },
      latest: { value: 100, year: 2005 },
      target: { value: 100, year: 2010 },
    });
    expect(kpiNamed(result, '大気環境基準達成率(浮遊粒子状物質)').group).toMatch(
      /^○総合的な自動車排ガス対策/u,
    );
    expect(kpiNamed(result, '人工林の間伐実施面積')).toMatchObject({
      baseline: { value: 3311, year: 2004 },
      latest: { value: 5103, year: 2005 },
      target: { value: 6000, year: 2010 },
    });
  });
});

describe('KPIs listed as a name and its target in a bracket', () => {
  const text = [
    '社会保障 KPI第1階層',
    '〇年間新規透析患者数【2028年度まで',
    'に35,000人以下に減少】',
    '〇糖尿病有病者の増加の抑制',
    '【2022年度までに1000万人以下】',
    '〇メタボリックシンドロームの該当者',
    '及び予備群の数',
    '【2022年度までに2008年度と比べて',
    '25%減少】',
    '○野菜摂取量の増加【2022年度までに',
    '350g】',
    '〇1日あたりの歩数',
    '【2022年度までに',
    '・20~64歳:男性9,000歩、女性8,500歩',
    '・65歳以上:男性7,000歩、女性6,000',
    '歩】',
    '○産学官連携プロジェクト本部の設置',
    '【2021年度中】',
    '',
    'a. 「健康日本21(第2次)」も踏まえ、健康づくりに取り組む。',
  ].join('\n');

  it('reads each item: the name over its lines, the deadline as the target year, the figure and its bound', () => {
    const result = parseKpiTableText(text);
    expect(looksLikeKpiTable(text)).toBe(true);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '年間新規透析患者数',
      '糖尿病有病者の増加の抑制',
      'メタボリックシンドロームの該当者及び予備群の数',
      '野菜摂取量の増加',
      '1日あたりの歩数',
    ]);
    expect(kpiNamed(result, '年間新規透析患者数')).toMatchObject({
      unit: '人',
      target: { value: 35000, year: 2028, bound: 'max' },
      direction: 'decrease',
    });
    expect(kpiNamed(result, '糖尿病有病者の増加の抑制').target).toMatchObject({ value: 1000, unit: '万人' });
    expect(kpiNamed(result, '野菜摂取量の増加').target).toMatchObject({ value: 350, unit: 'g', year: 2022 });
  });

  it('never takes a figure for a target set against a base, or one of several targets in one bracket', () => {
    const result = parseKpiTableText(text);
    expect(kpiNamed(result, 'メタボリックシンドロームの該当者及び予備群の数')).toMatchObject({
      target: { value: null, year: 2022 },
      direction: 'decrease',
    });
    const steps = kpiNamed(result, '1日あたりの歩数');
    expect(steps.target).toMatchObject({ value: null, year: 2022 });
    expect(steps.notes.join(' ')).toContain('男性9,000歩');
  });

  it('needs two items or more: one bracket in prose is no list', () => {
    const result = parseKpiTableText(
      ['○健康づくりの推進【2022年度までに350g】', '健康づくりに取り組む。'].join('\n'),
    );
    expect(result.kpis).toEqual([]);
  });
});

describe('negative figures in a table', () => {
  it('keeps the sign of each value cell, whatever mark writes the minus', () => {
    const result = parseKpiTableText(
      [
        '指標 | 実績値(2019年度) | 目標値(2023年度)',
        '大阪府 メタボ減少率 | -0.8% | 25%',
        '京都府 メタボ減少率 | ▲1.5% | 25%',
        '奈良県 メタボ減少率 | △ 2.0% | 25%',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.latest?.value ?? k.baseline?.value)).toEqual([-0.8, -1.5, -2]);
  });
});

describe('indicators as column groups over places (a wide table)', () => {
  const csv = [
    '都道府県,特定健康診査の実施率(%),,特定保健指導の実施率(%),',
    ',2019年度,目標(2023年度),2020年度,目標(2023年度)',
    '滋賀県,58.4,70,26.9,45',
    '京都府,53.1,70,17.2,45',
    '大阪府,49.2,70,-0.8,45',
  ].join('\n');

  it('reads each place × indicator as a KPI named by both, under its own sub-header', () => {
    const result = parseKpiTableText(csv);
    expect(result.kpis).toHaveLength(6);
    expect(kpiNamed(result, '京都府 特定健康診査の実施率')).toMatchObject({
      unit: '%',
      // The one year column beside a dated target is the base (the first year column, with no 基準 column).
      baseline: { value: 53.1, year: 2019 },
      target: { value: 70, year: 2023 },
    });
    expect(kpiNamed(result, '大阪府 特定保健指導の実施率')).toMatchObject({
      baseline: { value: -0.8, year: 2020 },
      target: { value: 45, year: 2023 },
    });
  });

  it('reads the same groups from an HTML table whose group cells span their columns', () => {
    const html = [
      '<table>',
      '<tr><th rowspan="2">都道府県</th><th colspan="2">特定健康診査の実施率(%)</th><th colspan="2">後発医薬品の使用割合(%)</th></tr>',
      '<tr><th>2019年度</th><th>目標</th><th>2019年度</th><th>目標</th></tr>',
      '<tr><td>滋賀県</td><td>58.4</td><td>70</td><td>80.8</td><td>80</td></tr>',
      '<tr><td>京都府</td><td>53.1</td><td>70</td><td>74.2</td><td>80</td></tr>',
      '</table>',
    ].join('\n');
    const result = parseKpiTableText(html);
    expect(result.kpis.map((k) => k.name.replace(/\s+/gu, ''))).toEqual([
      '滋賀県特定健康診査の実施率',
      '京都府特定健康診査の実施率',
      '滋賀県後発医薬品の使用割合',
      '京都府後発医薬品の使用割合',
    ]);
    expect(kpiNamed(result, '滋賀県 後発医薬品の使用割合').latest).toMatchObject({ value: 80.8, year: 2019 });
  });

  it('keeps a two-row header whose upper cells name roles (実績値 over years) as one table', () => {
    const result = parseKpiTableText(
      [
        '指標,実績値,,目標値',
        ',R2,R3,',
        '特定健診の受診率,50.1,52.3,70',
        '保健指導の実施率,20.5,22.0,45',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['特定健診の受診率', '保健指導の実施率']);
  });
});

describe('a row whose name carried its first value, under a header with a grade column after the values', () => {
  it('keeps the grade in its column', () => {
    const result = parseKpiTableText(
      [
        '施策項目目標 指標項目 設定時の値 目標値 達成状況',
        '○大気汚染に係る環境基準を達成します。',
        '大気環境基準達成率【%】 93.8',
        '(H16)',
        '100',
        'A',
        '森林整備面積【ha】 1,105',
        '(H16)',
        '1,170',
        'B',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => [k.name, k.status])).toEqual([
      ['大気環境基準達成率', 'A'],
      ['森林整備面積', 'B'],
    ]);
  });
});
