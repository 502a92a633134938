import { describe, expect, it } from 'vitest';
import { daysInMonth, isSupportedYear, isoDate, parseIsoDate } from './iso-date.js';

describe('isoDate', () => {
  it('pads month and day', () => {
    expect(isoDate(2025, 3, 1)).toBe('2025-03-01');
  });
});

describe('parseIsoDate', () => {
  it('splits a date', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each(['2025-02-29', '2025-13-01', '2025-3-1', '2025-03-31T00:00Z', ''])('refuses %j', (text) => {
    expect(() => parseIsoDate(text)).toThrow(RangeError);
  });
});

describe('daysInMonth', () => {
  it('knows leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2100, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
  });
});

describe('isSupportedYear', () => {
  it('takes four-digit whole years whose fiscal year ends before 10000', () => {
    expect([999, 1000, 2025.5, 9998, 9999].map(isSupportedYear)).toEqual([false, true, false, true, false]);
  });
});
