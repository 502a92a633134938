import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { toDashboardContent, type DashboardContent } from './dashboard.mapper.js';
import { groupBy } from './group-by.js';
import { indexBreakdowns } from './breakdown.mapper.js';
import { toKpiContent, type KpiContent } from './plan.mapper.js';
import { loadPhaseReports } from './plan-rows.js';
import { retiredIds } from './retired.js';

const PHASE_COLUMNS = [
  'id',
  'measure_id',
  'text',
  'period_start',
  'period_end',
  'period_fiscal_year',
  'period_label',
  'is_done',
] as const;

/**
 * The reads of a plan's dashboard: only the rows it shows (goals and outcome targets, sheets, measure titles,
 * phases, budget), never the whole plan, as its statuses come from the status cache.
 */
export class DashboardRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * What a plan's dashboard shows at the reference date apart from statuses, reading only those rows: the
   * phases are those that may be overdue.
   */
  async loadDashboard(planId: string, referenceDate: string): Promise<DashboardContent> {
    const db = this.db;
    // Measures and links are found through the plan's sheets: the dashboard shows placed measures only, and
    // placements and links are indexed by sheet (a measure's plan_id is not).
    const retired = retiredIds(db, planId);
    const sheetIds = db
      .selectFrom('sheet')
      .select('id')
      .where('plan_id', '=', planId)
      .where('id', 'not in', retired);
    const measureIds = db
      .selectFrom('measure_placement')
      .select('measure_id')
      .where('sheet_id', 'in', sheetIds)
      .where('measure_id', 'not in', retired);
    const projectIds = db.selectFrom('budget_project').select('id').where('plan_id', '=', planId);
    const outcomeIds = db
      .selectFrom('kpi')
      .select('id')
      .where('plan_id', '=', planId)
      .where('goal_id', 'is not', null)
      .where('id', 'not in', retired);
    const [goals, sheets, measures, placements, phases, kpis, outcomes, outcomeObservations, breakdowns] =
      await Promise.all([
        db
          .selectFrom('strategic_goal')
          .selectAll()
          .where('plan_id', '=', planId)
          .where('id', 'not in', retired)
          .orderBy('number')
          .execute(),
        db.selectFrom('sheet').selectAll().where('id', 'in', sheetIds).orderBy('number').execute(),
        db.selectFrom('measure').select(['id', 'title']).where('id', 'in', measureIds).execute(),
        db
          .selectFrom('measure_placement')
          .selectAll()
          .where('sheet_id', 'in', sheetIds)
          .where('measure_id', 'in', measureIds)
          .orderBy('sort_order')
          .execute(),
        // Only phases that can be overdue or unreported at the date (not done, ended before it) are listed or
        // counted; the service judges each with its published reports, so this only spares reading the others.
        db
          .selectFrom('phase')
          .select(PHASE_COLUMNS)
          .where('measure_id', 'in', measureIds)
          .where('is_done', '=', 0)
          .where('id', 'not in', retired)
          .where('period_end', '<', referenceDate)
          .orderBy('sort_order')
          .execute(),
        db
          .selectFrom('kpi')
          .select(['id', 'measure_id'])
          .where('plan_id', '=', planId)
          .where('id', 'not in', retired)
          .where((eb) => eb.or([eb('measure_id', 'is', null), eb('measure_id', 'in', measureIds)]))
          .orderBy('sort_order')
          .execute(),
        db.selectFrom('kpi').selectAll().where('id', 'in', outcomeIds).orderBy('sort_order').execute(),
        db
          .selectFrom('observation')
          .selectAll()
          .where('kpi_id', 'in', outcomeIds)
          .orderBy('period_start')
          .execute(),
        db.selectFrom('breakdown_value').selectAll().where('kpi_id', 'in', outcomeIds).execute(),
      ]);
    const [projects, lines, links] = await Promise.all([
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
        .where((eb) => eb.or([eb('sheet_id', 'in', sheetIds), eb('measure_id', 'in', measureIds)]))
        .orderBy('sort_order')
        .execute(),
    ]);
    return toDashboardContent({
      phaseReports: await loadPhaseReports(db, planId),
      goals,
      sheets,
      measures,
      placements,
      phases,
      kpis,
      outcomes,
      outcomeObservations,
      outcomeBreakdowns: breakdowns,
      projects,
      lines,
      links,
    });
  }

  /** These KPIs of a plan with their actuals, without statuses, in no particular order. */
  async loadKpis(planId: string, kpiIds: readonly string[]): Promise<KpiContent[]> {
    if (kpiIds.length === 0) return [];
    const [kpis, observations, breakdowns] = await Promise.all([
      this.db.selectFrom('kpi').selectAll().where('plan_id', '=', planId).where('id', 'in', kpiIds).execute(),
      this.db
        .selectFrom('observation')
        .selectAll()
        .where('kpi_id', 'in', kpiIds)
        .orderBy('period_start')
        .execute(),
      this.db.selectFrom('breakdown_value').selectAll().where('kpi_id', 'in', kpiIds).execute(),
    ]);
    const observationsByKpi = groupBy(observations, (o) => o.kpi_id);
    const index = indexBreakdowns(breakdowns);
    return kpis.map((kpi) => toKpiContent(kpi, observationsByKpi.get(kpi.id) ?? [], index));
  }
}
