import {
  circledNumber,
  DomainError,
  hasPermission,
  mayChangeEvaluation,
  mayRate,
  StaleWriteError,
  type Clock,
  type EvaluationChange,
  type EvaluationVerdict,
  type RoundState,
  type User,
} from '@kotei/domain';
import type {
  CreateEvaluationBody,
  Evaluation,
  EvaluationHistory,
  EvaluationList,
  EvaluationTarget,
  UpdateEvaluationBody,
  WithdrawEvaluationBody,
} from '@kotei/contracts';
import type {
  EvaluationRepository,
  EvaluationRow,
  EvaluationTargetIds,
} from '../repositories/evaluation.repository.js';
import type { ConflictOfInterestRepository } from '../repositories/conflict-of-interest.repository.js';
import {
  toEvaluation,
  toEvaluationRow,
  toEvaluationVersion,
  toOverallEvaluation,
} from '../repositories/evaluation.mapper.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { newId } from '../ids.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';
import { requireEvaluationsVisible, requireRoundVisible } from './round-access.js';
import { toRound } from '../repositories/plan.mapper.js';

/** The plan and its round, or 404 naming which is missing. */
export async function findPlanRound(
  plans: PlanRepository,
  evaluations: EvaluationRepository,
  slug: string,
  roundId: string,
) {
  const plan = await plans.findBySlug(slug);
  if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
  const round = await evaluations.findRound(plan.id, roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found', `No round ${roundId} in plan "${slug}"`);
  return { plan, round };
}

/** A refused verdict as the error the API answers with: 403 for another's evaluation, 409 otherwise. */
export function refusalError(verdict: EvaluationVerdict): DomainError | null {
  if (verdict.ok) return null;
  const { code, message } = verdict.refusal;
  if (code === 'not_yours') return new DomainError('forbidden', code, message);
  if (code === 'conflict_of_interest')
    return new DomainError('conflict', code, message, [{ path: 'target', message }]);
  return new DomainError('conflict', code, message);
}

/**
 * Experts' evaluations (有識者による総合評価): written, edited and withdrawn by experts until the round is
 * published, with every version kept; read by anyone once published.
 */
export class EvaluationService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly conflicts: ConflictOfInterestRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A round's standing evaluations (the plan's first, then goals, then sheets) and its overall evaluation. Public
   * once the round is published; before, for experts and the coordinating office.
   */
  async list(actor: Actor, slug: string, roundId: string): Promise<EvaluationList> {
    const { round } = await findPlanRound(this.plans, this.evaluations, slug, roundId);
    requireEvaluationsVisible(actor, round);
    const [rows, overall] = await Promise.all([
      this.evaluations.listForRound(round.id),
      this.evaluations.findOverall(round.id),
    ]);
    const viewerId = actor.user?.id ?? null;
    return {
      round: toRound(round),
      evaluations: rows.map((row) => toEvaluation(row, viewerId)),
      overall: overall ? toOverallEvaluation(overall) : null,
    };
  }

  /**
   * Write an evaluation. Needs `evaluation:write`; the goal or sheet must be the plan's, and not a sheet the
   * expert declared a conflict of interest on; one standing evaluation per evaluator, target and round. The
   * evaluation, its first version and its audit event commit together.
   */
  async create(actor: Actor, slug: string, roundId: string, body: CreateEvaluationBody): Promise<Evaluation> {
    const user = requirePermission(actor, 'evaluation:write');
    const { plan, round } = await findPlanRound(this.plans, this.evaluations, slug, roundId);
    if (round.state === 'published' || round.state === 'draft')
      throw new DomainError(
        'conflict',
        'round_not_open_for_evaluation',
        'The round is not open for evaluation: experts evaluate a round before it is published',
      );
    const ids = await this.resolveTarget(plan, body.target);
    await this.requireMayRate(plan.id, user, round.state as RoundState, ids.sheetId);
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
    const written = await this.evaluations.insert(
      row,
      versionRow(row.id, 1, 'create', body, user.id, row.created_at),
      {
        actorId: user.id,
        action: 'evaluation.create',
        entityType: 'evaluation',
        entityId: row.id,
        detail: { planId: plan.id, roundId: round.id, target: body.target, rating: body.rating },
        requestId: actor.requestId,
      },
    );
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
      version: 1,
      updatedAt: null,
      isOwn: true,
    };
  }

  /** Edit one's evaluation (rating and comment) if it is still at `body.version`; 409 with it as it stands if not. */
  async update(
    actor: Actor,
    slug: string,
    roundId: string,
    evaluationId: string,
    body: UpdateEvaluationBody,
  ): Promise<Evaluation> {
    return this.change(actor, slug, roundId, evaluationId, 'edit', body);
  }

  /** Withdraw one's evaluation if it is still at `body.version`: it stops standing, its history stays. */
  async withdraw(
    actor: Actor,
    slug: string,
    roundId: string,
    evaluationId: string,
    body: WithdrawEvaluationBody,
  ): Promise<Evaluation> {
    return this.change(actor, slug, roundId, evaluationId, 'withdraw', body);
  }

  /**
   * Every version of the round's evaluations, withdrawn ones too: the coordinating office sees all, an expert
   * their own. Never public, before or after publication.
   */
  async history(actor: Actor, slug: string, roundId: string): Promise<EvaluationHistory> {
    const { round } = await findPlanRound(this.plans, this.evaluations, slug, roundId);
    requireRoundVisible(actor, round);
    const user = actor.user;
    if (user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    const seesAll = hasPermission(user, 'round:manage');
    if (!seesAll && !hasPermission(user, 'evaluation:write'))
      throw new DomainError(
        'forbidden',
        'forbidden',
        'The history of evaluations is seen by the experts and the coordinating office',
      );
    const rows = await this.evaluations.history(round.id, seesAll ? null : user.id);
    return { versions: rows.map(toEvaluationVersion) };
  }

  private async change(
    actor: Actor,
    slug: string,
    roundId: string,
    evaluationId: string,
    change: EvaluationChange,
    body: UpdateEvaluationBody | WithdrawEvaluationBody,
  ): Promise<Evaluation> {
    const user = requirePermission(actor, 'evaluation:write');
    const { plan, round } = await findPlanRound(this.plans, this.evaluations, slug, roundId);
    const before = await this.evaluations.findInRound(round.id, evaluationId);
    if (!before)
      throw new DomainError(
        'not_found',
        'evaluation_not_found',
        `No evaluation ${evaluationId} in this round`,
      );
    const conflictSheetIds = await this.conflicts.sheetIdsOf(plan.id, user.id);
    const refusal = refusalError(
      mayChangeEvaluation(change, {
        roundState: round.state as RoundState,
        sheetId: before.sheet_id,
        conflictSheetIds,
        isOwn: before.evaluator_id === user.id,
        isWithdrawn: before.withdrawn_at !== null,
      }),
    );
    if (refusal) throw refusal;
    const now = this.clock.now().toISOString();
    const next = 'rating' in body ? { rating: body.rating, comment: body.comment } : before;
    const version = body.version + 1;
    const written = await this.evaluations.change(
      before.id,
      body.version,
      {
        set: {
          rating: next.rating,
          comment: next.comment,
          version,
          updated_at: now,
          withdrawn_at: change === 'withdraw' ? now : null,
        },
        version: versionRow(before.id, version, change, next, user.id, now),
      },
      {
        ...auditedBy(actor),
        action: `evaluation.${change}`,
        entityType: 'evaluation',
        entityId: before.id,
        detail: {
          planId: plan.id,
          roundId: round.id,
          before: { version: before.version, rating: before.rating, comment: before.comment },
          after:
            change === 'withdraw'
              ? { version, withdrawn: true }
              : { version, rating: next.rating, comment: next.comment },
        },
      },
    );
    const current = await this.evaluations.findInRound(round.id, evaluationId);
    if (!current) throw new DomainError('not_found', 'evaluation_not_found', `No evaluation ${evaluationId}`);
    if (!written) return this.refuseUnwritten(current, body.version, user.id);
    return toEvaluation(current, user.id);
  }

  // Why a conditional change found nothing to change: the round was published, the evaluation withdrawn, or
  // (most often) someone saved a newer version first, which the expert gets back to compare.
  private async refuseUnwritten(
    current: EvaluationRow,
    baseVersion: number,
    viewerId: string,
  ): Promise<never> {
    const round = await this.evaluations.findRoundById(current.round_id);
    if (round?.state === 'published')
      throw new DomainError(
        'conflict',
        'round_published',
        'The round is published: its evaluations are immutable.',
      );
    if (current.withdrawn_at !== null)
      throw new DomainError(
        'conflict',
        'evaluation_withdrawn',
        'The evaluation was withdrawn: write a new one instead',
      );
    throw new StaleWriteError(
      `The evaluation changed since version ${baseVersion} (now ${current.version}); it is returned as it stands`,
      toEvaluation(current, viewerId),
    );
  }

  private async requireMayRate(
    planId: string,
    user: User,
    roundState: RoundState,
    sheetId: string | null,
  ): Promise<void> {
    const conflictSheetIds =
      sheetId === null ? new Set<string>() : await this.conflicts.sheetIdsOf(planId, user.id);
    const refusal = refusalError(mayRate({ roundState, sheetId, conflictSheetIds }));
    if (refusal) throw refusal;
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

function versionRow(
  evaluationId: string,
  version: number,
  action: 'create' | EvaluationChange,
  state: { rating: string; comment: string },
  changedBy: string,
  changedAt: string,
) {
  return {
    id: newId(),
    evaluation_id: evaluationId,
    version,
    action,
    rating: state.rating,
    comment: state.comment,
    changed_by: changedBy,
    changed_at: changedAt,
  };
}

function unknownTarget(name: string, number: number): DomainError {
  return new DomainError('invalid_input', 'unknown_evaluation_target', `The plan has no ${name}`, [
    { path: 'target.number', message: `no ${name} (number ${number}) in this plan` },
  ]);
}
