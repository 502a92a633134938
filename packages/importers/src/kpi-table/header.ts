import { KPI_TABLE_COLUMN_ROLES, normalizeText, type KpiTableColumnRole } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { GridRow } from './grid.js';
import type { EraHint, YearReading } from './years.js';
import { readYear } from './years.js';

/** What a column of a KPI table holds (the domain's vocabulary). */
export type ColumnRole = KpiTableColumnRole;

/** The roles a user may give a column, in the order the mapping step lists them. */
export const COLUMN_ROLES: readonly ColumnRole[] = KPI_TABLE_COLUMN_ROLES;

/** A user's correction of one column's role. */
export interface ColumnRoleOverride {
  /** 0-based column index. */
  readonly column: number;
  readonly role: ColumnRole;
}

/** A column's proposed role, how sure the importer is, and the cells that made it decide. */
export interface ColumnMapping {
  /** 0-based column index. */
  readonly column: number;
  readonly role: ColumnRole;
  /** 0 to 1. */
  readonly confidence: number;
  /** The header text as written. */
  readonly header: string;
  /** The year the header names (平成12年, 平成24年度(実績ベース)), for cells that write none. */
  readonly year: YearReading | null;
  /** Why: the header cell and the words in it that decided. */
  readonly evidence: string;
  /** A column of years (基準年度, 目標年度, 「年度」 under 目標値): the value column whose figures it dates. */
  readonly dates?: number;
  /** A column with no header of its own beside the name's (項目 over two cells): the name column it goes on. */
  readonly detailOf?: number;
}

interface Guess {
  readonly role: ColumnRole;
  readonly confidence: number;
  readonly word: string;
}

// A column of years for a value column (基準年度, 目標年次, Target year, 「年度」 alone under a 目標値 over two cells).
const YEAR_COLUMN =
  /^(?:(基準|策定時|設定時|当初|現状|目標|実績|最新|直近|baseline|base|target|actual|latest)(?:値)?\s*(?:の)?\s*)?(?:年度|年次|年|時点|時期|(?:fiscal\s*)?year|fy)$|^(?:達成|目標)?(期限)$/iu;
/** The roles whose cells are the KPI's own dated values. */
export const VALUE_ROLES: ReadonlySet<ColumnRole> = new Set(['baseline', 'target', 'actual']);
/** Those and an estimate (見込み, 予算(案)): every role whose cells are figures of the KPI. */
export const FIGURE_VALUE_ROLES: ReadonlySet<ColumnRole> = new Set([...VALUE_ROLES, 'estimate']);
// A group cell's words, then a year word (the header of two rows read as one cell): 「目標(期限) 年度」.
const GROUP_YEAR = /^(.*[^\d\s元])\s*(?:年度|年次|時点|時期|year|fy)$/iu;
const YEAR_COLUMN_ROLE: Readonly<Record<string, ColumnRole>> = {
  基準: 'baseline',
  策定時: 'baseline',
  設定時: 'baseline',
  当初: 'baseline',
  現状: 'baseline',
  baseline: 'baseline',
  base: 'baseline',
  目標: 'target',
  target: 'target',
  期限: 'target',
  実績: 'actual',
  最新: 'actual',
  直近: 'actual',
  actual: 'actual',
  latest: 'actual',
};

// Tried in order; the first rule whose pattern the header matches gives the column its role.
const RULES: readonly { role: ColumnRole; confidence: number; pattern: RegExp }[] = [
  { role: 'unit', confidence: 0.95, pattern: /^(?:単位|unit)$/iu },
  { role: 'code', confidence: 0.85, pattern: /コード|番号|^no\.?$|^№|^id$|整理no/iu },
  // The page a row is described on (掲載頁): its numbers are neither values nor years.
  { role: 'ignore', confidence: 0.8, pattern: /^(?:掲載|参照|関連|記載)?(?:頁|ページ|page)$/iu },
  // A column worked out of the others (差引, 計画と実績の比較, 達成率): figures, but no value of the KPI's own.
  {
    role: 'ignore',
    confidence: 0.8,
    pattern: /^(?:差引|差|増減|比較|計画比|前年度?比|対前年度?比?|達成率|進捗率|伸び率)$|の比較$|との差$/u,
  },
  // A proposal (予算(案)) is no measured figure; a draft target (目標(案)) is still the target.
  { role: 'estimate', confidence: 0.9, pattern: /見込|見通し|推計|forecast|^(?!.*目標).*[(]案[)]/iu },
  {
    role: 'owner',
    confidence: 0.9,
    pattern: /担当課|担当部|担当局|担当|所管|主管|所属|owner|department|division|responsible/iu,
  },
  {
    role: 'note',
    confidence: 0.75,
    pattern:
      /備考|注記|出典|定義|算出|根拠|説明|方向性|考え方|確認方法|確認時期|把握方法|調査方法|note|source/iu,
  },
  // 評価指標 / 成果指標 name the KPIs (not a grade column, and before any 指標元 / 指標の説明 beside them).
  { role: 'name', confidence: 0.97, pattern: /^(?:評価|成果|重要業績評価)指標(?:名)?$/u },
  // The figures a plan had at an evaluation (中間評価 (H19), 最終評価): values of that time, not a grade.
  { role: 'actual', confidence: 0.8, pattern: /(?:中間|最終)評価(?:値|時)?(?![\p{L}])(?!.*目標)/u },
  // 「中間評価(5年後)目標」: the target set for the interim evaluation, a milestone; 「最終評価(10年後)目標」 the target.
  { role: 'target', confidence: 0.85, pattern: /中間評価.*目標/u },
  {
    role: 'status',
    confidence: 0.9,
    pattern: /達成状況|進捗状況|進捗|達成度|評価(?!指標)(?!.*目標)|判定|status|progress|achievement/iu,
  },
  {
    role: 'baseline',
    confidence: 0.95,
    pattern:
      /基準値|基準|策定時|設定時|当初値|当初|現状値|現状|計画開始前|開始前|ベースライン|初期値|baseline/iu,
  },
  {
    role: 'name',
    confidence: 0.7,
    pattern: /^(?:成果目標|達成目標|具体的な目標値?|施策目標)$|目標(?:項目|指標|名称)$/u,
  },
  // Words about the goal (目標の内容, 目標名, 施策の目標): a column of text the KPIs serve, never figures.
  {
    role: 'group',
    confidence: 0.7,
    pattern: /目標の(?:内容|概要|説明|考え方|名称)|^目標名$|(?<!まで)の目標$/u,
  },
  // An interim milestone (中間目標, 「(参考)」) is a target only where the table gives no final one.
  { role: 'target', confidence: 0.85, pattern: /中間目標|中間値|^\(参考\)/u },
  { role: 'target', confidence: 0.8, pattern: /^目標$/u },
  // The direction a KPI should go (目指す方向, its cells ↑/↓): the target where the table gives no figure for one.
  { role: 'target', confidence: 0.6, pattern: /^(?:目指す|めざす)?方向$/u },
  { role: 'target', confidence: 0.95, pattern: /目標値|目標|期限|target|goal/iu },
  // A plan's figure for a year, as 公営企業 and hospital plans head it (「25年度計画」, 「H25プラン」, 「計画値」,
  // 「改革プラン」, 「経営計画」).
  {
    role: 'target',
    confidence: 0.85,
    pattern:
      /^(?:(?:令和|平成|[RH])?\s*(?:元|\d{1,4})\s*(?:年度?)?)?\s*(?:改革|経営|経営改革|経営強化|改善|中期|収支)?(?:計画値?|プラン)$/u,
  },
  {
    role: 'actual',
    confidence: 0.9,
    pattern: /実績|決算|最新値|最新|結果|直近|現在値|現在|現況|actual|latest|result|current/iu,
  },
  { role: 'name', confidence: 0.95, pattern: /指標名|指標|kpi|名称|indicator|measure|name/iu },
  // A service or a project heads the rows of 介護保険 and 事業 tables (サービス, サービスの種類, 事業名).
  { role: 'name', confidence: 0.8, pattern: /^(?:サービス(?:名|の?種類)?|事業名)$/u },
  // 項目 names the KPI in most tables, but beside a 指標 column it is the area the KPIs belong to.
  { role: 'name', confidence: 0.9, pattern: /項目|item/iu },
  { role: 'note', confidence: 0.5, pattern: /^区分$/u },
  {
    role: 'group',
    confidence: 0.6,
    pattern: /分野|施策|政策|分類|章|節|^(?:主な)?取り?組み?(?:内容)?$|category|area/iu,
  },
];

/** A header cell's words: normalised (full-width, line breaks), notes (※1) off, spaces inside words out. */
export function headerWords(header: string): string {
  return normalizeText(header)
    .replace(/※\s*\d*/gu, '')
    .replace(/(?<=[\p{Script=Han}\p{Script=Katakana}ー])\s+(?=[\p{Script=Han}\p{Script=Katakana}ー])/gu, '')
    .trim();
}

/** The role a header cell proposes on its own, or null when its words name none. */
const TRAILING_BRACKETS = /\s*[(（][^()（）]*[)）]\s*$/u;
const ADOPTED_PLAN =
  /^(?:令和|平成|[RH])?\s*(?:元|\d{1,4})\s*(?:年度?)?\s*策定\s*((?:改革|経営|経営改革|経営強化|改善|中期|収支)?(?:計画|プラン))$/u;

function guessRole(
  header: string,
  hint: EraHint,
): (Guess & { year: YearReading | null; yearOf?: ColumnRole | null }) | null {
  // Headers spaced out for print (指 標, 説 明 with an ideographic space) read as their words.
  // Spaced out for print (指 標, 目 標 値) or wrapped in the cell (ベース / ライン): the words joined again.
  const text = headerWords(header);
  if (text === '' || text.length > 40) return null;
  // 「平成20年度策定 改革プラン」: the year dates the plan's adoption, not its figures.
  const adopted = ADOPTED_PLAN.exec(text);
  if (adopted !== null) {
    const plan = guessRole(adopted[1] as string, hint);
    if (plan !== null) return { ...plan, year: null };
  }
  const year = readYear(text, hint);
  const yearColumn = YEAR_COLUMN.exec(text);
  if (yearColumn !== null) {
    const of = (yearColumn[1] ?? yearColumn[2])?.toLowerCase();
    return {
      role: 'ignore',
      confidence: 0.7,
      word: text,
      year: null,
      yearOf: of === undefined ? null : (YEAR_COLUMN_ROLE[of] ?? null),
    };
  }
  const grouped = GROUP_YEAR.exec(text);
  const groupRole = grouped === null ? null : guessRole(grouped[1] as string, hint);
  if (groupRole !== null && groupRole.year === null && VALUE_ROLES.has(groupRole.role)) {
    // 「年度」 under a value cell whose words say more than its role (目標(期限), 目標（％）, 計画策定時の数値):
    // that value's column of years, as 目標年度 is.
    return { role: 'ignore', confidence: 0.7, word: text, year: null, yearOf: groupRole.role };
  }
  // A value's word with a qualifier in brackets after it (「現状値 (評価年度)」): the brackets' words (評価) never
  // take the value's role away.
  const qualified = TRAILING_BRACKETS.exec(text);
  const valueWord = qualified === null ? null : guessRole(text.slice(0, qualified.index), hint);
  for (const rule of RULES) {
    const match = rule.pattern.exec(text);
    const word = match?.[0];
    if (match === null || word === undefined) continue;
    const inBrackets = qualified !== null && match.index >= qualified.index;
    if (inBrackets && valueWord !== null && VALUE_ROLES.has(valueWord.role) && !VALUE_ROLES.has(rule.role))
      return { ...valueWord, year: year ?? valueWord.year };
    return { role: rule.role, confidence: rule.confidence, word, year };
  }
  // A header that is a year alone (平成12年, 2024年度, R5) heads a column of figures for that year; a figure
  // with its year (「1.44 (平成30年)」) is a value, never a header.
  // A year with a word that names no role (平成15年度予算, 2020年度末, 2023年値) heads figures of that year too.
  const yearAlone =
    /^[^\p{L}\d]*(?:明治|大正|昭和|平成|令和|[MTSHR])?[\d元]+年度?(?:末)?(?:予算|決算|値|数値|実数|時点)?[^\p{L}\d]*$/u;
  if (year !== null && (yearAlone.test(text) || /^(?:FY)?(?:19|20)\d{2}$/iu.test(text))) {
    return { role: 'actual', confidence: 0.6, word: text, year };
  }
  return null;
}

/** The role a header cell's words name on their own, before the cells of its row are weighed together. */
export function headerRole(header: string, hint: EraHint): ColumnRole | null {
  return guessRole(header, hint)?.role ?? null;
}

/** Whether a header cell's words name a role on their own (「目標値」 does, 「ベース」 of a wrapped 「ベースライン値」 not). */
export function namesRole(header: string, hint: EraHint): boolean {
  return guessRole(header, hint) !== null;
}

// A bare number is a figure, so no header holds one; except western years in a row that also names the KPIs'
// column (「指標 | 2019 | 2020 | 2021」): two or more, rising.
function barePlainYears(row: GridRow, guesses: readonly ({ role: ColumnRole } | null)[]): boolean {
  const bare = row.cells.map((cell) => normalizeText(cell.text)).filter((text) => /^\d[\d,.]*$/u.test(text));
  if (bare.length === 0) return true;
  const years = bare.map(Number);
  return (
    bare.length >= 2 &&
    bare.every((text) => /^(?:19[5-9]\d|20\d\d)$/u.test(text)) &&
    years.every((year, i) => i === 0 || year > (years[i - 1] ?? year)) &&
    guesses.some((guess) => guess?.role === 'name')
  );
}

/**
 * Whether a row is a header row, and if so the roles of its columns: at least two cells must name a role, one
 * of them a value (baseline, target or actual), and no cell may hold a figure. Roles are then settled against
 * each other (one name, one baseline, one target; a second name column to its left is a group).
 */
export function detectHeader(
  row: GridRow,
  hint: EraHint,
  overrides: readonly ColumnRoleOverride[] = [],
): ColumnMapping[] | null {
  // A row of one text merged across the table (a title, a note) names one thing, never the columns.
  if (new Set(row.cells.map((cell) => cell.text.trim()).filter((text) => text !== '')).size < 2) return null;
  const guesses = row.cells.map((cell) => (cell.text === '' ? null : guessRole(cell.text, hint)));
  const found = guesses.filter((guess) => guess !== null);
  if (found.length < 2 || !found.some((guess) => VALUE_ROLES.has(guess.role))) return null;
  if (
    row.cells.some((cell) => /\d[\d,]*(?:\.\d+)?\s*[%％]/u.test(cell.text)) ||
    !barePlainYears(row, guesses)
  )
    return null;
  // A figure that names no role (「5.1冊」 beside 「令和2年度」) makes the row one of values, not of headers.
  if (row.cells.some((cell, i) => guesses[i] == null && readValueCell(cell.text, hint).value !== null))
    return null;
  const mapping: ColumnMapping[] = row.cells.map((cell, column) => {
    const guess = guesses[column] ?? null;
    return guess === null
      ? {
          column,
          role: 'ignore',
          confidence: cell.text === '' ? 0.3 : 0.4,
          header: cell.text,
          year: null,
          evidence: `${cell.ref} 「${cell.text}」 names no role`,
        }
      : {
          column,
          role: guess.role,
          confidence: guess.confidence,
          header: cell.text,
          year: guess.year,
          evidence: `${cell.ref} 「${cell.text}」: 「${guess.word}」`,
        };
  });
  const settled = withPlanYear(
    withNameDetail(
      withYearColumns(
        settleRoles(mapping),
        guesses.map((guess) => guess?.yearOf),
      ),
    ),
  );
  for (const { column, role } of overrides) {
    const at = settled[column];
    if (at !== undefined)
      settled[column] = { ...at, role, confidence: 1, evidence: `${at.evidence}; set by the user` };
  }
  return settled;
}

// A plan's column with no year beside the one actual column of a year (「改革プラン」 | 「平成23年度実績」, a 実績調書)
// holds the plan's figures for that year: it is dated so.
function withPlanYear(mapping: ColumnMapping[]): ColumnMapping[] {
  const actuals = mapping.filter((m) => m.role === 'actual' && m.year !== null);
  const targets = mapping.filter((m) => m.role === 'target');
  const plan = targets[0];
  const actual = actuals[0];
  if (
    actual === undefined ||
    plan === undefined ||
    actuals.length !== 1 ||
    targets.length !== 1 ||
    plan.year !== null ||
    !/(?:計画値?|プラン)$/u.test(headerWords(plan.header))
  )
    return mapping;
  const result = [...mapping];
  result[plan.column] = {
    ...plan,
    year: actual.year,
    evidence: `${plan.evidence}; the plan for the year of the actuals beside it`,
  };
  return result;
}

// The name's header cell over two columns (項目 over the item and a sub-item, the second cell empty): the column
// after it goes on with the name where its cells are words.
function withNameDetail(mapping: ColumnMapping[]): ColumnMapping[] {
  const name = mapping.find((m) => m.role === 'name');
  const next = name === undefined ? undefined : mapping[name.column + 1];
  if (name === undefined || next === undefined || next.role !== 'ignore' || next.header.trim() !== '')
    return mapping;
  const result = [...mapping];
  result[next.column] = {
    ...next,
    detailOf: name.column,
    evidence: `${next.evidence}; under the name's header cell, which spans it: part of the name`,
  };
  return result;
}

// A column of years dates the value column of its role (目標年度 → 目標値), else the value column on its left; with
// no such column (「期限」 alone) it is that role's column itself, a period with no figure.
function withYearColumns(
  mapping: ColumnMapping[],
  yearOf: readonly (ColumnRole | null | undefined)[],
): ColumnMapping[] {
  return mapping.map((m) => {
    const of = yearOf[m.column];
    if (of === undefined || m.role !== 'ignore') return m;
    const candidates = mapping.filter((v) => VALUE_ROLES.has(v.role) && (of === null || v.role === of));
    const left = candidates.filter((v) => v.column < m.column);
    const dated = of === null ? left[left.length - 1] : (left[left.length - 1] ?? candidates[0]);
    if (dated === undefined) {
      return of === null ? m : { ...m, role: of, evidence: `${m.evidence}; the only ${of} column` };
    }
    return { ...m, dates: dated.column, evidence: `${m.evidence}; the years of column ${dated.column + 1}` };
  });
}

function settleRoles(mapping: ColumnMapping[]): ColumnMapping[] {
  const result = [...mapping];
  const keepBest = (
    role: ColumnRole,
    demote: (m: ColumnMapping, best: ColumnMapping) => ColumnRole,
  ): void => {
    const holders = result.filter((m) => m.role === role);
    if (holders.length < 2) return;
    const best = holders.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    for (const m of holders) {
      if (m !== best) result[m.column] = { ...m, role: demote(m, best), confidence: m.confidence * 0.8 };
    }
  };
  keepBest('name', (m, best) => (m.column < best.column ? 'group' : 'note'));
  // Several dated target columns (2025目標, 2030目標): the last year is the target.
  const targets = result.filter((m) => m.role === 'target');
  const name = result.find((m) => m.role === 'name');
  if (targets.length > 1 && targets.every((m) => m.year !== null)) {
    const last = targets.reduce((a, b) => ((b.year?.year ?? 0) >= (a.year?.year ?? 0) ? b : a));
    for (const m of targets) if (m !== last) result[m.column] = { ...m, role: 'ignore', confidence: 0.5 };
  } else if (targets.length > 1) {
    // Values stand right of the names: a 目標 left of them is the aim the KPIs serve (施策項目目標), a group. Of
    // equally sure targets, a dated one (「H22の目標値」) is the plan's, an undated one (年度目標値) the year's.
    const rank = (m: ColumnMapping): number =>
      (name !== undefined && m.column < name.column ? -10 : 0) + m.confidence + (m.year === null ? 0 : 0.01);
    const best = targets.reduce((a, b) => (rank(b) > rank(a) ? b : a));
    for (const m of targets) {
      if (m === best) continue;
      const role = name !== undefined && m.column < name.column ? 'group' : 'ignore';
      result[m.column] = { ...m, role, confidence: m.confidence * 0.8 };
    }
  }
  // 現状値 beside a column of the plan's start (当初, 策定時, 基準): the state now, a latest actual.
  const bases = result.filter((m) => m.role === 'baseline');
  const start = bases.find((m) => /当初|策定時|設定時|基準|計画開始|開始前/u.test(headerWords(m.header)));
  for (const m of bases) {
    if (start !== undefined && m !== start && /^(?:現状|現在|現況)/u.test(headerWords(m.header)))
      result[m.column] = {
        ...m,
        role: 'actual',
        evidence: `${m.evidence}; beside 「${start.header}」, the state now`,
      };
  }
  keepBest('baseline', () => 'ignore');
  stateColumnAsBase(result);
  // Year columns with no baseline column: the first year is the base the others are measured from.
  if (!result.some((m) => m.role === 'baseline')) {
    const plainYears = result.filter(
      (m) => m.role === 'actual' && m.year !== null && !/実績|現在|最新|結果/u.test(m.header),
    );
    const first = plainYears[0];
    // Only a plain year beside columns that say 実績, or before a target of a later year, is a base; a run of
    // plain years is a series of figures.
    const laterTarget = result.some(
      (m) =>
        m.role === 'target' &&
        first !== undefined &&
        m.column > first.column &&
        (m.year?.year ?? 0) > (first.year?.year ?? 0),
    );
    if (
      plainYears.length === 1 &&
      first !== undefined &&
      (result.filter((m) => m.role === 'actual').length > 1 || laterTarget)
    ) {
      result[first.column] = {
        ...first,
        role: 'baseline',
        evidence: `${first.evidence}; the first year column, with no 基準 column`,
      };
    }
  }
  if (!result.some((m) => m.role === 'name')) {
    const firstValue = result.findIndex((m) => VALUE_ROLES.has(m.role));
    const candidate = result
      .slice(0, firstValue)
      .reverse()
      // 区分 (a note column elsewhere) heads the names where no other cell does.
      .find(
        (m) =>
          m.role === 'ignore' || m.role === 'group' || (m.role === 'note' && /^区分$/u.test(m.header.trim())),
      );
    if (candidate !== undefined) {
      result[candidate.column] = {
        ...candidate,
        role: 'name',
        confidence: 0.5,
        evidence: `${candidate.evidence}; the text column before the first value column`,
      };
    }
  }
  return result;
}

/**
 * 現況 / 現在値 (the state when the table was written) beside a target and no 基準 column is the base the target is
 * set from (「指標 | 現況 2002年 | 中間年度の目標 2014年」), as 現状 is; beside a 基準 column it stays the latest figure.
 */
function stateColumnAsBase(result: ColumnMapping[]): void {
  if (result.some((m) => m.role === 'baseline') || !result.some((m) => m.role === 'target')) return;
  const actuals = result.filter((m) => m.role === 'actual');
  const only = actuals[0];
  if (actuals.length !== 1 || only === undefined) return;
  const header = normalizeText(only.header);
  if (!/現況|現在/u.test(header) || /実績|最新|直近|結果/u.test(header)) return;
  result[only.column] = {
    ...only,
    role: 'baseline',
    evidence: `${only.evidence}; the state beside the target, with no 基準 column`,
  };
}

/**
 * What a saved mapping is matched by: the header cells of a table's first header row as read (normalised, spaces
 * out), joined. Next year's file from the same office has the same headers, so the same signature; the empty
 * string when no header was found.
 */
export function headerSignature(mappings: readonly { readonly columns: readonly ColumnMapping[] }[]): string {
  const first = mappings[0];
  if (first === undefined) return '';
  return first.columns.map((m) => normalizeText(m.header).replace(/\s+/gu, '')).join(' | ');
}
