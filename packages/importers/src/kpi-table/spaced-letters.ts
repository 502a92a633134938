import { headerRole, namesRole } from './header.js';

// A header printed one letter a word (「指 標 項 目 現 状 値 目 標 値」), as a PDF spaces out the words of its header
// cells: the letters joined back into the cells' words.

// One letter a word, as print spaces out a header (「指 標」, 「目 標」).
const SINGLE_LETTER = /^[\p{Script=Han}\p{Script=Katakana}ー]$/u;
// The words a column's header is made of (「指標」 「項目」, 「現状」 「値」, 「達成」 「状況」): a run of letters is cut into
// these where it holds several cells, so 「現状値目標値」 is two columns, not one 現状値 column.
const COLUMN_WORD =
  /^(?:指標|項目|名称|現状|基準|目標|実績|最新|直近|当初|策定時|計画|単位|備考|評価|進捗|達成|担当|区分|年度)(?:値|名|状況|課|年度)?$/u;
const LONGEST_WORD = 5;
// The words a header cell's year is written in after it (「目 標 値 (平成 21 年度)」), kept with the cell.
const MAX_BRACKET_WORDS = 4;

// The run's letters as column words, longest first; null where a letter is left over.
function columnWords(letters: string): string[] | null {
  const words: string[] = [];
  let at = 0;
  while (at < letters.length) {
    let size = Math.min(LONGEST_WORD, letters.length - at);
    while (size >= 2 && !COLUMN_WORD.test(letters.slice(at, at + size))) size -= 1;
    if (size < 2) return null;
    words.push(letters.slice(at, at + size));
    at += size;
  }
  return words;
}

/** The cells a run of letters spells, when it spells two or more (words of one role joined: 指標項目); else null. */
function spacedCells(letters: string): string[] | null {
  const words = columnWords(letters);
  if (words === null) return null;
  const cells: string[] = [];
  let role: string | null = null;
  for (const word of words) {
    const own = headerRole(word, '');
    if (cells.length > 0 && own === role) cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''}${word}`;
    else cells.push(word);
    role = own;
  }
  return cells.length >= 2 && cells.every((cell) => namesRole(cell, '')) ? cells : null;
}

function letterRunEnd(words: readonly string[], from: number): number {
  let end = from;
  while (SINGLE_LETTER.test(words[end] ?? '')) end += 1;
  return end;
}

// The words of a bracket after a header cell (「(平成」 「21」 「年度)」): where it closes within a few words.
function bracketEnd(words: readonly string[], from: number): number {
  if (!/^[(（]/u.test(words[from] ?? '')) return from;
  for (let end = from; end < Math.min(words.length, from + MAX_BRACKET_WORDS); end += 1)
    if (/[)）]$/u.test(words[end] as string)) return end + 1;
  return from;
}

/**
 * The words with spaced header letters joined: a run that spells one column word (「指 標」) as that word, a run that
 * spells several cells (「現 状 値 目 標 値」) as those cells. A run broken by one word (「指 標 項 目 現 ①…の割合 状
 * 値 目 標 値」: the first row's name, printed at the middle of a header two lines high) is joined across it, the word
 * moved after the header's cells and the bracket that dates the last (「(平成 21 年度)」).
 */
export function withSpacedHeadersJoined(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const end = letterRunEnd(words, i);
    const letters = words.slice(i, end).join('');
    const cells = end - i >= 2 ? spacedCells(letters) : null;
    // Broken only where the letters before the word leave one over (「現」 of 現状値) and the word is no cell.
    const broken = end > i && columnWords(letters) === null && !namesRole(words[end] ?? '', '');
    const resumed = broken ? letterRunEnd(words, end + 1) : end;
    const across =
      resumed - end >= 2 ? spacedCells(`${letters}${words.slice(end + 1, resumed).join('')}`) : null;
    if (across !== null) {
      const after = bracketEnd(words, resumed);
      out.push(...across, ...words.slice(resumed, after), words[end] as string);
      i = after - 1;
    } else if (cells !== null) {
      out.push(...cells);
      i = end - 1;
    } else if (end - i >= 2 && namesRole(letters, '')) {
      out.push(letters);
      i = end - 1;
    } else out.push(words[i] as string);
  }
  return out;
}
