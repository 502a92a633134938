import { normalizeText } from '@kotei/domain';
import type { ParseIssue } from '../parse-issue.js';
import type { ValueReading } from './cell-value.js';
import { readValueCell, withoutCircledNumber } from './cell-value.js';
import type { Grid, GridCell, GridRow } from './grid.js';
import type { TableKpi, TablePoint } from './table-kpis.js';
import type { EraHint, YearReading } from './years.js';
import { readYear } from './years.js';

// A KPI stated in one cell as its name, its base and its target: 「●汚水・衛生処理率=70.1%→72.3%」,
// 「婚姻率:5.5‰(平成25年)→5.9‰(平成31年)」. Tables of 目標例 in 広報 and 総合戦略 summaries write KPIs so, with no
// header over them.
const STATEMENT = /^(?<name>[^=:→]+?)\s*[=:]\s*(?<base>[^=→]+?)\s*→\s*(?<target>[^=→]+)$/u;
// A bullet, or the 「?」 a lost bullet leaves in text a crawler stored.
const BULLET = /^[●○◯◆◇■□・*?？]\s*/u;
// Arrows of every shape read as one (「75%(H15)⇒90%(H27)」).
const ARROWS = /[⇒⇨➡➔⟶➝→]/gu;
// A statement with no name of its own, 「75%(H15)⇒90%(H27)」, or a label before its figures (「全国42%(H15)⇒50%(H22)」,
// 「1)一定のバリアフリー【29%(H15)⇒75%(H27)】」): the name is on the line above.
const BARE =
  /^(?<label>[^\d→【】=:]*?)\s*【?\s*(?<base>(?:約|概ね|おおむね)?\d[^→【】]*?)\s*→\s*(?<target>(?:約|概ね|おおむね)?\d[^→【】]*?)\s*】?$/u;
// A name, a space, then the sides (「第1子出産直後の女性の継続就業率 55% 目標→53.1%(2015年)」): the name may hold
// digits and brackets of its own, which the form above would cut it at.
const SPACED =
  /^(?<label>\S.*?)\s+(?<base>(?:延べ|のべ|約|概ね|おおむね)?\d[^→【】]*?)\s*→\s*(?<target>(?:延べ|のべ|約|概ね|おおむね)?\d[^→【】]*?)$/u;
// A sub-item's number (「1)」, 「(2)」), before its name on a line of its own or before a label.
const SUB_NUMBER = /^(?:[(（]?\d{1,2}[)）]|[\u2460-\u2473])\s*/u;
// 「― 件/年」: no base, its unit still written.
const NO_VALUE = /^[―─\-—–ー‐−]+\s*[^\d\s]*$/u;
// A trailing rate base (「(10万人あたり)」) qualifies the figures; it is kept as a note.
const RATE_NOTE = /\s*[(]([^()]*(?:当たり|あたり))[)]\s*$/u;
// Japanese words broken over lines read as one word.
const BROKEN =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s+(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー(])/gu;

/** The periods a table's note gives its arrows (「(●は平成15年度→平成18年度の目標例)」), or null. */
function periodArrow(text: string, hint: EraHint): { from: YearReading; to: YearReading } | null {
  if (/[=:]/u.test(text)) return null;
  const [left, right, ...rest] = text.split('→');
  if (left === undefined || right === undefined || rest.length > 0) return null;
  const from = readYear(left.slice(-12), hint);
  const to = readYear(right.slice(0, 12), hint);
  return from !== null && to !== null ? { from, to } : null;
}

interface Statement {
  readonly name: string;
  readonly base: string;
  readonly target: string;
  readonly notes: string[];
}

function flatText(text: string): string {
  return normalizeText(withoutCircledNumber(text))
    .replace(ARROWS, '→')
    .replace(BULLET, '')
    .replace(BROKEN, '');
}

/** A statement whose name is on the line above: its label (「全国」, 「一定のバリアフリー」 or empty) and sides. */
function bareStatementOf(
  text: string,
): { label: string; numbered: boolean; base: string; target: string } | null {
  const flat = flatText(text);
  const numbered = SUB_NUMBER.test(flat);
  const rest = flat.replace(SUB_NUMBER, '');
  const spaced = SPACED.exec(rest);
  const match =
    spaced !== null && /[\d(（]/u.test(spaced.groups?.label ?? '') ? spaced : (BARE.exec(rest) ?? spaced);
  if (match?.groups === undefined) return null;
  const { label, base, target } = match.groups as { label: string; base: string; target: string };
  return { label: label.trim(), numbered, base: base.trim(), target: target.trim() };
}

function statementOf(text: string): Statement | null {
  const notes: string[] = [];
  const flat = flatText(text);
  const withoutNote = flat.replace(RATE_NOTE, (_whole, note: string) => {
    notes.push(note);
    return '';
  });
  const match = STATEMENT.exec(withoutNote);
  if (match?.groups === undefined) return null;
  const { name, base, target } = match.groups as { name: string; base: string; target: string };
  const hasValue = (side: string): boolean => /\d/u.test(side) || NO_VALUE.test(side.trim());
  if (!hasValue(base) || !/\d/u.test(target)) return null;
  const noBase = NO_VALUE.test(base.trim());
  return { name: name.trim(), base: noBase ? '―' : base.trim(), target: target.trim(), notes };
}

// A side that could not be read, or says there is none (「―」), gives no point.
function pointOf(
  reading: ValueReading,
  year: YearReading | null,
  cell: GridCell,
  raw: string,
): TablePoint | null {
  if (!reading.isReadable || (reading.isEmpty && reading.value === null)) return null;
  const period = reading.period ?? year;
  return {
    value: reading.value,
    year: period?.year ?? null,
    fiscal: period?.fiscal ?? true,
    label: period?.label ?? '',
    unit: reading.unit,
    breakdown: reading.breakdown,
    bound: reading.bound,
    ref: cell.ref,
    raw,
  };
}

/** What reading arrow statements gave: the KPIs and the cells it could not read. */
export interface ArrowReading {
  readonly kpis: TableKpi[];
  readonly issues: ParseIssue[];
}

interface Located {
  readonly row: GridRow;
  readonly cell: GridCell;
  readonly statement: Statement;
  /** The heading over it: the row's other cells, or the line of words above its name. */
  readonly group: string | null;
}

// Names on lines of their own, each followed by its 「基準→目標」 line (a 基本計画's summary of 成果指標): a line of
// words names the statements after it; a numbered line (「1)…」) or a short label (「全国」) names a sub-item of it;
// a line of words followed by another is the heading of a group.
class ListNames {
  private name: string | null = null;
  private sub: string | null = null;
  private used = false;
  group: string | null = null;

  line(text: string): void {
    const flat = flatText(text);
    if (/。/u.test(flat) || flat.length > 60) {
      [this.name, this.sub, this.group, this.used] = [null, null, null, false];
    } else if (SUB_NUMBER.test(flat)) {
      this.sub = flat.replace(SUB_NUMBER, '').trim();
    } else {
      if (this.name !== null && !this.used) this.group = this.name;
      [this.name, this.sub, this.used] = [flat, null, false];
    }
  }

  /** The name of a statement with no name of its own, or null when no line above gives one. */
  nameOf(label: string, numbered: boolean): string | null {
    if (label !== '' && !numbered && label.length > 4) {
      if (this.name !== null && !this.used) this.group = this.name;
      [this.name, this.used] = [label, true];
      return label;
    }
    if (this.name === null) return label === '' ? null : label;
    if (label !== '') return `${this.name} ${label}`;
    const named = this.sub === null ? this.name : `${this.name} ${this.sub}`;
    if (this.sub === null) this.used = true;
    this.sub = null;
    return named;
  }
}

/** Every statement of the rows, named in its cell or by the lines above it. */
function locatedStatements(rows: readonly GridRow[]): Located[] {
  const found: Located[] = [];
  const bare: Located[] = [];
  const names = new ListNames();
  for (const row of rows) {
    const filled = row.cells.filter((cell) => cell.text.trim() !== '');
    for (const cell of filled) {
      const statement = statementOf(cell.text);
      if (statement !== null) {
        const others = filled.filter((c) => c !== cell).map((c) => c.text);
        found.push({ row, cell, statement, group: others.length === 0 ? null : others.join(' ') });
      }
    }
    const only = filled.length === 1 ? filled[0] : undefined;
    if (only === undefined || statementOf(only.text) !== null) continue;
    const side = bareStatementOf(only.text);
    if (side === null) {
      names.line(only.text);
      continue;
    }
    const name = names.nameOf(side.label, side.numbered);
    if (name === null) continue;
    bare.push({
      row,
      cell: only,
      statement: { name, base: side.base, target: side.target, notes: [] },
      group: names.group,
    });
  }
  // One bare statement alone is no list: a figure moving from one year to another in a table of another kind.
  return bare.length >= 2 ? [...found, ...bare].sort((x, y) => x.row.line - y.row.line) : found;
}

/**
 * Reads the KPIs a headerless table states cell by cell as 「名称=基準→目標」: the other cells of the row are its
 * group, a note of two periods joined by an arrow dates the figures that write no year of their own.
 */
export function readArrowKpis(grid: Grid, rows: readonly GridRow[], hint: EraHint): ArrowReading {
  const kpis: TableKpi[] = [];
  const issues: ParseIssue[] = [];
  const periods = rows
    .flatMap((row) =>
      row.cells.map((cell) =>
        bareStatementOf(cell.text) === null ? periodArrow(normalizeText(cell.text), hint) : null,
      ),
    )
    .find((found) => found !== null);
  for (const { row, cell, statement, group } of locatedStatements(rows)) {
    {
      // The word 目標 on a side marks it as the target (「122万人 目標」, 「267万人(2017年度 目標)」), no part of its unit.
      const base = readValueCell(statement.base.replace(/\s*目標(?=\s*[)）]|\s*$)/u, ''), hint);
      const target = readValueCell(statement.target, hint);
      for (const [side, reading, raw] of [
        ['base', base, statement.base],
        ['target', target, statement.target],
      ] as const) {
        if (reading.isReadable) continue;
        issues.push({
          code: 'kpi-value-unreadable',
          line: row.line,
          cell: cell.ref,
          found: raw,
          expected:
            'a KPI stated as 「名称=基準値→目標値」 with figures, e.g. 「交通事故件数=12,039件→10,000件未満」',
          message: `The ${side} of 「${statement.name}」 could not be read; it was left empty.`,
          severity: 'warning',
        });
      }
      if (!base.isReadable && !target.isReadable) continue;
      // 「122万人 目標→123万人(2018年5月)」: the side the word 目標 marks is the target, the other the latest actual.
      const progress = /目標/u.test(statement.base) && !/目標/u.test(statement.target);
      const left = pointOf(base, periods?.from ?? null, cell, statement.base);
      const right = pointOf(target, periods?.to ?? null, cell, statement.target);
      const baseline = progress ? null : left;
      const goal = progress ? left : right;
      const latest = progress ? right : null;
      // The reading of the target's side says where the KPI should go.
      const aim = progress ? base : target;
      const decreasing =
        aim.direction === 'decrease' ||
        goal?.bound === 'max' ||
        (goal?.value != null && baseline?.value != null && goal.value < baseline.value);
      kpis.push({
        name: statement.name,
        unit: [goal?.unit, baseline?.unit].find((u) => u !== undefined && u !== '') ?? '',
        section: grid.sheet,
        group: group === null ? null : normalizeText(group).replace(BROKEN, ''),
        baseline,
        target: goal,
        actuals: latest === null ? [] : [latest],
        latest,
        direction: decreasing ? 'decrease' : aim.direction,
        notes: statement.notes,
        status: '',
        owner: '',
        sheet: grid.sheet,
        line: row.line,
        lineTo: row.line,
        rawText: row.cells.map((c) => c.text).join(' | '),
      });
    }
  }
  return { kpis, issues };
}
