import { describe, expect, it } from 'vitest';
import type { ColumnMapping } from './header.js';
import { unitInName, unitOfValueHeaders } from './unit-places.js';

function column(index: number, role: ColumnMapping['role'], header: string): ColumnMapping {
  return { column: index, role, confidence: 0.9, header, year: null, evidence: header };
}

describe('unitInName', () => {
  it('takes a counter with its magnitude from the end of the name', () => {
    expect(unitInName('訪問系サービスの利用時間数（万時間）')).toEqual({
      name: '訪問系サービスの利用時間数',
      unit: '万時間',
    });
    expect(unitInName('短期入所事業のサービス提供量(万人日分)')).toEqual({
      name: '短期入所事業のサービス提供量',
      unit: '万人日分',
    });
    expect(unitInName('新生児訪問指導を受ける人の割合（％）')?.unit).toBe('%');
  });

  it('takes a unit in brackets, maybe per a period', () => {
    expect(unitInName('大気環境基準達成率(浮遊粒子状物質)【%】')).toEqual({
      name: '大気環境基準達成率(浮遊粒子状物質)',
      unit: '%',
    });
    expect(unitInName('人工林の間伐実施面積【ha/年】')?.unit).toBe('ha/年');
    expect(unitInName('道路交通における死傷事故率（件/億台キロ）')?.unit).toBe('件/億台キロ');
    expect(unitInName('市民一人当たりのごみ排出量(g/日)')?.unit).toBe('g/日');
    expect(unitInName('1日の平均歩数（歩）')?.unit).toBe('歩');
    expect(unitInName('一般廃棄物の排出量[千t]')?.unit).toBe('千t');
    expect(unitInName('取組の状況【参考】')).toBeNull();
    expect(unitInName('道路整備による大気汚染(NOx)排出削減量（t-NOx）')?.unit).toBe('t-NOx');
    expect(unitInName('温室効果ガス排出量（千t-CO2）')?.unit).toBe('千t-CO2');
    // A substance's abbreviation is part of the name, no unit.
    expect(unitInName('河川の環境基準達成率(BOD)')).toBeNull();
  });

  it("leaves a name's own parenthesis in the name", () => {
    expect(unitInName('子育てサロンが開催されている地域の割合(小学校単位で見た場合)')).toBeNull();
    expect(unitInName('係長相当職(本省)')).toBeNull();
  });
});

describe('unitOfValueHeaders', () => {
  it('gives the unit every value header ends with', () => {
    const mapping = [
      column(0, 'name', '指標'),
      column(1, 'baseline', '基準値（％）'),
      column(2, 'target', '目標値（％）'),
      column(3, 'actual', '実績値（％）'),
    ];
    expect(unitOfValueHeaders(mapping)).toBe('%');
    const twoRows = [column(1, 'target', '目標値（R2）（％）'), column(2, 'actual', '実績値（％） R2年度')];
    expect(unitOfValueHeaders(twoRows)).toBe('%');
  });

  it('gives none where a value header has no unit or the units differ', () => {
    expect(
      unitOfValueHeaders([column(1, 'baseline', '基準値（％）'), column(2, 'target', '目標値')]),
    ).toBeNull();
    expect(
      unitOfValueHeaders([column(1, 'baseline', '基準値（人）'), column(2, 'target', '目標値（％）')]),
    ).toBeNull();
  });
});
