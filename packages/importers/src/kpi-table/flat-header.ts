import { textRow } from './grid.js';
import { VALUE_ROLES, detectHeader, namesRole } from './header.js';
import { FIGURE, PAREN_NUMBER } from './flat-tokens.js';
import type { EraHint } from './years.js';
import { readYear } from './years.js';

// The header of a table whose cells only spaces part: its run of words among the line's, cut into cells.

/** A header run: its cells, where its rows start, and which columns the rows fill. */
export interface Header {
  readonly cells: readonly string[];
  readonly next: number;
  /** Each cell's role, and whether its words date it. */
  readonly columns: readonly { role: string; dated: boolean }[];
  /** Columns of short marks after the value columns, whose cells each row then ends with. */
  readonly extras: number;
  /** Cells (by index) of a grade column among the value columns (評価), which the rows leave empty. */
  readonly skipped: readonly number[];
  /** Whether a 単位 column stands right after the names: each row's last word before its figures. */
  readonly unit: boolean;
}

// The words a header cell goes on with after its role word: years, eras, brackets (「現状値(平成 26 年度)」).
const HEADER_TAIL =
  /^[(（]?(?:明治|大正|昭和|平成|令和)?[元\d]{0,4}(?:年度?|年\d{1,2}月(?:まで|末)?|月(?:まで|末)?)?[)）]?$/u;
// A year standing alone before its role word (「H15年度」 「実績値」), as a header broken over lines prints it.
const YEAR_ALONE = /^(?:[MTSHR]\d{1,2}(?:年度?)?|(?:明治|大正|昭和|平成|令和)?[元\d]{1,4}年度?)$/u;
// Columns of figures the reading leaves aside (a second target, 見込み) are still filled by each row.
const FIGURE_ROLES: ReadonlySet<string> = new Set([...VALUE_ROLES, 'estimate', 'ignore']);

// A year's words after a header cell; a bare number only before the 年 that makes it one (「(平成 26 年度)」), else
// it numbers the first row.
function isHeaderTail(tokens: readonly string[], index: number): boolean {
  const token = tokens[index] as string;
  if (!HEADER_TAIL.test(token) || PAREN_NUMBER.test(token)) return false;
  return !/^\d+$/u.test(token) || /^年/u.test(tokens[index + 1] ?? '');
}

function isRoleWord(token: string, hint: EraHint): boolean {
  return !FIGURE.test(token) && !YEAR_ALONE.test(token) && namesRole(token, hint);
}

// A header whose every year stands before its role word (「H15年度 実績値 H16年度 目標値 … 評価 H19年度 目標値」):
// each year and the word after it are one cell. Only where every year has its word, two or more, so that year
// columns (「H25年度 H26年度 目標値」) keep their own cells.
function yearFirstCells(
  tokens: readonly string[],
  from: number,
  hint: EraHint,
): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let pairs = 0;
  let i = from;
  while (i < tokens.length) {
    const token = tokens[i] as string;
    if (YEAR_ALONE.test(token)) {
      const role = tokens[i + 1] ?? '';
      if (!isRoleWord(role, hint) || HEADER_TAIL.test(role)) return null;
      cells.push(`${token}${role}`);
      pairs += 1;
      i += 2;
    } else if (isRoleWord(token, hint) && !HEADER_TAIL.test(token)) {
      cells.push(token);
      i += 1;
    } else break;
  }
  return pairs >= 2 ? { cells, next: i } : null;
}

function roleFirstCells(
  tokens: readonly string[],
  from: number,
  hint: EraHint,
): { cells: string[]; next: number } {
  const cells: string[] = [];
  let next = from;
  for (; next < tokens.length; next += 1) {
    const token = tokens[next] as string;
    if (isHeaderTail(tokens, next) && cells.length > 0)
      cells[cells.length - 1] = `${cells[cells.length - 1] ?? ''} ${token}`;
    else if (!FIGURE.test(token) && !HEADER_TAIL.test(token) && namesRole(token, hint)) cells.push(token);
    else break;
  }
  return { cells, next };
}

// Bare year columns (「平成22年度 平成23年度 平成24年度 … 進捗状況」), as a yearly progress table heads its figures:
// three or more in a row, each a year alone and later than the one before, with no word heading the names. The
// names' column is then unheaded. A year repeated (「24年度 25年度 25年度」 over 実績 計画 実績, a header of two rows
// flattened) heads no series.
const MIN_YEAR_RUN = 3;
const UNHEADED_NAMES = '指標';

function yearRunCells(
  tokens: readonly string[],
  start: number,
  hint: EraHint,
): { cells: string[]; next: number } | null {
  let end = start;
  let last = -Infinity;
  for (; YEAR_ALONE.test(tokens[end] ?? '') && !/^\d+$/u.test(tokens[end] ?? ''); end += 1) {
    const year = readYear(tokens[end] as string, hint)?.year ?? null;
    if (year === null || year <= last) break;
    last = year;
  }
  if (end - start < MIN_YEAR_RUN) return null;
  const rest = roleFirstCells(tokens, end, hint);
  return { cells: [UNHEADED_NAMES, ...tokens.slice(start, end), ...rest.cells], next: rest.next };
}

/** The header whose run of words opens at a token: its cells (a role word and its years), or null. */
export function headerAt(tokens: readonly string[], start: number, hint: EraHint): Header | null {
  const first = tokens[start] as string;
  const years = YEAR_ALONE.test(first) ? yearRunCells(tokens, start, hint) : null;
  if (years === null && (FIGURE.test(first) || !namesRole(first, hint))) return null;
  const rest = years ?? yearFirstCells(tokens, start + 1, hint) ?? roleFirstCells(tokens, start + 1, hint);
  const cells = years?.cells ?? [first, ...rest.cells];
  if (cells.length < 2) return null;
  const mapping = detectHeader(textRow(cells, 1), hint);
  if (mapping === null || mapping.length !== cells.length) return null;
  // The rows are cut by a name and figures: the header must be a name then value columns, and after them at most
  // a few columns of short marks (区分 ⅰ/ⅱ, 達成状況 A/B), dropped from each row. A grade column among the values
  // (評価, its marks printed as images) is left empty by the rows.
  let extras = 0;
  while (extras < mapping.length - 2 && !FIGURE_ROLES.has(mapping[mapping.length - 1 - extras]?.role ?? ''))
    extras += 1;
  const kept = mapping.slice(0, mapping.length - extras);
  const skipped = kept.filter((m) => m.column > 0 && m.role === 'status').map((m) => m.column);
  const unit = kept[1]?.role === 'unit';
  const fits = kept.every((m) =>
    m.column === 0
      ? m.role === 'name'
      : FIGURE_ROLES.has(m.role) || skipped.includes(m.column) || (unit && m.column === 1),
  );
  const columns = kept.map((m) => ({ role: m.role, dated: m.year !== null }));
  return fits && kept.some((m) => VALUE_ROLES.has(m.role)) && kept.length - skipped.length >= 2
    ? { cells: cells.slice(0, kept.length), next: rest.next, columns, extras, skipped, unit }
    : null;
}

// The prose before a table that dates a column the header leaves undated: 「目標値は計画期間最終年度である平成32年度の
// 数値とします」, 「基準値は平成26年度の値」. Only a sentence of the column's own word, naming one year.
const PROSE_DATES: Readonly<Record<string, RegExp>> = {
  target: /目標(?:値|年度|年次)?(?:は|を|が)([^。]*)/gu,
  baseline: /(?:基準値|現状値?|基準年度?)(?:は|を|が)([^。]*)/gu,
};
const PROSE_YEAR = /(?:平成|令和)\s*(?:元|\d{1,2})\s*年度?|(?:19|20)\d{2}\s*年度?/gu;

/** The header's cells, each undated value column given the year the prose before the table names for it. */
export function datedByProse(header: Header, prose: string): string[] {
  return header.cells.map((cell, i) => {
    const column = header.columns[i];
    const pattern = column === undefined || column.dated ? undefined : PROSE_DATES[column.role];
    const sentences = pattern === undefined ? [] : [...prose.matchAll(pattern)];
    // A sentence may go on to another column's words (「現状値は直近の数値とし、目標値は平成32年度」): cut there.
    // The first that names one year is the rule (「特に記載がない限り、現状が平成20年度」); later ones its exceptions.
    const years = sentences
      .map((sentence) => (sentence[1] ?? '').split(/目標|現状|基準値|実績|。/u)[0] ?? '')
      .map((words) => [...words.matchAll(PROSE_YEAR)].map((year) => year[0]))
      .find((found) => found.length > 0);
    return years?.length === 1 ? `${cell}(${years[0] as string})` : cell;
  });
}
