import type { AbnfGrade, ProgressStatus } from '../model/codes.js';
import { PROGRESS_STATUSES } from '../model/codes.js';
import type { Id, Kpi, Measure } from '../model/entities.js';
import type { ScoredStatus } from './open-sdg.js';
import { rollUp } from './open-sdg.js';

/** A KPI's status as a roll-up reads it: a computed {@link KpiStatus} or an effective (overridden) one. */
export interface KpiScoredStatus extends ScoredStatus {
  kpiId: Id;
  /** The KPI's A/B/N/F grade, when graded; a KPI without one counts as N in `grades`. */
  grade?: AbnfGrade;
}

/** A status as a roll-up counts it: the Open SDG status and score, and the A/B/N/F grade when there is one. */
type RolledStatus = ScoredStatus & { grade?: AbnfGrade };

/** The status of a group of KPIs (measure, sheet, strategic goal, plan): the published roll-up plus counts. */
export interface StatusRollUp {
  /** By the mean score's band; achieved only when every scored KPI achieved; no_data when none has a score. */
  status: ProgressStatus;
  /** The mean of the scores present; null when none. */
  score: number | null;
  /** KPIs per status; a KPI in scope without an evaluation counts as no_data. */
  counts: Record<ProgressStatus, number>;
  /** KPIs in scope. */
  total: number;
  /** KPIs that have a score and so enter the mean. */
  scored: number;
  /** KPIs per A/B/N/F grade (A n件 / B n件 / N n件 / F n件); a KPI without a grade counts as N. */
  grades: Record<AbnfGrade, number>;
}

/** A KPI as the roll-ups place it. */
export type KpiPlacement = Pick<Kpi, 'id' | 'measureId' | 'goalId'>;

/** A measure as the roll-ups place it: its own sheet and the sheets that repost it. */
export type MeasurePlacement = Pick<Measure, 'id' | 'sheetId' | 'repostedOnSheetIds'>;

function emptyCounts(): Record<ProgressStatus, number> {
  const counts = {} as Record<ProgressStatus, number>;
  for (const status of PROGRESS_STATUSES) counts[status] = 0;
  return counts;
}

/** Roll up a list of statuses: counts per status and per grade, the mean score, and the published roll-up status. */
export function rollUpStatuses(members: readonly RolledStatus[]): StatusRollUp {
  const counts = emptyCounts();
  const grades: Record<AbnfGrade, number> = { A: 0, B: 0, N: 0, F: 0 };
  let scored = 0;
  for (const member of members) {
    counts[member.status] += 1;
    grades[member.grade ?? 'N'] += 1;
    if (member.score !== null) scored += 1;
  }
  const { status, score } = rollUp(members);
  return { status, score, counts, total: members.length, scored, grades };
}

const NOT_EVALUATED: RolledStatus = { status: 'no_data', score: null };

function byKpi(statuses: readonly KpiScoredStatus[]): Map<Id, RolledStatus> {
  return new Map(statuses.map((status) => [status.kpiId, status]));
}

function rollUpGroups(groups: Map<Id, RolledStatus[]>): Map<Id, StatusRollUp> {
  return new Map([...groups].map(([id, members]) => [id, rollUpStatuses(members)]));
}

function push(groups: Map<Id, RolledStatus[]>, id: Id, member: RolledStatus): void {
  const members = groups.get(id);
  if (members === undefined) groups.set(id, [member]);
  else members.push(member);
}

/** Roll-up per measure, over the measure's output KPIs. */
export function rollUpByMeasure(
  kpis: readonly KpiPlacement[],
  statuses: readonly KpiScoredStatus[],
): Map<Id, StatusRollUp> {
  const statusOf = byKpi(statuses);
  const groups = new Map<Id, RolledStatus[]>();
  for (const kpi of kpis) {
    if (kpi.measureId !== null) push(groups, kpi.measureId, statusOf.get(kpi.id) ?? NOT_EVALUATED);
  }
  return rollUpGroups(groups);
}

/**
 * Roll-up per sheet, over the KPIs of the measures the sheet shows, reposts (再掲) included: a sheet is judged
 * on what it shows. A reposted measure is still one entity, so the plan roll-up counts its KPIs once.
 */
export function rollUpBySheet(
  measures: readonly MeasurePlacement[],
  kpis: readonly KpiPlacement[],
  statuses: readonly KpiScoredStatus[],
): Map<Id, StatusRollUp> {
  const statusOf = byKpi(statuses);
  const sheetsOf = new Map(measures.map((m) => [m.id, new Set([m.sheetId, ...m.repostedOnSheetIds])]));
  const groups = new Map<Id, RolledStatus[]>();
  for (const kpi of kpis) {
    if (kpi.measureId === null) continue;
    for (const sheetId of sheetsOf.get(kpi.measureId) ?? []) {
      push(groups, sheetId, statusOf.get(kpi.id) ?? NOT_EVALUATED);
    }
  }
  return rollUpGroups(groups);
}

/** Roll-up per strategic goal, over its outcome targets (KPIs that name the goal). */
export function rollUpByGoal(
  kpis: readonly KpiPlacement[],
  statuses: readonly KpiScoredStatus[],
): Map<Id, StatusRollUp> {
  const statusOf = byKpi(statuses);
  const groups = new Map<Id, RolledStatus[]>();
  for (const kpi of kpis) {
    if (kpi.goalId !== null) push(groups, kpi.goalId, statusOf.get(kpi.id) ?? NOT_EVALUATED);
  }
  return rollUpGroups(groups);
}

/** Roll-up of a whole plan: every KPI and outcome target once, as one flat list. */
export function rollUpPlan(
  kpis: readonly KpiPlacement[],
  statuses: readonly KpiScoredStatus[],
): StatusRollUp {
  const statusOf = byKpi(statuses);
  return rollUpStatuses(kpis.map((kpi) => statusOf.get(kpi.id) ?? NOT_EVALUATED));
}
