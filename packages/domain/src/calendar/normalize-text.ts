// Kana, kanji and CJK punctuation (、。「」【】・ …): Japanese prose writes no space between them.
const JAPANESE = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3001-\u303F\uFF5E`;

// A space is a PDF line-wrap artefact when Japanese text sits on both sides; NFKC turns （） into (), so a
// bracket counts as Japanese on the side that touches Japanese text. A combining mark after the space would
// compose with the character before it, so that space stays and the result stays NFKC.
const ARTEFACT_SPACE = new RegExp(
  `(?<=[${JAPANESE}])\\s+(?![\\p{M}])(?=[${JAPANESE}(])|(?<=[${JAPANESE})])\\s+(?![\\p{M}])(?=[${JAPANESE}])`,
  'gu',
);

// Text read out of a PDF often names a kanji by its radical's code point (⻑ for 長, ⻄ for 西), and a middle dot by
// the hyphenation point (‧): the fonts map those glyphs so. NFKC folds the Kangxi radicals (⼥ → 女) but not the
// supplement's, so those that stand for a kanji are folded here.
const RADICAL_KANJI: Readonly<Record<string, string>> = {
  '\u2E97': '心',
  '\u2E9F': '母',
  '\u2EA0': '民',
  '\u2EA9': '王',
  '\u2EAE': '竹',
  '\u2EB7': '羊',
  '\u2EBC': '月',
  '\u2EC1': '虎',
  '\u2EC4': '西',
  '\u2EC6': '角',
  '\u2ECA': '足',
  '\u2ECC': '辶',
  '\u2ECF': '阝',
  '\u2ED1': '長',
  '\u2ED6': '阝',
  '\u2ED8': '青',
  '\u2EDD': '食',
  '\u2EE4': '鬼',
  '\u2EE8': '麦',
  '\u2EE9': '黄',
  '\u2EEB': '斉',
  '\u2EED': '歯',
  '\u2EEF': '竜',
  '\u2EF2': '亀',
  '\u2027': '・',
};
const RADICAL = new RegExp(`[${Object.keys(RADICAL_KANJI).join('')}]`, 'gu');

/**
 * Normalises text as the documents write it: NFKC (and the radicals PDFs put for kanji), one wave dash, no line-wrap spaces inside Japanese,
 * single spaces elsewhere, trimmed. The one normalisation that storage, search and import all use.
 */
export function normalizeText(text: string): string {
  // NFKC folds ～ (U+FF5E) to an ASCII ~ but leaves 〜 (U+301C) alone, so both are parked on 〜 and come back
  // as ～: the character CP932, the Shift_JIS of office PCs, decodes its wave dash to.
  const folded = text
    .replace(RADICAL, (radical) => RADICAL_KANJI[radical] ?? radical)
    .replace(/[\u301C\uFF5E]/gu, '\u301C')
    .normalize('NFKC')
    .replace(/\u301C/gu, '\uFF5E');
  return folded.replace(ARTEFACT_SPACE, '').replace(/\s+/gu, ' ').trim();
}

/**
 * Text as a key for telling two writings of one thing apart or alike: normalised and without any space, so a
 * line wrap or a full-width digit does not make two names (or units) differ.
 */
export function compactText(text: string): string {
  return normalizeText(text).replace(/\s+/gu, '');
}
