import { describe, expect, it } from 'vitest';
import { flatTokens } from './flat-lines.js';
import { parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added after the seventh blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe('a space-parted table whose header cells broke over lines, each year before its role word', () => {
  const header = [
    'アウトカム指標 H15年度',
    '実績値',
    'H16年度',
    '目標値',
    'H16年度',
    '実績値',
    '評価 H17年度',
    '目標値',
    'H19年度',
    '目標値',
  ];
  const rows = [
    '6)主要旅客施設周辺等のバリアフリー化率 31.7% 42.5% 42.5% 58.5% 82.2% 10P',
    '8)緊急輸送道路における橋梁震災対策率 22.2% 24.0% 26.9% 29.7% 34.4% 12P',
    '9)道路交通における死傷事故率 114件',
    '/億台キロ 113件 /億台キロ 114件 /億台キロ 112件 /億台キロ 109件 /億台キロ 13P',
  ];

  it('joins each year to the word after it, leaves the grade column empty and drops the page after the figures', () => {
    const result = parseKpiTableText([...header, ...rows].join('\n'));
    expect(result.kpis.map((k) => k.name)).toEqual([
      '主要旅客施設周辺等のバリアフリー化率',
      '緊急輸送道路における橋梁震災対策率',
      '道路交通における死傷事故率',
    ]);
    expect(kpiNamed(result, '主要旅客施設周辺等のバリアフリー化率')).toMatchObject({
      unit: '%',
      target: { value: 82.2, year: 2007 },
      latest: { value: 42.5, year: 2004 },
      line: 11,
    });
    // The H16 target and the H17 target are read as the interim targets they are, never as actuals or the grade.
    expect(
      kpiNamed(result, '緊急輸送道路における橋梁震災対策率').actuals.map((a) => [a.value, a.year]),
    ).toEqual([
      [22.2, 2003],
      [26.9, 2004],
    ]);
    expect(kpiNamed(result, '道路交通における死傷事故率')).toMatchObject({
      unit: '件/億台キロ',
      target: { value: 109, year: 2007 },
    });
  });

  it('keeps a header of year columns (no role word after each year) as year columns', () => {
    const result = parseKpiTableText(
      [
        '指標 H25年度 H26年度 目標値',
        '防災訓練の参加者数 120人 150人 200人',
        '自主防災組織の数 30団体 34団体 40団体',
        '避難所の数 12か所 14か所 20か所',
      ].join('\n'),
    );
    expect(kpiNamed(result, '自主防災組織の数').actuals.map((a) => [a.value, a.year])).toEqual([
      [30, 2013],
      [34, 2014],
    ]);
    expect(kpiNamed(result, '避難所の数').target).toMatchObject({ value: 20 });
  });

  it('joins the second part of a rate unit printed apart to its figure', () => {
    expect(flatTokens('114件 /億台キロ 113件 /億台キロ')).toEqual(['114件/億台キロ', '113件/億台キロ']);
    // A slash that opens words of its own (「/ 注」) stays a word.
    expect(flatTokens('12件 / 注')).toEqual(['12件', '/', '注']);
  });
});

describe('a table one cell a line under a one-line header that opens with a text column', () => {
  // As a crawler stores an HTML table: the header on one line, then each cell on its own line, short cells of a
  // row sharing a line, a merged 主な取組 cell and a missing 単位 left empty, small integers alone on their lines.
  const text = [
    '※「現状」欄は、原則として24年度末の数値です。',
    '',
    '主な取組 指標名 単位 現状 目標',
    '1力強い産地づくり 産地活性化計画策定産地品目数 品目',
    '',
    '17',
    '',
    '(24年度)',
    '',
    '26',
    '',
    '(25年度)',
    '',
    'ビニールハウス等施設化面積(累計:21年度~)',
    '',
    'ha',
    '',
    '29.3',
    '(24年度)',
    '36.5',
    '(25年度)',
    '「ふさおとめ」の作付割合',
    '23.7',
    '(24年度)',
    '25.0',
    '(25年度)',
    '繁殖和牛頭数(累計) 頭数',
    '2,570',
    '(24年度)',
    '2,700',
    '(25年度)',
    '2多様な資源を活用した6次産業化の推進 6次産業化法の認定件数(累計)',
    '16',
    '(24年度)',
    '25',
    '(25年度)',
  ].join('\n');

  it('reads each row: the words of a line parted into the 取組, the name and the unit', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.unit])).toEqual([
      ['産地活性化計画策定産地品目数', '品目'],
      ['ビニールハウス等施設化面積(累計:21年度~)', 'ha'],
      ['「ふさおとめ」の作付割合', ''],
      ['繁殖和牛頭数(累計)', '頭数'],
      ['6次産業化法の認定件数(累計)', ''],
    ]);
    // The bare 17 and 26 are the first row's figures here, not page numbers.
    expect(kpiNamed(result, '産地活性化計画策定産地品目数')).toMatchObject({
      baseline: { value: 17, year: 2012 },
      target: { value: 26, year: 2013 },
      group: '1力強い産地づくり',
    });
    expect(kpiNamed(result, '6次産業化法の認定件数(累計)')).toMatchObject({
      baseline: { value: 16, year: 2012 },
      target: { value: 25, year: 2013 },
    });
  });

  it('still drops a page number where taking it back would break the rows', () => {
    const lines = text.split('\n');
    const header = lines[2] as string;
    const farming = lines.slice(13, 21);
    const cattle = lines.slice(26, 31);
    const result = parseKpiTableText([header, ...farming, '', '12', '', ...cattle].join('\n'));
    expect(result.kpis.map((k) => k.name)).toEqual([
      'ビニールハウス等施設化面積(累計:21年度~)',
      '繁殖和牛頭数(累計)',
    ]);
    expect(kpiNamed(result, '繁殖和牛頭数(累計)')).toMatchObject({
      baseline: { value: 2570 },
      target: { value: 2700 },
    });
  });
});
