import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['folds full-width letters, digits and brackets (NFKC)', '（Ｒ５）２０２４年度', '(R5)2024年度'],
    ['writes both wave dashes as ～ (U+FF5E)', 'R3〜R5 と R3～R5', 'R3～R5 と R3～R5'],
    ['keeps an ASCII tilde', 'R7~R10', 'R7~R10'],
    ['removes a line-wrap space between kanji', '治験・臨床 試験', '治験・臨床試験'],
    ['removes a wrap between katakana and kanji', '創薬ベンチャー 採択件数', '創薬ベンチャー採択件数'],
    ['removes several spaces and newlines', '令和6年度補\n 正予算', '令和6年度補正予算'],
    ['removes a full-width space inside Japanese', '創薬　エコシステム', '創薬エコシステム'],
    [
      'removes a space between Japanese and a bracket',
      '事業【厚】 (令和7年度 当初予算)',
      '事業【厚】(令和7年度当初予算)',
    ],
    ['removes a space after a closing bracket', '(JHVS) を開催', '(JHVS)を開催'],
    [
      'keeps a space next to digits or Latin letters',
      '2024 年夏 Single IRB 運用',
      '2024 年夏 Single IRB 運用',
    ],
    ['keeps a space between two bracketed groups', '14 (R10) (R5)', '14 (R10) (R5)'],
    ['collapses other whitespace and trims', '  a \t\n b  ', 'a b'],
    ['keeps the katakana long vowel mark', 'ワンストップ ー', 'ワンストップー'],
    [
      'folds the radicals a PDF puts for kanji, and its hyphenation point',
      '課\u2ED1\u2027本省課\u2ED1補佐 \u2F25性 関\u2EC4',
      '課長・本省課長補佐女性関西',
    ],
  ])('%s', (_, input, output) => {
    expect(normalizeText(input)).toBe(output);
  });

  it('is idempotent on text made of the pieces the documents use', () => {
    const pieces = fc.constantFrom(
      ...'治験・臨床試験ワンストップー【厚】「」（）()～〜~Ｒ５R5 　\n\t-−‐aZ9ｶﾞか\u3099\u309A\u309B\u0301'.split(
        '',
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (chars) => {
        const once = normalizeText(chars.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
