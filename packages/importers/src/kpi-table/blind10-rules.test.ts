import { describe, expect, it } from 'vitest';
import { looksLikeKpiTable, parseKpiTableText } from './index.js';
import { kpiNamed } from './test-support.js';

// Rules added after the tenth blind round of #14 (fixtures/kpi-tables-blind): each a general form those tables
// use, tested here on lines written in that form.

describe("a plan's text version: columns named in a sentence, records parted by 「、」", () => {
  const text = [
    '第3章 計画の検証 以下は、平成18年度、平成19年度の要介護認定者数について、計画値、実績値、計画比、の順に記載。単位は人。',
    '平成18年度、33万3811、32万1334、96.3% 平成19年度、34万8775、33万1944、95.2%',
    '以下は、介護保険サービス受給者数について、各サービスごとに、平成18年度計画値、実績値、計画比、平成19年度計画値、実績値、計画比の順に記載。単位は人。',
    '介護保険サービス受給者総数、26万0084、24万4089、93.9%、27万2458、25万3618、93.1%',
    '居宅サービス、地域密着型サービス、11万6257、14万7794、127.1%、11万6559、14万7712、126.7%',
    '以下は、居宅サービスのサービス量について、各サービスごとに、単位、平成18年度計画値、実績値、計画比、平成19年度計画値、実績値、計画比の順に記載。',
    '訪問介護、一年あたりの回数、1590万886、1977万7574、124.4%、1561万5012、1904万3507、122.0%',
  ].join(' ');

  it("reads each record: the name (「、」 in it kept), the unit, each year's plan and actual", () => {
    const result = parseKpiTableText(text);
    expect(looksLikeKpiTable(text)).toBe(true);
    expect(result.kpis.map((k) => [k.name, k.unit])).toEqual([
      ['要介護認定者数', '人'],
      ['介護保険サービス受給者総数', '人'],
      ['居宅サービス、地域密着型サービス', '人'],
      ['訪問介護', '一年あたりの回数'],
    ]);
    expect(kpiNamed(result, '要介護認定者数')).toMatchObject({
      target: { value: 348775, year: 2007 },
      latest: { value: 331944, year: 2007 },
    });
    expect(kpiNamed(result, '訪問介護')).toMatchObject({
      target: { value: 15615012, year: 2007 },
      latest: { value: 19043507, year: 2007 },
    });
  });

  it('leaves out a record whose figures do not match the columns the sentence names', () => {
    const result = parseKpiTableText(
      [
        '以下は、受給者数について、各サービスごとに、平成19年度計画値、実績値、計画比の順に記載。単位は人。',
        '施設サービス、5万2222、4万6470、89.0% 短期入所、3万1000、2万9000',
      ].join(' '),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['施設サービス']);
  });
});

describe('text cells after the figures of a space-parted row', () => {
  it('gives 確認方法 and 確認時期 cells to their row, never to the next name, where a name is left', () => {
    const result = parseKpiTableText(
      [
        '成果指標 掲載頁 現状値 目標値24年度 目標値29年度 確認方法 確認時期',
        '新規就農者数 61 1人 15人 30人 独自調査 毎年度',
        '農業経営体数 62 3経営体 5経営体 8経営体 農林業センサス 5年毎',
        '認定農業者数 62 20人 25人 30人 独自調査 毎年度',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['新規就農者数', '農業経営体数', '認定農業者数']);
    expect(kpiNamed(result, '認定農業者数')).toMatchObject({
      baseline: { value: 20 },
      target: { value: 30, year: 2017 },
    });
  });
});

// After the eleventh round: a follow-up list of targets, each line its target marked 目標, then the latest figure.
describe('a line of a target marked 目標 and the latest figure after the arrow', () => {
  const text = [
    '施策に関する数値目標の進捗状況',
    '●子育て支援',
    '認可保育所等の定員 267万人(2017年度 目標)→294万人(2018年4月)',
    '放課後児童クラブ 122万人 目標→123万人(2018年5月)',
    '●男女の働き方改革',
    '第1子出産直後の女性の継続就業率 55% 目標→53.1%(2015年)',
    '若者(20〜34歳)の就業率 78%(2020年 目標)→81.5%(2018年10月)',
  ].join('\n');

  it('reads the side 目標 marks as the target and the other as the latest, names with digits and brackets whole', () => {
    const result = parseKpiTableText(text);
    expect(result.kpis.map((k) => k.name)).toEqual([
      '認可保育所等の定員',
      '放課後児童クラブ',
      '第1子出産直後の女性の継続就業率',
      '若者(20～34歳)の就業率',
    ]);
    expect(kpiNamed(result, '認可保育所等の定員')).toMatchObject({
      unit: '万人',
      baseline: null,
      target: { value: 267, year: 2017 },
      latest: { value: 294, year: 2018 },
    });
    expect(kpiNamed(result, '放課後児童クラブ')).toMatchObject({ unit: '万人', target: { value: 122 } });
    expect(kpiNamed(result, '若者(20～34歳)の就業率')).toMatchObject({
      target: { value: 78, year: 2020 },
      latest: { value: 81.5, year: 2018 },
    });
  });

  it('takes the direction from the target side, never from words on the latest figure', () => {
    const result = parseKpiTableText(
      [
        '●働き方',
        '男性の育児休暇取得率 13% 目標→5.14%(前年から減少)',
        '第1子出産後の継続就業率 55% 目標→53.1%(2015年)',
      ].join('\n'),
    );
    expect(kpiNamed(result, '男性の育児休暇取得率')).toMatchObject({
      target: { value: 13 },
      direction: null,
    });
  });

  it('still reads 「名称:基準→目標」 with the base on the left', () => {
    const result = parseKpiTableText(
      ['交通事故件数:12,039件→10,000件未満', '婚姻率:5.5‰(平成25年)→5.9‰(平成31年)'].join('\n'),
    );
    expect(kpiNamed(result, '交通事故件数')).toMatchObject({
      baseline: { value: 12039 },
      target: { value: 10000 },
    });
  });
});

// After the twelfth round: a column of the direction each KPI should go, its cells arrows.
describe('a 目指す方向 column of arrows', () => {
  it('reads the arrow as the direction of the target, a cell of its own and never part of the name', () => {
    const result = parseKpiTableText(
      [
        '指標 目指す方向 策定時(H20) 現状値(H24) 結果',
        '東海市特定健康診査受診率 ↑ 48.1% 48.7% ↑',
        '肥満者の割合 ↓ 30.2% 31.0% ↓',
        '喫煙率 ↓ 18.1% 15.2% ↓',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['東海市特定健康診査受診率', '肥満者の割合', '喫煙率']);
    expect(kpiNamed(result, '肥満者の割合')).toMatchObject({
      direction: 'decrease',
      baseline: { value: 30.2, year: 2008 },
      latest: { value: 31, year: 2012 },
    });
    expect(kpiNamed(result, '東海市特定健康診査受診率').direction).toBe('increase');
  });
});

describe('an enumerator in katakana before a name', () => {
  it('drops 「イ 」 as it drops 「①」', () => {
    const result = parseKpiTableText(
      [
        '項目 | 策定時のベースライン | 目標',
        'イ 食塩摂取量の減少 | 10.6g (平成22年) | 8g (平成34年度)',
        'ウ 野菜摂取量の増加 | 282g (平成22年) | 350g (平成34年度)',
      ].join('\n'),
    );
    expect(result.kpis.map((k) => k.name)).toEqual(['食塩摂取量の減少', '野菜摂取量の増加']);
  });
});
