import {
  checkActual,
  parsePeriod,
  type ErrorDetail,
  type ActualFlag,
  type Direction,
  type KpiShape,
  type PartState,
  type PhaseReportState,
  type RoundState,
} from '@kotei/domain';
import type { PartSummary, ReportedActual, RoundPart, SavePartBody } from '@kotei/contracts';
import type { KpiTable, ObservationTable, ProgressReportTable, ReportedActualTable } from '../db/schema.js';
import type { PartContent, PartRecord, PartRow } from './round.repository.js';
import { newId } from '../ids.js';
import { toRound } from './plan.mapper.js';

/**
 * A part's state as shown: stored rows keep draft/submitted/returned/approved; a part never saved is 未着手
 * (not_started), and every part of a published round is published.
 */
export function partStateOf(
  part: Pick<ProgressReportTable, 'state' | 'updated_at'>,
  round: RoundState,
): PartState {
  if (round === 'published') return 'published';
  if (part.state === 'draft' && part.updated_at === null) return 'not_started';
  return part.state as PartState;
}

/** What reported actuals are checked against: the KPIs, their published actuals, the plan and the round. */
export interface FlagContext {
  kpis: ReadonlyMap<string, Pick<KpiTable, 'unit' | 'shape' | 'direction'>>;
  history: ReadonlyMap<string, readonly Pick<ObservationTable, 'value' | 'period_start'>[]>;
  horizon: { start: string; end: string };
  asOfDate: string;
}

/** The flags on one reported actual (actual-checks.ts); none for a KPI the part no longer has. */
export function flagsOf(actual: ReportedActualTable, context: FlagContext): ActualFlag[] {
  const kpi = context.kpis.get(actual.kpi_id);
  if (!kpi) return [];
  return checkActual(
    { unit: kpi.unit, shape: kpi.shape as KpiShape, direction: kpi.direction as Direction },
    {
      value: actual.value,
      unit: actual.unit,
      period: { start: actual.period_start, end: actual.period_end, label: actual.period_label },
    },
    {
      horizon: context.horizon,
      asOfDate: context.asOfDate,
      history: (context.history.get(actual.kpi_id) ?? []).map((o) => ({
        value: o.value,
        period: { start: o.period_start },
      })),
    },
  );
}

/** A reported actual on the wire, with its flags. */
export function toReportedActual(actual: ReportedActualTable, context: FlagContext): ReportedActual {
  return {
    kpiId: actual.kpi_id,
    value: actual.value,
    unit: actual.unit,
    period: {
      start: actual.period_start,
      end: actual.period_end,
      fiscalYear: actual.period_fiscal_year,
      label: actual.period_label,
    },
    sourceNote: actual.source_note,
    note: actual.note,
    flags: flagsOf(actual, context),
  };
}

/** How many of a part's actuals are flagged, and how many of those still have no note. */
export function flagCounts(
  actuals: readonly ReportedActualTable[],
  context: FlagContext,
): { flags: number; unnotedFlags: number } {
  let flags = 0;
  let unnotedFlags = 0;
  for (const actual of actuals) {
    if (flagsOf(actual, context).length === 0) continue;
    flags += 1;
    if (actual.note.trim() === '') unnotedFlags += 1;
  }
  return { flags, unnotedFlags };
}

/** A part as the board lists it. */
export function toPartSummary(
  part: PartRow,
  roundState: RoundState,
  sheetNumbers: readonly number[],
  counts: { flags: number; unnotedFlags: number },
): PartSummary {
  const state = partStateOf(part, roundState);
  return {
    id: part.id,
    measure: { id: part.measure_id ?? '', title: part.measure_title, sheetNumbers: [...sheetNumbers] },
    ministry: part.ministry ?? '',
    state,
    version: part.version,
    updatedAt: part.updated_at,
    ...counts,
    returnReason: state === 'returned' ? part.decision_note : null,
    remindedAt: part.reminded_at,
  };
}

/**
 * The context reported actuals are checked in: each KPI's earlier values are its baseline and its published
 * actuals, so a first actual 100 times the baseline is flagged too.
 */
export function flagContextOf(
  kpis: readonly KpiTable[],
  observations: readonly ObservationTable[],
  horizon: { start: string; end: string },
  asOfDate: string,
): FlagContext {
  const history = new Map<string, Pick<ObservationTable, 'value' | 'period_start'>[]>();
  const add = (kpiId: string, point: Pick<ObservationTable, 'value' | 'period_start'>) =>
    history.set(kpiId, [...(history.get(kpiId) ?? []), point]);
  for (const kpi of kpis)
    if (kpi.baseline_value !== null && kpi.baseline_start !== null)
      add(kpi.id, { value: kpi.baseline_value, period_start: kpi.baseline_start });
  for (const o of observations) add(o.kpi_id, o);
  return { kpis: new Map(kpis.map((k) => [k.id, k])), history, horizon, asOfDate };
}

/** The context a part's own actuals are checked in. */
export function partFlagContext(record: PartRecord, horizon: { start: string; end: string }): FlagContext {
  return flagContextOf(record.kpis, record.observations, horizon, record.round.as_of_date);
}

/** One part in full, with what the caller may do to it. */
export function toRoundPart(
  record: PartRecord,
  context: FlagContext,
  may: { edit: boolean; decide: boolean },
): RoundPart {
  const counts = flagCounts(record.actuals, context);
  const lastActual = (kpiId: string) => {
    const last = record.observations.filter((o) => o.kpi_id === kpiId).at(-1);
    return last === undefined
      ? null
      : {
          value: last.value,
          period: {
            start: last.period_start,
            end: last.period_end,
            fiscalYear: last.period_fiscal_year,
            label: last.period_label,
          },
        };
  };
  return {
    ...toPartSummary(record.part, record.round.state as RoundState, record.sheetNumbers, counts),
    plan: { slug: record.plan.slug, title: record.plan.title },
    round: toRound(record.round),
    bullets: record.bullets.map((b) => b.text),
    actuals: record.actuals.map((a) => toReportedActual(a, context)),
    phases: record.phaseReports
      .map((p) => ({ phaseId: p.phase_id, state: p.state as PhaseReportState, note: p.note }))
      .sort(
        (a, b) =>
          record.phases.findIndex((p) => p.id === a.phaseId) -
          record.phases.findIndex((p) => p.id === b.phaseId),
      ),
    comments: record.comments.map((c) => ({
      id: c.id,
      author: c.author_name,
      body: c.body,
      createdAt: c.created_at,
    })),
    kpis: record.kpis.map((k) => ({ id: k.id, name: k.name, unit: k.unit, lastActual: lastActual(k.id) })),
    schedule: record.phases.map((p) => ({
      id: p.id,
      text: p.text,
      period: {
        start: p.period_start,
        end: p.period_end,
        fiscalYear: p.period_fiscal_year,
        label: p.period_label,
      },
    })),
    mayEdit: may.edit,
    mayDecide: may.decide,
  };
}

/** Where a flagged actual still lacks its note, as error details naming each field. */
export function unnotedFlagDetails(
  actuals: readonly ReportedActualTable[],
  context: FlagContext,
): ErrorDetail[] {
  return actuals.flatMap((actual, i) =>
    actual.note.trim() === '' && flagsOf(actual, context).length > 0
      ? [{ path: `actuals[${i}].note`, message: 'a flagged value needs a note' }]
      : [],
  );
}

/** A part's content as the audit trail records it. */
export function contentSummary(content: PartContent) {
  return {
    bullets: content.bullets.map((b) => b.text),
    actuals: content.actuals.map((a) => ({
      kpiId: a.kpi_id,
      value: a.value,
      unit: a.unit,
      period: a.period_label,
      sourceNote: a.source_note,
      note: a.note,
    })),
    phases: content.phaseReports.map((p) => ({ phaseId: p.phase_id, state: p.state, note: p.note })),
  };
}

// Read a save's content into rows, or refuse it naming each field that is wrong: a KPI or phase not of this
// measure, a period the calendar cannot read, a phase stated twice.
export function readPartContent(
  record: PartRecord,
  body: SavePartBody,
): { ok: true; content: PartContent } | { ok: false; details: ErrorDetail[] } {
  const reportId = record.part.id;
  const kpis = new Map(record.kpis.map((k) => [k.id, k]));
  const phaseIds = new Set(record.phases.map((p) => p.id));
  const details: ErrorDetail[] = [];
  const actuals: ReportedActualTable[] = [];
  body.actuals.forEach((actual, i) => {
    const kpi = kpis.get(actual.kpiId);
    if (!kpi) details.push({ path: `actuals[${i}].kpiId`, message: "must be one of this measure's KPIs" });
    const period = parsePeriod(actual.period);
    if (!period.ok)
      details.push({
        path: `actuals[${i}].period`,
        message: `cannot read "${actual.period}" as a period: ${period.error.message}`,
      });
    if (!kpi || !period.ok) return;
    actuals.push({
      id: newId(),
      report_id: reportId,
      kpi_id: kpi.id,
      value: actual.value,
      unit: actual.unit ?? '',
      period_start: period.value.start,
      period_end: period.value.end,
      period_fiscal_year: period.value.fiscalYear,
      period_label: actual.period,
      source_note: actual.sourceNote ?? '',
      note: actual.note ?? '',
      sort_order: i,
    });
  });
  const seen = new Set<string>();
  body.phases.forEach((phase, i) => {
    if (!phaseIds.has(phase.phaseId))
      details.push({ path: `phases[${i}].phaseId`, message: "must be one of this measure's phases" });
    else if (seen.has(phase.phaseId))
      details.push({ path: `phases[${i}].phaseId`, message: 'this phase is stated twice' });
    seen.add(phase.phaseId);
  });
  if (details.length > 0) return { ok: false, details };
  const content: PartContent = {
    bullets: body.bullets.map((text, i) => ({
      id: newId(),
      report_id: reportId,
      text,
      ministry: record.part.ministry,
      sort_order: i,
      source_line_from: null,
      source_line_to: null,
      source_text: null,
    })),
    actuals,
    phaseReports: body.phases.map((phase) => ({
      id: newId(),
      report_id: reportId,
      phase_id: phase.phaseId,
      state: phase.state,
      note: phase.note ?? '',
    })),
  };
  return { ok: true, content };
}
