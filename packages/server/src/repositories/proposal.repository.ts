import type { Kysely } from 'kysely';
import { DomainError, type PlanEdit, type PlanStructure, type ProposalState } from '@kotei/domain';
import type { DB, RevisionProposalTable } from '../db/schema.js';
import { isUniqueViolation } from '../db/database.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { recordRoundEvent, type RoundEvent } from './notification.repository.js';

/** A reporter's proposal as stored, its edits parsed, with its author's name. */
export interface StoredProposal {
  id: string;
  planId: string;
  authorId: string;
  authorName: string;
  ministry: string;
  reason: string;
  edits: PlanEdit[];
  baseNumber: number;
  state: ProposalState;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
}

/** A new proposal. */
export type NewProposal = Omit<StoredProposal, 'authorName' | 'state' | 'decidedBy' | 'decidedAt' | 'note'>;

/** The draft a proposal is accepted into: the one open at `version`, or a new one on `baseNumber`. */
export interface AcceptInto {
  existing: { version: number } | null;
  baseNumber: number;
  structure: PlanStructure;
}

/** A decision on an open proposal: who, when, the note. */
export interface Decision {
  state: Exclude<ProposalState, 'open'>;
  by: string;
  at: string;
  note: string | null;
}

const decided = () =>
  new DomainError(
    'conflict',
    'proposal_decided',
    'The proposal is no longer open: it was decided or withdrawn',
  );

type Row = RevisionProposalTable & { author_name: string | null };

function toProposal(row: Row): StoredProposal {
  return {
    id: row.id,
    planId: row.plan_id,
    authorId: row.author_id,
    authorName: row.author_name ?? row.author_id,
    ministry: row.ministry,
    reason: row.reason,
    edits: JSON.parse(row.edits_json) as PlanEdit[],
    baseNumber: row.base_number,
    state: row.state,
    createdAt: row.created_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    note: row.note,
  };
}

/** Reporters' proposals (変更提案). The only SQL on revision_proposal; each write audited in its transaction. */
export class ProposalRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private select() {
    return this.db
      .selectFrom('revision_proposal')
      .leftJoin('app_user', 'app_user.id', 'revision_proposal.author_id')
      .selectAll('revision_proposal')
      .select('app_user.display_name as author_name');
  }

  /** A plan's proposals, newest first: all, or one ministry's. */
  async list(planId: string, ministry: string | null): Promise<StoredProposal[]> {
    let query = this.select().where('revision_proposal.plan_id', '=', planId);
    if (ministry !== null) query = query.where('revision_proposal.ministry', '=', ministry);
    const rows = await query
      .orderBy('revision_proposal.created_at', 'desc')
      .orderBy('revision_proposal.id', 'desc')
      .execute();
    return rows.map(toProposal);
  }

  /** One proposal of a plan, if it exists. */
  async find(planId: string, id: string): Promise<StoredProposal | undefined> {
    const row = await this.select()
      .where('revision_proposal.plan_id', '=', planId)
      .where('revision_proposal.id', '=', id)
      .executeTakeFirst();
    return row && toProposal(row);
  }

  /** Store a new open proposal, its audit event and the coordinating office's notices, together. */
  async insert(proposal: NewProposal, audit: AuditEntry, event: RoundEvent): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('revision_proposal')
        .values({
          id: proposal.id,
          plan_id: proposal.planId,
          author_id: proposal.authorId,
          ministry: proposal.ministry,
          reason: proposal.reason,
          edits_json: JSON.stringify(proposal.edits),
          base_number: proposal.baseNumber,
          state: 'open',
          created_at: proposal.createdAt,
          decided_by: null,
          decided_at: null,
          note: null,
        })
        .execute();
      await insertAuditEvent(trx, proposal.createdAt, audit);
      await recordRoundEvent(trx, event);
    });
  }

  // Close an open proposal; one decided meanwhile (another coordinator, its author withdrawing) is a conflict.
  private static async closeOpen(trx: Kysely<DB>, id: string, decision: Decision): Promise<void> {
    const result = await trx
      .updateTable('revision_proposal')
      .set({ state: decision.state, decided_by: decision.by, decided_at: decision.at, note: decision.note })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw decided();
  }

  /** Decline or withdraw an open proposal, with its audit event and notices (none for a withdrawal). */
  async close(id: string, decision: Decision, audit: AuditEntry, event: RoundEvent | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await ProposalRepository.closeOpen(trx, id, decision);
      await insertAuditEvent(trx, decision.at, audit);
      if (event) await recordRoundEvent(trx, event);
    });
  }

  /**
   * Accept an open proposal into the plan's draft revision, in one transaction: the draft is written only at
   * the version the service read (or created when none was open), else 409 and nothing written.
   */
  async accept(
    planId: string,
    id: string,
    into: AcceptInto,
    decision: Decision,
    audit: AuditEntry,
    event: RoundEvent,
  ): Promise<void> {
    const stale = () =>
      new DomainError(
        'conflict',
        'revision_conflict',
        'The draft changed meanwhile: reload and decide again',
      );
    await this.db
      .transaction()
      .execute(async (trx) => {
        await ProposalRepository.closeOpen(trx, id, decision);
        const structure_json = JSON.stringify(into.structure);
        if (into.existing) {
          const result = await trx
            .updateTable('revision_draft')
            .set({
              structure_json,
              version: into.existing.version + 1,
              updated_at: decision.at,
              updated_by: decision.by,
            })
            .where('plan_id', '=', planId)
            .where('version', '=', into.existing.version)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw stale();
        } else {
          await trx
            .insertInto('revision_draft')
            .values({
              plan_id: planId,
              base_number: into.baseNumber,
              version: 1,
              structure_json,
              created_at: decision.at,
              updated_at: decision.at,
              updated_by: decision.by,
            })
            .execute();
        }
        await insertAuditEvent(trx, decision.at, audit);
        await recordRoundEvent(trx, event);
      })
      .catch((error: unknown) => {
        throw isUniqueViolation(error) ? stale() : error;
      });
  }
}
