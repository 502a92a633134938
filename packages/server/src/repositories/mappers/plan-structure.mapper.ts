import type { BudgetNode, BudgetType, KpiNode, PlanStructure, StructurePoint } from '@kotei/domain';
import { endOfJapanDay } from '@kotei/domain';
import type { KpiTable, PhaseTable, RetiredEntityTable } from '../../db/schema.js';
import type { PlanRows } from '../plan-rows.js';

type Horizon = PlanStructure['plan']['horizon'];

function pointOf(row: KpiTable, key: 'baseline' | 'target'): StructurePoint | null {
  const start = row[`${key}_start`];
  const label = row[`${key}_label`];
  if (start === null || label === null) return null;
  return {
    value: row[`${key}_value`],
    period: { start, end: row[`${key}_end`], fiscalYear: row[`${key}_fiscal_year`], label },
  };
}

/**
 * The structure the plan's rows hold: every goal, sheet, measure, phase and KPI with its id, order and whether a
 * revision retired it (from `retired`). Revision 1 of an imported plan is this, with nothing retired.
 */
export function structureFromRows(
  rows: PlanRows,
  horizon: Horizon,
  retired: readonly RetiredEntityTable[],
): PlanStructure {
  const out = new Map(retired.map((r) => [r.entity_id, r]));
  const isOut = (id: string) => out.has(id);
  const homes = new Map(rows.placements.filter((p) => p.is_repost === 0).map((p) => [p.measure_id, p]));
  const ministries = new Map<string, string[]>();
  for (const m of rows.ministries)
    ministries.set(m.measure_id, [...(ministries.get(m.measure_id) ?? []), m.ministry]);
  return {
    plan: { title: rows.plan.title, owner: rows.plan.owner, policyFields: rows.policyFields, horizon },
    goals: rows.goals.map((g, i) => ({
      id: g.id,
      number: g.number,
      title: g.title,
      order: i,
      retired: isOut(g.id),
    })),
    sheets: rows.sheets.map((s, i) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      order: i,
      retired: isOut(s.id),
    })),
    measures: rows.measures.flatMap((m) => {
      const home = homes.get(m.id);
      if (home === undefined) return [];
      return [
        {
          id: m.id,
          sheetId: home.sheet_id,
          title: m.title,
          ministries: ministries.get(m.id) ?? [],
          order: home.sort_order,
          retired: isOut(m.id),
          mergedInto: out.get(m.id)?.merged_into ?? null,
          splitFrom: null,
        },
      ];
    }),
    phases: rows.phases.map((p) => ({
      id: p.id,
      measureId: p.measure_id,
      text: p.text,
      period: {
        start: p.period_start,
        end: p.period_end,
        fiscalYear: p.period_fiscal_year,
        label: p.period_label,
      },
      order: p.sort_order,
      retired: isOut(p.id),
    })),
    kpis: rows.kpis.map((k): KpiNode => ({
      id: k.id,
      level: k.level === 'outcome' ? 'outcome' : 'output',
      measureId: k.measure_id,
      goalId: k.goal_id,
      name: k.name,
      unit: k.unit,
      shape: k.shape as KpiNode['shape'],
      direction: k.direction as KpiNode['direction'],
      baseline: pointOf(k, 'baseline'),
      target: pointOf(k, 'target'),
      order: k.sort_order,
      retired: isOut(k.id),
      mergedInto: out.get(k.id)?.merged_into ?? null,
    })),
    budgets: budgetsFromRows(rows, isOut),
  };
}

/** The plan's budget projects (該当事業) as a structure holds them, each with its measures and lines. */
function budgetsFromRows(rows: PlanRows, isOut: (id: string) => boolean): BudgetNode[] {
  return rows.projects.map((p, i) => ({
    id: p.id,
    order: i,
    retired: isOut(p.id),
    measureIds: rows.links.flatMap((l) =>
      l.project_id === p.id && l.measure_id !== null ? [l.measure_id] : [],
    ),
    name: p.name,
    ministry: p.ministry,
    lines: rows.lines
      .filter((l) => l.project_id === p.id)
      .map((l) => ({
        id: l.id,
        amountYen: l.amount_yen,
        fiscalYear: l.fiscal_year,
        type: l.budget_type as BudgetType,
        isPartOf: l.is_part_of === 1,
        label: l.label,
      })),
  }));
}

/** The budget rows as a structure fixes them; a structure kept before budgets were leaves them as they are. */
function budgetRowsAsOf(rows: PlanRows, s: PlanStructure): Pick<PlanRows, 'projects' | 'lines' | 'links'> {
  if (s.budgets === undefined) return { projects: rows.projects, lines: rows.lines, links: rows.links };
  const projects = new Map(s.budgets.filter((b) => !b.retired).map((b) => [b.id, b]));
  const lines = new Map([...projects.values()].flatMap((b) => b.lines.map((l) => [l.id, l] as const)));
  return {
    projects: rows.projects.flatMap((r) => {
      const n = projects.get(r.id);
      return n ? [{ ...r, name: n.name, ministry: n.ministry }] : [];
    }),
    lines: rows.lines.flatMap((r) => {
      const n = lines.get(r.id);
      return n
        ? [{ ...r, amount_yen: n.amountYen, fiscal_year: n.fiscalYear, budget_type: n.type, label: n.label }]
        : [];
    }),
    links: rows.links.filter((l) => projects.has(l.project_id)),
  };
}

/** The KPI columns a structure's KPI fixes. */
export function kpiColumns(
  k: KpiNode,
): Pick<
  KpiTable,
  | 'measure_id'
  | 'goal_id'
  | 'level'
  | 'name'
  | 'unit'
  | 'shape'
  | 'direction'
  | 'sort_order'
  | `baseline_${'value' | 'start' | 'end' | 'fiscal_year' | 'label'}`
  | `target_${'value' | 'start' | 'end' | 'fiscal_year' | 'label'}`
> {
  const point = (p: StructurePoint | null, key: 'baseline' | 'target') => ({
    [`${key}_value`]: p?.value ?? null,
    [`${key}_start`]: p?.period.start ?? null,
    [`${key}_end`]: p?.period.end ?? null,
    [`${key}_fiscal_year`]: p?.period.fiscalYear ?? null,
    [`${key}_label`]: p?.period.label ?? null,
  });
  return {
    measure_id: k.measureId,
    goal_id: k.goalId,
    level: k.level,
    name: k.name,
    unit: k.unit,
    shape: k.shape,
    direction: k.direction,
    sort_order: k.order,
    ...(point(k.baseline, 'baseline') as Pick<
      KpiTable,
      `baseline_${'value' | 'start' | 'end' | 'fiscal_year' | 'label'}`
    >),
    ...(point(k.target, 'target') as Pick<
      KpiTable,
      `target_${'value' | 'start' | 'end' | 'fiscal_year' | 'label'}`
    >),
  };
}

/** The phase columns a structure's phase fixes. */
export function phaseColumns(
  p: PlanStructure['phases'][number],
): Pick<
  PhaseTable,
  'measure_id' | 'text' | 'sort_order' | 'period_start' | 'period_end' | 'period_fiscal_year' | 'period_label'
> {
  return {
    measure_id: p.measureId,
    text: p.text,
    sort_order: p.order,
    period_start: p.period.start,
    period_end: p.period.end,
    period_fiscal_year: p.period.fiscalYear,
    period_label: p.period.label,
  };
}

const byOrder = <T extends { sort_order: number }>(a: T, b: T) => a.sort_order - b.sort_order;

/**
 * The plan's rows as a structure fixes them (time travel): what the structure leaves out or retired is dropped
 * with everything under it, what it holds takes the structure's fields, order and place, and the actuals,
 * progress and phase reports of what is kept stay as recorded (ids are stable, so they stay attached).
 */
export function rowsAsOf(rows: PlanRows, s: PlanStructure): PlanRows {
  const goals = new Map(s.goals.filter((n) => !n.retired).map((n) => [n.id, n]));
  const sheets = new Map(s.sheets.filter((n) => !n.retired).map((n) => [n.id, n]));
  const measures = new Map(
    s.measures.filter((n) => !n.retired && sheets.has(n.sheetId)).map((n) => [n.id, n]),
  );
  const phases = new Map(
    s.phases.filter((n) => !n.retired && measures.has(n.measureId)).map((n) => [n.id, n]),
  );
  const kpis = new Map(
    s.kpis
      .filter(
        (n) =>
          !n.retired &&
          (n.measureId === null ? n.goalId !== null && goals.has(n.goalId) : measures.has(n.measureId)),
      )
      .map((n) => [n.id, n]),
  );
  const liveOwner = (o: { measure_id: string | null; sheet_id: string | null }) =>
    o.measure_id !== null ? measures.has(o.measure_id) : o.sheet_id === null || sheets.has(o.sheet_id);
  const placements = rows.placements.flatMap((p) => {
    const m = measures.get(p.measure_id);
    if (m === undefined) return [];
    if (p.is_repost === 0) return [{ ...p, sheet_id: m.sheetId, sort_order: m.order }];
    return sheets.has(p.sheet_id) && p.sheet_id !== m.sheetId ? [p] : [];
  });
  // A measure a later revision added has no row yet at an earlier one; one added by this revision has rows.
  const budgets = budgetRowsAsOf(rows, s);
  return {
    ...rows,
    projects: budgets.projects,
    lines: budgets.lines,
    plan: { ...rows.plan, title: s.plan.title, owner: s.plan.owner },
    goals: rows.goals
      .flatMap((g) => {
        const n = goals.get(g.id);
        return n ? [{ ...g, number: n.number, title: n.title }] : [];
      })
      .sort((a, b) => a.number - b.number),
    sheets: rows.sheets
      .flatMap((r) => {
        const n = sheets.get(r.id);
        return n ? [{ ...r, number: n.number, title: n.title }] : [];
      })
      .sort((a, b) => a.number - b.number),
    measures: rows.measures.flatMap((r) => {
      const n = measures.get(r.id);
      return n ? [{ ...r, title: n.title }] : [];
    }),
    placements: placements.sort(byOrder),
    ministries: [...measures.values()].flatMap((m) =>
      m.ministries.map((ministry, sort_order) => ({ measure_id: m.id, ministry, sort_order })),
    ),
    phases: rows.phases
      .flatMap((r) => {
        const n = phases.get(r.id);
        return n ? [{ ...r, ...phaseColumns(n) }] : [];
      })
      .sort(byOrder),
    kpis: rows.kpis
      .flatMap((r) => {
        const n = kpis.get(r.id);
        return n ? [{ ...r, ...kpiColumns(n) }] : [];
      })
      .sort(byOrder),
    observations: rows.observations.filter((o) => kpis.has(o.kpi_id)),
    breakdowns: rows.breakdowns.filter((b) => kpis.has(b.kpi_id)),
    overrides: rows.overrides.filter((o) => kpis.has(o.kpi_id)),
    links: budgets.links.filter(liveOwner),
    reports: rows.reports.filter(liveOwner),
    phaseReports: rows.phaseReports.filter((r) => phases.has(r.phase_id)),
  };
}

/**
 * The rows as they stood at `cutoff` (an ISO instant; time travel to a revision that a later one replaced, or
 * to the end of a day). A round counts at its as-of date, not at its publication: a published round taken by
 * the cutoff (the end of its as-of day in Japan no later) is kept with its progress, phase reports and actuals
 * even when it was published after it — it reports against the plan then in force — and a round taken later
 * is left out even when it was published before. Actuals recorded outside a round and status overrides count
 * at the time they were written.
 */
export function rowsUntil(rows: PlanRows, cutoff: string): PlanRows {
  const taken = (asOfDate: string): boolean => endOfJapanDay(asOfDate) <= cutoff;
  const rounds = rows.rounds.filter((r) => taken(r.as_of_date));
  const roundIds = new Set(rounds.map((r) => r.id));
  const reports = rows.reports.filter((r) => roundIds.has(r.round_id));
  const reportIds = new Set(reports.map((r) => r.id));
  const observations = rows.observations.filter((o) =>
    o.round_id === null ? o.recorded_at <= cutoff : roundIds.has(o.round_id),
  );
  const observationIds = new Set(observations.map((o) => o.id));
  return {
    ...rows,
    rounds,
    reports,
    bullets: rows.bullets.filter((b) => reportIds.has(b.report_id)),
    observations,
    breakdowns: rows.breakdowns.filter(
      (b) => b.observation_id === null || observationIds.has(b.observation_id),
    ),
    overrides: rows.overrides.filter((o) => o.set_at <= cutoff),
    phaseReports: rows.phaseReports.filter((r) => taken(r.as_of_date)),
  };
}

/** The rows of the plan as it stands: what a revision retired is left out, with everything under it. */
export function liveRows(rows: PlanRows, retired: ReadonlySet<string>): PlanRows {
  if (retired.size === 0) return rows;
  const goals = rows.goals.filter((g) => !retired.has(g.id));
  const sheets = rows.sheets.filter((s) => !retired.has(s.id));
  const sheetIds = new Set(sheets.map((s) => s.id));
  const goalIds = new Set(goals.map((g) => g.id));
  const placements = rows.placements.filter((p) => sheetIds.has(p.sheet_id) && !retired.has(p.measure_id));
  const measureIds = new Set(placements.map((p) => p.measure_id));
  const kpis = rows.kpis.filter(
    (k) =>
      !retired.has(k.id) &&
      (k.measure_id !== null ? measureIds.has(k.measure_id) : k.goal_id !== null && goalIds.has(k.goal_id)),
  );
  const kpiIds = new Set(kpis.map((k) => k.id));
  const phases = rows.phases.filter((p) => !retired.has(p.id) && measureIds.has(p.measure_id));
  const phaseIds = new Set(phases.map((p) => p.id));
  const liveOwner = (o: { measure_id: string | null; sheet_id: string | null }) =>
    o.measure_id !== null ? measureIds.has(o.measure_id) : o.sheet_id === null || sheetIds.has(o.sheet_id);
  return {
    ...rows,
    goals,
    sheets,
    measures: rows.measures.filter((m) => measureIds.has(m.id)),
    placements,
    ministries: rows.ministries.filter((m) => measureIds.has(m.measure_id)),
    phases,
    kpis,
    observations: rows.observations.filter((o) => kpiIds.has(o.kpi_id)),
    breakdowns: rows.breakdowns.filter((b) => kpiIds.has(b.kpi_id)),
    overrides: rows.overrides.filter((o) => kpiIds.has(o.kpi_id)),
    projects: rows.projects.filter((p) => !retired.has(p.id)),
    lines: rows.lines.filter((l) => !retired.has(l.project_id)),
    links: rows.links.filter((l) => liveOwner(l) && !retired.has(l.project_id)),
    reports: rows.reports.filter(liveOwner),
    phaseReports: rows.phaseReports.filter((r) => phaseIds.has(r.phase_id)),
  };
}
