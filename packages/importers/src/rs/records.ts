// What the RS importer reads from each file type, typed. Amounts are yen as published (integers; 予備費等 can
// be negative); text is kept as written (empty → null). Every record carries its key (事業年度, 予算事業ID).

/** The key that joins the RS files: sheet fiscal year (事業年度) and project id (予算事業ID). */
export interface RsKey {
  sheetYear: number;
  rsId: number;
}

/** The 13 common columns, reduced to what kotei keeps. */
export interface RsCommon extends RsKey {
  name: string;
  /** 府省庁 (the ministry that writes the sheet). */
  ministry: string;
  /** 政策所管府省庁 (1-1: 所管府省庁). */
  policyMinistry: string | null;
  /** 局・庁 / 部 / 課 / 室 / 班 / 係 joined with ' ', empty units left out. */
  unit: string;
}

/** 1-1: the lead organisation and the sheet author (one record per project; co-responsible units counted). */
export interface RsOrganisation extends RsCommon {
  kind: 'organisation';
  /** その他担当組織_作成責任者_no; null on the lead row. */
  otherNo: number | null;
  otherUnit: string | null;
}

/** 1-2: the project master. A project with several 主要経費 has several rows; they differ in that column only. */
export interface RsProjectInfo extends RsCommon {
  kind: 'project';
  purpose: string | null;
  issues: string | null;
  overview: string | null;
  url: string | null;
  category: string | null;
  startYear: number | null;
  endYear: number | null;
  majorExpense: string | null;
  oldNumber: string | null;
}

/** 1-3: one policy (政策・施策), legal basis (根拠法令) or related plan (計画・通知) of a project. */
export interface RsPolicy extends RsKey {
  kind: 'policy';
  policy: { no: number; ministry: string | null; policy: string | null; measure: string | null } | null;
  law: {
    no: number;
    name: string | null;
    lawNumber: string | null;
    lawId: string | null;
    article: string | null;
  } | null;
  plan: { no: number; name: string | null; url: string | null } | null;
}

/** 2-1 summary row (会計区分 empty): a project's totals for one 予算年度. */
export interface RsBudgetSummary extends RsKey {
  kind: 'budget-summary';
  budgetYear: number;
  initial: number | null;
  supplementary: number | null;
  carriedIn: number | null;
  reserve: number | null;
  total: number | null;
  executed: number | null;
  /** 執行率 as a fraction (0.83686), as published. */
  executionRate: number | null;
  carriedOut: number | null;
  nextRequest: number | null;
  reason: string | null;
  note: string | null;
}

/** 2-1 detail row: one 会計区分 / 会計 / 勘定 of a 予算年度. */
export interface RsBudgetDetail extends RsKey {
  kind: 'budget-detail';
  budgetYear: number;
  accountType: string;
  account: string | null;
  subAccount: string | null;
  initial: number | null;
  supplementary: number | null;
  total: number | null;
  executed: number | null;
}

/** 2-2: one appropriation item (所管 / 組織・勘定 / 項 / 目) of a 予算年度 and budget kind. */
export interface RsBudgetItem extends RsKey {
  kind: 'budget-item';
  budgetYear: number;
  accountType: string | null;
  account: string | null;
  budgetKind: string | null;
  item: string;
  amount: number | null;
  nextRequest: number | null;
}

/** 3-1 pivoted: one activity, output or outcome with its targets and actuals per fiscal year. */
export interface RsIndicator extends RsKey {
  kind: 'indicator';
  number: number;
  nodeType: string;
  period: string | null;
  goalType: string | null;
  goal: string | null;
  indicator: string | null;
  unit: string | null;
  direction: string | null;
  dataSource: string | null;
  qualitativeResult: string | null;
  cabinetDecision: string | null;
  /** The years the 1.目標年度 row flags with 1. */
  targetYears: number[];
  /** Per year, in year order; a value as written ("-" kept as text, number where it reads as one). */
  years: RsYearValues[];
  /** The line of the indicator's first row. */
  line: number;
}

/** One fiscal year of an indicator: target (目標値), actual (実績値), achievement % (達成率). */
export interface RsYearValues {
  year: number;
  target: string | null;
  actual: string | null;
  achievement: string | null;
}

/** 3-2: one edge of the logic model, from a node to a node. */
export interface RsLink extends RsKey {
  kind: 'link';
  fromNumber: number;
  fromType: string;
  toNumber: number;
  toType: string;
  explanation: string | null;
}

/** 4-1: a project's inspection and evaluation. */
export interface RsEvaluation extends RsKey {
  kind: 'evaluation';
  selfCheck: string | null;
  direction: string | null;
  effectEvaluation: string | null;
  externalFinding: string | null;
  teamFinding: string | null;
  teamFindingDetail: string | null;
  reflection: string | null;
  reflectionDetail: string | null;
}

/** Any record the importer yields. */
export type RsRecord =
  | RsOrganisation
  | RsProjectInfo
  | RsPolicy
  | RsBudgetSummary
  | RsBudgetDetail
  | RsBudgetItem
  | RsIndicator
  | RsLink
  | RsEvaluation;
