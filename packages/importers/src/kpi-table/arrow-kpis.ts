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
const BULLET = /^[●○◯◆◇■□・*]\s*/u;
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

function statementOf(text: string): Statement | null {
  const notes: string[] = [];
  const flat = normalizeText(withoutCircledNumber(text)).replace(BULLET, '').replace(BROKEN, '');
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

/**
 * Reads the KPIs a headerless table states cell by cell as 「名称=基準→目標」: the other cells of the row are its
 * group, a note of two periods joined by an arrow dates the figures that write no year of their own.
 */
export function readArrowKpis(grid: Grid, rows: readonly GridRow[], hint: EraHint): ArrowReading {
  const kpis: TableKpi[] = [];
  const issues: ParseIssue[] = [];
  const periods = rows
    .flatMap((row) => row.cells.map((cell) => periodArrow(normalizeText(cell.text), hint)))
    .find((found) => found !== null);
  for (const row of rows) {
    for (const cell of row.cells) {
      const statement = statementOf(cell.text);
      if (statement === null) continue;
      const base = readValueCell(statement.base, hint);
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
      const others = row.cells.filter((c) => c !== cell && c.text.trim() !== '').map((c) => c.text);
      const baseline = pointOf(base, periods?.from ?? null, cell, statement.base);
      const goal = pointOf(target, periods?.to ?? null, cell, statement.target);
      const decreasing =
        target.direction === 'decrease' ||
        goal?.bound === 'max' ||
        (goal?.value != null && baseline?.value != null && goal.value < baseline.value);
      kpis.push({
        name: statement.name,
        unit: [goal?.unit, baseline?.unit].find((u) => u !== undefined && u !== '') ?? '',
        section: grid.sheet,
        group: others.length === 0 ? null : normalizeText(others.join(' ')).replace(BROKEN, ''),
        baseline,
        target: goal,
        actuals: [],
        latest: null,
        direction: decreasing ? 'decrease' : target.direction,
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
