import type {
  RsEvaluation,
  RsFileType,
  RsIndicator,
  RsLink,
  RsProjectInfo,
  RsRecord,
} from '@kotei/importers/rs';
import type { DB } from '../db/schema.js';

/** The tables a file type's rows replace, per project, on import (1-1 and 1-2 upsert rs_project instead). */
export const RS_TABLES_OF: Record<RsFileType, readonly (keyof DB)[]> = {
  '1-1': [],
  '1-2': [],
  '1-3': ['rs_policy'],
  '2-1': ['rs_budget_year', 'rs_budget_account'],
  '2-2': ['rs_budget_item'],
  '3-1': ['rs_node', 'rs_node_year'],
  '3-2': ['rs_node_link'],
  '4-1': ['rs_evaluation'],
};

/** Rows for each table, as one batch of records becomes them. */
export type RsRows = { [T in keyof DB]?: DB[T][] };

function push<T extends keyof DB>(rows: RsRows, table: T, row: DB[T]): void {
  const list = (rows[table] ??= []) as DB[T][];
  list.push(row);
}

/** A project's 1-2 row(s) as one rs_project row; several 主要経費 are joined with '、'. */
export function projectRow(records: readonly RsProjectInfo[]): DB['rs_project'] {
  const [first] = records;
  if (first === undefined) throw new Error('no 1-2 record');
  const expenses = [...new Set(records.map((r) => r.majorExpense).filter((e): e is string => e !== null))];
  return {
    sheet_year: first.sheetYear,
    rs_id: first.rsId,
    name: first.name,
    ministry: first.ministry,
    policy_ministry: first.policyMinistry,
    unit: first.unit,
    purpose: first.purpose,
    overview: first.overview,
    url: first.url,
    category: first.category,
    start_year: first.startYear,
    end_year: first.endYear,
    major_expense: expenses.length > 0 ? expenses.join('、') : null,
  };
}

/**
 * Turns records (other than 1-2, which the writer groups per project first) into table rows. `seq` numbers a
 * project's repeated rows (accounts, items, policies, edges) in file order, from the counter it is given.
 */
export function rowsOf(records: readonly RsRecord[], seq: (key: string) => number): RsRows {
  const rows: RsRows = {};
  for (const r of records) {
    const key = { sheet_year: r.sheetYear, rs_id: r.rsId };
    const next = (): number => seq(`${r.sheetYear}:${r.rsId}`);
    switch (r.kind) {
      case 'organisation':
        push(rows, 'rs_project', {
          ...key,
          name: r.name,
          ministry: r.ministry,
          policy_ministry: r.policyMinistry,
          unit: r.unit,
          purpose: null,
          overview: null,
          url: null,
          category: null,
          start_year: null,
          end_year: null,
          major_expense: null,
        });
        break;
      case 'project':
        throw new Error('1-2 records are grouped by the writer');
      case 'policy':
        if (r.policy)
          push(rows, 'rs_policy', {
            ...key,
            seq: next(),
            kind: 'policy',
            name: r.policy.policy,
            detail: r.policy.measure,
            url: null,
          });
        if (r.law)
          push(rows, 'rs_policy', {
            ...key,
            seq: next(),
            kind: 'law',
            name: r.law.name,
            detail: [r.law.lawNumber, r.law.article].filter(Boolean).join(' ') || null,
            url: null,
          });
        if (r.plan)
          push(rows, 'rs_policy', {
            ...key,
            seq: next(),
            kind: 'plan',
            name: r.plan.name,
            detail: null,
            url: r.plan.url,
          });
        break;
      case 'budget-summary':
        push(rows, 'rs_budget_year', {
          ...key,
          budget_year: r.budgetYear,
          initial: r.initial,
          supplementary: r.supplementary,
          carried_in: r.carriedIn,
          reserve: r.reserve,
          total: r.total,
          executed: r.executed,
          carried_out: r.carriedOut,
          next_request: r.nextRequest,
          execution_rate: r.executionRate,
          reason: r.reason,
          note: r.note,
        });
        break;
      case 'budget-detail':
        push(rows, 'rs_budget_account', {
          ...key,
          budget_year: r.budgetYear,
          seq: next(),
          account_type: r.accountType,
          account: r.account,
          sub_account: r.subAccount,
          initial: r.initial,
          supplementary: r.supplementary,
          total: r.total,
          executed: r.executed,
        });
        break;
      case 'budget-item':
        push(rows, 'rs_budget_item', {
          ...key,
          budget_year: r.budgetYear,
          seq: next(),
          account_type: r.accountType,
          account: r.account,
          budget_kind: r.budgetKind,
          item: r.item,
          amount: r.amount,
          next_request: r.nextRequest,
        });
        break;
      case 'indicator':
      case 'link':
      case 'evaluation':
        modelRows(rows, r, next);
        break;
    }
  }
  return rows;
}

/** 3-1, 3-2 and 4-1 records as rows. */
function modelRows(rows: RsRows, r: RsIndicator | RsLink | RsEvaluation, next: () => number): void {
  const key = { sheet_year: r.sheetYear, rs_id: r.rsId };
  switch (r.kind) {
    case 'indicator': {
      const node = { ...key, node_type: r.nodeType, number: r.number };
      push(rows, 'rs_node', {
        ...node,
        period: r.period,
        goal_type: r.goalType,
        goal: r.goal,
        indicator: r.indicator,
        unit: r.unit,
        direction: r.direction,
        data_source: r.dataSource,
        qualitative_result: r.qualitativeResult,
        target_years: r.targetYears.join(','),
      });
      for (const y of r.years)
        push(rows, 'rs_node_year', {
          ...node,
          year: y.year,
          target: y.target,
          actual: y.actual,
          achievement: y.achievement,
        });
      break;
    }
    case 'link':
      push(rows, 'rs_node_link', {
        ...key,
        seq: next(),
        from_type: r.fromType,
        from_number: r.fromNumber,
        to_type: r.toType,
        to_number: r.toNumber,
        explanation: r.explanation,
      });
      break;
    case 'evaluation':
      push(rows, 'rs_evaluation', {
        ...key,
        self_check: r.selfCheck,
        direction: r.direction,
        effect_evaluation: r.effectEvaluation,
        external_finding: r.externalFinding,
        team_finding: r.teamFinding,
        team_finding_detail: r.teamFindingDetail,
        reflection: r.reflection,
        reflection_detail: r.reflectionDetail,
      });
      break;
  }
}
