import { sql, type Kysely } from 'kysely';

// Frozen in time. The status method a plan is judged by (#16): the Open SDG method, or the Cabinet Office's
// A/B/N/F grades that Japanese offices publish. Chosen by a coordinator; every existing plan keeps Open SDG.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plan')
    .addColumn('status_method', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open-sdg')
        .check(sql`status_method in ('open-sdg','abnf')`),
    )
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
