import { requiredPath, rollUpStatuses, type ProgressStatus, type StatusRollUp } from '@kotei/domain';
import type { Phase, PlanDashboard, PlanSummary } from '@kotei/contracts';
import { budgetTotals } from '@kotei/reports';
import type { DashboardContent, DashboardMeasure } from '../repositories/dashboard.mapper.js';
import type { KpiContent } from '../repositories/plan.mapper.js';
import type { PlanStatusSet } from './plan-status.js';
import { phaseAt, withStatus } from './plan-tree.js';

const WORST_KPIS = 10;
const STATUS_ORDER: readonly ProgressStatus[] = [
  'deteriorating',
  'limited',
  'moderate',
  'no_data',
  'on_track',
  'achieved',
];
const BEHIND: ReadonlySet<ProgressStatus> = new Set(['deteriorating', 'limited', 'moderate']);
const NONE: StatusRollUp = rollUpStatuses([]);

/** An output KPI as placed on the dashboard's list of worst KPIs, before its content is read. */
export interface WorstKpiPlace {
  kpiId: string;
  measureId: string;
  measureTitle: string;
  sheetNumber: number;
}

// Each measure once, at its home sheet (reposts are the same measure shown again), in the plan's order.
function placedMeasures(content: DashboardContent): { sheetNumber: number; measure: DashboardMeasure }[] {
  return content.sheets.flatMap((sheet) =>
    sheet.placements.flatMap((p) => {
      const measure = content.measures.get(p.measureId);
      return !p.isRepost && measure ? [{ sheetNumber: sheet.number, measure }] : [];
    }),
  );
}

/**
 * The output KPIs most behind, worst status first and then lowest score, ties in the plan's order: chosen from
 * the status set alone, so only these KPIs' rows need reading.
 */
export function worstKpiPlaces(content: DashboardContent, statuses: PlanStatusSet): WorstKpiPlace[] {
  const rank = (status: ProgressStatus): number => STATUS_ORDER.indexOf(status);
  return placedMeasures(content)
    .flatMap(({ sheetNumber, measure }) =>
      measure.kpiIds.flatMap((kpiId) => {
        const effective = statuses.kpis.get(kpiId)?.effective;
        return effective && BEHIND.has(effective.status)
          ? [{ place: { kpiId, measureId: measure.id, measureTitle: measure.title, sheetNumber }, effective }]
          : [];
      }),
    )
    .sort(
      (a, b) =>
        rank(a.effective.status) - rank(b.effective.status) ||
        (a.effective.score ?? 0) - (b.effective.score ?? 0),
    )
    .slice(0, WORST_KPIS)
    .map(({ place }) => place);
}

/**
 * The plan dashboard from what it shows (see DashboardRepository), the plan's statuses at the reference date
 * and the content of its worst KPIs.
 */
export function buildDashboard(
  content: DashboardContent,
  statuses: PlanStatusSet,
  summary: PlanSummary,
  worst: { places: readonly WorstKpiPlace[]; kpis: readonly KpiContent[] },
): PlanDashboard {
  const { referenceDate } = statuses;
  const kpiById = new Map(worst.kpis.map((kpi) => [kpi.id, kpi]));
  const inState = (measure: DashboardMeasure, status: Phase['status']): Phase[] =>
    measure.phases.map((phase) => phaseAt(phase, referenceDate)).filter((p) => p.status === status);
  const overdue = (measure: DashboardMeasure): Phase[] => inState(measure, 'overdue');
  const countOnHomeSheets = (sheet: DashboardContent['sheets'][number], status: Phase['status']): number =>
    sheet.placements.reduce((n, p) => {
      const measure = content.measures.get(p.measureId);
      return !p.isRepost && measure ? n + inState(measure, status).length : n;
    }, 0);
  return {
    plan: summary,
    referenceDate,
    goals: content.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      statusSummary: statuses.byGoal.get(goal.id) ?? NONE,
      outcomes: goal.outcomes.map((outcome) => {
        const kpi = withStatus(outcome, statuses);
        return {
          kpi,
          path: requiredPath({
            shape: kpi.shape,
            unit: kpi.unit,
            baseline: kpi.baseline,
            target: kpi.target,
          }),
        };
      }),
    })),
    sheets: content.sheets.map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      statusSummary: statuses.bySheet.get(sheet.id) ?? NONE,
      measures: sheet.placements.filter((p) => content.measures.has(p.measureId)).length,
      overduePhases: countOnHomeSheets(sheet, 'overdue'),
      unreportedPhases: countOnHomeSheets(sheet, 'unreported'),
    })),
    worstKpis: worst.places.flatMap(({ kpiId, ...place }) => {
      const kpi = kpiById.get(kpiId);
      return kpi ? [{ kpi: withStatus(kpi, statuses), ...place }] : [];
    }),
    overduePhases: placedMeasures(content).flatMap(({ sheetNumber, measure }) =>
      overdue(measure).map((phase) => ({
        measureId: measure.id,
        measureTitle: measure.title,
        sheetNumber,
        phase,
      })),
    ),
    budget: budgetTotals(content.projects),
  };
}
