import { DomainError, type Clock } from '@kotei/domain';
import type { CreateRoundBody, Round } from '@kotei/contracts';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { RoundRepository } from '../repositories/round.repository.js';
import { newId } from '../ids.js';
import { requirePermission, type Actor } from './actor.js';
import { toRound } from '../repositories/plan.mapper.js';

/** Follow-up rounds: opened by the coordinating office. */
export class RoundService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly rounds: RoundRepository,
    private readonly clock: Clock,
  ) {}

  /** Prepare a new round (state draft). Needs `round:manage`; one round per plan and as-of date. */
  async create(actor: Actor, slug: string, body: CreateRoundBody): Promise<Round> {
    const user = requirePermission(actor, 'round:manage');
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
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
    const row = {
      id: newId(),
      plan_id: plan.id,
      title: body.title,
      as_of_date: body.asOfDate,
      deadline: body.deadline ?? null,
      state: 'draft',
      created_at: this.clock.now().toISOString(),
    };
    await this.rounds.insert(row, {
      actorId: user.id,
      action: 'round.create',
      entityType: 'follow_up_round',
      entityId: row.id,
      detail: { planId: plan.id, asOfDate: body.asOfDate },
      requestId: actor.requestId,
    });
    return toRound(row);
  }
}
