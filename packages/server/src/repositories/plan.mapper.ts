import type { StatusMethod } from '@kotei/domain';
import type {
  Direction,
  KpiForStatus,
  KpiPlacement,
  KpiPoint as DomainKpiPoint,
  KpiShape,
  MeasurePlacement,
  ObservationForStatus,
  ObservationOrigin,
  Phase,
  PhaseReportState,
  Plan,
  SourceRef,
  ProgressStatus,
  RoundState,
  BudgetType,
  StatusOverride,
} from '@kotei/domain';
import type { BudgetProject, Kpi, KpiPoint, PlanSummary, ProgressBullet, Round } from '@kotei/contracts';
import type {
  BreakdownValueTable,
  BudgetLineTable,
  BudgetProjectTable,
  FollowUpRoundTable,
  KpiTable,
  MeasurePlacementTable,
  ObservationTable,
  PhaseTable,
  PlanTable,
  ProjectLinkTable,
  StatusOverrideTable,
} from '../db/schema.js';
import { indexBreakdowns, NO_BREAKDOWNS, type BreakdownIndex } from './breakdown.mapper.js';
import { groupBy } from './group-by.js';
import type { PlanRows, PublishedPhaseReport } from './plan-rows.js';

/** A KPI or outcome target as stored, before its status at a date is known. */
export type KpiContent = Omit<Kpi, 'status'>;

/** A phase as stored: its state at a date follows from `isDone`, the published reports and the date. */
export type PhaseContent = Pick<Phase, 'id' | 'text' | 'period' | 'isDone' | 'reports'>;

/** A measure as stored, without statuses. */
export interface MeasureContent {
  id: string;
  title: string;
  ministries: string[];
  phases: PhaseContent[];
  kpis: KpiContent[];
  progress: ProgressBullet[];
  projects: BudgetProject[];
  source: SourceRef | null;
}

/** A sheet as stored: the measures it shows (in order, reposts marked), its own progress and projects. */
export interface SheetContent {
  id: string;
  number: number;
  title: string;
  placements: { measureId: string; isRepost: boolean }[];
  progress: ProgressBullet[];
  projects: BudgetProject[];
}

/** A strategic goal as stored, with its outcome targets. */
export interface GoalContent {
  id: string;
  number: number;
  title: string;
  note: string;
  outcomes: KpiContent[];
}

/** A whole plan as stored, without statuses (those depend on the reference date). */
export interface PlanContent {
  plan: Plan;
  /** The status method the plan is judged by (#16). */
  statusMethod: StatusMethod;
  /** Raised by every write that can change a status; statuses kept under it are valid while it stays. */
  dataVersion: number;
  rounds: Round[];
  goals: GoalContent[];
  sheets: SheetContent[];
  measures: ReadonlyMap<string, MeasureContent>;
}

/** What the status engine reads for one KPI or outcome target. */
export interface KpiStatusInput {
  planId: string;
  placement: KpiPlacement;
  kpi: KpiForStatus;
  /** Its own actuals, with how each reached kotei (shown when another KPI borrows them). */
  actuals: (ObservationForStatus & { origin: ObservationOrigin })[];
  override: StatusOverride | null;
}

/** What the status engine reads for some plans: every KPI, and where each measure is placed. */
export interface StatusInputs {
  kpis: KpiStatusInput[];
  measures: (MeasurePlacement & { planId: string })[];
}

/** A plan as listed, before its statuses at a date are known, with the version they are kept under. */
export interface PlanListing {
  dataVersion: number;
  summary: Omit<PlanSummary, 'statusSummary'>;
}

/**
 * A plan as listed from its row, its policy fields, counts and rounds (latest first): the latest round, and
 * the earliest deadline of a round not yet published.
 */
export function toPlanListing(
  plan: PlanTable,
  extra: { policyFields: string[]; counts: PlanSummary['counts']; rounds: readonly FollowUpRoundTable[] },
): PlanListing {
  // The latest round the public may see: an unpublished round is known only to those who work on it.
  const latest = extra.rounds.find((r) => r.state === 'published');
  return {
    dataVersion: plan.data_version,
    summary: {
      id: plan.id,
      slug: plan.slug,
      title: plan.title,
      owner: plan.owner,
      adoptedOn: plan.adopted_on,
      policyFields: extra.policyFields,
      isSample: plan.is_sample === 1,
      statusMethod: plan.status_method,
      counts: extra.counts,
      latestRound: latest ? toRound(latest) : null,
      nextDeadline:
        extra.rounds
          .filter((r) => r.state !== 'published' && r.deadline !== null)
          .map((r) => r.deadline as string)
          .sort()[0] ?? null,
    },
  };
}

/** A round as the API shows it. */
export function toRound(row: FollowUpRoundTable): Round {
  return {
    id: row.id,
    title: row.title,
    asOfDate: row.as_of_date,
    deadline: row.deadline,
    state: row.state as RoundState,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
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

function toKpiForStatus(row: KpiTable, breakdowns: BreakdownIndex): KpiForStatus {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    shape: row.shape as KpiShape,
    direction: row.direction as Direction,
    ...toKpiPoints(row, breakdowns),
    bar: row.bar,
  };
}

/** A KPI's baseline and target from its row's columns, each with its breakdown when it has one. */
function toKpiPoints(row: KpiTable, breakdowns: BreakdownIndex): Pick<KpiContent, 'baseline' | 'target'> {
  const point = (
    value: number | null,
    start: string | null,
    end: string | null,
    fiscalYear: number | null,
    label: string | null,
    which: 'baseline' | 'target',
  ): KpiPoint | null => {
    const read = pointOf(value, start, end, fiscalYear, label);
    return read && { ...read, breakdown: breakdowns.ofPoint(row.id, which) };
  };
  return {
    baseline: point(
      row.baseline_value,
      row.baseline_start,
      row.baseline_end,
      row.baseline_fiscal_year,
      row.baseline_label,
      'baseline',
    ),
    target: point(
      row.target_value,
      row.target_start,
      row.target_end,
      row.target_fiscal_year,
      row.target_label,
      'target',
    ),
  };
}

/** The period columns of an actual's or a phase's row as one value. */
export function periodOf(
  row: Pick<PhaseTable, 'period_start' | 'period_end' | 'period_fiscal_year' | 'period_label'>,
) {
  return {
    start: row.period_start,
    end: row.period_end,
    fiscalYear: row.period_fiscal_year,
    label: row.period_label,
  };
}

function toActual(
  row: ObservationTable,
  breakdowns: BreakdownIndex,
): ObservationForStatus & { origin: ObservationOrigin } {
  return {
    breakdown: breakdowns.ofObservation(row.id),
    origin: row.origin as ObservationOrigin,
    value: row.value,
    period: periodOf(row),
  };
}

function toOverride(row: StatusOverrideTable | undefined): StatusOverride | null {
  return row
    ? { status: row.status as ProgressStatus, reason: row.reason, by: row.set_by, at: row.set_at }
    : null;
}

/** Each measure's placements as the status roll-ups read them: its home sheet and the sheets reposting it. */
function toMeasurePlacements(
  placements: readonly (Pick<MeasurePlacementTable, 'measure_id' | 'sheet_id' | 'is_repost'> & {
    plan_id: string;
  })[],
): StatusInputs['measures'] {
  return [...groupBy(placements, (p) => p.measure_id)].map(([id, list]) => ({
    id,
    planId: list[0]?.plan_id ?? '',
    sheetId: list.find((p) => p.is_repost === 0)?.sheet_id ?? '',
    repostedOnSheetIds: list.filter((p) => p.is_repost === 1).map((p) => p.sheet_id),
  }));
}

/** The status engine's inputs from the rows of KPIs, actuals, overrides and measure placements. */
export function toStatusInputs(rows: {
  kpis: readonly KpiTable[];
  observations: readonly ObservationTable[];
  overrides: readonly StatusOverrideTable[];
  placements: readonly (Pick<MeasurePlacementTable, 'measure_id' | 'sheet_id' | 'is_repost'> & {
    plan_id: string;
  })[];
  breakdowns?: readonly BreakdownValueTable[];
}): StatusInputs {
  const breakdowns = indexBreakdowns(rows.breakdowns ?? []);
  const observationsByKpi = groupBy(rows.observations, (o) => o.kpi_id);
  const overrideByKpi = new Map(rows.overrides.map((o) => [o.kpi_id, o]));
  return {
    kpis: rows.kpis.map((row) => ({
      planId: row.plan_id,
      placement: { id: row.id, measureId: row.measure_id, goalId: row.goal_id },
      kpi: toKpiForStatus(row, breakdowns),
      actuals: (observationsByKpi.get(row.id) ?? []).map((o) => toActual(o, breakdowns)),
      override: toOverride(overrideByKpi.get(row.id)),
    })),
    measures: toMeasurePlacements(rows.placements),
  };
}

/** A KPI as the API shows it, without its status, with its actuals in period order. */
export function toKpiContent(
  row: KpiTable,
  observations: readonly ObservationTable[],
  breakdowns: BreakdownIndex = NO_BREAKDOWNS,
): KpiContent {
  return {
    id: row.id,
    name: row.name,
    unit: row.unit,
    shape: row.shape as KpiShape,
    direction: row.direction as Direction,
    ...toKpiPoints(row, breakdowns),
    bar: row.bar,
    note: row.note,
    actuals: observations.map((o) => ({
      value: o.value,
      period: periodOf(o),
      origin: o.origin as ObservationOrigin,
      breakdown: breakdowns.ofObservation(o.id),
      borrowedFrom: null,
    })),
  };
}

/** A phase as stored, its period as one value. */
export function toPhaseContent(
  row: Omit<PhaseTable, 'sort_order' | 'source_line_from' | 'source_line_to' | 'source_text'>,
  reports: readonly PublishedPhaseReport[] = [],
): PhaseContent {
  return {
    id: row.id,
    text: row.text,
    period: periodOf(row),
    isDone: row.is_done === 1,
    reports: reports.map((r) => ({ state: r.state as PhaseReportState, asOfDate: r.as_of_date })),
  };
}

/** Budget projects with their lines, and a lookup of the projects linked to a measure or a sheet. */
export function toProjectLookup(rows: {
  projects: readonly BudgetProjectTable[];
  lines: readonly BudgetLineTable[];
  links: readonly ProjectLinkTable[];
}): { ofMeasure: (id: string) => BudgetProject[]; ofSheet: (id: string) => BudgetProject[] } {
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
  const linksByMeasure = groupBy(rows.links, (l) => l.measure_id);
  const linksBySheet = groupBy(rows.links, (l) => l.sheet_id);
  const projectsFor = (links: readonly { project_id: string }[] | undefined): BudgetProject[] =>
    (links ?? []).flatMap((link) => projectById.get(link.project_id) ?? []);
  return {
    ofMeasure: (id) => projectsFor(linksByMeasure.get(id)),
    ofSheet: (id) => projectsFor(linksBySheet.get(id)),
  };
}

// Progress bullets by owner (a measure's id, or `sheet:<id>`), in round order and then in written order.
function progressLookup(rows: PlanRows): (ownerKey: string) => ProgressBullet[] {
  const reportById = new Map(rows.reports.map((r) => [r.id, r]));
  const bulletsByOwner = groupBy(rows.bullets, (b) => {
    const report = reportById.get(b.report_id);
    return report ? (report.measure_id ?? `sheet:${report.sheet_id ?? ''}`) : null;
  });
  const roundOrder = new Map(rows.rounds.map((r, index) => [r.id, index]));
  return (ownerKey) =>
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
}

/** A whole plan from its rows, without statuses. Pure: the same rows always give the same content. */
export function toPlanContent(rows: PlanRows): PlanContent {
  const observationsByKpi = groupBy(rows.observations, (o) => o.kpi_id);
  const breakdowns = indexBreakdowns(rows.breakdowns);
  const kpiContent = (row: KpiTable): KpiContent =>
    toKpiContent(row, observationsByKpi.get(row.id) ?? [], breakdowns);
  const projects = toProjectLookup(rows);
  const progressFor = progressLookup(rows);
  const ministriesByMeasure = groupBy(rows.ministries, (m) => m.measure_id);
  const phasesByMeasure = groupBy(rows.phases, (p) => p.measure_id);
  const reportsByPhase = groupBy(rows.phaseReports, (r) => r.phase_id);
  const kpisByMeasure = groupBy(rows.kpis, (k) => k.measure_id);
  const kpisByGoal = groupBy(rows.kpis, (k) => k.goal_id);
  const placementsBySheet = groupBy(rows.placements, (p) => p.sheet_id);
  const { plan } = rows;
  return {
    plan: {
      id: plan.id,
      slug: plan.slug,
      title: plan.title,
      owner: plan.owner,
      adoptedOn: plan.adopted_on,
      description: plan.description,
      policyFields: rows.policyFields,
      isSample: plan.is_sample === 1,
    },
    statusMethod: plan.status_method,
    dataVersion: plan.data_version,
    rounds: rows.rounds.map(toRound),
    goals: rows.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      note: goal.note,
      outcomes: (kpisByGoal.get(goal.id) ?? []).map(kpiContent),
    })),
    sheets: rows.sheets.map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      placements: (placementsBySheet.get(sheet.id) ?? []).map((p) => ({
        measureId: p.measure_id,
        isRepost: p.is_repost === 1,
      })),
      progress: progressFor(`sheet:${sheet.id}`),
      projects: projects.ofSheet(sheet.id),
    })),
    measures: new Map(
      rows.measures.map((measure): [string, MeasureContent] => [
        measure.id,
        {
          id: measure.id,
          title: measure.title,
          ministries: (ministriesByMeasure.get(measure.id) ?? []).map((m) => m.ministry),
          phases: (phasesByMeasure.get(measure.id) ?? []).map((p) =>
            toPhaseContent(p, reportsByPhase.get(p.id)),
          ),
          kpis: (kpisByMeasure.get(measure.id) ?? []).map(kpiContent),
          progress: progressFor(measure.id),
          projects: projects.ofMeasure(measure.id),
          source:
            measure.source_line_from === null || measure.source_line_to === null
              ? null
              : {
                  lineFrom: measure.source_line_from,
                  lineTo: measure.source_line_to,
                  rawText: measure.source_text ?? '',
                },
        },
      ]),
    ),
  };
}
