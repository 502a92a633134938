import { circledNumber, DomainError, type Clock } from '@kotei/domain';
import type { CreateEvaluationBody, Evaluation, EvaluationList, EvaluationTarget } from '@kotei/contracts';
import type { EvaluationRepository, EvaluationTargetIds } from '../repositories/evaluation.repository.js';
import { toEvaluation, toEvaluationRow } from '../repositories/evaluation.mapper.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { newId } from '../ids.js';
import { requirePermission, type Actor } from './actor.js';
import { requireEvaluationsVisible } from './round-access.js';
import { toRound } from '../repositories/plan.mapper.js';

/** Experts' overall evaluations (有識者による総合評価): written by experts, read by anyone. */
export class EvaluationService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  private async findPlanRound(slug: string, roundId: string) {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const round = await this.evaluations.findRound(plan.id, roundId);
    if (!round) {
      throw new DomainError('not_found', 'round_not_found', `No round ${roundId} in plan "${slug}"`);
    }
    return { plan, round };
  }

  /**
   * A round's evaluations: the plan's first, then goals, then sheets. Public once the round is published; before,
   * for those who work on it.
   */
  async list(actor: Actor, slug: string, roundId: string): Promise<EvaluationList> {
    const { round } = await this.findPlanRound(slug, roundId);
    requireEvaluationsVisible(actor, round);
    const rows = await this.evaluations.listForRound(round.id);
    return { round: toRound(round), evaluations: rows.map(toEvaluation) };
  }

  /**
   * Write an evaluation. Needs `evaluation:write`; the goal or sheet must be the plan's; one evaluation per
   * evaluator, target and round. The evaluation, its search entry and its audit event commit together.
   */
  async create(actor: Actor, slug: string, roundId: string, body: CreateEvaluationBody): Promise<Evaluation> {
    const user = requirePermission(actor, 'evaluation:write');
    const { plan, round } = await this.findPlanRound(slug, roundId);
    // Experts evaluate a round while it is being followed up; once published, it and its evaluations stand.
    if (round.state !== 'open' && round.state !== 'closed')
      throw new DomainError(
        'conflict',
        'round_not_open_for_evaluation',
        'The round is not open for evaluation: experts evaluate a round before it is published',
      );
    const ids = await this.resolveTarget(plan, body.target);
    const row = toEvaluationRow({
      id: newId(),
      roundId: round.id,
      goalId: ids.goalId,
      sheetId: ids.sheetId,
      evaluatorId: user.id,
      rating: body.rating,
      comment: body.comment,
      createdAt: this.clock.now().toISOString(),
    });
    // Found by search from the round's publication on (round.service.ts), not before.
    const written = await this.evaluations.insert(row, {
      actorId: user.id,
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: row.id,
      detail: { planId: plan.id, roundId: round.id, target: body.target, rating: body.rating },
      requestId: actor.requestId,
    });
    if (written === 'duplicate') {
      throw new DomainError(
        'conflict',
        'evaluation_exists',
        'You have evaluated this in this round already',
        [{ path: 'target', message: 'one evaluation per evaluator, target and round' }],
      );
    }
    return {
      id: row.id,
      roundId: round.id,
      target: body.target,
      rating: body.rating,
      comment: row.comment,
      evaluator: { displayName: user.displayName },
      createdAt: row.created_at,
    };
  }

  private async resolveTarget(plan: { id: string }, target: EvaluationTarget): Promise<EvaluationTargetIds> {
    switch (target.kind) {
      case 'plan':
        return { goalId: null, sheetId: null };
      case 'goal': {
        const goalId = await this.evaluations.findGoalId(plan.id, target.number);
        if (goalId === undefined) throw unknownTarget(`戦略目標${target.number}`, target.number);
        return { goalId, sheetId: null };
      }
      case 'sheet': {
        const sheetId = await this.evaluations.findSheetId(plan.id, target.number);
        if (sheetId === undefined)
          throw unknownTarget(`工程表${circledNumber(target.number)}`, target.number);
        return { goalId: null, sheetId };
      }
    }
  }
}

function unknownTarget(name: string, number: number): DomainError {
  return new DomainError('invalid_input', 'unknown_evaluation_target', `The plan has no ${name}`, [
    { path: 'target.number', message: `no ${name} (number ${number}) in this plan` },
  ]);
}
