import { rollUpByMeasure, rollUpPlan, type ProgressStatus } from '@kotei/domain';
import type { StatusSummary } from '@kotei/contracts';
import type { PlanListRow, PlanRepository } from '../repositories/plan.repository.js';
import { evaluatePlanKpis } from './plan-tree.js';

/** A plan's statuses at a date: its summary, and the effective status of each KPI and each measure. */
export interface PlanStatusesAt {
  summary: StatusSummary;
  kpis: ReadonlyMap<string, ProgressStatus>;
  measures: ReadonlyMap<string, ProgressStatus>;
}

interface Kept extends PlanStatusesAt {
  dataVersion: number;
  referenceDate: string;
}

/**
 * Each plan's statuses at a date, kept between requests. They are valid while the plan's
 * data_version (raised by every write to its KPIs, actuals or overrides, in the write's transaction) and the
 * date stay the same; the version is read with the plan rows on every request, so another instance's write
 * is seen too. Only plans whose summary is missing or stale are recomputed, and only their rows are read.
 */
export class PlanStatuses {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly plans: PlanRepository) {}

  /** The statuses of these plans at `referenceDate`, in the order of `rows`. */
  async of(rows: readonly PlanListRow[], referenceDate: string): Promise<PlanStatusesAt[]> {
    const fresh = (row: PlanListRow): Kept | undefined => {
      const kept = this.kept.get(row.id);
      return kept && kept.dataVersion === row.data_version && kept.referenceDate === referenceDate
        ? kept
        : undefined;
    };
    const stale = rows.filter((row) => fresh(row) === undefined);
    if (stale.length > 0) await this.recompute(stale, referenceDate);
    return rows.map((row) => {
      const kept = fresh(row);
      // recompute() keeps every stale row at its read version, so only a bug would miss here.
      if (!kept) throw new Error(`statuses of plan ${row.id} were not computed`);
      return kept;
    });
  }

  private async recompute(rows: readonly PlanListRow[], referenceDate: string): Promise<void> {
    // The inputs are read after the versions: if a write lands in between, the summary kept under the older
    // version is already newer, and the next request sees the new version and computes it again.
    const inputs = await this.plans.loadStatusInputs(rows.map((row) => row.id));
    const statuses = evaluatePlanKpis(inputs, referenceDate);
    const kpisByPlan = new Map<string, { id: string; measureId: string | null; goalId: string | null }[]>();
    for (const kpi of inputs.kpis) {
      const list = kpisByPlan.get(kpi.plan_id) ?? [];
      list.push({ id: kpi.id, measureId: kpi.measure_id, goalId: kpi.goal_id });
      kpisByPlan.set(kpi.plan_id, list);
    }
    for (const row of rows) {
      const kpis = kpisByPlan.get(row.id) ?? [];
      const effective = kpis.flatMap((kpi) => statuses.get(kpi.id)?.effective ?? []);
      this.kept.set(row.id, {
        dataVersion: row.data_version,
        referenceDate,
        summary: rollUpPlan(kpis, effective),
        kpis: new Map(effective.map((status) => [status.kpiId, status.status])),
        measures: new Map([...rollUpByMeasure(kpis, effective)].map(([id, rollUp]) => [id, rollUp.status])),
      });
    }
  }
}
