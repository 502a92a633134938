import { describe, expect, it } from 'vitest';
import { isIsoDate, readReferenceDateParam, withReferenceDate } from './reference-date-param';

describe('readReferenceDateParam', () => {
  it('takes a real ISO date', () => {
    expect(readReferenceDateParam('2024-07-01')).toEqual({ at: '2024-07-01', invalid: null });
  });

  it('ignores an absent or empty value', () => {
    expect(readReferenceDateParam(null)).toEqual({ at: null, invalid: null });
    expect(readReferenceDateParam('')).toEqual({ at: null, invalid: null });
  });

  it.each(['2025-02-29', '2025-7-1', 'today', '2025-07-15T00:00'])('keeps %j aside as invalid', (text) => {
    expect(readReferenceDateParam(text)).toEqual({ at: null, invalid: text });
  });
});

describe('isIsoDate', () => {
  it('knows leap days', () => {
    expect([isIsoDate('2024-02-29'), isIsoDate('2025-02-29')]).toEqual([true, false]);
  });
});

describe('withReferenceDate', () => {
  it('adds ?at= only when a date is chosen', () => {
    expect(withReferenceDate('/api/plans/x', null)).toBe('/api/plans/x');
    expect(withReferenceDate('/api/plans/x', '2024-07-01')).toBe('/api/plans/x?at=2024-07-01');
  });
});
