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
// A figure with its year or a short note in brackets on it (「207,660件(2021年度)」, 「97.7%(2022年)」, 「514人(R4)」,
// 「207,660件(速報)」): a figure still, the cell read with its year.
const BRACKETED_YEAR =
  '(?:(?:19|20)\\d{2}|[HRSＨＲＳ]\\d{1,2}|(?:平成|令和|昭和)(?:\\d{1,2}|元))(?:年度?)?(?:\\d{1,2}月(?:\\d{1,2}日)?)?(?:末|現在|時点)?';
const BRACKETED_NOTE = '(?:速報|暫定|見込み?|概数|推計|確定|概算)値?';
export const NOTED_FIGURE = new RegExp(
  `^${FIGURE.source.slice(1, -1)}[(（](?:${BRACKETED_YEAR}|${BRACKETED_NOTE})[)）]$`,
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
  return withYearsJoined(tokens);
}

const YEAR_IN_BRACKETS = new RegExp(`^[(（]${BRACKETED_YEAR}[)）]$`, 'u');
// The words a bracketed year is printed over (「(2021」 「年度)」, 「(2022」 「年5月1日現在)」).
const YEAR_WORDS = 3;

// A year in brackets printed apart after a figure (on the next line, or after a space: 「207,660 件」 「(2021 年度)」)
// is the figure's year, never a word of the next row's name: joined to the figure.
function withYearsJoined(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const last = out[out.length - 1];
    const span = Array.from({ length: YEAR_WORDS }, (_, k) => tokens.slice(i, i + k + 1).join('')).findIndex(
      (joined) => YEAR_IN_BRACKETS.test(joined),
    );
    if (last !== undefined && span >= 0 && FIGURE.test(last)) {
      out[out.length - 1] = `${last}${tokens.slice(i, i + span + 1).join('')}`;
      i += span;
    } else out.push(tokens[i] as string);
  }
  return out;
}
