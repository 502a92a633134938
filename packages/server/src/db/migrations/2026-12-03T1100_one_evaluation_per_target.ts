import { sql, type Kysely } from 'kysely';

// Frozen in time. One evaluation per evaluator, target and round, held by the database itself so two
// simultaneous submissions cannot both land. A null goal or sheet (the plan as a whole) counts as one value.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('evaluation_one_per_target_uq')
    .unique()
    .on('evaluation')
    .expression(sql`round_id, evaluator_id, (coalesce(goal_id, '')), (coalesce(sheet_id, ''))`)
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
