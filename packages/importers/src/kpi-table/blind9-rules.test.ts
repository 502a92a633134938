import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { headerRoles, kpiNamed } from './test-support.js';

// Rules added after the ninth blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe('the header words of 公営企業 and hospital plans', () => {
  it("reads a year's 計画 or プラン as its target, 決算 as an actual, and a worked-out column as none", () => {
    expect(headerRoles(['指標', 'H24決算', 'H25プラン', 'H25決算', '差引'])).toEqual([
      ['name', null],
      ['actual', 2012],
      ['target', 2013],
      ['actual', 2013],
      ['ignore', null],
    ]);
    expect(
      headerRoles(['指標', '24年度実績', '25年度計画', '25年度実績', '計画と実績の比較'])?.map((r) => r[0]),
    ).toEqual(['name', 'actual', 'target', 'actual', 'ignore']);
    // 計画策定時 is still the plan's start, and a 計画値 beside 目標値 no target of its own.
    expect(headerRoles(['指標', '計画策定時の数値', '目標値'])?.map((r) => r[0])).toEqual([
      'name',
      'baseline',
      'target',
    ]);
    expect(headerRoles(['項目', '計画', '実績', '達成率'])?.map((r) => r[0])).toEqual([
      'name',
      'target',
      'actual',
      'ignore',
    ]);
  });

  it("reads a hospital plan's rows: the plan as the target, the 決算 as the latest, the difference left aside", () => {
    const result = parseKpiTableText(
      [
        '指標 | H24決算 | H25プラン | H25決算 | 差引',
        '経常収支比率(%) | 99.5 | 99.5 | 99.4 | -0.1',
        '医業収支比率(%) | 95.1 | 96.6 | 94.9 | -1.7',
      ].join('\n'),
    );
    expect(kpiNamed(result, '医業収支比率')).toMatchObject({
      unit: '%',
      target: { value: 96.6, year: 2013 },
      latest: { value: 94.9, year: 2013 },
    });
  });
});

describe('a name header that speaks of the goal', () => {
  it("reads 成果目標項目 and 目標指標 as the names' column, and the 目標値 beside them as the target", () => {
    expect(
      headerRoles(['成果目標項目', '基準年度', '基準値', '目標年度', '目標値'])?.map((r) => r[0]),
    ).toEqual(['name', 'ignore', 'baseline', 'ignore', 'target']);
    const result = parseKpiTableText(
      [
        '成果目標項目 | 基準年度 | 基準値 | 目標年度 | 目標値',
        '県の審議会等への女性の参画率 | 平成26年度 | 36.5% | 平成32年度 | 40.0%以上',
        '自治会長に占める女性の割合 | 平成26年度 | 0.3% | 平成32年度 | 2.0%以上',
      ].join('\n'),
    );
    expect(kpiNamed(result, '県の審議会等への女性の参画率')).toMatchObject({
      unit: '%',
      baseline: { value: 36.5, year: 2014 },
      target: { value: 40, year: 2020, bound: 'min' },
    });
  });
});

describe('a two-row header printed one cell a line, the upper row first', () => {
  // 「基準値」 and 「目標値」 each over 「年度」 and 「数値(単位)」, the names' cell between them; years bare in the era
  // the document names; a footnote mark after a target.
  const text = [
    '群馬県男女共同参画基本計画(第4次) 平成28〜32年度',
    '主な成果目標',
    '基準値',
    '成果目標項目',
    '目標値',
    '年度',
    '数値(単位)',
    '年度※1',
    '数値(単位)',
    '県の審議会等への女性の参画率',
    '26',
    '36.5%',
    '32',
    '40.0%以上※2',
    '県内の管理的職業従事者に占める女性の割合',
    '24',
    '11.8%',
    '31',
    '15.0%',
  ].join('\n');

  it('shares the sub-cells out among the value cells over them, and reads bare years under 年度 in the era', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '県の審議会等への女性の参画率',
      '県内の管理的職業従事者に占める女性の割合',
    ]);
    expect(kpiNamed(result, '県の審議会等への女性の参画率')).toMatchObject({
      unit: '%',
      baseline: { value: 36.5, year: 2014 },
      target: { value: 40, year: 2020, bound: 'min' },
    });
    expect(kpiNamed(result, '県内の管理的職業従事者に占める女性の割合')).toMatchObject({
      baseline: { value: 11.8, year: 2012 },
      target: { value: 15, year: 2019 },
    });
  });

  it('reads a bare year in a year column of a table with bars as that 年度 in the era the document names', () => {
    const result = parseKpiTableText(
      [
        '令和2年3月策定',
        '指標 | 基準年度 | 基準値 | 目標年度 | 目標値',
        '女性の参画率 | 2 | 36.5% | 6 | 40.0%',
      ].join('\n'),
    );
    expect(kpiNamed(result, '女性の参画率')).toMatchObject({
      baseline: { value: 36.5, year: 2020 },
      target: { value: 40, year: 2024 },
    });
  });
});

// After the tenth round: a column of the pages each row is described on.
describe('a column of page numbers between the names and the figures', () => {
  it('reads 掲載頁 as a column of its own whose numbers are neither values nor years', () => {
    expect(headerRoles(['成果指標', '掲載頁', '現状値', '目標値24年度', '目標値29年度'])).toEqual([
      ['name', null],
      ['ignore', null],
      ['baseline', null],
      ['ignore', 2012],
      ['target', 2017],
    ]);
    const result = parseKpiTableText(
      [
        '成果指標 掲載頁 現状値 目標値24年度 目標値29年度',
        '新規就農者数 61 1人 15人 30人',
        '農業経営体数 62 3経営体 5経営体 8経営体',
        '認定農業者数 62 20人 25人 30人',
      ].join('\n'),
    );
    expect(kpiNamed(result, '農業経営体数')).toMatchObject({
      unit: '経営体',
      baseline: { value: 3 },
      target: { value: 8, year: 2017 },
    });
  });
});

describe('a space-parted table with a 単位 column and figures written with 万', () => {
  const text = [
    'サービス 単位 平成18年度計画値 平成18年度実績値 計画比 平成19年度計画値 平成19年度実績値 計画比',
    '訪問介護 回 1590万886 1977万7574 124.4% 1561万5012 1904万3507 122.0%',
    '通所介護 回 1200万5 1300万20 108.3% 1250万 1350万1 108.0%',
    '短期入所 日 300万 310万 103.3% 320万 330万 103.1%',
  ].join('\n');

  it('reads サービス as the names, the unit word of each row, the whole figures and leaves 計画比 aside', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => [k.name, k.unit])).toEqual([
      ['訪問介護', '回'],
      ['通所介護', '回'],
      ['短期入所', '日'],
    ]);
    expect(kpiNamed(result, '訪問介護')).toMatchObject({
      target: { value: 15615012, year: 2007 },
      latest: { value: 19043507, year: 2007 },
    });
    expect(kpiNamed(result, '通所介護').target).toMatchObject({ value: 12500000 });
  });
});
