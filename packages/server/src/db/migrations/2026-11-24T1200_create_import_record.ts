import type { Kysely } from 'kysely';

// Frozen in time. Every committed import, with the fingerprint of the document as read, so the same document
// imported again is recognised and changes nothing.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plan.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('issue_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text', (c) => c.references('app_user.id'))
    .execute();
  await db.schema
    .createIndex('import_record_plan_idx')
    .on('import_record')
    .columns(['plan_id', 'fingerprint'])
    .execute();
}

export function down(): Promise<void> {
  return Promise.reject(new Error('kotei migrations are forward-only'));
}
