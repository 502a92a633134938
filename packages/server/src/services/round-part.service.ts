import {
  DomainError,
  movePart,
  StaleWriteError,
  type Clock,
  type ErrorDetail,
  type PartAction,
  type PartRefusal,
  type RoundState,
  type User,
} from '@kotei/domain';
import type {
  CreatePartCommentBody,
  PartComment,
  PartDecisionBody,
  RoundPart,
  SavePartBody,
} from '@kotei/contracts';
import type {
  PartContent,
  PartPatch,
  PartRecord,
  RoundRepository,
} from '../repositories/round.repository.js';
import type { PlanRepository } from '../repositories/plan.repository.js';
import {
  contentSummary,
  flagCounts,
  partFlagContext,
  partStateOf,
  readPartContent,
  toRoundPart,
  unnotedFlagDetails,
  type FlagContext,
} from '../repositories/round-part.mapper.js';
import { newId } from '../ids.js';
import { auditedBy, type Actor } from './actor.js';
import { partRoleOf, requireRoundVisible, type PartRole } from './round-access.js';
import { partDecisionEvent } from './round-events.js';

const WIDEST = { start: '1900-01-01', end: '2200-12-31' };

// A refusal of the part's rules as an HTTP answer: a state that forbids the move is a conflict (409), a move
// that is not the caller's is forbidden (403), a missing reason or note is a bad request (400) naming the field.
function refusalError(refusal: PartRefusal, details: ErrorDetail[] = []): DomainError {
  switch (refusal.code) {
    case 'not_yours':
      return new DomainError('forbidden', refusal.code, refusal.message);
    case 'reason_required':
      return new DomainError('invalid_input', refusal.code, refusal.message, [
        { path: 'reason', message: 'required to return a part' },
      ]);
    case 'flags_without_note':
      return new DomainError('invalid_input', refusal.code, refusal.message, details);
    case 'round_not_open':
    case 'round_published':
    case 'part_locked':
    case 'nothing_submitted':
      return new DomainError('conflict', refusal.code, refusal.message);
  }
}

// A part's record after a write that found it as read: its row moved (state, patch, version), its content
// replaced when the write carried one. The KPIs, phases, actuals of the measure and the thread are as read.
function afterWrite(
  record: PartRecord,
  moved: PartPatch,
  content: PartContent | null,
  version: number,
): PartRecord {
  return {
    ...record,
    part: { ...record.part, ...moved, version },
    ...(content === null
      ? {}
      : { bullets: content.bullets, actuals: content.actuals, phaseReports: content.phaseReports }),
  };
}

/** 報告: one ministry's part of one measure in a round, written by its reporter and decided by the coordinator. */
export class RoundPartService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly rounds: RoundRepository,
    private readonly clock: Clock,
  ) {}

  private async load(actor: Actor, slug: string, roundId: string, partId: string) {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw new DomainError('not_found', 'plan_not_found', `No plan with slug "${slug}"`);
    return this.loadIn(actor, plan, roundId, partId);
  }

  // The part of one of the plan's rounds, the plan read already (so it is read once a request).
  private async loadIn(actor: Actor, plan: PartRecord['plan'], roundId: string, partId: string) {
    const record = await this.rounds.loadPart(plan, roundId, partId);
    if (!record || record.round.plan_id !== plan.id)
      throw new DomainError('not_found', 'part_not_found', `No part ${partId} in round ${roundId}`);
    requireRoundVisible(actor, record.round);
    const role = partRoleOf(actor.user, record.part.ministry);
    if (record.round.state !== 'published' && role === null)
      throw new DomainError('forbidden', 'not_yours', `This part belongs to ${record.part.ministry ?? '—'}`);
    const horizon = await this.rounds.horizon(plan.id);
    const context = partFlagContext(record, {
      start: horizon.start ?? WIDEST.start,
      end: horizon.end ?? WIDEST.end,
    });
    return { record, role, context };
  }

  private view(record: PartRecord, role: PartRole, context: FlagContext): RoundPart {
    const state = partStateOf(record.part, record.round.state as RoundState);
    const open = record.round.state === 'open';
    return toRoundPart(record, context, {
      edit:
        open && role !== null && (state !== 'submitted' || role === 'coordinator') && state !== 'approved',
      decide: open && role === 'coordinator' && state === 'submitted',
    });
  }

  /** One part, for those who work on it (or anyone, once its round is published). */
  async get(actor: Actor, slug: string, roundId: string, partId: string): Promise<RoundPart> {
    const { record, role, context } = await this.load(actor, slug, roundId, partId);
    return this.view(record, role, context);
  }

  // Check the move against the part's rules, write it if the part is still at the version the caller saw, and
  // answer 409 with the part as it now stands when it is not.
  private async write(
    actor: Actor,
    loaded: Awaited<ReturnType<RoundPartService['load']>>,
    action: PartAction,
    request: { version: number; reason?: string | undefined },
    make: (user: User, now: string) => { patch: PartPatch; content: PartContent | null },
    flagDetails: ErrorDetail[] = [],
  ): Promise<RoundPart> {
    const { record, role, context } = loaded;
    const user = actor.user;
    if (user === null || role === null)
      throw new DomainError('forbidden', 'not_yours', 'This part is not yours');
    const state = partStateOf(record.part, record.round.state as RoundState);
    const move = movePart(state, action, {
      roundState: record.round.state as RoundState,
      actor: role,
      unnotedFlags: action === 'submit' ? flagCounts(record.actuals, context).unnotedFlags : 0,
      ...(request.reason !== undefined ? { reason: request.reason } : {}),
    });
    if (!move.ok) throw refusalError(move.refusal, flagDetails);
    const now = this.clock.now().toISOString();
    const { patch, content } = make(user, now);
    const moved: PartPatch = { ...patch, state: move.state === 'not_started' ? 'draft' : move.state };
    const before = this.view(record, role, context);
    const event =
      action === 'save'
        ? null
        : partDecisionEvent(action, record.plan, record.round, record.part, user.id, now, request.reason);
    const written = await this.rounds.savePart(
      record.part.id,
      request.version,
      moved,
      content,
      now,
      {
        ...auditedBy(actor),
        action: `part.${action}`,
        entityType: 'progress_report',
        entityId: record.part.id,
        detail: {
          roundId: record.round.id,
          ministry: record.part.ministry,
          before: {
            state: before.state,
            version: before.version,
            bullets: before.bullets,
            actuals: before.actuals.map(({ flags: _flags, ...a }) => a),
            phases: before.phases,
          },
          after: {
            state: move.state,
            version: request.version + 1,
            ...(content ? contentSummary(content) : {}),
            ...(request.reason !== undefined ? { reason: request.reason } : {}),
          },
        },
      },
      event,
    );
    // The part as written: the row read before the write moved by exactly this write (its version was the one
    // the caller sent), so it is built from what was read and written, not read again. Otherwise (stale, or
    // moved meanwhile) it is read as it now stands.
    const fresh =
      written && record.part.version === request.version
        ? { record: afterWrite(record, moved, content, request.version + 1), role, context }
        : await this.loadIn(actor, record.plan, record.round.id, record.part.id);
    const current = this.view(fresh.record, fresh.role, fresh.context);
    if (!written)
      throw new StaleWriteError(
        `The part changed since version ${request.version} (now ${current.version}); your text is returned with the current part, to merge`,
        current,
      );
    return current;
  }

  /** Save a draft: the whole content replaces what was there, if the part is still at `version`. */
  async save(
    actor: Actor,
    slug: string,
    roundId: string,
    partId: string,
    body: SavePartBody,
  ): Promise<RoundPart> {
    const loaded = await this.load(actor, slug, roundId, partId);
    const read = readPartContent(loaded.record, body);
    if (!read.ok)
      throw new DomainError(
        'invalid_input',
        'invalid_part',
        `The part cannot be saved: ${read.details.map((d) => d.path).join(', ')}`,
        read.details,
      );
    const content = read.content;
    return this.write(actor, loaded, 'save', body, (user, now) => ({
      patch: { updated_at: now, updated_by: user.id },
      content,
    }));
  }

  /** Submit, return (with a reason) or approve a part. */
  async decide(
    actor: Actor,
    slug: string,
    roundId: string,
    partId: string,
    action: 'submit' | 'return' | 'approve',
    body: PartDecisionBody,
  ): Promise<RoundPart> {
    const loaded = await this.load(actor, slug, roundId, partId);
    const details = unnotedFlagDetails(loaded.record.actuals, loaded.context);
    return this.write(
      actor,
      loaded,
      action,
      body,
      (user, now) => ({
        patch:
          action === 'submit'
            ? { submitted_at: now, submitted_by: user.id }
            : { decided_at: now, decided_by: user.id, decision_note: body.reason ?? null },
        content: null,
      }),
      details,
    );
  }

  /** Add a comment to the part's thread: its reporter and the coordinator, while the round is not published. */
  async comment(
    actor: Actor,
    slug: string,
    roundId: string,
    partId: string,
    body: CreatePartCommentBody,
  ): Promise<PartComment> {
    const { record, role } = await this.load(actor, slug, roundId, partId);
    if (actor.user === null || role === null)
      throw new DomainError('forbidden', 'not_yours', 'This part is not yours');
    if (record.round.state === 'published')
      throw new DomainError('conflict', 'round_published', 'The round is published: its threads are closed');
    const row = {
      id: newId(),
      report_id: record.part.id,
      author_id: actor.user.id,
      body: body.body,
      created_at: this.clock.now().toISOString(),
    };
    await this.rounds.addComment(row, {
      ...auditedBy(actor),
      action: 'part.comment',
      entityType: 'progress_report',
      entityId: record.part.id,
      detail: { commentId: row.id, body: row.body },
    });
    return { id: row.id, author: actor.user.displayName, body: row.body, createdAt: row.created_at };
  }
}
