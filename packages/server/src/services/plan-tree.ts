import {
  phaseStatusAt,
  rollUpStatuses,
  type AbnfKpiStatus,
  type EffectiveStatus,
  type StatusRollUp,
} from '@kotei/domain';
import type { AbnfStatus, Kpi, KpiStatus, Measure, Phase, PlanTree } from '@kotei/contracts';
import {
  toPlanContent,
  toStatusInputs,
  type KpiContent,
  type MeasureContent,
  type PhaseContent,
  type PlanContent,
} from '../repositories/plan.mapper.js';
import type { PlanRows } from '../repositories/plan.repository.js';
import { computePlanStatuses, type PlanStatusSet } from './plan-status.js';

const NONE: StatusRollUp = rollUpStatuses([]);

/** A KPI's A/B/N/F grade as the API shows it, named field by field (its sentence is a getter). */
export function toAbnfStatus(grade: AbnfKpiStatus): AbnfStatus {
  return {
    grade: grade.grade,
    reason: grade.reason,
    progress: grade.progress,
    elapsed: grade.elapsed,
    neededNow: grade.neededNow,
    elapsedYears: grade.elapsedYears,
    targetYears: grade.targetYears,
    initial: grade.initial,
    current: grade.current,
    target: grade.target,
    method: grade.method,
    methodVersion: grade.methodVersion,
    sentence: grade.sentence,
  };
}

/** A KPI's effective status as the API shows it, the computed one beside an override, and its A/B/N/F grade. */
export function toKpiStatus(status: EffectiveStatus, grade: AbnfKpiStatus): KpiStatus {
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
    abnf: toAbnfStatus(grade),
  };
}

/** A KPI with its status from the set, which must know it (see coversEveryKpi). */
export function withStatus(kpi: KpiContent, statuses: PlanStatusSet): Kpi {
  const status = statuses.kpis.get(kpi.id);
  const grade = statuses.grades.get(kpi.id);
  if (!status || !grade) throw new Error(`no status for KPI ${kpi.id} at ${statuses.referenceDate}`);
  const borrowed = statuses.borrowed.get(kpi.id);
  const actuals = borrowed
    ? [...kpi.actuals, ...borrowed].sort((a, b) => a.period.start.localeCompare(b.period.start))
    : kpi.actuals;
  return { ...kpi, actuals, status: toKpiStatus(status, grade) };
}

/** A phase with its schedule status at the reference date. */
export function phaseAt(phase: PhaseContent, referenceDate: string): Phase {
  return {
    id: phase.id,
    text: phase.text,
    period: phase.period,
    status: phaseStatusAt(phase, referenceDate),
  };
}

/** A measure as placed on a sheet, with its statuses from the set. */
export function measureWithStatuses(
  measure: MeasureContent,
  isRepost: boolean,
  statuses: PlanStatusSet,
): Measure {
  return {
    id: measure.id,
    title: measure.title,
    ministries: measure.ministries,
    isRepost,
    phases: measure.phases.map((phase) => phaseAt(phase, statuses.referenceDate)),
    kpis: measure.kpis.map((kpi) => withStatus(kpi, statuses)),
    progress: measure.progress,
    projects: measure.projects,
    statusSummary: statuses.byMeasure.get(measure.id) ?? NONE,
  };
}

/** Whether the set judged every KPI of the content (false when a write added KPIs after it was computed). */
export function coversEveryKpi(content: PlanContent, statuses: PlanStatusSet): boolean {
  const known = (kpi: KpiContent): boolean => statuses.kpis.has(kpi.id);
  return (
    content.goals.every((goal) => goal.outcomes.every(known)) &&
    [...content.measures.values()].every((measure) => measure.kpis.every(known))
  );
}

/**
 * The plan tree: the plan's content with its statuses at the set's reference date. Reposts show the same
 * measure id again with `isRepost`.
 */
export function toPlanTree(content: PlanContent, statuses: PlanStatusSet): PlanTree {
  return {
    ...content.plan,
    statusMethod: content.statusMethod,
    referenceDate: statuses.referenceDate,
    statusSummary: statuses.plan,
    rounds: content.rounds,
    strategicGoals: content.goals.map((goal) => ({
      id: goal.id,
      number: goal.number,
      title: goal.title,
      note: goal.note,
      outcomes: goal.outcomes.map((kpi) => withStatus(kpi, statuses)),
      statusSummary: statuses.byGoal.get(goal.id) ?? NONE,
    })),
    sheets: content.sheets.map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      measures: sheet.placements.flatMap((p) => {
        const measure = content.measures.get(p.measureId);
        return measure ? [measureWithStatuses(measure, p.isRepost, statuses)] : [];
      }),
      progress: sheet.progress,
      projects: sheet.projects,
      statusSummary: statuses.bySheet.get(sheet.id) ?? NONE,
    })),
  };
}

/** The plan tree straight from rows not yet written (an import's preview), its statuses computed here. */
export function assemblePlanTree(rows: PlanRows, referenceDate: string): PlanTree {
  const placements = rows.placements.map((p) => ({ ...p, plan_id: rows.plan.id }));
  const statuses = computePlanStatuses(toStatusInputs({ ...rows, placements }), referenceDate);
  return toPlanTree(toPlanContent(rows), statuses);
}
