import type { Kysely } from 'kysely';
import { DomainError, type PlanStructure } from '@kotei/domain';
import type { DB, PlanTable, RetiredEntityTable, RevisionDraftTable, RevisionTable } from '../db/schema.js';
import { isUniqueViolation } from '../db/database.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { raiseDataVersion } from './batched-writes.js';
import { loadPlanRows, type PlanRows } from './plan-rows.js';
import { rowsAsOf, structureFromRows } from './mappers/plan-structure.mapper.js';
import { buildSearchEntries } from './search-entry.mapper.js';
import { SearchRepository } from './search.repository.js';
import { writeStructure } from './revision-writes.js';
import { newId } from '../ids.js';

/** An adopted revision as stored, its structure parsed. */
export interface StoredRevision {
  number: number;
  reason: string;
  summary: string;
  createdAt: string;
  createdBy: string | null;
  structure: PlanStructure;
}

/** A plan's draft revision as stored, its structure parsed. */
export interface StoredDraft {
  baseNumber: number;
  version: number;
  structure: PlanStructure;
  updatedAt: string;
  updatedBy: string | null;
}

/** What adopting a draft writes. */
export interface Adoption {
  draftVersion: number;
  reason: string;
  summary: string;
  by: string | null;
  at: string;
}

function toRevision(row: RevisionTable): StoredRevision {
  return {
    number: row.number,
    reason: row.reason,
    summary: row.summary,
    createdAt: row.created_at,
    createdBy: row.created_by,
    structure: JSON.parse(row.snapshot_json) as PlanStructure,
  };
}

function toDraft(row: RevisionDraftTable): StoredDraft {
  return {
    baseNumber: row.base_number,
    version: row.version,
    structure: JSON.parse(row.structure_json) as PlanStructure,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

const conflict = (message: string) => new DomainError('conflict', 'revision_conflict', message);

/** Revisions (見直し), the draft revision and the retired entities of plans. The only SQL on those tables. */
export class RevisionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The plan's rows as a revision's structure fixes them (time travel). */
  async rowsAt(plan: PlanTable, structure: PlanStructure): Promise<PlanRows> {
    return rowsAsOf(await loadPlanRows(this.db, plan, { withRetired: true }), structure);
  }

  /** Every revision of the plan, newest first (structures parsed). */
  async list(planId: string): Promise<StoredRevision[]> {
    const rows = await this.db
      .selectFrom('revision')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('number', 'desc')
      .execute();
    return rows.map(toRevision);
  }

  /** One revision, if it exists. */
  async find(planId: string, number: number): Promise<StoredRevision | undefined> {
    const row = await this.db
      .selectFrom('revision')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('number', '=', number)
      .executeTakeFirst();
    return row && toRevision(row);
  }

  /** The revision in force at an instant: the last adopted at or before it. */
  async numberInForce(planId: string, at: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('revision')
      .select('number')
      .where('plan_id', '=', planId)
      .where('created_at', '<=', at)
      .orderBy('number', 'desc')
      .executeTakeFirst();
    return row?.number;
  }

  /** The latest revision's number, 0 when the plan has none yet. */
  async latestNumber(planId: string, db: Kysely<DB> = this.db): Promise<number> {
    const row = await db
      .selectFrom('revision')
      .select((eb) => eb.fn.max<number | string | null>('number').as('n'))
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Record revision 1 (策定) of a plan that has none, from its rows: plans imported before revisions existed get
   * theirs on first use. A concurrent caller that got there first wins; this one reads theirs.
   */
  async ensureFirst(plan: PlanTable, at: string, audit: AuditEntry): Promise<void> {
    if ((await this.latestNumber(plan.id)) > 0) return;
    const structure = structureFromRows(await loadPlanRows(this.db, plan), null, []);
    await this.db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('revision')
          .values(firstRevision(plan.id, structure, plan.created_at, null))
          .execute();
        await insertAuditEvent(trx, at, audit);
      })
      .catch((error: unknown) => {
        if (!isUniqueViolation(error)) throw error;
      });
  }

  /** The plan's draft revision, if one is open. */
  async draft(planId: string): Promise<StoredDraft | undefined> {
    const row = await this.db
      .selectFrom('revision_draft')
      .selectAll()
      .where('plan_id', '=', planId)
      .executeTakeFirst();
    return row && toDraft(row);
  }

  /** Open a draft on the latest revision; a draft already open is kept (and returned). */
  async openDraft(planId: string, at: string, by: string | null, audit: AuditEntry): Promise<StoredDraft> {
    await this.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('revision_draft')
        .select('plan_id')
        .where('plan_id', '=', planId)
        .executeTakeFirst();
      if (existing) return;
      const base = await trx
        .selectFrom('revision')
        .selectAll()
        .where('plan_id', '=', planId)
        .orderBy('number', 'desc')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('revision_draft')
        .values({
          plan_id: planId,
          base_number: base.number,
          version: 0,
          structure_json: base.snapshot_json,
          created_at: at,
          updated_at: at,
          updated_by: by,
        })
        .execute();
      await insertAuditEvent(trx, at, audit);
    });
    const draft = await this.draft(planId);
    if (!draft) throw conflict('The draft was adopted or discarded meanwhile');
    return draft;
  }

  /** Replace the draft's structure if it is still at `version`; a stale version is a conflict (nothing written). */
  async saveDraft(
    planId: string,
    version: number,
    structure: PlanStructure,
    at: string,
    by: string | null,
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('revision_draft')
        .set({
          structure_json: JSON.stringify(structure),
          version: version + 1,
          updated_at: at,
          updated_by: by,
        })
        .where('plan_id', '=', planId)
        .where('version', '=', version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw new DomainError('conflict', 'stale_version', 'The draft changed since you read it: reload it');
      await insertAuditEvent(trx, at, audit);
    });
  }

  /** Discard the draft. */
  async discardDraft(planId: string, at: string, audit: AuditEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('revision_draft').where('plan_id', '=', planId).executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1) return false;
      await insertAuditEvent(trx, at, audit);
      return true;
    });
  }

  /**
   * Adopt the draft as the next revision, in ONE transaction: the draft taken only if still at the version the
   * adopter saw and based on the latest revision (else 409 `revision_conflict`, nothing written), the structure
   * applied to the plan's rows by id, the snapshot stored, the plan's data_version raised, its search entries
   * made anew, and the audit event.
   */
  async adopt(
    plan: PlanTable,
    adoption: Adoption,
    audit: (number: number, structure: PlanStructure) => AuditEntry,
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const draftRow = await trx
        .selectFrom('revision_draft')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .executeTakeFirst();
      if (!draftRow)
        throw conflict('There is no draft to adopt: another coordinator adopted or discarded it');
      const taken = await trx
        .deleteFrom('revision_draft')
        .where('plan_id', '=', plan.id)
        .where('version', '=', adoption.draftVersion)
        .where('base_number', '=', draftRow.base_number)
        .executeTakeFirst();
      if (Number(taken.numDeletedRows) !== 1)
        throw conflict('The draft changed since you read it: review it again');
      const latest = await this.latestNumber(plan.id, trx);
      if (latest !== draftRow.base_number)
        throw conflict(`Revision ${latest} was adopted after this draft was opened`);
      const number = latest + 1;
      const structure = JSON.parse(draftRow.structure_json) as PlanStructure;
      await trx
        .insertInto('revision')
        .values({
          id: newId(),
          plan_id: plan.id,
          number,
          reason: adoption.reason,
          summary: adoption.summary,
          snapshot_json: draftRow.structure_json,
          created_by: adoption.by,
          created_at: adoption.at,
        })
        .execute()
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? conflict(`Revision ${number} was adopted meanwhile`) : error;
        });
      const current = await trx
        .selectFrom('plan')
        .selectAll()
        .where('id', '=', plan.id)
        .executeTakeFirstOrThrow();
      const retired = await trx
        .selectFrom('retired_entity')
        .selectAll()
        .where('plan_id', '=', plan.id)
        .execute();
      await writeStructure(
        trx,
        await loadPlanRows(trx, current, { withRetired: true }),
        structure,
        retired,
        number,
      );
      await raiseDataVersion(trx, { planId: plan.id });
      await this.reindex(trx, current);
      await insertAuditEvent(trx, adoption.at, audit(number, structure));
      return number;
    });
  }

  private async reindex(trx: Kysely<DB>, plan: PlanTable): Promise<void> {
    const rows = await loadPlanRows(trx, plan);
    await trx
      .deleteFrom('search_entry')
      .where('plan_id', '=', plan.id)
      .where('entity_type', '!=', 'evaluation')
      .execute();
    await SearchRepository.insert(trx, buildSearchEntries(rows));
  }
}

/** Revision 1 of a plan: 策定, the structure it was created with. */
export function firstRevision(
  planId: string,
  structure: PlanStructure,
  at: string,
  by: string | null,
): RevisionTable {
  return {
    id: newId(),
    plan_id: planId,
    number: 1,
    reason: '策定',
    summary: '',
    snapshot_json: JSON.stringify(structure),
    created_by: by,
    created_at: at,
  };
}

/**
 * Record what a write outside the draft (an applied workbook) made of the plan as its next revision, in that
 * write's transaction: from the rows as they now stand, the latest revision's horizon and what revisions retired.
 * `before` is the plan's rows before the write, revision 1 of a plan that has none yet. A draft opened on an
 * earlier revision can then not adopt over the write (409), and the history shows it.
 */
export async function recordRevisionOfRows(
  trx: Kysely<DB>,
  plan: PlanTable,
  before: PlanRows,
  revision: { reason: string; summary: string; by: string | null; at: string },
): Promise<number> {
  const repository = new RevisionRepository(trx);
  if ((await repository.latestNumber(plan.id, trx)) === 0)
    await trx
      .insertInto('revision')
      .values(firstRevision(plan.id, structureFromRows(before, null, []), plan.created_at, null))
      .execute();
  const latest = await repository.latestNumber(plan.id, trx);
  const previous = await repository.find(plan.id, latest);
  const retired = await trx.selectFrom('retired_entity').selectAll().where('plan_id', '=', plan.id).execute();
  const structure = structureFromRows(
    await loadPlanRows(trx, plan),
    previous?.structure.plan.horizon ?? null,
    retired,
  );
  await trx
    .insertInto('revision')
    .values({
      id: newId(),
      plan_id: plan.id,
      number: latest + 1,
      reason: revision.reason,
      summary: revision.summary,
      snapshot_json: JSON.stringify(structure),
      created_by: revision.by,
      created_at: revision.at,
    })
    .execute();
  return latest + 1;
}

/** The structure of a plan's rows, for its first revision. */
export { structureFromRows };
export type { RetiredEntityTable };
