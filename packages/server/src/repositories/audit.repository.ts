import { sql, type Kysely } from 'kysely';
import type { AuditEvent } from '@kotei/domain';
import type { AuditEventTable, DB } from '../db/schema.js';
import { newId } from '../ids.js';
import { ChainWalk, GENESIS_HASH, hashAuditEvent, type ChainHead, type ChainVerdict } from './audit-chain.js';

/** What a change records about itself; id and time are added when it is written. */
export type AuditEntry = Omit<AuditEvent, 'id' | 'at'>;

/**
 * Write one audit event with the executor of the change it records, so both commit or neither does. Given a
 * transaction, the event joins it; given the database, it is written in a transaction of its own.
 *
 * The seq comes from the one-row head, updated first: on PostgreSQL the update locks the row until the
 * transaction ends, so a concurrent writer waits and then reads the seq and hash this one committed; SQLite
 * runs one writer at a time. Seq stays gap-free (a rolled-back transaction gives its number back) and the
 * unique index on seq refuses any duplicate.
 */
export async function insertAuditEvent(executor: Kysely<DB>, at: string, entry: AuditEntry): Promise<void> {
  if (!executor.isTransaction) {
    await executor.transaction().execute((trx) => insertAuditEvent(trx, at, entry));
    return;
  }
  const head = await executor
    .updateTable('audit_head')
    .set({ seq: sql<number>`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const fields = {
    seq: head.seq,
    prev_hash: head.hash,
    at,
    actor_id: entry.actorId,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    detail_json: JSON.stringify(entry.detail),
    request_id: entry.requestId,
  };
  const hash = hashAuditEvent(fields);
  await executor
    .insertInto('audit_event')
    .values({ id: newId(), ...fields, hash })
    .execute();
  await executor.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

// Rows read per page while verifying: a long trail is walked without holding it in memory.
const VERIFY_PAGE = 1000;

/** Reads and writes the audit trail. */
export class AuditRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Record an event on its own, in a transaction of its own (a sign-in, or a refused one). */
  async record(at: string, entry: AuditEntry): Promise<void> {
    await insertAuditEvent(this.db, at, entry);
  }

  /** Events about one entity, oldest first. */
  async listForEntity(entityType: string, entityId: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', entityType)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
    return rows.map(toAuditEvent);
  }

  /** Events with one action, oldest first (sign-ins, refused sign-ins, …). */
  async listByAction(action: string): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq')
      .execute();
    return rows.map(toAuditEvent);
  }

  /**
   * Walk the whole chain in seq order and name the first altered, inserted or removed row. Reads inside one
   * snapshot (repeatable read; SQLite's read transaction is one), so the head and every page are of the same
   * moment while the app goes on writing.
   */
  async verify(): Promise<ChainVerdict> {
    return this.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const headRow = await trx
          .selectFrom('audit_head')
          .select(['seq', 'hash'])
          .where('id', '=', 1)
          .executeTakeFirst();
        // A head removed in SQL leaves nothing to trust: every row then reads as one no audited write made.
        const head: ChainHead = headRow
          ? { seq: headRow.seq, hash: headRow.hash }
          : { seq: 0, hash: GENESIS_HASH };
        const walk = new ChainWalk(head);
        for (;;) {
          const rows = await trx
            .selectFrom('audit_event')
            .select([
              'id',
              'seq',
              'prev_hash',
              'hash',
              'at',
              'actor_id',
              'action',
              'entity_type',
              'entity_id',
              'detail_json',
              'request_id',
            ])
            .where('seq', '>', walk.lastSeq)
            .orderBy('seq')
            .orderBy('id')
            .limit(VERIFY_PAGE)
            .execute();
          walk.push(rows);
          if (walk.isDone || rows.length < VERIFY_PAGE) break;
        }
        return walk.finish();
      });
  }
}

function toAuditEvent(row: Omit<AuditEventTable, 'seq' | 'prev_hash' | 'hash'>): AuditEvent {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    requestId: row.request_id,
  };
}
