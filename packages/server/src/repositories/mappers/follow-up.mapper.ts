import type { PlanDocument } from '@kotei/contracts';
import { kpiKey, measureKey, outcomeKey, type ParseIssue } from '@kotei/importers';
import type {
  FollowUpRoundTable,
  ObservationTable,
  ProgressBulletTable,
  ProgressReportTable,
} from '../../db/schema.js';
import type { PlanRows } from '../plan.repository.js';
import { newId } from '../../ids.js';
import { resolvePeriod } from './plan-document.mapper.js';
import { buildProgressRows } from './progress.mapper.js';

/** What a later follow-up of a plan adds: its round, each ministry's progress, and the actuals it states. */
export interface FollowUpRows {
  round: FollowUpRoundTable;
  reports: ProgressReportTable[];
  bullets: ProgressBulletTable[];
  observations: ObservationTable[];
  /** What the document has that the plan does not (or the reverse): structure changes need a revision. */
  issues: ParseIssue[];
}

/**
 * Match a later follow-up document to the plan it follows: measures by sheet and title, KPIs and outcome
 * targets by their keys, so ids stay stable. Only the new round's progress and actuals are added; a measure
 * or KPI the plan does not have is reported, never created, since changing the plan is a revision (見直し).
 */
export function buildFollowUpRows(doc: PlanDocument, plan: PlanRows, now: string): FollowUpRows {
  if (doc.round === null) throw new Error('a follow-up needs its round');
  const round: FollowUpRoundTable = {
    id: newId(),
    plan_id: plan.plan.id,
    title: doc.round.title,
    as_of_date: doc.round.asOfDate,
    deadline: null,
    state: 'published',
    created_at: now,
    publish_at: null,
    published_at: now,
  };
  const sheetNumber = new Map(plan.sheets.map((s) => [s.id, s.number]));
  const sheetByNumber = new Map(plan.sheets.map((s) => [s.number, s]));
  const measureByKey = new Map<string, string>();
  const measureById = new Map(plan.measures.map((m) => [m.id, m]));
  for (const placement of plan.placements.filter((p) => p.is_repost === 0)) {
    const measure = measureById.get(placement.measure_id);
    if (measure)
      measureByKey.set(measureKey(sheetNumber.get(placement.sheet_id) ?? 0, measure.title), measure.id);
  }
  const kpiByKey = new Map(
    plan.kpis.filter((k) => k.match_key !== null).map((k) => [k.match_key as string, k.id]),
  );
  const rows: FollowUpRows = { round, reports: [], bullets: [], observations: [], issues: [] };

  const unmatched = (code: string, what: string, line: number): void => {
    rows.issues.push({
      code,
      line,
      found: what,
      expected: 'an item of the plan as adopted',
      message: `${what} is not in the plan; adding it is a revision (見直し) of the plan, so it was not imported`,
      severity: 'warning',
    });
  };
  const addProgress = (
    bullets: PlanDocument['sheets'][number]['progress'],
    owner: { measure_id: string | null; sheet_id: string | null },
  ): void => {
    const written = buildProgressRows(bullets, owner, round.id, now);
    rows.reports.push(...written.reports);
    rows.bullets.push(...written.bullets);
  };
  const addActuals = (
    kpiId: string,
    actuals: PlanDocument['sheets'][number]['measures'][number]['kpis'][number]['actuals'],
  ): void => {
    for (const actual of actuals) {
      const at = resolvePeriod(actual.label, actual.dates);
      if (at === null) continue;
      rows.observations.push({
        id: newId(),
        kpi_id: kpiId,
        value: actual.value,
        period_start: at.start,
        period_end: at.end,
        period_fiscal_year: at.fiscalYear,
        period_label: actual.label,
        origin: actual.origin,
        source_note: actual.sourceNote,
        round_id: round.id,
        recorded_at: now,
        recorded_by: null,
        source_line_from: null,
        source_line_to: null,
        source_text: null,
      });
    }
  };

  for (const goal of doc.strategicGoals) {
    for (const outcome of goal.outcomes) {
      const id = kpiByKey.get(outcome.key ?? outcomeKey(goal.number, outcome.name));
      if (id === undefined)
        unmatched('unmatched-outcome', `outcome target "${outcome.name}"`, outcome.source?.lineFrom ?? 1);
      else addActuals(id, outcome.actuals);
    }
  }
  for (const sheet of doc.sheets) {
    const planSheet = sheetByNumber.get(sheet.number);
    if (!planSheet) {
      unmatched(
        'unmatched-sheet',
        `sheet ${sheet.number} "${sheet.title}"`,
        sheet.measures[0]?.source?.lineFrom ?? 1,
      );
      continue;
    }
    addProgress(sheet.progress, { measure_id: null, sheet_id: planSheet.id });
    for (const measure of sheet.measures) {
      if (measure.repostOf) continue;
      const measureId = measureByKey.get(measureKey(sheet.number, measure.title));
      if (measureId === undefined) {
        unmatched(
          'unmatched-measure',
          `measure "${measure.title}" on sheet ${sheet.number}`,
          measure.source?.lineFrom ?? 1,
        );
        continue;
      }
      addProgress(measure.progress, { measure_id: measureId, sheet_id: null });
      for (const kpi of measure.kpis) {
        const id = kpiByKey.get(kpi.key ?? kpiKey(sheet.number, kpi.name));
        if (id === undefined)
          unmatched('unmatched-kpi', `KPI "${kpi.name}" of sheet ${sheet.number}`, kpi.source?.lineFrom ?? 1);
        else addActuals(id, kpi.actuals);
      }
    }
  }
  return rows;
}
