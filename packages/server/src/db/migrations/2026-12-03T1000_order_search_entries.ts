import { sql, type Kysely } from 'kysely';

// Frozen in time. Search results are ordered by plan, then kind, sheet and title. The plan's slug now leads
// each entry's sort key, so an index on the key alone serves that order: PostgreSQL walks it and stops at the
// first page instead of sorting every match of a common word.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`update search_entry set sort_key = (select slug from plan where plan.id = search_entry.plan_id) || ' ' || sort_key`.execute(
    db,
  );
  await db.schema
    .createIndex('search_entry_order_idx')
    .on('search_entry')
    .columns(['sort_key', 'id'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
