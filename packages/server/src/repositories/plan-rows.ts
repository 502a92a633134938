import type { Kysely } from 'kysely';
import { applyCorrections } from './correction.repository.js';
import type {
  BreakdownValueTable,
  BudgetLineTable,
  BudgetProjectTable,
  DB,
  FollowUpRoundTable,
  KpiTable,
  MeasureMinistryTable,
  MeasurePlacementTable,
  MeasureTable,
  ObservationTable,
  PhaseTable,
  PlanTable,
  ProgressBulletTable,
  ProgressReportTable,
  ProjectLinkTable,
  SheetTable,
  StatusOverrideTable,
  StrategicGoalTable,
} from '../db/schema.js';
import { liveRows } from './mappers/plan-structure.mapper.js';

/** Every row of a plan, as written in one go by an import or read back for the plan tree. */
export interface PlanRows {
  plan: PlanTable;
  policyFields: string[];
  goals: StrategicGoalTable[];
  sheets: SheetTable[];
  measures: MeasureTable[];
  placements: MeasurePlacementTable[];
  ministries: MeasureMinistryTable[];
  phases: PhaseTable[];
  kpis: KpiTable[];
  rounds: FollowUpRoundTable[];
  observations: ObservationTable[];
  /** Members of KPIs' baselines, targets and actuals broken down by a dimension. */
  breakdowns: BreakdownValueTable[];
  projects: BudgetProjectTable[];
  lines: BudgetLineTable[];
  links: ProjectLinkTable[];
  reports: ProgressReportTable[];
  bullets: ProgressBulletTable[];
  overrides: StatusOverrideTable[];
  /** What published rounds reported of the plan's phases. */
  phaseReports: PublishedPhaseReport[];
}

/** A phase's state as a published round reported it, with the round's as-of date. */
export interface PublishedPhaseReport {
  phase_id: string;
  state: string;
  as_of_date: string;
  /** When its round was published (time travel leaves out what was published after a revision's time). */
  published_at: string | null;
}

/** What published rounds reported of a plan's phases, oldest round first. */
export async function loadPhaseReports(db: Kysely<DB>, planId: string): Promise<PublishedPhaseReport[]> {
  return db
    .selectFrom('phase_report')
    .innerJoin('progress_report', 'progress_report.id', 'phase_report.report_id')
    .innerJoin('follow_up_round', 'follow_up_round.id', 'progress_report.round_id')
    .select([
      'phase_report.phase_id',
      'phase_report.state',
      'follow_up_round.as_of_date',
      'follow_up_round.published_at',
    ])
    .where('follow_up_round.plan_id', '=', planId)
    .where('follow_up_round.state', '=', 'published')
    .orderBy('follow_up_round.as_of_date')
    .execute();
}

/**
 * Every row under one plan, each table read once: the plan as it stands, without what a revision retired (and
 * everything under it), unless `withRetired` (time travel and adoption read every row).
 */
export async function loadPlanRows(
  db: Kysely<DB>,
  plan: PlanTable,
  options: { withRetired?: boolean } = {},
): Promise<PlanRows> {
  const [rows, retired] = await Promise.all([
    loadAllPlanRows(db, plan),
    options.withRetired === true
      ? []
      : db.selectFrom('retired_entity').select('entity_id').where('plan_id', '=', plan.id).execute(),
  ]);
  return liveRows(rows, new Set(retired.map((r) => r.entity_id)));
}

async function loadAllPlanRows(db: Kysely<DB>, plan: PlanTable): Promise<PlanRows> {
  const planId = plan.id;
  const measureIds = db.selectFrom('measure').select('id').where('plan_id', '=', planId);
  const projectIds = db.selectFrom('budget_project').select('id').where('plan_id', '=', planId);
  // A plan as read is its public face: published rounds only (work on the others has its own endpoints).
  const roundIds = db
    .selectFrom('follow_up_round')
    .select('id')
    .where('plan_id', '=', planId)
    .where('state', '=', 'published');
  const kpiIds = db.selectFrom('kpi').select('id').where('plan_id', '=', planId);
  const reportIds = db.selectFrom('progress_report').select('id').where('round_id', 'in', roundIds);
  const [
    policyFields,
    goals,
    sheets,
    measures,
    placements,
    ministries,
    phases,
    kpis,
    rounds,
    publishedObservations,
  ] = await Promise.all([
    db
      .selectFrom('plan_policy_field')
      .select('field_code')
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('strategic_goal').selectAll().where('plan_id', '=', planId).orderBy('number').execute(),
    db.selectFrom('sheet').selectAll().where('plan_id', '=', planId).orderBy('number').execute(),
    db.selectFrom('measure').selectAll().where('plan_id', '=', planId).execute(),
    db
      .selectFrom('measure_placement')
      .selectAll()
      .where('measure_id', 'in', measureIds)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('measure_ministry')
      .selectAll()
      .where('measure_id', 'in', measureIds)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('phase').selectAll().where('measure_id', 'in', measureIds).orderBy('sort_order').execute(),
    db.selectFrom('kpi').selectAll().where('plan_id', '=', planId).orderBy('sort_order').execute(),
    db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('state', '=', 'published')
      .orderBy('as_of_date')
      .execute(),
    db.selectFrom('observation').selectAll().where('kpi_id', 'in', kpiIds).orderBy('period_start').execute(),
  ]);
  const [projects, lines, links, reports, overrides, breakdowns] = await Promise.all([
    db.selectFrom('budget_project').selectAll().where('plan_id', '=', planId).execute(),
    db
      .selectFrom('budget_line')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('sort_order')
      .execute(),
    db
      .selectFrom('project_link')
      .selectAll()
      .where('project_id', 'in', projectIds)
      .orderBy('sort_order')
      .execute(),
    db.selectFrom('progress_report').selectAll().where('round_id', 'in', roundIds).execute(),
    db.selectFrom('status_override').selectAll().where('kpi_id', 'in', kpiIds).execute(),
    db.selectFrom('breakdown_value').selectAll().where('kpi_id', 'in', kpiIds).execute(),
  ]);
  const phaseReports = await loadPhaseReports(db, planId);
  const published = await db
    .selectFrom('progress_bullet')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('sort_order')
    .execute();
  // 正誤: the latest correction of each published bullet and actual is read over it (never stored so).
  const corrections = await db
    .selectFrom('round_correction')
    .selectAll()
    .where('round_id', 'in', roundIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const corrected = applyCorrections(corrections, published, publishedObservations);
  const bullets = corrected.bullets;
  const observations = corrected.observations;
  return {
    plan,
    policyFields: policyFields.map((f) => f.field_code),
    goals,
    sheets,
    measures,
    placements,
    ministries,
    phases,
    kpis,
    rounds,
    observations,
    breakdowns,
    projects,
    lines,
    links,
    reports,
    bullets,
    overrides,
    phaseReports,
  };
}
