import { describe, expect, it } from 'vitest';
import { readKpiCell } from './kpi-text.js';
import { cleanText } from './text.js';

const read = (text: string) => readKpiCell(cleanText(text), 2024);

describe('readKpiCell', () => {
  it('reads "14 (R10) 7 (R5)" as target R10 and baseline R5, with the note after ※', () => {
    const [kpi] = read('有する外資系 製薬企業の数  14 (R10) 7 (R5) ※現在政府に おいて把握して いる数').kpis;
    expect(kpi).toMatchObject({
      name: '有する外資系製薬企業の数',
      shape: 'level',
      direction: 'increase',
      baseline: { value: 7, label: 'R5', fiscalYear: 2023 },
      target: { value: 14, label: 'R10', fiscalYear: 2028 },
      note: '※現在政府において把握している数',
    });
  });

  it('reads an arrow with a transition period', () => {
    const [kpi] = read('創薬ベンチャー 採択件数  11件 → 70件 (R5→R10)').kpis;
    expect(kpi).toMatchObject({
      name: '創薬ベンチャー採択件数',
      unit: '件',
      baseline: { value: 11, label: 'R5' },
      target: { value: 70, label: 'R10' },
    });
  });

  it('reads averages over ranges in an arrow', () => {
    const [kpi] = read(
      'シーズ導出件数及び連続的支援数 203件→250件(2021-2023年度平均→2026～2028年度平均)',
    ).kpis;
    // The dates are read with the label, once: nothing downstream parses the label again.
    expect(kpi?.baseline).toEqual({
      value: 203,
      label: '2021-2023年度平均',
      fiscalYear: 2023,
      dates: { start: '2021-04-01', end: '2024-03-31', fiscalYear: 2023 },
    });
    expect(kpi?.target).toEqual({
      value: 250,
      label: '2026～2028年度平均',
      fiscalYear: 2028,
      dates: { start: '2026-04-01', end: '2029-03-31', fiscalYear: 2028 },
    });
  });

  it('reads a range without 平均 as a cumulative target', () => {
    const [kpi] = read('左記事業に よって、起業や 導出など企業 活動に移行した 数 8 (R7~R10)').kpis;
    expect(kpi).toMatchObject({
      shape: 'cumulative',
      baseline: null,
      target: { value: 8, fiscalYear: 2028 },
    });
  });

  it('reads 年間 as an annual rate', () => {
    const [kpi] = read('ワンストップ窓口 への国際共同 治験の相談件数 年間15件 (R10)').kpis;
    expect(kpi).toMatchObject({
      shape: 'annual',
      unit: '件',
      target: { value: 15, label: 'R10' },
      baseline: null,
    });
  });

  it('reads 過去3年度平均以上 as keep-at-or-above-average', () => {
    const [kpi] = read('過去3年度平均 以上の支援 シーズ数 1365件 (R3～R5平均)').kpis;
    expect(kpi).toMatchObject({
      name: '支援シーズ数',
      shape: 'at-least-average',
      baseline: { value: 1365, fiscalYear: 2023 },
      target: { value: 1365, fiscalYear: 2023 },
    });
  });

  it('reads two metrics in one cell', () => {
    const { kpis } = read(
      '小児用医薬品の開発計画の策定件数 50件 (2024-2028年度累積)  希少疾病用医薬品の指定件数 200件 (2024-2028年度累積) 151件 (2018-2022年度累積)',
    );
    expect(kpis.map((k) => [k.name, k.baseline?.value ?? null, k.target?.value ?? null])).toEqual([
      ['小児用医薬品の開発計画の策定件数', null, 50],
      ['希少疾病用医薬品の指定件数', 151, 200],
    ]);
    expect(kpis.every((k) => k.shape === 'cumulative')).toBe(true);
  });

  it('reads values inside brackets and a period after 臨床医学・', () => {
    const { kpis } = read(
      '大学病院の医師等の職務活動時間に占める研究時間の割合(29.8%(H30))や、Top10%論文数(1,139編(臨床医学・R元～R3平均))等の着実な増加',
    );
    expect(kpis.map((k) => [k.name, k.unit, k.baseline?.value, k.baseline?.fiscalYear, k.target])).toEqual([
      ['大学病院の医師等の職務活動時間に占める研究時間の割合', '%', 29.8, 2018, null],
      ['Top10%論文数', '編', 1139, 2021, null],
    ]);
  });

  it('reads a share of units meeting a bar', () => {
    const { kpis } = read(
      '後発品数量シェア 全都道府県で 80%以上 (R10) 11都府県が 未達成 (R5)/ 後発品金額シェア 65%以上 (R11) 56.7% (R5)',
    );
    expect(kpis[0]).toMatchObject({
      name: '後発品数量シェア',
      shape: 'share-meeting-bar',
      target: { value: 0, fiscalYear: 2028 },
      bar: 80,
      baseline: { value: 11, fiscalYear: 2023 },
    });
    expect(kpis[1]).toMatchObject({ name: '後発品金額シェア', target: { value: 65, fiscalYear: 2029 } });
  });

  it('reads a qualitative target with the count the name dates (現在 (R5) … 86品目)', () => {
    const [kpi] = read(
      '現在 (R5) ドラッグ・ロスを 生じている医薬品 86品目のうち必要 な医薬品の開発 着手 (R8)',
    ).kpis;
    expect(kpi).toMatchObject({
      shape: 'qualitative',
      baseline: { value: 86, label: 'R5' },
      target: { value: null, label: 'R8', fiscalYear: 2026 },
    });
  });

  it('reads (再掲), "R7までに", 万 and ← baselines', () => {
    expect(read('開発着手(R8)(再掲)').kpis[0]?.isRepost).toBe(true);
    expect(read('Single IRB運用 実績 (R7までに目標 設定)').kpis[0]?.target).toEqual({
      value: null,
      label: 'R7',
      fiscalYear: 2025,
      dates: { start: '2025-04-01', end: '2026-03-31', fiscalYear: 2025 },
    });
    expect(read('JRCTのアクセス数 120万件 (R10) 60万件 (R5)').kpis[0]?.target?.value).toBe(1_200_000);
    const [kpi] = read('年平均3件以上の 革新的な創薬 シーズの創出 (R10) ←H30から R5の6年間で 12件').kpis;
    expect(kpi).toMatchObject({
      shape: 'annual',
      target: { value: 3 },
      baseline: { value: 12, fiscalYear: 2023, dates: { start: '2018-04-01', end: '2024-03-31' } },
    });
  });

  it('reports a cell with no value or period', () => {
    const reading = read('評価・検証・作り込み');
    expect(reading.problems.map((p) => p.code)).toEqual(['kpi-unreadable']);
  });
});
