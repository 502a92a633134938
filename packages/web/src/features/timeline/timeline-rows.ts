// Which measures a timeline shows, and where a reposted measure points to. Pure: no React, no Plot.

import type { Phase, PlanTree } from '../../api/types';

/** One measure row of a timeline; a repost carries no phases, only where its bars are drawn. */
export interface TimelineMeasure {
  /** Unique within the page (a measure id can appear on two sheets). */
  key: string;
  measureId: string;
  title: string;
  ministries: readonly string[];
  /** Shown once: a repost points at the sheet that draws its bars instead of drawing them again. */
  repostOf: { sheetNumber: number; sheetTitle: string } | null;
  phases: readonly Phase[];
  /** Last days of the measure's KPI target periods: the roadmap's horizon reaches them. */
  targetEnds: readonly string[];
}

/** One sheet of a timeline, with its measures in document order. */
export interface TimelineSheet {
  id: string;
  number: number;
  title: string;
  measures: readonly TimelineMeasure[];
}

/**
 * The sheets a timeline shows: the whole plan (`sheetNumber` null) or one sheet. A measure marked 再掲 keeps
 * its row but draws no bars when its original placement is on another sheet of the plan; when the original
 * cannot be found, the repost draws its own bars so no schedule goes missing.
 */
export function buildTimelineSheets(plan: PlanTree, sheetNumber: number | null): TimelineSheet[] {
  const originals = new Map<string, { sheetNumber: number; sheetTitle: string }>();
  for (const sheet of plan.sheets) {
    for (const measure of sheet.measures) {
      if (!measure.isRepost && !originals.has(measure.id)) {
        originals.set(measure.id, { sheetNumber: sheet.number, sheetTitle: sheet.title });
      }
    }
  }

  return plan.sheets
    .filter((sheet) => sheetNumber === null || sheet.number === sheetNumber)
    .map((sheet) => ({
      id: sheet.id,
      number: sheet.number,
      title: sheet.title,
      measures: sheet.measures.map((measure, index) => {
        const original = measure.isRepost ? (originals.get(measure.id) ?? null) : null;
        return {
          key: `${sheet.id}:${index}:${measure.id}`,
          measureId: measure.id,
          title: measure.title,
          ministries: measure.ministries,
          repostOf: original,
          phases: original ? [] : measure.phases,
          targetEnds: measure.kpis.flatMap((kpi) => (kpi.target?.period.end ? [kpi.target.period.end] : [])),
        };
      }),
    }));
}

/** Every phase a set of sheets draws (reposts excluded), for counts and the chart's time axis. */
export function drawnPhases(sheets: readonly TimelineSheet[]): Phase[] {
  return sheets.flatMap((sheet) => sheet.measures.flatMap((measure) => measure.phases));
}
