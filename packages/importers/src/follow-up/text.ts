import { normalizeText } from '@kotei/domain';

// Kana, kanji and CJK punctuation, as normalizeText counts them.
const JAPANESE = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3001-\u303F\uFF5E`;

// normalizeText keeps a space between Japanese and a Latin letter or digit ("国内 FIH試験", "DCT を活用",
// "2024 年夏"); the PDF conversion wraps there too, and Japanese prose never spaces them, so the importer drops it.
const MIXED_SPACE = new RegExp(
  `(?<=[${JAPANESE}])\\s+(?=[A-Za-z0-9])|(?<=[A-Za-z0-9%])\\s+(?=[${JAPANESE}])`,
  'gu',
);

// NFKC folds ① to 1, which would turn 工程表⑤ and 育成① into 工程表5 and 育成1; circled numbers are parked on
// private-use characters while normalizeText runs.
const CIRCLED = /[\u2460-\u2473]/gu;
const PARKED = /[\uE000-\uE013]/gu;
const CIRCLED_OFFSET = 0x2460 - 0xe000;

/** Text as stored: normalizeText, circled numbers kept, no wrap space between Japanese and Latin or digits. */
export function cleanText(raw: string): string {
  const hasParked = PARKED.test(raw);
  PARKED.lastIndex = 0;
  const parked = hasParked ? raw : raw.replace(CIRCLED, (c) => shift(c, -CIRCLED_OFFSET));
  const normal = normalizeText(parked).replace(MIXED_SPACE, '');
  return hasParked ? normal : normal.replace(PARKED, (c) => shift(c, CIRCLED_OFFSET));
}

function shift(char: string, by: number): string {
  return String.fromCharCode(char.charCodeAt(0) + by);
}

/** Clean text without any whitespace, for comparing names and titles. */
export function compactText(raw: string): string {
  return cleanText(raw).replace(/\s+/gu, '');
}

/** A circled number (①) or digits as a number, or null. */
export function readSheetNumber(text: string): number | null {
  const circled = /[\u2460-\u2473]/u.exec(text)?.[0];
  if (circled !== undefined) return circled.charCodeAt(0) - 0x2460 + 1;
  const digits = /\d{1,4}/u.exec(normalizeText(text))?.[0];
  return digits === undefined ? null : Number(digits);
}

/** Shortens text for an issue's `found`, so a 5 MB cell never lands in the issue list whole. */
export function excerpt(text: string, max = 160): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

const TAG = /【([^【】\s]{1,6})】/gu;

/** Ministry tags (【厚】) in text, in order. */
export function findTags(text: string): { code: string; start: number; end: number }[] {
  const tags: { code: string; start: number; end: number }[] = [];
  TAG.lastIndex = 0;
  for (let match = TAG.exec(text); match !== null; match = TAG.exec(text)) {
    tags.push({ code: match[1] ?? '', start: match.index, end: match.index + match[0].length });
  }
  return tags;
}

/** Text with its trailing ministry tags taken off: "…実施中。【厚】" → { text: "…実施中。", codes: ["厚"] }. */
export function splitTrailingTags(text: string): { text: string; codes: string[] } {
  const codes: string[] = [];
  let rest = text.trimEnd();
  while (rest.endsWith('】')) {
    const open = rest.lastIndexOf('【');
    const code = open < 0 ? '' : rest.slice(open + 1, -1);
    if (!/^[^【】\s]{1,6}$/u.test(code)) break;
    codes.unshift(code);
    rest = rest.slice(0, open).trimEnd();
  }
  return { text: rest, codes };
}

// 再掲 as the documents mark it: "(再掲)", "再掲" alone, or after the text in a span.
const REPOST = /\s*[(（]\s*再掲\s*[)）]\s*$|\s*(?<![^\s>])再掲\s*$/u;

/** Text without a trailing 再掲 marker, and whether it had one. */
export function stripRepost(text: string): { text: string; isRepost: boolean } {
  const tail = text.slice(-16);
  const match = REPOST.exec(tail);
  if (match === null) return { text, isRepost: false };
  return { text: text.slice(0, text.length - tail.length + match.index).trimEnd(), isRepost: true };
}

/** Leading list marks (・, -, •, *) taken off an item. */
export function stripBullet(text: string): string {
  return text.replace(/^(?:[\s・•*\-‐]{1,8})(?=\S)/u, '').replace(/^[・•]$/u, '');
}

/** Whether a cell says "none": empty, "-", "・", "・ -", "－". */
export function isNone(text: string): boolean {
  return /^[\s・\-‐－—―]*$/u.test(text);
}
