import type { PeriodValue } from '@kotei/contracts';

/** One period column of the roadmap (2024年夏 … 2026-2028年度), as the seed's sheets head them. */
export interface PeriodColumn {
  label: string;
  start: string;
  /** Inclusive; null when open-ended. */
  end: string | null;
}

/** A phase placed on a lane: the first column it covers and how many it spans (a merged cell). */
export interface PlacedPhase<T> {
  item: T;
  fromColumn: number;
  span: number;
}

const endOf = (period: { end: string | null }): string => period.end ?? '9999-12-31';

const covers = (outer: PeriodColumn, inner: PeriodColumn): boolean =>
  outer.start <= inner.start && endOf(inner) <= endOf(outer);

/**
 * The plan's period columns from its phases' periods: a period is a column when it contains no other
 * phase's period (2024年末～2024年度末 contains 2024年末, so it spans columns rather than being one).
 */
export function periodColumns(periods: readonly PeriodValue[]): PeriodColumn[] {
  const distinct = new Map<string, PeriodColumn>();
  for (const p of periods) {
    const key = `${p.start}/${p.end ?? ''}`;
    if (!distinct.has(key)) distinct.set(key, { label: p.label, start: p.start, end: p.end });
  }
  const candidates = [...distinct.values()];
  return candidates
    .filter((c) => !candidates.some((other) => other !== c && covers(c, other)))
    .sort((a, b) => a.start.localeCompare(b.start) || endOf(a).localeCompare(endOf(b)));
}

/** The columns a period covers: every column inside it, else the one its start falls in. */
export function columnSpan(
  columns: readonly PeriodColumn[],
  period: { start: string; end: string | null },
): { fromColumn: number; span: number } {
  const inside = columns.flatMap((c, i) => (covers({ label: '', ...period }, c) ? [i] : []));
  const first = inside[0];
  const last = inside[inside.length - 1];
  if (first !== undefined && last !== undefined) return { fromColumn: first, span: last - first + 1 };
  const holding = columns.findIndex((c) => c.start <= period.start && period.start <= endOf(c));
  return { fromColumn: Math.max(holding, 0), span: 1 };
}

/**
 * Phases laid on lanes in document order, as the seed's rows hold them: each goes on the first lane that is
 * free from its first column on, else on a new lane.
 */
export function layLanes<T extends { period: { start: string; end: string | null } }>(
  columns: readonly PeriodColumn[],
  phases: readonly T[],
): PlacedPhase<T>[][] {
  const lanes: PlacedPhase<T>[][] = [];
  const nextFree: number[] = [];
  for (const item of phases) {
    const { fromColumn, span } = columnSpan(columns, item.period);
    let lane = nextFree.findIndex((free) => free <= fromColumn);
    if (lane === -1) {
      lane = lanes.length;
      lanes.push([]);
      nextFree.push(0);
    }
    lanes[lane]?.push({ item, fromColumn, span });
    nextFree[lane] = fromColumn + span;
  }
  return lanes;
}
