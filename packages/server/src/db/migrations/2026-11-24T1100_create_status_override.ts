import type { Kysely } from 'kysely';

// Frozen in time. A coordinator's status for a KPI, with its mandatory reason; the computed status is never
// stored (it is computed on read, so it cannot go stale), and earlier overrides live on in the audit trail.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('status_override')
    .addColumn('kpi_id', 'text', (c) => c.primaryKey().references('kpi.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
