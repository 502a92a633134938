import { describe, expect, it } from 'vitest';
import { ERAS, eraFirstYear, eraLastYear, eraOn, findEra } from './eras.js';

describe('ERAS', () => {
  it('lists the eras oldest first', () => {
    const days = ERAS.map((era) => era.firstDay);
    expect(days).toEqual([...days].sort());
    expect(ERAS.map((era) => era.letter).join('')).toBe('MTSHR');
  });
});

describe('findEra', () => {
  it('finds an era by name or by letter', () => {
    expect(findEra('令和')).toBe(findEra('R'));
    expect(findEra('R')?.firstDay).toBe('2019-05-01');
    expect(findEra('X')).toBeUndefined();
  });
});

describe('eraOn', () => {
  it.each([
    ['2019-04-30', '平成'],
    ['2019-05-01', '令和'],
    ['1989-01-07', '昭和'],
    ['1989-01-08', '平成'],
    ['1926-12-24', '大正'],
    ['1926-12-25', '昭和'],
    ['1912-07-29', '明治'],
    ['1912-07-30', '大正'],
  ])('reads %s as %s', (date, name) => {
    expect(eraOn(date)?.name).toBe(name);
  });

  it('knows no era before 明治', () => {
    expect(eraOn('1868-10-22')).toBeUndefined();
  });
});

describe('eraFirstYear and eraLastYear', () => {
  it('gives 平成 the years 1989 to 2019 and leaves 令和 open', () => {
    const heisei = findEra('H');
    const reiwa = findEra('R');
    if (heisei === undefined || reiwa === undefined) throw new Error('missing era');
    expect([eraFirstYear(heisei), eraLastYear(heisei)]).toEqual([1989, 2019]);
    expect([eraFirstYear(reiwa), eraLastYear(reiwa)]).toEqual([2019, null]);
  });
});
