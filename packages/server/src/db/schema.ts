// Row types of the one schema both databases share (see migrations/). Flags are 0/1 integers and money is
// bigint yen, so the rows read the same from SQLite and PostgreSQL.

import type {
  UserTable,
  RoleGrantTable,
  SessionTable,
  ApiTokenTable,
  SignInThrottleTable,
} from './account-schema.js';
import type {
  NotificationTable,
  WebhookConfigTable,
  WebhookDeliveryTable,
  WebhookAttemptTable,
  JobTable,
  JobFileTable,
  KpiTableMappingTable,
} from './service-schema.js';
import type {
  RevisionTable,
  RevisionDraftTable,
  RetiredEntityTable,
  RevisionProposalTable,
} from './revision-schema.js';
import type {
  RsProjectTable,
  RsBudgetYearTable,
  RsBudgetAccountTable,
  RsBudgetItemTable,
  RsPolicyTable,
  RsNodeTable,
  RsNodeYearTable,
  RsNodeLinkTable,
  RsEvaluationTable,
  RsBudgetLinkTable,
} from './rs-schema.js';

interface Source {
  source_line_from: number | null;
  source_line_to: number | null;
  source_text: string | null;
}

export interface OrganisationTable {
  code: string;
  name_ja: string;
  name_en: string;
  valid_from: string;
  valid_to: string | null;
}

/** 正誤: a correction after publication of a round's progress bullet or actual, never an edit in place. */
export interface RoundCorrectionTable {
  id: string;
  round_id: string;
  /** The measure of the bullet, or of the actual's KPI (null for a strategic goal's outcome target). */
  measure_id: string | null;
  ministry: string | null;
  target_kind: 'bullet' | 'actual';
  /** A progress_bullet's id or an observation's id. */
  target_id: string;
  /** The value as published (a bullet's text, or an actual's number as text). */
  original: string;
  corrected_text: string | null;
  corrected_value: number | null;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface PlanTable {
  id: string;
  slug: string;
  title: string;
  owner: string;
  adopted_on: string | null;
  description: string;
  is_sample: number;
  created_at: string;
  updated_at: string;
  /** Raised by every write to the plan's KPIs, actuals or overrides; keys cached statuses. */
  data_version: number;
  /** The status method the plan is judged by: 'open-sdg' or 'abnf' (#16). */
  status_method: 'open-sdg' | 'abnf';
}

export interface PlanPolicyFieldTable {
  plan_id: string;
  field_code: string;
  sort_order: number;
}

export interface StrategicGoalTable extends Source {
  id: string;
  plan_id: string;
  number: number;
  title: string;
  note: string;
}

export interface SheetTable extends Source {
  id: string;
  plan_id: string;
  number: number;
  title: string;
}

export interface MeasureTable extends Source {
  id: string;
  plan_id: string;
  title: string;
}

export interface MeasurePlacementTable {
  measure_id: string;
  sheet_id: string;
  is_repost: number;
  sort_order: number;
}

export interface MeasureMinistryTable {
  measure_id: string;
  ministry: string;
  sort_order: number;
}

export interface PhaseTable extends Source {
  id: string;
  measure_id: string;
  text: string;
  period_start: string;
  period_end: string | null;
  period_fiscal_year: number | null;
  period_label: string;
  is_done: number;
  sort_order: number;
}

export interface KpiTable extends Source {
  id: string;
  plan_id: string;
  level: string;
  measure_id: string | null;
  goal_id: string | null;
  match_key: string | null;
  name: string;
  unit: string;
  shape: string;
  direction: string;
  note: string;
  sort_order: number;
  baseline_value: number | null;
  baseline_start: string | null;
  baseline_end: string | null;
  baseline_fiscal_year: number | null;
  baseline_label: string | null;
  target_value: number | null;
  target_start: string | null;
  target_end: string | null;
  target_fiscal_year: number | null;
  target_label: string | null;
  /** The floor each unit must meet, for a share-meeting-bar KPI. */
  bar: number | null;
}

export interface FollowUpRoundTable {
  id: string;
  plan_id: string;
  title: string;
  as_of_date: string;
  deadline: string | null;
  state: string;
  created_at: string;
  /** When a scheduled publication (embargo) takes effect; null unless one is set. */
  publish_at: string | null;
  published_at: string | null;
}

export interface ObservationTable extends Source {
  id: string;
  kpi_id: string;
  value: number;
  period_start: string;
  period_end: string | null;
  period_fiscal_year: number | null;
  period_label: string;
  origin: string;
  source_note: string;
  round_id: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

/** One member's value of a KPI's baseline, target or actual broken down by a dimension (内訳). */
export interface BreakdownValueTable {
  id: string;
  kpi_id: string;
  point: 'baseline' | 'target' | 'actual';
  observation_id: string | null;
  dimension: string;
  member: string;
  value: number | null;
  sort_order: number;
}

export interface BudgetProjectTable extends Source {
  id: string;
  plan_id: string;
  name: string;
  ministry: string | null;
}

export interface BudgetLineTable {
  id: string;
  project_id: string;
  amount_yen: number | null;
  fiscal_year: number | null;
  budget_type: string;
  is_part_of: number;
  label: string;
  sort_order: number;
}

export interface ProjectLinkTable {
  id: string;
  project_id: string;
  measure_id: string | null;
  sheet_id: string | null;
  sort_order: number;
}

export interface ProgressReportTable {
  id: string;
  round_id: string;
  measure_id: string | null;
  sheet_id: string | null;
  ministry: string | null;
  state: string;
  version: number;
  submitted_at: string | null;
  submitted_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  /** The last save of the part; null until a reporter first saves it (then it is 未着手). */
  updated_at: string | null;
  updated_by: string | null;
  /** When the coordinator last reminded the part's ministry (reminders are limited per part). */
  reminded_at: string | null;
}
/** What a round part states of one phase: 未着手 / 実施中 / 完了 / 遅延 / 見直し中, with a note. */
export interface PhaseReportTable {
  id: string;
  report_id: string;
  phase_id: string;
  state: string;
  note: string;
}
/** An actual a round part reports; it becomes an observation when the round is published. */
export interface ReportedActualTable {
  id: string;
  report_id: string;
  kpi_id: string;
  value: number;
  unit: string;
  period_start: string;
  period_end: string | null;
  period_fiscal_year: number | null;
  period_label: string;
  source_note: string;
  /** The reporter's explanation, required where the value is flagged. */
  note: string;
  sort_order: number;
}
/** A comment on a round part, between its reporter and the coordinator. */
export interface PartCommentTable {
  id: string;
  report_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

export interface ProgressBulletTable extends Source {
  id: string;
  report_id: string;
  text: string;
  ministry: string | null;
  sort_order: number;
}

export interface EvaluationTable {
  id: string;
  round_id: string;
  goal_id: string | null;
  sheet_id: string | null;
  evaluator_id: string;
  rating: string;
  comment: string;
  created_at: string;
  /** Raised by every edit and the withdrawal; a write based on another version is stale. */
  version: number;
  updated_at: string | null;
  /** Set when the expert withdrew it; a withdrawn evaluation is kept, with its history, but no longer stands. */
  withdrawn_at: string | null;
}

/** One state an evaluation passed through: as written, after each edit, and as withdrawn. */
export interface EvaluationVersionTable {
  id: string;
  evaluation_id: string;
  version: number;
  action: string;
  rating: string;
  comment: string;
  changed_by: string;
  changed_at: string;
}

/** An expert's declared conflict of interest (利益相反) on a sheet of a plan: they rate it in no round. */
export interface ConflictOfInterestTable {
  id: string;
  plan_id: string;
  sheet_id: string;
  expert_id: string;
  reason: string;
  declared_at: string;
}

/** The round's overall evaluation (有識者による総合評価) as the coordinating office compiles it. */
export interface RoundOverallEvaluationTable {
  round_id: string;
  text: string;
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface AuditEventTable {
  id: string;
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail_json: string;
  request_id: string | null;
  /** The hash of the event before (64 zeros for the first), so a removed or inserted event breaks the chain. */
  prev_hash: string;
  /** SHA-256 over the event's canonical form (repositories/audit-chain.ts), so an edited event shows. */
  hash: string;
}

/** One row (id 1): the last seq handed out and its hash; each audited write updates it in its transaction. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface SearchEntryTable {
  id: string;
  plan_id: string;
  entity_type: string;
  entity_id: string;
  measure_id: string | null;
  sheet_number: number | null;
  /** Codes between bars ("|厚|文|"), so one LIKE finds a ministry. */
  ministries: string;
  round_id: string | null;
  title: string;
  body: string;
  search_text: string;
  sort_key: string;
}

export interface StatusOverrideTable {
  kpi_id: string;
  status: string;
  reason: string;
  set_by: string;
  set_at: string;
}

export interface ImportRecordTable {
  id: string;
  plan_id: string;
  fingerprint: string;
  file_name: string;
  encoding: string;
  issue_count: number;
  imported_at: string;
  imported_by: string | null;
}

/** The database as Kysely sees it. */
export interface DB {
  organisation: OrganisationTable;
  app_user: UserTable;
  role_grant: RoleGrantTable;
  round_correction: RoundCorrectionTable;
  app_session: SessionTable;
  sign_in_throttle: SignInThrottleTable;
  api_token: ApiTokenTable;
  plan: PlanTable;
  plan_policy_field: PlanPolicyFieldTable;
  strategic_goal: StrategicGoalTable;
  sheet: SheetTable;
  measure: MeasureTable;
  measure_placement: MeasurePlacementTable;
  measure_ministry: MeasureMinistryTable;
  phase: PhaseTable;
  kpi: KpiTable;
  follow_up_round: FollowUpRoundTable;
  observation: ObservationTable;
  breakdown_value: BreakdownValueTable;
  kpi_table_mapping: KpiTableMappingTable;
  budget_project: BudgetProjectTable;
  budget_line: BudgetLineTable;
  project_link: ProjectLinkTable;
  progress_report: ProgressReportTable;
  progress_bullet: ProgressBulletTable;
  phase_report: PhaseReportTable;
  reported_actual: ReportedActualTable;
  part_comment: PartCommentTable;
  evaluation: EvaluationTable;
  evaluation_version: EvaluationVersionTable;
  conflict_of_interest: ConflictOfInterestTable;
  round_overall_evaluation: RoundOverallEvaluationTable;
  revision: RevisionTable;
  revision_draft: RevisionDraftTable;
  retired_entity: RetiredEntityTable;
  revision_proposal: RevisionProposalTable;
  audit_event: AuditEventTable;
  audit_head: AuditHeadTable;
  search_entry: SearchEntryTable;
  status_override: StatusOverrideTable;
  import_record: ImportRecordTable;
  rs_project: RsProjectTable;
  rs_budget_year: RsBudgetYearTable;
  rs_budget_account: RsBudgetAccountTable;
  rs_budget_item: RsBudgetItemTable;
  rs_policy: RsPolicyTable;
  rs_node: RsNodeTable;
  rs_node_year: RsNodeYearTable;
  rs_node_link: RsNodeLinkTable;
  rs_evaluation: RsEvaluationTable;
  rs_budget_link: RsBudgetLinkTable;
  notification: NotificationTable;
  webhook_config: WebhookConfigTable;
  webhook_delivery: WebhookDeliveryTable;
  webhook_attempt: WebhookAttemptTable;
  job: JobTable;
  job_file: JobFileTable;
}

export type {
  RsProjectTable,
  RsBudgetYearTable,
  RsBudgetAccountTable,
  RsBudgetItemTable,
  RsPolicyTable,
  RsNodeTable,
  RsNodeYearTable,
  RsNodeLinkTable,
  RsEvaluationTable,
  RsBudgetLinkTable,
} from './rs-schema.js';
export type {
  UserTable,
  RoleGrantTable,
  SessionTable,
  ApiTokenTable,
  SignInThrottleTable,
} from './account-schema.js';
export type {
  NotificationTable,
  WebhookConfigTable,
  WebhookDeliveryTable,
  WebhookAttemptTable,
  JobTable,
  JobFileTable,
  KpiTableMappingTable,
} from './service-schema.js';
export type {
  RevisionTable,
  RevisionDraftTable,
  RetiredEntityTable,
  RevisionProposalTable,
} from './revision-schema.js';
