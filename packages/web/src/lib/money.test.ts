import { describe, expect, it } from 'vitest';
import { formatOku, formatYenEnglish, totalBudgetYen } from './money';

describe('formatOku', () => {
  it.each([
    [3_000_000_000, '30億円'],
    [930_000_000, '9.3億円'],
    [117_000_000, '1.17億円'],
    [57_000_000, '0.57億円'],
    [13_400_000_000, '134億円'],
    [123_456_789_012, '1,234.56789012億円'],
  ])('writes %i yen as %s', (yen, text) => {
    expect(formatOku(yen)).toBe(text);
  });
});

describe('formatYenEnglish', () => {
  it.each([
    [3_000_000_000, '¥3 billion'],
    [13_400_000_000, '¥13.4 billion'],
    [930_000_000, '¥930 million'],
    [117_000_000, '¥117 million'],
    [500_000, '¥500,000'],
  ])('writes %i yen as %s', (yen, text) => {
    expect(formatYenEnglish(yen)).toBe(text);
  });
});

describe('totalBudgetYen', () => {
  it('adds amounts but never 内数 lines or lines without an amount', () => {
    expect(
      totalBudgetYen([
        { amountYen: 3_000_000_000, isPartOf: false },
        { amountYen: 80_000_000, isPartOf: true },
        { amountYen: null, isPartOf: false },
        { amountYen: 117_000_000, isPartOf: false },
      ]),
    ).toBe(3_117_000_000);
  });

  it('is null when no line counts', () => {
    expect(totalBudgetYen([{ amountYen: null, isPartOf: false }])).toBeNull();
    expect(totalBudgetYen([{ amountYen: 80_000_000, isPartOf: true }])).toBeNull();
  });
});
