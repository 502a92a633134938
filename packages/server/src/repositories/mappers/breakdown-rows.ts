import { checkBreakdown, type Breakdown } from '@kotei/domain';
import type { KpiInput } from '@kotei/contracts';
import type { BreakdownValueTable } from '../../db/schema.js';
import { newId } from '../../ids.js';

/** The point of a KPI a breakdown belongs to: its baseline or target, or one of its actuals. */
export type BreakdownOwner =
  | { readonly point: 'baseline' | 'target'; readonly observationId: null }
  | { readonly point: 'actual'; readonly observationId: string };

/**
 * The rows of a document's breakdown (内訳), members in the order written, or the problems that keep it out: a
 * member the dimension does not know, a member twice. Ministries are the organisations' codes, which only the
 * database knows, so they are stored as given.
 */
export function breakdownRows(
  kpiId: string,
  owner: BreakdownOwner,
  breakdown: Breakdown | null,
  path: string,
): { rows: BreakdownValueTable[]; problems: { path: string; message: string }[] } {
  if (breakdown === null) return { rows: [], problems: [] };
  const problems = breakdown.dimension === 'ministry' ? [] : checkBreakdown(breakdown, path);
  if (problems.length > 0) return { rows: [], problems };
  const rows = breakdown.values.map((entry, index) => ({
    id: newId(),
    kpi_id: kpiId,
    point: owner.point,
    observation_id: owner.observationId,
    dimension: breakdown.dimension,
    member: entry.member,
    value: entry.value,
    sort_order: index,
  }));
  return { rows, problems: [] };
}

/** The breakdown rows of a KPI's baseline, target and stored actuals (`observed`: actual index → observation id). */
export function kpiBreakdownRows(
  kpiId: string,
  kpi: KpiInput,
  observed: readonly (readonly [number, string])[],
  path: string,
): { rows: BreakdownValueTable[]; problems: { path: string; message: string }[] } {
  const parts = [
    breakdownRows(
      kpiId,
      { point: 'baseline', observationId: null },
      kpi.baseline?.breakdown ?? null,
      `${path}.baseline.breakdown`,
    ),
    breakdownRows(
      kpiId,
      { point: 'target', observationId: null },
      kpi.target?.breakdown ?? null,
      `${path}.target.breakdown`,
    ),
    ...observed.map(([index, observationId]) =>
      breakdownRows(
        kpiId,
        { point: 'actual', observationId },
        kpi.actuals[index]?.breakdown ?? null,
        `${path}.actuals[${index}].breakdown`,
      ),
    ),
  ];
  return { rows: parts.flatMap((p) => p.rows), problems: parts.flatMap((p) => p.problems) };
}
