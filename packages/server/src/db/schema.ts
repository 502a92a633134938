// Row types of the one schema both databases share (see migrations/). Flags are 0/1 integers and money is
// bigint yen, so the rows read the same from SQLite and PostgreSQL.

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

export interface UserTable {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  /** The account's home ministry; rights come from role_grant. */
  ministry: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

/** A dated role grant (担当（任期）): rights hold from valid_from through valid_to (Japan dates). */
export interface RoleGrantTable {
  id: string;
  user_id: string;
  role: string;
  ministry: string | null;
  valid_from: string;
  valid_to: string | null;
  /** Who granted it: a user's id, `cli:<operator>`, or `migration`. */
  granted_by: string;
  created_at: string;
  updated_at: string;
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

export interface SessionTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  /** The id its owner sees and ends it by; the token's hash never leaves the server. */
  public_id: string;
  last_seen_at: string;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokenTable {
  id: string;
  user_id: string;
  name: string;
  scope: 'read' | 'write';
  /** sha256 of the secret; the secret itself is shown once and never stored. */
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
}

export interface SignInThrottleTable {
  /** `login:<name>` or `ip:<address>`. */
  key: string;
  window_start: string;
  attempts: number;
  strikes: number;
  locked_until: string | null;
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

/** A KPI table's column mapping saved under a name, for next year's file with the same headers. */
export interface KpiTableMappingTable {
  id: string;
  owner_id: string;
  /** The owner's ministry when saved: colleagues of the same office find the mapping too. */
  office: string | null;
  name: string;
  /** The table's header cells as read, joined: what a later file is matched by. */
  signature: string;
  /** JSON: [{ column, role }]. */
  column_roles: string;
  created_at: string;
  updated_at: string;
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

export interface RevisionTable {
  id: string;
  plan_id: string;
  number: number;
  reason: string;
  summary: string;
  snapshot_json: string;
  created_by: string | null;
  created_at: string;
}

/** The draft revision of a plan (one at most): its structure, the revision it is based on, a version. */
export interface RevisionDraftTable {
  plan_id: string;
  base_number: number;
  version: number;
  /** A domain PlanStructure as JSON. */
  structure_json: string;
  created_at: string;
  updated_at: string;
  updated_by: string | null;
}

/** A goal, sheet, measure, phase or KPI a revision took out of the plan: its row stays, with its history. */
export interface RetiredEntityTable {
  entity_id: string;
  plan_id: string;
  kind: 'goal' | 'sheet' | 'measure' | 'phase' | 'kpi';
  revision_number: number;
  merged_into: string | null;
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

/** An in-app notice to one user about a round's event; its words come from the web app's catalogue. */
export interface NotificationTable {
  id: string;
  recipient_id: string;
  kind: string;
  plan_id: string | null;
  round_id: string | null;
  part_id: string | null;
  measure_id: string | null;
  /** JSON: the texts the notice names (plan, round and measure titles, ministry, a return's reason). */
  params: string;
  created_at: string;
  read_at: string | null;
}

/** The admin's outgoing webhook (one row, id 'default'). */
export interface WebhookConfigTable {
  id: string;
  url: string;
  /** Signs each delivery (HMAC-SHA256); never answered in full. */
  secret: string;
  is_enabled: number;
  updated_at: string;
  updated_by: string | null;
}

/** One event the webhook is due: the outbox row, written in the event's transaction. */
export interface WebhookDeliveryTable {
  id: string;
  event: string;
  /** The JSON body sent, fixed when the event happened. */
  payload: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  /** The dispatcher that holds it, and until when (a crashed dispatcher's claim lapses). */
  claimed_by: string | null;
  claimed_until: string | null;
  created_at: string;
  delivered_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

/** One attempt to deliver a webhook event. */
export interface WebhookAttemptTable {
  id: string;
  delivery_id: string;
  number: number;
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/** A background job (a report rendered as PDF or xlsx), claimed by one worker under a lease. */
export interface JobTable {
  id: string;
  kind: string;
  params_json: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  step: string;
  attempts: number;
  max_attempts: number;
  /** The worker holding the job while it runs, and until when its lease holds. */
  locked_by: string | null;
  locked_until: string | null;
  error: string | null;
  plan_id: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** The file a finished job made. */
export interface JobFileTable {
  job_id: string;
  file_name: string;
  content_type: string;
  size: number;
  body: Buffer;
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
