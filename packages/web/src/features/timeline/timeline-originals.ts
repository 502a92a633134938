import { createContext, useContext, useMemo } from 'react';
import type { Originals } from '../../api/types';

/** Originally adopted vs current periods of the plan's phases (見直し), given by the timeline page. */
export const OriginalsContext = createContext<Originals | undefined>(undefined);

type OriginalPeriod = Originals['phases'][number];

/** The phases whose base revision (当初) fixed another period, by id, with the base revision's number. */
export function useOriginalPeriods(): { base: number | null; byPhase: ReadonlyMap<string, OriginalPeriod> } {
  const originals = useContext(OriginalsContext);
  return useMemo(
    () => ({
      base: originals && originals.phases.length > 0 ? originals.base.number : null,
      byPhase: new Map((originals?.phases ?? []).map((p) => [p.phaseId, p])),
    }),
    [originals],
  );
}

/** A phase's original period drawn as an outline around its lane, clipped to the axis. */
export interface OriginalBar {
  phaseId: string;
  x1: Date;
  x2: Date;
  y1: number;
  y2: number;
  title: string;
}

const DAY_MS = 86_400_000;
const dayStartOf = (iso: string): number => {
  const [year = 0, month = 1, day = 1] = iso.split('-').map(Number);
  return Date.UTC(year, month - 1, day);
};

/**
 * The outlines of the original periods of the bars whose phase a revision moved: on the bar's lane, a little
 * taller than the bar, from the original start to the day after its end (the axis end when open-ended), clipped
 * to the axis; none where the original period lies wholly outside it.
 */
export function originalBars(
  bars: readonly { phaseId: string; y1: number; y2: number }[],
  byPhase: ReadonlyMap<string, OriginalPeriod>,
  axis: { start: Date; end: Date },
  describe: (p: OriginalPeriod) => string,
): OriginalBar[] {
  return bars.flatMap((bar) => {
    const moved = byPhase.get(bar.phaseId);
    if (!moved) return [];
    const { start, end } = moved.original;
    const x1 = Math.max(dayStartOf(start), axis.start.getTime());
    const x2 = Math.min(end === null ? axis.end.getTime() : dayStartOf(end) + DAY_MS, axis.end.getTime());
    if (x2 <= x1) return [];
    return [
      {
        phaseId: bar.phaseId,
        x1: new Date(x1),
        x2: new Date(x2),
        y1: bar.y1 - 3,
        y2: bar.y2 + 3,
        title: describe(moved),
      },
    ];
  });
}
