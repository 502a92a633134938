import { normalizeText } from '@kotei/domain';

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
