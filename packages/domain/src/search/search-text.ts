import { ERAS } from '../calendar/eras.js';
import { normalizeText } from '../calendar/normalize-text.js';
import { parseWareki } from '../calendar/wareki.js';

const ERA_TOKENS = ERAS.flatMap((era) => [era.name, era.letter]).join('|');
// An era year standing on its own: not the tail of a Latin word ("HR10"), not followed by more digits.
const ERA_YEAR = new RegExp(`(?<![A-Za-z])(${ERA_TOKENS})(元|\\d{1,2})(?!\\d)(年度|年)?`, 'gu');

/**
 * Text as search compares it: normalised like stored text (NFKC, one wave dash, no line-wrap spaces),
 * lower-cased, and with every 和暦 year written as its 西暦 year ("R10" and "令和10年度" read 2028 and
 * 2028年度), so that a query in either calendar finds the same items. Used on stored text and on queries
 * alike, so both sides always agree.
 */
export function toSearchText(text: string): string {
  return normalizeText(text)
    .replace(ERA_YEAR, (match: string, _era: string, _year: string, unit: string | undefined) => {
      const parsed = parseWareki(match);
      if (!parsed.ok) return match;
      return `${parsed.value.year}${unit ?? ''}`;
    })
    .toLowerCase();
}

/** A piece of displayed text, marked where it matches the query, so the UI can highlight without HTML. */
export interface HighlightSegment {
  text: string;
  isHit: boolean;
}

/**
 * Split display text into highlighted and plain segments for a query. Matching is on the normalised form
 * of each character position, so a hit across a PDF line-wrap space or a full-width digit is still found.
 */
export function highlight(text: string, query: string): HighlightSegment[] {
  // Both the query as typed and as compared: "R10" lights up "R10" in the text, and "2028" where it says so.
  const tokens = new Set(
    [...toSearchText(query).split(' '), ...normalizeText(query).toLowerCase().split(' ')].filter(
      (t) => t !== '',
    ),
  );
  if (tokens.size === 0) return [{ text, isHit: false }];
  // Map each position of the normalised text back to the original, character by character. Whitespace is
  // kept as one space and a match may step over it, since stored text drops line-wrap spaces that a
  // displayed raw text may still show.
  const chars = Array.from(text);
  const normalised: string[] = [];
  const origin: number[] = [];
  chars.forEach((char, index) => {
    if (/\s/u.test(char)) {
      if (normalised[normalised.length - 1] !== ' ') {
        normalised.push(' ');
        origin.push(index);
      }
      return;
    }
    for (const piece of Array.from(normalizeText(char).toLowerCase())) {
      normalised.push(piece);
      origin.push(index);
    }
  });
  const haystack = normalised.join('');
  const hits = new Array<boolean>(chars.length).fill(false);
  for (const token of tokens) {
    const pattern = new RegExp(
      Array.from(token)
        .map((c) => c.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'))
        .join(' ?'),
      'gu',
    );
    for (const match of haystack.matchAll(pattern)) {
      const units = Array.from(haystack.slice(0, match.index)).length;
      const length = Array.from(match[0]).length;
      for (let i = units; i < units + length; i += 1) {
        const at = origin[i];
        if (at !== undefined) hits[at] = true;
      }
    }
  }
  const segments: HighlightSegment[] = [];
  chars.forEach((char, index) => {
    const isHit = hits[index] ?? false;
    const last = segments[segments.length - 1];
    if (last?.isHit === isHit) last.text += char;
    else segments.push({ text: char, isHit });
  });
  return segments;
}
