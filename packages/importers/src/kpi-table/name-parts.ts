import { normalizeText } from '@kotei/domain';
import { withoutCircledNumber } from './cell-value.js';
import type { YearReading } from './years.js';
import { readYear } from './years.js';

// A name cell that also defines the KPI (「自主防災組織の活動カバー率 各市町村において、全世帯数のうち、…の世帯数」:
// two paragraphs of one HTML cell, joined by a space): the name is the first part, the definition a note.

// What a KPI's name ends with (…率, …数, …割合, …額).
const KPI_END = /(?:割合|率|数|量|額|時間|人数|件数|者数|度|比|指数|人口|面積|延長|距離|回数)$/u;
const MIN_DEFINITION = 12;

/** The name of a cell and the definition written after it in the same cell, or null when it has none. */
export function withoutDefinition(text: string): { name: string; definition: string | null } {
  const match = /^(\S+)\s+(\S.*)$/su.exec(text.trim());
  if (match === null) return { name: text, definition: null };
  const [, head = '', rest = ''] = match;
  const definition = normalizeText(rest);
  if (!KPI_END.test(normalizeText(head)) || definition.length < MIN_DEFINITION || !/[、。]/u.test(definition))
    return { name: text, definition: null };
  return { name: head, definition };
}

const BULLET = /^[・･\-－‐]\s*/u;
// A running number before the name: 「(1)」, 「①」, 「1.」, 「1 」 or an item number 「1-2 」 (a number and a space)
// unless what follows is the number's own counter (「65 歳以上」, 「1 日当たり」: a PDF's spacing, part of the name).
const NUMBERING =
  /^(?:[(（]\d+[)）]|[①-⑳]|\d+[.．、)）](?!\d)|\d{1,3}[-－‐]\d{1,3}(?:[-－‐]\d{1,3})*\s+(?=[^\d\s歳才代%％])|\d{1,3}\s+(?=[^\d\s歳才年月日週時分秒人回件か箇ヶカ万億千百割%％倍]))\s*/u;
// A 決算 table's labels for its arithmetic after a name (「経常収益A」, 「経常損益(A-B)」, 「収支比率 (A)/(B)」): no part
// of it. Only after Japanese, so 「PM2.5」 and 「BMI」 keep their letters.
const FORMULA_LABEL =
  /(?:(?<=\p{Script=Han})[A-Z]|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s*\(?[A-Z]\)?(?:\s*[-+×÷*/]\s*\(?[A-Z]\)?)+|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s*\([A-Z]\))$/u;
// 「うち」 opens a sub-item of the row above (「うち職員給与費」): the sub-item's own name follows.
const OF_WHICH = /^うち\s*(?=[\p{Script=Han}\p{Script=Katakana}])/u;
const KANA_ENUMERATOR = /^\s*[ア-ン]\s+(?=\S)/u;
const KPI_SUFFIX = /(?:割合|率|数|量|額|時間|人数|件数|度|比|指数)$/u;

/** A KPI with sub-items under it (its rows named by a bullet or by a shorter name). */
export interface Group {
  readonly name: string;
  readonly deadline: YearReading | null;
}

/** A name cell without its numbering, bullets and note marks; a deadline 【…まで】 in it read apart. */
export function cleanName(text: string): { name: string; deadline: YearReading | null; notes: string[] } {
  const notes: string[] = [];
  let deadline: YearReading | null = null;
  const parts = withoutDefinition(text);
  if (parts.definition !== null) notes.push(parts.definition);
  // Circled numbers (①…⑳) number the rows; NFKC would turn them into plain digits that read as part of the name.
  // An enumerator in katakana (「イ 食塩摂取量の減少」) is dropped before normalising takes the space after it.
  let name = normalizeText(withoutCircledNumber(parts.name).replace(KANA_ENUMERATOR, ''))
    .replace(/[(]注\d*[)]|※\s*\d+|(?<![\p{L}])注\d+/gu, (note) => {
      notes.push(note);
      return '';
    })
    .replace(/【([^】]*まで[^】]*)】/gu, (_whole, inner: string) => {
      deadline = readYear(inner, '');
      return '';
    });
  name = name
    .replace(BULLET, '')
    .replace(NUMBERING, '')
    .replace(FORMULA_LABEL, '')
    .replace(OF_WHICH, '')
    .trim();
  return { name, deadline, notes };
}

/** Whether a row names a sub-item of the group above it. */
export function isChildOf(group: Group, name: string, raw: string): boolean {
  if (BULLET.test(normalizeText(raw))) return true;
  return name.length < group.name.length && !KPI_SUFFIX.test(name);
}
