import { BUDGET_TYPES, type BudgetType } from '../model/codes.js';
import type { ErrorDetail } from '../model/errors.js';
import type { BudgetLine, Id } from '../model/entities.js';
import type { StructureChange } from './diff.js';
import type { Node, PlanStructure } from './structure.js';

/** One budget of a project in one fiscal year, as a revision fixes it: the model's line, the same fields. */
export type BudgetLineNode = BudgetLine;

/** 該当事業: a budget project linked to measures, with its budget lines. */
export interface BudgetNode extends Node {
  measureIds: Id[];
  name: string;
  ministry: string | null;
  lines: BudgetLineNode[];
}

/** A budget line as an editor writes it. */
export interface BudgetLineInput {
  id: Id;
  amountYen: number | null;
  fiscalYear: number | null;
  type: BudgetType;
}

/** The budget edits of a draft revision: add a project to a measure, change it, retire it. */
export type BudgetEdit =
  | { op: 'budget.add'; id: Id; measureId: Id; name: string; ministry: string | null; line: BudgetLineInput }
  | {
      op: 'budget.update';
      id: Id;
      name?: string;
      /** The line the amount, year and kind are of; the project's first line when not given. */
      lineId?: Id;
      amountYen?: number | null;
      fiscalYear?: number | null;
      type?: BudgetType;
    }
  | { op: 'budget.retire'; id: Id };

const TYPE_JA: Record<BudgetType, string> = { initial: '当初予算', supplementary: '補正予算', fund: '基金' };

/** An amount of yen as the documents write it: 30億円, 3.5億円, 500百万円, —. */
export function yenText(amount: number | null): string {
  if (amount === null) return '—';
  if (amount >= 100_000_000)
    return `${(amount / 100_000_000).toLocaleString('ja-JP', { maximumFractionDigits: 2 })}億円`;
  if (amount >= 1_000_000 && amount % 1_000_000 === 0)
    return `${(amount / 1_000_000).toLocaleString('ja-JP')}百万円`;
  return `${amount.toLocaleString('ja-JP')}円`;
}

/** A line's label as kotei writes it: 「令和7年度当初予算 30億円」 without the era, 「2025年度 当初予算 30億円」. */
function labelOf(line: Omit<BudgetLineNode, 'label' | 'isPartOf'>): string {
  const year = line.fiscalYear === null ? '' : `${String(line.fiscalYear)}年度 `;
  return `${year}${TYPE_JA[line.type]} ${yenText(line.amountYen)}`;
}

function checkLine(line: Partial<BudgetLineInput>, path: string, errors: ErrorDetail[]): void {
  const amount = line.amountYen;
  if (amount !== undefined && amount !== null && (!Number.isSafeInteger(amount) || amount < 0))
    errors.push({
      path: `${path}amountYen`,
      message: 'must be whole yen, not negative',
      ja: '0以上の金額（円単位）を入力してください',
    });
  const year = line.fiscalYear;
  if (year !== undefined && year !== null && (!Number.isInteger(year) || year < 1900 || year > 2200))
    errors.push({
      path: `${path}fiscalYear`,
      message: 'must be a fiscal year (1900–2200)',
      ja: '年度（1900～2200）を入力してください',
    });
  if (line.type !== undefined && !BUDGET_TYPES.includes(line.type))
    errors.push({
      path: `${path}type`,
      message: `must be one of ${BUDGET_TYPES.join(', ')}`,
      ja: `予算の区分は${BUDGET_TYPES.join('・')}のいずれかです`,
    });
}

/**
 * Apply one budget edit to a structure in place (the caller cloned it), pushing each refused field: a project
 * on a measure that does not exist or is retired, an unknown ministry, a negative or fractional amount, a
 * fiscal year out of range, an unknown or retired project or line.
 */
export function applyBudgetEdit(
  s: PlanStructure,
  edit: BudgetEdit,
  ministries: ReadonlySet<string>,
  errors: ErrorDetail[],
): void {
  const budgets = (s.budgets ??= []);
  if (edit.op === 'budget.add') {
    if (budgets.some((b) => b.id === edit.id))
      errors.push({
        path: 'id',
        message: `a budget project with id ${edit.id} already exists`,
        ja: '同じIDの該当事業がすでにあります',
      });
    if (!s.measures.some((m) => m.id === edit.measureId && !m.retired))
      errors.push({
        path: 'measureId',
        message: `no measure ${edit.measureId} in the plan`,
        ja: 'この計画に該当する施策がありません',
      });
    if (edit.name.trim() === '')
      errors.push({ path: 'name', message: 'must not be empty', ja: '入力してください' });
    if (edit.ministry !== null && !ministries.has(edit.ministry))
      errors.push({
        path: 'ministry',
        message: `no ministry "${edit.ministry}"`,
        ja: `「${edit.ministry}」という府省庁はありません`,
      });
    checkLine(edit.line, 'line.', errors);
    const line = { ...edit.line, isPartOf: false };
    budgets.push({
      id: edit.id,
      order: budgets.reduce((max, b) => Math.max(max, b.order + 1), 0),
      retired: false,
      measureIds: [edit.measureId],
      name: edit.name.trim(),
      ministry: edit.ministry,
      lines: [{ ...line, label: labelOf(line) }],
    });
    return;
  }
  const budget = budgets.find((b) => b.id === edit.id);
  if (budget === undefined || budget.retired)
    return void errors.push({
      path: 'id',
      message: `no budget project ${edit.id} in the plan${budget ? ' (it is retired)' : ''}`,
      ja: `この計画に該当する該当事業がありません${budget ? '（廃止済み）' : ''}`,
    });
  if (edit.op === 'budget.retire') {
    budget.retired = true;
    return;
  }
  if (edit.name !== undefined) {
    if (edit.name.trim() === '')
      errors.push({ path: 'name', message: 'must not be empty', ja: '入力してください' });
    budget.name = edit.name.trim();
  }
  if (edit.amountYen === undefined && edit.fiscalYear === undefined && edit.type === undefined) return;
  const line = edit.lineId === undefined ? budget.lines[0] : budget.lines.find((l) => l.id === edit.lineId);
  if (line === undefined)
    return void errors.push({
      path: 'lineId',
      message: 'no such budget line in the project',
      ja: 'この事業にその予算行はありません',
    });
  checkLine(edit, '', errors);
  if (edit.amountYen !== undefined) line.amountYen = edit.amountYen;
  if (edit.fiscalYear !== undefined) line.fiscalYear = edit.fiscalYear;
  if (edit.type !== undefined) line.type = edit.type;
  line.label = labelOf(line);
}

/** The measure a budget edit is about (the project's first measure), for a reporter's proposal. */
export function budgetMeasure(s: PlanStructure, edit: BudgetEdit): Id | null {
  if (edit.op === 'budget.add') return edit.measureId;
  return s.budgets?.find((b) => b.id === edit.id)?.measureIds[0] ?? null;
}

/**
 * The budget changes from `a` to `b`, in the policy's words: 「該当事業を追加」, 「予算額 30億円 → 35億円」,
 * 「該当事業を廃止」. Structures from before budgets were kept in revisions have none: nothing is said then.
 */
export function diffBudgets(
  a: PlanStructure,
  b: PlanStructure,
  at: (measureId: Id | null) => Partial<StructureChange>,
): StructureChange[] {
  if (a.budgets === undefined || b.budgets === undefined) return [];
  const before = new Map(a.budgets.map((x) => [x.id, x]));
  const out: StructureChange[] = [];
  for (const y of b.budgets) {
    const x = before.get(y.id);
    const base = {
      entity: 'budget' as const,
      entityId: y.id,
      sheetId: null,
      measureId: null,
      goalId: null,
      name: y.name,
      before: null,
      after: null,
      ...at(y.measureIds[0] ?? null),
    };
    if ((x === undefined || x.retired) && !y.retired) {
      const lines = y.lines.map((l) => l.label).join('、');
      out.push({
        ...base,
        kind: 'added',
        after: lines,
        ja: `該当事業を追加: ${y.name}（${lines}）`,
        en: `Budget project added: ${y.name} (${lines})`,
      });
      continue;
    }
    if (x === undefined) continue;
    if (y.retired) {
      if (!x.retired)
        out.push({ ...base, kind: 'retired', ja: '該当事業を廃止', en: 'Budget project retired' });
      continue;
    }
    if (x.name !== y.name)
      out.push({
        ...base,
        kind: 'renamed',
        before: x.name,
        after: y.name,
        ja: `名称を変更 「${x.name}」→「${y.name}」`,
        en: `Renamed "${x.name}" → "${y.name}"`,
      });
    const lines = new Map(x.lines.map((l) => [l.id, l]));
    for (const line of y.lines) {
      const was = lines.get(line.id);
      if (was === undefined) continue;
      if (was.amountYen !== line.amountYen) {
        const [p, q] = [yenText(was.amountYen), yenText(line.amountYen)];
        out.push({
          ...base,
          kind: 'amount',
          before: p,
          after: q,
          ja: `予算額 ${p} → ${q}`,
          en: `Budget ${p} → ${q}`,
        });
      }
      if (was.fiscalYear !== line.fiscalYear) {
        const [p, q] = [
          was.fiscalYear === null ? '—' : `${String(was.fiscalYear)}年度`,
          line.fiscalYear === null ? '—' : `${String(line.fiscalYear)}年度`,
        ];
        out.push({
          ...base,
          kind: 'fiscalYear',
          before: p,
          after: q,
          ja: `予算年度 ${p} → ${q}`,
          en: `Fiscal year ${p} → ${q}`,
        });
      }
      if (was.type !== line.type)
        out.push({
          ...base,
          kind: 'budgetType',
          before: TYPE_JA[was.type],
          after: TYPE_JA[line.type],
          ja: `予算の区分 ${TYPE_JA[was.type]} → ${TYPE_JA[line.type]}`,
          en: `Budget kind ${was.type} → ${line.type}`,
        });
    }
  }
  return out;
}
