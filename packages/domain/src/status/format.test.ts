import { describe, it, expect } from 'vitest';
import {
  dateJa,
  formatNumber,
  formatPercent,
  formatSignedPercent,
  yearRangeEn,
  yearRangeJa,
} from './format.js';

describe('formatNumber', () => {
  it.each([
    [1365, '1,365'],
    [22, '22'],
    [10, '10'],
    [8.04, '8.04'],
    [8.0415, '8.04'],
    [1234567.891, '1,234,567.89'],
    [-1365, '-1,365'],
    [-0.001, '0'],
    [0, '0'],
  ])('writes %s as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});

describe('percentages, ranges and dates', () => {
  it('writes ratios and signed rates', () => {
    expect(formatPercent(0.9504)).toBe('95%');
    expect(formatPercent(1.92087)).toBe('192.1%');
    expect(formatSignedPercent(0.0123)).toBe('+1.23%');
    expect(formatSignedPercent(-0.0476)).toBe('-4.76%');
    expect(formatSignedPercent(0)).toBe('0%');
  });

  it('writes year ranges with an en dash and dates in Japanese', () => {
    expect(yearRangeJa(2024, 2028, 'fiscal')).toBe('2024–2028年度');
    expect(yearRangeJa(2028, 2028, 'calendar')).toBe('2028年');
    expect(yearRangeEn(2024, 2028, 'fiscal')).toBe('FY2024–FY2028');
    expect(dateJa('2025-06-30')).toBe('2025年6月30日');
  });
});
