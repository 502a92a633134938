import { valueOnGeometricPath } from '@kotei/domain';
import type { Kpi, PlanDashboard, PlanSummary, PlanTree } from '@kotei/contracts';
import { budgetTotals } from '@kotei/reports';

const WORST_KPIS = 10;
const STATUS_ORDER = ['deteriorating', 'limited', 'moderate', 'no_data', 'on_track', 'achieved'] as const;

/**
 * The path an outcome should follow, one point a fiscal year from its baseline to its target: geometric for
 * growth KPIs (as the published method judges them), straight for sums, and nothing where there is no base.
 */
export function requiredPath(kpi: Kpi): { year: number; value: number }[] {
  const { baseline, target } = kpi;
  if (
    baseline?.value == null ||
    target?.value == null ||
    baseline.fiscalYear == null ||
    target.fiscalYear == null
  ) {
    return [];
  }
  const from = { year: baseline.fiscalYear, value: baseline.value };
  const to = {
    year: target.fiscalYear,
    value: kpi.shape === 'multiplier' ? baseline.value * target.value : target.value,
  };
  if (to.year <= from.year) return [from];
  const points: { year: number; value: number }[] = [];
  for (let year = from.year; year <= to.year; year += 1) {
    const geometric =
      kpi.shape === 'level' || kpi.shape === 'multiplier' ? valueOnGeometricPath(from, to, year) : null;
    const linear = from.value + ((to.value - from.value) * (year - from.year)) / (to.year - from.year);
    points.push({ year, value: geometric ?? linear });
  }
  return points;
}

/** Build the plan dashboard from the plan tree (statuses already computed at its reference date). */
export function buildDashboard(tree: PlanTree, summary: PlanSummary): PlanDashboard {
  const placed = tree.sheets.flatMap((sheet) =>
    sheet.measures.filter((m) => !m.isRepost).map((measure) => ({ sheet, measure })),
  );
  const rank = (kpi: Kpi): number => STATUS_ORDER.indexOf(kpi.status.status);
  const worstKpis = placed
    .flatMap(({ sheet, measure }) =>
      measure.kpis.map((kpi) => ({
        kpi,
        measureId: measure.id,
        measureTitle: measure.title,
        sheetNumber: sheet.number,
      })),
    )
    .filter(
      ({ kpi }) =>
        kpi.status.status === 'deteriorating' ||
        kpi.status.status === 'limited' ||
        kpi.status.status === 'moderate',
    )
    .sort((a, b) => rank(a.kpi) - rank(b.kpi) || (a.kpi.status.score ?? 0) - (b.kpi.status.score ?? 0))
    .slice(0, WORST_KPIS);
  const overduePhases = placed.flatMap(({ sheet, measure }) =>
    measure.phases
      .filter((phase) => phase.status === 'overdue')
      .map((phase) => ({
        measureId: measure.id,
        measureTitle: measure.title,
        sheetNumber: sheet.number,
        phase,
      })),
  );
  const projects = [
    ...tree.sheets.flatMap((s) => s.projects),
    ...placed.flatMap(({ measure }) => measure.projects),
  ];
  return {
    plan: summary,
    referenceDate: tree.referenceDate,
    goals: tree.strategicGoals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      statusSummary: goal.statusSummary,
      outcomes: goal.outcomes.map((kpi) => ({ kpi, path: requiredPath(kpi) })),
    })),
    sheets: tree.sheets.map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      statusSummary: sheet.statusSummary,
      measures: sheet.measures.length,
      overduePhases: sheet.measures
        .filter((m) => !m.isRepost)
        .reduce((n, m) => n + m.phases.filter((p) => p.status === 'overdue').length, 0),
    })),
    worstKpis,
    overduePhases,
    budget: budgetTotals(projects),
  };
}
