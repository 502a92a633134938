/** KPI shapes found in the seed; each is judged by its own rule (DOMAIN.md, "KPI shapes"). */
export const KPI_SHAPES = [
  'level',
  'annual',
  'cumulative',
  'at-least-average',
  'multiplier',
  'rank',
  'share-meeting-bar',
  'qualitative',
] as const;
/** How a KPI is judged. */
export type KpiShape = (typeof KPI_SHAPES)[number];

/** Whether a higher or a lower value is better. */
export const DIRECTIONS = ['increase', 'decrease'] as const;
/** Whether a higher or a lower value is better. */
export type Direction = (typeof DIRECTIONS)[number];

/** 当初 / 補正 / 基金. */
export const BUDGET_TYPES = ['initial', 'supplementary', 'fund'] as const;
/** 当初 / 補正 / 基金. */
export type BudgetType = (typeof BUDGET_TYPES)[number];

/** Progress status vocabulary of the published method (methods/progress-status.md). */
export const PROGRESS_STATUSES = [
  'achieved',
  'on_track',
  'moderate',
  'limited',
  'deteriorating',
  'no_data',
] as const;
/** Progress status of a KPI, outcome target, measure or plan. */
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/**
 * A phase's state as shown at a date (DOMAIN.md): what the latest report in a published round says (未着手, 実施中,
 * 完了, 遅延, 見直し中), 期限超過 only for a phase reported not done after its end, and 未報告 for a past phase
 * nobody reported on. cycle/phase-state.ts derives it.
 */
export const PHASE_STATUSES = [
  'not_started',
  'in_progress',
  'done',
  'delayed',
  'under_revision',
  'overdue',
  'unreported',
] as const;
/** A phase's state as shown at a date. */
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

/** Life of a follow-up round: prepared, open for reports, closed for review, published. */
export const ROUND_STATES = ['draft', 'open', 'closed', 'published'] as const;
/** Life of a follow-up round. */
export type RoundState = (typeof ROUND_STATES)[number];

/** Where an observation came from. */
export const OBSERVATION_ORIGINS = ['reported', 'imported', 'extracted_from_text'] as const;
/** Where an observation came from: reported by a ministry, imported from a table, or read out of prose. */
export type ObservationOrigin = (typeof OBSERVATION_ORIGINS)[number];

/** Whether a KPI is an output KPI of a measure or an outcome target of a strategic goal. */
export const KPI_LEVELS = ['output', 'outcome'] as const;
/** Whether a KPI is an output KPI of a measure or an outcome target of a strategic goal. */
export type KpiLevel = (typeof KPI_LEVELS)[number];

/**
 * Roles, from widest to narrowest. admin runs the installation; coordinator is the coordinating office
 * (内閣官房/医政局); ministry staff report for their own organisation; experts evaluate; a viewer reads
 * (everything published, and the rounds' boards) and writes nothing.
 */
export const ROLES = ['admin', 'coordinator', 'ministry', 'expert', 'viewer'] as const;
/** What a user may do. */
export type Role = (typeof ROLES)[number];

/** Ratings of an expert's overall evaluation (有識者による総合評価), best first. */
export const EVALUATION_RATINGS = ['good', 'fair', 'concern', 'serious'] as const;
/** An expert's overall rating of the plan, a strategic goal or a sheet in one round. */
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/** Why a KPI has its status: the published method's reasons plus those of kotei's shape rules. */
export const STATUS_REASONS = [
  'target_achieved',
  'growth_against_target',
  'growth_without_target',
  'too_few_years',
  'opposite_signs',
  'undefined_progress',
  'invalid_input',
  'no_actual',
  'base_value_missing',
  'target_missing',
  'running_total_against_share',
  'level_kept',
  'below_level',
  'pace_against_target',
  'set_by_coordinator',
] as const;

/** The status methods a plan can choose (#16): the Open SDG method, or the Cabinet Office's A/B/N/F grades. */
export const STATUS_METHODS = ['open-sdg', 'abnf'] as const;
/** A plan's status method. */
export type StatusMethod = (typeof STATUS_METHODS)[number];

/** The Cabinet Office's KPI grades (KPIの進捗状況): A on pace, B behind, N not yet gradable, F no numeric target. */
export const ABNF_GRADES = ['A', 'B', 'N', 'F'] as const;
/** One KPI's A/B/N/F grade. */
export type AbnfGrade = (typeof ABNF_GRADES)[number];

/** Why a KPI has its A/B/N/F grade (status/README.md, "A / B / N / F"). */
export const ABNF_REASONS = [
  'target_met',
  'on_pace',
  'behind_pace',
  'below_target',
  'moved_toward',
  'not_moved_toward',
  'no_initial',
  'no_current',
  'invalid_input',
  'no_quantitative_target',
] as const;
/** The reason for an A/B/N/F grade. */
export type AbnfReason = (typeof ABNF_REASONS)[number];
/** What a column of a KPI table holds, as the table importer proposes it and a user corrects it. */
export const KPI_TABLE_COLUMN_ROLES = [
  'name',
  'group',
  'code',
  'unit',
  'baseline',
  'target',
  'actual',
  'estimate',
  'status',
  'owner',
  'note',
  'ignore',
] as const;
/** What a column of a KPI table holds. */
export type KpiTableColumnRole = (typeof KPI_TABLE_COLUMN_ROLES)[number];
