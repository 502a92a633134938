import { describe, expect, it } from 'vitest';
import { formatOku, formatYenEnglish } from './money';

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
