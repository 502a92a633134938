import {
  DomainError,
  mayCompileOverallEvaluation,
  StaleWriteError,
  type Clock,
  type RoundState,
} from '@kotei/domain';
import type { OverallEvaluation, SaveOverallEvaluationBody } from '@kotei/contracts';
import type { EvaluationRepository } from '../repositories/evaluation.repository.js';
import { toOverallEvaluation } from '../repositories/evaluation.mapper.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';
import { findPlanRound, refusalError } from './evaluation.service.js';

/**
 * The round's overall evaluation (有識者による総合評価), compiled by the coordinating office from the experts'
 * evaluations: written and rewritten until the round is published, then immutable and public with it. It is read
 * with the round's evaluations (`EvaluationService.list`), so it is seen exactly where they are.
 */
export class OverallEvaluationService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly clock: Clock,
  ) {}

  /** Write the text if it is still at `body.version` (0: not written yet); 409 with it as it stands if not. */
  async save(
    actor: Actor,
    slug: string,
    roundId: string,
    body: SaveOverallEvaluationBody,
  ): Promise<OverallEvaluation> {
    const user = requirePermission(actor, 'round:manage');
    const { plan, round } = await findPlanRound(this.plans, this.evaluations, slug, roundId);
    const refusal = refusalError(mayCompileOverallEvaluation(round.state as RoundState));
    if (refusal) throw refusal;
    const before = await this.evaluations.findOverall(round.id);
    const now = this.clock.now().toISOString();
    const written = await this.evaluations.saveOverall(
      {
        round_id: round.id,
        text: body.text,
        version: body.version + 1,
        updated_by: user.id,
        updated_at: now,
      },
      body.version,
      {
        ...auditedBy(actor),
        action: 'overall_evaluation.save',
        entityType: 'follow_up_round',
        entityId: round.id,
        detail: {
          planId: plan.id,
          before: before ? { version: before.version, text: before.text } : null,
          after: { version: body.version + 1, text: body.text },
        },
      },
    );
    const current = await this.evaluations.findOverall(round.id);
    if (written && current) return toOverallEvaluation(current);
    const latest = await this.evaluations.findRoundById(round.id);
    if (latest?.state === 'published')
      throw new DomainError(
        'conflict',
        'round_published',
        'The round is published: its overall evaluation is immutable.',
      );
    throw new StaleWriteError(
      `The overall evaluation changed since version ${body.version} (now ${current?.version ?? 0}); it is returned as it stands`,
      current ? toOverallEvaluation(current) : null,
    );
  }
}
