import type { Kysely } from 'kysely';
import type { DB, KpiTableMappingTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A stored mapping, as the service reads it. */
export type KpiTableMappingRow = KpiTableMappingTable;

/** Saved KPI table column mappings: a user's own, found by their office too. */
export class KpiTableMappingRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** A user's mappings and, where the user has an office, its other members'; newest first. */
  async listVisible(
    userId: string,
    office: string | null,
    signature?: string,
  ): Promise<KpiTableMappingRow[]> {
    let query = this.db
      .selectFrom('kpi_table_mapping')
      .selectAll()
      // The coordinating office's staff (no ministry of their own) are one office and share theirs.
      .where((eb) =>
        eb.or([
          eb('owner_id', '=', userId),
          office === null ? eb('office', 'is', null) : eb('office', '=', office),
        ]),
      );
    if (signature !== undefined) query = query.where('signature', '=', signature);
    return query.orderBy('updated_at', 'desc').orderBy('id').execute();
  }

  /**
   * Save a mapping under its owner's name for it, with its audit event: a name the owner used before is
   * replaced (next year's corrections), else a new row. Gives the stored row and whether it replaced one.
   */
  async save(
    row: KpiTableMappingRow,
    audit: (before: KpiTableMappingRow | undefined) => AuditEntry,
  ): Promise<{ row: KpiTableMappingRow; replaced: boolean }> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('kpi_table_mapping')
        .selectAll()
        .where('owner_id', '=', row.owner_id)
        .where('name', '=', row.name)
        .executeTakeFirst();
      let stored = row;
      if (before === undefined) {
        await trx.insertInto('kpi_table_mapping').values(row).execute();
      } else {
        stored = { ...row, id: before.id, created_at: before.created_at };
        await trx
          .updateTable('kpi_table_mapping')
          .set({
            office: row.office,
            signature: row.signature,
            column_roles: row.column_roles,
            updated_at: row.updated_at,
          })
          .where('id', '=', before.id)
          .execute();
      }
      await insertAuditEvent(trx, row.updated_at, audit(before));
      return { row: stored, replaced: before !== undefined };
    });
  }

  /** Delete one of a user's own mappings with its audit event; false (nothing written) when there is none. */
  async delete(
    ownerId: string,
    id: string,
    now: string,
    audit: (before: KpiTableMappingRow) => AuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const before = await trx
        .selectFrom('kpi_table_mapping')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (before === undefined) return false;
      await trx.deleteFrom('kpi_table_mapping').where('id', '=', id).execute();
      await insertAuditEvent(trx, now, audit(before));
      return true;
    });
  }
}
