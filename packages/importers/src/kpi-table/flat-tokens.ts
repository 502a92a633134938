import { normalizeText } from '@kotei/domain';
import { withSpacedHeadersJoined } from './spaced-letters.js';

// The words of text whose cells only spaces part, and the kinds of word the flat-line reader tells apart.

// A unit printed apart from its figure (「300 人」): the common ones only, so 「3 小学校」 stays a number and a word.
const APART_UNIT = '(?:%|％|人|件|回|か所|箇所|ヵ所|円|倍|校|団体|社|店舗|戸|ha|kg|g|t|ポイント|pt)';
// A unit written on its figure (「12.1g」, 「213ヵ所」, 「7,368歩」): also up to three letters that are no counter
// labelling a group (歳, 代, 年…); a rate's unit goes on after a slash (「114件/億台キロ」).
const UNIT =
  '(?:(?:%|％|か所|箇所|ヵ所|カ所|団体|店舗|ポイント|[A-Za-zμ]{1,3}|[^\\s\\d歳代年月日時分秒~〜～\\-(（)）【】「」、。,.:：/・]{1,3})(?:/[^\\s\\d/]{1,6})?)';
const BOUND = '(?:以上|以下|未満)';
export const FIGURE = new RegExp(
  `^(?:[-－―—‐]|[<>≦≧約]?[-−▲△]?\\d[\\d,]*(?:\\.\\d+)?(?:万\\d{1,4})?${UNIT}?${BOUND}?)$`,
  'u',
);
const UNIT_ONLY = new RegExp(`^${APART_UNIT}${BOUND}?$`, 'u');
// A unit of ten thousands (or thousands, millions, a hundred millions) of a counter, printed apart from its figure
// (「60 万件/年」, 「3 千人」), a rate's second part kept on it.
const SCALED_UNIT = new RegExp(`^(?:百万|万|千|億)(?:${APART_UNIT}|[台本世冊])(?:/[^\\s\\d/]{1,6})?$`, 'u');
// The second part of a rate's unit, broken from the figure (「114件」 「/億台キロ」).
const PER_UNIT = /^\/[^\s\d/]{1,6}$/u;
// A word opening with a counter (歳, 日, 年 …) goes on with the number before it: 「20 歳代」, 「(毎月 23 日)」.
const COUNTER_START = /^[歳日年月人件回時分箇か倍円代校]/u;
export const CIRCLED = /^[\u2460-\u2473\u3251-\u325F\u32B1-\u32BF]/u;
// A row number in parentheses standing alone (「(1) 8020推進員養成講座修了者数 256人 350人以上」).
export const PAREN_NUMBER = /^[(（]\d{1,2}[)）]$/u;

/** The words of a line, a figure's unit printed apart joined back to it (「300 人」 → 「300人」). */
export function flatTokens(line: string): string[] {
  // Each word normalised apart (spaces between words are the cells' edges; a circled number kept as written).
  const words = line
    .split(/[\s\u3000]+/u)
    .filter((word) => word !== '')
    .map((word) =>
      CIRCLED.test(word) ? `${word.charAt(0)}${normalizeText(word.slice(1))}` : normalizeText(word),
    );
  const tokens: string[] = [];
  for (const word of withSpacedHeadersJoined(words)) {
    const last = tokens[tokens.length - 1];
    // A number and the counter after it are one word too (「20 歳代」, 「(毎月 23 日)」), and a figure and the
    // rest of its rate's unit (「114件 /億台キロ」).
    const joins =
      last !== undefined &&
      ((/^\d[\d,]*(?:\.\d+)?$/u.test(last) &&
        (UNIT_ONLY.test(word) || SCALED_UNIT.test(word) || COUNTER_START.test(word))) ||
        (PER_UNIT.test(word) && FIGURE.test(`${last}${word}`) && !last.includes('/')));
    if (joins) tokens[tokens.length - 1] = `${last}${word}`;
    else tokens.push(word);
  }
  return tokens;
}
