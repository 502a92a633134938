import { describe, expect, it } from 'vitest';
import { parseKpiTableText } from './index.js';
import { looksLaidOut, readLayoutText } from './layout-text.js';

// Text as `pdftotext -layout` gives it for real tables of the corpus printed to PDF (the e2e test prints them and
// measures every table): cells at the columns where the page printed them, wrapped cells on the lines below.

// 第4次男女共同参画基本計画 成果目標 (内閣府): long names push their row's next cell right, parted by one space.
const GENDER = [
  '項目                    目標値(期限)         計画策定時の数値                  最新値',
  '第1分野 男性中心型労働慣行等の変革と女',
  '性の活躍',
  '週労働時間60時間以上の雇用者の割合    5.0% (平成32年)    男女計:8.5% 男性:12.9% 女性:2.8% 男女計:6.4% 男性:9.8% 女性:2.3%',
  '                                      (平成26年)                   (令和元年)',
  '男性の育児休業取得率',
  '国家公務員                 13% (平成32年)     3.1% (平成26年度)             12.4% (平成30年度)',
  '地方公務員(注1)             13% (平成32年)     1.5% (平成25年度)             5.6% (平成30年度)',
  '民間企業                  13% (平成32年)     2.3% (平成26年)              6.16% (平成30年)',
  '男性の配偶者の出産直後の休暇取得率(注2) 80% (平成32年)     ―                         58.7% (令和元年)',
  '6歳未満の子供を持つ夫の育児・家事関連時 1日当たり 2時間30分     1日当たり67分 (平成23年)          1日当たり83分 (平成28年)',
  '間(注3)                 (平成32年)',
  '第2分野 政策・方針決定過程への女性の参',
  '画拡大',
].join('\n');

// 長野県 総合5か年計画 主要目標: wrapped names and values, a value over two lines.
const NAGANO = [
  '政策の柱1 持続可能で安定した暮らしを守る',
  '指標名                           現状                          目標',
  '再生可能エネルギー生産量                  2.9万TJ(2020 年度)             3.7万TJ(2027年度)',
  '新築住宅におけるZEHの割合                ─                           90%(2027年度)',
  '民有林における造林面積                   277ha(2021年度)               1,000ha(2027年度)',
  '災害時要配慮者の「個別避難計画」を作成している市町村の割合 44.2% 34市町村 全国41位(2022年)    100% 77市町村 全国1位(2028',
  '                                                          年)',
  '緊急又は早期に対策が必要な橋梁・トンネルにおける修繕等の措 橋梁23.0% トンネル75.0%(2021年度)   100%(2027年度)',
  '置完了率',
  '公共交通機関利用者数                    69,077千人(2020 年度)           100,000千人(2026年度)',
  '健康寿命(日常生活が自立している期間の平均)        男性81.1年 全国2位 女性85.2年 全国1位   全国1位(2026 年)',
  '                              (2020年)',
].join('\n');

// 第3次食育推進基本計画 (農林水産省): two close columns parted by one space, the last column's words wrapped.
const SHOKUIKU = [
  '目標                           具体的な目標値                     現状値 目標値',
  '食育に関心を持っている国民を増やす            ①食育に関心を持っている国民の割合           75.0% 90%以',
  '                                                               上',
  '朝食又は夕食を家族と一緒に食べる「共食」の回数を増やす ②朝食又は夕食を家族と一緒に食べる「共食」の回数     週9.7 週11回',
  '                                                         回 以上',
  '地域等で共食したいと思う人が共食する割合を増やす    ③地域等で共食したいと思う人が共食する割合        64.6% 70%以',
  '                                                               上',
  '朝食を欠食する国民を減らす               ④朝食を欠食する子供の割合                4.4% 0%',
  '朝食を欠食する国民を減らす               ⑤朝食を欠食する若い世代の割合              24.7% 15%以',
  '                                                               下',
  '中学校における学校給食の実施率を上げる         ⑥中学校における学校給食実施率              87.5% 90%以',
  '                                                               上',
  '学校給食における地場産物等を使用する割合を増やす    ⑦学校給食における地場産物を使用する割合         26.9% 30%以',
  '                                                               上',
  '学校給食における地場産物等を使用する割合を増やす    ⑧学校給食における国産食材を使用する割合         77.3% 80%以',
  '                                                               上',
  '栄養バランスに配慮した食生活を実践する国民を増やす   ⑨主食・主菜・副菜を組み合わせた食事を1日2回以上ほぼ毎 57.7% 70%以',
].join('\n');

const cells = (text: string): string[][] =>
  readLayoutText(text).rows.map((row) => row.cells.map((cell) => cell.text));

describe('text laid out as its page (pdftotext -layout)', () => {
  it('is told from other text tables by cells that share columns', () => {
    expect(looksLaidOut(GENDER)).toBe(true);
    expect(looksLaidOut(NAGANO)).toBe(true);
    expect(looksLaidOut('項目 | 目標値 | 現状値\n指標A | 10% | 5%\n指標B | 20% | 8%\n指標C | 1 | 2')).toBe(
      false,
    );
    expect(looksLaidOut('項目\t目標値\n指標A\t10%\n指標B\t20%\n指標C\t30%')).toBe(false);
    expect(looksLaidOut('指標\n目標値\n現状値\n自殺死亡率\n13.0\n16.3')).toBe(false);
  });

  it('parts a long name from the cell it pushed right, and joins a wrapped name and its bracketed year', () => {
    const rows = cells(GENDER);
    expect(rows).toContainEqual([
      '男性の配偶者の出産直後の休暇取得率(注2)',
      '80% (平成32年)',
      '―',
      '58.7% (令和元年)',
    ]);
    expect(rows).toContainEqual([
      '6歳未満の子供を持つ夫の育児・家事関連時間(注3)',
      '1日当たり 2時間30分(平成32年)',
      '1日当たり67分 (平成23年)',
      '1日当たり83分 (平成28年)',
    ]);
    // The years printed on the line under their figures go with them; a heading after a short name stays a row.
    expect(rows).toContainEqual([
      '週労働時間60時間以上の雇用者の割合',
      '5.0% (平成32年)',
      '男女計:8.5% 男性:12.9% 女性:2.8% (平成26年)',
      '男女計:6.4% 男性:9.8% 女性:2.3% (令和元年)',
    ]);
    expect(rows).toContainEqual(['男性の育児休業取得率', '', '', '']);
  });

  it('joins a name to its wrapped rest only where the name filled its column', () => {
    const rows = cells(NAGANO);
    expect(rows).toContainEqual([
      '緊急又は早期に対策が必要な橋梁・トンネルにおける修繕等の措置完了率',
      '橋梁23.0% トンネル75.0%(2021年度)',
      '100%(2027年度)',
    ]);
    expect(rows).toContainEqual([
      '災害時要配慮者の「個別避難計画」を作成している市町村の割合',
      '44.2% 34市町村 全国41位(2022年)',
      '100% 77市町村 全国1位(2028年)',
    ]);
  });

  it('parts close columns where other lines start a cell, and joins a value word wrapped in the last column', () => {
    expect(cells(SHOKUIKU)).toContainEqual([
      '食育に関心を持っている国民を増やす',
      '①食育に関心を持っている国民の割合',
      '75.0%',
      '90%以上',
    ]);
  });

  it('reads the KPIs with their values and years', () => {
    const { kpis } = parseKpiTableText(NAGANO, { sourceName: 'nagano.txt' });
    const kpi = kpis.find((k) => k.name === '公共交通機関利用者数');
    expect(kpi?.unit).toBe('千人');
    expect([kpi?.baseline?.value, kpi?.baseline?.year]).toEqual([69077, 2020]);
    expect([kpi?.target?.value, kpi?.target?.year]).toEqual([100000, 2026]);
    const wrapped = kpis.find((k) => k.name.startsWith('緊急又は早期に対策'));
    expect(wrapped?.name).toBe('緊急又は早期に対策が必要な橋梁・トンネルにおける修繕等の措置完了率');
    expect([wrapped?.target?.value, wrapped?.target?.year]).toEqual([100, 2027]);
  });
});
