import type { BudgetProject } from '@kotei/contracts';
import type {
  BudgetLineTable,
  BudgetProjectTable,
  KpiTable,
  MeasurePlacementTable,
  MeasureTable,
  ObservationTable,
  BreakdownValueTable,
  PhaseTable,
  ProjectLinkTable,
  SheetTable,
  StrategicGoalTable,
} from '../db/schema.js';
import { indexBreakdowns } from './breakdown.mapper.js';
import { groupBy } from './group-by.js';
import type { PlanRows, PublishedPhaseReport } from './plan-rows.js';
import {
  toKpiContent,
  toPhaseContent,
  toProjectLookup,
  type GoalContent,
  type PhaseContent,
} from './plan.mapper.js';

/** A measure as its plan's dashboard shows it: title, KPI ids in order, phases. */
export interface DashboardMeasure {
  id: string;
  title: string;
  kpiIds: string[];
  phases: PhaseContent[];
}

/** What a plan's dashboard shows apart from statuses: only these rows are read for it. */
export interface DashboardContent {
  goals: GoalContent[];
  sheets: {
    id: string;
    number: number;
    title: string;
    placements: { measureId: string; isRepost: boolean }[];
  }[];
  measures: ReadonlyMap<string, DashboardMeasure>;
  /** The budget projects of the sheets and of the measures they place (not reposts), in the plan's order. */
  projects: BudgetProject[];
}

/** The rows a plan's dashboard reads. */
export interface DashboardRows {
  goals: StrategicGoalTable[];
  sheets: SheetTable[];
  measures: Pick<MeasureTable, 'id' | 'title'>[];
  placements: MeasurePlacementTable[];
  phases: Omit<PhaseTable, 'sort_order' | 'source_line_from' | 'source_line_to' | 'source_text'>[];
  phaseReports: PublishedPhaseReport[];
  kpis: Pick<KpiTable, 'id' | 'measure_id'>[];
  outcomes: KpiTable[];
  outcomeObservations: ObservationTable[];
  outcomeBreakdowns: BreakdownValueTable[];
  projects: BudgetProjectTable[];
  lines: BudgetLineTable[];
  links: ProjectLinkTable[];
}

/** A plan's dashboard content from its rows; projects in the order the plan tree lists them. */
export function toDashboardContent(rows: DashboardRows): DashboardContent {
  const observationsByKpi = groupBy(rows.outcomeObservations, (o) => o.kpi_id);
  const breakdowns = indexBreakdowns(rows.outcomeBreakdowns);
  const outcomesByGoal = groupBy(rows.outcomes, (k) => k.goal_id);
  const kpisByMeasure = groupBy(rows.kpis, (k) => k.measure_id);
  const phasesByMeasure = groupBy(rows.phases, (p) => p.measure_id);
  const reportsByPhase = groupBy(rows.phaseReports, (r) => r.phase_id);
  const placementsBySheet = groupBy(rows.placements, (p) => p.sheet_id);
  const projects = toProjectLookup(rows);
  const sheets = rows.sheets.map((sheet) => ({
    id: sheet.id,
    number: sheet.number,
    title: sheet.title,
    placements: (placementsBySheet.get(sheet.id) ?? []).map((p) => ({
      measureId: p.measure_id,
      isRepost: p.is_repost === 1,
    })),
  }));
  const measures = new Map(
    rows.measures.map((m): [string, DashboardMeasure] => [
      m.id,
      {
        id: m.id,
        title: m.title,
        kpiIds: (kpisByMeasure.get(m.id) ?? []).map((k) => k.id),
        phases: (phasesByMeasure.get(m.id) ?? []).map((p) => toPhaseContent(p, reportsByPhase.get(p.id))),
      },
    ]),
  );
  const placedIds = sheets.flatMap((sheet) =>
    sheet.placements.filter((p) => !p.isRepost && measures.has(p.measureId)).map((p) => p.measureId),
  );
  return {
    goals: rows.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      note: goal.note,
      outcomes: (outcomesByGoal.get(goal.id) ?? []).map((k) =>
        toKpiContent(k, observationsByKpi.get(k.id) ?? [], breakdowns),
      ),
    })),
    sheets,
    measures,
    projects: [
      ...sheets.flatMap((sheet) => projects.ofSheet(sheet.id)),
      ...placedIds.flatMap((id) => projects.ofMeasure(id)),
    ],
  };
}

/**
 * A plan's dashboard content from every row of the plan (time travel reads them all, as a revision fixed them):
 * the same content the dashboard's own reads give, its phases those not marked done.
 */
export function dashboardContentOfRows(rows: PlanRows): DashboardContent {
  const outcomes = rows.kpis.filter((k) => k.goal_id !== null);
  const outcomeIds = new Set(outcomes.map((k) => k.id));
  const placed = new Set(rows.placements.map((p) => p.measure_id));
  return toDashboardContent({
    goals: rows.goals,
    sheets: rows.sheets,
    measures: rows.measures.filter((m) => placed.has(m.id)),
    placements: rows.placements,
    phases: rows.phases.filter((p) => p.is_done === 0),
    phaseReports: rows.phaseReports,
    kpis: rows.kpis,
    outcomes,
    outcomeObservations: rows.observations.filter((o) => outcomeIds.has(o.kpi_id)),
    outcomeBreakdowns: rows.breakdowns.filter((b) => outcomeIds.has(b.kpi_id)),
    projects: rows.projects,
    lines: rows.lines,
    links: rows.links,
  });
}
