/**
 * Lines of PDF-extract text that are never the wrapped tail of the row above, though they have no separator: a
 * note (「※…」, 「注1」, 「（注）」, 「出典：」, 「資料：」) and a heading of the plan's structure (「基本目標2 …」,
 * 「基本方針」, 「施策の柱」, 「政策目標」), which a table prints between its rows or after its last row.
 */
const NOTE_OR_HEADING =
  /^(?:[※＊*]|注(?:\s*\d+|\s*[:：)）.．]|\s)|[(（]注\d*[)）]|(?:出典|資料|備考)\s*[:：]|(?:基本目標|基本方針|基本施策|施策の柱|政策目標|重点目標|重点施策)\s*[\d０-９一二三四五六七八九十IVXⅠ-Ⅻ])/u;

/** Whether a line without a separator opens a note or a heading, never the tail of a wrapped row. */
export function opensNoteOrHeading(line: string): boolean {
  return NOTE_OR_HEADING.test(line.trim());
}
