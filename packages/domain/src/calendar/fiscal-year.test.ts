import { describe, expect, it } from 'vitest';
import { fiscalYearEnd, fiscalYearOfDate, fiscalYearStart } from './fiscal-year.js';

describe('fiscalYearOfDate', () => {
  it.each([
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2025-12-31', 2025],
    ['2026-01-01', 2025],
  ])('puts %s in FY%i', (date, fiscalYear) => {
    expect(fiscalYearOfDate(date)).toBe(fiscalYear);
  });

  it('refuses text that is not an ISO date', () => {
    expect(() => fiscalYearOfDate('2025/04/01')).toThrow(RangeError);
  });
});

describe('fiscalYearStart and fiscalYearEnd', () => {
  it('runs FY2025 from 2025-04-01 to 2026-03-31', () => {
    expect([fiscalYearStart(2025), fiscalYearEnd(2025)]).toEqual(['2025-04-01', '2026-03-31']);
  });
});
