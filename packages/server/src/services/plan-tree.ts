import {
  applyOverride,
  evaluateKpi,
  phaseStatusAt,
  rollUpByGoal,
  rollUpByMeasure,
  rollUpBySheet,
  rollUpPlan,
  rollUpStatuses,
  type BudgetType,
  type Direction,
  type EffectiveStatus,
  type KpiPoint as DomainKpiPoint,
  type KpiShape,
  type ProgressStatus,
  type RoundState,
  type StatusRollUp,
} from '@kotei/domain';
import type {
  BudgetProject,
  Kpi,
  KpiStatus,
  Measure,
  PlanTree,
  ProgressBullet,
  Round,
} from '@kotei/contracts';
import type { FollowUpRoundTable, KpiTable } from '../db/schema.js';
import type { PlanRows } from '../repositories/plan.repository.js';

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** A round as the API shows it. */
export function toRound(row: FollowUpRoundTable): Round {
  return {
    id: row.id,
    title: row.title,
    asOfDate: row.as_of_date,
    deadline: row.deadline,
    state: row.state as RoundState,
  };
}

function pointOf(
  value: number | null,
  start: string | null,
  end: string | null,
  fiscalYear: number | null,
  label: string | null,
): DomainKpiPoint | null {
  if (label === null || start === null) return null;
  return { value, period: { start, end, fiscalYear, label } };
}

/**
 * Every KPI's status at the reference date, computed on read from its actuals (so it can never be stale)
 * and combined with a coordinator's override where there is one.
 */
export function evaluatePlanKpis(
  rows: Pick<PlanRows, 'kpis' | 'observations' | 'overrides'>,
  referenceDate: string,
): Map<string, EffectiveStatus> {
  const observationsByKpi = groupBy(rows.observations, (o) => o.kpi_id);
  const overrideByKpi = new Map(rows.overrides.map((o) => [o.kpi_id, o]));
  const statuses = new Map<string, EffectiveStatus>();
  for (const row of rows.kpis) {
    const computed = evaluateKpi(
      {
        id: row.id,
        name: row.name,
        unit: row.unit,
        shape: row.shape as KpiShape,
        direction: row.direction as Direction,
        baseline: pointOf(
          row.baseline_value,
          row.baseline_start,
          row.baseline_end,
          row.baseline_fiscal_year,
          row.baseline_label,
        ),
        target: pointOf(
          row.target_value,
          row.target_start,
          row.target_end,
          row.target_fiscal_year,
          row.target_label,
        ),
      },
      (observationsByKpi.get(row.id) ?? []).map((o) => ({
        value: o.value,
        period: {
          start: o.period_start,
          end: o.period_end,
          fiscalYear: o.period_fiscal_year,
          label: o.period_label,
        },
      })),
      referenceDate,
    );
    const override = overrideByKpi.get(row.id);
    statuses.set(
      row.id,
      applyOverride(
        computed,
        override
          ? {
              status: override.status as ProgressStatus,
              reason: override.reason,
              by: override.set_by,
              at: override.set_at,
            }
          : null,
      ),
    );
  }
  return statuses;
}

function toKpiStatus(status: EffectiveStatus): KpiStatus {
  const { computed, override, effective } = status;
  return {
    status: effective.status,
    computedStatus: computed.status,
    score: effective.score,
    progressValue: computed.progressValue,
    reason: computed.reason,
    valueUsed: computed.valueUsed,
    valueYear: computed.valueYear,
    expectedValue: computed.expectedValue,
    forecast: computed.forecast,
    method: computed.method,
    methodVersion: computed.methodVersion,
    sentence: computed.sentence,
    override,
  };
}

/**
 * Assemble the plan tree from its rows, with each phase's schedule status at the reference date. Pure, so
 * the same rows always give the same tree; reposts show the same measure id again with `isRepost`.
 */
export function assemblePlanTree(rows: PlanRows, referenceDate: string): PlanTree {
  const observationsByKpi = groupBy(rows.observations, (o) => o.kpi_id);
  const statuses = evaluatePlanKpis(rows, referenceDate);
  const effective = [...statuses.values()].map((s) => s.effective);
  const placementsOf = groupBy(rows.placements, (p) => p.measure_id);
  const kpiPlacements = rows.kpis.map((k) => ({ id: k.id, measureId: k.measure_id, goalId: k.goal_id }));
  const measurePlacements = rows.measures.map((m) => {
    const placements = placementsOf.get(m.id) ?? [];
    return {
      id: m.id,
      sheetId: placements.find((p) => p.is_repost === 0)?.sheet_id ?? '',
      repostedOnSheetIds: placements.filter((p) => p.is_repost === 1).map((p) => p.sheet_id),
    };
  });
  const byMeasure = rollUpByMeasure(kpiPlacements, effective);
  const bySheet = rollUpBySheet(measurePlacements, kpiPlacements, effective);
  const byGoal = rollUpByGoal(kpiPlacements, effective);
  const none: StatusRollUp = rollUpStatuses([]);
  const toKpi = (row: KpiTable): Kpi => ({
    id: row.id,
    name: row.name,
    unit: row.unit,
    shape: row.shape as KpiShape,
    direction: row.direction as Direction,
    baseline:
      row.baseline_label === null
        ? null
        : {
            value: row.baseline_value,
            fiscalYear: row.baseline_fiscal_year,
            label: row.baseline_label,
            start: row.baseline_start,
            end: row.baseline_end,
          },
    target:
      row.target_label === null
        ? null
        : {
            value: row.target_value,
            fiscalYear: row.target_fiscal_year,
            label: row.target_label,
            start: row.target_start,
            end: row.target_end,
          },
    note: row.note,
    actuals: (observationsByKpi.get(row.id) ?? []).map((o) => ({
      value: o.value,
      fiscalYear: o.period_fiscal_year,
      label: o.period_label,
      origin: o.origin as Kpi['actuals'][number]['origin'],
    })),
    status: toKpiStatus(statuses.get(row.id) as EffectiveStatus),
  });

  const linesByProject = groupBy(rows.lines, (l) => l.project_id);
  const projectById = new Map(
    rows.projects.map((p): [string, BudgetProject] => [
      p.id,
      {
        id: p.id,
        name: p.name,
        ministry: p.ministry,
        lines: (linesByProject.get(p.id) ?? []).map((l) => ({
          amountYen: l.amount_yen,
          fiscalYear: l.fiscal_year,
          type: l.budget_type as BudgetType,
          isPartOf: l.is_part_of === 1,
          label: l.label,
        })),
      },
    ]),
  );
  const projectsFor = (links: readonly { project_id: string }[] | undefined): BudgetProject[] =>
    (links ?? []).flatMap((link) => projectById.get(link.project_id) ?? []);

  const reportById = new Map(rows.reports.map((r) => [r.id, r]));
  const bulletsByOwner = groupBy(rows.bullets, (b) => {
    const report = reportById.get(b.report_id);
    return report ? (report.measure_id ?? `sheet:${report.sheet_id ?? ''}`) : null;
  });
  const roundOrder = new Map(rows.rounds.map((r, index) => [r.id, index]));
  const progressFor = (ownerKey: string): ProgressBullet[] =>
    (bulletsByOwner.get(ownerKey) ?? [])
      .map((b) => ({ bullet: b, report: reportById.get(b.report_id) }))
      .sort(
        (a, b) =>
          (roundOrder.get(a.report?.round_id ?? '') ?? 0) - (roundOrder.get(b.report?.round_id ?? '') ?? 0) ||
          a.bullet.sort_order - b.bullet.sort_order,
      )
      .map(({ bullet, report }) => ({
        id: bullet.id,
        roundId: report?.round_id ?? '',
        ministry: bullet.ministry,
        text: bullet.text,
      }));

  const measureById = new Map(rows.measures.map((m) => [m.id, m]));
  const ministriesByMeasure = groupBy(rows.ministries, (m) => m.measure_id);
  const phasesByMeasure = groupBy(rows.phases, (p) => p.measure_id);
  const kpisByMeasure = groupBy(rows.kpis, (k) => k.measure_id);
  const kpisByGoal = groupBy(rows.kpis, (k) => k.goal_id);
  const linksByMeasure = groupBy(rows.links, (l) => l.measure_id);
  const linksBySheet = groupBy(rows.links, (l) => l.sheet_id);
  const placementsBySheet = groupBy(rows.placements, (p) => p.sheet_id);

  const toMeasure = (measureId: string, isRepost: boolean): Measure[] => {
    const measure = measureById.get(measureId);
    if (!measure) return [];
    return [
      {
        id: measure.id,
        title: measure.title,
        ministries: (ministriesByMeasure.get(measure.id) ?? []).map((m) => m.ministry),
        isRepost,
        phases: (phasesByMeasure.get(measure.id) ?? []).map((p) => {
          const period = {
            start: p.period_start,
            end: p.period_end,
            fiscalYear: p.period_fiscal_year,
            label: p.period_label,
          };
          return {
            id: p.id,
            text: p.text,
            period,
            status: phaseStatusAt({ isDone: p.is_done === 1, period }, referenceDate),
          };
        }),
        kpis: (kpisByMeasure.get(measure.id) ?? []).map(toKpi),
        progress: progressFor(measure.id),
        projects: projectsFor(linksByMeasure.get(measure.id)),
        statusSummary: byMeasure.get(measure.id) ?? none,
      },
    ];
  };

  return {
    id: rows.plan.id,
    slug: rows.plan.slug,
    title: rows.plan.title,
    owner: rows.plan.owner,
    adoptedOn: rows.plan.adopted_on,
    description: rows.plan.description,
    policyFields: rows.policyFields,
    isSample: rows.plan.is_sample === 1,
    referenceDate,
    statusSummary: rollUpPlan(kpiPlacements, effective),
    rounds: rows.rounds.map(toRound),
    strategicGoals: rows.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      note: goal.note,
      outcomes: (kpisByGoal.get(goal.id) ?? []).map(toKpi),
      statusSummary: byGoal.get(goal.id) ?? none,
    })),
    sheets: rows.sheets.map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      measures: (placementsBySheet.get(sheet.id) ?? []).flatMap((p) =>
        toMeasure(p.measure_id, p.is_repost === 1),
      ),
      progress: progressFor(`sheet:${sheet.id}`),
      projects: projectsFor(linksBySheet.get(sheet.id)),
      statusSummary: bySheet.get(sheet.id) ?? none,
    })),
  };
}
