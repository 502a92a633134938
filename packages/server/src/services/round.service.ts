import {
  DomainError,
  grantInForce,
  hasPermission,
  partsBlockingPublication,
  predecessorOf,
  toJapanDate,
  PART_STATES,
  todayInJapan,
  type Clock,
  type PartState,
  type RoundState,
} from '@kotei/domain';
import type { CreateRoundBody, MyTasks, PublishRoundBody, Round, RoundBoard } from '@kotei/contracts';
import type { GrantRepository } from '../repositories/grant.repository.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { RoundRepository } from '../repositories/round.repository.js';
import { flagContextOf, flagCounts, partStateOf, toPartSummary } from '../repositories/round-part.mapper.js';
import { toRound } from '../repositories/plan.mapper.js';
import { newPartRows, publicationRows } from '../repositories/round-rows.mapper.js';
import { newId } from '../ids.js';
import { auditedBy, requirePermission, type Actor, type Operator } from './actor.js';
import { partRoleOf, reportsOnly, requireRoundVisible, worksOnRounds } from './round-access.js';
import { publicationEvent } from './round-events.js';

const WIDEST = { start: '1900-01-01', end: '2200-12-31' };

/** Follow-up rounds: opened by the coordinating office, reported on by ministries, published by the office. */
export class RoundService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly rounds: RoundRepository,
    private readonly clock: Clock,
    private readonly grants: GrantRepository,
  ) {}

  private async findPlan(slug: string) {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  private async findRound(slug: string, roundId: string) {
    const plan = await this.findPlan(slug);
    const round = await this.rounds.findRound(plan.id, roundId);
    if (!round)
      throw new DomainError('not_found', 'round_not_found', `No round ${roundId} in plan "${slug}"`);
    return { plan, round };
  }

  /**
   * Open a round: one part per measure in scope (every measure unless named) and responsible ministry, all 未着手.
   * Needs `round:manage`; one round per plan and as-of date.
   */
  async create(actor: Actor, slug: string, body: CreateRoundBody): Promise<Round> {
    const user = requirePermission(actor, 'round:manage');
    const plan = await this.findPlan(slug);
    if (body.deadline != null && body.deadline < body.asOfDate) {
      throw new DomainError('invalid_input', 'invalid_deadline', 'The deadline comes before the as-of date', [
        { path: 'deadline', message: `must be on or after asOfDate ${body.asOfDate}` },
      ]);
    }
    if (await this.rounds.findByAsOfDate(plan.id, body.asOfDate)) {
      throw new DomainError('conflict', 'round_exists', `A round as of ${body.asOfDate} exists already`, [
        { path: 'asOfDate', message: 'one round per as-of date' },
      ]);
    }
    const measures = await this.rounds.measuresWithMinistries(plan.id);
    const known = new Map(measures.map((m) => [m.id, m]));
    const scope = body.measureIds ?? measures.map((m) => m.id);
    // A part is written by a responsible ministry: a measure with none (a KPI table's, say) has no one to report.
    const unknown = scope.flatMap((id, i) =>
      known.has(id)
        ? []
        : [{ path: `measureIds[${i}]`, message: 'not a measure of this plan with a responsible ministry' }],
    );
    if (unknown.length > 0)
      throw new DomainError(
        'invalid_input',
        'unknown_measure',
        'Some measures in scope are not in the plan or have no responsible ministry to report on them',
        unknown,
      );
    const now = this.clock.now().toISOString();
    const round = {
      id: newId(),
      plan_id: plan.id,
      title: body.title,
      as_of_date: body.asOfDate,
      deadline: body.deadline ?? null,
      state: 'open',
      created_at: now,
      publish_at: null,
      published_at: null,
    };
    const parts = newPartRows(round.id, scope, known);
    await this.rounds.insert(round, parts, {
      actorId: user.id,
      action: 'round.create',
      entityType: 'follow_up_round',
      entityId: round.id,
      detail: { planId: plan.id, after: { ...toRound(round), parts: parts.length } },
      requestId: actor.requestId,
    });
    return toRound(round);
  }

  /** The plan's rounds the caller may see: published ones for everyone, the rest for those who work on them. */
  async list(actor: Actor, slug: string): Promise<Round[]> {
    const plan = await this.findPlan(slug);
    const rounds = await this.rounds.listForPlan(plan.id);
    const user = actor.user;
    // A reporter sees an unpublished round only where its ministry has a part to write.
    const mine = reportsOnly(user)
      ? await this.rounds.roundsWithPartsOf(
          user?.ministry ?? '',
          rounds.filter((r) => r.state !== 'published').map((r) => r.id),
        )
      : null;
    return rounds
      .filter((r) => r.state === 'published' || (worksOnRounds(user) && (mine === null || mine.has(r.id))))
      .map(toRound);
  }

  /**
   * A round's board: every part's state with counts and flags. The coordinating office sees every part, a
   * reporter its own ministry's; an unpublished round is hidden from the public.
   */
  async board(actor: Actor, slug: string, roundId: string): Promise<RoundBoard> {
    const { plan, round } = await this.findRound(slug, roundId);
    requireRoundVisible(actor, round);
    const roundState = round.state as RoundState;
    const all = await this.rounds.listParts(round.id);
    // A viewer (round:view) reads the whole board, every part's state, as the coordinating office does.
    const parts =
      roundState === 'published' || (actor.user !== null && hasPermission(actor.user, 'round:view'))
        ? all
        : all.filter((p) => partRoleOf(actor.user, p.ministry) !== null);
    if (roundState !== 'published' && reportsOnly(actor.user) && parts.length === 0)
      throw new DomainError('forbidden', 'not_yours', 'Your ministry has no part in this round');
    const [sheets, actuals, horizon] = await Promise.all([
      this.rounds.sheetNumbers([...new Set(parts.map((p) => p.measure_id ?? ''))]),
      this.rounds.roundActuals(round.id),
      this.rounds.horizon(plan.id),
    ]);
    const { kpis, observations } = await this.rounds.kpisWithHistory([
      ...new Set(actuals.map((a) => a.kpi_id)),
    ]);
    const context = flagContextOf(
      kpis,
      observations,
      { start: horizon.start ?? WIDEST.start, end: horizon.end ?? WIDEST.end },
      round.as_of_date,
    );
    const counts = Object.fromEntries(PART_STATES.map((s) => [s, 0])) as Record<PartState, number>;
    const summaries = parts.map((part) => {
      const summary = toPartSummary(
        part,
        roundState,
        sheets.get(part.measure_id ?? '') ?? [],
        flagCounts(
          actuals.filter((a) => a.report_id === part.id),
          context,
        ),
      );
      counts[summary.state] += 1;
      return summary;
    });
    return {
      plan: { slug: plan.slug, title: plan.title },
      round: toRound(round),
      counts,
      parts: summaries,
      mayManage: actor.user !== null && partRoleOf(actor.user, null) === 'coordinator',
    };
  }

  /**
   * Publish a round now, or schedule it (embargo). Every part must be approved first; the answer names the parts
   * still in the way. After publication the round is immutable and public.
   */
  async publish(actor: Actor, slug: string, roundId: string, body: PublishRoundBody): Promise<Round> {
    const user = requirePermission(actor, 'round:manage');
    const { round } = await this.findRound(slug, roundId);
    if (round.state === 'published')
      throw new DomainError('conflict', 'round_published', 'The round is published already');
    const parts = await this.rounds.listParts(round.id);
    const blocking = partsBlockingPublication(
      parts.map((p) => ({ ...p, state: partStateOf(p, round.state as RoundState) })),
    );
    if (blocking.length > 0)
      throw new DomainError(
        'conflict',
        'parts_not_approved',
        `${blocking.length} part(s) are not approved yet`,
        blocking.map((p) => ({
          path: `parts.${p.id}`,
          message: `${p.measure_title} 【${p.ministry ?? ''}】: ${p.state}`,
        })),
      );
    const now = this.clock.now().toISOString();
    const at = body.at === undefined ? now : new Date(body.at).toISOString();
    if (at > now) {
      await this.rounds.schedule(round.id, at, now, {
        actorId: user.id,
        requestId: actor.requestId,
        action: 'round.schedule',
        entityType: 'follow_up_round',
        entityId: round.id,
        detail: {
          before: { state: round.state, publishAt: round.publish_at },
          after: { state: 'closed', publishAt: at },
        },
      });
      return toRound({ ...round, state: 'closed', publish_at: at });
    }
    await this.publishNow(actor, round.id, now);
    const published = await this.rounds.findRound(round.plan_id, round.id);
    return toRound(published ?? round);
  }

  /** Publish every round whose embargo has passed; returns how many were published. Safe on several instances. */
  async publishDue(caller: Operator): Promise<number> {
    const now = this.clock.now().toISOString();
    let count = 0;
    for (const round of await this.rounds.duePublications(now)) {
      if (await this.publishNow(caller, round.id, round.publish_at ?? now)) count += 1;
    }
    return count;
  }

  private async publishNow(caller: Actor | Operator, roundId: string, at: string): Promise<boolean> {
    const round = await this.rounds.findRoundById(roundId);
    if (!round) return false;
    const plan = await this.rounds.findPlanById(round.plan_id);
    if (!plan) return false;
    const inputs = await this.rounds.publicationInputs(round.id);
    const sheets = await this.rounds.sheetNumbers([...new Set(inputs.parts.map((p) => p.measure_id ?? ''))]);
    const { observations, searchEntries } = publicationRows(plan, round.id, inputs, sheets, at);
    return this.rounds.publish(
      round,
      at,
      { observations, searchEntries },
      {
        ...auditedBy(caller),
        action: 'round.publish',
        entityType: 'follow_up_round',
        entityId: round.id,
        detail: {
          before: { state: round.state },
          after: {
            state: 'published',
            publishedAt: at,
            actuals: observations.length,
            bullets: inputs.bullets.length,
          },
        },
      },
      publicationEvent(
        plan,
        round,
        inputs.parts.flatMap((p) => (p.ministry === null ? [] : [p.ministry])),
        auditedBy(caller).actorId,
        at,
      ),
    );
  }

  /**
   * What the caller has to do: the open rounds' parts of their ministry (a reporter) or every part waiting for a
   * decision (the coordinating office), with what is overdue. At the April handover both the reporter whose grant
   * ends and the successor whose grant has begun see the ministry's tasks while both grants hold; the successor's
   * are marked handed over (引き継ぎ) with the predecessor's name, and after the predecessor's last day only the
   * successor sees them.
   */
  async myTasks(actor: Actor): Promise<MyTasks> {
    const today = todayInJapan(this.clock);
    const user = actor.user;
    if (user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    const role = partRoleOf(user, user.ministry);
    if (role === null) return { today, tasks: [] };
    const rows = await this.rounds.openParts(role === 'coordinator' ? null : [user.ministry ?? '']);
    const reporters = role === 'reporter' ? await this.grants.reportersOf([user.ministry ?? '']) : [];
    const mine = grantInForce(
      reporters.filter((g) => g.userId === user.id),
      today,
    );
    const sheets = await this.rounds.sheetNumbers([...new Set(rows.map((r) => r.part.measure_id ?? ''))]);
    const tasks = rows
      .map(({ part, round, plan }) => ({
        ...toPartSummary(part, round.state as RoundState, sheets.get(part.measure_id ?? '') ?? [], {
          flags: 0,
          unnotedFlags: 0,
        }),
        plan: { slug: plan.slug, title: plan.title },
        round: toRound(round),
        isOverdue: round.deadline !== null && round.deadline < today,
        handedOverFrom:
          mine === null
            ? null
            : (predecessorOf(mine, reporters, toJapanDate(new Date(round.created_at)))?.displayName ?? null),
      }))
      .filter((task) =>
        role === 'coordinator'
          ? task.state === 'submitted'
          : ['not_started', 'draft', 'returned'].includes(task.state),
      )
      .sort(
        (a, b) =>
          (a.round.deadline ?? '9').localeCompare(b.round.deadline ?? '9') ||
          a.measure.title.localeCompare(b.measure.title),
      );
    return { today, tasks };
  }
}
