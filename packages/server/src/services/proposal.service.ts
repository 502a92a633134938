import {
  applyEdits,
  checkProposal,
  diffStructures,
  DomainError,
  type Clock,
  type ErrorDetail,
  type PlanStructure,
  type User,
} from '@kotei/domain';
import type { Proposal, ProposalBody, ProposalDecisionBody, ProposalList } from '@kotei/contracts';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import type { PlanRecord, PlanRepository } from '../repositories/plan.repository.js';
import type { ProposalRepository, StoredProposal } from '../repositories/proposal.repository.js';
import type { RoundEvent } from '../repositories/notification.repository.js';
import type { RevisionRepository } from '../repositories/revision.repository.js';
import { newId } from '../ids.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

const notFound = (code: string, message: string) => new DomainError('not_found', code, message);
const COORDINATING_ROLES = ['coordinator', 'admin'] as const;

/** A reporter with a ministry in force today; anyone else may not propose (401 / 403). */
function reporterOf(actor: Actor): User & { ministry: string } {
  const user = requirePermission(actor, 'progress:report');
  if (user.role !== 'ministry' || user.ministry === null)
    throw new DomainError(
      'forbidden',
      'forbidden',
      "Proposals are a ministry reporter's: the coordinating office edits the draft revision itself",
    );
  return { ...user, ministry: user.ministry };
}

/**
 * A reporter's proposals (変更提案, #13): changes to its own measures, sent with a reason, which the coordinating
 * office accepts into the draft revision or declines with a note; the author may withdraw one while it is open.
 * Each write is audited and leaves notices (the office hears of a proposal, the ministry of the decision).
 */
export class ProposalService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly revisions: RevisionRepository,
    private readonly proposals: ProposalRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  private async planOrFail(slug: string): Promise<PlanRecord> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw notFound('plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  private async latest(plan: PlanRecord, at: string): Promise<{ number: number; structure: PlanStructure }> {
    await this.revisions.ensureFirst(plan, at, {
      actorId: 'system',
      action: 'revision.record_first',
      entityType: 'plan',
      entityId: plan.id,
      detail: { number: 1, reason: '策定' },
      requestId: null,
    });
    const number = await this.revisions.latestNumber(plan.id);
    const revision = await this.revisions.find(plan.id, number);
    if (!revision) throw notFound('revision_not_found', `Plan "${plan.slug}" has no revision`);
    return { number, structure: revision.structure };
  }

  private async ministries(): Promise<Set<string>> {
    return new Set((await this.organisations.listAll()).map((o) => o.code));
  }

  private async proposalOrFail(plan: PlanRecord, id: string): Promise<StoredProposal> {
    const proposal = await this.proposals.find(plan.id, id);
    if (!proposal) throw notFound('proposal_not_found', `Plan "${plan.slug}" has no proposal ${id}`);
    return proposal;
  }

  // What a proposal changes, worded against the revision it was sent on (stable whatever was adopted since).
  private async toProposal(plan: PlanRecord, p: StoredProposal, ministries: Set<string>): Promise<Proposal> {
    const base = await this.revisions.find(plan.id, p.baseNumber);
    const applied = base && applyEdits(base.structure, p.edits, { ministries });
    const changes = base && applied?.ok ? diffStructures(base.structure, applied.structure) : [];
    return {
      id: p.id,
      state: p.state,
      ministry: p.ministry,
      authorId: p.authorId,
      authorName: p.authorName,
      reason: p.reason,
      edits: p.edits,
      changes,
      baseNumber: p.baseNumber,
      createdAt: p.createdAt,
      decidedBy: p.decidedBy,
      decidedAt: p.decidedAt,
      note: p.note,
    };
  }

  private event(
    plan: PlanRecord,
    p: Pick<StoredProposal, 'ministry' | 'reason'>,
    kind: RoundEvent['kind'],
    actorId: string,
    at: string,
    note: string | null,
  ): RoundEvent {
    return {
      kind,
      at,
      actorId,
      recipients:
        kind === 'proposal.submitted' ? { roles: COORDINATING_ROLES } : { ministries: [p.ministry] },
      refs: { planId: plan.id, roundId: null, partId: null, measureId: null },
      params: {
        planSlug: plan.slug,
        planTitle: plan.title,
        roundTitle: '',
        ministry: p.ministry,
        ...(note ? { reason: note } : {}),
      },
      webhook: null,
    };
  }

  /** A plan's proposals, newest first: every one for the coordinating office, a reporter's ministry's own. */
  async list(actor: Actor, slug: string): Promise<ProposalList> {
    const user = requirePermission(actor, 'progress:report');
    const plan = await this.planOrFail(slug);
    const ministry = hasOffice(user) ? null : reporterOf(actor).ministry;
    const [rows, ministries] = await Promise.all([this.proposals.list(plan.id, ministry), this.ministries()]);
    return { proposals: await Promise.all(rows.map((p) => this.toProposal(plan, p, ministries))) };
  }

  /**
   * Send a proposal: every edit must touch only the reporter's own measures (else 403 naming `edits[i]`) and
   * pass the draft's edit rules against the latest revision (else 400 `invalid_edit` with the fields); nothing
   * is stored then.
   */
  async submit(actor: Actor, slug: string, body: ProposalBody): Promise<Proposal> {
    const user = reporterOf(actor);
    const plan = await this.planOrFail(slug);
    const at = this.clock.now().toISOString();
    const [latest, ministries] = await Promise.all([this.latest(plan, at), this.ministries()]);
    const check = checkProposal(latest.structure, body.edits, user.ministry, { ministries });
    if (!check.ok && check.forbidden.length > 0)
      throw new DomainError(
        'forbidden',
        'proposal_not_own',
        `${check.forbidden.length} edit(s) reach beyond ${user.ministry}'s own measures`,
        check.forbidden,
      );
    if (!check.ok)
      throw new DomainError(
        'invalid_input',
        'invalid_edit',
        `${check.invalid.length} problem(s) in the edits`,
        [...check.invalid],
      );
    const id = newId();
    await this.proposals.insert(
      {
        id,
        planId: plan.id,
        authorId: user.id,
        ministry: user.ministry,
        reason: body.reason,
        edits: body.edits,
        baseNumber: latest.number,
        createdAt: at,
      },
      {
        ...auditedBy(actor),
        action: 'proposal.submit',
        entityType: 'revision_proposal',
        entityId: id,
        detail: { planId: plan.id, ministry: user.ministry, reason: body.reason, edits: body.edits },
      },
      this.event(
        plan,
        { ministry: user.ministry, reason: body.reason },
        'proposal.submitted',
        user.id,
        at,
        null,
      ),
    );
    return this.toProposal(plan, await this.proposalOrFail(plan, id), ministries);
  }

  /** The author withdraws its open proposal (409 once decided; 403 for anyone else). */
  async withdraw(actor: Actor, slug: string, id: string): Promise<Proposal> {
    const user = reporterOf(actor);
    const plan = await this.planOrFail(slug);
    const proposal = await this.proposalOrFail(plan, id);
    if (proposal.authorId !== user.id)
      throw new DomainError('forbidden', 'forbidden', 'Only its author may withdraw a proposal');
    const at = this.clock.now().toISOString();
    await this.proposals.close(
      id,
      { state: 'withdrawn', by: user.id, at, note: null },
      {
        ...auditedBy(actor),
        action: 'proposal.withdraw',
        entityType: 'revision_proposal',
        entityId: id,
        detail: { planId: plan.id },
      },
      null,
    );
    return this.toProposal(plan, await this.proposalOrFail(plan, id), await this.ministries());
  }

  /**
   * The coordinating office decides an open proposal. Accepting appends its edits to the draft revision (opened
   * on the latest revision when none is), all or none: an edit the draft no longer takes (an entity it retired)
   * is 409 `proposal_conflict` naming `edits[i]`. Declining needs a note. Needs `plan:edit`.
   */
  async decide(actor: Actor, slug: string, id: string, body: ProposalDecisionBody): Promise<Proposal> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    const proposal = await this.proposalOrFail(plan, id);
    if (proposal.state !== 'open')
      throw new DomainError('conflict', 'proposal_decided', `The proposal is already ${proposal.state}`);
    const at = this.clock.now().toISOString();
    const note = body.note?.trim() ? body.note.trim() : null;
    const ministries = await this.ministries();
    const audit = (action: string, detail: Record<string, unknown>) => ({
      ...auditedBy(actor),
      action,
      entityType: 'revision_proposal',
      entityId: id,
      detail: { planId: plan.id, ministry: proposal.ministry, note, ...detail },
    });
    if (body.decision === 'decline') {
      if (note === null)
        throw new DomainError('invalid_input', 'note_required', 'Say why the proposal is declined', [
          { path: 'note', message: 'must not be empty when declining' },
        ]);
      const event = this.event(plan, proposal, 'proposal.declined', user.id, at, note);
      await this.proposals.close(
        id,
        { state: 'declined', by: user.id, at, note },
        audit('proposal.decline', {}),
        event,
      );
      return this.toProposal(plan, await this.proposalOrFail(plan, id), ministries);
    }
    const draft = await this.revisions.draft(plan.id);
    const base = draft
      ? { number: draft.baseNumber, structure: draft.structure }
      : await this.latest(plan, at);
    const applied = applyEdits(base.structure, proposal.edits, { ministries });
    if (!applied.ok) throw proposalConflict(applied.errors);
    await this.proposals.accept(
      plan.id,
      id,
      {
        existing: draft ? { version: draft.version } : null,
        baseNumber: base.number,
        structure: applied.structure,
      },
      { state: 'accepted', by: user.id, at, note },
      audit('proposal.accept', {
        draftVersion: (draft?.version ?? 0) + 1,
        changes: diffStructures(base.structure, applied.structure).map((c) => c.ja),
      }),
      this.event(plan, proposal, 'proposal.accepted', user.id, at, note),
    );
    return this.toProposal(plan, await this.proposalOrFail(plan, id), ministries);
  }
}

function hasOffice(user: User): boolean {
  return user.role === 'coordinator' || user.role === 'admin';
}

function proposalConflict(errors: ErrorDetail[]): DomainError {
  return new DomainError(
    'conflict',
    'proposal_conflict',
    `The draft revision no longer takes ${errors.length === 1 ? 'an edit' : 'some edits'} of the proposal`,
    errors,
  );
}
