import { describe, expect, it } from 'vitest';
import { nameSimilarity, normaliseProjectName, projectNameStem, suggestRsMatches } from './rs-match.js';

describe('matching budget projects to RS projects', () => {
  it('normalises 全角/半角, brackets and their contents, spaces and dots', () => {
    expect(
      normaliseProjectName('第一期政府共通プラットフォーム（情報通信技術調達等適正・効率化推進費）'),
    ).toBe('第一期政府共通プラットフォーム');
    expect(normaliseProjectName('ＤＰＣデータベース 管理・運用')).toBe('dpcデータベース管理運用');
    expect(normaliseProjectName('健康日本21(第三次)アクションプラン')).toBe('健康日本21アクションプラン');
    expect(projectNameStem('医薬品安定供給支援補助金')).toBe('医薬品安定供給支援');
    expect(projectNameStem('医薬品安定供給支援事業')).toBe('医薬品安定供給支援');
    expect(projectNameStem('事業')).toBe('事業');
  });

  it('scores the same name 1, the same stem .9, and ranks by confidence with the ministry and years', () => {
    const candidates = [
      { rsId: 1, name: '臨床研究総合促進事業', ministry: '厚生労働省', startYear: 2019, endYear: null },
      { rsId: 2, name: '臨床研究総合促進事業費', ministry: '文部科学省', startYear: 2019, endYear: null },
      { rsId: 3, name: '臨床研究総合促進事業', ministry: '厚生労働省', startYear: 2010, endYear: 2015 },
      { rsId: 4, name: '全く別の統計調査', ministry: '厚生労働省', startYear: null, endYear: null },
    ];
    const project = { name: '臨床研究総合促進事業', ministry: '厚生労働省', fiscalYears: [2025] };
    expect(suggestRsMatches(project, candidates)).toEqual([
      { rsId: 1, confidence: 1, reasons: ['same-name', 'same-ministry', 'years'] },
      { rsId: 3, confidence: 0.85, reasons: ['same-name', 'same-ministry', 'ended'] },
      { rsId: 2, confidence: 0.6, reasons: ['same-stem', 'other-ministry', 'years'] },
    ]);
    expect(
      suggestRsMatches({ ...project, ministry: null, fiscalYears: [] }, candidates).map((m) => m.rsId),
    ).toEqual([1, 3, 2]);
  });

  it('reads a bigram similarity in [0, 1]', () => {
    expect(nameSimilarity('abcd', 'abcd')).toBe(1);
    expect(nameSimilarity('abcd', 'wxyz')).toBe(0);
    expect(nameSimilarity('医薬品国内開発', '医薬品国内開発促進')).toBeCloseTo(12 / 14, 5);
  });
});
