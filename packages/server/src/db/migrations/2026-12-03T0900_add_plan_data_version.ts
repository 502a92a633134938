import type { Kysely } from 'kysely';

// Frozen in time. A counter on the plan that every write to the plan's KPIs, actuals or overrides raises in
// the same transaction. Computed statuses may then be kept between requests, in any number of app instances,
// and are recomputed exactly when the counter (or the day in Japan) has moved.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan')
    .addColumn('data_version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
