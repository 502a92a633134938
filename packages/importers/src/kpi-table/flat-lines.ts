import type { ParseIssue } from '../parse-issue.js';
import type { Grid, GridRow } from './grid.js';
import { rowText, textRow } from './grid.js';
import { datedByProse, headerAt } from './flat-header.js';
import { CIRCLED, FIGURE, NOTED_FIGURE, PAREN_NUMBER, flatTokens } from './flat-tokens.js';
import type { FlatRun } from './numbered-names.js';
import { withNumberedNamesLater } from './numbered-names.js';
import type { EraHint } from './years.js';

export { flatTokens } from './flat-tokens.js';

// Text that lost its line breaks (a PDF or e-book page as a crawler stored it): the header and the rows of a
// table stand on one line between prose. The reader finds the header's run of words inside the line, then cuts
// the words after it into rows by their pattern — a name (words that are not figures) and as many figures as
// the header has value columns — until prose resumes or another header starts. A run that does not fit the
// pattern is an issue, never a KPI.

/** A line this long with no header read is looked at for tables on it. */
const MIN_FLAT_LINE = 80;
const BARE_NUMBER = /^\d{1,3}$/u;
const BARE_FIGURE = /^\d[\d,]*(?:\.\d+)?$/u;
const HEADING = /^(?:[(（]\d+[)）]|【[^】]*】|第\s*\d+\s*[章節])/u;
// A direction in place of a figure (「18人 増加」: the target is to raise it), among a row's figures only.
const DIRECTION = /^(?:増加|減少|向上|低下|維持|増加傾向|減少傾向)$/u;
const ARROW_CELL = /^[↑↓↗↘→⇧⇩]$/u;
// Prose resumes: a sentence, or a new chapter (「第 9 章」 spread over words).
const PROSE = /。|^第$/u;
// A mark in a column after the values (「ⅱ」, 「A」, 「◎」, 「達成」): short, no figure.
const MARK = /^[^\d]{1,4}$/u;
// The page a row's details are on (「10P」, 「p.12」), printed after its figures in a 参照頁 column.
const PAGE_REF = /^(?:\d{1,3}[PpＰ頁]|[Pp]\.?\d{1,3})$/u;

type Kind = 'figure' | 'item' | 'word' | 'stop';

/** What the reader got from the flat lines of a grid: tables rebuilt a row a line, and the runs it left. */
export interface FlatReading {
  readonly grids: Grid[];
  readonly issues: ParseIssue[];
}

function kindOf(tokens: readonly string[], index: number, figures: readonly string[]): Kind {
  const token = tokens[index] as string;
  if (PROSE.test(token)) return 'stop';
  if (PAREN_NUMBER.test(token)) return 'item';
  if (DIRECTION.test(token) && figures.length > 0) return 'figure';
  // An arrow alone is a cell of its own (目指す方向 ↑, 結果 →), never part of a name.
  if (ARROW_CELL.test(token)) return 'figure';
  if (NOTED_FIGURE.test(token)) return 'figure';
  if (!FIGURE.test(token)) return 'word';
  let after = index + 1;
  while (BARE_NUMBER.test(tokens[after] ?? '')) after += 1;
  const next = tokens[after];
  if (!BARE_NUMBER.test(token) || next === undefined || FIGURE.test(next)) return 'figure';
  // A bare number before a word is a figure of a row whose figures are all bare, or numbers the row that word
  // opens (「11 12 水産業…」: numbers printed apart from their rows).
  return figures.length > 0 && figures.every((f) => BARE_FIGURE.test(f)) ? 'figure' : 'item';
}

type Run = FlatRun;

// A comment cell after a row's figures, under a header whose last columns are text (進捗状況, 備考): a sentence of a
// few words ending in 「。」 (「改善傾向にあり、平成25年度に減少 に転じている。」, wrapped in the PDF).
const NOTE_WORDS = 3;

function noteCellEnd(tokens: readonly string[], from: number): number | null {
  for (let index = from; index < Math.min(tokens.length, from + NOTE_WORDS); index += 1) {
    const token = tokens[index] as string;
    if (FIGURE.test(token)) return null;
    if (token.endsWith('。')) return index;
  }
  return null;
}

/** The words after a header cut into runs of words then figures, up to prose or the next header. */
function runsAfter(
  tokens: readonly string[],
  from: number,
  hint: EraHint,
  extras = 0,
): { runs: Run[]; end: number } {
  const runs: Run[] = [];
  let words: string[] = [];
  let figures: string[] = [];
  let ended = false;
  let marks = 0;
  let index = from;
  for (; index < tokens.length; index += 1) {
    const kind = kindOf(tokens, index, figures);
    const note = extras > 0 && figures.length > 0 ? noteCellEnd(tokens, index) : null;
    if (note !== null) {
      // The row's comment (進捗状況 「増加傾向にある。」) ends it: the figures after it are the next row's.
      runs.push({ words, figures, ended });
      words = [];
      figures = [];
      ended = true;
      index = note;
      continue;
    }
    if (kind === 'stop' || (kind === 'word' && headerAt(tokens, index, hint) !== null)) break;
    if (kind !== 'figure' && figures.length > 0) {
      runs.push({ words, figures, ended });
      ended = false;
      words = [];
      figures = [];
      marks = extras;
    }
    // The row's marks or text cells after its figures (区分 ⅱ, 確認方法 独自調査) belong to no name, where words
    // are left for the next row's name before its figures.
    if (kind === 'word' && marks > 0 && words.length === 0 && isRowTail(tokens, index, figures)) {
      marks -= 1;
      continue;
    }
    marks = 0;
    if (kind === 'figure') figures.push(tokens[index] as string);
    else words.push(kind === 'item' ? `#${tokens[index] as string}` : (tokens[index] as string));
  }
  if (figures.length > 0 || words.length > 0) runs.push({ words, figures, ended });
  return { runs, end: index };
}

const TAIL_CELL = 12;

function isRowTail(tokens: readonly string[], index: number, figures: readonly string[]): boolean {
  const token = tokens[index] as string;
  if (!MARK.test(token) && token.length > TAIL_CELL) return false;
  let next = index + 1;
  while (next < tokens.length && kindOf(tokens, next, figures) === 'word') next += 1;
  return next - index >= 2;
}

function issue(line: number, found: string, expected: string, message: string): ParseIssue {
  return { code: 'kpi-table-flat-row', line, found, expected, message, severity: 'warning' };
}

interface Cut {
  rows: string[][];
  issues: ParseIssue[];
}

function rowsOfName(
  words: readonly string[],
  figures: readonly string[],
  values: number,
  numbered = false,
): string[][] | null {
  // Headings before the row's own circled number (「(1)…の増加 ①…の割合」, 「(1) …の増加 ①…」) are the goal it
  // serves, not its name.
  const opening = words.findIndex((word) => CIRCLED.test(word));
  const headed = opening > 0 && (numbered || words.slice(0, opening).every((w) => HEADING.test(w)));
  const own = headed ? words.slice(opening) : words;
  const named = own.filter((word, index) => !(index > 0 && CIRCLED.test(word)));
  const groups = own.filter((word, index) => index > 0 && CIRCLED.test(word));
  const name = named
    .map((word) => word.replace(CIRCLED, ''))
    .join(' ')
    .trim();
  if (name === '' || HEADING.test(name)) return null;
  const strip = (word: string): string => word.replace(CIRCLED, '');
  if (groups.length === 0 && figures.length === values) return [[name, '', ...figures]];
  // Groups whose figures follow them in order, the other columns' figures once for all (a merged cell).
  if (groups.length >= 2 && figures.length === groups.length + values - 1) {
    const shared = figures.slice(groups.length);
    return groups.map((group, i) => [name, strip(group), figures[i] as string, ...shared]);
  }
  if (groups.length > 0 && figures.length === values)
    return [[name, groups.map(strip).join(' '), ...figures]];
  return null;
}

/** A run's words cut at its row numbers: the words before the first number, then each numbered row's words. */
function numberedSegments(words: readonly string[]): { lead: string[]; rows: string[][] } {
  const lead: string[] = [];
  const rows: string[][] = [];
  for (const word of words) {
    if (word.startsWith('#')) rows.push([]);
    else (rows[rows.length - 1] ?? lead).push(word);
  }
  return { lead, rows };
}

// A row's figures printed before its number, right after the row above's (「(2) 参加者数 18人 増加 44% 50%以上
// (3) 80歳で…の割合 (4) 3歳児の割合 13.9% 10%以下」: a name wrapped over two lines, its figures set in the middle).
// Read only where the counts leave no choice: the run holds k rows' figures, and the next run k numbered names
// and one row's figures; each row so matched is named in an issue to check.
function figuresBeforeNames(run: Run, next: Run | undefined, values: number, line: number): Cut | null {
  const k = run.figures.length / values;
  if (next === undefined || !Number.isInteger(k) || k < 2 || next.figures.length !== values) return null;
  const own = numberedSegments(run.words);
  const later = numberedSegments(next.words);
  if (own.rows.length !== 1 || later.lead.length > 0 || later.rows.length !== k) return null;
  if (later.rows.some((words) => words.length === 0)) return null;
  const figureGroups = Array.from({ length: k }, (_, j) => run.figures.slice(j * values, (j + 1) * values));
  const first = rowsOfName(own.rows[0] as string[], figureGroups[0] as string[], values, true);
  const matched = later.rows.map((words, j) =>
    rowsOfName(words, j < k - 1 ? (figureGroups[j + 1] as string[]) : next.figures, values, true),
  );
  if (first === null || matched.some((rows) => rows === null)) return null;
  const rows = matched.flatMap((found) => found ?? []);
  return {
    rows: [...first, ...rows],
    issues: rows
      .slice(0, k - 1)
      .map((row) =>
        issue(
          line,
          row.filter((cell) => cell !== '').join(' '),
          "a row's figures after its name",
          "This row's figures stand before its number, after the row above's; they were matched to it by order. Check them.",
        ),
      ),
  };
}

// A group written again in each value column (「男性 72.8% 男性 80%」): the runs of the group word alone join the
// row it opens; the next group of the same item (「女性 73.1% 女性 80%」) is named after that item.
function withRepeatedGroups(runs: readonly Run[], values: number): Run[] {
  const out: Run[] = [];
  let item: string[] | null = null;
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i] as Run;
    const group = run.words[run.words.length - 1];
    const figures = [...run.figures];
    let j = i + 1;
    const repeats = (next: Run | undefined): boolean =>
      next !== undefined && next.words.length === 1 && next.words[0] === group && next.figures.length === 1;
    while (group !== undefined && run.figures.length === 1 && figures.length < values && repeats(runs[j])) {
      figures.push(...(runs[j] as Run).figures);
      j += 1;
    }
    const marker = run.words.map((word) => word.startsWith('#')).lastIndexOf(true);
    const own = run.words.slice(0, -1).slice(marker + 1);
    const name: string[] | null = own.length > 0 ? own : item;
    if (group !== undefined && j > i + 1 && figures.length === values && name !== null) {
      item = name;
      out.push({ words: [...run.words.slice(0, marker + 1), ...name, group], figures });
      i = j - 1;
      continue;
    }
    item = null;
    out.push(run);
  }
  return out;
}

// A page reference after a row's figures (「… 58.5% 82.2% 10P」) is no value of the row.
function withoutPageRef(run: Run, values: number): Run {
  const last = run.figures[run.figures.length - 1] ?? '';
  return run.figures.length === values + 1 && PAGE_REF.test(last)
    ? { words: run.words, figures: run.figures.slice(0, -1) }
    : run;
}

// A grade column among the value columns, its marks printed as images: an empty cell in each row.
function withSkipped(cells: readonly string[], skipped: readonly number[]): string[] {
  const out = [...cells];
  // The row's cells are its name, its group, then its figures: the header's cell k is the row's cell k + 1.
  for (const column of [...skipped].sort((a, b) => a - b)) out.splice(column + 1, 0, '');
  return out;
}

/** The rows of one table's runs; a run that does not fit is an issue, and so is the row it breaks into. */
// A unit as a row's cell gives it between the name and the figures (回, 人, 一年あたりの回数): a word, no figure.
const UNIT_WORD = /^[^\d\s()（）「」、。]{1,8}$/u;

// The row's unit word, where the header has a 単位 column: the last of the words before the figures.
function withUnit(rows: string[][], unit: string | null): string[][] {
  return unit === null ? rows : rows.map((row) => [...row.slice(0, 2), unit, ...row.slice(2)]);
}

function cutRows(runs: readonly Run[], values: number, line: number, unit = false): Cut {
  const cut: Cut = { rows: [], issues: [] };
  let last: string[][] | null = null;
  const numbered = withNumberedNamesLater(
    withRepeatedGroups(
      runs.map((run) => withoutPageRef(run, values)),
      values,
    ),
    values,
  );
  const list = numbered.runs;
  cut.issues.push(
    ...numbered.matched.map((cells) =>
      issue(
        line,
        cells.join(' '),
        "a row's figures after its name",
        "This row's figures stand before its name, after the first numbered row's; they were matched to it by its number. Check them.",
      ),
    ),
  );
  for (let index = 0; index < list.length; index += 1) {
    const run = list[index] as Run;
    const item = run.words.findIndex((word) => word.startsWith('#'));
    const before = item < 0 ? [] : run.words.slice(0, item);
    const after = item < 0 ? run.words : run.words.slice(item).filter((word) => !word.startsWith('#'));
    const numbered = item >= 0 && PAREN_NUMBER.test((run.words[item] as string).slice(1));
    // Words before a row's number end the name of the row above (a name wrapped around its figures).
    if (last !== null && before.length > 0) for (const row of last) row[0] = `${row[0]}${before.join('')}`;
    if (run.figures.length === 0) break;
    const early = figuresBeforeNames(
      { words: run.words.slice(Math.max(item, 0)), figures: run.figures },
      list[index + 1],
      values,
      line,
    );
    if (early !== null) {
      cut.rows.push(...withUnit(early.rows, unit ? '' : null));
      cut.issues.push(...early.issues);
      last = early.rows.slice(-1);
      index += 1;
      continue;
    }
    const tail = after[after.length - 1] ?? '';
    const unitWord = !unit ? null : after.length >= 2 && UNIT_WORD.test(tail) ? tail : '';
    const named = unitWord === null || unitWord === '' ? after : after.slice(0, -1);
    const found = rowsOfName(named, run.figures, values, numbered);
    const rows = found === null ? null : withUnit(found, unitWord);
    const text = [...run.words.map((w) => w.replace(/^#/u, '')), ...run.figures].join(' ');
    if (rows === null) {
      cut.issues.push(
        issue(
          line,
          text,
          `a name and ${values} figure(s) (or groups, each with its figure, then the others)`,
          'A run of words on a line without line breaks does not read as a table row; it was not imported.',
        ),
      );
      // A run of figures with no row number right after a row breaks into it: that row is not sure either.
      // A run opening with a circled row number (「⑦… ⑧… 6,800人/年」) starts rows of its own.
      if (item < 0 && last !== null && run.ended !== true && !CIRCLED.test(run.words[0] ?? '')) {
        for (const row of last) cut.rows.splice(cut.rows.indexOf(row), 1);
        cut.issues.push(
          issue(
            line,
            last.map((row) => row.filter((cell) => cell !== '').join(' ')).join(' / '),
            'a row not broken into',
            'The row before it was interleaved with the next cells; it was not imported.',
          ),
        );
      }
      last = null;
      continue;
    }
    cut.rows.push(...rows);
    last = rows;
  }
  return cut;
}

/** The tables on one long line: each header run and the rows cut after it. */
export function readFlatLine(
  text: string,
  line: number,
  hint: EraHint,
): { rows: GridRow[]; issues: ParseIssue[] } {
  const tokens = flatTokens(text);
  const rows: GridRow[] = [];
  const issues: ParseIssue[] = [];
  let proseFrom = 0;
  for (let index = 0; index < tokens.length; index += 1) {
    const header = headerAt(tokens, index, hint);
    if (header === null) continue;
    const { runs, end } = runsAfter(tokens, header.next, hint, header.extras);
    const width = header.cells.length - 1 - header.skipped.length - (header.unit ? 1 : 0);
    const cut = cutRows(runs, width, line, header.unit);
    // Role words with no row of figures after them are prose (「目標値は平成 31 年度の値を…」), not a table.
    if (cut.rows.length === 0) continue;
    // The rows' groups (「①小学生」 after the name) stand in a column of their own beside the name's.
    const [name, ...values] = datedByProse(header, tokens.slice(proseFrom, index).join(''));
    rows.push(
      textRow([name as string, '', ...values], line),
      ...cut.rows.map((cells) => textRow(withSkipped(cells, header.skipped), line)),
    );
    issues.push(...cut.issues);
    index = end - 1;
    proseFrom = end;
  }
  return { rows, issues };
}

/** The tables on the long lines of grids read as text, one row a line; null when no line holds a header. */
export function readFlatLines(grids: readonly Grid[], hint: EraHint): FlatReading | null {
  const out: Grid[] = [];
  const issues: ParseIssue[] = [];
  for (const grid of grids) {
    if (grid.sheet !== null) continue;
    const rows: GridRow[] = [];
    for (const row of grid.rows) {
      const text = rowText(row);
      if (text.length < MIN_FLAT_LINE) continue;
      const read = readFlatLine(text, row.line, hint);
      rows.push(...read.rows);
      issues.push(...read.issues);
    }
    if (rows.length === 0) {
      const joined = readJoinedLines(grid, hint);
      rows.push(...joined.rows);
      issues.push(...joined.issues);
    }
    if (rows.length > 0) out.push({ sheet: null, rows });
  }
  return out.length === 0 ? null : { grids: out, issues };
}

// A table whose cells only spaces part (「指標 プラン当初 現状値 目標値」, then 「食塩摂取量の減少 12.1g 10.4g 10g未満」 a
// line): its lines read as one, each row rebuilt then given back the line its name stands on.
function readJoinedLines(grid: Grid, hint: EraHint): { rows: GridRow[]; issues: ParseIssue[] } {
  const lines = grid.rows.map((row) => {
    const text = rowText(row);
    return { line: row.line, text, words: new Set(flatTokens(text)) };
  });
  const first = lines[0]?.line ?? 1;
  const read = readFlatLine(lines.map((line) => line.text).join(' '), first, hint);
  let at = 0;
  const rows = read.rows.map((row) => {
    const word = flatTokens(row.cells[0]?.text ?? '')[0] ?? '';
    const found = lines.findIndex((line, index) => index >= at && line.words.has(word));
    if (found < 0) return row;
    at = found;
    return textRow(
      row.cells.map((cell) => cell.text),
      (lines[found] as { line: number }).line,
    );
  });
  return { rows, issues: read.issues };
}
