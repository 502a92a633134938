// Kana, kanji and CJK punctuation (、。「」【】・ …): Japanese prose writes no space between them.
const JAPANESE = String.raw`\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3001-\u303F\uFF5E`;

// A space is a PDF line-wrap artefact when Japanese text sits on both sides; NFKC turns （） into (), so a
// bracket counts as Japanese on the side that touches Japanese text. A combining mark after the space would
// compose with the character before it, so that space stays and the result stays NFKC.
const ARTEFACT_SPACE = new RegExp(
  `(?<=[${JAPANESE}])\\s+(?![\\p{M}])(?=[${JAPANESE}(])|(?<=[${JAPANESE})])\\s+(?![\\p{M}])(?=[${JAPANESE}])`,
  'gu',
);

/**
 * Normalises text as the documents write it: NFKC, one wave dash, no line-wrap spaces inside Japanese,
 * single spaces elsewhere, trimmed. The one normalisation that storage, search and import all use.
 */
export function normalizeText(text: string): string {
  // NFKC folds ～ (U+FF5E) to an ASCII ~ but leaves 〜 (U+301C) alone, so both are parked on 〜 and come back
  // as ～: the character CP932, the Shift_JIS of office PCs, decodes its wave dash to.
  const folded = text
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
