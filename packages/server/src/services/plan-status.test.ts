import { describe, expect, it } from 'vitest';
import { fixedClock } from '@kotei/domain';
import type { StatusInputs } from '../repositories/plan.mapper.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { PlanStatuses } from './plan-status.js';

const TODAY = '2025-07-15';

// A repository that only counts what it is asked for: the cache is the subject, not the status engine.
function fakePlans(): { plans: PlanRepository; reads: string[][] } {
  const reads: string[][] = [];
  const loadStatusInputs = (planIds: readonly string[]): Promise<StatusInputs> => {
    reads.push([...planIds]);
    return Promise.resolve({ kpis: [], measures: [] });
  };
  return { plans: { loadStatusInputs } as unknown as PlanRepository, reads };
}

describe('PlanStatuses', () => {
  it('computes a plan once per data version and date, and again when either moves', async () => {
    const { plans, reads } = fakePlans();
    const statuses = new PlanStatuses(plans, fixedClock(`${TODAY}T10:00:00+09:00`));
    const a = { id: 'a', dataVersion: 1 };
    const b = { id: 'b', dataVersion: 1 };
    await statuses.of([a, b], TODAY);
    await statuses.of([a, b], TODAY);
    await statuses.at(a, TODAY);
    expect(reads).toEqual([['a', 'b']]);
    await statuses.of([{ id: 'a', dataVersion: 2 }, b], TODAY);
    expect(reads.at(-1)).toEqual(['a']);
    await statuses.at(b, '2025-06-30');
    expect(reads.at(-1)).toEqual(['b']);
    expect(statuses.computed).toBe(4);
  });

  it('keeps other dates in a bounded cache that never pushes out today', async () => {
    const { plans, reads } = fakePlans();
    const statuses = new PlanStatuses(plans, fixedClock(`${TODAY}T10:00:00+09:00`));
    const plan = { id: 'a', dataVersion: 1 };
    await statuses.at(plan, TODAY);
    const days = Array.from({ length: 40 }, (_, i) =>
      new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    );
    for (const day of days) await statuses.at(plan, day);
    const before = reads.length;
    await statuses.at(plan, TODAY);
    // The 32 most recent other dates are still kept; the oldest were let go.
    for (const day of days.slice(-32)) await statuses.at(plan, day);
    expect(reads.length).toBe(before);
    await statuses.at(plan, days[0] ?? '');
    expect(reads.length).toBe(before + 1);
  });

  it('uses the inputs the caller read already instead of reading them again', async () => {
    const { plans, reads } = fakePlans();
    const statuses = new PlanStatuses(plans, fixedClock(`${TODAY}T10:00:00+09:00`));
    const set = await statuses.at({ id: 'a', dataVersion: 1 }, TODAY, () => ({ kpis: [], measures: [] }));
    expect(set.referenceDate).toBe(TODAY);
    expect(reads).toEqual([]);
  });
});
