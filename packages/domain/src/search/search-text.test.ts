import { describe, expect, it } from 'vitest';
import { highlight, toSearchText } from './search-text.js';

describe('toSearchText', () => {
  it('writes 和暦 years as 西暦, so R10 and 2028 search alike', () => {
    expect(toSearchText('R10')).toBe('2028');
    expect(toSearchText('14 (R10) 7 (R5)')).toBe('14 (2028) 7 (2023)');
    expect(toSearchText('令和10年度')).toBe('2028年度');
    expect(toSearchText('令和元年')).toBe('2019年');
    expect(toSearchText('H30-R5')).toBe('2018-2023');
    expect(toSearchText('R3～R5平均')).toBe('2021～2023平均');
  });

  it('leaves era letters inside Latin words alone', () => {
    expect(toSearchText('CRC10名')).toBe('crc10名');
    expect(toSearchText('HR10')).toBe('hr10');
  });

  it('removes PDF line-wrap spaces and folds widths and wave dashes', () => {
    expect(toSearchText('国際共同治験・臨床 試験の 推進')).toBe('国際共同治験・臨床試験の推進');
    expect(toSearchText('２０２４〜２０２８年度')).toBe('2024～2028年度');
    expect(toSearchText('ＦＩＨ試験')).toBe('fih試験');
  });
});

describe('highlight', () => {
  it('marks a hit that the PDF broke with a space', () => {
    expect(highlight('国際共同治験・臨床 試験の推進', '臨床試験')).toEqual([
      { text: '国際共同治験・', isHit: false },
      { text: '臨床 試験', isHit: true },
      { text: 'の推進', isHit: false },
    ]);
  });

  it('marks every token and each occurrence, case- and width-blind', () => {
    const segments = highlight('ＦＩＨ試験とFIH', 'fih');
    expect(segments.filter((s) => s.isHit).map((s) => s.text)).toEqual(['ＦＩＨ', 'FIH']);
  });

  it('marks a 和暦 year typed as such, and its 西暦 form', () => {
    expect(
      highlight('14 (R10) 7 (R5)', 'R10')
        .filter((s) => s.isHit)
        .map((s) => s.text),
    ).toEqual(['R10']);
    expect(
      highlight('2028年度までに', 'R10')
        .filter((s) => s.isHit)
        .map((s) => s.text),
    ).toEqual(['2028']);
  });

  it('returns the text whole when nothing matches', () => {
    expect(highlight('創薬', '治験')).toEqual([{ text: '創薬', isHit: false }]);
  });
});
