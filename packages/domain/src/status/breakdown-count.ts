import { countAgainstBar } from '../model/breakdown.js';
import type { Breakdown } from '../model/breakdown.js';
import type { KpiShape } from '../model/codes.js';

/** The fields of a KPI that say whether its values are counted from breakdowns. */
export interface KpiWithBar {
  shape: KpiShape;
  bar?: number | null;
}

/**
 * The value a share-meeting-bar KPI is judged with when a point or actual carries its breakdown: the number of
 * units that fail the bar (全都道府県で80%以上 → the prefectures under 80%), counted from the members rather than
 * taken from the figure written beside them. Null where the breakdown cannot say: another shape, no bar, or a
 * member without a value (a count with gaps would flatter the KPI). The bar is a floor (以上), as the
 * documents write it; `direction` is not read, since for this shape it speaks of the count (lower is better).
 */
export function unitsFailingBar(
  kpi: KpiWithBar,
  breakdown: Breakdown | null | undefined,
): { count: number; members: number } | null {
  if (kpi.shape !== 'share-meeting-bar' || kpi.bar == null || !breakdown) return null;
  if (breakdown.values.length === 0) return null;
  const counted = countAgainstBar(breakdown, kpi.bar);
  if (counted.missing.length > 0) return null;
  return { count: counted.below.length, members: breakdown.values.length };
}
