import type { Id, PeriodValue } from '../model/entities.js';
import type { PlanStructure, StructurePoint } from './structure.js';

/** A phase whose period differs between a base revision (当初) and the revision shown (現在). */
export interface OriginalPeriod {
  phaseId: Id;
  original: PeriodValue;
  current: PeriodValue;
}

/** A KPI whose target differs between a base revision (当初) and the revision shown (現在). */
export interface OriginalTarget {
  kpiId: Id;
  original: StructurePoint | null;
  current: StructurePoint | null;
}

/** What the base revision fixed differently for the phases and KPIs the shown revision still holds. */
export interface Originals {
  phases: OriginalPeriod[];
  kpis: OriginalTarget[];
}

const samePeriod = (a: PeriodValue, b: PeriodValue): boolean =>
  a.start === b.start && a.end === b.end && a.fiscalYear === b.fiscalYear;

const samePoint = (a: StructurePoint | null, b: StructurePoint | null): boolean =>
  a === null || b === null ? a === b : a.value === b.value && samePeriod(a.period, b.period);

/**
 * "Originally adopted vs current": each phase live in both `base` and `shown` whose period moved, and each KPI
 * live in both whose target (value or period) changed, in the shown revision's order. What either one added or
 * retired is left out (the diff words those); ids are stable across revisions, so pairs are found by id.
 */
export function originalsOf(base: PlanStructure, shown: PlanStructure): Originals {
  const basePhases = new Map(base.phases.filter((p) => !p.retired).map((p) => [p.id, p]));
  const baseKpis = new Map(base.kpis.filter((k) => !k.retired).map((k) => [k.id, k]));
  const phases = shown.phases
    .filter((p) => !p.retired)
    .sort((a, b) => a.order - b.order)
    .flatMap((p) => {
      const was = basePhases.get(p.id);
      return was && !samePeriod(was.period, p.period)
        ? [{ phaseId: p.id, original: was.period, current: p.period }]
        : [];
    });
  const kpis = shown.kpis
    .filter((k) => !k.retired)
    .sort((a, b) => a.order - b.order)
    .flatMap((k) => {
      const was = baseKpis.get(k.id);
      return was && !samePoint(was.target, k.target)
        ? [{ kpiId: k.id, original: was.target, current: k.target }]
        : [];
    });
  return { phases, kpis };
}
