import { describe, expect, it } from 'vitest';
import { japanDateOf, japaneseDate, readTimeTravel, timeTravelKey, withTimeTravel } from './time-travel';

describe('time travel in the address', () => {
  it('reads a revision number or a date, and ignores anything else', () => {
    expect(readTimeTravel(new URLSearchParams('revision=2&at=2025-01-01'))).toEqual({ revision: 2 });
    expect(readTimeTravel(new URLSearchParams('revisionOn=2025-08-15'))).toEqual({
      revisionOn: '2025-08-15',
    });
    expect(readTimeTravel(new URLSearchParams('revision=0'))).toEqual({});
    expect(readTimeTravel(new URLSearchParams('revision=x&revisionOn=2025-02-30'))).toEqual({});
  });

  it('replaces the choice and keeps ?at=', () => {
    const search = new URLSearchParams('at=2025-01-01&revision=1');
    expect(withTimeTravel(search, { revisionOn: '2025-08-15' }).toString()).toBe(
      'at=2025-01-01&revisionOn=2025-08-15',
    );
    expect(withTimeTravel(search, {}).toString()).toBe('at=2025-01-01');
    expect(timeTravelKey({ revision: 3 })).not.toBe(timeTravelKey({}));
  });

  it('names the adoption day in Japan', () => {
    expect(japanDateOf('2025-07-31T16:00:00.000Z')).toBe('2025-08-01');
    expect(japaneseDate('2025-08-01')).toBe('2025年8月1日');
  });
});
