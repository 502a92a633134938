import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen in time. The audit trail becomes append-only evidence: every event carries a gap-free `seq` (unique,
// handed out by the one-row `audit_head`, which each writing transaction updates and so holds until it
// commits) and a SHA-256 `hash` over its content and the previous event's hash. Events written before this
// migration are chained here in the order they were written, duplicate numbers (from the old max(seq)+1)
// renumbered, so an upgraded database verifies.

const GENESIS = '0'.repeat(64);

interface OldEvent {
  id: string;
  seq: number | string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail_json: string;
  request_id: string | null;
}

// A copy of the canonical form of the time (repositories/audit-chain.ts): a migration never imports app code.
function hashOf(event: OldEvent, seq: number, prevHash: string): string {
  const canonical = JSON.stringify([
    seq,
    prevHash,
    event.at,
    event.actor_id,
    event.action,
    event.entity_type,
    event.entity_id,
    event.detail_json,
    event.request_id,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('audit_event')
    .addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_event')
    .addColumn('hash', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  const events = (await db
    .selectFrom('audit_event')
    .selectAll()
    .orderBy('seq')
    .orderBy('at')
    .orderBy('id')
    .execute()) as OldEvent[];
  let prevHash = GENESIS;
  let seq = 0;
  for (const event of events) {
    seq += 1;
    const hash = hashOf(event, seq, prevHash);
    await db
      .updateTable('audit_event')
      .set({ seq, prev_hash: prevHash, hash })
      .where('id', '=', event.id)
      .execute();
    prevHash = hash;
  }
  await db.insertInto('audit_head').values({ id: 1, seq, hash: prevHash }).execute();
  await db.schema.createIndex('audit_event_seq_uq').unique().on('audit_event').column('seq').execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
