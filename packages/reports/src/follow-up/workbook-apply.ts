import type { DataTable, DataValue } from './open-data.js';
import type { CellChange, WorkbookIssue } from './workbook-read.js';

/**
 * One edit a plan-level report workbook may make. A workbook corrects wording and figures of what the plan
 * already holds; it never adds, removes or moves anything (structure is a revision's work, #13), never touches a
 * published round's progress (a correction, 正誤, is its own entry) and never sets a computed column.
 */
export type PlanEdit =
  | { kind: 'measure'; id: string; field: 'title'; value: string }
  | { kind: 'phase'; id: string; field: 'text'; value: string }
  | { kind: 'kpi'; id: string; field: 'name' | 'unit' | 'note'; value: string }
  | { kind: 'kpi'; id: string; field: 'baseline_value' | 'target_value'; value: number };

/** The columns a workbook may change, by table; every other column is read-only. */
export const EDITABLE_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  measures: ['title'],
  phases: ['text'],
  kpis: ['name', 'unit', 'note', 'baseline_value', 'target_value'],
};

/**
 * The columns computed from the data (statuses and grades): never input. A workbook exported before a change
 * shows older ones, so they are left out of the comparison rather than reported.
 */
export const COMPUTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  measures: ['status'],
  phases: ['status'],
  kpis: ['status', 'abnf_grade'],
};

/** A changed cell of a column that holds data, not a computed status. */
export const isInputChange = (change: CellChange): boolean =>
  !(COMPUTED_COLUMNS[change.table] ?? []).includes(change.field);

// Text a cell may hold: at most this long, and no control characters (line breaks only in a note).
const MAX_TEXT: Record<string, number> = { title: 2000, text: 2000, name: 1000, unit: 40, note: 4000 };
const MAY_BE_BLANK = new Set(['unit', 'note']);
const MULTILINE = new Set(['note', 'text', 'title']);
// eslint-disable-next-line no-control-regex
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function issueOf(change: CellChange, expected: string, message: string): WorkbookIssue {
  return {
    worksheet: change.worksheet,
    cell: change.cell,
    field: change.field,
    found: change.after === null ? '(empty)' : String(change.after),
    expected,
    message: `${change.worksheet}!${change.cell} (${change.field}): ${message}`,
  };
}

function refusal(change: CellChange): WorkbookIssue {
  if (change.rowId === null)
    return issueOf(
      change,
      'a row of the plan',
      'a new row: measures, KPIs and phases are added by a revision',
    );
  if (change.table === 'progress')
    return issueOf(
      change,
      'the published text',
      "a published round's progress is not edited in place; a correction (正誤) is a new entry",
    );
  const editable = EDITABLE_COLUMNS[change.table] ?? [];
  return issueOf(
    change,
    'the value as exported',
    editable.length === 0
      ? `the worksheet is read-only in a workbook`
      : `read-only in a workbook (editable here: ${editable.join(', ')}); structure and periods change by a revision`,
  );
}

function textIssue(change: CellChange): WorkbookIssue | null {
  const value = change.after;
  const blankOk = MAY_BE_BLANK.has(change.field);
  if (value === null || (typeof value === 'string' && value.trim() === ''))
    return blankOk ? null : issueOf(change, 'text', 'must not be empty');
  const text = String(value);
  const max = MAX_TEXT[change.field] ?? 1000;
  if (text.length > max) return issueOf(change, `at most ${String(max)} characters`, 'too long');
  const controls = MULTILINE.has(change.field) ? CONTROL_IN_TEXT : CONTROL_IN_LINE;
  if (controls.test(text))
    return issueOf(change, 'text without control characters', 'holds control characters');
  return null;
}

type Row = DataValue[];

/** The row of a table by its id (first field); the first where an id repeats (a reposted measure). */
function rowById(table: DataTable | undefined, id: string): Row | undefined {
  return table?.rows.find((row) => row[0] === id);
}

function periodOf(table: DataTable | undefined, id: string, field: string): DataValue {
  const row = rowById(table, id);
  const c = table?.fields.findIndex((f) => f.name === field) ?? -1;
  return row && c >= 0 ? (row[c] ?? null) : null;
}

/**
 * Which of a workbook's changed cells apply to the plan, as edits, and an issue (worksheet, cell, expected) for
 * every other one. A preview and its acceptance run the same rule, so what was shown is what is written.
 */
export function planEditsOf(
  current: readonly DataTable[],
  uploaded: readonly DataTable[],
  changes: readonly CellChange[],
): { edits: PlanEdit[]; issues: WorkbookIssue[] } {
  const issues: WorkbookIssue[] = [];
  const edits = new Map<string, { edit: PlanEdit; change: CellChange }>();
  const kpis = current.find((t) => t.name === 'kpis');
  for (const change of changes) {
    const editable = EDITABLE_COLUMNS[change.table] ?? [];
    if (change.rowId === null || !editable.includes(change.field)) {
      issues.push(refusal(change));
      continue;
    }
    const id = change.rowId;
    let edit: PlanEdit;
    if (change.field === 'baseline_value' || change.field === 'target_value') {
      const point = change.field === 'baseline_value' ? 'baseline_period' : 'target_period';
      if (typeof change.after !== 'number') {
        issues.push(issueOf(change, 'a number', 'a value is corrected, not removed; removal is a revision'));
        continue;
      }
      if (periodOf(kpis, id, point) === null) {
        issues.push(
          issueOf(change, 'empty', `the KPI has no ${point.replace('_period', '')}: a revision adds one`),
        );
        continue;
      }
      edit = { kind: 'kpi', id, field: change.field, value: change.after };
    } else {
      const problem = textIssue(change);
      if (problem) {
        issues.push(problem);
        continue;
      }
      const value = change.after === null ? '' : String(change.after).trim();
      edit =
        change.table === 'measures'
          ? { kind: 'measure', id, field: 'title', value }
          : change.table === 'phases'
            ? { kind: 'phase', id, field: 'text', value }
            : { kind: 'kpi', id, field: change.field as 'name' | 'unit' | 'note', value };
    }
    const key = `${edit.kind}:${id}:${edit.field}`;
    const earlier = edits.get(key);
    if (earlier && earlier.edit.value !== edit.value) {
      issues.push(
        issueOf(
          change,
          `the same as ${earlier.change.worksheet}!${earlier.change.cell}`,
          'the measure is shown on several sheets: give every row the same title',
        ),
      );
      continue;
    }
    edits.set(key, { edit, change });
  }
  issues.push(...removedRows(current, uploaded));
  // A reposted measure's rows must agree: an edit on one row and the old title on another is ambiguous.
  for (const { edit, change } of edits.values()) {
    if (edit.kind !== 'measure') continue;
    const rows = uploaded.find((t) => t.name === 'measures')?.rows.filter((r) => r[0] === edit.id) ?? [];
    if (rows.some((r) => r[3] !== edit.value))
      issues.push(
        issueOf(
          change,
          'every row of the measure alike',
          'the measure is shown on several sheets: edit every row',
        ),
      );
  }
  return { edits: issues.length > 0 ? [] : [...edits.values()].map((e) => e.edit), issues };
}

// A row left out of the upload is not a deletion: a workbook removes nothing.
function removedRows(current: readonly DataTable[], uploaded: readonly DataTable[]): WorkbookIssue[] {
  const issues: WorkbookIssue[] = [];
  for (const table of uploaded) {
    const before = current.find((t) => t.name === table.name);
    if (!before) continue;
    const count = (rows: readonly Row[]) => {
      const n = new Map<string, number>();
      for (const r of rows) n.set(String(r[0] ?? ''), (n.get(String(r[0] ?? '')) ?? 0) + 1);
      return n;
    };
    const now = count(table.rows);
    for (const [id, n] of count(before.rows)) {
      if ((now.get(id) ?? 0) >= n) continue;
      issues.push({
        worksheet: `data_${table.name}`,
        cell: 'A1',
        field: table.fields[0]?.name ?? null,
        found: `${String(now.get(id) ?? 0)} row(s) with ${id}`,
        expected: `${String(n)} row(s) with ${id}`,
        message: `data_${table.name}: a row of ${id} is missing; a workbook removes nothing (a revision does)`,
      });
    }
  }
  return issues;
}
