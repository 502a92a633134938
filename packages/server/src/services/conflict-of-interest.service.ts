import { circledNumber, DomainError, hasPermission, type Clock } from '@kotei/domain';
import type { ConflictOfInterest, ConflictOfInterestList, DeclareConflictBody } from '@kotei/contracts';
import type {
  ConflictOfInterestRepository,
  ConflictOfInterestRow,
} from '../repositories/conflict-of-interest.repository.js';
import type { EvaluationRepository } from '../repositories/evaluation.repository.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { newId } from '../ids.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

function toConflict(row: ConflictOfInterestRow, viewerId: string): ConflictOfInterest {
  return {
    id: row.id,
    sheet: row.sheet_number,
    expert: { displayName: row.expert_name },
    isOwn: row.expert_id === viewerId,
    reason: row.reason,
    declaredAt: row.declared_at,
  };
}

/**
 * Conflicts of interest (利益相反), declared per plan and sheet: an expert who declares one on a sheet rates that
 * sheet in no round of the plan (`mayRate`); the coordinating office sees every declaration, an expert their own.
 * A declaration stands: it is not withdrawn in the app (the coordinating office would settle that by hand).
 */
export class ConflictOfInterestService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly conflicts: ConflictOfInterestRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  private async findPlan(slug: string) {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  /** The plan's declarations: all for the coordinating office, an expert's own for an expert; no one else. */
  async list(actor: Actor, slug: string): Promise<ConflictOfInterestList> {
    const user = actor.user;
    if (user === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    const seesAll = hasPermission(user, 'round:manage');
    if (!seesAll && !hasPermission(user, 'evaluation:write'))
      throw new DomainError(
        'forbidden',
        'forbidden',
        'Declarations of conflict of interest are seen by the experts and the coordinating office',
      );
    const plan = await this.findPlan(slug);
    const rows = await this.conflicts.list(plan.id, seesAll ? null : user.id);
    return { conflicts: rows.map((row) => toConflict(row, user.id)) };
  }

  /**
   * Declare a conflict of interest on a sheet. Refused (409) while the expert still has a standing evaluation of
   * the sheet in a round not yet published: they withdraw it first, so no rating of theirs on it is published.
   */
  async declare(actor: Actor, slug: string, body: DeclareConflictBody): Promise<ConflictOfInterest> {
    const user = requirePermission(actor, 'evaluation:write');
    const plan = await this.findPlan(slug);
    const sheetId = await this.evaluations.findSheetId(plan.id, body.sheet);
    const name = `工程表${circledNumber(body.sheet)}`;
    if (sheetId === undefined)
      throw new DomainError('invalid_input', 'unknown_sheet', `The plan has no ${name}`, [
        { path: 'sheet', message: `no ${name} (number ${body.sheet}) in this plan` },
      ]);
    if (await this.evaluations.hasStandingOnSheet(user.id, sheetId))
      throw new DomainError(
        'conflict',
        'evaluation_stands',
        `You have an evaluation of ${name} in a round not yet published: withdraw it first`,
        [{ path: 'sheet', message: 'withdraw your evaluation of this sheet first' }],
      );
    const row = {
      id: newId(),
      plan_id: plan.id,
      sheet_id: sheetId,
      expert_id: user.id,
      reason: body.reason,
      declared_at: this.clock.now().toISOString(),
    };
    const written = await this.conflicts.insert(row, {
      ...auditedBy(actor),
      action: 'conflict_of_interest.declare',
      entityType: 'conflict_of_interest',
      entityId: row.id,
      detail: { planId: plan.id, sheet: body.sheet, expertId: user.id, reason: body.reason },
    });
    if (written === 'duplicate')
      throw new DomainError(
        'conflict',
        'conflict_declared',
        `You declared a conflict of interest on ${name} already`,
        [{ path: 'sheet', message: 'declared already' }],
      );
    return {
      id: row.id,
      sheet: body.sheet,
      expert: { displayName: user.displayName },
      isOwn: true,
      reason: row.reason,
      declaredAt: row.declared_at,
    };
  }
}
