import { describe, expect, it } from 'vitest';
import { normaliseMeasureTitle, proposeMeasure, titleSimilarity } from './measure-match.js';

const measures = [
  { id: 'm1', title: '生涯学習の推進' },
  { id: 'm2', title: '生涯スポーツの振興' },
  { id: 'm3', title: '地域包括ケアシステムの構築' },
];

describe('normaliseMeasureTitle', () => {
  it('reads full-width letters as half-width and drops numbering, markers, spaces and punctuation', () => {
    expect(normaliseMeasureTitle('第１分野　ＩＣＴ・人材の育成')).toBe('ict人材の育成');
    expect(normaliseMeasureTitle('1.生活支援')).toBe('生活支援');
    expect(normaliseMeasureTitle('◯啓発・広報')).toBe('啓発広報');
    expect(normaliseMeasureTitle('政策の柱1 持続可能で安定した暮らしを守る')).toBe(
      '持続可能で安定した暮らしを守る',
    );
  });
});

describe('titleSimilarity', () => {
  it('is 1 for titles that read the same once normalised', () => {
    expect(titleSimilarity('（２）地域移行の推進', '地域移行の推進')).toBe(1);
  });
  it('raises a title contained in the other to at least .8', () => {
    expect(titleSimilarity('地域移行の推進', '障害者の地域移行の推進と定着')).toBeGreaterThanOrEqual(0.8);
  });
  it('is low for titles that share little', () => {
    expect(titleSimilarity('観光消費額の拡大', '生涯学習の推進')).toBeLessThan(0.2);
  });
});

describe('proposeMeasure', () => {
  it('proposes the measure whose title shares the most tokens with the group name', () => {
    expect(proposeMeasure('生涯学習の促進', measures)?.measureId).toBe('m1');
    expect(proposeMeasure('生涯スポーツの促進', measures)?.measureId).toBe('m2');
  });
  it('proposes nothing when no title agrees enough', () => {
    expect(proposeMeasure('観光消費額の拡大', measures)).toBeNull();
    expect(proposeMeasure('', measures)).toBeNull();
  });
  it('takes the first measure in the plan on a tie', () => {
    const twins = [
      { id: 'a', title: '健康づくりの推進' },
      { id: 'b', title: '健康づくりの推進' },
    ];
    expect(proposeMeasure('健康づくりの推進', twins)).toEqual({ measureId: 'a', score: 1 });
  });
});
