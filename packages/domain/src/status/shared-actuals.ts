import { compactText } from '../calendar/normalize-text.js';
import type { KpiLevel } from '../model/codes.js';
import type { Id, PeriodValue } from '../model/entities.js';

/** The fields of a KPI that say what it measures. */
export interface KpiForSharing {
  id: Id;
  level: KpiLevel;
  name: string;
  unit: string;
}

/** The fields of an actual that sharing reads. */
export interface ObservationForSharing {
  kpiId: Id;
  value: number;
  period: PeriodValue;
}

/** An actual as a KPI is judged with it: its own (borrowedFrom null) or another KPI's, re-tagged with its id. */
export type SharedObservation<T extends ObservationForSharing> = T & { borrowedFrom: Id | null };

/**
 * What a KPI measures, as a key: its name and unit after NFKC and without any space, so that line wraps and
 * full-width digits do not tell two writings of one name apart. Nothing else is folded: 承認件数 and 指定件数
 * stay different things.
 */
export function measuredThingKey(kpi: Pick<KpiForSharing, 'name' | 'unit'>): string {
  return `${compactText(kpi.name)}\u0000${compactText(kpi.unit)}`;
}

function periodKey(period: PeriodValue): string {
  return `${period.start}/${period.end ?? ''}`;
}

/**
 * The actuals each KPI should be judged with: its own, plus those of the KPIs of the other level (an outcome
 * target and an output KPI) that measure the same thing (equal `measuredThingKey`: same name, same unit). Its
 * own actual for a period always wins; a period the others report with different values is not borrowed at all,
 * since which one is right cannot be told. Two KPIs of the same level (reposts of an output KPI) are not
 * merged: they are one KPI shown twice or two that happen to share a name. Linear in KPIs and actuals.
 */
export function shareActuals<T extends ObservationForSharing>(
  kpis: readonly KpiForSharing[],
  observations: readonly T[],
): Map<Id, SharedObservation<T>[]> {
  const own = new Map<Id, T[]>();
  for (const observation of observations) {
    const list = own.get(observation.kpiId);
    if (list === undefined) own.set(observation.kpiId, [observation]);
    else list.push(observation);
  }
  const byThing = new Map<string, KpiForSharing[]>();
  const keyOf = new Map<Id, string>();
  for (const kpi of kpis) {
    const key = measuredThingKey(kpi);
    keyOf.set(kpi.id, key);
    const group = byThing.get(key);
    if (group === undefined) byThing.set(key, [kpi]);
    else group.push(kpi);
  }
  const shared = new Map<Id, SharedObservation<T>[]>();
  for (const kpi of kpis) {
    const mine = (own.get(kpi.id) ?? []).map((o) => ({ ...o, borrowedFrom: null }));
    const others = (byThing.get(keyOf.get(kpi.id) ?? '') ?? []).filter((other) => other.level !== kpi.level);
    shared.set(kpi.id, [...mine, ...borrowed(kpi.id, mine, others, own)]);
  }
  return shared;
}

function borrowed<T extends ObservationForSharing>(
  kpiId: Id,
  mine: readonly T[],
  others: readonly KpiForSharing[],
  own: ReadonlyMap<Id, T[]>,
): SharedObservation<T>[] {
  if (others.length === 0) return [];
  const taken = new Set(mine.map((o) => periodKey(o.period)));
  const candidates = new Map<string, SharedObservation<T> | 'conflict'>();
  for (const other of others) {
    for (const observation of own.get(other.id) ?? []) {
      const key = periodKey(observation.period);
      if (taken.has(key)) continue;
      const seen = candidates.get(key);
      if (seen === undefined) candidates.set(key, { ...observation, kpiId, borrowedFrom: other.id });
      else if (seen !== 'conflict' && seen.value !== observation.value) candidates.set(key, 'conflict');
    }
  }
  return [...candidates.values()].filter((o): o is SharedObservation<T> => o !== 'conflict');
}
