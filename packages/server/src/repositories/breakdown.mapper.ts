import type { Breakdown, BreakdownDimension } from '@kotei/domain';
import type { BreakdownValueTable } from '../db/schema.js';

/** The breakdowns of some KPIs' points and actuals, found by what they belong to. */
export interface BreakdownIndex {
  ofObservation(observationId: string): Breakdown | null;
  ofPoint(kpiId: string, point: 'baseline' | 'target'): Breakdown | null;
}

/** An index that finds nothing: for reads of KPIs that have no breakdown rows loaded. */
export const NO_BREAKDOWNS: BreakdownIndex = {
  ofObservation: () => null,
  ofPoint: () => null,
};

/**
 * Index breakdown rows by the actual or point they belong to, members in their stored order. A point holds one
 * dimension; rows of another dimension under the same point are not mixed in (the first dimension read wins).
 */
export function indexBreakdowns(rows: readonly BreakdownValueTable[]): BreakdownIndex {
  if (rows.length === 0) return NO_BREAKDOWNS;
  const byKey = new Map<string, Breakdown>();
  const sorted = [...rows].sort((a, b) => a.sort_order - b.sort_order);
  for (const row of sorted) {
    const key = row.observation_id ?? `${row.kpi_id}\u0000${row.point}`;
    let breakdown = byKey.get(key);
    if (breakdown === undefined) {
      breakdown = { dimension: row.dimension as BreakdownDimension, values: [] };
      byKey.set(key, breakdown);
    }
    if (breakdown.dimension === row.dimension)
      breakdown.values.push({ member: row.member, value: row.value });
  }
  return {
    ofObservation: (id) => byKey.get(id) ?? null,
    ofPoint: (kpiId, point) => byKey.get(`${kpiId}\u0000${point}`) ?? null,
  };
}
