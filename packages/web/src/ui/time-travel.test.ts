import { describe, expect, it } from 'vitest';
import {
  japanDateOf,
  japaneseDate,
  readTimeTravel,
  timeTravelKey,
  withTimeTravel,
  roundOfRevision,
} from './time-travel';

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

describe('roundOfRevision', () => {
  const round = (id: string, asOfDate: string, state = 'published') => ({ id, asOfDate, state });
  const rounds = [round('a', '2025-07-31'), round('b', '2025-08-31'), round('c', '2025-09-30', 'open')];
  // Revision 2 adopted 2025-08-01 10:00 in Japan (01:00Z).
  const r2 = { number: 2, adoptedAt: '2025-08-01T01:00:00.000Z' };

  it("takes the latest published round taken while the revision was in force, the plan's latest without one", () => {
    expect(roundOfRevision(rounds, r2)?.id).toBe('b');
    expect(roundOfRevision(rounds.slice(0, 1), r2)).toBeUndefined();
    expect(
      roundOfRevision(rounds.slice(0, 1), { number: 1, adoptedAt: '2026-01-01T00:00:00.000Z' })?.id,
    ).toBe('a');
    expect(roundOfRevision(rounds, null)?.id).toBe('b');
  });
});
