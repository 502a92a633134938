import { sql, type Kysely } from 'kysely';
import type { AuditEvent } from '@kotei/domain';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';

/** What a change records about itself; id and time are added when it is written. */
export type AuditEntry = Omit<AuditEvent, 'id' | 'at'>;

/** Write one audit event with the executor of the change it records, so both commit or neither does. */
export async function insertAuditEvent(executor: Kysely<DB>, at: string, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_event')
    .values({
      id: newId(),
      seq: sql<number>`(select coalesce(max(seq), 0) + 1 from audit_event)`,
      at,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      detail_json: JSON.stringify(entry.detail),
      request_id: entry.requestId,
    })
    .execute();
}

/** Reads the audit trail. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Events about one entity, oldest first. */
  async listForEntity(entityType: string, entityId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      actorId: row.actor_id,
      action: row.action,
      entityType: row.entity_type,
      entityId: row.entity_id,
      detail: JSON.parse(row.detail_json) as Record<string, unknown>,
      requestId: row.request_id,
    }));
  }
}
