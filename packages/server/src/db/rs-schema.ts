// The RS tables' columns as Kysely sees them; part of the DB interface in schema.ts.

/** RS (行政事業レビュー) open data, keyed by sheet year and 予算事業ID (migration 2026-12-08T0200). */
export interface RsKeyColumns {
  sheet_year: number;
  rs_id: number;
}

export interface RsProjectTable extends RsKeyColumns {
  name: string;
  ministry: string;
  policy_ministry: string | null;
  unit: string;
  purpose: string | null;
  overview: string | null;
  url: string | null;
  category: string | null;
  start_year: number | null;
  end_year: number | null;
  major_expense: string | null;
}

export interface RsBudgetYearTable extends RsKeyColumns {
  budget_year: number;
  initial: number | null;
  supplementary: number | null;
  carried_in: number | null;
  reserve: number | null;
  total: number | null;
  executed: number | null;
  carried_out: number | null;
  next_request: number | null;
  execution_rate: number | null;
  reason: string | null;
  note: string | null;
}

export interface RsBudgetAccountTable extends RsKeyColumns {
  budget_year: number;
  seq: number;
  account_type: string;
  account: string | null;
  sub_account: string | null;
  initial: number | null;
  supplementary: number | null;
  total: number | null;
  executed: number | null;
}

export interface RsBudgetItemTable extends RsKeyColumns {
  budget_year: number;
  seq: number;
  account_type: string | null;
  account: string | null;
  budget_kind: string | null;
  item: string;
  amount: number | null;
  next_request: number | null;
}

export interface RsPolicyTable extends RsKeyColumns {
  seq: number;
  kind: 'policy' | 'law' | 'plan';
  name: string | null;
  detail: string | null;
  url: string | null;
}

export interface RsNodeTable extends RsKeyColumns {
  node_type: string;
  number: number;
  period: string | null;
  goal_type: string | null;
  goal: string | null;
  indicator: string | null;
  unit: string | null;
  direction: string | null;
  data_source: string | null;
  qualitative_result: string | null;
  /** The target years, comma-separated (`2024`), '' when none. */
  target_years: string;
}

export interface RsNodeYearTable extends RsKeyColumns {
  node_type: string;
  number: number;
  year: number;
  target: string | null;
  actual: string | null;
  achievement: string | null;
}

export interface RsNodeLinkTable extends RsKeyColumns {
  seq: number;
  from_type: string;
  from_number: number;
  to_type: string;
  to_number: number;
  explanation: string | null;
}

export interface RsEvaluationTable extends RsKeyColumns {
  self_check: string | null;
  direction: string | null;
  effect_evaluation: string | null;
  external_finding: string | null;
  team_finding: string | null;
  team_finding_detail: string | null;
  reflection: string | null;
  reflection_detail: string | null;
}

/** A coordinator's decision on a budget project ↔ RS project pair (a hand link is a confirmed one). */
export interface RsBudgetLinkTable {
  id: string;
  budget_project_id: string;
  rs_id: number;
  state: 'confirmed' | 'rejected';
  confidence: number | null;
  decided_by: string;
  decided_at: string;
}
