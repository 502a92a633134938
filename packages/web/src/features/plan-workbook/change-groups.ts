import type { PlanTree, WorkbookPreview } from '../../api/types';

/** One changed cell of an uploaded plan workbook. */
export type WorkbookChange = WorkbookPreview['changes'][number];

/** A changed cell with what it is about: the KPI's name for a KPI's row, else null (the measure says it). */
export interface PlacedChange {
  change: WorkbookChange;
  subject: string | null;
}

/** The changes of one measure (or of the plan's outcome targets), in the order the workbook gave them. */
export interface MeasureGroup {
  key: string;
  /** The measure's title; null for what belongs to no measure (outcome targets, rows the plan does not hold). */
  title: string | null;
  changes: PlacedChange[];
}

/** The changes under one sheet (工程表), or under the plan as a whole (sheet null). */
export interface SheetGroup {
  key: string;
  sheet: { number: number; title: string } | null;
  measures: MeasureGroup[];
}

interface Place {
  sheet: { number: number; title: string } | null;
  measure: { id: string; title: string } | null;
  subject?: string;
}

// Where each row id of the workbook's data worksheets lives in the plan: measures, their phases and KPIs.
function placesOf(plan: PlanTree): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const sheet of plan.sheets) {
    for (const measure of sheet.measures) {
      // A reposted measure is placed on the first sheet that holds it.
      if (places.has(measure.id)) continue;
      const place: Place = {
        sheet: { number: sheet.number, title: sheet.title },
        measure: { id: measure.id, title: measure.title },
      };
      places.set(measure.id, place);
      for (const phase of measure.phases) places.set(phase.id, place);
      for (const kpi of measure.kpis) places.set(kpi.id, { ...place, subject: kpi.name });
    }
  }
  for (const goal of plan.strategicGoals) {
    for (const outcome of goal.outcomes)
      places.set(outcome.id, { sheet: null, measure: null, subject: outcome.name });
  }
  return places;
}

/**
 * The preview's changes grouped by sheet and measure, in the plan's order (sheets by number, measures as the
 * workbook gave them); what no measure holds (outcome targets) comes first under the plan as a whole.
 */
export function groupChanges(plan: PlanTree, changes: readonly WorkbookChange[]): SheetGroup[] {
  const places = placesOf(plan);
  const sheets = new Map<string, SheetGroup>();
  for (const change of changes) {
    const place = (change.rowId === null ? undefined : places.get(change.rowId)) ?? {
      sheet: null,
      measure: null,
    };
    const sheetKey = place.sheet === null ? 'plan' : `sheet-${String(place.sheet.number)}`;
    let sheet = sheets.get(sheetKey);
    if (!sheet) {
      sheet = { key: sheetKey, sheet: place.sheet, measures: [] };
      sheets.set(sheetKey, sheet);
    }
    const measureKey = place.measure?.id ?? 'none';
    let measure = sheet.measures.find((m) => m.key === measureKey);
    if (!measure) {
      measure = { key: measureKey, title: place.measure?.title ?? null, changes: [] };
      sheet.measures.push(measure);
    }
    measure.changes.push({ change, subject: place.subject ?? null });
  }
  return [...sheets.values()].sort((a, b) => (a.sheet?.number ?? 0) - (b.sheet?.number ?? 0));
}
