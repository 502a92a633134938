import {
  changedPhases,
  diffProgress,
  DomainError,
  phaseStatusAt,
  type PhaseReportState,
} from '@kotei/domain';
import type { MeasureRoundDiff, Round } from '@kotei/contracts';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { periodOf, toRound } from '../repositories/plan.mapper.js';

/**
 * 比較: what changed in one measure between two published rounds, in the policy's own terms — each ministry's
 * progress as a text diff, the actuals each round reported, and the phases whose state moved.
 */
export class RoundDiffService {
  constructor(private readonly plans: PlanRepository) {}

  /** The diff from round `fromId` to `toId`; by default the latest published round against the one before. */
  async diff(
    slug: string,
    measureId: string,
    query: { from?: string | undefined; to?: string | undefined },
  ): Promise<MeasureRoundDiff> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    // The plan's rows are its public face: published rounds only, so an unpublished round is not found here.
    const rows = await this.plans.loadRows(plan);
    const measure = rows.measures.find((m) => m.id === measureId);
    if (!measure)
      throw new DomainError('not_found', 'measure_not_found', `No measure ${measureId} in "${slug}"`);
    const rounds = [...rows.rounds].sort((a, b) => a.as_of_date.localeCompare(b.as_of_date));
    const find = (id: string | undefined, fallback: number, path: string) => {
      const round = id === undefined ? rounds.at(fallback) : rounds.find((r) => r.id === id);
      if (!round)
        throw new DomainError('not_found', 'round_not_found', `No published round ${id ?? ''} to compare`, [
          { path, message: 'must be a published round of this plan' },
        ]);
      return round;
    };
    const to = find(query.to, -1, 'to');
    const before = rounds.filter((r) => r.as_of_date < to.as_of_date);
    const from = query.from === undefined ? before.at(-1) : find(query.from, 0, 'from');
    if (!from)
      throw new DomainError(
        'not_found',
        'round_not_found',
        'There is no earlier published round to compare with',
        [{ path: 'from', message: 'no published round before "to"' }],
      );

    return measureDiff(rows, measure, from, to);
  }

  /**
   * The changes-since-last-round annex of a published round: every measure's diff against the published
   * round before it, for the measures where anything changed; null when the round is the plan's first.
   */
  async changesSince(
    slug: string,
    toRoundId: string,
  ): Promise<{ from: Round; diffs: MeasureRoundDiff[] } | null> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const rows = await this.plans.loadRows(plan);
    const rounds = [...rows.rounds].sort((a, b) => a.as_of_date.localeCompare(b.as_of_date));
    const to = rounds.find((r) => r.id === toRoundId);
    const from = to && rounds.filter((r) => r.as_of_date < to.as_of_date).at(-1);
    if (!to || !from) return null;
    // A measure out of the round's scope was not reported on: its silence is no change.
    const reported = new Set(rows.reports.filter((r) => r.round_id === to.id).map((r) => r.measure_id));
    const diffs = rows.measures
      .filter((measure) => reported.has(measure.id))
      .map((measure) => measureDiff(rows, measure, from, to))
      .filter(
        (d) =>
          d.progress.some((p) => p.bullets.some((b) => b.kind !== 'same')) ||
          d.actuals.length > 0 ||
          d.phases.length > 0,
      );
    return { from: toRound(from), diffs };
  }
}

type PlanRows = Awaited<ReturnType<PlanRepository['loadRows']>>;
type RoundRow = PlanRows['rounds'][number];

/** What changed in one measure from round `from` to round `to`, from the plan's rows read once. */
function measureDiff(
  rows: PlanRows,
  measure: PlanRows['measures'][number],
  from: RoundRow,
  to: RoundRow,
): MeasureRoundDiff {
  const reportRound = new Map(rows.reports.filter((r) => r.measure_id === measure.id).map((r) => [r.id, r]));
  const bulletsOf = (roundId: string) => {
    const byMinistry = new Map<string | null, string[]>();
    for (const bullet of rows.bullets) {
      if (reportRound.get(bullet.report_id)?.round_id !== roundId) continue;
      byMinistry.set(bullet.ministry, [...(byMinistry.get(bullet.ministry) ?? []), bullet.text]);
    }
    return byMinistry;
  };
  const kpis = rows.kpis.filter((k) => k.measure_id === measure.id);
  const actualsOf = (kpiId: string, roundId: string) =>
    rows.observations
      .filter((o) => o.kpi_id === kpiId && o.round_id === roundId)
      .map((o) => ({ value: o.value, period: periodOf(o) }));
  const phases = rows.phases.filter((p) => p.measure_id === measure.id);
  const stateAt = (phase: (typeof phases)[number], asOf: string) =>
    phaseStatusAt(
      {
        period: periodOf(phase),
        isDone: phase.is_done === 1,
        reports: rows.phaseReports
          .filter((r) => r.phase_id === phase.id)
          .map((r) => ({ state: r.state as PhaseReportState, asOfDate: r.as_of_date })),
      },
      asOf,
    );
  const moved = new Set(
    changedPhases(
      phases.map((p) => ({
        phaseId: p.id,
        before: stateAt(p, from.as_of_date),
        after: stateAt(p, to.as_of_date),
      })),
    ).map((c) => c.phaseId),
  );
  return {
    measure: { id: measure.id, title: measure.title },
    from: toRound(from),
    to: toRound(to),
    progress: diffProgress(bulletsOf(from.id), bulletsOf(to.id)),
    actuals: kpis
      .map((k) => ({
        kpiId: k.id,
        name: k.name,
        unit: k.unit,
        before: actualsOf(k.id, from.id),
        after: actualsOf(k.id, to.id),
      }))
      .filter((a) => a.before.length > 0 || a.after.length > 0),
    phases: phases
      .filter((p) => moved.has(p.id))
      .map((p) => ({
        phaseId: p.id,
        text: p.text,
        period: periodOf(p),
        before: stateAt(p, from.as_of_date),
        after: stateAt(p, to.as_of_date),
      })),
  };
}
