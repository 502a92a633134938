import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWareki, formatYearBoth, parseWareki, toWareki } from './wareki.js';

describe('parseWareki', () => {
  it.each([
    { text: 'R5', era: '令和', eraYear: 5, year: 2023, fiscal: true },
    { text: 'R10', era: '令和', eraYear: 10, year: 2028, fiscal: true },
    { text: '令和5年度', era: '令和', eraYear: 5, year: 2023, fiscal: true },
    { text: '令和5年', era: '令和', eraYear: 5, year: 2023, fiscal: false },
    { text: '令和元年', era: '令和', eraYear: 1, year: 2019, fiscal: false },
    { text: 'R元', era: '令和', eraYear: 1, year: 2019, fiscal: true },
    { text: 'H30', era: '平成', eraYear: 30, year: 2018, fiscal: true },
    { text: '平成30年', era: '平成', eraYear: 30, year: 2018, fiscal: false },
    { text: '平成31年', era: '平成', eraYear: 31, year: 2019, fiscal: false },
    // Written before the era ended: plans adopted in 平成 name 2020 as 平成32年.
    { text: '平成32年', era: '平成', eraYear: 32, year: 2020, fiscal: false },
    { text: 'H35', era: '平成', eraYear: 35, year: 2023, fiscal: true },
    { text: '平成元年', era: '平成', eraYear: 1, year: 1989, fiscal: false },
    { text: '昭和64年', era: '昭和', eraYear: 64, year: 1989, fiscal: false },
    { text: 'Ｒ５', era: '令和', eraYear: 5, year: 2023, fiscal: true },
    { text: ' 令和 7 年度 ', era: '令和', eraYear: 7, year: 2025, fiscal: true },
  ])('reads $text as $year', ({ text, era, eraYear, year, fiscal }) => {
    const result = parseWareki(text);
    expect(result.ok && { ...result.value, era: result.value.era.name }).toEqual({
      era,
      eraYear,
      year,
      fiscal,
    });
  });

  it.each([
    { text: '', expected: 'a 和暦 year such as R5, 令和5年度 or 令和元年' },
    { text: 'R', expected: 'a 和暦 year such as R5, 令和5年度 or 令和元年' },
    { text: '2025年', expected: 'a 和暦 year such as R5, 令和5年度 or 令和元年' },
    { text: 'H99999', expected: 'a 平成 year from 元 to 81' },
    { text: '平成82年', expected: 'a 平成 year from 元 to 81' },
    { text: 'R0', expected: 'a 令和 year from 元 to 7980' },
  ])('refuses $text, naming what it expected', ({ text, expected }) => {
    const result = parseWareki(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.expected).toBe(expected);
    expect(result.error.message).toContain(expected);
  });
});

describe('toWareki', () => {
  it.each([
    { year: 2019, fiscal: false, era: '令和', eraYear: 1 },
    { year: 2019, fiscal: true, era: '平成', eraYear: 31 },
    { year: 2020, fiscal: true, era: '令和', eraYear: 2 },
    { year: 1989, fiscal: false, era: '平成', eraYear: 1 },
    { year: 1989, fiscal: true, era: '平成', eraYear: 1 },
    { year: 1926, fiscal: false, era: '昭和', eraYear: 1 },
    { year: 1926, fiscal: true, era: '大正', eraYear: 15 },
    { year: 1912, fiscal: true, era: '明治', eraYear: 45 },
  ])('names $year (fiscal: $fiscal) $era $eraYear', ({ year, fiscal, era, eraYear }) => {
    const wareki = toWareki(year, { fiscal });
    expect([wareki.era.name, wareki.eraYear]).toEqual([era, eraYear]);
  });

  it('throws before 明治, and for FY1868 which opened before it', () => {
    expect(() => toWareki(1867)).toThrow(RangeError);
    expect(() => toWareki(1868, { fiscal: true })).toThrow(RangeError);
    expect(toWareki(1868).eraYear).toBe(1);
  });
});

describe('formatWareki', () => {
  it('writes kanji with 元年 and letters with numbers', () => {
    expect(formatWareki(2028, { fiscal: true })).toBe('令和10年度');
    expect(formatWareki(2028, { fiscal: true, style: 'letter' })).toBe('R10');
    expect(formatWareki(2019)).toBe('令和元年');
    expect(formatWareki(2019, { style: 'letter' })).toBe('R1年');
    expect(formatWareki(2019, { fiscal: true })).toBe('平成31年度');
  });

  it('round-trips through parseWareki for 1990 to 2100', () => {
    const options = fc.record({
      fiscal: fc.boolean(),
      style: fc.constantFrom('kanji' as const, 'letter' as const),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), options, (year, { fiscal, style }) => {
        const result = parseWareki(formatWareki(year, { fiscal, style }));
        expect(result.ok && [result.value.year, result.value.fiscal]).toEqual([year, fiscal]);
        expect(result.ok && result.value.eraYear).toBe(toWareki(year, { fiscal }).eraYear);
      }),
    );
  });
});

describe('formatYearBoth', () => {
  it('shows 和暦 and 西暦 together', () => {
    expect(formatYearBoth(2028, { fiscal: true })).toBe('令和10年度 (2028)');
    expect(formatYearBoth(2021)).toBe('令和3年 (2021)');
  });
});
