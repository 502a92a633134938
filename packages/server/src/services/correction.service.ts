import { DomainError, type Clock } from '@kotei/domain';
import type { Correction, CorrectionList, CreateCorrectionBody } from '@kotei/contracts';
import type { CorrectionRepository } from '../repositories/correction.repository.js';
import { toCorrection } from '../repositories/correction.repository.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import type { RoundRepository } from '../repositories/round.repository.js';
import { newId } from '../ids.js';
import { requirePermission, type Actor } from './actor.js';

/**
 * 正誤: the coordinating office corrects a published round's progress bullet or actual by a new, reasoned entry;
 * the published row stays as it was, readers see the correction over it (the original beside it), statuses use
 * the corrected actual. Corrections are public with their round.
 */
export class CorrectionService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly rounds: RoundRepository,
    private readonly corrections: CorrectionRepository,
    private readonly clock: Clock,
  ) {}

  private async publishedRound(slug: string, roundId: string) {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    const round = await this.rounds.findRound(plan.id, roundId);
    // An unpublished round has nothing to correct, and is not shown here: it is private until published.
    if (!round || round.state !== 'published')
      throw new DomainError(
        'not_found',
        'round_not_found',
        `No published round ${roundId} in plan "${slug}"`,
      );
    return { plan, round };
  }

  /** A published round's corrections, oldest first; anyone may read them. */
  async list(slug: string, roundId: string): Promise<CorrectionList> {
    const { round } = await this.publishedRound(slug, roundId);
    return { corrections: (await this.corrections.listForRound(round.id)).map(toCorrection) };
  }

  /** Post a correction (coordinator, admin); audited with the value before and after and the reason. */
  async create(actor: Actor, slug: string, roundId: string, body: CreateCorrectionBody): Promise<Correction> {
    const user = requirePermission(actor, 'round:manage');
    const { plan, round } = await this.publishedRound(slug, roundId);
    const targets = await this.corrections.findTargets(
      round.id,
      body.kind,
      body.targetId,
      body.kind === 'actual' ? body.period : undefined,
    );
    const target = targets[0];
    if (target === undefined)
      throw new DomainError(
        'not_found',
        'correction_target_not_found',
        `The round published no ${body.kind} ${body.targetId}`,
      );
    if (targets.length > 1)
      throw new DomainError(
        'invalid_input',
        'period_required',
        'The round published several actuals of the KPI',
        [{ path: 'period', message: 'name the period of the actual to correct' }],
      );
    const row = {
      id: newId(),
      round_id: round.id,
      measure_id: target.measureId,
      ministry: target.ministry,
      target_kind: body.kind,
      target_id: target.id,
      original: target.original,
      corrected_text: body.kind === 'bullet' ? body.text : null,
      corrected_value: body.kind === 'actual' ? body.value : null,
      reason: body.reason,
      created_by: user.id,
      created_at: this.clock.now().toISOString(),
    };
    const correction = toCorrection(row);
    // What it read before this entry: the latest earlier correction of the same target, else as published.
    const earlier = (await this.corrections.listForRound(round.id)).filter((c) => c.target_id === target.id);
    const last = earlier.at(-1);
    const before = last === undefined ? target.original : toCorrection(last).corrected;
    await this.corrections.insert(row, plan.id, {
      actorId: user.id,
      requestId: actor.requestId,
      action: 'round.correct',
      entityType: 'follow_up_round',
      entityId: round.id,
      detail: {
        target: { kind: body.kind, id: target.id, measureId: target.measureId },
        published: target.original,
        before,
        after: correction.corrected,
        reason: body.reason,
      },
    });
    return correction;
  }
}
