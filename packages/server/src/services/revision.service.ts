import {
  applyEdit,
  diffStructures,
  DomainError,
  endOfJapanDay,
  type Clock,
  originalsOf,
  type ErrorDetail,
  type Originals,
  type PlanStructure,
} from '@kotei/domain';
import type {
  AdoptDraftBody,
  CreatePlanBody,
  DraftEditsBody,
  RevisionDetail,
  RevisionDiff,
  RevisionDraft,
  RevisionList,
} from '@kotei/contracts';
import type { OrganisationRepository } from '../repositories/organisation.repository.js';
import type { PlanRecord, PlanRepository } from '../repositories/plan.repository.js';
import type { RevisionRepository, StoredDraft, StoredRevision } from '../repositories/revision.repository.js';
import { buildPlanRows } from '../repositories/mappers/plan-document.mapper.js';
import { buildSearchEntries } from '../repositories/search-entry.mapper.js';
import { auditedBy, requirePermission, type Actor } from './actor.js';

/** Which revision a read shows: its number, the latest number, its reason and when it was adopted. */
export interface RevisionShown {
  number: number;
  latest: number;
  reason: string;
  adoptedAt: string;
}

/** A read's time travel: the revision asked for, the latest number, and the instant the plan is shown at. */
export interface TimeTravel {
  revision: StoredRevision;
  latest: number;
  cutoff: string | undefined;
}

const notFound = (code: string, message: string) => new DomainError('not_found', code, message);

/**
 * Plan authoring and revisions (見直し, #13): a plan created from scratch, the draft revision a coordinator edits
 * (each edit checked field by field by the domain's applyEdit), its adoption as the next revision, the list of
 * revisions and the semantic diff between any two. Reads are public; every write needs `plan:edit`.
 */
export class RevisionService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly revisions: RevisionRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  private async planOrFail(slug: string): Promise<PlanRecord> {
    const plan = await this.plans.findBySlug(slug);
    if (!plan) throw notFound('plan_not_found', `No plan with slug "${slug}"`);
    return plan;
  }

  // Every plan has revision 1 (策定): one imported before revisions existed gets it on first use.
  private async ensureFirst(plan: PlanRecord): Promise<void> {
    await this.revisions.ensureFirst(plan, this.now(), {
      actorId: 'system',
      action: 'revision.record_first',
      entityType: 'plan',
      entityId: plan.id,
      detail: { number: 1, reason: '策定' },
      requestId: null,
    });
  }

  private async revisionOrFail(plan: PlanRecord, number: number): Promise<StoredRevision> {
    await this.ensureFirst(plan);
    const revision = await this.revisions.find(plan.id, number);
    if (!revision) throw notFound('revision_not_found', `Plan "${plan.slug}" has no revision ${number}`);
    return revision;
  }

  /** Create a plan from scratch (title, owner, policy fields, horizon): revision 1 with nothing in it yet. */
  async createPlan(actor: Actor, body: CreatePlanBody): Promise<{ id: string; slug: string }> {
    const user = requirePermission(actor, 'plan:edit');
    if (body.horizon.to < body.horizon.from)
      throw new DomainError('invalid_input', 'invalid_horizon', 'The horizon ends before it starts', [
        { path: 'horizon.to', message: 'must not be before horizon.from' },
      ]);
    if (await this.plans.findBySlug(body.slug))
      throw new DomainError('conflict', 'plan_slug_taken', `A plan with slug "${body.slug}" exists already`, [
        { path: 'slug', message: 'must be unique' },
      ]);
    const now = this.now();
    const rows = buildPlanRows(
      {
        slug: body.slug,
        title: body.title,
        owner: body.owner,
        adoptedOn: null,
        description: '',
        policyFields: body.policyFields,
        isSample: false,
        round: null,
        strategicGoals: [],
        sheets: [],
      },
      now,
    );
    await this.plans.insertAll(
      rows,
      buildSearchEntries(rows),
      null,
      {
        actorId: user.id,
        action: 'plan.create',
        entityType: 'plan',
        entityId: rows.plan.id,
        detail: { slug: body.slug, title: body.title, horizon: body.horizon, from: 'scratch' },
        requestId: actor.requestId,
      },
      body.horizon,
    );
    return { id: rows.plan.id, slug: rows.plan.slug };
  }

  /** Every revision of a plan, newest first. Public. */
  async list(slug: string): Promise<RevisionList> {
    const plan = await this.planOrFail(slug);
    await this.ensureFirst(plan);
    const revisions = await this.revisions.list(plan.id);
    return {
      current: revisions[0]?.number ?? 1,
      revisions: revisions.map((r, i) => ({
        ...summaryOf(r),
        changeCount: diffStructures(revisions[i + 1]?.structure ?? r.structure, r.structure).length,
      })),
    };
  }

  /** One revision with its structure and what it changed from the one before. Public. */
  async get(slug: string, number: number): Promise<RevisionDetail> {
    const plan = await this.planOrFail(slug);
    const revision = await this.revisionOrFail(plan, number);
    const before = number > 1 ? await this.revisions.find(plan.id, number - 1) : undefined;
    const changes = diffStructures(before?.structure ?? revision.structure, revision.structure);
    return { ...summaryOf(revision), changeCount: changes.length, structure: revision.structure, changes };
  }

  /** The changes from revision `from` to revision `to` (either way round), in the policy's words. Public. */
  async diff(slug: string, from: number, to: number): Promise<RevisionDiff> {
    const plan = await this.planOrFail(slug);
    const [a, b] = await Promise.all([this.revisionOrFail(plan, from), this.revisionOrFail(plan, to)]);
    return { from, to, changes: diffStructures(a.structure, b.structure) };
  }

  /**
   * The revision a plan read asks for: `revision` by number, or the one in force at the end of the day
   * `revisionOn` (Japan time); undefined when neither is asked (the plan as it stands). `cutoff` is the instant
   * the plan is shown as it stood: the end of that day, or the adoption of the next revision when one replaced
   * the revision asked; undefined for the latest revision asked by number (nothing recorded since is left out).
   */
  async structureFor(
    slug: string,
    query: { revision?: number | undefined; revisionOn?: string | undefined },
  ): Promise<TimeTravel | undefined> {
    if (query.revision === undefined && query.revisionOn === undefined) return undefined;
    const plan = await this.planOrFail(slug);
    await this.ensureFirst(plan);
    let number = query.revision;
    let cutoff: string | undefined;
    if (number === undefined && query.revisionOn !== undefined) {
      cutoff = endOfJapanDay(query.revisionOn);
      number = await this.revisions.numberInForce(plan.id, cutoff);
      if (number === undefined)
        throw notFound(
          'revision_not_found',
          `Plan "${slug}" had no revision in force on ${query.revisionOn}: its first revision was adopted later`,
        );
    }
    const revision = await this.revisionOrFail(plan, number ?? 1);
    const latest = await this.revisions.latestNumber(plan.id);
    if (cutoff === undefined && revision.number < latest)
      cutoff = (await this.revisions.find(plan.id, revision.number + 1))?.createdAt;
    return { revision, latest, cutoff };
  }

  /**
   * Originally adopted vs current: the phases and KPIs whose period or target revision `base` fixed otherwise
   * than the revision shown (`shown`, else the latest). Public.
   */
  async originals(
    slug: string,
    base: number,
    shown?: StoredRevision,
  ): Promise<{ revision: RevisionShown; originals: Originals }> {
    const plan = await this.planOrFail(slug);
    const original = await this.revisionOrFail(plan, base);
    const latest = await this.revisions.latestNumber(plan.id);
    const current = shown ?? (await this.revisionOrFail(plan, latest));
    return {
      revision: { number: original.number, latest, reason: original.reason, adoptedAt: original.createdAt },
      originals: originalsOf(original.structure, current.structure),
    };
  }

  /** The plan's draft revision. Needs `plan:edit`. */
  async draft(actor: Actor, slug: string): Promise<RevisionDraft> {
    requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    const draft = await this.revisions.draft(plan.id);
    if (!draft) throw notFound('draft_not_found', `Plan "${slug}" has no draft revision`);
    return this.toDraft(plan, draft);
  }

  /** Open a draft on the latest revision (or return the one open). Needs `plan:edit`. */
  async openDraft(actor: Actor, slug: string): Promise<RevisionDraft> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    await this.ensureFirst(plan);
    const draft = await this.revisions.openDraft(plan.id, this.now(), user.id, {
      actorId: user.id,
      action: 'revision.draft.open',
      entityType: 'plan',
      entityId: plan.id,
      detail: {},
      requestId: actor.requestId,
    });
    return this.toDraft(plan, draft);
  }

  /**
   * Apply edits to the draft, in order, all or none: an edit the domain refuses answers 400 with every field
   * (`edits[2].target.period`) and its reason; a stale `version` answers 409. Needs `plan:edit`.
   */
  async edit(actor: Actor, slug: string, body: DraftEditsBody): Promise<RevisionDraft> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    const draft = await this.revisions.draft(plan.id);
    if (!draft) throw notFound('draft_not_found', `Plan "${slug}" has no draft revision: open one first`);
    if (body.version !== undefined && body.version !== draft.version)
      throw new DomainError(
        'conflict',
        'stale_version',
        `The draft is at version ${draft.version}, not ${body.version}`,
      );
    const ministries = new Set((await this.organisations.listAll()).map((o) => o.code));
    let structure: PlanStructure = draft.structure;
    const errors: ErrorDetail[] = [];
    body.edits.forEach((edit, i) => {
      const result = applyEdit(structure, edit, { ministries });
      if (result.ok) structure = result.structure;
      else errors.push(...result.errors.map((e) => ({ ...e, path: `edits[${i}].${e.path}` })));
    });
    if (errors.length > 0)
      throw new DomainError(
        'invalid_input',
        'invalid_edit',
        `${errors.length} problem(s) in the edits`,
        errors,
      );
    await this.revisions.saveDraft(plan.id, draft.version, structure, this.now(), user.id, {
      actorId: user.id,
      action: 'revision.draft.edit',
      entityType: 'plan',
      entityId: plan.id,
      detail: { version: draft.version + 1, edits: body.edits },
      requestId: actor.requestId,
    });
    return this.draft(actor, slug);
  }

  /** Discard the draft. Needs `plan:edit`. */
  async discard(actor: Actor, slug: string): Promise<void> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    const discarded = await this.revisions.discardDraft(plan.id, this.now(), {
      actorId: user.id,
      action: 'revision.draft.discard',
      entityType: 'plan',
      entityId: plan.id,
      detail: {},
      requestId: actor.requestId,
    });
    if (!discarded) throw notFound('draft_not_found', `Plan "${slug}" has no draft revision`);
  }

  /**
   * Adopt the draft as the next revision with its reason, in one transaction (see RevisionRepository.adopt): a
   * second adopter, or one who saw an older version of the draft, gets 409 `revision_conflict`. Needs `plan:edit`.
   */
  async adopt(actor: Actor, slug: string, body: AdoptDraftBody): Promise<RevisionDetail> {
    const user = requirePermission(actor, 'plan:edit');
    const plan = await this.planOrFail(slug);
    const draft = await this.revisions.draft(plan.id);
    if (!draft)
      throw new DomainError(
        'conflict',
        'revision_conflict',
        'There is no draft to adopt: another coordinator adopted or discarded it',
      );
    const base = await this.revisionOrFail(plan, draft.baseNumber);
    const now = this.now();
    const number = await this.revisions.adopt(
      plan,
      { draftVersion: body.version, reason: body.reason, summary: body.summary ?? '', by: user.id, at: now },
      (n, structure) => ({
        ...auditedBy(actor),
        action: 'revision.adopt',
        entityType: 'plan',
        entityId: plan.id,
        detail: {
          number: n,
          reason: body.reason,
          changes: diffStructures(base.structure, structure).map((c) => c.ja),
        },
      }),
    );
    return this.get(slug, number);
  }

  private async toDraft(plan: PlanRecord, draft: StoredDraft): Promise<RevisionDraft> {
    const base = await this.revisions.find(plan.id, draft.baseNumber);
    return {
      baseNumber: draft.baseNumber,
      version: draft.version,
      structure: draft.structure,
      changes: diffStructures(base?.structure ?? draft.structure, draft.structure),
      updatedAt: draft.updatedAt,
      updatedBy: draft.updatedBy,
    };
  }
}

function summaryOf(r: StoredRevision): Omit<RevisionDetail, 'structure' | 'changes' | 'changeCount'> {
  return {
    number: r.number,
    reason: r.reason,
    summary: r.summary,
    createdAt: r.createdAt,
    createdBy: r.createdBy,
  };
}
