import { DomainError, normalizeText } from '@kotei/domain';
import type { PlanDocument } from '@kotei/contracts';
import type { KpiTable, MeasurePlacementTable, MeasureTable } from '../../db/schema.js';
import type { PlanRows } from '../plan-rows.js';
import { buildPlanRows } from './plan-document.mapper.js';
import { liveRows } from './plan-structure.mapper.js';
import { groupBy } from '../group-by.js';

/** One group of a KPI table (a measure of the plan it would make): its key, title and section. */
export interface TableGroup {
  /** `<section>-<group>`, 1-based, in the table's order: the same for the same file and column roles. */
  key: string;
  title: string;
  section: string;
  /** The group's measure in the document. */
  measure: PlanDocument['sheets'][number]['measures'][number];
}

/** The groups of a KPI table read as a plan document, in its order. */
export function tableGroups(doc: PlanDocument): TableGroup[] {
  return doc.sheets.flatMap((sheet, s) =>
    sheet.measures.map((measure, m) => ({
      key: `${String(s + 1)}-${String(m + 1)}`,
      title: measure.title,
      section: sheet.title,
      measure,
    })),
  );
}

/** Where a group goes: an existing measure of the plan, or a new measure on one of its sheets. */
export type GroupTarget =
  { key: string; measureId: string } | { key: string; newMeasureOnSheet: string; title?: string | undefined };

/** The rows adding a table's KPIs to a plan writes, and what it added, skipped as duplicates and left out. */
export interface TableIntoPlanRows {
  measures: MeasureTable[];
  placements: MeasurePlacementTable[];
  kpis: KpiTable[];
  observations: PlanRows['observations'];
  breakdowns: PlanRows['breakdowns'];
  added: { group: string; measureId: string; kpiId: string; name: string; actuals: number }[];
  duplicates: { group: string; measureId: string; name: string; existingKpiId: string }[];
  newMeasures: { group: string; measureId: string; sheetId: string; title: string }[];
  leftOut: string[];
}

function unprocessable(code: string, message: string, path: string): DomainError {
  return new DomainError('unprocessable', code, message, [{ path, message }]);
}

// Each target checked against the plan as it stands (every row, and the live ones); a refusal names the group.
function checkTargets(
  targets: readonly GroupTarget[],
  groups: ReadonlyMap<string, TableGroup>,
  all: PlanRows,
  live: PlanRows,
): void {
  const liveMeasures = new Set(live.measures.map((m) => m.id));
  const anyMeasures = new Set(all.measures.map((m) => m.id));
  const liveSheets = new Set(live.sheets.map((s) => s.id));
  const anySheets = new Set(all.sheets.map((s) => s.id));
  const seen = new Set<string>();
  targets.forEach((target, i) => {
    const path = `groups[${String(i)}]`;
    const group = groups.get(target.key);
    if (group === undefined)
      throw unprocessable('unknown_group', `The table has no group "${target.key}"`, `${path}.key`);
    if (seen.has(target.key))
      throw unprocessable('group_twice', `Group "${group.title}" is given twice`, `${path}.key`);
    seen.add(target.key);
    if ('measureId' in target) {
      if (liveMeasures.has(target.measureId)) return;
      throw anyMeasures.has(target.measureId)
        ? unprocessable(
            'measure_retired',
            `Group "${group.title}": measure ${target.measureId} was retired by a revision`,
            `${path}.measureId`,
          )
        : unprocessable(
            'measure_not_in_plan',
            `Group "${group.title}": the plan has no measure ${target.measureId}`,
            `${path}.measureId`,
          );
    }
    if (liveSheets.has(target.newMeasureOnSheet)) return;
    throw unprocessable(
      anySheets.has(target.newMeasureOnSheet) ? 'sheet_retired' : 'sheet_not_in_plan',
      `Group "${group.title}": the plan has no sheet ${target.newMeasureOnSheet} in force to add a measure on`,
      `${path}.newMeasureOnSheet`,
    );
  });
}

/**
 * The rows that add a KPI table's groups to an existing plan: each listed group's KPIs (baseline, target, unit,
 * shape, direction, note) with their actuals as observations and their breakdowns, under the measure chosen for
 * it or a new measure on the chosen sheet. A KPI whose name the measure already has (or an earlier group gave
 * it) is reported as a duplicate, not added. `all` is every row of the plan, retired ones too, and `retired`
 * what revisions retired: a target that is not a live measure or sheet of the plan is refused (422, naming the
 * group), so nothing is written. Observations keep their provenance (file, worksheet, cell).
 */
export function buildTableIntoPlanRows(
  doc: PlanDocument,
  targets: readonly GroupTarget[],
  all: PlanRows,
  retired: ReadonlySet<string>,
  now: string,
  fileName: string,
): TableIntoPlanRows {
  const live = liveRows(all, retired);
  const groups = tableGroups(doc);
  const byKey = new Map(groups.map((g) => [g.key, g]));
  checkTargets(targets, byKey, all, live);
  // The table's own rows, ids fresh; measures come in the document's order, one per group.
  const table = buildPlanRows(doc, now);
  const tableMeasureOf = new Map(groups.map((g, i) => [g.key, table.measures[i]?.id ?? '']));
  const planId = all.plan.id;
  const out: TableIntoPlanRows = {
    measures: [],
    placements: [],
    kpis: [],
    observations: [],
    breakdowns: [],
    added: [],
    duplicates: [],
    newMeasures: [],
    leftOut: groups.filter((g) => !targets.some((t) => t.key === g.key)).map((g) => g.key),
  };
  // Names per measure (normalised), with the KPI holding each, and each measure's next sort order.
  const names = new Map<string, Map<string, string>>();
  const nextOrder = new Map<string, number>();
  for (const kpi of live.kpis) {
    if (kpi.measure_id === null) continue;
    const held = names.get(kpi.measure_id) ?? new Map<string, string>();
    held.set(normalizeText(kpi.name), kpi.id);
    names.set(kpi.measure_id, held);
  }
  for (const kpi of all.kpis)
    if (kpi.measure_id !== null)
      nextOrder.set(kpi.measure_id, Math.max(nextOrder.get(kpi.measure_id) ?? 0, kpi.sort_order + 1));
  const sheetOrder = new Map<string, number>();
  for (const p of all.placements)
    sheetOrder.set(p.sheet_id, Math.max(sheetOrder.get(p.sheet_id) ?? 0, p.sort_order + 1));

  const kpisOf = groupBy(table.kpis, (k) => k.measure_id);
  const observationsOf = groupBy(table.observations, (o) => o.kpi_id);
  const breakdownsOf = groupBy(table.breakdowns, (b) => b.kpi_id);
  for (const target of targets) {
    const group = byKey.get(target.key) as TableGroup;
    let measureId: string;
    if ('measureId' in target) measureId = target.measureId;
    else {
      const source = table.measures.find((m) => m.id === tableMeasureOf.get(target.key)) as MeasureTable;
      const title = normalizeText(target.title ?? group.title);
      measureId = source.id;
      out.measures.push({ ...source, plan_id: planId, title });
      const order = sheetOrder.get(target.newMeasureOnSheet) ?? 0;
      sheetOrder.set(target.newMeasureOnSheet, order + 1);
      out.placements.push({
        measure_id: measureId,
        sheet_id: target.newMeasureOnSheet,
        is_repost: 0,
        sort_order: order,
      });
      out.newMeasures.push({ group: target.key, measureId, sheetId: target.newMeasureOnSheet, title });
    }
    const held = names.get(measureId) ?? new Map<string, string>();
    names.set(measureId, held);
    for (const kpi of kpisOf.get(tableMeasureOf.get(target.key) ?? '') ?? []) {
      const existing = held.get(kpi.name);
      if (existing !== undefined) {
        out.duplicates.push({ group: target.key, measureId, name: kpi.name, existingKpiId: existing });
        continue;
      }
      held.set(kpi.name, kpi.id);
      const order = nextOrder.get(measureId) ?? 0;
      nextOrder.set(measureId, order + 1);
      // match_key is the table's sheet number and name: meaningless in this plan, so none is kept.
      // The KPI's note says where its baseline and target were read (its actuals carry file, worksheet, cell).
      const from = `出典: ${fileName}${kpi.source_line_from === null ? '' : `（${String(kpi.source_line_from)}行）`}`;
      out.kpis.push({
        ...kpi,
        plan_id: planId,
        measure_id: measureId,
        match_key: null,
        sort_order: order,
        note: kpi.note === '' ? from : `${kpi.note} / ${from}`,
      });
      const observations = observationsOf.get(kpi.id) ?? [];
      out.observations.push(...observations);
      out.breakdowns.push(...(breakdownsOf.get(kpi.id) ?? []));
      out.added.push({
        group: target.key,
        measureId,
        kpiId: kpi.id,
        name: kpi.name,
        actuals: observations.length,
      });
    }
  }
  return out;
}
