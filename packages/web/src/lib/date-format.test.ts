import { describe, expect, it } from 'vitest';
import { formatDate, formatYearMonth } from './date-format';

describe('formatYearMonth', () => {
  it('shows 和暦 and 西暦 together for the sample adoption date', () => {
    expect(formatYearMonth('2024-07-01', 'ja')).toBe('令和6年7月 (2024年7月)');
  });

  it('writes the first year of an era as 元年', () => {
    expect(formatYearMonth('2019-05-01', 'ja')).toBe('令和元年5月 (2019年5月)');
  });

  it('keeps the old era until the new one begins', () => {
    expect(formatYearMonth('2019-04-30', 'ja')).toBe('平成31年4月 (2019年4月)');
  });

  it('writes English with the era after the Gregorian date', () => {
    expect(formatYearMonth('2024-07-01', 'en')).toBe('July 2024 (Reiwa 6)');
  });

  it('returns the input when it is not a date', () => {
    expect(formatYearMonth('R6', 'ja')).toBe('R6');
  });
});

describe('formatDate', () => {
  it('shows a follow-up as-of date in both calendars', () => {
    expect(formatDate('2025-06-30', 'ja')).toBe('令和7年6月30日 (2025年6月30日)');
    expect(formatDate('2025-06-30', 'en')).toBe('30 June 2025 (Reiwa 7)');
  });
});

describe('the era of a date', () => {
  it('reads 平成 from its first day and 昭和 the day before', () => {
    expect(formatDate('1989-01-08', 'ja')).toBe('平成元年1月8日 (1989年1月8日)');
    expect(formatDate('1989-01-07', 'en')).toBe('7 January 1989 (Showa 64)');
  });
});
