import {
  AsOfDate,
  applyOverride,
  evaluateKpiWithAbnf,
  rollUpByGoal,
  rollUpByMeasure,
  rollUpBySheet,
  rollUpPlan,
  shareActuals,
  todayInJapan,
  type AbnfKpiStatus,
  type Clock,
  type EffectiveStatus,
  type KpiScoredStatus,
  type SharedObservation,
  type StatusRollUp,
} from '@kotei/domain';
import type { KpiActual } from '@kotei/contracts';
import { groupBy } from '../repositories/group-by.js';
import type { KpiStatusInput, StatusInputs } from '../repositories/plan.mapper.js';
import type { PlanRepository } from '../repositories/plan.repository.js';

/** A plan's statuses at a reference date: every KPI's and outcome target's (override applied) and the roll-ups. */
export interface PlanStatusSet {
  referenceDate: string;
  /** Every KPI and outcome target of the plan, by id. */
  kpis: ReadonlyMap<string, EffectiveStatus>;
  /**
   * Every KPI's A/B/N/F grade, by id: computed beside the Open SDG status from the same reading, so a plan can
   * show its own method and the other side by side, and changing a plan's method needs no new computation.
   */
  grades: ReadonlyMap<string, AbnfKpiStatus>;
  /**
   * The actuals a KPI was judged with that are another's (an outcome target and the sheet KPI measuring the
   * same thing), by the borrowing KPI's id; pages show them beside its own so a status never rests on values
   * the reader cannot see.
   */
  borrowed: ReadonlyMap<string, KpiActual[]>;
  /** Every KPI and outcome target once; each roll-up counts both the statuses and the A/B/N/F grades. */
  plan: StatusRollUp;
  byMeasure: ReadonlyMap<string, StatusRollUp>;
  bySheet: ReadonlyMap<string, StatusRollUp>;
  byGoal: ReadonlyMap<string, StatusRollUp>;
}

/** Which version of a plan's data statuses are asked of. */
export interface PlanVersion {
  id: string;
  dataVersion: number;
}

/**
 * The one place a plan's statuses are computed: each KPI judged from its actuals at the reference date (so it
 * can never be stale), a coordinator's override applied, then rolled up per measure, sheet, goal and plan.
 */
export function computePlanStatuses(inputs: StatusInputs, referenceDate: string): PlanStatusSet {
  const actuals = judgedActuals(inputs);
  // Checked once here rather than once for each KPI.
  const asOf = AsOfDate.of(referenceDate);
  const kpis = new Map<string, EffectiveStatus>();
  const grades = new Map<string, AbnfKpiStatus>();
  const borrowed = new Map<string, KpiActual[]>();
  const effective: KpiScoredStatus[] = [];
  for (const input of inputs.kpis) {
    const judged = actuals.get(input.kpi.id) ?? [];
    const both = evaluateKpiWithAbnf(input.kpi, judged, asOf);
    const status = applyOverride(both.status, input.override);
    kpis.set(input.kpi.id, status);
    grades.set(input.kpi.id, both.abnf);
    const { kpiId, status: word, score } = status.effective;
    effective.push({ kpiId, status: word, score, grade: both.abnf.grade });
    const others = judged.filter((actual) => actual.borrowedFrom !== null);
    if (others.length > 0) borrowed.set(input.kpi.id, others.map(toBorrowedActual));
  }
  const placements = inputs.kpis.map((input) => input.placement);
  return {
    referenceDate,
    kpis,
    grades,
    borrowed,
    plan: rollUpPlan(placements, effective),
    byMeasure: rollUpByMeasure(placements, effective),
    bySheet: rollUpBySheet(inputs.measures, placements, effective),
    byGoal: rollUpByGoal(placements, effective),
  };
}

/**
 * The actuals each KPI is judged with: its own, and those of a KPI of the other level that measures the same
 * thing (an outcome target and the sheet KPI it repeats share what either reports).
 */
type JudgedActual = SharedObservation<KpiStatusInput['actuals'][number] & { kpiId: string }>;

function judgedActuals(inputs: StatusInputs): Map<string, JudgedActual[]> {
  return shareActuals(
    inputs.kpis.map(({ kpi, placement }) => ({
      id: kpi.id,
      level: placement.goalId === null ? ('output' as const) : ('outcome' as const),
      name: kpi.name,
      unit: kpi.unit,
    })),
    inputs.kpis.flatMap(({ kpi, actuals }) => actuals.map((actual) => ({ ...actual, kpiId: kpi.id }))),
  );
}

function toBorrowedActual(actual: JudgedActual): KpiActual {
  const { value, period, origin, breakdown, borrowedFrom } = actual;
  return { value, period, origin, breakdown: breakdown ?? null, borrowedFrom };
}

interface Kept {
  dataVersion: number;
  set: PlanStatusSet;
}

// Other dates (a round's as-of date, a date asked for) are kept for a few plans only: today is what most
// requests ask, and a bounded cache cannot grow with the dates people try.
const OTHER_DATES_KEPT = 32;

/**
 * Each plan's statuses at a date, kept between requests. They are valid while the plan's data_version (raised
 * by every write to its KPIs, actuals or overrides, in the write's transaction) and the date stay the same;
 * the version is read from the database on every request, so another instance's write is seen too. Today's
 * statuses are kept for every plan; other dates in a small least-recently-used cache.
 */
export class PlanStatuses {
  private readonly today = new Map<string, Kept>();
  private readonly other = new Map<string, Kept>();
  private computedCount = 0;

  constructor(
    private readonly plans: PlanRepository,
    private readonly clock: Clock,
  ) {}

  /** How many plans' statuses have been computed since start (each plan once per version and date). */
  get computed(): number {
    return this.computedCount;
  }

  /** The statuses of these plans at `referenceDate`, in the order given; only missing or stale ones are read. */
  async of(plans: readonly PlanVersion[], referenceDate: string): Promise<PlanStatusSet[]> {
    const stale = plans.filter((plan) => this.fresh(plan, referenceDate) === undefined);
    if (stale.length > 0) {
      // The inputs are read after the versions: if a write lands in between, the statuses kept under the older
      // version are already newer, and the next request sees the new version and computes them again.
      const inputs = await this.plans.loadStatusInputs(stale.map((plan) => plan.id));
      const kpisOf = groupBy(inputs.kpis, (kpi) => kpi.planId);
      const measuresOf = groupBy(inputs.measures, (measure) => measure.planId);
      for (const plan of stale) {
        const own = { kpis: kpisOf.get(plan.id) ?? [], measures: measuresOf.get(plan.id) ?? [] };
        this.keep(plan, computePlanStatuses(own, referenceDate));
      }
    }
    return plans.map((plan) => {
      const kept = this.fresh(plan, referenceDate);
      // Every stale plan was kept above at its read version, so only a bug would miss here.
      if (!kept) throw new Error(`statuses of plan ${plan.id} were not computed`);
      return kept.set;
    });
  }

  /**
   * One plan's statuses at `referenceDate`. `loaded` are its inputs when the caller has read them already
   * (the whole plan), so a miss costs no second read.
   */
  async at(plan: PlanVersion, referenceDate: string, loaded?: () => StatusInputs): Promise<PlanStatusSet> {
    const kept = this.fresh(plan, referenceDate);
    if (kept) return kept.set;
    if (loaded === undefined) return (await this.of([plan], referenceDate))[0] as PlanStatusSet;
    const set = computePlanStatuses(loaded(), referenceDate);
    this.keep(plan, set);
    return set;
  }

  private fresh(plan: PlanVersion, referenceDate: string): Kept | undefined {
    const isToday = referenceDate === todayInJapan(this.clock);
    const kept = isToday ? this.today.get(plan.id) : this.other.get(`${plan.id} ${referenceDate}`);
    if (!kept || kept.dataVersion !== plan.dataVersion || kept.set.referenceDate !== referenceDate) {
      return undefined;
    }
    if (!isToday) {
      // Least recently used goes first: a hit moves to the end.
      this.other.delete(`${plan.id} ${referenceDate}`);
      this.other.set(`${plan.id} ${referenceDate}`, kept);
    }
    return kept;
  }

  private keep(plan: PlanVersion, set: PlanStatusSet): void {
    this.computedCount += 1;
    const kept = { dataVersion: plan.dataVersion, set };
    if (set.referenceDate === todayInJapan(this.clock)) {
      this.today.set(plan.id, kept);
      return;
    }
    const key = `${plan.id} ${set.referenceDate}`;
    this.other.delete(key);
    this.other.set(key, kept);
    for (const oldest of this.other.keys()) {
      if (this.other.size <= OTHER_DATES_KEPT) break;
      this.other.delete(oldest);
    }
  }
}
